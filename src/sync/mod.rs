//! Sync by file: revision stamping now; export format and merge build on it.

pub mod envelope;
pub mod erase;
pub mod format;
pub mod label;
pub mod merge;
pub mod migrate;
pub mod revision;
pub mod scope;
pub mod validate;
