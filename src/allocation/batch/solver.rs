//! Depth-first branch and bound over the cases.
//!
//! Each node runs a few subgradient iterations of the Lagrangian bound
//! ([`super::bound`]), warm-started from its parent's multipliers, and is cut off as
//! soon as the bound cannot beat the incumbent by at least 1 (objective values are
//! integers). A node branches on one open case — preferring cases the relaxation
//! wants twice, then unwanted ones, then large ones — into "case → person" for
//! every person it fits, and "case unplaced". Every child first gets a cheap bound
//! from the parent's multipliers (reduced-cost fixing with one knapsack re-solve),
//! which prunes most of them without visiting them; the rest are visited best
//! bound first, so ties resolve by person order and the search is deterministic.
//! Before branching, every open pair gets the same test, and a pair that cannot
//! beat the incumbent is banned for the whole subtree (reduced-cost fixing), which
//! shrinks the knapsacks and so tightens the bound of every node below. Each node
//! also turns its relaxed solution into a feasible one (Lagrangian heuristic),
//! since a better incumbent prunes and fixes more.
//!
//! Dominance rules ([`super::dominance`]) cut subtrees whose every solution a
//! simple exchange improves. The phases that call this search are in
//! [`super::phases`].

use super::bound::{initial_multipliers, Multipliers, Relaxation};
use super::greedy;
use super::state::{Load, Model};

/// When to stop searching. `clock` returns milliseconds from any fixed origin
/// (`performance.now()` in the browser, `Instant` natively).
pub(crate) struct Limits<'c> {
    pub time_limit_ms: f64,
    pub node_limit: u64,
    pub clock: &'c mut dyn FnMut() -> f64,
}

/// What the search found.
#[derive(Debug)]
pub(crate) struct Outcome {
    pub best: Load,
    pub optimal: bool,
    /// A proven upper bound on the combined objective of the unpinned cases.
    pub bound: i64,
    pub nodes: u64,
}

const ROOT_ITERATIONS: usize = 3000;
/// Non-improving subgradient iterations before the step length halves: at the
/// root, where good multipliers pay off in every node below, the schedule is slow.
const ROOT_STALL: usize = 20;
/// The same at the root of the score phase, where the bound converges slowly and a
/// few points of it save hundreds of nodes (on scarce 60×500 instances, 100 instead
/// of 20 lowered the root bound of seed 8 from 1535 to 1509, optimum 1458).
const CARD_ROOT_STALL: usize = 100;
/// At a node, warm-started from the parent, a few iterations settle most of what
/// more would: 20/3 took fewer CPU seconds than 40/6 over scarce seeds 1..=30
/// (more nodes, each cheaper); 10/2 left the bound too weak.
const NODE_STALL: usize = 3;
const NODE_ITERATIONS: usize = 20;

pub(crate) struct Search<'a, 'l, 'c> {
    pub m: &'a Model<'a>,
    pub rel: Relaxation,
    pub load: Load,
    pub open: Vec<bool>,
    pub best: Load,
    pub nodes: u64,
    pub aborted: bool,
    /// Pairs banned in `rel.banned`, in order, so that backtracking can lift them.
    pub trail: Vec<usize>,
    /// Node count at which a bounded sub-search (see [`super::lns`]) stops.
    pub budget: u64,
    start_ms: f64,
    limits: &'l mut Limits<'c>,
}

/// Floor of a floating bound, rounded up by a tolerance larger than the error of
/// summing it, so that pruning on it is never wrong.
fn safe_floor(l: f64) -> i64 {
    (l + 1e-9 * (1.0 + l.abs()) + 1e-6).floor() as i64
}

