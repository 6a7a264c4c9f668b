//! Properties of eligibility, score, recommendation and the batch instance on sample
//! municipalities (`fordeling::sample::workspace`) enriched with the matching data the sample
//! leaves empty: relations, wishes, club membership, siblings, languages, ruled-out persons,
//! out-of-hours needs, neighbour districts, archived and uncertified persons.

use chrono::NaiveDate;
use fordeling::allocation::agenda::{batch_instance, explain_unplaced};
use fordeling::allocation::batch::generate::XorShift;
use fordeling::allocation::batch::{solve, SolveOptions};
use fordeling::allocation::context::{counts_as_load, hundredths, Registers, Registry};
use fordeling::allocation::eligibility::check;
use fordeling::allocation::recommend::{rank_order, recommend, Recommendation};
use fordeling::allocation::score::{score, Term};
use fordeling::domain::*;
use fordeling::sample::{workspace, Workspace};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn pick<T: Copy>(g: &mut XorShift, items: &[T]) -> T {
    items[g.range(0, items.len() as i64 - 1) as usize]
}

/// A sample workspace with matching data filled in; a third of the open cases are visited.
fn world(n_cases: usize, seed: u64) -> Workspace {
    let mut w = workspace(n_cases, seed, today());
    let mut g = XorShift::new(seed.wrapping_mul(31).wrapping_add(7));
    let nd = w.districts.len();
    for i in 0..nd {
        if g.unit() < 0.5 {
            let next = w.districts[(i + 1) % nd].meta.id;
            w.districts[i].neighbours.push(next);
        }
    }
    let clubs: Vec<(ProviderId, Option<DistrictId>)> =
        w.providers.iter().filter(|p| p.kind == ProviderKind::Club).map(|p| (p.meta.id, p.district)).collect();
    for p in &mut w.providers {
        p.meta.archived = g.unit() < 0.05;
    }
    // One municipality decision: clubs never take convicted youths.
    if let Some(c) = w.concerns.iter_mut().find(|c| c.name == "Dømt for kriminalitet") {
        c.routing.club = Routing::Exclude;
    }
    let langs = ["Arabisk", "somali", "Tyrkisk", "dansk"];
    let interests = ["Fodbold", "gaming", "MUSIK", "ridning", "tegning"];
    for p in &mut w.persons {
        p.meta.archived = g.unit() < 0.05;
        if g.unit() < 0.3 {
            p.languages.push(pick(&mut g, &langs).to_uppercase());
        }
        let extra = pick(&mut g, &interests).to_lowercase();
        if !p.interests.iter().any(|i| i.eq_ignore_ascii_case(&extra)) {
            p.interests.push(extra);
        }
        if g.unit() < 0.08 {
            p.certificates.child_record = None;
        }
        if g.unit() < 0.03 {
            p.birth_year = Some(2010);
        }
    }
    let persons: Vec<PersonId> = w.persons.iter().map(|p| p.meta.id).collect();
    for i in 0..w.youths.len() {
        let district = w.youths[i].district;
        let y = &mut w.youths[i];
        if g.unit() < 0.4 {
            y.club = clubs.iter().find(|c| c.1 == Some(district)).map(|c| c.0);
        }
        let extra = pick(&mut g, &interests).to_string();
        if !y.interests.iter().any(|i| i.eq_ignore_ascii_case(&extra)) {
            y.interests.push(extra);
        }
        if g.unit() < 0.25 {
            y.languages.push(pick(&mut g, &langs).into());
        }
        if i > 0 && g.unit() < 0.2 {
            let prev = w.youths[i - 1].meta.id;
            w.youths[i].siblings.push(prev);
        }
    }
    for c in &mut w.cases {
        if c.status == CaseStatus::Draft && c.hours_per_week.is_none() {
            continue;
        }
        if c.status == CaseStatus::Active && g.unit() < 0.3 {
            c.status = CaseStatus::Visited;
            if let Some(a) = c.assignment.take() {
                c.history.push(Assignment { to: Some(today()), ..a });
            }
        }
        if c.status != CaseStatus::Visited {
            continue;
        }
        for _ in 0..g.range(0, 2) {
            let person = pick(&mut g, &persons);
            if !c.relations.iter().any(|r| r.person == person) {
                c.relations.push(Relation { person, strength: pick(&mut g, &RelationStrength::ALL) });
            }
        }
        if g.unit() < 0.3 {
            c.wishes.person = Some(pick(&mut g, &persons));
        }
        if g.unit() < 0.3 {
            c.wishes.gender = Some(pick(&mut g, &Gender::ALL));
        }
        let ruled = pick(&mut g, &persons);
        if g.unit() < 0.3 && c.wishes.person != Some(ruled) {
            c.ruled_out.push(ruled);
        }
        c.out_of_hours = OutOfHours { evenings: g.unit() < 0.2, nights: g.unit() < 0.03, weekends: g.unit() < 0.1 };
        if g.unit() < 0.2 {
            c.earlier_person = Some(pick(&mut g, &persons));
        }
        if g.unit() < 0.3 {
            c.concerns.push(w.concerns[g.range(0, w.concerns.len() as i64 - 1) as usize].meta.id);
            c.concerns.dedup();
        }
    }
    w
}

