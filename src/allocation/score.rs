//! The score (soft): integer points as a sum of named terms, each with its evidence
//! (DESIGN §3, stage 2). A term appears only when its data matched and it is worth points:
//! there are no zero terms, and no term claims evidence that is not there.
//!
//! Rounding: the two proportional terms use exact integer arithmetic on hundredths of hours
//! and whole kroner, rounding halves away from zero:
//! - `Load`: `−round(load_penalty_at_full × used / capacity)`; a person without capacity but
//!   with load counts as fully used. `utilisation_pct` is `round(100 × used / capacity)`.
//! - `Cost`: `−round(cost_per_100kr × hourly_rate / 100)`.

use super::context::Registry;
use super::facts::{CaseFacts, Load};
use crate::domain::*;
use serde::{Deserialize, Serialize};

/// A named term of the score, with its evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Term {
    /// An existing relation (the strongest criterion): `relation_per_level × level`.
    Relation { strength: RelationStrength },
    /// The youth goes to the person's club.
    ClubMembership { club: ProviderId },
    /// One of the case's concerns routes towards (prefer) or away from (avoid) the provider kind.
    Routing { concern: ConcernId, routing: Routing },
    /// The person has experience with these concerns of the case.
    Expertise { concerns: Vec<ConcernId> },
    /// Interests in common (the youth's spelling); points count at most `interests_max`.
    SharedInterests { interests: Vec<String> },
    /// The youth wished for this person.
    WishedPerson,
    /// The youth wished for a contact person of this gender.
    WishedGender { gender: Gender },
    /// The youth's earlier contact person.
    EarlierPerson,
    /// The contact person (now or before) of this sibling.
    SiblingPerson { sibling: YouthId },
    /// A language in common (the youth's spelling).
    Language { language: String },
    /// The person's current utilisation (penalty).
    Load { utilisation_pct: u32 },
    /// The provider's price per hour (penalty).
    Cost { hourly_rate: u32 },
}

/// A term and the points it adds (negative: counts against).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Points {
    pub term: Term,
    pub points: i64,
}

/// A score: the total is always the sum of the terms' points.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Score {
    pub total: i64,
    pub terms: Vec<Points>,
}

impl Score {
    fn add(&mut self, term: Term, points: i64) {
        if points != 0 {
            self.total += points;
            self.terms.push(Points { term, points });
        }
    }
}

/// `round(num / den)` with halves away from zero; `den > 0`.
pub fn div_round(num: i64, den: i64) -> i64 {
    debug_assert!(den > 0);
    let (num, den) = (num as i128, den.max(1) as i128);
    let q = (num.abs() * 2 + den) / (den * 2);
    (if num < 0 { -q } else { q }) as i64
}

/// The score of `person` (at `provider`) for `case` of `youth`, with the current load.
pub fn score(case: &Case, youth: &Youth, person: &ContactPerson, provider: &Provider, ctx: &Registry) -> Score {
    let facts = CaseFacts::new(case, youth, ctx);
    let load = facts.load_of(person, provider, ctx);
    score_facts(&facts, person, provider, load, ctx.weights())
}

