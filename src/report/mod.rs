//! Figures for the overview, follow-up and evaluation pages. Pure functions over the registers.

use crate::allocation::context::carried_assignment;
use crate::domain::age::{age_on, next_milestone, AgeGroup};
use crate::domain::followup::next_due;
use crate::domain::*;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// Number of (unarchived) cases per status, every status present.
pub fn status_counts(cases: &[Case]) -> Vec<(CaseStatus, usize)> {
    CaseStatus::ALL.iter().map(|s| (*s, cases.iter().filter(|c| !c.meta.archived && c.status == *s).count())).collect()
}

/// A follow-up that is due for an active case.
#[derive(Clone, Debug, PartialEq)]
pub struct Due {
    pub case: CaseId,
    pub youth: YouthId,
    pub date: NaiveDate,
    pub overdue: bool,
}

/// The next follow-up of every active case, soonest first.
pub fn followups_due(cases: &[Case], followups: &[Followup], settings: &Settings, today: NaiveDate) -> Vec<Due> {
    let mut latest: HashMap<CaseId, &Followup> = HashMap::new();
    for f in followups.iter().filter(|f| !f.meta.archived) {
        let slot = latest.entry(f.case).or_insert(f);
        if f.date > slot.date {
            *slot = f;
        }
    }
    let mut due: Vec<Due> = cases
        .iter()
        .filter(|c| !c.meta.archived && c.status == CaseStatus::Active)
        .filter_map(|c| {
            let start = c.start_date?;
            let date = next_due(start, latest.get(&c.meta.id).copied(), settings);
            Some(Due { case: c.meta.id, youth: c.youth, date, overdue: date < today })
        })
        .collect();
    due.sort_by(|a, b| a.date.cmp(&b.date).then(a.case.cmp(&b.case)));
    due
}

/// A birthday with legal consequences coming up for a youth with an open case.
#[derive(Clone, Debug, PartialEq)]
pub struct Milestone {
    pub youth: YouthId,
    pub case: CaseId,
    pub years: u32,
    pub date: NaiveDate,
}

/// 18/23/25-year birthdays within `days` of `today` for youths with an open case.
pub fn upcoming_milestones(youths: &[Youth], cases: &[Case], today: NaiveDate, days: i64) -> Vec<Milestone> {
    let by_id: HashMap<YouthId, &Youth> = youths.iter().map(|y| (y.meta.id, y)).collect();
    let horizon = today + chrono::Duration::days(days);
    let mut out: Vec<Milestone> = cases
        .iter()
        .filter(|c| !c.meta.archived && c.status != CaseStatus::Ended)
        .filter_map(|c| {
            let y = by_id.get(&c.youth)?;
            let (years, date) = next_milestone(y.birth_date, today)?;
            (date <= horizon).then_some(Milestone { youth: y.meta.id, case: c.meta.id, years, date })
        })
        .collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.case.cmp(&b.case)));
    out
}

/// Hours in use against a capacity.
#[derive(Clone, Debug, PartialEq)]
pub struct Load {
    pub name: String,
    pub kind: ProviderKind,
    pub used: f64,
    pub capacity: Option<f64>,
}

impl Load {
    /// More hours in use than the capacity (hours granted or capacities changed after the
    /// allocation).
    pub fn over(&self) -> bool {
        self.capacity.is_some_and(|cap| self.used > cap)
    }
}

/// Hours per week in use at each provider (allocated and active cases, not archived) against its cap, or the
/// sum of its persons' capacities when it has no cap.
pub fn provider_loads(providers: &[Provider], persons: &[ContactPerson], cases: &[Case]) -> Vec<Load> {
    let mut used: HashMap<ProviderId, f64> = HashMap::new();
    for c in cases {
        if let (Some(a), Some(h)) = (carried_assignment(c), c.hours_per_week) {
            *used.entry(a.provider).or_default() += h;
        }
    }
    let mut out: Vec<Load> = providers
        .iter()
        .filter(|p| !p.meta.archived)
        .map(|p| {
            let staff: f64 =
                persons.iter().filter(|q| q.provider == p.meta.id && !q.meta.archived).map(|q| q.capacity_hours).sum();
            Load {
                name: p.name.clone(),
                kind: p.kind,
                used: used.get(&p.meta.id).copied().unwrap_or(0.0),
                capacity: p.hour_cap.or((staff > 0.0).then_some(staff)),
            }
        })
        .collect();
    out.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.name.cmp(&b.name)));
    out
}

/// The evaluation's counts over the visited cases (every case but drafts and archived ones):
/// by legal basis, age group (every group, also empty ones) and concern (a case may have
/// several), and those that have had a contact person (now, or until the case ended) by the kind
/// of provider of the latest one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    /// The visited cases counted.
    pub cases: usize,
    /// Of those, the ones with a contact person (counted by provider kind).
    pub with_person: usize,
    pub by_kind: BTreeMap<ProviderKind, usize>,
    pub by_legal_basis: BTreeMap<String, usize>,
    pub by_age_group: BTreeMap<AgeGroup, usize>,
    pub by_concern: BTreeMap<String, usize>,
}

