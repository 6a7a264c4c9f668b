//! Cases (sager): a visited need for a contact person, and who provides it.

use super::ids::{CaseId, ConcernId, GoalId, LegalBasisId, PersonId, ProviderId, YouthId};
use super::meta::RecordMeta;
use super::person::{Gender, OutOfHours};
use super::validation::{Check, FieldError, Problem, Validate};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a case is in its lifecycle: `Draft → Visited → OnAgenda → Allocated → Active → Ended`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum CaseStatus {
    /// Kladde.
    Draft,
    /// Visiteret: approved by the authority; may go on a committee agenda.
    Visited,
    /// På dagsorden for fordelingsudvalget.
    OnAgenda,
    /// Fordelt: the committee has chosen the contact person.
    Allocated,
    /// Aktiv: the contact person has started.
    Active,
    /// Afsluttet.
    Ended,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 6] =
        [Self::Draft, Self::Visited, Self::OnAgenda, Self::Allocated, Self::Active, Self::Ended];
}

/// Why a case ended (ophørsårsag).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum EndReason {
    /// Målene er nået.
    GoalsMet,
    /// Profiterer ikke / anden foranstaltning.
    NotBenefiting,
    /// Den unge har takket nej (frivilligt).
    Declined,
    /// Fraflyttet.
    Moved,
    /// Aldersgrænse.
    AgeLimit,
    /// Anbragt uden for hjemmet.
    Placement,
}

impl EndReason {
    pub const ALL: [EndReason; 6] =
        [Self::GoalsMet, Self::NotBenefiting, Self::Declined, Self::Moved, Self::AgeLimit, Self::Placement];
}

/// A goal from the action plan (handleplan).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Goal {
    pub id: GoalId,
    pub text: String,
}

impl Goal {
    /// Goals as text, one per line.
    pub fn lines(goals: &[Goal]) -> String {
        goals.iter().map(|g| g.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    /// Lines of text back to goals, keeping the id of each line that stays in its position.
    pub fn from_lines(old: &[Goal], raw: &str) -> Vec<Goal> {
        raw.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
            .map(|(i, line)| Goal { id: old.get(i).map(|g| g.id).unwrap_or_default(), text: line.to_string() })
            .collect()
    }
}

/// How well the youth knows an adult (the strongest matching criterion).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum RelationStrength {
    /// Kender hinanden lidt.
    Slight = 1,
    /// Kender hinanden godt.
    Good = 2,
    /// Tæt, tillidsfuld relation.
    Close = 3,
}

impl RelationStrength {
    pub const ALL: [RelationStrength; 3] = [Self::Slight, Self::Good, Self::Close];

    pub fn level(self) -> i64 {
        self as i64
    }
}

/// An existing relation between the youth and a contact person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Relation {
    pub person: PersonId,
    pub strength: RelationStrength,
}

/// The youth's own wishes (den unges ønsker).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Wishes {
    #[serde(default)]
    pub person: Option<PersonId>,
    #[serde(default)]
    pub gender: Option<Gender>,
}

/// Who provides the case, from when to when. Re-allocation appends to the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Assignment {
    pub person: PersonId,
    pub provider: ProviderId,
    pub from: NaiveDate,
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

/// How and when a case ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Ending {
    pub date: NaiveDate,
    pub reason: EndReason,
}

/// A case. The youth is referenced, not copied; the free text is deliberately small.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Case {
    pub meta: RecordMeta<CaseId>,
    pub youth: YouthId,
    pub status: CaseStatus,
    /// Modtaget: the date the case was created.
    pub received: NaiveDate,
    #[serde(default)]
    pub legal_basis: Option<LegalBasisId>,
    /// Granted hours per week (bevilgede timer; packages like 3/6/9, up to 48).
    #[serde(default)]
    pub hours_per_week: Option<f64>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub concerns: Vec<ConcernId>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub wishes: Wishes,
    /// Persons ruled out by the youth or the caseworker.
    #[serde(default)]
    pub ruled_out: Vec<PersonId>,
    /// Support needed outside normal working hours.
    #[serde(default)]
    pub out_of_hours: OutOfHours,
    /// An earlier contact person of this youth (continuity).
    #[serde(default)]
    pub earlier_person: Option<PersonId>,
    #[serde(default)]
    pub visitation_date: Option<NaiveDate>,
    /// The caseworker (sagsbehandler) responsible, by name or initials.
    #[serde(default)]
    pub caseworker: String,
    /// The current provider and contact person.
    #[serde(default)]
    pub assignment: Option<Assignment>,
    /// Earlier assignments (skift af kontaktperson).
    #[serde(default)]
    pub history: Vec<Assignment>,
    /// Forventningsafstemning with the youth, recorded at the first meetings.
    #[serde(default)]
    pub expectations_agreed: Option<NaiveDate>,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    #[serde(default)]
    pub ending: Option<Ending>,
    /// A short note; no sensitive details.
    #[serde(default)]
    pub note: String,
}

