//! Sync by file: revision stamping now; export format and merge build on it.

pub mod revision;