/// [`score`] on precomputed case facts and a given load (the person's load without the case).
pub fn score_facts(f: &CaseFacts, person: &ContactPerson, provider: &Provider, load: Load, w: &Weights) -> Score {
    let mut s = Score::default();
    let id = person.meta.id;
    let case = f.case;

    if let Some(r) = case.relations.iter().filter(|r| r.person == id).max_by_key(|r| r.strength) {
        s.add(Term::Relation { strength: r.strength }, w.relation_per_level.saturating_mul(r.strength.level()));
    }
    if f.youth.club == Some(person.provider) {
        s.add(Term::ClubMembership { club: person.provider }, w.club_membership);
    }
    for c in &f.concerns {
        let routing = c.routing.get(provider.kind);
        let points = match routing {
            Routing::Prefer => w.routing_prefer,
            Routing::Avoid => w.routing_avoid,
            Routing::Neutral | Routing::Exclude => 0,
        };
        s.add(Term::Routing { concern: c.meta.id, routing }, points);
    }
    let expert: Vec<ConcernId> =
        f.concerns.iter().map(|c| c.meta.id).filter(|c| person.expertise.contains(c)).collect();
    if !expert.is_empty() {
        let points = w.expertise_per_concern.saturating_mul(expert.len() as i64);
        s.add(Term::Expertise { concerns: expert }, points);
    }
    let shared: Vec<&str> =
        f.interests.iter().filter(|i| person.interests.iter().any(|p| i.matches(p))).map(|i| i.original).collect();
    if !shared.is_empty() {
        let counted = (shared.len() as i64).min(w.interests_max.max(0));
        let interests = shared.into_iter().map(String::from).collect();
        s.add(Term::SharedInterests { interests }, w.interest_per_shared.saturating_mul(counted));
    }
    if case.wishes.person == Some(id) {
        s.add(Term::WishedPerson, w.wish_person);
    }
    if let Some(gender) = case.wishes.gender.filter(|&g| person.gender == Some(g)) {
        s.add(Term::WishedGender { gender }, w.wish_gender);
    }
    if case.earlier_person == Some(id) || case.history.iter().any(|a| a.person == id) {
        s.add(Term::EarlierPerson, w.continuity_earlier);
    }
    if let Some(&(_, sibling)) = f.sibling_persons.iter().find(|&&(p, _)| p == id) {
        s.add(Term::SiblingPerson { sibling }, w.continuity_sibling);
    }
    if let Some(l) = f.languages.iter().find(|l| person.languages.iter().any(|p| l.matches(p))) {
        s.add(Term::Language { language: l.original.to_string() }, w.language);
    }
    if load.person > 0 {
        let cap = super::context::hundredths(person.capacity_hours);
        let (used, cap) = if cap > 0 { (load.person, cap) } else { (1, 1) };
        let pct = div_round(used.saturating_mul(100), cap).clamp(0, u32::MAX as i64) as u32;
        s.add(Term::Load { utilisation_pct: pct }, -div_round(w.load_penalty_at_full.saturating_mul(used), cap));
    }
    if provider.hourly_rate > 0 {
        let rate = provider.hourly_rate;
        s.add(Term::Cost { hourly_rate: rate }, -div_round(w.cost_per_100kr.saturating_mul(rate as i64), 100));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::allocation::testkit::{day, World};

    fn score_of(w: &World, person: PersonId) -> Score {
        let ctx = w.ctx();
        let p = ctx.person(person).unwrap();
        score(&w.cases[0], &w.youths[0], p, ctx.provider(p.provider).unwrap(), &ctx)
    }

    fn term(s: &Score, pred: impl Fn(&Term) -> bool) -> Option<&Points> {
        s.terms.iter().find(|p| pred(&p.term))
    }

    fn assert_sum(s: &Score) {
        assert_eq!(s.total, s.terms.iter().map(|p| p.points).sum::<i64>());
    }

    #[test]
    fn a_plain_candidate_gets_only_routing_and_cost() {
        // Anna's club prefers school problems; Bo (internal) is neutral on them.
        let w = World::new();
        let school = w.concern("Skoleproblematikker");
        let anna = score_of(&w, w.anna);
        assert_eq!(
            anna.terms,
            vec![
                Points { term: Term::Routing { concern: school, routing: Routing::Prefer }, points: 15 },
                Points { term: Term::Cost { hourly_rate: 380 }, points: -8 },
            ]
        );
        assert_eq!(anna.total, 7);
        assert_eq!(score_of(&w, w.bo).terms, vec![Points { term: Term::Cost { hourly_rate: 450 }, points: -9 }]);
    }

    #[test]
    fn an_existing_relation_is_the_strongest_term() {
        // Klubmodellen: children should get contact persons "som barnet eller den unge ...
        // kender i forvejen og har en god relation til".
        let mut w = World::new();
        let bo = w.bo;
        w.case_mut().relations.push(Relation { person: bo, strength: RelationStrength::Good });
        let s = score_of(&w, bo);
        assert_eq!(term(&s, |t| matches!(t, Term::Relation { .. })).unwrap().points, 80);
        assert_sum(&s);
    }

    #[test]
    fn club_membership_counts_for_the_clubs_pedagogues() {
        // Klubmodellen: "Børn og unge vil ofte have gode relationer til deres faste klubpædagoger."
        let mut w = World::new();
        w.youth_mut().club = Some(w.club_north);
        let s = score_of(&w, w.anna);
        assert_eq!(term(&s, |t| *t == Term::ClubMembership { club: w.club_north }).unwrap().points, 20);
        assert!(term(&score_of(&w, w.bo), |t| matches!(t, Term::ClubMembership { .. })).is_none());
    }

    #[test]
    fn routing_prefers_and_avoids_per_provider_kind() {
        // Klubmodellen: "Kontaktpersonerne i Familiehuset og eksterne kontaktpersoner tager sig
        // derfor primært af sager vedrørende: ... Svært misbrug".
        let mut w = World::new();
        let abuse = w.concern("Svært misbrug");
        w.case_mut().concerns = vec![abuse];
        let avoid = Term::Routing { concern: abuse, routing: Routing::Avoid };
        let prefer = Term::Routing { concern: abuse, routing: Routing::Prefer };
        assert_eq!(term(&score_of(&w, w.anna), |t| *t == avoid).unwrap().points, -15);
        assert_eq!(term(&score_of(&w, w.cy), |t| *t == prefer).unwrap().points, 15);
    }

    #[test]
    fn expertise_counts_per_matching_concern() {
        // Ankestyrelsen: "finde kontaktpersoner, der har særlig erfaring med den unges
        // specifikke problemstillinger".
        let mut w = World::new();
        let (school, adhd, autism) =
            (w.concern("Skoleproblematikker"), w.concern("Selvværd/ADHD/social angst"), w.concern("Autisme"));
        w.case_mut().concerns = vec![school, adhd];
        let bo = w.bo;
        w.person_mut(bo).expertise = vec![adhd, autism, school];
        let s = score_of(&w, bo);
        assert_eq!(s.terms[0], Points { term: Term::Expertise { concerns: vec![school, adhd] }, points: 16 });
    }

    #[test]
    fn shared_interests_are_case_insensitive_and_capped() {
        // Ankestyrelsen: "Ung og kontaktperson matches ud fra problemstilling og interesser".
        let mut w = World::new();
        w.youth_mut().interests = ["Fodbold", "musik", "Ridning", "gaming"].map(String::from).to_vec();
        let bo = w.bo;
        w.person_mut(bo).interests = ["fodbold", "MUSIK", "ridning", "gaming", "tegning"].map(String::from).to_vec();
        let s = score_of(&w, bo);
        let shared = term(&s, |t| matches!(t, Term::SharedInterests { .. })).unwrap();
        assert_eq!(shared.points, 12); // 4 shared, counted up to 3
        assert_eq!(
            shared.term,
            Term::SharedInterests { interests: ["Fodbold", "musik", "Ridning", "gaming"].map(String::from).to_vec() }
        );
    }

    #[test]
    fn the_youths_wishes_count() {
        // Ankestyrelsen: "I nogle tilfælde kommer den unge selv med specifikke forslag til, hvem
        // de kunne tænke sig som kontaktperson"; they look at "kontaktpersonernes køn".
        let mut w = World::new();
        let cy = w.cy;
        w.case_mut().wishes = Wishes { person: Some(cy), gender: Some(Gender::Male) };
        let s = score_of(&w, cy);
        assert_eq!(term(&s, |t| *t == Term::WishedPerson).unwrap().points, 30);
        assert_eq!(term(&s, |t| *t == Term::WishedGender { gender: Gender::Male }).unwrap().points, 8);
        w.person_mut(cy).gender = None;
        assert!(term(&score_of(&w, cy), |t| matches!(t, Term::WishedGender { .. })).is_none());
    }

    #[test]
    fn an_earlier_contact_person_counts_once() {
        // DESIGN §3: "continuity (sibling's or earlier contact person)".
        let mut w = World::new();
        let (bo, internal) = (w.bo, w.internal);
        let c = w.case_mut();
        c.earlier_person = Some(bo);
        c.history.push(Assignment { person: bo, provider: internal, from: day(2025, 1, 1), to: Some(day(2025, 6, 1)) });
        let s = score_of(&w, bo);
        assert_eq!(s.terms.iter().filter(|p| p.term == Term::EarlierPerson).count(), 1);
        assert_eq!(term(&s, |t| *t == Term::EarlierPerson).unwrap().points, 20);
    }

    #[test]
    fn a_siblings_contact_person_counts() {
        // Ankestyrelsen: "en ung, der bliver matchet med en kontaktperson, der tidligere havde
        // været kontaktperson for den unges søskende".
        let mut w = World::new();
        let sister = w.sibling_of_emma();
        let cy = w.cy;
        let id = w.busy_case(cy, CaseStatus::Ended, 3.0);
        let c = w.cases.iter_mut().find(|c| c.meta.id == id).unwrap();
        c.youth = sister;
        c.history.push(c.assignment.take().unwrap());
        let s = score_of(&w, cy);
        assert_eq!(term(&s, |t| *t == Term::SiblingPerson { sibling: sister }).unwrap().points, 10);
        assert!(term(&score_of(&w, w.bo), |t| matches!(t, Term::SiblingPerson { .. })).is_none());
    }

    #[test]
    fn a_shared_language_counts_once_ignoring_case() {
        // Ishøj: private providers are bought for "særlige problemstillinger (f.eks. etnicitet ...)".
        let mut w = World::new();
        w.youth_mut().languages = vec!["Arabisk".into(), "Somali".into()];
        let bo = w.bo;
        w.person_mut(bo).languages = vec!["somali".into(), "arabisk".into()];
        let s = score_of(&w, bo);
        assert_eq!(s.terms[0], Points { term: Term::Language { language: "Arabisk".into() }, points: 6 });
        assert_eq!(s.terms.len(), 2);
    }

    #[test]
    fn load_is_penalised_by_utilisation_with_rounding() {
        // DESIGN §3: "load balance (penalty as utilisation rises)". 20 × 5/20 = 5.
        let mut w = World::new();
        let bo = w.bo;
        w.busy_case(bo, CaseStatus::Active, 5.0);
        let s = score_of(&w, bo);
        assert_eq!(
            term(&s, |t| matches!(t, Term::Load { .. })).unwrap(),
            &Points { term: Term::Load { utilisation_pct: 25 }, points: -5 }
        );
        // 20 × 4.5/20 = 4.5 rounds away from zero to −5; 22.5 % rounds to 23 %.
        w.cases.last_mut().unwrap().hours_per_week = Some(4.5);
        let s = score_of(&w, bo);
        assert_eq!(
            term(&s, |t| matches!(t, Term::Load { .. })).unwrap(),
            &Points { term: Term::Load { utilisation_pct: 23 }, points: -5 }
        );
        assert_sum(&s);
    }

    #[test]
    fn no_load_and_no_rate_mean_no_terms() {
        let mut w = World::new();
        let internal = w.internal;
        w.provider_mut(internal).hourly_rate = 0;
        assert_eq!(score_of(&w, w.bo), Score::default());
    }

    #[test]
    fn a_zero_weight_leaves_the_term_out() {
        let mut w = World::new();
        w.settings.weights.cost_per_100kr = 0;
        assert!(score_of(&w, w.bo).terms.is_empty());
    }

    #[test]
    fn div_round_rounds_halves_away_from_zero() {
        assert_eq!((div_round(5, 2), div_round(-5, 2), div_round(7, 3), div_round(-7, 3)), (3, -3, 2, -2));
    }
}
