//! Allocation: eligibility, scoring and the batch solver.
