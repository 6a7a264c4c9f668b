//! The later phases (count, then score with LNS and dominance) against brute force.
//!
//! Small instances are proven by phase 1 alone, which the property tests in
//! `tests/batch_solver.rs` check; here phase 1 gets a single node, so that phases
//! 2 and 3 and the neighbourhood search (which needs more persons than it frees at
//! first) run on instances small enough to enumerate.

use super::generate::XorShift;
use super::instance::{CaseInput, GroupInput, Instance, PersonInput, ScoreInput};
use super::state::Model;
use super::{phases, solver, SolveOptions};

/// Random cases with 0.5–7 hours, persons with 0–10 hours, two groups, 60% of the
/// pairs scored in −20..=60: tight enough that the placed count is in question.
fn instance(rng: &mut XorShift, cases: usize, persons: usize) -> Instance {
    let quarter = |rng: &mut XorShift, lo, hi| rng.range(lo, hi) as f64 / 4.0;
    Instance {
        cases: (0..cases).map(|c| CaseInput { id: format!("c{c}"), hours: quarter(rng, 2, 28) }).collect(),
        persons: (0..persons)
            .map(|j| PersonInput {
                id: format!("p{j}"),
                capacity_hours: quarter(rng, 0, 40),
                group: (rng.unit() < 0.5).then(|| format!("g{}", rng.range(0, 1))),
            })
            .collect(),
        groups: (0..2).map(|g| GroupInput { id: format!("g{g}"), capacity_hours: quarter(rng, 8, 60) }).collect(),
        scores: (0..cases)
            .flat_map(|c| (0..persons).map(move |j| (c, j)))
            .filter_map(|(c, j)| {
                if rng.unit() >= 0.6 {
                    return None;
                }
                Some(ScoreInput { case: format!("c{c}"), person: format!("p{j}"), score: rng.range(-20, 60) })
            })
            .collect(),
        pinned: Vec::new(),
    }
}

/// The lexicographically best (placed, score) by enumeration.
fn brute_force(inst: &Instance) -> (usize, i64) {
    let p = inst.prepare().unwrap();
    fn rec(p: &super::instance::Problem, c: usize, rp: &mut [i64], rg: &mut [i64]) -> (usize, i64) {
        if c == p.n_cases() {
            return (0, 0);
        }
        let mut best = rec(p, c + 1, rp, rg);
        let h = p.hours[c];
        for &(j, s) in &p.by_case[c] {
            let g = p.person_group[j];
            if rp[j] >= h && g.is_none_or(|g| rg[g] >= h) {
                rp[j] -= h;
                g.inspect(|&g| rg[g] -= h);
                let (n, v) = rec(p, c + 1, rp, rg);
                best = best.max((n + 1, v + s));
                rp[j] += h;
                g.inspect(|&g| rg[g] += h);
            }
        }
        best
    }
    rec(&p, 0, &mut p.person_cap.clone(), &mut p.group_cap.clone())
}

#[test]
fn later_phases_equal_brute_force() {
    let mut rng = XorShift::new(42);
    for _ in 0..400 {
        let (cases, persons) = (rng.range(5, 8) as usize, rng.range(7, 10) as usize);
        let inst = instance(&mut rng, cases, persons);
        let problem = inst.prepare().unwrap();
        let model = Model::new(&problem);
        let mut t = 0.0;
        let mut clock = move || {
            t += 0.001;
            t
        };
        let options = SolveOptions::default();
        let limits =
            solver::Limits { time_limit_ms: options.time_limit_ms, node_limit: options.node_limit, clock: &mut clock };
        let out = phases::solve_phased(&model, limits, 1);
        let load = &out.best;
        let (mut used_p, mut used_g) = (vec![0; persons], vec![0; 2]);
        for (c, j) in load.of_case.iter().enumerate() {
            if let Some(j) = *j {
                used_p[j] += problem.hours[c];
                problem.person_group[j].inspect(|&g| used_g[g] += problem.hours[c]);
            }
        }
        assert!((0..persons).all(|j| used_p[j] <= problem.person_cap[j]));
        assert!((0..2).all(|g| used_g[g] <= problem.group_cap[g]));
        let placed = load.of_case.iter().flatten().count();
        let score: i64 = (0..cases).filter_map(|c| load.of_case[c].map(|j| problem.score(c, j))).sum();
        assert!(out.optimal);
        assert_eq!((placed, score), brute_force(&inst), "{inst:?}");
    }
}
