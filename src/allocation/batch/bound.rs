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
//!
//! Once the maximum placed count `card` is proven, the constraint "`card − placed`
//! open cases get placed" is dualised too, with a multiplier `t` of either sign
//! (no assignment places more, so both directions of the equality are valid): each
//! profit gains `t` and `L` loses `t · (card − placed)`. The bound then holds only for
//! completions placing exactly `card` cases, which are the only ones that can beat
//! an incumbent placing `card`.

use super::knapsack::{Item, Knapsack};
use super::state::{Load, Model};

/// Lagrange multipliers: `u` per case, `nu` per group with `μ = nu / hour_scale`
/// (so both live on the scale of "one case").
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Multipliers {
    pub u: Vec<f64>,
    pub nu: Vec<f64>,
    /// Multiplier (free in sign) of the cardinality constraint "exactly `card`
    /// cases placed"; stays 0 when [`Relaxation::card`] is `None`.
    pub t: f64,
}

/// Evaluates the bound at a node and keeps what the subgradient step and the
/// branching need.
///
/// A group's persons are bounded twice and the smaller value counts: (A) each
/// person's knapsack with capacity `min(rem_p, rem_g)` and the group cap priced by
/// `μ`; (B) one knapsack over the group's cases with the group's capacity, each
/// case at most once at its best member's profit (person caps dropped). Both relax
/// the group's true subproblem, so their minimum is a valid bound.
#[derive(Debug)]
pub(crate) struct Relaxation {
    knap: Knapsack,
    /// The node's assigned weight plus the bound on completing it, of the last evaluation.
    pub value: f64,
    /// `K_j` per person of the last evaluation.
    pub k_val: Vec<f64>,
    /// Per group: relaxation (A) and the contribution `min(A, B)`.
    group_a: Vec<f64>,
    group_contrib: Vec<f64>,
    /// How many knapsacks chose each case.
    pub picks: Vec<u32>,
    /// The last person whose knapsack chose each case.
    pub picker: Vec<usize>,
    /// Hours chosen per group in relaxation (A).
    pub group_load: Vec<i64>,
    pending: Vec<(usize, usize)>,
    best_of_case: Vec<(f64, usize)>,
    touched: Vec<usize>,
    /// The proven maximum number of placeable (unpinned) cases, when known. Then
    /// the relaxation bounds only completions placing exactly that many, and the
    /// cardinality constraint is dualised with the free multiplier `t` (valid
    /// because no assignment places more).
    pub card: Option<i64>,
    /// Pairs `case * n_persons + person` excluded at the node: no completion using
    /// one beats the incumbent (see `Search::fix_by_reduced_cost`), so the
    /// knapsacks leave them out.
    pub banned: Vec<bool>,
}

impl Relaxation {
    pub fn new(m: &Model) -> Self {
        let groups = m.p.group_cap.len();
        Relaxation {
            knap: Knapsack::default(),
            value: 0.0,
            k_val: vec![0.0; m.n_persons()],
            group_a: vec![0.0; groups],
            group_contrib: vec![0.0; groups],
            picks: vec![0; m.n_cases()],
            picker: vec![usize::MAX; m.n_cases()],
            group_load: vec![0; groups],
            pending: Vec::new(),
            best_of_case: vec![(0.0, usize::MAX); m.n_cases()],
            touched: Vec::new(),
            card: None,
            banned: vec![false; m.n_cases() * m.n_persons()],
        }
    }

    /// Cases still to place at the node under the cardinality constraint.
    fn remaining(&self, load: &Load) -> f64 {
        self.card.map_or(0.0, |k| (k - load.placed) as f64)
    }

    fn mu(m: &Model, mult: &Multipliers, person: usize) -> f64 {
        m.p.person_group[person].map_or(0.0, |g| mult.nu[g] / m.hour_scale)
    }

    /// What a person can still take: their own and their group's remaining hours.
    fn cap(m: &Model, load: &Load, person: usize) -> i64 {
        m.p.person_group[person].map_or(load.rem_p[person], |g| load.rem_p[person].min(load.rem_g[g]))
    }

    /// Solves the knapsack of `person` over the open cases (except `skip`) that fit
    /// `cap`, with profit `w − u − μ·h` where positive.
    fn solve_person(
        &mut self,
        m: &Model,
        open: &[bool],
        mult: &Multipliers,
        person: usize,
        cap: i64,
        skip: usize,
    ) -> f64 {
        let mu = Self::mu(m, mult, person);
        self.knap.items.clear();
        let t = mult.t;
        let banned = &self.banned[..];
        let row = |c: usize| c * m.n_persons() + person;
        let mut add = |c: usize, h: i64, p: f64| {
            if p > 0.0 {
                self.knap.items.push(Item { h, p, case: c });
            }
        };
        // Two loops so that the usual case (no count multiplier) stays as lean as before.
        if t == 0.0 {
            for &(c, w) in &m.by_person[person] {
                let h = m.p.hours[c];
                if open[c] && c != skip && h <= cap && !banned[row(c)] {
                    add(c, h, w as f64 - mult.u[c] - mu * h as f64);
                }
            }
        } else {
            for &(c, w) in &m.by_person[person] {
                let h = m.p.hours[c];
                if open[c] && c != skip && h <= cap && !banned[row(c)] {
                    add(c, h, w as f64 + t - mult.u[c] - mu * h as f64);
                }
            }
        }
        if self.knap.items.is_empty() {
            0.0
        } else {
            self.knap.solve(cap)
        }
    }

