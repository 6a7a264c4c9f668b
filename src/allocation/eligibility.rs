//! Eligibility: the hard rules. A candidate is blocked, with each rule it breaks named and its
//! evidence attached (DESIGN §3, stage 1).

use super::context::{hours, Registry};
use super::facts::{CaseFacts, Load};
use crate::domain::person::CertificateProblem;
use crate::domain::*;
use serde::{Deserialize, Serialize};

/// A hard rule a (case, person) pair breaks, with its evidence. Hours are per week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// The person or the provider is archived.
    Archived { person: bool, provider: bool },
    /// The person is not adult (myndig) on the day.
    NotAdult { birth_year: i32 },
    /// The youth or the caseworker has ruled the person out.
    RuledOut,
    /// A certificate is missing or expired.
    Certificate(CertificateProblem),
    /// A club outside the youth's district and that district's neighbours.
    OutsideDistrict { club_district: DistrictId, youth_district: DistrictId },
    /// The youth is outside the provider's age range.
    OutsideAgeRange { age: u32, min: Option<u32>, max: Option<u32> },
    /// The case needs times outside normal working hours the person cannot do.
    OutOfHours { missing: OutOfHours },
    /// A concern the municipality excludes for the provider's kind.
    ConcernExcluded { concern: ConcernId, kind: ProviderKind },
    /// The person's hours would be exceeded.
    PersonCapacity { used: f64, capacity: f64, needed: f64 },
    /// The provider's hour cap would be exceeded ("balancen i klubberne").
    ClubCap { provider: ProviderId, used: f64, cap: f64, needed: f64 },
}

/// The rule behind a [`Block`], without its evidence (for counting and filtering).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rule {
    Archived,
    NotAdult,
    RuledOut,
    Certificate,
    OutsideDistrict,
    OutsideAgeRange,
    OutOfHours,
    ConcernExcluded,
    PersonCapacity,
    ClubCap,
}

impl Block {
    pub fn rule(&self) -> Rule {
        match self {
            Block::Archived { .. } => Rule::Archived,
            Block::NotAdult { .. } => Rule::NotAdult,
            Block::RuledOut => Rule::RuledOut,
            Block::Certificate(_) => Rule::Certificate,
            Block::OutsideDistrict { .. } => Rule::OutsideDistrict,
            Block::OutsideAgeRange { .. } => Rule::OutsideAgeRange,
            Block::OutOfHours { .. } => Rule::OutOfHours,
            Block::ConcernExcluded { .. } => Rule::ConcernExcluded,
            Block::PersonCapacity { .. } => Rule::PersonCapacity,
            Block::ClubCap { .. } => Rule::ClubCap,
        }
    }
}

impl Rule {
    /// Capacity rules depend on the other cases placed; the batch solver enforces them itself.
    pub fn is_capacity(self) -> bool {
        matches!(self, Rule::PersonCapacity | Rule::ClubCap)
    }
}

/// Whether the capacity rules are checked (single recommendation) or left to the batch solver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capacity {
    Check,
    Ignore,
}

/// Every hard rule `person` (at `provider`) breaks for `case` of `youth`; empty when eligible.
/// The load is the person's and provider's current load without the case itself.
pub fn check(case: &Case, youth: &Youth, person: &ContactPerson, provider: &Provider, ctx: &Registry) -> Vec<Block> {
    let facts = CaseFacts::new(case, youth, ctx);
    let load = facts.load_of(person, provider, ctx);
    check_facts(&facts, person, provider, load, Capacity::Check, ctx)
}

