//! The exact batch allocation solver: which contact person gets which case.
//!
//! # Instance format (public contract)
//!
//! ```json
//! {"cases":   [{"id": "c1", "hours": 6}],
//!  "persons": [{"id": "p1", "capacity_hours": 20, "group": "klub-a"}],
//!  "groups":  [{"id": "klub-a", "capacity_hours": 30}],
//!  "scores":  [{"case": "c1", "person": "p1", "score": 12}],
//!  "pinned":  [{"case": "c2", "person": "p3"}]}
//! ```
//!
//! - `cases`: unique `id`, weekly `hours` (a non-negative JSON number, may be
//!   fractional; used internally as rounded integer hundredths, so capacity checks
//!   are exact).
//! - `persons`: unique `id`, `capacity_hours` (non-negative), optional `group`.
//! - `groups` (optional): unique `id`, `capacity_hours` shared by the group's persons.
//! - `scores` (optional): the eligible pairs, each with an integer `score` (may be
//!   negative, |score| ≤ 10⁹). A pair without a score entry is never assigned.
//! - `pinned` (optional): forced pairs. A pin uses capacity, need not have a score
//!   (its score then counts as 0), and pins that alone exceed a person's or a
//!   group's capacity are an error.
//!
//! Unknown or duplicate ids, negative or non-finite hours and capacities, a case
//! pinned twice and a pair scored twice are reported as [`InstanceError`]s.
//!
//! # Objective
//!
//! Lexicographic: first the most placed cases, then the highest total score; each
//! case gets at most one person, and no person or group exceeds its hours. The
//! solver combines both into `placed · big + score` with `big` larger than any score
//! difference, bounds it by a Lagrangian relaxation with one integer knapsack per
//! person ([`bound`]), starts from a greedy solution improved by local search
//! ([`greedy`]) and proves optimality by depth-first branch and bound ([`solver`]);
//! when that takes long, it settles the placed count on its own first and then
//! maximises the score among solutions placing exactly that many ([`phases`]),
//! improving that phase's first solution by large neighbourhood search ([`lns`]).
//! Subtrees whose every solution an exchange of cases improves are cut
//! ([`dominance`]).
//! The result is deterministic: ties resolve by input order.
//!
//! The clock is a parameter (`std::time::Instant` panics on `wasm32`): pass
//! `performance.now()` in the browser, or a closure over `Instant` natively.

mod bound;
mod dominance;
pub mod generate;
mod greedy;
mod instance;
mod knapsack;
mod lns;
mod phases;
mod solver;
mod state;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use instance::{
    CaseInput, GroupInput, Instance, InstanceError, PersonInput, PinInput, ScoreInput, MAX_ABS_SCORE, MAX_HOURS,
};

/// When the search stops early. Stopped early, the result is the best solution
/// found, with `optimal: false` and a proven upper bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SolveOptions {
    /// Milliseconds, as measured by the clock passed to [`solve`].
    pub time_limit_ms: f64,
    /// Branch-and-bound nodes.
    pub node_limit: u64,
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions { time_limit_ms: f64::INFINITY, node_limit: u64::MAX }
    }
}

/// One assigned pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    pub case: String,
    pub person: String,
}

/// Why a case stayed unassigned, given the final assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnassignedReason {
    /// No person has a score for the case.
    NoEligiblePerson,
    /// The case needs more hours than any eligible person (or their group) has at all.
    ExceedsCapacity,
    /// Every eligible person lacks the remaining hours themselves.
    PersonCapacityExhausted,
    /// Some eligible person has the hours, but their group does not.
    GroupCapacityExhausted,
}

/// An unassigned case and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unassigned {
    pub case: String,
    pub reason: UnassignedReason,
}

/// A lexicographic upper bound: no assignment places more than `placed` cases, and
/// none placing exactly `placed` scores more than `objective`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpperBound {
    pub placed: usize,
    pub objective: i64,
}

/// The solver's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Solution {
    /// Assigned pairs (pins included), in case input order.
    pub assignment: Vec<Pair>,
    pub placed: usize,
    /// Total score of the assignment.
    pub objective: i64,
    /// Whether the assignment is proven optimal.
    pub optimal: bool,
    pub upper_bound: UpperBound,
    /// Unassigned cases in input order.
    pub unassigned: Vec<Unassigned>,
    /// Branch-and-bound nodes explored.
    pub nodes: u64,
}

/// Solves an instance. `clock` returns milliseconds from any fixed origin.
pub fn solve(
    instance: &Instance,
    options: &SolveOptions,
    clock: &mut dyn FnMut() -> f64,
) -> Result<Solution, InstanceError> {
    let problem = instance.prepare()?;
    let model = state::Model::new(&problem);
    let limits = solver::Limits { time_limit_ms: options.time_limit_ms, node_limit: options.node_limit, clock };
    let outcome = phases::solve(&model, limits);
    let load = &outcome.best;

    let mut assignment = Vec::new();
    let mut unassigned = Vec::new();
    let (mut placed, mut objective) = (0usize, 0i64);
    let (mut pinned_placed, mut pinned_score) = (0usize, 0i64);
    for (c, case) in instance.cases.iter().enumerate() {
        let person = match problem.pinned[c] {
            Some(j) => {
                pinned_placed += 1;
                pinned_score += problem.score(c, j);
                Some(j)
            }
            None => load.of_case[c],
        };
        match person {
            Some(j) => {
                placed += 1;
                objective += problem.score(c, j);
                assignment.push(Pair { case: case.id.clone(), person: instance.persons[j].id.clone() });
            }
            None => unassigned.push(Unassigned { case: case.id.clone(), reason: reason(&problem, load, c) }),
        }
    }

    let big = problem.big;
    let p = (outcome.bound + big / 2).div_euclid(big);
    let upper_bound =
        UpperBound { placed: p.max(0) as usize + pinned_placed, objective: outcome.bound - p * big + pinned_score };
    Ok(Solution {
        assignment,
        placed,
        objective,
        optimal: outcome.optimal,
        upper_bound,
        unassigned,
        nodes: outcome.nodes,
    })
}

/// Parses the JSON format and solves it.
pub fn solve_json(
    text: &str,
    options: &SolveOptions,
    clock: &mut dyn FnMut() -> f64,
) -> Result<Solution, InstanceError> {
    solve(&Instance::from_json(text)?, options, clock)
}

fn reason(p: &instance::Problem, load: &state::Load, c: usize) -> UnassignedReason {
    let h = p.hours[c];
    let scored = &p.scored[c];
    if scored.is_empty() {
        return UnassignedReason::NoEligiblePerson;
    }
    let ever_fits = |j: usize| h <= p.person_total[j] && p.person_group[j].is_none_or(|g| h <= p.group_total[g]);
    if !scored.iter().any(|&(j, _)| ever_fits(j)) {
        return UnassignedReason::ExceedsCapacity;
    }
    if scored.iter().any(|&(j, _)| ever_fits(j) && load.rem_p[j] >= h) {
        UnassignedReason::GroupCapacityExhausted
    } else {
        UnassignedReason::PersonCapacityExhausted
    }
}
