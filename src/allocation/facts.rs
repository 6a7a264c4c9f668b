//! What eligibility and score need to know about one case, computed once per case so that
//! checking and scoring it against a thousand persons does no look-ups or allocations that
//! could have been done up front.

use super::context::{hundredths, Registry};
use crate::domain::age::age_on;
use crate::domain::*;
use thiserror::Error;

/// A case or youth that is not in the registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum Missing {
    #[error("unknown case {0}")]
    Case(CaseId),
    #[error("unknown youth {0}")]
    Youth(YouthId),
}

/// Text compared case-insensitively: the trimmed original and its lowercase form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded<'a> {
    pub original: &'a str,
    pub lower: String,
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Self {
        let original = original.trim();
        Self { original, lower: original.to_lowercase() }
    }

    /// Whether `other` equals this text ignoring case (no allocation).
    pub fn matches(&self, other: &str) -> bool {
        other.trim().chars().flat_map(char::to_lowercase).eq(self.lower.chars())
    }
}

/// The per-case data, computed once.
#[derive(Clone, Debug)]
pub struct CaseFacts<'a> {
    pub case: &'a Case,
    pub youth: &'a Youth,
    /// The youth's age today.
    pub age: u32,
    /// Granted hours per week in hundredths (a missing figure counts as 0).
    pub hours: i64,
    /// Districts near the youth's own: its configured neighbours, and districts that list the
    /// youth's district as their neighbour.
    pub near: Vec<DistrictId>,
    /// The case's concerns that are in the vocabulary (unknown ids are ignored).
    pub concerns: Vec<&'a Concern>,
    pub interests: Vec<Folded<'a>>,
    pub languages: Vec<Folded<'a>>,
    /// Persons who are or were contact person of a sibling, with the sibling.
    pub sibling_persons: Vec<(PersonId, YouthId)>,
    /// The case's own hours in its current person's and provider's load, if it counts.
    pub own: Option<(PersonId, ProviderId, i64)>,
}

/// A candidate's current load without the case itself, in hundredths of an hour per week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Load {
    pub person: i64,
    pub provider: i64,
}

impl<'a> CaseFacts<'a> {
    /// The facts of a case in the registry.
    pub fn of(case: CaseId, ctx: &Registry<'a>) -> Result<Self, Missing> {
        let case = ctx.case(case).ok_or(Missing::Case(case))?;
        let youth = ctx.youth(case.youth).ok_or(Missing::Youth(case.youth))?;
        Ok(Self::new(case, youth, ctx))
    }

    pub fn new(case: &'a Case, youth: &'a Youth, ctx: &Registry<'a>) -> Self {
        let home = youth.district;
        let mut near: Vec<DistrictId> = ctx.district(home).map(|d| d.neighbours.clone()).unwrap_or_default();
        for d in ctx.districts.iter().filter(|d| d.meta.id != home && d.neighbours.contains(&home)) {
            if !near.contains(&d.meta.id) {
                near.push(d.meta.id);
            }
        }
        let mut sibling_persons = Vec::new();
        for &sibling in ctx.siblings_of(youth.meta.id) {
            for c in ctx.cases_of(sibling) {
                for a in c.assignment.iter().chain(&c.history) {
                    if !sibling_persons.iter().any(|&(p, _)| p == a.person) {
                        sibling_persons.push((a.person, sibling));
                    }
                }
            }
        }
        Self {
            case,
            youth,
            age: age_on(youth.birth_date, ctx.today),
            hours: hundredths(case.hours_per_week.unwrap_or(0.0)),
            near,
            concerns: case.concerns.iter().filter_map(|&c| ctx.concern(c)).collect(),
            interests: youth.interests.iter().map(|s| Folded::new(s)).filter(|f| !f.lower.is_empty()).collect(),
            languages: youth.languages.iter().map(|s| Folded::new(s)).filter(|f| !f.lower.is_empty()).collect(),
            sibling_persons,
            own: ctx.own_load(case),
        }
    }

    /// Whether a club in `district` may take this youth: the youth's own district or a near one.
    pub fn district_allowed(&self, district: DistrictId) -> bool {
        district == self.youth.district || self.near.contains(&district)
    }

    /// The current load of `person` at `provider` without this case's own hours.
    pub fn load_of(&self, person: &ContactPerson, provider: &Provider, ctx: &Registry) -> Load {
        let mut load =
            Load { person: ctx.person_load_h100(person.meta.id), provider: ctx.provider_load_h100(provider.meta.id) };
        if let Some((p, pr, h)) = self.own {
            if p == person.meta.id {
                load.person -= h;
            }
            if pr == provider.meta.id {
                load.provider -= h;
            }
        }
        load
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::allocation::testkit::World;

    #[test]
    fn folded_text_matches_ignoring_case_and_spaces() {
        let f = Folded::new(" Ødegård ");
        assert!(f.matches("ØDEGÅRD") && f.matches("ødegård "));
        assert!(!f.matches("odegard"));
    }

    #[test]
    fn near_districts_are_symmetric() {
        let w = World::new();
        let ctx = w.ctx();
        // North lists South; a youth in South may therefore use North's club too.
        let mut south_youth = w.youths[0].clone();
        south_youth.district = w.south;
        let facts = CaseFacts::new(&w.cases[0], &south_youth, &ctx);
        assert!(facts.district_allowed(w.north) && facts.district_allowed(w.south));
        assert!(!facts.district_allowed(w.east));
    }

    #[test]
    fn a_case_does_not_count_against_its_own_person() {
        let mut w = World::new();
        let (anna, club) = (w.anna, w.club_north);
        w.busy_case(anna, CaseStatus::Active, 4.0);
        let from = w.today;
        let c = w.case_mut();
        c.status = CaseStatus::Allocated;
        c.assignment = Some(Assignment { person: anna, provider: club, from, to: None });
        let ctx = w.ctx();
        let facts = CaseFacts::of(w.case, &ctx).unwrap();
        let load = facts.load_of(&w.persons[0], &w.providers[0], &ctx);
        assert_eq!(load, Load { person: 400, provider: 400 });
        assert_eq!(ctx.person_load_h100(anna), 1000);
    }
}
