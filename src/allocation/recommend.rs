//! The recommendation for one case: every eligible contact person ranked by score, and every
//! blocked one with the rules that block it.
//!
//! Ranking is deterministic: score descending, then the lower current load, then person id.
//! Archived persons and providers, and persons whose provider is not in the register, are
//! skipped silently (they are not choices at all).

use super::context::{hours, Registry};
use super::eligibility::{check_facts, Block, Capacity};
use super::facts::{CaseFacts, Missing};
use super::score::{score_facts, Points};
use crate::domain::*;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// An eligible contact person for the case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub person: PersonId,
    pub provider: ProviderId,
    /// The sum of `terms`' points.
    pub score: i64,
    pub terms: Vec<Points>,
    /// The person's current load in hours per week, without this case.
    pub load: f64,
}

/// The recommendation for one case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub case: CaseId,
    /// Eligible persons, best first.
    pub ranked: Vec<Candidate>,
    /// Blocked persons (by person id) and every rule that blocks them.
    pub blocked: Vec<(PersonId, Vec<Block>)>,
}

impl Recommendation {
    /// The top recommendation, if anyone is eligible.
    pub fn best(&self) -> Option<&Candidate> {
        self.ranked.first()
    }

    /// Whether `person` may take the case now: their entry among the eligible, or else the
    /// rules that block them (none for a person who is no choice at all, e.g. archived).
    pub fn choice(&self, person: PersonId) -> Result<&Candidate, &[Block]> {
        match self.ranked.iter().find(|c| c.person == person) {
            Some(candidate) => Ok(candidate),
            None => Err(self.blocked.iter().find(|(p, _)| *p == person).map_or(&[][..], |(_, b)| b.as_slice())),
        }
    }
}

/// The ranking order: score descending, then lower load, then person id.
pub fn rank_order(a: &Candidate, b: &Candidate) -> Ordering {
    b.score.cmp(&a.score).then(a.load.total_cmp(&b.load)).then(a.person.cmp(&b.person))
}

/// Recommends contact persons for a case in the registry.
pub fn recommend(case: CaseId, ctx: &Registry) -> Result<Recommendation, Missing> {
    Ok(recommend_facts(&CaseFacts::of(case, ctx)?, ctx))
}

/// [`recommend`] on precomputed case facts.
pub fn recommend_facts(facts: &CaseFacts, ctx: &Registry) -> Recommendation {
    let mut ranked = Vec::new();
    let mut blocked = Vec::new();
    let weights = ctx.weights();
    for person in ctx.persons.iter().filter(|p| !p.meta.archived) {
        let Some(provider) = ctx.provider(person.provider).filter(|p| !p.meta.archived) else {
            continue;
        };
        let load = facts.load_of(person, provider, ctx);
        let blocks = check_facts(facts, person, provider, load, Capacity::Check, ctx);
        if !blocks.is_empty() {
            blocked.push((person.meta.id, blocks));
            continue;
        }
        let s = score_facts(facts, person, provider, load, weights);
        ranked.push(Candidate {
            person: person.meta.id,
            provider: provider.meta.id,
            score: s.total,
            terms: s.terms,
            load: hours(load.person),
        });
    }
    ranked.sort_by(rank_order);
    blocked.sort_by_key(|(p, _)| *p);
    Recommendation { case: facts.case.meta.id, ranked, blocked }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::allocation::eligibility::Rule;
    use crate::allocation::testkit::World;

    #[test]
    fn the_best_match_comes_first_and_the_blocked_are_explained() {
        let mut w = World::new();
        let (anna, bo, cy) = (w.anna, w.bo, w.cy);
        w.case_mut().relations.push(Relation { person: bo, strength: RelationStrength::Close });
        w.case_mut().ruled_out.push(cy);
        let ctx = w.ctx();
        let r = recommend(w.case, &ctx).unwrap();
        assert_eq!(r.ranked.iter().map(|c| c.person).collect::<Vec<_>>(), vec![bo, anna]);
        assert_eq!(r.ranked[0].score, 120 - 9);
        assert_eq!(r.blocked, vec![(cy, vec![Block::RuledOut])]);
    }

    #[test]
    fn ties_break_by_load_then_person_id() {
        let mut w = World::new();
        w.settings.weights.load_penalty_at_full = 0;
        let internal = w.internal;
        let extra: Vec<PersonId> = (0..3).map(|i| w.add_person(internal, &format!("P{i}"))).collect();
        w.busy_case(extra[0], CaseStatus::Active, 3.0);
        let ctx = w.ctx();
        let r = recommend(w.case, &ctx).unwrap();
        let tied: Vec<&Candidate> = r.ranked.iter().filter(|c| c.provider == internal).collect();
        assert_eq!(tied.len(), 4);
        assert!(tied.iter().all(|c| c.score == tied[0].score));
        assert_eq!(tied[3].person, extra[0]); // the only one with load
        assert!(tied[..3].windows(2).all(|p| p[0].person < p[1].person));
    }

    #[test]
    fn archived_persons_and_providers_are_skipped_silently() {
        let mut w = World::new();
        let (anna, bo, external) = (w.anna, w.bo, w.external);
        w.person_mut(anna).meta.archived = true;
        w.provider_mut(external).meta.archived = true;
        let ctx = w.ctx();
        let r = recommend(w.case, &ctx).unwrap();
        assert_eq!(r.ranked.iter().map(|c| c.person).collect::<Vec<_>>(), vec![bo]);
        assert!(r.blocked.is_empty());
    }

    #[test]
    fn a_full_person_is_blocked_not_ranked() {
        let mut w = World::new();
        let bo = w.bo;
        w.busy_case(bo, CaseStatus::Active, 18.0);
        let ctx = w.ctx();
        let r = recommend(w.case, &ctx).unwrap();
        assert!(r.ranked.iter().all(|c| c.person != bo));
        assert_eq!(r.blocked[0].1[0].rule(), Rule::PersonCapacity);
        assert_eq!(r.choice(bo).map(|c| c.person).map_err(|b| b[0].rule()), Err(Rule::PersonCapacity));
    }

    #[test]
    fn a_choice_is_an_eligible_candidate_or_says_what_blocks_it() {
        let mut w = World::new();
        let (anna, bo) = (w.anna, w.bo);
        w.person_mut(anna).meta.archived = true;
        let ctx = w.ctx();
        let r = recommend(w.case, &ctx).unwrap();
        assert_eq!(r.choice(bo).map(|c| c.person), Ok(bo));
        assert_eq!(r.choice(anna).map(|c| c.person), Err(&[][..]), "archived: no choice, and no rule to name");
    }

    #[test]
    fn an_unknown_case_is_reported() {
        let w = World::new();
        let id = CaseId::new();
        assert_eq!(recommend(id, &w.ctx()).unwrap_err(), Missing::Case(id));
    }
}