/// Branch and bound from the incumbent `best`; with `card`, the relaxation bounds
/// only completions placing exactly `card` cases, which must then be the proven
/// maximum (and `best` must place that many).
pub(crate) fn run(m: &Model, limits: &mut Limits, start_ms: f64, best: Load, card: Option<i64>) -> Outcome {
    let mut s = Search {
        m,
        rel: Relaxation::new(m),
        load: Load::new(m.p),
        open: (0..m.n_cases()).map(|c| !m.by_case[c].is_empty()).collect(),
        best,
        nodes: 0,
        aborted: false,
        trail: Vec::new(),
        budget: u64::MAX,
        start_ms,
        limits,
    };
    let mut mult = initial_multipliers(m);
    if card.is_some() {
        // With the count fixed only scores matter: price every placement at `−big`
        // and each case at its second-best positive score.
        s.rel.card = card;
        let big = m.p.big as f64;
        mult.t = -big;
        mult.u.iter_mut().for_each(|u| *u = (*u - big).max(0.0));
    }
    s.nodes = 1;
    let root = s.bound(&mut mult, ROOT_ITERATIONS, true);
    let root_bound = root.map_or(s.best.value, |l| safe_floor(l).max(s.best.value));
    if root.is_some() && !s.aborted {
        if card.is_some() {
            super::lns::improve(&mut s, &mut mult);
        }
        s.fix_by_reduced_cost(&mult);
        s.close_stuck();
        s.branch(&mut mult);
    }
    let optimal = !s.aborted;
    Outcome { bound: if optimal { s.best.value } else { root_bound }, optimal, nodes: s.nodes, best: s.best }
}

