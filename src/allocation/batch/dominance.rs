//! Dominance: partial assignments that no optimal solution extends.
//!
//! A node's solution space is cut where every solution in it has a strictly
//! better neighbour made by an exchange that never breaks a capacity:
//! - a case left unplaced for good (closed, no person) takes the place of a case
//!   of at least its hours on a person who prefers it;
//! - two cases of equal hours trade persons, which changes no person's or
//!   group's load, when that raises the summed weight.
//!
//! Strictness keeps this compatible with bound pruning and reduced-cost fixing: an
//! optimal solution is never dominated, so it is only ever cut when it cannot
//! beat the incumbent, which is then optimal too. Ties are not cut (two equal
//! solutions would cut each other).

use super::solver::Search;
use super::state::NONE;

impl Search<'_, '_, '_> {
    /// Returns false when the node's own assignment is dominated. Otherwise bans
    /// (on the trail, for the node's subtree) every open pair that would make a
    /// completion dominated, closes the cases that then fit nobody (appending them
    /// to `stuck`) and repeats while that bans more.
    pub(crate) fn dominance(&mut self, stuck: &mut Vec<usize>) -> bool {
        loop {
            let Some(changed) = self.ban_for_unplaced().and_then(|a| self.ban_for_swaps().map(|b| a || b)) else {
                return false;
            };
            if !changed {
                return true;
            }
            stuck.extend(self.close_stuck());
        }
    }

    /// Bans `case → person` in the subtree; true if it was not banned yet.
    fn ban(&mut self, case: usize, person: usize) -> bool {
        let key = case * self.m.n_persons() + person;
        if self.rel.banned[key] {
            return false;
        }
        self.rel.banned[key] = true;
        self.trail.push(key);
        true
    }

    /// The first rule: `None` if the assignment breaks it, else whether it banned.
    fn ban_for_unplaced(&mut self) -> Option<bool> {
        let m = self.m;
        let mut changed = false;
        for c in 0..m.n_cases() {
            if self.open[c] || self.load.of_case[c].is_some() {
                continue;
            }
            let hc = m.p.hours[c];
            for &(j, wc) in &m.by_case[c] {
                for &(k, wk) in &m.by_person[j] {
                    if m.p.hours[k] < hc || wk >= wc {
                        continue;
                    }
                    if self.load.of_case[k] == Some(j) {
                        return None;
                    }
                    if self.open[k] {
                        changed |= self.ban(k, j);
                    }
                }
            }
        }
        Some(changed)
    }

    /// The second rule, for each placed case against every case of its hours.
    fn ban_for_swaps(&mut self) -> Option<bool> {
        let m = self.m;
        let mut changed = false;
        for k1 in 0..m.n_cases() {
            let Some(j1) = self.load.of_case[k1] else {
                continue;
            };
            let w11 = m.w(k1, j1);
            for k2 in 0..m.n_cases() {
                let w21 = m.w(k2, j1);
                let placed = self.load.of_case[k2];
                if k2 == k1 || m.p.hours[k2] != m.p.hours[k1] || w21 == NONE || !(self.open[k2] || placed.is_some()) {
                    continue;
                }
                for &(j2, w22) in &m.by_case[k2] {
                    let w12 = m.w(k1, j2);
                    if j2 == j1 || w12 == NONE || w12 + w21 <= w11 + w22 {
                        continue;
                    }
                    if placed == Some(j2) {
                        return None;
                    }
                    if self.open[k2] {
                        changed |= self.ban(k2, j2);
                    }
                }
            }
        }
        Some(changed)
    }
}
