//! Erasure (GDPR). Archiving is the normal way to remove something; erasing removes a youth's
//! personal data for good: the youth, their cases, and the committee's decisions and the
//! follow-ups of those cases. Each erased record leaves only a tombstone (store, id, stamp), so
//! every device that imports a later file erases it too and no older file brings it back (see
//! rule 6 in [`super::merge`]). The records, the conflict entries about them, and any copy kept
//! for undoing an import are removed; references to them from other records (a meeting's agenda,
//! a sibling) are bare ids and stay.

use super::format::{Conflict, Records, Tombstone};
use crate::domain::{Case, CaseId, Decision, Followup, Record, Stamp, Youth};
use std::collections::HashSet;

/// A record by store and id.
pub type Key = (String, String);

/// What erasing a youth removes: the youth, their cases, and those cases' decisions and
/// follow-ups.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YouthErasure {
    pub youth: Option<Key>,
    pub cases: Vec<Key>,
    pub decisions: Vec<Key>,
    pub followups: Vec<Key>,
}

impl YouthErasure {
    pub fn of(youth: &Youth, cases: &[Case], decisions: &[Decision], followups: &[Followup]) -> Self {
        fn key<R: Record>(r: &R) -> Key {
            (R::STORE.to_string(), r.key())
        }
        let theirs: Vec<&Case> = cases.iter().filter(|c| c.youth == youth.meta.id).collect();
        let ids: HashSet<CaseId> = theirs.iter().map(|c| c.meta.id).collect();
        Self {
            youth: Some(key(youth)),
            cases: theirs.into_iter().map(key).collect(),
            decisions: decisions.iter().filter(|d| ids.contains(&d.case)).map(key).collect(),
            followups: followups.iter().filter(|f| ids.contains(&f.case)).map(key).collect(),
        }
    }

    /// Every record it removes.
    pub fn keys(&self) -> Vec<Key> {
        self.youth.iter().chain(&self.cases).chain(&self.decisions).chain(&self.followups).cloned().collect()
    }
}

/// The tombstones of `keys`, erased at `stamp`.
pub fn tombstones(keys: &[Key], stamp: &Stamp) -> Vec<Tombstone> {
    keys.iter().map(|(store, id)| Tombstone { store: store.clone(), id: id.clone(), stamp: stamp.clone() }).collect()
}

/// The erased records as a set, for [`forget`].
pub fn erased(tombstones: &[Tombstone]) -> HashSet<Key> {
    tombstones.iter().map(|t| (t.store.clone(), t.id.clone())).collect()
}

/// Remove every erased record, and the conflict entries about them.
pub fn forget(records: &mut Records, conflicts: &mut Vec<Conflict>, erased: &HashSet<Key>) {
    records.retain(|store, id| !erased.contains(&(store.to_string(), id.to_string())));
    forget_conflicts(conflicts, erased);
}

/// Remove the conflict entries about erased records.
pub fn forget_conflicts(conflicts: &mut Vec<Conflict>, erased: &HashSet<Key>) {
    conflicts.retain(|c| !erased.contains(&(c.store.clone(), c.id.clone())));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;

    fn decision(case: &Case) -> Decision {
        let a = case.assignment.unwrap();
        Decision {
            meta: RecordMeta::new(DecisionId::new()),
            meeting: MeetingId::new(),
            case: case.meta.id,
            person: a.person,
            provider: a.provider,
            recommended: None,
            score: None,
            rationale: String::new(),
            decided_by: "Udvalget".into(),
            decided_at: a.from.and_hms_opt(10, 0, 0).unwrap(),
        }
    }

    fn followup(case: &Case) -> Followup {
        Followup {
            meta: RecordMeta::new(FollowupId::new()),
            case: case.meta.id,
            date: case.assignment.unwrap().from,
            attendees: vec![],
            progress: vec![],
            hours_change: None,
            hours_reason: String::new(),
            next_date: None,
        }
    }

    #[test]
    fn erasing_a_youth_takes_their_cases_decisions_and_followups_and_nothing_else() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let w = crate::sample::workspace(40, 10, today);
        let allocated: Vec<&Case> = w.cases.iter().filter(|c| c.assignment.is_some()).take(2).collect();
        let records = Records {
            youths: w.youths.clone(),
            cases: w.cases.clone(),
            persons: w.persons.clone(),
            decisions: allocated.iter().map(|c| decision(c)).collect(),
            followups: allocated.iter().map(|c| followup(c)).collect(),
            ..Records::default()
        };
        let youth = allocated[0].youth;
        let of = |id| records.youths.iter().find(|y| y.meta.id == id).unwrap();
        let erasure = YouthErasure::of(of(youth), &records.cases, &records.decisions, &records.followups);
        assert_eq!((erasure.decisions.len(), erasure.followups.len()), (1, 1));
        let keys = erasure.keys();
        let set: HashSet<Key> = keys.iter().cloned().collect();
        let mut left = records.clone();
        let mut conflicts = vec![Conflict {
            store: "youths".into(),
            id: youth.to_string(),
            field: "pseudonym".into(),
            kept: "A".into(),
            kept_stamp: Stamp::default(),
            lost: "B".into(),
            lost_stamp: Stamp::default(),
        }];
        forget(&mut left, &mut conflicts, &set);
        assert!(conflicts.is_empty(), "the conflict entries about an erased record go too");
        assert_eq!(left.len() + keys.len(), records.len(), "exactly the listed records go");
        assert!(left.youths.iter().all(|y| y.meta.id != youth));
        assert!(left.cases.iter().all(|c| c.youth != youth));
        let gone: HashSet<_> = records.cases.iter().filter(|c| c.youth == youth).map(|c| c.meta.id).collect();
        assert!(!gone.is_empty());
        assert!(left.decisions.iter().chain(records.decisions.iter().skip(1)).all(|d| !gone.contains(&d.case)));
        assert_eq!((left.decisions.len(), left.followups.len()), (1, 1), "the other youth's stay");
    }
}
