//! Tests of the exact batch allocation solver: properties on random instances
//! (validity, pins, determinism, equality with a brute-force optimum), validation
//! errors, and hand-made instances.

use std::collections::HashMap;

use fordeling::allocation::batch::generate::{generate, GenParams};
use fordeling::allocation::batch::{
    solve, CaseInput, GroupInput, Instance, InstanceError, PersonInput, PinInput, ScoreInput, Solution, SolveOptions,
    UnassignedReason,
};
use proptest::prelude::*;

fn run(instance: &Instance) -> Result<Solution, InstanceError> {
    run_with(instance, SolveOptions::default())
}

/// A node limit keeps larger instances fast in debug builds and, unlike a time
/// limit, keeps the result deterministic.
fn run_limited(instance: &Instance) -> Solution {
    run_with(instance, SolveOptions { node_limit: 3000, ..SolveOptions::default() }).unwrap()
}

fn run_with(instance: &Instance, options: SolveOptions) -> Result<Solution, InstanceError> {
    let mut t = 0.0;
    let mut clock = move || {
        t += 0.001;
        t
    };
    solve(instance, &options, &mut clock)
}

fn hundredths(h: f64) -> i64 {
    (h * 100.0).round() as i64
}

/// Checks every hard rule and that the reported counts match the assignment.
fn check_valid(inst: &Instance, sol: &Solution) {
    let score: HashMap<(&str, &str), i64> =
        inst.scores.iter().map(|s| ((s.case.as_str(), s.person.as_str()), s.score)).collect();
    let pinned: HashMap<&str, &str> = inst.pinned.iter().map(|p| (p.case.as_str(), p.person.as_str())).collect();
    let hours: HashMap<&str, i64> = inst.cases.iter().map(|c| (c.id.as_str(), hundredths(c.hours))).collect();
    let mut used_p: HashMap<&str, i64> = HashMap::new();
    let mut used_g: HashMap<&str, i64> = HashMap::new();
    let mut seen = std::collections::HashSet::new();
    let mut objective = 0;
    for pair in &sol.assignment {
        assert!(seen.insert(pair.case.as_str()), "case {} assigned twice", pair.case);
        let key = (pair.case.as_str(), pair.person.as_str());
        let is_pin = pinned.get(pair.case.as_str()) == Some(&pair.person.as_str());
        assert!(score.contains_key(&key) || is_pin, "unscored pair {key:?}");
        objective += score.get(&key).copied().unwrap_or(0);
        let person = inst.persons.iter().find(|p| p.id == pair.person).expect("known person");
        *used_p.entry(person.id.as_str()).or_default() += hours[pair.case.as_str()];
        if let Some(g) = &person.group {
            *used_g.entry(g.as_str()).or_default() += hours[pair.case.as_str()];
        }
    }
    for p in &inst.persons {
        assert!(used_p.get(p.id.as_str()).copied().unwrap_or(0) <= hundredths(p.capacity_hours), "person {}", p.id);
    }
    for g in &inst.groups {
        assert!(used_g.get(g.id.as_str()).copied().unwrap_or(0) <= hundredths(g.capacity_hours), "group {}", g.id);
    }
    for (case, person) in &pinned {
        assert!(sol.assignment.iter().any(|p| p.case == *case && p.person == *person), "pin {case} lost");
    }
    assert_eq!(sol.placed, sol.assignment.len());
    assert_eq!(sol.objective, objective);
    assert_eq!(sol.placed + sol.unassigned.len(), inst.cases.len());
    let ub = sol.upper_bound;
    assert!((ub.placed, ub.objective) >= (sol.placed, sol.objective), "bound {ub:?} below solution");
    if sol.optimal {
        assert_eq!((ub.placed, ub.objective), (sol.placed, sol.objective));
    }
}

