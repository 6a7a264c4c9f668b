//! The solver's view of a [`Problem`]: pair weights, and a mutable partial
//! assignment with its remaining person and group capacities.

use super::instance::Problem;

/// Marks an ineligible pair in [`Model::weight`].
pub(crate) const NONE: i64 = i64::MIN;

/// Lookup tables derived once from a problem.
#[derive(Debug)]
pub(crate) struct Model<'a> {
    pub p: &'a Problem,
    /// Dense `case * n_persons + person` → `big + score`, or [`NONE`].
    weight: Vec<i64>,
    /// Per unpinned case: eligible persons with their weight, by person index.
    pub by_case: Vec<Vec<(usize, i64)>>,
    /// Per person: eligible unpinned cases with their weight, by case index.
    pub by_person: Vec<Vec<(usize, i64)>>,
    /// Per group: its persons, in input order.
    pub members: Vec<Vec<usize>>,
    /// Mean case hours (hundredths, at least 1): scales group multipliers.
    pub hour_scale: f64,
}

impl<'a> Model<'a> {
    pub fn new(p: &'a Problem) -> Self {
        let (n, m) = (p.n_cases(), p.n_persons());
        let mut weight = vec![NONE; n * m];
        let mut by_person = vec![Vec::new(); m];
        let by_case: Vec<Vec<(usize, i64)>> = p
            .by_case
            .iter()
            .enumerate()
            .map(|(c, list)| {
                list.iter()
                    .map(|&(j, s)| {
                        let w = p.big + s;
                        weight[c * m + j] = w;
                        by_person[j].push((c, w));
                        (j, w)
                    })
                    .collect()
            })
            .collect();
        let total: i64 = p.hours.iter().sum();
        let hour_scale = (total as f64 / n.max(1) as f64).max(1.0);
        let mut members = vec![Vec::new(); p.group_cap.len()];
        for (j, g) in p.person_group.iter().enumerate() {
            if let Some(g) = *g {
                members[g].push(j);
            }
        }
        Model { p, weight, by_case, by_person, members, hour_scale }
    }

    pub fn n_cases(&self) -> usize {
        self.p.n_cases()
    }

    pub fn n_persons(&self) -> usize {
        self.p.n_persons()
    }

    /// `big + score` of an eligible pair of an unpinned case, else [`NONE`].
    pub fn w(&self, case: usize, person: usize) -> i64 {
        self.weight[case * self.p.n_persons() + person]
    }
}

/// A partial assignment of the unpinned cases with remaining capacities.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Load {
    pub rem_p: Vec<i64>,
    pub rem_g: Vec<i64>,
    pub of_case: Vec<Option<usize>>,
    /// Sum of weights of the placed (unpinned) cases.
    pub value: i64,
    /// Number of placed (unpinned) cases.
    pub placed: i64,
}

impl Load {
    pub fn new(p: &Problem) -> Self {
        Load {
            rem_p: p.person_cap.clone(),
            rem_g: p.group_cap.clone(),
            of_case: vec![None; p.n_cases()],
            value: 0,
            placed: 0,
        }
    }

    /// Whether `hours` fit the remaining capacity of `person` and their group.
    pub fn fits(&self, p: &Problem, hours: i64, person: usize) -> bool {
        self.rem_p[person] >= hours && p.person_group[person].is_none_or(|g| self.rem_g[g] >= hours)
    }

    pub fn place(&mut self, m: &Model, case: usize, person: usize) {
        debug_assert!(self.of_case[case].is_none());
        let h = m.p.hours[case];
        self.rem_p[person] -= h;
        if let Some(g) = m.p.person_group[person] {
            self.rem_g[g] -= h;
        }
        self.of_case[case] = Some(person);
        self.value += m.w(case, person);
        self.placed += 1;
    }

    pub fn remove(&mut self, m: &Model, case: usize) -> Option<usize> {
        let person = self.of_case[case].take()?;
        let h = m.p.hours[case];
        self.rem_p[person] += h;
        if let Some(g) = m.p.person_group[person] {
            self.rem_g[g] += h;
        }
        self.value -= m.w(case, person);
        self.placed -= 1;
        Some(person)
    }

    /// The best-weight person that `case` fits now (first in input order on ties),
    /// skipping `except`.
    pub fn best_fit(&self, m: &Model, case: usize, except: Option<usize>) -> Option<(usize, i64)> {
        let h = m.p.hours[case];
        let mut best: Option<(usize, i64)> = None;
        for &(j, w) in &m.by_case[case] {
            if Some(j) != except && self.fits(m.p, h, j) && best.is_none_or(|(_, bw)| w > bw) {
                best = Some((j, w));
            }
        }
        best
    }
}
