//! A small hand-made municipality for the unit tests of eligibility, score and recommendation.
//!
//! Districts North, South (North's neighbour) and East; a club in North and one in East, the
//! internal provider and an external one. Persons: Anna (club North), Bo (internal), Cy
//! (external), all adult, certified and free. Emma (14, North, no club) has one visited case
//! of 6 hours about "Skoleproblematikker".

use super::context::{Registers, Registry};
use crate::domain::concern::default_concerns;
use crate::domain::*;
use chrono::NaiveDate;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub struct World {
    pub today: NaiveDate,
    pub settings: Settings,
    pub districts: Vec<District>,
    pub concerns: Vec<Concern>,
    pub providers: Vec<Provider>,
    pub persons: Vec<ContactPerson>,
    pub youths: Vec<Youth>,
    pub cases: Vec<Case>,
    pub north: DistrictId,
    pub south: DistrictId,
    pub east: DistrictId,
    pub club_north: ProviderId,
    pub club_east: ProviderId,
    pub internal: ProviderId,
    pub external: ProviderId,
    pub anna: PersonId,
    pub bo: PersonId,
    pub cy: PersonId,
    /// Emma's case, the one under test.
    pub case: CaseId,
}

fn provider(kind: ProviderKind, name: &str, district: Option<DistrictId>, rate: u32) -> Provider {
    let club = kind == ProviderKind::Club;
    Provider {
        meta: RecordMeta::new(ProviderId::new()),
        kind,
        name: name.into(),
        district,
        age_min: club.then_some(10),
        age_max: club.then_some(18),
        hour_cap: club.then_some(30.0),
        hourly_rate: rate,
    }
}

impl World {
    pub fn new() -> Self {
        let today = day(2026, 11, 24);
        let district =
            |name: &str| District { meta: RecordMeta::new(DistrictId::new()), name: name.into(), neighbours: vec![] };
        let (mut n, s, e) = (district("Nord"), district("Syd"), district("Øst"));
        n.neighbours.push(s.meta.id);
        let providers = vec![
            provider(ProviderKind::Club, "Klub Nord", Some(n.meta.id), 380),
            provider(ProviderKind::Club, "Klub Øst", Some(e.meta.id), 380),
            provider(ProviderKind::Internal, "Familiehuset", None, 450),
            provider(ProviderKind::External, "Ekstern ApS", None, 520),
        ];
        let concerns = default_concerns();
        let school = concerns.iter().find(|c| c.name == "Skoleproblematikker").unwrap().meta.id;
        let youth = Youth {
            meta: RecordMeta::new(YouthId::new()),
            pseudonym: "Emma".into(),
            birth_date: day(2012, 3, 4),
            gender: Some(Gender::Female),
            district: n.meta.id,
            school: None,
            club: None,
            interests: vec![],
            languages: vec![],
            siblings: vec![],
        };
        let mut case = Case::draft(youth.meta.id, day(2026, 9, 1));
        case.status = CaseStatus::Visited;
        case.hours_per_week = Some(6.0);
        case.concerns = vec![school];
        let mut w = World {
            today,
            settings: Settings::default(),
            north: n.meta.id,
            south: s.meta.id,
            east: e.meta.id,
            club_north: providers[0].meta.id,
            club_east: providers[1].meta.id,
            internal: providers[2].meta.id,
            external: providers[3].meta.id,
            districts: vec![n, s, e],
            concerns,
            providers,
            persons: vec![],
            youths: vec![youth],
            case: case.meta.id,
            cases: vec![case],
            anna: PersonId::new(),
            bo: PersonId::new(),
            cy: PersonId::new(),
        };
        w.anna = w.add_person(w.club_north, "Anna");
        w.bo = w.add_person(w.internal, "Bo");
        w.cy = w.add_person(w.external, "Cy");
        w
    }

    pub fn ctx(&self) -> Registry<'_> {
        let registers = Registers {
            youths: &self.youths,
            cases: &self.cases,
            persons: &self.persons,
            providers: &self.providers,
            districts: &self.districts,
            concerns: &self.concerns,
        };
        Registry::new(registers, self.today, &self.settings)
    }

    /// An adult, certified person with 20 free hours and nothing else.
    pub fn add_person(&mut self, provider: ProviderId, name: &str) -> PersonId {
        let certified = day(2026, 1, 1);
        let p = ContactPerson {
            meta: RecordMeta::new(PersonId::new()),
            provider,
            name: name.into(),
            gender: Some(Gender::Male),
            birth_year: Some(1990),
            background: "pædagog".into(),
            expertise: vec![],
            interests: vec![],
            languages: vec![],
            availability: OutOfHours::default(),
            capacity_hours: 20.0,
            certificates: Certificates {
                criminal_record: Some(certified),
                child_record: Some(certified),
                confidentiality: Some(certified),
            },
        };
        let id = p.meta.id;
        self.persons.push(p);
        id
    }

    pub fn emma(&self) -> YouthId {
        self.youths[0].meta.id
    }

    pub fn case_mut(&mut self) -> &mut Case {
        &mut self.cases[0]
    }

    pub fn youth_mut(&mut self) -> &mut Youth {
        &mut self.youths[0]
    }

    pub fn person_mut(&mut self, id: PersonId) -> &mut ContactPerson {
        self.persons.iter_mut().find(|p| p.meta.id == id).unwrap()
    }

    pub fn provider_mut(&mut self, id: ProviderId) -> &mut Provider {
        self.providers.iter_mut().find(|p| p.meta.id == id).unwrap()
    }

    pub fn concern(&self, name: &str) -> ConcernId {
        self.concerns.iter().find(|c| c.name == name).unwrap().meta.id
    }

    /// Another youth's case in `status`, assigned to `person`, of `hours` a week.
    pub fn busy_case(&mut self, person: PersonId, status: CaseStatus, hours: f64) -> CaseId {
        let provider = self.persons.iter().find(|p| p.meta.id == person).unwrap().provider;
        let mut case = Case::draft(YouthId::new(), day(2026, 1, 1));
        case.status = status;
        case.hours_per_week = Some(hours);
        case.assignment = Some(Assignment { person, provider, from: day(2026, 2, 1), to: None });
        let id = case.meta.id;
        self.cases.push(case);
        id
    }

    /// A sibling of Emma (listing Emma as her sibling), without a case.
    pub fn sibling_of_emma(&mut self) -> YouthId {
        let mut sister = self.youths[0].clone();
        sister.meta = RecordMeta::new(YouthId::new());
        sister.pseudonym = "Sofie".into();
        sister.siblings = vec![self.emma()];
        let id = sister.meta.id;
        self.youths.push(sister);
        id
    }
}
