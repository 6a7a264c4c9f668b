//! The 0/1 knapsack each person (or group) is bounded by in the Lagrangian relaxation
//! ([`super::bound`]): items are open cases with their hours and Lagrangian profit.

/// Nodes one knapsack may explore before it settles for its linear bound.
const KNAPSACK_NODE_LIMIT: u64 = 20_000;

#[derive(Debug, Clone, Copy)]
pub(super) struct Item {
    pub h: i64,
    pub p: f64,
    pub case: usize,
}

/// A 0/1 knapsack solved exactly by depth-first branch and bound (Horowitz–Sahni)
/// with the Dantzig bound; falls back to the Dantzig bound past a node limit.
#[derive(Debug, Default)]
pub(super) struct Knapsack {
    pub items: Vec<Item>,
    cur: Vec<bool>,
    pub best: Vec<bool>,
    best_val: f64,
    nodes: u64,
}

impl Knapsack {
    /// An upper bound on the best profit within `cap` (exact unless the node limit
    /// was hit); `self.best` marks a best known feasible choice.
    pub fn solve(&mut self, cap: i64) -> f64 {
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
        self.items.sort_by(|a, b| (b.p * a.h as f64).total_cmp(&(a.p * b.h as f64)).then(a.case.cmp(&b.case)));
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
