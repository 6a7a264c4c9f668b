//! Follow-up (opfølgning): the page, the case page's section and its form.

use super::{count, date, hours};
use chrono::NaiveDate;

pub const OVERDUE_FOLLOWUPS: &str = "Forsinkede opfølgninger";
pub const UPCOMING_FOLLOWUPS: &str = "Opfølgninger de næste 30 dage";
pub const FOLLOWUP_TITLE: &str = "Opfølgning";
pub const FOLLOWUP_DUE: &str = "Næste opfølgning";
pub const OVERDUE: &str = "Forsinket";
pub const FOLLOWUPS_TITLE: &str = "Opfølgninger";
pub const NO_FOLLOWUPS: &str = "Ingen opfølgninger endnu.";
pub const FOLLOWUP_NEW: &str = "Registrér opfølgning";
pub const F_FOLLOWUP_DATE: &str = "Dato for opfølgningen";
pub const F_ATTENDEES: &str = "Deltagere (initialer eller roller, adskilt af komma)";
pub const PROGRESS_LEGEND: &str = "Fremgang pr. mål";
pub const NOT_SCORED: &str = "— ikke vurderet —";
pub const F_HOURS_CHANGE: &str = "Ændring af timer pr. uge (fx -2 eller 1,5)";
pub const F_HOURS_REASON: &str = "Begrundelse for ændringen";
pub const F_NEXT_FOLLOWUP: &str = "Næste opfølgning (tom: efter reglen)";
pub const SAVE_FOLLOWUP: &str = "Gem opfølgning";

/// A goal's progress score (1–5) in words.
pub fn progress_score(score: u8) -> &'static str {
    match score {
        1 => "1 – ingen fremgang",
        2 => "2 – lidt fremgang",
        3 => "3 – nogen fremgang",
        4 => "4 – god fremgang",
        _ => "5 – målet er nået",
    }
}

/// When a running case's next follow-up is due.
pub fn followup_due_line(date: NaiveDate, overdue: bool) -> String {
    format!("{}: {}{}", FOLLOWUP_DUE, self::date(date), if overdue { " (forsinket)" } else { "" })
}

/// A follow-up's change of the granted hours, with its reason.
pub fn hours_change_line(change: f64, reason: &str) -> String {
    let sign = if change > 0.0 { "+" } else { "" };
    format!("Timer pr. uge {sign}{}: {reason}", hours(change))
}

/// How often follow-ups come (the lead of the follow-up page).
pub fn followup_rule(first_months: u32, interval_months: u32) -> String {
    let then = match interval_months {
        1 => "derefter hver måned".to_string(),
        n => format!("derefter hver {n}. måned"),
    };
    format!("Første opfølgning {} efter start, {then} (SEL §70).", count(first_months, "måned", "måneder"))
}

/// The link under a shortened list of follow-ups.
pub fn more_on_followup(n: usize) -> String {
    format!("… og {n} flere under Opfølgning")
}
