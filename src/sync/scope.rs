//! Scoped packages: only what one club or one district needs (data minimisation).
//!
//! | scope | cases | youths | contact persons | providers |
//! | --- | --- | --- | --- | --- |
//! | full | all | all | all | all |
//! | club `p` | assigned (now) to a person of `p`, or to `p` itself | of those cases | of `p`, and those assigned to the cases | `p` and the providers of the persons |
//! | district `d` | of youths living in `d` | living in `d` and having a case | of the clubs in `d`, and those assigned to the cases | the clubs in `d` and the providers of the persons |
//!
//! A package always holds the shared vocabulary (districts, schools, concerns, legal bases) and
//! the settings, the tombstones (ids only, so erasures reach every device), and the conflict
//! entries of the records it holds. It never holds committee members, meetings, decisions,
//! follow-ups, youths without a case in scope, or cases outside the scope.

use super::format::{Records, Scope, Snapshot, SETTINGS_STORE};
use crate::domain::*;
use std::collections::HashSet;

/// The part of `snapshot` that `scope` allows.
pub fn select(snapshot: &Snapshot, scope: &Scope) -> Snapshot {
    let all = &snapshot.records;
    let (cases, mut person_filter, mut providers): (Vec<Case>, HashSet<PersonId>, HashSet<ProviderId>) = match scope {
        Scope::Full => return snapshot.clone(),
        Scope::Club { provider, .. } => {
            let own: HashSet<PersonId> =
                all.persons.iter().filter(|p| p.provider == *provider).map(|p| p.meta.id).collect();
            let cases = all
                .cases
                .iter()
                .filter(|c| c.assignment.is_some_and(|a| a.provider == *provider || own.contains(&a.person)))
                .cloned()
                .collect();
            (cases, own, HashSet::from([*provider]))
        }
        Scope::District { district, .. } => {
            let youths: HashSet<YouthId> =
                all.youths.iter().filter(|y| y.district == *district).map(|y| y.meta.id).collect();
            let clubs: HashSet<ProviderId> = all
                .providers
                .iter()
                .filter(|p| p.kind == ProviderKind::Club && p.district == Some(*district))
                .map(|p| p.meta.id)
                .collect();
            let persons = all.persons.iter().filter(|p| clubs.contains(&p.provider)).map(|p| p.meta.id).collect();
            let cases = all.cases.iter().filter(|c| youths.contains(&c.youth)).cloned().collect();
            (cases, persons, clubs)
        }
    };
    for a in cases.iter().filter_map(|c| c.assignment) {
        person_filter.insert(a.person);
        providers.insert(a.provider);
    }
    let persons: Vec<ContactPerson> =
        all.persons.iter().filter(|p| person_filter.contains(&p.meta.id)).cloned().collect();
    providers.extend(persons.iter().map(|p| p.provider));
    let youth_ids: HashSet<YouthId> = cases.iter().map(|c| c.youth).collect();
    let records = Records {
        districts: all.districts.clone(),
        schools: all.schools.clone(),
        concerns: all.concerns.clone(),
        legal_bases: all.legal_bases.clone(),
        providers: all.providers.iter().filter(|p| providers.contains(&p.meta.id)).cloned().collect(),
        persons,
        youths: all.youths.iter().filter(|y| youth_ids.contains(&y.meta.id)).cloned().collect(),
        cases,
        ..Records::default()
    };
    let ids = records.ids();
    let conflicts = snapshot
        .conflicts
        .iter()
        .filter(|c| c.store == SETTINGS_STORE || ids.contains(&(c.store.clone(), c.id.clone())))
        .cloned()
        .collect();
    Snapshot { records, settings: snapshot.settings.clone(), tombstones: snapshot.tombstones.clone(), conflicts }
}
