//! A seeded generator of random instances, for tests and benchmarks only (not
//! for production data): identical parameters give identical instances.
//!
//! - Case hours are multiples of 0.25 in 1–10; about 60% of persons belong to one
//!   of `persons / 8` groups.
//! - Each instance draws an eligibility rate of 30–60%; every pair is eligible with
//!   that probability, with a score uniform in −20..=60.
//! - Loose: every person has 6–30 hours, and a group 90% of its members' sum.
//! - Scarce: persons in random order get 2–10 hours until the total reaches 60–80% of
//!   the demand (the rest have no hours left this round), and a group has only 60%
//!   of its members' sum, so group caps bind too.

use super::instance::{CaseInput, GroupInput, Instance, PersonInput, ScoreInput};

/// Size and kind of a generated instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenParams {
    pub cases: usize,
    pub persons: usize,
    pub scarce: bool,
    pub seed: u64,
}

/// A xorshift64* generator: tiny, deterministic, good enough for test data.
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        // SplitMix64 scrambles the seed so that small seeds differ well; never 0.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        XorShift((z ^ (z >> 31)) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Generates an instance (see the module documentation for the distribution).
pub fn generate(params: GenParams) -> Instance {
    let mut rng = XorShift::new(params.seed);
    let n_groups = (params.persons / 8).max(1);
    let cases: Vec<CaseInput> =
        (0..params.cases).map(|c| CaseInput { id: format!("c{c}"), hours: rng.range(4, 40) as f64 / 4.0 }).collect();
    let demand: f64 = cases.iter().map(|c| c.hours).sum();

    let mut persons: Vec<PersonInput> = (0..params.persons)
        .map(|j| PersonInput {
            id: format!("p{j}"),
            capacity_hours: 0.0,
            group: (rng.unit() < 0.6).then(|| format!("g{}", rng.range(0, n_groups as i64 - 1))),
        })
        .collect();
    if params.scarce {
        let target = demand * (0.6 + 0.2 * rng.unit());
        let mut order: Vec<usize> = (0..params.persons).collect();
        for k in (1..order.len()).rev() {
            order.swap(k, rng.range(0, k as i64) as usize);
        }
        let mut total = 0.0;
        for j in order {
            if total >= target {
                break;
            }
            let cap = (rng.range(4, 20) as f64 / 2.0).min(target - total);
            persons[j].capacity_hours = (cap * 4.0).round() / 4.0;
            total += persons[j].capacity_hours;
        }
    } else {
        for p in &mut persons {
            p.capacity_hours = rng.range(12, 60) as f64 / 2.0;
        }
    }

    let share = if params.scarce { 0.6 } else { 0.9 };
    let groups = (0..n_groups)
        .map(|g| {
            let id = format!("g{g}");
            let sum: f64 =
                persons.iter().filter(|p| p.group.as_deref() == Some(id.as_str())).map(|p| p.capacity_hours).sum();
            GroupInput { id, capacity_hours: (sum * share * 2.0).round() / 2.0 }
        })
        .collect();

    let rate = 0.3 + 0.3 * rng.unit();
    let mut scores = Vec::new();
    for c in &cases {
        for p in &persons {
            if rng.unit() < rate {
                scores.push(ScoreInput { case: c.id.clone(), person: p.id.clone(), score: rng.range(-20, 60) });
            }
        }
    }
    Instance { cases, persons, groups, scores, pinned: Vec::new() }
}
