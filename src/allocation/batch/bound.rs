//! The upper bound: a Lagrangian relaxation of the problem.
//!
//! The constraints "each case at most once" (multiplier `u[c] ≥ 0`) and the group
//! capacities (multiplier `μ[g] ≥ 0`) are moved into the objective; what remains
//! splits into one independent 0/1 knapsack per person over the open cases, with
//! profit `w(c,j) − u[c] − μ[g(j)]·hours[c]` and the person's remaining capacity:
//!
//! ```text
//! L(u, μ) = Σ_open u[c] + Σ_g μ[g]·rem_g[g] + Σ_j K_j(u, μ)
//! ```
//!
//! `L` is an upper bound on the best completion of the node for *any*
//! non-negative multipliers, so the bound's validity never depends on the
//! subgradient method converging. Because the knapsacks are solved in integers,
//! the bound sees that a person cannot fill their capacity with fractions of
//! cases, which the linear relaxation misses (and which matters most when
//! capacity is scarce and the objective counts placed cases first).

use super::state::{Load, Model};

/// Nodes one knapsack may explore before it settles for its linear bound.
const KNAPSACK_NODE_LIMIT: u64 = 20_000;

/// Lagrange multipliers: `u` per case, `nu` per group with `μ = nu / hour_scale`
/// (so both live on the scale of "one case").
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Multipliers {
    pub u: Vec<f64>,
    pub nu: Vec<f64>,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    h: i64,
    p: f64,
    case: usize,
}

/// A 0/1 knapsack solved exactly by depth-first branch and bound (Horowitz–Sahni)
/// with the Dantzig bound; falls back to the Dantzig bound past a node limit.
#[derive(Debug, Default)]
struct Knapsack {
    items: Vec<Item>,
    cur: Vec<bool>,
    best: Vec<bool>,
    best_val: f64,
    nodes: u64,
}

impl Knapsack {
    /// An upper bound on the best profit within `cap` (exact unless the node limit
    /// was hit); `self.best` marks a best known feasible choice.
    fn solve(&mut self, cap: i64) -> f64 {
        let n = self.items.len();
        self.best.clear();
        self.best.resize(n, false);
        self.cur.clear();
        self.cur.resize(n, false);
        self.best_val = 0.0;
        if self.items.iter().map(|it| it.h).sum::<i64>() <= cap {
            self.best.iter_mut().for_each(|b| *b = true);
            return self.items.iter().map(|it| it.p).sum();
        }
        // By profit per hour, best first; zero-hour items first; input order on ties.
        self.items.sort_by(|a, b| {
            (b.p * a.h as f64).total_cmp(&(a.p * b.h as f64)).then(a.case.cmp(&b.case))
        });
        self.nodes = 0;
        let root = self.dantzig(0, cap);
        self.dfs(0, cap, 0.0);
        if self.nodes > KNAPSACK_NODE_LIMIT {
            root
        } else {
            self.best_val
        }
    }

    fn dantzig(&self, from: usize, mut cap: i64) -> f64 {
        let mut v = 0.0;
        for it in &self.items[from..] {
            if it.h <= cap {
                cap -= it.h;
                v += it.p;
            } else {
                return v + it.p * cap as f64 / it.h as f64;
            }
        }
        v
    }

    fn dfs(&mut self, k: usize, cap: i64, val: f64) {
        self.nodes += 1;
        if val > self.best_val {
            self.best_val = val;
            self.best.copy_from_slice(&self.cur);
        }
        if k == self.items.len()
            || self.nodes > KNAPSACK_NODE_LIMIT
            || val + self.dantzig(k, cap) <= self.best_val + 1e-9
        {
            return;
        }
        let it = self.items[k];
        if it.h <= cap {
            self.cur[k] = true;
            self.dfs(k + 1, cap - it.h, val + it.p);
            self.cur[k] = false;
        }
        self.dfs(k + 1, cap, val);
    }
}

/// Evaluates `L(u, μ)` at a node and keeps what the subgradient step and the
/// branching need.
#[derive(Debug)]
pub(crate) struct Relaxation {
    knap: Knapsack,
    /// `L(u, μ)` of the last evaluation.
    pub value: f64,
    /// `K_j` per person of the last evaluation.
    pub k_val: Vec<f64>,
    /// How many knapsacks chose each case.
    pub picks: Vec<u32>,
    /// The last person whose knapsack chose each case.
    pub picker: Vec<usize>,
    /// Hours chosen per group.
    pub group_load: Vec<i64>,
}

impl Relaxation {
    pub fn new(m: &Model) -> Self {
        Relaxation {
            knap: Knapsack::default(),
            value: 0.0,
            k_val: vec![0.0; m.n_persons()],
            picks: vec![0; m.n_cases()],
            picker: vec![usize::MAX; m.n_cases()],
            group_load: vec![0; m.p.group_cap.len()],
        }
    }

    fn mu(m: &Model, mult: &Multipliers, person: usize) -> f64 {
        m.p.person_group[person].map_or(0.0, |g| mult.nu[g] / m.hour_scale)
    }