fn ctx<'a>(w: &'a Workspace, settings: &'a Settings) -> Registry<'a> {
    Registry::new(Registers::of(w), today(), settings)
}

fn visited(w: &Workspace) -> Vec<CaseId> {
    w.cases.iter().filter(|c| c.status == CaseStatus::Visited).map(|c| c.meta.id).collect()
}

/// Each additive weight with the terms that use it.
type Knob = (&'static str, fn(&mut Weights) -> &mut i64, fn(&Term) -> bool);
const KNOBS: [Knob; 14] = [
    ("relation_per_level", |w| &mut w.relation_per_level, |t| matches!(t, Term::Relation { .. })),
    ("club_membership", |w| &mut w.club_membership, |t| matches!(t, Term::ClubMembership { .. })),
    ("routing_prefer", |w| &mut w.routing_prefer, |t| matches!(t, Term::Routing { routing: Routing::Prefer, .. })),
    ("routing_avoid", |w| &mut w.routing_avoid, |t| matches!(t, Term::Routing { routing: Routing::Avoid, .. })),
    ("expertise_per_concern", |w| &mut w.expertise_per_concern, |t| matches!(t, Term::Expertise { .. })),
    ("interest_per_shared", |w| &mut w.interest_per_shared, |t| matches!(t, Term::SharedInterests { .. })),
    ("interests_max", |w| &mut w.interests_max, |t| matches!(t, Term::SharedInterests { .. })),
    ("wish_person", |w| &mut w.wish_person, |t| matches!(t, Term::WishedPerson)),
    ("wish_gender", |w| &mut w.wish_gender, |t| matches!(t, Term::WishedGender { .. })),
    ("continuity_earlier", |w| &mut w.continuity_earlier, |t| matches!(t, Term::EarlierPerson)),
    ("continuity_sibling", |w| &mut w.continuity_sibling, |t| matches!(t, Term::SiblingPerson { .. })),
    ("language", |w| &mut w.language, |t| matches!(t, Term::Language { .. })),
    // Penalties are subtracted: raising them is checked with the opposite sign below.
    ("load_penalty_at_full", |w| &mut w.load_penalty_at_full, |t| matches!(t, Term::Load { .. })),
    ("cost_per_100kr", |w| &mut w.cost_per_100kr, |t| matches!(t, Term::Cost { .. })),
];

fn check_recommendation(w: &Workspace, ctx: &Registry, r: &Recommendation) {
    let blocked: HashSet<PersonId> = r.blocked.iter().map(|(p, _)| *p).collect();
    let mut seen = HashSet::new();
    for c in &r.ranked {
        assert!(!blocked.contains(&c.person), "a blocked person is ranked");
        assert!(seen.insert(c.person));
        assert_eq!(c.score, c.terms.iter().map(|t| t.points).sum::<i64>());
        assert!(c.terms.iter().all(|t| t.points != 0), "zero term");
    }
    assert!(r.ranked.windows(2).all(|p| rank_order(&p[0], &p[1]).is_lt()), "not sorted");
    // The one-pair functions agree with the batch path; the partition is complete.
    let case = ctx.case(r.case).unwrap();
    let youth = ctx.youth(case.youth).unwrap();
    let ranked: HashMap<PersonId, i64> = r.ranked.iter().map(|c| (c.person, c.score)).collect();
    for p in w.persons.iter().filter(|p| !p.meta.archived) {
        let Some(pr) = ctx.provider(p.provider).filter(|pr| !pr.meta.archived) else { continue };
        let blocks = check(case, youth, p, pr, ctx);
        match ranked.get(&p.meta.id) {
            Some(&s) => {
                assert!(blocks.is_empty());
                assert_eq!(score(case, youth, p, pr, ctx).total, s);
            }
            None => assert_eq!(r.blocked.iter().find(|(id, _)| *id == p.meta.id).unwrap().1, blocks),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn recommendations_are_sorted_consistent_and_deterministic(seed in any::<u64>(), rotate in 0usize..50) {
        let w = world(120, seed);
        let settings = Settings::default();
        let reg = ctx(&w, &settings);
        // The same registers in another order give the same recommendation.
        let mut shuffled = w.clone();
        let k = rotate % shuffled.persons.len();
        shuffled.persons.rotate_left(k);
        shuffled.cases.reverse();
        let reg2 = ctx(&shuffled, &settings);
        for id in visited(&w) {
            let r = recommend(id, &reg).unwrap();
            check_recommendation(&w, &reg, &r);
            prop_assert_eq!(&r, &recommend(id, &reg).unwrap());
            prop_assert_eq!(&r, &recommend(id, &reg2).unwrap());
        }
    }

    #[test]
    fn raising_a_weight_never_lowers_a_score_that_uses_it(seed in any::<u64>(), knob in 0usize..KNOBS.len(), delta in 1i64..60) {
        let w = world(80, seed);
        let base = Settings::default();
        let mut raised = base.clone();
        let (name, field, uses) = KNOBS[knob];
        *field(&mut raised.weights) += delta;
        let penalty = matches!(name, "load_penalty_at_full" | "cost_per_100kr");
        let (a, b) = (ctx(&w, &base), ctx(&w, &raised));
        for id in visited(&w) {
            let (before, after) = (recommend(id, &a).unwrap(), recommend(id, &b).unwrap());
            prop_assert_eq!(before.ranked.len(), after.ranked.len());
            let after: HashMap<PersonId, _> = after.ranked.iter().map(|c| (c.person, c)).collect();
            for c in &before.ranked {
                let n = after[&c.person];
                let used = c.terms.iter().chain(&n.terms).any(|t| uses(&t.term));
                if !used {
                    prop_assert_eq!(n.score, c.score, "{} changed a score that does not use it", name);
                } else if penalty {
                    prop_assert!(n.score <= c.score, "raising {} raised {} to {}", name, c.score, n.score);
                } else {
                    prop_assert!(n.score >= c.score, "raising {} lowered {} to {}", name, c.score, n.score);
                }
            }
        }
    }

    #[test]
    fn the_solver_never_assigns_a_blocked_pair_nor_exceeds_capacity(seed in any::<u64>(), pin in any::<bool>()) {
        let w = world(100, seed);
        let settings = Settings::default();
        let reg = ctx(&w, &settings);
        // An agenda of realistic size keeps the exact search short in a debug build.
        let agenda: Vec<CaseId> = visited(&w).into_iter().take(12).collect();
        // Pin the first agenda case to its top recommendation, as a decision already taken.
        let pins: Vec<(CaseId, PersonId)> = agenda.iter().take(pin as usize)
            .filter_map(|&c| recommend(c, &reg).unwrap().best().map(|b| (c, b.person))).collect();
        let inst = batch_instance(&agenda, &pins, &reg);
        let mut t = 0.0;
        let options = SolveOptions { node_limit: 3_000, ..SolveOptions::default() };
        let sol = solve(&inst, &options, &mut || { t += 0.001; t }).unwrap();
        let on_agenda: HashSet<CaseId> = agenda.iter().copied().collect();
        let mut person_used: HashMap<PersonId, i64> = HashMap::new();
        let mut provider_used: HashMap<ProviderId, i64> = HashMap::new();
        for c in w.cases.iter().filter(|c| counts_as_load(c.status) && !on_agenda.contains(&c.meta.id)) {
            if let Some(a) = c.assignment {
                *person_used.entry(a.person).or_default() += hundredths(c.hours_per_week.unwrap_or(0.0));
                *provider_used.entry(a.provider).or_default() += hundredths(c.hours_per_week.unwrap_or(0.0));
            }
        }
        for pair in &sol.assignment {
            let case = reg.case(pair.case.parse().unwrap()).unwrap();
            let person = reg.person(pair.person.parse().unwrap()).unwrap();
            let provider = reg.provider(person.provider).unwrap();
            let h = hundredths(case.hours_per_week.unwrap());
            *person_used.entry(person.meta.id).or_default() += h;
            *provider_used.entry(provider.meta.id).or_default() += h;
            if pins.iter().any(|&(c, _)| c == case.meta.id) {
                continue; // the committee's decision stands
            }
            let blocks = check(case, reg.youth(case.youth).unwrap(), person, provider, &reg);
            prop_assert!(blocks.iter().all(|b| b.rule().is_capacity()), "blocked pair assigned: {:?}", blocks);
        }
        for p in &w.persons {
            let used = person_used.get(&p.meta.id).copied().unwrap_or(0);
            let agenda_h: i64 = sol.assignment.iter().filter(|a| a.person == p.meta.id.to_string()).count() as i64;
            if agenda_h > 0 {
                prop_assert!(used <= hundredths(p.capacity_hours), "person over capacity");
            }
        }
        for pr in w.providers.iter().filter(|pr| pr.hour_cap.is_some()) {
            let assigned = sol.assignment.iter().any(|a| reg.person(a.person.parse().unwrap()).unwrap().provider == pr.meta.id);
            if assigned {
                prop_assert!(provider_used.get(&pr.meta.id).copied().unwrap_or(0) <= hundredths(pr.hour_cap.unwrap()));
            }
        }
        for (c, p) in &pins {
            prop_assert!(sol.assignment.iter().any(|a| a.case == c.to_string() && a.person == p.to_string()));
        }
        // Every unplaced case is explained.
        let why = explain_unplaced(&sol, &reg);
        prop_assert_eq!(why.len(), sol.unassigned.len());
    }
}

#[test]
fn a_realistic_municipality_gets_a_recommendation_for_every_visited_case() {
    let w = world(2000, 42);
    let settings = Settings::default();
    let reg = ctx(&w, &settings);
    let agenda = visited(&w);
    assert!(agenda.len() > 100);
    let mut with_candidates = 0;
    for &id in &agenda {
        let r = recommend(id, &reg).unwrap();
        with_candidates += usize::from(!r.ranked.is_empty());
    }
    assert!(with_candidates * 10 >= agenda.len() * 9, "{with_candidates} of {}", agenda.len());
    let rules: HashSet<_> = agenda
        .iter()
        .flat_map(|&id| recommend(id, &reg).unwrap().blocked)
        .flat_map(|(_, blocks)| blocks.into_iter().map(|b| b.rule()))
        .collect();
    eprintln!("rules seen blocking: {rules:?}");
    assert!(rules.len() >= 8, "{rules:?}");
}