pub const MAX_HOURS_PER_WEEK: f64 = 48.0;
pub const MIN_HOURS_PER_WEEK: f64 = 0.25;

impl Case {
    /// A new draft case for `youth`, received on `today`.
    pub fn draft(youth: YouthId, today: NaiveDate) -> Self {
        Self {
            meta: RecordMeta::new(CaseId::new()),
            youth,
            status: CaseStatus::Draft,
            received: today,
            legal_basis: None,
            hours_per_week: None,
            goals: Vec::new(),
            concerns: Vec::new(),
            relations: Vec::new(),
            wishes: Wishes::default(),
            ruled_out: Vec::new(),
            out_of_hours: OutOfHours::default(),
            earlier_person: None,
            visitation_date: None,
            caseworker: String::new(),
            assignment: None,
            history: Vec::new(),
            expectations_agreed: None,
            start_date: None,
            ending: None,
            note: String::new(),
        }
    }

    /// The fields that must be filled before the case counts as visited (visiteret).
    pub fn visitation_gaps(&self) -> Vec<FieldError> {
        let mut c = Check::new();
        if self.legal_basis.is_none() {
            c.fail("legal_basis", Problem::Required);
        }
        if self.hours_per_week.is_none() {
            c.fail("hours_per_week", Problem::Required);
        }
        if self.goals.iter().all(|g| g.text.trim().is_empty()) {
            c.fail("goals", Problem::Required);
        }
        if self.visitation_date.is_none() {
            c.fail("visitation_date", Problem::Required);
        }
        if self.caseworker.trim().is_empty() {
            c.fail("caseworker", Problem::Required);
        }
        c.finish()
    }
}

