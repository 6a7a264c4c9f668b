//! Allocation: eligibility, scoring and the batch solver.
pub mod batch;