impl Search<'_, '_, '_> {
    fn prunable(&self, l: f64) -> bool {
        safe_floor(l) <= self.best.value
    }

    fn out_of_time(&mut self) -> bool {
        if !self.aborted && (self.nodes > self.budget || self.past_limits()) {
            self.aborted = true;
        }
        self.aborted
    }

    /// Whether the caller's node or time limit is reached.
    pub fn past_limits(&mut self) -> bool {
        self.nodes > self.limits.node_limit || (self.limits.clock)() - self.start_ms > self.limits.time_limit_ms
    }

    fn offer(&mut self, candidate: &Load) {
        if candidate.value > self.best.value {
            self.best = candidate.clone();
            // A relaxed solution may leave room for a case; fill it so the answer is maximal.
            greedy::insert_direct(self.m, &mut self.best);
        }
    }

    /// Runs the subgradient method at the current node. Returns `None` when the
    /// node is pruned (or solved), else the bound, with `mult` and `self.rel` left at
    /// the best multipliers found.
    fn bound(&mut self, mult: &mut Multipliers, iterations: usize, heuristic: bool) -> Option<f64> {
        let m = self.m;
        let mut best_l = f64::INFINITY;
        let mut best_mult = mult.clone();
        let mut at_best = false;
        let mut lambda = if heuristic { 2.0 } else { 1.0 };
        let stall_limit = match (heuristic, self.rel.card) {
            (false, _) => NODE_STALL,
            (true, None) => ROOT_STALL,
            (true, Some(_)) => CARD_ROOT_STALL,
        };
        let mut stall = 0;
        let mut next_heuristic = 0;
        for it in 0..iterations {
            if it % 8 == 7 && self.out_of_time() {
                break;
            }
            let l = self.rel.evaluate(m, &self.load, &self.open, mult);
            at_best = l < best_l;
            if at_best {
                if l < best_l - 1e-6 * (1.0 + l.abs()) {
                    stall = 0;
                }
                best_l = l;
                best_mult.clone_from(mult);
            } else {
                stall += 1;
            }
            if stall >= stall_limit {
                lambda *= 0.5;
                stall = 0;
            }
            if self.rel.feasible(&self.open) {
                let candidate = self.relaxed_solution(self.rel.card.is_some());
                self.offer(&candidate);
            } else if heuristic && it == next_heuristic {
                next_heuristic = 2 * it + 4;
                let candidate = self.relaxed_solution(true);
                self.offer(&candidate);
            }
            if self.prunable(best_l) {
                return None;
            }
            let target = self.best.value as f64 + 1.0;
            if lambda < 1e-3 || !self.rel.step(m, &self.load, &self.open, mult, target, lambda) {
                break;
            }
        }
        mult.clone_from(&best_mult);
        if !at_best {
            self.rel.evaluate(m, &self.load, &self.open, mult);
        }
        if !heuristic {
            // A node's own Lagrangian heuristic: a better incumbent prunes and fixes more.
            let candidate = self.relaxed_solution(true);
            self.offer(&candidate);
            if self.prunable(best_l.min(self.rel.value)) {
                return None;
            }
        }
        Some(best_l.min(self.rel.value))
    }

    /// The current node's assignment plus what the relaxation chose, made
    /// feasible; with `repair`, also completed greedily and improved locally.
    fn relaxed_solution(&self, repair: bool) -> Load {
        let m = self.m;
        let mut load = self.load.clone();
        for c in (0..m.n_cases()).filter(|&c| self.open[c] && self.rel.picks[c] > 0) {
            let j = self.rel.picker[c];
            if load.fits(m.p, m.p.hours[c], j) {
                load.place(m, c, j);
            }
        }
        if repair {
            greedy::repair(m, &mut load);
        }
        load
    }

    /// Picks the case to branch on, or `None` at a leaf.
    fn choose(&self) -> Option<usize> {
        let key = |c: usize| {
            let class = match self.rel.picks[c] {
                0 => 1,
                1 => 0,
                _ => 2,
            };
            (class, self.m.p.hours[c])
        };
        let mut best: Option<(usize, (i32, i64))> = None;
        for c in (0..self.m.n_cases()).filter(|&c| self.open[c]) {
            let k = key(c);
            if best.is_none_or(|(_, bk)| k > bk) {
                best = Some((c, k));
            }
        }
        best.map(|(c, _)| c)
    }

    /// Closes the open cases that fit nobody any more; returns them for reopening.
    pub(crate) fn close_stuck(&mut self) -> Vec<usize> {
        let m = self.m;
        let stuck: Vec<usize> = (0..m.n_cases())
            .filter(|&c| {
                self.open[c]
                    && !m.by_case[c].iter().any(|&(j, _)| self.allowed(c, j) && self.load.fits(m.p, m.p.hours[c], j))
            })
            .collect();
        for &c in &stuck {
            self.open[c] = false;
        }
        stuck
    }

    /// Branches at a node whose bound (in `self.rel` at `mult`) did not prune it.
    fn branch(&mut self, mult: &mut Multipliers) {
        let m = self.m;
        let Some(c) = self.choose() else {
            let leaf = self.load.clone();
            self.offer(&leaf);
            return;
        };
        let h = m.p.hours[c];
        let mut kids: Vec<(f64, usize)> = Vec::new();
        for &(j, _) in &m.by_case[c] {
            if self.allowed(c, j) && self.load.fits(m.p, h, j) {
                let b = self.rel.child_bound(m, &self.load, &self.open, mult, c, j);
                if !self.prunable(b) {
                    kids.push((b, j));
                }
            }
        }
        let unplaced = self.rel.value - mult.u[c];
        if !self.prunable(unplaced) {
            kids.push((unplaced, usize::MAX));
        }
        kids.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));

        self.open[c] = false;
        let saved = mult.clone();
        for (b, j) in kids {
            if self.prunable(b) {
                continue;
            }
            if j != usize::MAX {
                self.load.place(m, c, j);
            }
            mult.clone_from(&saved);
            self.visit(mult);
            if j != usize::MAX {
                self.load.remove(m, c);
            }
            if self.aborted {
                break;
            }
        }
        self.open[c] = true;
    }

    pub fn visit(&mut self, mult: &mut Multipliers) {
        self.nodes += 1;
        if self.out_of_time() {
            return;
        }
        let mut stuck = self.close_stuck();
        let mark = self.trail.len();
        if self.dominance(&mut stuck) && self.bound(mult, NODE_ITERATIONS, false).is_some() && !self.aborted {
            self.fix_by_reduced_cost(mult);
            stuck.extend(self.close_stuck());
            self.branch(mult);
        }
        for c in stuck {
            self.open[c] = true;
        }
        for k in self.trail.drain(mark..) {
            self.rel.banned[k] = false;
        }
    }

    fn allowed(&self, case: usize, person: usize) -> bool {
        !self.rel.banned[case * self.m.n_persons() + person]
    }

    /// Reduced-cost fixing: bans every open pair whose child bound (the bound with
    /// the pair forced, at the node's multipliers) cannot beat the incumbent, for
    /// the node's whole subtree. The search then neither branches on such a pair
    /// nor lets a knapsack choose it, which tightens the bound below.
    fn fix_by_reduced_cost(&mut self, mult: &Multipliers) {
        let m = self.m;
        for c in (0..m.n_cases()).filter(|&c| self.open[c]) {
            for &(j, _) in &m.by_case[c] {
                if !self.allowed(c, j) || !self.load.fits(m.p, m.p.hours[c], j) {
                    continue;
                }
                let b = self.rel.child_bound(m, &self.load, &self.open, mult, c, j);
                if self.prunable(b) {
                    let k = c * m.n_persons() + j;
                    self.rel.banned[k] = true;
                    self.trail.push(k);
                }
            }
        }
    }
}
