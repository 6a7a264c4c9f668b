//! A meeting agenda as a batch allocation [`Instance`] for the exact solver, and why the cases
//! the solver could not place stayed unplaced.
//!
//! - Every agenda case is a case with its granted hours (a missing figure counts as 0).
//! - Every person (not archived, at a known provider that is not archived) is a person with
//!   the capacity left by the cases *not* on the agenda: `capacity − load`, never below 0.
//! - Every provider with an hour cap (the clubs: "balancen i klubberne") is a group with its
//!   remaining cap, computed the same way; its persons belong to it.
//! - Every pair that passes the hard rules apart from the capacity rules is scored; the solver
//!   enforces capacity itself. The load term uses the load without the agenda's cases.
//! - Pins are kept when the case is on the agenda and the person is in the instance (the first
//!   pin of a case wins). A pinned pair is forced even when blocked: the committee has the
//!   last word.
//!
//! Ids are the records' UUID strings. Unknown agenda ids and cases whose youth is missing are
//! left out.

use super::batch::{
    CaseInput, GroupInput, Instance, PersonInput, PinInput, ScoreInput, Solution, UnassignedReason, MAX_ABS_SCORE,
};
use super::context::{hours, hundredths, Registry};
use super::eligibility::{check_facts, Capacity, Rule};
use super::facts::{CaseFacts, Load};
use super::score::score_facts;
use crate::domain::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The persons that can be chosen at all, with their provider.
fn choosable<'a>(ctx: &Registry<'a>) -> Vec<(&'a ContactPerson, &'a Provider)> {
    ctx.persons
        .iter()
        .filter(|p| !p.meta.archived)
        .filter_map(|p| ctx.provider(p.provider).filter(|pr| !pr.meta.archived).map(|pr| (p, pr)))
        .collect()
}

/// The agenda's cases (known, once each) as facts.
fn agenda_facts<'a>(agenda: &[CaseId], ctx: &Registry<'a>) -> Vec<CaseFacts<'a>> {
    let mut seen = HashSet::new();
    agenda.iter().filter(|id| seen.insert(**id)).filter_map(|&id| CaseFacts::of(id, ctx).ok()).collect()
}

/// Builds the solver's instance for a meeting agenda with the decisions already taken pinned.
pub fn batch_instance(agenda: &[CaseId], pinned: &[(CaseId, PersonId)], ctx: &Registry) -> Instance {
    let facts = agenda_facts(agenda, ctx);
    // Load of the agenda's own cases, to take out of the current load.
    let mut agenda_person: HashMap<PersonId, i64> = HashMap::new();
    let mut agenda_provider: HashMap<ProviderId, i64> = HashMap::new();
    let known: HashSet<CaseId> = agenda.iter().copied().filter(|&id| ctx.case(id).is_some()).collect();
    for (p, pr, h) in known.iter().filter_map(|&id| ctx.own_load(ctx.case(id)?)) {
        *agenda_person.entry(p).or_default() += h;
        *agenda_provider.entry(pr).or_default() += h;
    }
    let person_used = |p: PersonId| ctx.person_load_h100(p) - agenda_person.get(&p).copied().unwrap_or(0);
    let provider_used = |p: ProviderId| ctx.provider_load_h100(p) - agenda_provider.get(&p).copied().unwrap_or(0);

    let people = choosable(ctx);
    let persons: Vec<PersonInput> = people
        .iter()
        .map(|(p, pr)| PersonInput {
            id: p.meta.id.to_string(),
            capacity_hours: hours((hundredths(p.capacity_hours) - person_used(p.meta.id)).max(0)),
            group: pr.hour_cap.map(|_| pr.meta.id.to_string()),
        })
        .collect();
    let groups: Vec<GroupInput> = ctx
        .providers
        .iter()
        .filter(|pr| !pr.meta.archived)
        .filter_map(|pr| {
            let cap = hundredths(pr.hour_cap?);
            Some(GroupInput {
                id: pr.meta.id.to_string(),
                capacity_hours: hours((cap - provider_used(pr.meta.id)).max(0)),
            })
        })
        .collect();

    let mut scores = Vec::new();
    for f in &facts {
        let case = f.case.meta.id.to_string();
        for (p, pr) in &people {
            let load = Load { person: person_used(p.meta.id), provider: provider_used(pr.meta.id) };
            if check_facts(f, p, pr, load, Capacity::Ignore, ctx).is_empty() {
                let score = score_facts(f, p, pr, load, ctx.weights()).total.clamp(-MAX_ABS_SCORE, MAX_ABS_SCORE);
                scores.push(ScoreInput { case: case.clone(), person: p.meta.id.to_string(), score });
            }
        }
    }

    let on_agenda: HashSet<CaseId> = facts.iter().map(|f| f.case.meta.id).collect();
    let listed: HashSet<PersonId> = people.iter().map(|(p, _)| p.meta.id).collect();
    let mut pinned_cases = HashSet::new();
    let pinned = pinned
        .iter()
        .filter(|(c, p)| on_agenda.contains(c) && listed.contains(p) && pinned_cases.insert(*c))
        .map(|(c, p)| PinInput { case: c.to_string(), person: p.to_string() })
        .collect();

    Instance {
        cases: facts.iter().map(|f| CaseInput { id: f.case.meta.id.to_string(), hours: hours(f.hours) }).collect(),
        persons,
        groups,
        scores,
        pinned,
    }
}