/// Brute force: the lexicographically best (placed, score), or `None` if the pins
/// alone are infeasible.
fn brute_force(inst: &Instance) -> Option<(usize, i64)> {
    let n = inst.cases.len();
    let person_ix: HashMap<&str, usize> = inst.persons.iter().enumerate().map(|(k, p)| (p.id.as_str(), k)).collect();
    let group_ix: HashMap<&str, usize> = inst.groups.iter().enumerate().map(|(k, g)| (g.id.as_str(), k)).collect();
    let group_of: Vec<Option<usize>> =
        inst.persons.iter().map(|p| p.group.as_ref().map(|g| group_ix[g.as_str()])).collect();
    // options[c]: (person, score) choices; pinned cases have exactly their pin.
    let options: Vec<Vec<(usize, i64)>> = inst
        .cases
        .iter()
        .map(|c| {
            if let Some(pin) = inst.pinned.iter().find(|p| p.case == c.id) {
                let s = inst.scores.iter().find(|s| s.case == c.id && s.person == pin.person).map_or(0, |s| s.score);
                return vec![(person_ix[pin.person.as_str()], s)];
            }
            inst.scores.iter().filter(|s| s.case == c.id).map(|s| (person_ix[s.person.as_str()], s.score)).collect()
        })
        .collect();
    let pinned: Vec<bool> = inst.cases.iter().map(|c| inst.pinned.iter().any(|p| p.case == c.id)).collect();
    let hours: Vec<i64> = inst.cases.iter().map(|c| hundredths(c.hours)).collect();
    let mut rem_p: Vec<i64> = inst.persons.iter().map(|p| hundredths(p.capacity_hours)).collect();
    let mut rem_g: Vec<i64> = inst.groups.iter().map(|g| hundredths(g.capacity_hours)).collect();

    struct Ctx<'a> {
        options: &'a [Vec<(usize, i64)>],
        pinned: &'a [bool],
        hours: &'a [i64],
        group_of: &'a [Option<usize>],
        best: Option<(usize, i64)>,
    }
    fn rec(cx: &mut Ctx, c: usize, placed: usize, score: i64, rem_p: &mut [i64], rem_g: &mut [i64]) {
        if c == cx.options.len() {
            if cx.best.is_none_or(|b| (placed, score) > b) {
                cx.best = Some((placed, score));
            }
            return;
        }
        let h = cx.hours[c];
        for k in 0..cx.options[c].len() {
            let (j, s) = cx.options[c][k];
            let g = cx.group_of[j];
            if rem_p[j] >= h && g.is_none_or(|g| rem_g[g] >= h) {
                rem_p[j] -= h;
                if let Some(g) = g {
                    rem_g[g] -= h;
                }
                rec(cx, c + 1, placed + 1, score + s, rem_p, rem_g);
                rem_p[j] += h;
                if let Some(g) = g {
                    rem_g[g] += h;
                }
            }
        }
        if !cx.pinned[c] {
            rec(cx, c + 1, placed, score, rem_p, rem_g);
        }
    }
    let mut cx = Ctx { options: &options, pinned: &pinned, hours: &hours, group_of: &group_of, best: None };
    rec(&mut cx, 0, 0, 0, &mut rem_p, &mut rem_g);
    let _ = n;
    cx.best
}

const HOURS: [f64; 8] = [0.0, 0.5, 1.5, 2.0, 3.0, 4.0, 6.0, 7.25];
const CAPS: [f64; 8] = [0.0, 1.5, 3.0, 4.0, 6.0, 7.5, 10.0, 14.25];

