//! Recommending contact persons for one case against 1,000 persons (target ≤ 1 ms native):
//! the full `recommend` (facts, every hard rule, every term, ranking) and the parts alone.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use fordeling::allocation::context::{Registers, Registry};
use fordeling::allocation::facts::CaseFacts;
use fordeling::allocation::recommend::{recommend, recommend_facts};
use fordeling::domain::*;
use fordeling::sample::workspace;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date");
    // 4,000 cases give the sample's 500 persons; copies with new ids make 1,000.
    let mut w = workspace(4000, 3, today);
    let copies: Vec<ContactPerson> =
        w.persons.iter().map(|p| ContactPerson { meta: RecordMeta::new(PersonId::new()), ..p.clone() }).collect();
    w.persons.extend(copies);
    assert_eq!(w.persons.len(), 1000);
    let i = w.cases.iter().position(|c| c.status == CaseStatus::Visited).expect("a visited case");
    let (concerns, persons) = (w.concerns.clone(), w.persons.clone());
    let case = &mut w.cases[i];
    case.concerns = vec![concerns[0].meta.id, concerns[5].meta.id];
    case.relations = vec![Relation { person: persons[10].meta.id, strength: RelationStrength::Good }];
    case.wishes = Wishes { person: Some(persons[20].meta.id), gender: Some(Gender::Female) };
    case.out_of_hours.evenings = true;
    let (case_id, youth_id) = (case.meta.id, case.youth);
    let youth = w.youths.iter_mut().find(|y| y.meta.id == youth_id).expect("youth");
    youth.interests = vec!["Fodbold".into(), "gaming".into(), "musik".into()];
    youth.languages = vec!["Arabisk".into()];

    let settings = Settings::default();
    let ctx = Registry::new(Registers::of(&w), today, &settings);
    let r = recommend(case_id, &ctx).expect("known case");
    eprintln!("ranked {}, blocked {}", r.ranked.len(), r.blocked.len());

    let mut group = c.benchmark_group("recommend_1000_persons");
    group.bench_function("recommend", |b| b.iter(|| recommend(black_box(case_id), &ctx).map(|r| r.ranked.len())));
    let facts = CaseFacts::of(case_id, &ctx).expect("known case");
    group.bench_function("rules_and_terms_given_facts", |b| {
        b.iter(|| recommend_facts(black_box(&facts), &ctx).ranked.len())
    });
    group.finish();
    c.bench_function("registry_new_4000_cases_1000_persons", |b| {
        b.iter(|| Registry::new(Registers::of(black_box(&w)), today, &settings).person_load_h100(PersonId::new()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