pub fn evaluation(
    cases: &[Case],
    youths: &[Youth],
    providers: &[Provider],
    legal_bases: &[LegalBasis],
    concerns: &[Concern],
    today: NaiveDate,
) -> Evaluation {
    let youth: HashMap<YouthId, &Youth> = youths.iter().map(|y| (y.meta.id, y)).collect();
    let provider: HashMap<ProviderId, &Provider> = providers.iter().map(|p| (p.meta.id, p)).collect();
    let legal: HashMap<LegalBasisId, &LegalBasis> = legal_bases.iter().map(|l| (l.meta.id, l)).collect();
    let concern: HashMap<ConcernId, &Concern> = concerns.iter().map(|c| (c.meta.id, c)).collect();
    let mut e =
        Evaluation { by_age_group: AgeGroup::ALL.into_iter().map(|g| (g, 0)).collect(), ..Evaluation::default() };
    for c in cases.iter().filter(|c| !c.meta.archived && c.status != CaseStatus::Draft) {
        e.cases += 1;
        // The current contact person, or for an ended course the last one it had.
        let last = c.assignment.or_else(|| c.history.iter().max_by_key(|a| a.from).copied());
        if let Some(p) = last.and_then(|a| provider.get(&a.provider)) {
            e.with_person += 1;
            *e.by_kind.entry(p.kind).or_default() += 1;
        }
        if let Some(l) = c.legal_basis.and_then(|l| legal.get(&l)) {
            *e.by_legal_basis.entry(l.name.clone()).or_default() += 1;
        }
        if let Some(y) = youth.get(&c.youth) {
            *e.by_age_group.entry(AgeGroup::of(age_on(y.birth_date, today))).or_default() += 1;
        }
        for k in &c.concerns {
            if let Some(k) = concern.get(k) {
                *e.by_concern.entry(k.name.clone()).or_default() += 1;
            }
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::tests::{day, visited_case};

    fn active(start: NaiveDate) -> Case {
        Case { status: CaseStatus::Active, start_date: Some(start), ..visited_case() }
    }

    #[test]
    fn an_active_case_without_follow_up_is_due_three_months_after_start() {
        let case = active(day(2026, 6, 1));
        let due = followups_due(&[case], &[], &Settings::default(), day(2026, 11, 24));
        assert_eq!(due[0].date, day(2026, 9, 1));
        assert!(due[0].overdue);
    }

    #[test]
    fn the_evaluation_says_what_it_counts_and_its_tables_add_up() {
        let (draft, visited) = (Case { status: CaseStatus::Draft, ..visited_case() }, visited_case());
        let e = evaluation(&[draft, visited], &[], &[], &[], &[], day(2026, 11, 24));
        assert_eq!((e.cases, e.with_person), (1, 0), "drafts are not counted");
        assert_eq!(e.by_age_group.len(), AgeGroup::ALL.len(), "every age group, also empty ones");
        assert_eq!(e.by_kind.values().sum::<usize>(), e.with_person);
    }

    fn provider(kind: ProviderKind, hour_cap: Option<f64>) -> Provider {
        Provider {
            meta: RecordMeta::new(ProviderId::new()),
            kind,
            name: "Leverandør".into(),
            district: None,
            age_min: None,
            age_max: None,
            hour_cap,
            hourly_rate: 0,
        }
    }

    #[test]
    fn an_ended_course_still_counts_as_having_had_a_contact_person() {
        let provider = provider(ProviderKind::External, None);
        let assignment =
            Assignment { person: PersonId::new(), provider: provider.meta.id, from: day(2026, 2, 1), to: None };
        let mut ended = Case { assignment: Some(assignment), ..active(day(2026, 2, 1)) };
        let ending = Ending { date: day(2026, 10, 1), reason: EndReason::GoalsMet };
        crate::domain::lifecycle::end(&mut ended, ending).unwrap();
        assert!(ended.assignment.is_none(), "ending moves the assignment into the history");
        let e = evaluation(&[ended], &[], &[provider], &[], &[], day(2026, 11, 24));
        assert_eq!(e.with_person, 1);
        assert_eq!(e.by_kind.get(&ProviderKind::External), Some(&1));
    }

    #[test]
    fn a_provider_load_counts_carried_cases_only_and_says_when_it_is_over() {
        let provider = provider(ProviderKind::Club, Some(10.0));
        let a = Assignment { person: PersonId::new(), provider: provider.meta.id, from: day(2026, 2, 1), to: None };
        let carried = |status, hours: f64| Case {
            status,
            assignment: Some(a),
            hours_per_week: Some(hours),
            ..active(day(2026, 2, 1))
        };
        let mut archived = carried(CaseStatus::Active, 5.0);
        archived.meta.archived = true;
        let cases = [carried(CaseStatus::Active, 6.0), carried(CaseStatus::Ended, 9.0), archived];
        let load = &provider_loads(std::slice::from_ref(&provider), &[], &cases)[0];
        assert_eq!(load.used, 6.0);
        assert!(!load.over());
        let more = [carried(CaseStatus::Active, 6.0), carried(CaseStatus::Allocated, 6.0)];
        assert!(provider_loads(&[provider], &[], &more)[0].over());
    }

    #[test]
    fn status_counts_cover_every_status() {
        let counts = status_counts(&[visited_case(), visited_case()]);
        assert_eq!(counts.len(), CaseStatus::ALL.len());
        assert_eq!(counts.iter().find(|(s, _)| *s == CaseStatus::Visited).map(|(_, n)| *n), Some(2));
    }

    #[test]
    fn the_18th_birthday_shows_up_within_the_horizon() {
        let y = Youth {
            meta: RecordMeta::new(YouthId::new()),
            pseudonym: "S".into(),
            birth_date: day(2009, 2, 1),
            gender: None,
            district: DistrictId::new(),
            school: None,
            club: None,
            interests: vec![],
            languages: vec![],
            siblings: vec![],
        };
        let case = Case { youth: y.meta.id, ..visited_case() };
        let m = upcoming_milestones(&[y], &[case], day(2026, 11, 24), 183);
        assert_eq!((m[0].years, m[0].date), (18, day(2027, 2, 1)));
    }
}