/// A case the solver could not place, for the waiting list, with the reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unplaced {
    pub case: CaseId,
    /// The solver's reason.
    pub reason: UnassignedReason,
    /// Persons who pass every hard rule except capacity.
    pub eligible: usize,
    /// For the others: how many persons each rule blocks (a person may count under several),
    /// most first. Capacity rules are not counted here; `reason` covers them.
    pub blocked_by: Vec<(Rule, usize)>,
}

/// Explains the solver's unassigned cases (ids that are not cases in the registry are skipped).
pub fn explain_unplaced(solution: &Solution, ctx: &Registry) -> Vec<Unplaced> {
    let people = choosable(ctx);
    solution
        .unassigned
        .iter()
        .filter_map(|u| {
            let id: CaseId = u.case.parse().ok()?;
            let facts = CaseFacts::of(id, ctx).ok()?;
            let mut eligible = 0;
            let mut counts: BTreeMap<Rule, usize> = BTreeMap::new();
            for (p, pr) in &people {
                let blocks = check_facts(&facts, p, pr, Load::default(), Capacity::Ignore, ctx);
                if blocks.is_empty() {
                    eligible += 1;
                }
                let rules: BTreeMap<Rule, ()> = blocks.iter().map(|b| (b.rule(), ())).collect();
                for rule in rules.into_keys() {
                    *counts.entry(rule).or_default() += 1;
                }
            }
            let mut blocked_by: Vec<(Rule, usize)> = counts.into_iter().collect();
            blocked_by.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            Some(Unplaced { case: id, reason: u.reason, eligible, blocked_by })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::allocation::batch::{solve, SolveOptions};
    use crate::allocation::testkit::World;

    fn solve_it(inst: &Instance) -> Solution {
        let mut t = 0.0;
        solve(inst, &SolveOptions::default(), &mut || {
            t += 1.0;
            t
        })
        .unwrap()
    }

    #[test]
    fn remaining_capacity_leaves_out_the_agendas_own_cases() {
        let mut w = World::new();
        let (anna, bo, club) = (w.anna, w.bo, w.club_north);
        w.busy_case(anna, CaseStatus::Active, 4.0);
        let again = w.busy_case(bo, CaseStatus::Allocated, 5.0); // re-allocated at this meeting
        let orphan = w.busy_case(bo, CaseStatus::Allocated, 1.0); // its youth is not registered
        w.cases.iter_mut().find(|c| c.meta.id == again).unwrap().youth = w.emma();
        w.busy_case(bo, CaseStatus::Active, 3.0);
        let ctx = w.ctx();
        let inst = batch_instance(&[w.case, again, orphan, again, CaseId::new()], &[], &ctx);
        // Unknown ids, repeats and cases without a known youth are left out, but every known
        // agenda case's hours come out of the load.
        assert_eq!(inst.cases.iter().map(|c| c.id.clone()).collect::<Vec<_>>(), [w.case, again].map(|c| c.to_string()));
        let cap = |p: PersonId| inst.persons.iter().find(|x| x.id == p.to_string()).unwrap().capacity_hours;
        assert_eq!((cap(anna), cap(bo)), (16.0, 17.0));
        let club_group = inst.groups.iter().find(|g| g.id == club.to_string()).unwrap();
        assert_eq!(club_group.capacity_hours, 26.0);
        assert_eq!(inst.persons.iter().find(|x| x.id == anna.to_string()).unwrap().group, Some(club.to_string()));
    }

    #[test]
    fn blocked_pairs_are_not_scored_but_full_persons_are() {
        let mut w = World::new();
        let (bo, cy) = (w.bo, w.cy);
        w.case_mut().ruled_out.push(cy);
        w.busy_case(bo, CaseStatus::Active, 20.0);
        let ctx = w.ctx();
        let inst = batch_instance(&[w.case], &[], &ctx);
        let scored: HashSet<&str> = inst.scores.iter().map(|s| s.person.as_str()).collect();
        assert!(scored.contains(bo.to_string().as_str()));
        assert!(!scored.contains(cy.to_string().as_str()));
    }

    #[test]
    fn an_unplaceable_case_is_explained() {
        let mut w = World::new();
        w.case_mut().out_of_hours.nights = true;
        let ctx = w.ctx();
        let inst = batch_instance(&[w.case], &[], &ctx);
        let sol = solve_it(&inst);
        let why = explain_unplaced(&sol, &ctx);
        assert_eq!(why.len(), 1);
        assert_eq!(why[0].reason, UnassignedReason::NoEligiblePerson);
        assert_eq!((why[0].eligible, why[0].blocked_by.clone()), (0, vec![(Rule::OutOfHours, 3)]));
    }

    #[test]
    fn pins_survive_and_the_solver_respects_them() {
        let w = World::new();
        let cy = w.cy;
        let ctx = w.ctx();
        let inst = batch_instance(&[w.case], &[(w.case, cy), (w.case, w.bo), (CaseId::new(), cy)], &ctx);
        assert_eq!(inst.pinned.len(), 1);
        let sol = solve_it(&inst);
        assert_eq!(sol.assignment[0].person, cy.to_string());
    }
}