    /// Fills the knapsack of `person` with the open cases (except `skip`) that fit
    /// `cap` and the group's remaining capacity and have positive reduced profit.
    fn fill(&mut self, m: &Model, load: &Load, open: &[bool], mult: &Multipliers, person: usize, cap: i64, skip: usize) {
        let mu = Self::mu(m, mult, person);
        let gcap = m.p.person_group[person].map_or(i64::MAX, |g| load.rem_g[g]);
        self.knap.items.clear();
        for &(c, w) in &m.by_person[person] {
            let h = m.p.hours[c];
            if !open[c] || c == skip || h > cap || h > gcap {
                continue;
            }
            let p = w as f64 - mult.u[c] - mu * h as f64;
            if p > 0.0 {
                self.knap.items.push(Item { h, p, case: c });
            }
        }
    }

    /// Computes `L(u, μ)` for the node given by `load` and `open`.
    pub fn evaluate(&mut self, m: &Model, load: &Load, open: &[bool], mult: &Multipliers) -> f64 {
        self.picks.iter_mut().for_each(|x| *x = 0);
        self.group_load.iter_mut().for_each(|x| *x = 0);
        let mut value: f64 = (0..m.n_cases()).filter(|&c| open[c]).map(|c| mult.u[c]).sum();
        for (g, &rem) in load.rem_g.iter().enumerate() {
            value += mult.nu[g] / m.hour_scale * rem as f64;
        }
        for j in 0..m.n_persons() {
            self.fill(m, load, open, mult, j, load.rem_p[j], usize::MAX);
            let k = if self.knap.items.is_empty() { 0.0 } else { self.knap.solve(load.rem_p[j]) };
            self.k_val[j] = k;
            value += k;
            for (it, &chosen) in self.knap.items.iter().zip(&self.knap.best) {
                if chosen {
                    self.picks[it.case] += 1;
                    self.picker[it.case] = j;
                    if let Some(g) = m.p.person_group[j] {
                        self.group_load[g] += it.h;
                    }
                }
            }
        }
        self.value = value;
        value
    }

    /// An upper bound on the child node "case → person" at the multipliers of the
    /// last evaluation: `L − K_j(rem) + p(case, person) + K_j(rem − hours)`.
    pub fn child_bound(&mut self, m: &Model, load: &Load, open: &[bool], mult: &Multipliers, case: usize, person: usize) -> f64 {
        let h = m.p.hours[case];
        let p = m.w(case, person) as f64 - mult.u[case] - Self::mu(m, mult, person) * h as f64;
        let cap = load.rem_p[person] - h;
        self.fill(m, load, open, mult, person, cap, case);
        let k = if self.knap.items.is_empty() { 0.0 } else { self.knap.solve(cap) };
        self.value - self.k_val[person] + p + k
    }

    /// Whether the last relaxed solution is feasible: no case chosen twice and no
    /// group over its remaining capacity.
    pub fn feasible(&self, load: &Load, open: &[bool]) -> bool {
        self.picks.iter().zip(open).all(|(&k, &o)| !o || k <= 1)
            && self.group_load.iter().zip(&load.rem_g).all(|(l, r)| l <= r)
    }

    /// One projected subgradient step towards `target` (Polyak step length scaled
    /// by `lambda`). Returns false when the subgradient vanishes.
    pub fn step(&self, m: &Model, load: &Load, open: &[bool], mult: &mut Multipliers, target: f64, lambda: f64) -> bool {
        let gu = |c: usize| 1.0 - self.picks[c] as f64;
        let gnu = |g: usize| (load.rem_g[g] - self.group_load[g]) as f64 / m.hour_scale;
        // Components that projection would cancel (multiplier at 0, pushed down) do not count.
        let mut norm = 0.0;
        for c in (0..m.n_cases()).filter(|&c| open[c]) {
            if !(mult.u[c] <= 0.0 && gu(c) > 0.0) {
                norm += gu(c) * gu(c);
            }
        }
        for g in 0..mult.nu.len() {
            if !(mult.nu[g] <= 0.0 && gnu(g) > 0.0) {
                norm += gnu(g) * gnu(g);
            }
        }
        if norm <= 0.0 {
            return false;
        }
        let t = lambda * (self.value - target).max(1e-3 * m.p.big as f64) / norm;
        for c in (0..m.n_cases()).filter(|&c| open[c]) {
            mult.u[c] = (mult.u[c] - t * gu(c)).max(0.0);
        }
        for g in 0..mult.nu.len() {
            mult.nu[g] = (mult.nu[g] - t * gnu(g)).max(0.0);
        }
        true
    }
}

/// Starting multipliers: each case priced at its second-best weight, so that in
/// the relaxation it is wanted by its best person only.
pub(crate) fn initial_multipliers(m: &Model) -> Multipliers {
    let u = m
        .by_case
        .iter()
        .map(|list| {
            let (mut a, mut b) = (0i64, 0i64);
            for &(_, w) in list {
                if w > a {
                    b = a;
                    a = w;
                } else if w > b {
                    b = w;
                }
            }
            b as f64
        })
        .collect();
    Multipliers { u, nu: vec![0.0; m.p.group_cap.len()] }
}
