//! A read-only view over the registers that allocation needs: look-ups by id, the current load
//! of every person and provider, and which youths are siblings.
//!
//! The load is the sum of `hours_per_week` of the cases in status `Allocated` or `Active`, or
//! back on the agenda for a re-allocation (the person works on until the committee decides),
//! counted for the person and the provider of the case's current assignment. Archived cases
//! are left out (an archived record is hidden, so it cannot keep a person busy). Hours are
//! kept as integer hundredths, like the batch solver, so capacity checks are exact.

use crate::domain::*;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Hours as integer hundredths (`7.25` → `725`); negative and non-finite hours count as 0.
pub fn hundredths(hours: f64) -> i64 {
    if hours.is_finite() && hours > 0.0 {
        (hours * 100.0).round() as i64
    } else {
        0
    }
}

/// Integer hundredths back to hours.
pub fn hours(hundredths: i64) -> f64 {
    hundredths as f64 / 100.0
}

/// The registers a [`Registry`] views, as slices.
#[derive(Clone, Copy, Debug, Default)]
pub struct Registers<'a> {
    pub youths: &'a [Youth],
    pub cases: &'a [Case],
    pub persons: &'a [ContactPerson],
    pub providers: &'a [Provider],
    pub districts: &'a [District],
    pub concerns: &'a [Concern],
}

impl<'a> Registers<'a> {
    /// The registers of a sample workspace.
    pub fn of(w: &'a crate::sample::Workspace) -> Self {
        Self {
            youths: &w.youths,
            cases: &w.cases,
            persons: &w.persons,
            providers: &w.providers,
            districts: &w.districts,
            concerns: &w.concerns,
        }
    }
}

/// Whether a case in `status` takes hours of its contact person now.
pub fn counts_as_load(status: CaseStatus) -> bool {
    matches!(status, CaseStatus::Allocated | CaseStatus::Active | CaseStatus::OnAgenda)
}

/// The case's assignment, if the case counts toward its person's and provider's load now.
pub fn carried_assignment(case: &Case) -> Option<Assignment> {
    case.assignment.filter(|_| counts_as_load(case.status) && !case.meta.archived)
}

/// A read-only view over the registers, as of `today`, with `settings`.
#[derive(Clone, Debug)]
pub struct Registry<'a> {
    pub today: NaiveDate,
    pub settings: &'a Settings,
    pub youths: &'a [Youth],
    pub cases: &'a [Case],
    pub persons: &'a [ContactPerson],
    pub providers: &'a [Provider],
    pub districts: &'a [District],
    pub concerns: &'a [Concern],
    youth_ix: HashMap<YouthId, usize>,
    case_ix: HashMap<CaseId, usize>,
    person_ix: HashMap<PersonId, usize>,
    provider_ix: HashMap<ProviderId, usize>,
    district_ix: HashMap<DistrictId, usize>,
    concern_ix: HashMap<ConcernId, usize>,
    /// Cases per youth, in register order.
    cases_of_youth: HashMap<YouthId, Vec<usize>>,
    /// Siblings in both directions (a youth listing another counts for both).
    siblings: HashMap<YouthId, Vec<YouthId>>,
    person_load: HashMap<PersonId, i64>,
    provider_load: HashMap<ProviderId, i64>,
}

fn index<T, K: std::hash::Hash + Eq + Copy>(items: &[T], key: impl Fn(&T) -> K) -> HashMap<K, usize> {
    items.iter().enumerate().map(|(i, t)| (key(t), i)).collect()
}

impl<'a> Registry<'a> {
    pub fn new(registers: Registers<'a>, today: NaiveDate, settings: &'a Settings) -> Self {
        let Registers { youths, cases, persons, providers, districts, concerns } = registers;
        let mut cases_of_youth: HashMap<YouthId, Vec<usize>> = HashMap::new();
        let mut person_load = HashMap::new();
        let mut provider_load = HashMap::new();
        for (i, c) in cases.iter().enumerate() {
            cases_of_youth.entry(c.youth).or_default().push(i);
            if let Some(a) = carried_assignment(c) {
                let h = hundredths(c.hours_per_week.unwrap_or(0.0));
                *person_load.entry(a.person).or_insert(0) += h;
                *provider_load.entry(a.provider).or_insert(0) += h;
            }
        }
        let mut siblings: HashMap<YouthId, Vec<YouthId>> = HashMap::new();
        for y in youths {
            for &s in y.siblings.iter().filter(|&&s| s != y.meta.id) {
                for (a, b) in [(y.meta.id, s), (s, y.meta.id)] {
                    let list = siblings.entry(a).or_default();
                    if !list.contains(&b) {
                        list.push(b);
                    }
                }
            }
        }
        Self {
            today,
            settings,
            youths,
            cases,
            persons,
            providers,
            districts,
            concerns,
            youth_ix: index(youths, |y| y.meta.id),
            case_ix: index(cases, |c| c.meta.id),
            person_ix: index(persons, |p| p.meta.id),
            provider_ix: index(providers, |p| p.meta.id),
            district_ix: index(districts, |d| d.meta.id),
            concern_ix: index(concerns, |c| c.meta.id),
            cases_of_youth,
            siblings,
            person_load,
            provider_load,
        }
    }

