//! Allocation: eligibility, scoring and the batch solver.
pub mod agenda;
pub mod batch;
pub mod context;
pub mod eligibility;
pub mod facts;
pub mod recommend;
pub mod score;
#[cfg(test)]
mod testkit;
