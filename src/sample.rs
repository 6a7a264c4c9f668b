//! A fictional municipality of any size, deterministic from a seed: for benchmarks, browser
//! timings and (later) the training workspace. Shaped like the klubmodel's figures: ages skew
//! to 15+, about a third aftercare, clubs per district, an internal provider and external ones.

use crate::allocation::batch::generate::XorShift;
use crate::domain::concern::default_concerns;
use crate::domain::legal::default_legal_bases;
use crate::domain::*;
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use uuid::Uuid;

/// Every register of a sample workspace.
#[derive(Clone, Debug, Serialize)]
pub struct Workspace {
    pub districts: Vec<District>,
    pub schools: Vec<School>,
    pub concerns: Vec<Concern>,
    pub legal_bases: Vec<LegalBasis>,
    pub providers: Vec<Provider>,
    pub persons: Vec<ContactPerson>,
    pub youths: Vec<Youth>,
    pub cases: Vec<Case>,
}

const DISTRICTS: [&str; 6] = ["Nordbyen", "Sydhavn", "Vestervang", "Østerled", "Midtby", "Strandparken"];
const INTERESTS: [&str; 8] =
    ["fodbold", "gaming", "musik", "tegning", "fitness", "madlavning", "ridning", "skateboard"];

struct Gen(XorShift);

impl Gen {
    fn id(&mut self) -> Uuid {
        Uuid::from_u64_pair(self.0.next_u64(), self.0.next_u64())
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.0.range(0, items.len() as i64 - 1) as usize]
    }
    fn chance(&mut self, p: f64) -> bool {
        self.0.unit() < p
    }
}