/// [`check`] on precomputed case facts and a given load.
pub fn check_facts(
    f: &CaseFacts,
    person: &ContactPerson,
    provider: &Provider,
    load: Load,
    capacity: Capacity,
    ctx: &Registry,
) -> Vec<Block> {
    let mut out = Vec::new();
    if person.meta.archived || provider.meta.archived {
        out.push(Block::Archived { person: person.meta.archived, provider: provider.meta.archived });
    }
    if let Some(birth_year) = person.birth_year.filter(|_| !person.is_adult(ctx.today)) {
        out.push(Block::NotAdult { birth_year });
    }
    if f.case.ruled_out.contains(&person.meta.id) {
        out.push(Block::RuledOut);
    }
    let problems = person.certificates.problems(f.age, ctx.today, ctx.settings.certificate_valid_months);
    out.extend(problems.into_iter().map(Block::Certificate));
    if let Some(club_district) =
        provider.district.filter(|&d| provider.kind == ProviderKind::Club && !f.district_allowed(d))
    {
        out.push(Block::OutsideDistrict { club_district, youth_district: f.youth.district });
    }
    if !provider.serves_age(f.age) {
        out.push(Block::OutsideAgeRange { age: f.age, min: provider.age_min, max: provider.age_max });
    }
    let (need, can) = (&f.case.out_of_hours, &person.availability);
    if !can.covers(need) {
        let missing = OutOfHours {
            evenings: need.evenings && !can.evenings,
            nights: need.nights && !can.nights,
            weekends: need.weekends && !can.weekends,
        };
        out.push(Block::OutOfHours { missing });
    }
    for c in &f.concerns {
        if c.routing.get(provider.kind) == Routing::Exclude {
            out.push(Block::ConcernExcluded { concern: c.meta.id, kind: provider.kind });
        }
    }
    if capacity == Capacity::Check {
        let cap = super::context::hundredths(person.capacity_hours);
        if load.person + f.hours > cap {
            out.push(Block::PersonCapacity { used: hours(load.person), capacity: hours(cap), needed: hours(f.hours) });
        }
        if let Some(cap) = provider.hour_cap.map(super::context::hundredths) {
            if load.provider + f.hours > cap {
                out.push(Block::ClubCap {
                    provider: provider.meta.id,
                    used: hours(load.provider),
                    cap: hours(cap),
                    needed: hours(f.hours),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::allocation::testkit::{day, World};
    use crate::domain::person::CertificateKind;

    fn blocks_of(w: &World, person: PersonId) -> Vec<Block> {
        let ctx = w.ctx();
        let p = ctx.person(person).unwrap();
        check(&w.cases[0], &w.youths[0], p, ctx.provider(p.provider).unwrap(), &ctx)
    }

    #[test]
    fn a_free_certified_adult_in_the_youths_district_is_eligible() {
        let w = World::new();
        for p in [w.anna, w.bo, w.cy] {
            assert_eq!(blocks_of(&w, p), vec![]);
        }
    }

    #[test]
    fn person_capacity_blocks_with_the_hours() {
        // DESIGN §3: blocked when "capacity would be exceeded (the person's hours ...)".
        let mut w = World::new();
        let bo = w.bo;
        w.busy_case(bo, CaseStatus::Active, 15.0);
        assert_eq!(blocks_of(&w, bo), vec![Block::PersonCapacity { used: 15.0, capacity: 20.0, needed: 6.0 }]);
        // Exactly full is still allowed.
        w.person_mut(bo).capacity_hours = 21.0;
        assert_eq!(blocks_of(&w, bo), vec![]);
    }

    #[test]
    fn club_cap_keeps_the_balance_in_the_clubs() {
        // Klubmodellen: "under hensyntagen til ... balancen i klubberne i forhold til at
        // opretholde det almene klubtilbud".
        let mut w = World::new();
        let (anna, club) = (w.anna, w.club_north);
        let colleague = w.add_person(club, "Kim");
        w.busy_case(colleague, CaseStatus::Allocated, 20.0);
        w.busy_case(colleague, CaseStatus::Active, 5.0);
        assert_eq!(blocks_of(&w, anna), vec![Block::ClubCap { provider: club, used: 25.0, cap: 30.0, needed: 6.0 }]);
    }

    #[test]
    fn a_club_outside_the_district_and_its_neighbours_is_blocked() {
        // Klubmodellen: clubs take tasks "i eller i umiddelbar nærhed af klubben"; DESIGN §3:
        // "a club is outside the child's district (or its configured neighbours)".
        let mut w = World::new();
        let kim = w.add_person(w.club_east, "Kim");
        assert_eq!(blocks_of(&w, kim), vec![Block::OutsideDistrict { club_district: w.east, youth_district: w.north }]);
        // A neighbour district is near enough, in either direction of the neighbour list.
        let east = w.east;
        let north = w.north;
        w.districts[2].neighbours.push(north);
        assert_eq!(blocks_of(&w, kim), vec![]);
        w.districts[2].neighbours.clear();
        w.districts[0].neighbours.push(east);
        assert_eq!(blocks_of(&w, kim), vec![]);
        // Internal and external providers have no district.
        assert_eq!(blocks_of(&w, w.bo), vec![]);
    }

    #[test]
    fn the_youth_must_be_within_the_clubs_age_range() {
        // DESIGN §3: "or the child is outside the club's age range".
        let mut w = World::new();
        w.youth_mut().birth_date = day(2017, 1, 1);
        let anna = w.anna;
        assert_eq!(blocks_of(&w, anna), vec![Block::OutsideAgeRange { age: 9, min: Some(10), max: Some(18) }]);
    }

    #[test]
    fn out_of_hours_needs_are_covered_or_blocked_with_what_is_missing() {
        // Ankestyrelsen: "Er der eksempelvis tale om en ung, som i høj grad har behov for en
        // kontaktperson uden for almindelig arbejdstid, kan den unge blive matchet med en
        // ekstern kontaktperson."
        let mut w = World::new();
        w.case_mut().out_of_hours = OutOfHours { evenings: true, nights: true, weekends: false };
        let cy = w.cy;
        w.person_mut(cy).availability = OutOfHours { evenings: true, nights: false, weekends: true };
        let missing = OutOfHours { evenings: false, nights: true, weekends: false };
        assert_eq!(blocks_of(&w, cy), vec![Block::OutOfHours { missing }]);
        w.person_mut(cy).availability.nights = true;
        assert_eq!(blocks_of(&w, cy), vec![]);
    }

    #[test]
    fn certificates_are_required_and_expire() {
        // STUK: "Det er et krav i lovgivningen, at kontaktpersonen er myndig og udpeges og
        // godkendes af kommunen, herunder med indhentning af straffeattest, evt. børneattest og
        // tavshedserklæring."
        let mut w = World::new();
        let bo = w.bo;
        w.person_mut(bo).certificates.criminal_record = Some(day(2024, 11, 24));
        w.person_mut(bo).certificates.confidentiality = None;
        assert_eq!(
            blocks_of(&w, bo),
            vec![
                Block::Certificate(CertificateProblem::Expired(CertificateKind::CriminalRecord, day(2024, 11, 24))),
                Block::Certificate(CertificateProblem::Missing(CertificateKind::Confidentiality)),
            ]
        );
    }

    #[test]
    fn a_childrens_record_is_needed_only_under_15() {
        // DESIGN §2: "børneattest where the child is under 15" (STUK: "evt. børneattest").
        let mut w = World::new();
        let bo = w.bo;
        w.person_mut(bo).certificates.child_record = None;
        assert_eq!(
            blocks_of(&w, bo),
            vec![Block::Certificate(CertificateProblem::Missing(CertificateKind::ChildRecord))]
        );
        w.youth_mut().birth_date = day(2011, 11, 24); // 15 today
        assert_eq!(blocks_of(&w, bo), vec![]);
    }

    #[test]
    fn the_contact_person_must_be_adult() {
        // STUK: "Kontaktpersonen skal være myndig".
        let mut w = World::new();
        let cy = w.cy;
        w.person_mut(cy).birth_year = Some(2009);
        assert_eq!(blocks_of(&w, cy), vec![Block::NotAdult { birth_year: 2009 }]);
    }

    #[test]
    fn an_excluded_concern_blocks_the_provider_kind() {
        // DESIGN §1: each concern routes per provider kind: "prefer, neutral, avoid, or — where
        // the municipality decides so — exclude".
        let mut w = World::new();
        let abuse = w.concern("Svært misbrug");
        w.concerns.iter_mut().find(|c| c.meta.id == abuse).unwrap().routing.club = Routing::Exclude;
        w.case_mut().concerns.push(abuse);
        let anna = w.anna;
        assert_eq!(blocks_of(&w, anna), vec![Block::ConcernExcluded { concern: abuse, kind: ProviderKind::Club }]);
        assert_eq!(blocks_of(&w, w.bo), vec![]);
    }

    #[test]
    fn a_ruled_out_person_is_blocked() {
        // DESIGN §3: "the youth or caseworker has ruled the person out"; Ankestyrelsen: the
        // youth's "ønsker til en kontaktperson" are taken into account.
        let mut w = World::new();
        let bo = w.bo;
        w.case_mut().ruled_out.push(bo);
        assert_eq!(blocks_of(&w, bo), vec![Block::RuledOut]);
    }

    #[test]
    fn archived_persons_and_providers_are_blocked() {
        // Archived records are "hidden from lists and choices but kept" (domain::meta).
        let mut w = World::new();
        let (anna, club) = (w.anna, w.club_north);
        w.provider_mut(club).meta.archived = true;
        assert_eq!(blocks_of(&w, anna), vec![Block::Archived { person: false, provider: true }]);
    }

    #[test]
    fn capacity_can_be_left_to_the_batch_solver() {
        let mut w = World::new();
        let bo = w.bo;
        w.busy_case(bo, CaseStatus::Active, 20.0);
        let ctx = w.ctx();
        let facts = CaseFacts::of(w.case, &ctx).unwrap();
        let (p, pr) = (ctx.person(bo).unwrap(), ctx.provider(w.internal).unwrap());
        let load = facts.load_of(p, pr, &ctx);
        assert_eq!(check_facts(&facts, p, pr, load, Capacity::Ignore, &ctx), vec![]);
        assert_eq!(check_facts(&facts, p, pr, load, Capacity::Check, &ctx)[0].rule(), Rule::PersonCapacity);
    }
}