impl Validate for Case {
    fn validate(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut c = Check::new();
        if let Some(h) = self.hours_per_week {
            c.range_f64("hours_per_week", h, MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK);
        }
        for g in &self.goals {
            c.optional_text("goals", &g.text, 300);
        }
        c.unique("concerns", &self.concerns);
        let related: Vec<PersonId> = self.relations.iter().map(|r| r.person).collect();
        c.unique("relations", &related);
        c.unique("ruled_out", &self.ruled_out);
        if self.wishes.person.is_some_and(|p| self.ruled_out.contains(&p)) {
            c.fail("wishes", Problem::Duplicate);
        }
        c.optional_text("caseworker", &self.caseworker, 80);
        c.optional_text("note", &self.note, 500);
        c.not_future("received", Some(self.received), today);
        c.not_future("visitation_date", self.visitation_date, today);
        c.not_before("start_date", self.start_date, self.visitation_date);
        // The course starts once the committee has allocated the case (its first assignment).
        let first_allocated = self.history.iter().chain(&self.assignment).map(|a| a.from).min();
        c.not_before("start_date", self.start_date, first_allocated);
        c.not_before("ending", self.ending.map(|e| e.date), self.start_date.or(self.visitation_date));
        c.not_future("expectations_agreed", self.expectations_agreed, today);
        // What the lifecycle demanded to reach the status stays (a file or a merge cannot skip it).
        // (A case may end at any stage, also before it was visited.)
        if !matches!(self.status, CaseStatus::Draft | CaseStatus::Ended) {
            for gap in self.visitation_gaps() {
                c.fail(gap.field, gap.problem);
            }
        }
        match (self.status, self.assignment) {
            (CaseStatus::Allocated | CaseStatus::Active, None) => c.fail("assignment", Problem::Required),
            // Only a case on the agenda for another contact person has one besides those.
            (CaseStatus::Draft | CaseStatus::Visited | CaseStatus::Ended, Some(_)) => {
                c.fail("assignment", Problem::NotInStatus)
            }
            _ => {}
        }
        if self.status == CaseStatus::Active && self.start_date.is_none() {
            c.fail("start_date", Problem::Required);
        }
        if self.status == CaseStatus::Ended && self.ending.is_none() {
            c.fail("ending", Problem::Required);
        }
        c.finish()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A case with everything visitation needs.
    pub fn visited_case() -> Case {
        Case {
            legal_basis: Some(LegalBasisId::new()),
            hours_per_week: Some(6.0),
            goals: vec![Goal { id: GoalId::new(), text: "Kommer i skole hver dag".into() }],
            visitation_date: Some(day(2026, 9, 1)),
            caseworker: "MH".into(),
            status: CaseStatus::Visited,
            ..Case::draft(YouthId::new(), day(2026, 8, 20))
        }
    }

    #[test]
    fn a_status_keeps_what_the_lifecycle_demanded_to_reach_it() {
        let today = day(2026, 11, 24);
        let fields = |c: Case| c.validate(today).into_iter().map(|e| e.field).collect::<Vec<_>>();
        assert_eq!(fields(Case { caseworker: String::new(), ..visited_case() }), ["caseworker"]);
        assert_eq!(fields(Case { status: CaseStatus::Allocated, ..visited_case() }), ["assignment"]);
        assert_eq!(fields(Case { status: CaseStatus::Active, ..visited_case() }), ["assignment", "start_date"]);
        assert_eq!(fields(Case { status: CaseStatus::Ended, ..visited_case() }), ["ending"]);
        let a = Assignment { person: PersonId::new(), provider: ProviderId::new(), from: day(2026, 9, 2), to: None };
        let with_person = Case { assignment: Some(a), ..visited_case() };
        assert_eq!(fields(with_person.clone()), ["assignment"], "a visited case has no contact person yet");
        assert!(fields(Case { status: CaseStatus::OnAgenda, ..with_person }).is_empty(), "a re-allocation has");
        let draft = Case::draft(YouthId::new(), day(2026, 8, 20));
        assert!(fields(draft.clone()).is_empty(), "a draft may be incomplete");
        let ending = Some(Ending { date: day(2026, 9, 1), reason: EndReason::Declined });
        assert!(fields(Case { status: CaseStatus::Ended, ending, ..draft }).is_empty(), "and may end so");
    }

    #[test]
    fn a_complete_case_is_valid_and_has_no_visitation_gaps() {
        let case = visited_case();
        assert!(case.validate(day(2026, 11, 24)).is_empty());
        assert!(case.visitation_gaps().is_empty());
    }

    #[test]
    fn a_draft_lists_every_visitation_gap() {
        let gaps = Case::draft(YouthId::new(), day(2026, 1, 1)).visitation_gaps();
        let fields: Vec<_> = gaps.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["legal_basis", "hours_per_week", "goals", "visitation_date", "caseworker"]);
    }

    #[test]
    fn goal_lines_keep_their_ids_by_position() {
        let old = vec![Goal { id: GoalId::new(), text: "a".into() }];
        let new = Goal::from_lines(&old, "a changed\n\n b ");
        assert_eq!(new.len(), 2);
        assert_eq!(new[0].id, old[0].id);
        assert_eq!(new[1].text, "b");
        assert_eq!(Goal::lines(&new), "a changed\nb");
    }

    #[test]
    fn a_course_starts_no_earlier_than_its_first_allocation_and_a_reallocation_keeps_it_valid() {
        let assigned = |from| Assignment { person: PersonId::new(), provider: ProviderId::new(), from, to: None };
        let mut case =
            Case { status: CaseStatus::Active, assignment: Some(assigned(day(2026, 11, 25))), ..visited_case() };
        case.start_date = Some(day(2026, 5, 1));
        assert_eq!(case.validate(day(2026, 11, 30))[0].field, "start_date", "before the committee allocated it");
        case.start_date = Some(day(2026, 11, 26));
        assert!(case.validate(day(2026, 11, 30)).is_empty());
        // Re-allocated later: the course still started after the first allocation.
        case.history.push(case.assignment.take().unwrap());
        case.assignment = Some(assigned(day(2027, 2, 1)));
        assert!(case.validate(day(2027, 3, 1)).is_empty());
    }

    #[test]
    fn hours_are_limited_to_48_a_week() {
        // Ankestyrelsen: from "7 timer om måneden" up to "48 timer om ugen".
        let case = Case { hours_per_week: Some(49.0), ..visited_case() };
        assert_eq!(case.validate(day(2026, 11, 24))[0].field, "hours_per_week");
    }

    #[test]
    fn a_wished_person_cannot_also_be_ruled_out() {
        let p = PersonId::new();
        let case = Case { wishes: Wishes { person: Some(p), gender: None }, ruled_out: vec![p], ..visited_case() };
        assert_eq!(case.validate(day(2026, 11, 24))[0].field, "wishes");
    }
}