prop_compose! {
    fn small_instance()(n in 0usize..=7, m in 1usize..=5, ng in 0usize..=2)
        (hours in prop::collection::vec(0..HOURS.len(), n),
         caps in prop::collection::vec(0..CAPS.len(), m),
         member in prop::collection::vec(0..=ng, m),
         gcaps in prop::collection::vec(0..CAPS.len(), ng),
         scores in prop::collection::vec(prop::collection::vec(prop::option::weighted(0.6, -20i64..60), m), n),
         pins in prop::collection::vec(prop::option::weighted(0.12, 0..m), n))
        -> Instance
    {
        Instance {
            cases: hours.iter().enumerate().map(|(c, &h)| CaseInput { id: format!("c{c}"), hours: HOURS[h] }).collect(),
            persons: caps.iter().zip(&member).enumerate().map(|(j, (&cap, &g))| PersonInput {
                id: format!("p{j}"),
                capacity_hours: CAPS[cap],
                group: (g < gcaps.len()).then(|| format!("g{g}")),
            }).collect(),
            groups: gcaps.iter().enumerate().map(|(g, &cap)| GroupInput { id: format!("g{g}"), capacity_hours: CAPS[cap] + 2.0 }).collect(),
            scores: scores.iter().enumerate().flat_map(|(c, row)| row.iter().enumerate().filter_map(move |(j, s)| {
                s.map(|score| ScoreInput { case: format!("c{c}"), person: format!("p{j}"), score })
            })).collect(),
            pinned: pins.iter().enumerate().filter_map(|(c, p)| p.map(|j| PinInput { case: format!("c{c}"), person: format!("p{j}") })).collect(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn equals_brute_force_and_is_valid(inst in small_instance()) {
        match (run(&inst), brute_force(&inst)) {
            (Ok(sol), Some(best)) => {
                check_valid(&inst, &sol);
                prop_assert!(sol.optimal);
                prop_assert_eq!((sol.placed, sol.objective), best);
            }
            (Err(InstanceError::PinsExceedPersonCapacity { .. } | InstanceError::PinsExceedGroupCapacity { .. }), None) => {}
            (got, want) => prop_assert!(false, "solver {:?} vs brute force {:?}", got, want),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Generated scarce instances bind person and group capacities at once, where
    /// the search bans pairs by reduced cost deep in the tree.
    #[test]
    fn generated_small_instances_equal_brute_force(seed in 0u64..100_000, scarce: bool, cases in 1usize..=7, persons in 1usize..=6) {
        let inst = generate(GenParams { cases, persons, scarce, seed });
        let sol = run(&inst).unwrap();
        check_valid(&inst, &sol);
        prop_assert!(sol.optimal);
        prop_assert_eq!(Some((sol.placed, sol.objective)), brute_force(&inst));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_instances_are_valid_and_deterministic(seed in 0u64..1000, scarce: bool, cases in 1usize..25, persons in 1usize..40) {
        let inst = generate(GenParams { cases, persons, scarce, seed });
        let a = run_limited(&inst);
        check_valid(&inst, &a);
        let b = run_limited(&inst);
        prop_assert_eq!(a, b);
    }
}

#[test]
fn deterministic_and_valid_on_bench_sizes() {
    for (cases, persons) in [(40, 250), (60, 500)] {
        for scarce in [false, true] {
            let inst = generate(GenParams { cases, persons, scarce, seed: 7 });
            let a = run_limited(&inst);
            check_valid(&inst, &a);
            assert_eq!(a, run_limited(&inst));
        }
    }
}

#[test]
fn time_limit_returns_best_found_with_bound() {
    let inst = generate(GenParams { cases: 60, persons: 500, scarce: true, seed: 3 });
    let mut t = 0.0;
    let mut clock = move || {
        t += 1000.0;
        t
    };
    let options = SolveOptions { time_limit_ms: 1.0, ..SolveOptions::default() };
    let sol = solve(&inst, &options, &mut clock).unwrap();
    check_valid(&inst, &sol);
    let limited = solve(&inst, &SolveOptions { node_limit: 0, ..SolveOptions::default() }, &mut || 0.0).unwrap();
    check_valid(&inst, &limited);
}

// ---- hand-made instances -------------------------------------------------------

fn parse(json: &str) -> Instance {
    Instance::from_json(json).unwrap()
}

fn pairs(sol: &Solution) -> Vec<(&str, &str)> {
    sol.assignment.iter().map(|p| (p.case.as_str(), p.person.as_str())).collect()
}

#[test]
fn loose_capacity_gives_everyone_their_best() {
    let inst = parse(
        r#"{"cases": [{"id": "c1", "hours": 6}, {"id": "c2", "hours": 4}],
            "persons": [{"id": "p1", "capacity_hours": 20}, {"id": "p2", "capacity_hours": 20}],
            "scores": [{"case": "c1", "person": "p1", "score": 12}, {"case": "c1", "person": "p2", "score": 3},
                       {"case": "c2", "person": "p1", "score": 1}, {"case": "c2", "person": "p2", "score": 9}]}"#,
    );
    let sol = run(&inst).unwrap();
    assert_eq!(pairs(&sol), [("c1", "p1"), ("c2", "p2")]);
    assert_eq!((sol.placed, sol.objective, sol.optimal), (2, 21, true));
}

#[test]
fn scarce_capacity_places_more_cases_before_higher_scores() {
    // p1 has 6 hours: one 6-hour case (score 50) or two 3-hour cases (score 1 each).
    let inst = parse(
        r#"{"cases": [{"id": "big", "hours": 6}, {"id": "a", "hours": 3}, {"id": "b", "hours": 3}],
            "persons": [{"id": "p1", "capacity_hours": 6}],
            "scores": [{"case": "big", "person": "p1", "score": 50}, {"case": "a", "person": "p1", "score": 1},
                       {"case": "b", "person": "p1", "score": 1}]}"#,
    );
    let sol = run(&inst).unwrap();
    assert_eq!(pairs(&sol), [("a", "p1"), ("b", "p1")]);
    assert_eq!(sol.unassigned[0].case, "big");
    assert_eq!(sol.unassigned[0].reason, UnassignedReason::PersonCapacityExhausted);
}

#[test]
fn group_capacity_binds() {
    let inst = parse(
        r#"{"cases": [{"id": "c1", "hours": 5}, {"id": "c2", "hours": 5}],
            "persons": [{"id": "p1", "capacity_hours": 10, "group": "k"}, {"id": "p2", "capacity_hours": 10, "group": "k"},
                        {"id": "p3", "capacity_hours": 10}],
            "groups": [{"id": "k", "capacity_hours": 5}],
            "scores": [{"case": "c1", "person": "p1", "score": 40}, {"case": "c2", "person": "p2", "score": 30},
                       {"case": "c2", "person": "p3", "score": -5}]}"#,
    );
    let sol = run(&inst).unwrap();
    assert_eq!(pairs(&sol), [("c1", "p1"), ("c2", "p3")]);
    assert_eq!(sol.objective, 35);

    let only_group = parse(
        r#"{"cases": [{"id": "c1", "hours": 5}, {"id": "c2", "hours": 5}],
            "persons": [{"id": "p1", "capacity_hours": 10, "group": "k"}],
            "groups": [{"id": "k", "capacity_hours": 5}],
            "scores": [{"case": "c1", "person": "p1", "score": 1}, {"case": "c2", "person": "p1", "score": 2}]}"#,
    );
    let sol = run(&only_group).unwrap();
    assert_eq!(pairs(&sol), [("c2", "p1")]);
    assert_eq!(sol.unassigned[0].reason, UnassignedReason::GroupCapacityExhausted);
}

#[test]
fn negative_score_placement_beats_leaving_a_case_unplaced() {
    let inst = parse(
        r#"{"cases": [{"id": "c1", "hours": 2}],
            "persons": [{"id": "p1", "capacity_hours": 2}],
            "scores": [{"case": "c1", "person": "p1", "score": -20}]}"#,
    );
    let sol = run(&inst).unwrap();
    assert_eq!((sol.placed, sol.objective), (1, -20));
}

#[test]
fn pins_are_forced_and_use_capacity() {
    let inst = parse(
        r#"{"cases": [{"id": "c1", "hours": 4}, {"id": "c2", "hours": 4}],
            "persons": [{"id": "p1", "capacity_hours": 4}, {"id": "p2", "capacity_hours": 4}],
            "scores": [{"case": "c1", "person": "p1", "score": 10}, {"case": "c2", "person": "p2", "score": 10}],
            "pinned": [{"case": "c2", "person": "p1"}]}"#,
    );
    let sol = run(&inst).unwrap();
    assert_eq!(pairs(&sol), [("c2", "p1")]);
    assert_eq!(sol.objective, 0, "an unscored pin counts 0");
    assert_eq!(sol.unassigned[0].reason, UnassignedReason::PersonCapacityExhausted);
}