    /// Relaxation (B) of group `g` with capacity `cap` (see the type's documentation);
    /// `self.best_of_case[c].1` is the member whose profit an item carries.
    #[allow(clippy::too_many_arguments)] // solve_person's inputs, plus the group's load
    fn solve_group(
        &mut self,
        m: &Model,
        load: &Load,
        open: &[bool],
        mult: &Multipliers,
        g: usize,
        cap: i64,
        skip: usize,
    ) -> f64 {
        for &c in &self.touched {
            self.best_of_case[c] = (0.0, usize::MAX);
        }
        self.touched.clear();
        for &j in &m.members[g] {
            let cap_j = load.rem_p[j].min(cap);
            for &(c, w) in &m.by_person[j] {
                if !open[c] || c == skip || m.p.hours[c] > cap_j || self.banned[c * m.n_persons() + j] {
                    continue;
                }
                let p = w as f64 + mult.t - mult.u[c];
                let slot = &mut self.best_of_case[c];
                if p > slot.0 {
                    if slot.1 == usize::MAX {
                        self.touched.push(c);
                    }
                    *slot = (p, j);
                }
            }
        }
        self.knap.items.clear();
        for &c in &self.touched {
            self.knap.items.push(Item { h: m.p.hours[c], p: self.best_of_case[c].0, case: c });
        }
        if self.knap.items.is_empty() {
            0.0
        } else {
            self.knap.solve(cap)
        }
    }

    fn record(&mut self, case: usize, person: usize) {
        self.picks[case] += 1;
        self.picker[case] = person;
    }

    /// Computes the bound `load.value + L(u, μ)` for the node given by `load` and `open`.
    pub fn evaluate(&mut self, m: &Model, load: &Load, open: &[bool], mult: &Multipliers) -> f64 {
        self.picks.iter_mut().for_each(|x| *x = 0);
        self.group_load.iter_mut().for_each(|x| *x = 0);
        let mut value = load.value as f64 - mult.t * self.remaining(load);
        value += (0..m.n_cases()).filter(|&c| open[c]).map(|c| mult.u[c]).sum::<f64>();
        for j in (0..m.n_persons()).filter(|&j| m.p.person_group[j].is_none()) {
            let k = self.solve_person(m, open, mult, j, load.rem_p[j], usize::MAX);
            self.k_val[j] = k;
            value += k;
            for k in 0..self.knap.items.len() {
                if self.knap.best[k] {
                    self.record(self.knap.items[k].case, j);
                }
            }
        }
        for g in 0..m.members.len() {
            let mut a = mult.nu[g] / m.hour_scale * load.rem_g[g] as f64;
            self.pending.clear();
            for &j in &m.members[g] {
                let k = self.solve_person(m, open, mult, j, Self::cap(m, load, j), usize::MAX);
                self.k_val[j] = k;
                a += k;
                for (it, &chosen) in self.knap.items.iter().zip(&self.knap.best) {
                    if chosen {
                        self.pending.push((it.case, j));
                        self.group_load[g] += it.h;
                    }
                }
            }
            let b = if m.members[g].len() >= 2 && a > 0.0 {
                self.solve_group(m, load, open, mult, g, load.rem_g[g], usize::MAX)
            } else {
                f64::INFINITY
            };
            self.group_a[g] = a;
            if b < a {
                self.group_contrib[g] = b;
                for k in 0..self.knap.items.len() {
                    if self.knap.best[k] {
                        let c = self.knap.items[k].case;
                        self.record(c, self.best_of_case[c].1);
                    }
                }
            } else {
                self.group_contrib[g] = a;
                for k in 0..self.pending.len() {
                    let (c, j) = self.pending[k];
                    self.record(c, j);
                }
            }
            value += self.group_contrib[g];
        }
        self.value = value;
        value
    }

    /// An upper bound on the child node "case → person" at the multipliers of the
    /// last evaluation: the parent's bound with the person's (or group's) part
    /// re-solved without the case and with its hours taken.
    pub fn child_bound(
        &mut self,
        m: &Model,
        load: &Load,
        open: &[bool],
        mult: &Multipliers,
        case: usize,
        person: usize,
    ) -> f64 {
        let h = m.p.hours[case];
        let base = self.value + m.w(case, person) as f64 + mult.t - mult.u[case];
        match m.p.person_group[person] {
            None => {
                let k = self.solve_person(m, open, mult, person, load.rem_p[person] - h, case);
                base - self.k_val[person] + k
            }
            Some(g) => {
                let k = self.solve_person(m, open, mult, person, Self::cap(m, load, person) - h, case);
                let mu = mult.nu[g] / m.hour_scale;
                let a = self.group_a[g] - mu * h as f64 - self.k_val[person] + k;
                let b = if m.members[g].len() >= 2 {
                    self.solve_group(m, load, open, mult, g, load.rem_g[g] - h, case)
                } else {
                    f64::INFINITY
                };
                base - self.group_contrib[g] + a.min(b)
            }
        }
    }

    /// Whether no case was chosen twice (the relaxed solution may then be close to
    /// feasible; capacities are checked when it is turned into an assignment).
    pub fn feasible(&self, open: &[bool]) -> bool {
        self.picks.iter().zip(open).all(|(&k, &o)| !o || k <= 1)
    }

    /// One projected subgradient step towards `target` (Polyak step length scaled
    /// by `lambda`). Returns false when the subgradient vanishes.
    pub fn step(
        &self,
        m: &Model,
        load: &Load,
        open: &[bool],
        mult: &mut Multipliers,
        target: f64,
        lambda: f64,
    ) -> bool {
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
        let gt = if self.card.is_some() {
            let chosen: u32 = (0..m.n_cases()).filter(|&c| open[c]).map(|c| self.picks[c]).sum();
            chosen as f64 - self.remaining(load)
        } else {
            0.0
        };
        norm += gt * gt;
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
        mult.t -= t * gt;
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
    Multipliers { u, nu: vec![0.0; m.p.group_cap.len()], t: 0.0 }
}
