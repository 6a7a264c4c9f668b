//! References between records must resolve: to a record in the file, a record the importing
//! device holds, or an erased record (a tombstone). Only references a package always carries
//! are checked; those a scoped package may leave out on purpose (relations, wishes, ruled-out
//! and earlier persons, assignment history, siblings, a youth's club) are not.

use super::*;
use std::collections::HashMap;

type Ref = (&'static str, String, &'static str, &'static str, String);

fn references(r: &Records) -> Vec<Ref> {
    let mut out: Vec<Ref> = Vec::new();
    let mut add = |from: &'static str, id: String, field: &'static str, to: &'static str, target: String| {
        out.push((from, id, field, to, target));
    };
    for x in &r.districts {
        for n in &x.neighbours {
            add(District::STORE, x.key(), "neighbours", District::STORE, n.to_string());
        }
    }
    for x in &r.schools {
        add(School::STORE, x.key(), "district", District::STORE, x.district.to_string());
    }
    for x in &r.providers {
        if let Some(d) = x.district {
            add(Provider::STORE, x.key(), "district", District::STORE, d.to_string());
        }
    }
    for x in &r.persons {
        add(ContactPerson::STORE, x.key(), "provider", Provider::STORE, x.provider.to_string());
        for c in &x.expertise {
            add(ContactPerson::STORE, x.key(), "expertise", Concern::STORE, c.to_string());
        }
    }
    for x in &r.members {
        if let Some(d) = x.district {
            add(CommitteeMember::STORE, x.key(), "district", District::STORE, d.to_string());
        }
    }
    for x in &r.youths {
        add(Youth::STORE, x.key(), "district", District::STORE, x.district.to_string());
        if let Some(s) = x.school {
            add(Youth::STORE, x.key(), "school", School::STORE, s.to_string());
        }
    }
    for x in &r.cases {
        add(Case::STORE, x.key(), "youth", Youth::STORE, x.youth.to_string());
        if let Some(l) = x.legal_basis {
            add(Case::STORE, x.key(), "legal_basis", LegalBasis::STORE, l.to_string());
        }
        for c in &x.concerns {
            add(Case::STORE, x.key(), "concerns", Concern::STORE, c.to_string());
        }
        if let Some(a) = x.assignment {
            add(Case::STORE, x.key(), "assignment", ContactPerson::STORE, a.person.to_string());
            add(Case::STORE, x.key(), "assignment", Provider::STORE, a.provider.to_string());
        }
    }
    for x in &r.meetings {
        for c in &x.agenda {
            add(Meeting::STORE, x.key(), "agenda", Case::STORE, c.to_string());
        }
        for m in &x.attendees {
            add(Meeting::STORE, x.key(), "attendees", CommitteeMember::STORE, m.to_string());
        }
    }
    for x in &r.decisions {
        add(Decision::STORE, x.key(), "meeting", Meeting::STORE, x.meeting.to_string());
        add(Decision::STORE, x.key(), "case", Case::STORE, x.case.to_string());
        add(Decision::STORE, x.key(), "person", ContactPerson::STORE, x.person.to_string());
        add(Decision::STORE, x.key(), "provider", Provider::STORE, x.provider.to_string());
    }
    for x in &r.followups {
        add(Followup::STORE, x.key(), "case", Case::STORE, x.case.to_string());
    }
    out
}

impl Checker {
    pub(super) fn references(&mut self, doc: &ExportDoc, known: &dyn Fn(&str, &str) -> bool) {
        let mut have = doc.records.ids();
        have.extend(doc.tombstones.iter().map(|t| (t.store.clone(), t.id.clone())));
        let mut key = (String::new(), String::new());
        for (from, id, field, to, target) in references(&doc.records) {
            key.0.clear();
            key.0.push_str(to);
            key.1 = target;
            if !have.contains(&key) && !known(to, &key.1) {
                let kind = ProblemKind::DanglingReference { to_store: to.into(), id: key.1.clone() };
                self.push(Location::record(from, &id, Some(field)), kind);
            }
        }
        self.cases_against_youths(&doc.records);
    }

    /// A case checked against its youth and legal basis, as the case form checks it, where the
    /// file holds all three.
    fn cases_against_youths(&mut self, r: &Records) {
        if r.cases.is_empty() {
            return;
        }
        let youths: HashMap<YouthId, &Youth> = r.youths.iter().map(|y| (y.meta.id, y)).collect();
        let legal: HashMap<LegalBasisId, &LegalBasis> = r.legal_bases.iter().map(|l| (l.meta.id, l)).collect();
        for case in &r.cases {
            let Some(youth) = youths.get(&case.youth) else { continue };
            let basis = case.legal_basis.and_then(|l| legal.get(&l).copied());
            for e in case_against_youth(case, youth, basis) {
                self.push(Location::record(Case::STORE, &case.key(), Some(e.field)), ProblemKind::Invalid(e.problem));
            }
        }
    }
}