#[test]
fn fractional_hours_are_exact() {
    let inst = parse(
        r#"{"cases": [{"id": "a", "hours": 0.1}, {"id": "b", "hours": 0.1}, {"id": "c", "hours": 0.1}],
            "persons": [{"id": "p", "capacity_hours": 0.3}],
            "scores": [{"case": "a", "person": "p", "score": 1}, {"case": "b", "person": "p", "score": 1},
                       {"case": "c", "person": "p", "score": 1}]}"#,
    );
    assert_eq!(run(&inst).unwrap().placed, 3);
}

#[test]
fn unassigned_reasons() {
    let inst = parse(
        r#"{"cases": [{"id": "none", "hours": 1}, {"id": "huge", "hours": 50}],
            "persons": [{"id": "p", "capacity_hours": 10}],
            "scores": [{"case": "huge", "person": "p", "score": 1}]}"#,
    );
    let sol = run(&inst).unwrap();
    let reasons: Vec<_> = sol.unassigned.iter().map(|u| (u.case.as_str(), u.reason)).collect();
    assert_eq!(reasons, [("none", UnassignedReason::NoEligiblePerson), ("huge", UnassignedReason::ExceedsCapacity)]);
}

#[test]
fn empty_instance() {
    let sol = run(&parse(r#"{"cases": [], "persons": []}"#)).unwrap();
    assert_eq!((sol.placed, sol.objective, sol.optimal), (0, 0, true));
}

// ---- validation ----------------------------------------------------------------

fn err(json: &str) -> InstanceError {
    Instance::from_json(json).and_then(|i| run(&i)).unwrap_err()
}

#[test]
fn validation_errors() {
    let p = r#"[{"id": "p", "capacity_hours": 5}]"#;
    let c = r#"[{"id": "c", "hours": 2}]"#;
    assert!(matches!(err(r#"{"cases": 3}"#), InstanceError::Json(_)));
    assert!(matches!(
        err(&format!(r#"{{"cases": [{{"id": "c", "hours": 1}}, {{"id": "c", "hours": 1}}], "persons": {p}}}"#)),
        InstanceError::DuplicateCase(id) if id == "c"));
    assert!(matches!(
        err(&format!(
            r#"{{"cases": {c}, "persons": [{{"id": "p", "capacity_hours": 1}}, {{"id": "p", "capacity_hours": 1}}]}}"#
        )),
        InstanceError::DuplicatePerson(_)
    ));
    assert!(matches!(
        err(&format!(
            r#"{{"cases": {c}, "persons": {p}, "groups": [{{"id": "g", "capacity_hours": 1}}, {{"id": "g", "capacity_hours": 1}}]}}"#
        )),
        InstanceError::DuplicateGroup(_)
    ));
    assert!(matches!(
        err(&format!(r#"{{"cases": {c}, "persons": [{{"id": "p", "capacity_hours": 1, "group": "x"}}]}}"#)),
        InstanceError::UnknownGroup { .. }
    ));
    assert!(matches!(
        err(&format!(r#"{{"cases": {c}, "persons": {p}, "scores": [{{"case": "x", "person": "p", "score": 1}}]}}"#)),
        InstanceError::UnknownCase { .. }
    ));
    assert!(matches!(
        err(&format!(r#"{{"cases": {c}, "persons": {p}, "pinned": [{{"case": "c", "person": "x"}}]}}"#)),
        InstanceError::UnknownPerson { .. }
    ));
    assert!(matches!(
        err(&format!(
            r#"{{"cases": {c}, "persons": {p}, "scores": [{{"case": "c", "person": "p", "score": 1}}, {{"case": "c", "person": "p", "score": 2}}]}}"#
        )),
        InstanceError::DuplicateScore { .. }
    ));
    assert!(matches!(
        err(&format!(r#"{{"cases": [{{"id": "c", "hours": -1}}], "persons": {p}}}"#)),
        InstanceError::InvalidHours(_)
    ));
    assert!(matches!(
        err(&format!(r#"{{"cases": {c}, "persons": [{{"id": "p", "capacity_hours": -0.5}}]}}"#)),
        InstanceError::InvalidPersonCapacity(_)
    ));
    assert!(matches!(
        err(&format!(r#"{{"cases": {c}, "persons": {p}, "groups": [{{"id": "g", "capacity_hours": -3}}]}}"#)),
        InstanceError::InvalidGroupCapacity(_)
    ));
    assert!(matches!(
        err(&format!(
            r#"{{"cases": {c}, "persons": {p}, "scores": [{{"case": "c", "person": "p", "score": 9000000000000}}]}}"#
        )),
        InstanceError::ScoreTooLarge { .. }
    ));
    assert!(matches!(
        err(&format!(
            r#"{{"cases": {c}, "persons": {p}, "pinned": [{{"case": "c", "person": "p"}}, {{"case": "c", "person": "p"}}]}}"#
        )),
        InstanceError::CasePinnedTwice(_)
    ));
    assert!(matches!(
        err(&format!(
            r#"{{"cases": [{{"id": "c", "hours": 6}}], "persons": {p}, "pinned": [{{"case": "c", "person": "p"}}]}}"#
        )),
        InstanceError::PinsExceedPersonCapacity { .. }
    ));
    assert!(matches!(
        err(r#"{"cases": [{"id": "c", "hours": 4}], "persons": [{"id": "p", "capacity_hours": 5, "group": "g"}],
               "groups": [{"id": "g", "capacity_hours": 3}], "pinned": [{"case": "c", "person": "p"}]}"#),
        InstanceError::PinsExceedGroupCapacity { .. }
    ));
}

#[test]
fn fixtures_solve() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/allocation");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let inst = Instance::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let sol = run(&inst).unwrap();
        check_valid(&inst, &sol);
        assert!(sol.optimal, "{}", path.display());
        count += 1;
    }
    assert!(count >= 2);
}
