//! Follow-up (opfølgning, SEL §70): first after 3 months, then every 6 (settings).

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