/// A workspace with `n_cases` cases, as of `today`.
pub fn workspace(n_cases: usize, seed: u64, today: NaiveDate) -> Workspace {
    let mut g = Gen(XorShift::new(seed));
    let mut concerns = default_concerns();
    let mut legal_bases = default_legal_bases();
    for c in &mut concerns {
        c.meta.id = ConcernId(g.id());
    }
    for l in &mut legal_bases {
        l.meta.id = LegalBasisId(g.id());
    }
    let districts: Vec<District> = DISTRICTS
        .iter()
        .map(|name| District {
            meta: RecordMeta::new(DistrictId(g.id())),
            name: (*name).into(),
            neighbours: Vec::new(),
        })
        .collect();
    let schools: Vec<School> = districts
        .iter()
        .map(|d| School {
            meta: RecordMeta::new(SchoolId(g.id())),
            name: format!("{} Skole", d.name),
            district: d.meta.id,
        })
        .collect();
    let mut providers: Vec<Provider> = districts
        .iter()
        .map(|d| Provider {
            meta: RecordMeta::new(ProviderId(g.id())),
            kind: ProviderKind::Club,
            name: format!("Klub {}", d.name),
            district: Some(d.meta.id),
            age_min: Some(10),
            age_max: Some(18),
            hour_cap: Some(40.0),
            hourly_rate: 380,
        })
        .collect();
    providers.push(Provider {
        meta: RecordMeta::new(ProviderId(g.id())),
        kind: ProviderKind::Internal,
        name: "Familiehuset".into(),
        district: None,
        age_min: None,
        age_max: None,
        hour_cap: None,
        hourly_rate: 450,
    });
    providers.push(Provider {
        meta: RecordMeta::new(ProviderId(g.id())),
        kind: ProviderKind::External,
        name: "Ekstern Støtte ApS".into(),
        district: None,
        age_min: None,
        age_max: None,
        hour_cap: None,
        hourly_rate: 520,
    });
    let n_persons = (n_cases / 4).clamp(8, 500);
    let persons: Vec<ContactPerson> = (0..n_persons)
        .map(|i| {
            let provider = g.pick(&providers).meta.id;
            let certified = today - Duration::days(g.0.range(30, 900));
            ContactPerson {
                meta: RecordMeta::new(PersonId(g.id())),
                provider,
                name: format!("Kontaktperson {}", i + 1),
                gender: Some(*g.pick(&Gender::ALL)),
                birth_year: Some(g.0.range(1965, 2000) as i32),
                background: "pædagog".into(),
                expertise: (0..2)
                    .map(|_| g.pick(&concerns).meta.id)
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                interests: vec![(*g.pick(&INTERESTS)).into()],
                languages: vec!["dansk".into()],
                availability: OutOfHours { evenings: g.chance(0.5), nights: g.chance(0.1), weekends: g.chance(0.3) },
                capacity_hours: g.0.range(6, 30) as f64,
                certificates: Certificates {
                    criminal_record: Some(certified),
                    child_record: Some(certified),
                    confidentiality: Some(certified),
                },
            }
        })
        .collect();
    let mut youths = Vec::with_capacity(n_cases);
    let mut cases = Vec::with_capacity(n_cases);
    for i in 0..n_cases {
        let district = g.pick(&districts).meta.id;
        // Ages skew like the klubmodel table: few under 11, most 15+.
        let age = *g.pick(&[9, 12, 13, 15, 15, 16, 16, 17, 18, 18, 19, 19, 20, 21]);
        let birth_date = today - Duration::days(age * 365 + g.0.range(0, 364));
        let youth = Youth {
            meta: RecordMeta::new(YouthId(g.id())),
            pseudonym: format!("U{:05}", i + 1),
            birth_date,
            gender: Some(*g.pick(&Gender::ALL)),
            district,
            school: schools.iter().find(|s| s.district == district).map(|s| s.meta.id),
            club: None,
            interests: vec![(*g.pick(&INTERESTS)).into()],
            languages: Vec::new(),
            siblings: Vec::new(),
        };
        let status = *g.pick(&[
            CaseStatus::Draft,
            CaseStatus::Visited,
            CaseStatus::Active,
            CaseStatus::Active,
            CaseStatus::Active,
            CaseStatus::Ended,
        ]);
        let received = today - Duration::days(g.0.range(20, 900));
        // Aftercare for who is 18 when the course starts, the child's contact person before.
        let at_start = crate::domain::age::age_on(birth_date, received + Duration::days(15));
        let basis = if at_start >= 18 { &legal_bases[2] } else { &legal_bases[0] };
        let mut case = Case::draft(youth.meta.id, received);
        case.meta.id = CaseId(g.id());
        case.status = status;
        if status != CaseStatus::Draft {
            case.legal_basis = Some(basis.meta.id);
            case.hours_per_week = Some(*g.pick(&[3.0, 6.0, 9.0]));
            case.goals = vec![Goal { id: GoalId(g.id()), text: "Trives i skole/uddannelse".into() }];
            case.concerns = vec![g.pick(&concerns).meta.id];
            case.visitation_date = Some(received + Duration::days(10));
            case.caseworker = format!("SB{}", g.0.range(1, 12));
        }
        if matches!(status, CaseStatus::Active | CaseStatus::Ended) {
            let person = g.pick(&persons);
            let start = received + Duration::days(15);
            case.assignment =
                Some(Assignment { person: person.meta.id, provider: person.provider, from: start, to: None });
            case.start_date = Some(start);
        }
        if status == CaseStatus::Ended {
            let end = (received + Duration::days(g.0.range(30, 400))).min(today);
            case.ending =
                Some(Ending { date: end.max(received + Duration::days(15)), reason: *g.pick(&EndReason::ALL) });
            if let Some(mut a) = case.assignment.take() {
                a.to = case.ending.map(|e| e.date);
                case.history.push(a);
            }
        }
        youths.push(youth);
        cases.push(case);
    }
    Workspace { districts, schools, concerns, legal_bases, providers, persons, youths, cases }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_workspace_is_valid_and_reproducible() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let w = workspace(300, 7, today);
        assert_eq!(w.cases.len(), 300);
        for c in &w.cases {
            assert!(c.validate(today).is_empty(), "{:?}", c.validate(today));
            if c.status != CaseStatus::Draft {
                assert!(c.visitation_gaps().is_empty());
            }
        }
        for y in &w.youths {
            assert!(y.validate(today).is_empty(), "{:?}", y.validate(today));
        }
        for p in &w.persons {
            assert!(p.validate(today).is_empty(), "{:?}", p.validate(today));
        }
        assert_eq!(workspace(300, 7, today).cases[17], w.cases[17]);
    }
}
