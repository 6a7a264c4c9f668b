//! What to call a record in lists a person reads (the import preview): its name, a youth's
//! pseudonym, for a case or a decision the pseudonym of its youth, for a meeting its date.

use super::format::Records;
use crate::domain::*;

/// The record with id `id` in a list sorted by id (as stores and export files keep them).
fn find<'a, R: Record>(list: &'a [R], id: &str) -> Option<&'a R> {
    list.binary_search_by(|r| r.key().as_str().cmp(id)).ok().map(|i| &list[i])
}

impl Records {
    /// The label of record `id` of `store`, if these records hold it. A case held without its
    /// youth is labelled by its youth's pseudonym only if the youth is here too.
    pub fn label(&self, store: &str, id: &str) -> Option<String> {
        let case = |id: &CaseId| self.label(Case::STORE, &id.to_string());
        match store {
            District::STORE => find(&self.districts, id).map(|r| r.name.clone()),
            School::STORE => find(&self.schools, id).map(|r| r.name.clone()),
            Concern::STORE => find(&self.concerns, id).map(|r| r.name.clone()),
            LegalBasis::STORE => find(&self.legal_bases, id).map(|r| r.name.clone()),
            Provider::STORE => find(&self.providers, id).map(|r| r.name.clone()),
            ContactPerson::STORE => find(&self.persons, id).map(|r| r.name.clone()),
            CommitteeMember::STORE => find(&self.members, id).map(|r| r.name.clone()),
            Youth::STORE => find(&self.youths, id).map(|r| r.pseudonym.clone()),
            Case::STORE => find(&self.cases, id).and_then(|c| self.label(Youth::STORE, &c.youth.to_string())),
            Meeting::STORE => find(&self.meetings, id).map(|m| m.date.to_string()),
            Decision::STORE => find(&self.decisions, id).and_then(|d| case(&d.case)),
            Followup::STORE => find(&self.followups, id).and_then(|f| Some(format!("{} {}", case(&f.case)?, f.date))),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn records_are_labelled_by_name_pseudonym_or_date() {
        let ws = sample::workspace(5, 1, chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        let mut records = Records { districts: ws.districts, youths: ws.youths, cases: ws.cases, ..Records::default() };
        records.sort();
        let district = &records.districts[0];
        assert_eq!(records.label(District::STORE, &district.key()).as_deref(), Some(district.name.as_str()));
        let case = &records.cases[0];
        let youth = records.youths.iter().find(|y| y.meta.id == case.youth).unwrap();
        assert_eq!(records.label(Case::STORE, &case.key()).as_deref(), Some(youth.pseudonym.as_str()));
        assert_eq!(records.label(Case::STORE, "no-such-id"), None);
        let without_youths = Records { cases: records.cases.clone(), ..Records::default() };
        assert_eq!(without_youths.label(Case::STORE, &case.key()), None, "no pseudonym to show");
    }
}