    pub fn weights(&self) -> &'a Weights {
        &self.settings.weights
    }

    pub fn youth(&self, id: YouthId) -> Option<&'a Youth> {
        self.youth_ix.get(&id).map(|&i| &self.youths[i])
    }

    pub fn case(&self, id: CaseId) -> Option<&'a Case> {
        self.case_ix.get(&id).map(|&i| &self.cases[i])
    }

    pub fn person(&self, id: PersonId) -> Option<&'a ContactPerson> {
        self.person_ix.get(&id).map(|&i| &self.persons[i])
    }

    pub fn provider(&self, id: ProviderId) -> Option<&'a Provider> {
        self.provider_ix.get(&id).map(|&i| &self.providers[i])
    }

    pub fn district(&self, id: DistrictId) -> Option<&'a District> {
        self.district_ix.get(&id).map(|&i| &self.districts[i])
    }

    pub fn concern(&self, id: ConcernId) -> Option<&'a Concern> {
        self.concern_ix.get(&id).map(|&i| &self.concerns[i])
    }

    /// The cases of a youth, in register order.
    pub fn cases_of(&self, youth: YouthId) -> impl Iterator<Item = &'a Case> + '_ {
        let cases = self.cases;
        self.cases_of_youth.get(&youth).into_iter().flatten().map(move |&i| &cases[i])
    }

    /// The youth's siblings, whichever of the two lists the other.
    pub fn siblings_of(&self, youth: YouthId) -> &[YouthId] {
        self.siblings.get(&youth).map_or(&[], Vec::as_slice)
    }

    /// Current load of a person, in hundredths of an hour per week.
    pub fn person_load_h100(&self, id: PersonId) -> i64 {
        self.person_load.get(&id).copied().unwrap_or(0)
    }

    /// Current load of a provider, in hundredths of an hour per week.
    pub fn provider_load_h100(&self, id: ProviderId) -> i64 {
        self.provider_load.get(&id).copied().unwrap_or(0)
    }

    /// Current load of a person in hours per week.
    pub fn person_load(&self, id: PersonId) -> f64 {
        hours(self.person_load_h100(id))
    }

    /// Current load of a provider in hours per week.
    pub fn provider_load(&self, id: ProviderId) -> f64 {
        hours(self.provider_load_h100(id))
    }

    /// The hours (hundredths) `case` itself adds to the load of its current person and
    /// provider: `Some((person, provider, hours))` when it counts as load.
    pub fn own_load(&self, case: &Case) -> Option<(PersonId, ProviderId, i64)> {
        let a = carried_assignment(case)?;
        Some((a.person, a.provider, hundredths(case.hours_per_week.unwrap_or(0.0))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::allocation::testkit::World;

    #[test]
    fn load_counts_allocated_active_and_reallocated_cases() {
        let mut w = World::new();
        let anna = w.anna;
        for (status, h) in [
            (CaseStatus::Allocated, 3.0),
            (CaseStatus::Active, 6.5),
            (CaseStatus::Ended, 9.0),
            // Back on the agenda with Anna still its contact person: she works on meanwhile.
            (CaseStatus::OnAgenda, 2.0),
        ] {
            w.busy_case(anna, status, h);
        }
        let ctx = w.ctx();
        assert_eq!(ctx.person_load_h100(anna), 1150);
        assert_eq!(ctx.provider_load(w.club_north), 11.5);
        assert_eq!(ctx.person_load(w.bo), 0.0);
    }

    #[test]
    fn archived_cases_are_no_load() {
        let mut w = World::new();
        let anna = w.anna;
        w.busy_case(anna, CaseStatus::Active, 6.0);
        w.cases.last_mut().unwrap().meta.archived = true;
        assert_eq!(w.ctx().person_load(anna), 0.0);
    }

    #[test]
    fn allocated_active_and_reallocated_cases_that_are_not_archived_are_carried() {
        let mut w = World::new();
        let anna = w.anna;
        let first = w.cases.len();
        for status in CaseStatus::ALL {
            w.busy_case(anna, status, 1.0);
        }
        w.busy_case(anna, CaseStatus::Active, 1.0);
        w.cases.last_mut().unwrap().meta.archived = true;
        let carried: Vec<CaseStatus> =
            w.cases[first..].iter().filter(|c| carried_assignment(c).is_some()).map(|c| c.status).collect();
        assert_eq!(carried, [CaseStatus::OnAgenda, CaseStatus::Allocated, CaseStatus::Active]);
    }

    #[test]
    fn siblings_count_in_both_directions() {
        let mut w = World::new();
        let emma = w.emma();
        let sister = w.sibling_of_emma();
        let ctx = w.ctx();
        assert_eq!(ctx.siblings_of(emma), &[sister]);
        assert_eq!(ctx.siblings_of(sister), &[emma]);
    }

    #[test]
    fn hundredths_are_exact_and_never_negative() {
        assert_eq!(hundredths(7.25), 725);
        assert_eq!(hundredths(0.1 + 0.2), 30);
        assert_eq!(hundredths(-1.0), 0);
        assert_eq!(hundredths(f64::NAN), 0);
    }
}
