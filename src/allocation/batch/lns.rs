//! Large neighbourhood search for the score phase (fix and optimise): keep the
//! incumbent's pairs except those of a few random persons, and let the branch and
//! bound re-place those persons' cases and the unplaced ones, within a node budget.
//!
//! Once the placed count is fixed, capacity is packed so tightly that the
//! greedy moves (one insertion, ejection or swap at a time) stall far from the
//! optimum, and so does the depth-first search from a poor incumbent: on scarce
//! 60×500 seed 8 it kept 1089 for 600 000 nodes (optimum 1458), because the
//! bound prunes little against a weak incumbent. A neighbourhood of a few persons
//! is solved in a handful of nodes, since the bound is tight on a small problem.
//! The neighbourhood grows when several in a row bring nothing, which escapes
//! local optima that a fixed size gets stuck in (seed 5: 1547 at six persons,
//! optimum 1749). The persons are drawn from a fixed seed, so results stay
//! deterministic.

use super::bound::Multipliers;
use super::generate::XorShift;
use super::solver::Search;

/// Persons freed at first.
const FREE: usize = 6;
/// Neighbourhoods in a row without improvement before the size grows by half.
const STALL: usize = 15;
/// Nodes each neighbourhood's search may take.
const SUB_NODES: u64 = 200;

/// Improves `s.best` at the root of the score phase; `mult` are the root's
/// multipliers, with which `s.rel` is left evaluated again at the end.
pub(crate) fn improve(s: &mut Search, mult: &mut Multipliers) {
    let m = s.m;
    let active: Vec<usize> = (0..m.n_persons()).filter(|&j| !m.by_person[j].is_empty()).collect();
    let mut rng = XorShift::new(1);
    let root_mult = mult.clone();
    let mut free = vec![false; m.n_persons()];
    let (mut size, mut stall) = (FREE, 0);
    loop {
        if stall >= STALL {
            stall = 0;
            size += size / 2;
        }
        if size >= active.len() || s.past_limits() {
            break;
        }
        free.iter_mut().for_each(|f| *f = false);
        let mut chosen = 0;
        while chosen < size {
            let j = active[rng.range(0, active.len() as i64 - 1) as usize];
            if !free[j] {
                free[j] = true;
                chosen += 1;
            }
        }
        let before = s.best.value;
        search_neighbourhood(s, mult, &root_mult, &free);
        if s.best.value > before {
            stall = 0;
        } else {
            stall += 1;
        }
    }
    mult.clone_from(&root_mult);
    s.rel.evaluate(m, &s.load, &s.open, mult);
}

/// Fixes the incumbent's pairs of the persons not `free`, bans those persons for
/// the other cases, searches what is left from the root's multipliers, and undoes
/// all of it.
fn search_neighbourhood(s: &mut Search, mult: &mut Multipliers, root: &Multipliers, free: &[bool]) {
    let m = s.m;
    let incumbent = s.best.of_case.clone();
    let mut fixed = Vec::new();
    for (c, j) in incumbent.iter().enumerate() {
        if let Some(j) = *j {
            if !free[j] {
                s.load.place(m, c, j);
                s.open[c] = false;
                fixed.push(c);
            }
        }
    }
    let mark = s.trail.len();
    for c in (0..m.n_cases()).filter(|&c| s.open[c]) {
        for &(j, _) in &m.by_case[c] {
            let k = c * m.n_persons() + j;
            if !free[j] && !s.rel.banned[k] {
                s.rel.banned[k] = true;
                s.trail.push(k);
            }
        }
    }
    s.budget = s.nodes + SUB_NODES;
    mult.clone_from(root);
    s.visit(mult);
    s.budget = u64::MAX;
    // Stopped by the budget, the main search goes on; by the caller's limits, it stops.
    s.aborted = s.past_limits();
    for k in s.trail.drain(mark..) {
        s.rel.banned[k] = false;
    }
    for c in fixed {
        s.load.remove(m, c);
        s.open[c] = true;
    }
}
