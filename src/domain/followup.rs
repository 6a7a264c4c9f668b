//! Follow-up (opfølgning, SEL §70): first after 3 months, then every 6 (settings).

use super::case::{Case, MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK};
use super::config::Settings;
use super::ids::{CaseId, FollowupId, GoalId};
use super::meta::RecordMeta;
use super::validation::{Check, FieldError, Problem, Validate};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Progress on one goal, scored 1 (no progress) to 5 (goal met).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct GoalProgress {
    pub goal: GoalId,
    pub score: u8,
}

/// A follow-up meeting on a running case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Followup {
    pub meta: RecordMeta<FollowupId>,
    pub case: CaseId,
    pub date: NaiveDate,
    /// Who attended, by role or initials.
    #[serde(default)]
    pub attendees: Vec<String>,
    #[serde(default)]
    pub progress: Vec<GoalProgress>,
    /// Change of granted hours per week (positive or negative), with a reason.
    #[serde(default)]
    pub hours_change: Option<f64>,
    #[serde(default)]
    pub hours_reason: String,
    pub next_date: Option<NaiveDate>,
}

impl Validate for Followup {
    fn validate(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut c = Check::new();
        c.not_future("date", Some(self.date), today);
        for p in &self.progress {
            if !(1..=5).contains(&p.score) {
                c.fail("progress", Problem::OutOfRange { min: "1".into(), max: "5".into() });
            }
        }
        if self.hours_change.is_some_and(|h| h != 0.0) && self.hours_reason.trim().is_empty() {
            c.fail("hours_reason", Problem::Required);
        }
        c.optional_text("hours_reason", &self.hours_reason, 300);
        c.text_list("attendees", &self.attendees, 80);
        c.not_before("next_date", self.next_date, Some(self.date));
        c.finish()
    }
}

/// Follow-up `f` of `case` against the case: not before the course started, scores only for
/// the case's goals, and the hours it changes within what a case may have. On success, the case
/// as the follow-up leaves it (granted hours changed by `hours_change`).
pub fn apply(case: &Case, f: &Followup) -> Result<Case, Vec<FieldError>> {
    let mut c = Check::new();
    c.not_before("date", Some(f.date), case.start_date);
    if f.progress.iter().any(|p| !case.goals.iter().any(|g| g.id == p.goal)) {
        c.fail("progress", Problem::Required);
    }
    let mut next = case.clone();
    if let Some(change) = f.hours_change.filter(|h| *h != 0.0) {
        let now = case.hours_per_week.unwrap_or(0.0);
        let hours = now + change;
        if (MIN_HOURS_PER_WEEK..=MAX_HOURS_PER_WEEK).contains(&hours) {
            next.hours_per_week = Some(hours);
        } else {
            let fmt = |x: f64| format!("{}", (x * 100.0).round() / 100.0);
            let (min, max) = (fmt(MIN_HOURS_PER_WEEK - now), fmt(MAX_HOURS_PER_WEEK - now));
            c.fail("hours_change", Problem::OutOfRange { min, max });
        }
    }
    let errors = c.finish();
    if errors.is_empty() {
        Ok(next)
    } else {
        Err(errors)
    }
}

/// When the next follow-up is due: `first_months` after the start, then every
/// `interval_months` after the latest follow-up (or the date that follow-up set).
pub fn next_due(start: NaiveDate, latest: Option<&Followup>, settings: &Settings) -> NaiveDate {
    match latest {
        None => start.checked_add_months(Months::new(settings.followup_first_months)).unwrap_or(start),
        Some(f) => f.next_date.unwrap_or_else(|| {
            f.date.checked_add_months(Months::new(settings.followup_interval_months)).unwrap_or(f.date)
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn running() -> Case {
        let mut case = crate::domain::case::tests::visited_case();
        case.status = crate::domain::CaseStatus::Active;
        case.start_date = Some(d(2026, 10, 1));
        case
    }

    fn followup(case: &Case, date: NaiveDate) -> Followup {
        Followup {
            meta: RecordMeta::new(FollowupId::new()),
            case: case.meta.id,
            date,
            attendees: vec!["MH".into()],
            progress: case.goals.iter().map(|g| GoalProgress { goal: g.id, score: 3 }).collect(),
            hours_change: None,
            hours_reason: String::new(),
            next_date: None,
        }
    }

    #[test]
    fn a_follow_up_changes_the_granted_hours_within_the_limits() {
        let case = running(); // 6 h
        let f =
            Followup { hours_change: Some(-2.0), hours_reason: "Går godt".into(), ..followup(&case, d(2026, 11, 1)) };
        assert_eq!(apply(&case, &f).unwrap().hours_per_week, Some(4.0));
        assert_eq!(apply(&case, &followup(&case, d(2026, 11, 1))).unwrap(), case, "no change, same case");
        let too_much = Followup { hours_change: Some(-6.0), ..f.clone() };
        let errors = apply(&case, &too_much).unwrap_err();
        assert_eq!(errors[0].field, "hours_change");
        assert_eq!(errors[0].problem, Problem::OutOfRange { min: "-5.75".into(), max: "42".into() });
    }

    #[test]
    fn a_follow_up_is_not_before_the_start_and_scores_only_the_cases_goals() {
        let case = running();
        let early = followup(&case, d(2026, 9, 1));
        assert_eq!(apply(&case, &early).unwrap_err()[0].field, "date");
        let mut stray = followup(&case, d(2026, 11, 1));
        stray.progress.push(GoalProgress { goal: GoalId::new(), score: 2 });
        assert_eq!(apply(&case, &stray).unwrap_err()[0].field, "progress");
    }

    #[test]
    fn first_follow_up_after_three_months_then_every_six() {
        let settings = Settings::default();
        assert_eq!(next_due(d(2026, 1, 15), None, &settings), d(2026, 4, 15));
        let f = Followup {
            meta: RecordMeta::new(FollowupId::new()),
            case: CaseId::new(),
            date: d(2026, 4, 20),
            attendees: vec![],
            progress: vec![],
            hours_change: None,
            hours_reason: String::new(),
            next_date: None,
        };
        assert_eq!(next_due(d(2026, 1, 15), Some(&f), &settings), d(2026, 10, 20));
    }
}
