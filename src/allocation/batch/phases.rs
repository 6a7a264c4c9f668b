//! The phases of the solver, each a branch and bound ([`super::solver`]):
//! 1. the combined objective `placed · big + score`, for at most [`PLAIN_NODES`]
//!    nodes (enough for most instances);
//! 2. if that did not finish: the placed count alone (every pair weighs 1), a
//!    bin-packing question that its own bound settles within a few dozen nodes
//!    where the combined bound, diluted by scores, stalls;
//! 3. then the best score among solutions placing exactly that proven maximum
//!    count: the relaxation dualises "exactly `card` placed" with a free
//!    multiplier instead of the fixed price `big` per placed case, which bounds the
//!    score far more tightly (see [`Relaxation::card`](super::bound::Relaxation)).
//!    Its incumbent is first improved by large neighbourhood search
//!    ([`super::lns`]), since the tight packing defeats the greedy moves.

use super::greedy;
use super::instance::Problem;
use super::solver::{run, Limits, Outcome};
use super::state::{Load, Model};

/// Nodes of the plain search before the count is settled separately: the
/// instances it proves take about a hundred, the rest are better off in phase 3
/// (150 instead of 500 saved about 70 ms on each such scarce 60×500 instance).
const PLAIN_NODES: u64 = 150;

/// Solves the unpinned part of a problem within `limits`.
pub(crate) fn solve(m: &Model, limits: Limits) -> Outcome {
    solve_phased(m, limits, PLAIN_NODES)
}

/// [`solve`] with the node budget of phase 1 as a parameter, so that tests can
/// reach the later phases on small instances.
pub(crate) fn solve_phased(m: &Model, mut limits: Limits, plain_nodes: u64) -> Outcome {
    let start_ms = (limits.clock)();

    // Phase 1: the combined objective `placed · big + score`, which proves most
    // instances within a hundred nodes.
    let node_limit = limits.node_limit;
    limits.node_limit = node_limit.min(plain_nodes);
    let plain = run(m, &mut limits, start_ms, initial(m), None);
    limits.node_limit = node_limit.saturating_sub(plain.nodes);
    if plain.optimal || plain.nodes > node_limit {
        return plain;
    }

    // Phase 2: the most cases that can be placed at all, scores ignored (every
    // pair weighs 1). Its bound and search see only the bin-packing question.
    let count_problem = count_problem(m);
    let cm = Model::new(&count_problem);
    let mut count_start = transfer(&cm, &plain.best);
    let count_greedy = greedy::initial(&cm);
    if count_greedy.value > count_start.value {
        count_start = count_greedy;
    }
    let count = run(&cm, &mut limits, start_ms, count_start, None);
    limits.node_limit = limits.node_limit.saturating_sub(count.nodes);

    // The most-placed solution, improved for its score, competes with the best one.
    let mut seed = transfer(m, &count.best);
    greedy::improve(m, &mut seed);
    let best = if seed.value > plain.best.value { seed } else { plain.best };
    let big = m.p.big;
    // Every score sum lies within ±(big − 1) / 2 (see `Instance::prepare`).
    let score_cap = (big - 1) / 2;
    let nodes = plain.nodes + count.nodes;
    if !count.optimal {
        return Outcome {
            bound: plain.bound.min(count.bound * big + score_cap).max(best.value),
            optimal: false,
            nodes,
            best,
        };
    }

    // Phase 3: the best score among solutions placing exactly `card` cases (the
    // incumbent does, and only such solutions can beat it), with the count
    // constraint dualised (see [`Relaxation::card`]).
    let card = count.best.value;
    let scored = run(m, &mut limits, start_ms, best, Some(card));
    Outcome { bound: scored.bound.min(plain.bound).min(card * big + score_cap), nodes: nodes + scored.nodes, ..scored }
}

/// The first incumbent: the better of the greedy solution and the greedy solution
/// of the placed count alone, improved for its score. The latter packs more cases
/// when capacity is scarce, which the pruning depends on.
fn initial(m: &Model) -> Load {
    let best = greedy::initial(m);
    let mut packed = transfer(m, &greedy::initial(&Model::new(&count_problem(m))));
    greedy::improve(m, &mut packed);
    if packed.value > best.value {
        packed
    } else {
        best
    }
}

/// The problem of placing the most cases, scores ignored (every pair weighs 1).
fn count_problem(m: &Model) -> Problem {
    let mut p = m.p.clone();
    p.big = 1;
    for list in &mut p.by_case {
        list.iter_mut().for_each(|e| e.1 = 0);
    }
    p
}

/// The same pairs as `load`, as an assignment of the model `m`.
fn transfer(m: &Model, load: &Load) -> Load {
    let mut out = Load::new(m.p);
    for (c, j) in load.of_case.iter().enumerate() {
        if let Some(j) = *j {
            out.place(m, c, j);
        }
    }
    out
}
