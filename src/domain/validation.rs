//! Typed validation problems, each tied to the field it concerns so the UI can show it there.

use chrono::NaiveDate;
use thiserror::Error;

/// What is wrong with a value.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Problem {
    #[error("a value is required")]
    Required,
    #[error("longer than {max} characters")]
    TooLong { max: usize },
    #[error("must be between {min} and {max}")]
    OutOfRange { min: String, max: String },
    #[error("the date lies in the future")]
    InFuture,
    #[error("the date lies before {0}")]
    Before(NaiveDate),
    #[error("the value appears twice")]
    Duplicate,
    #[error("looks like a CPR number, which the app must not hold")]
    LooksLikeCpr,
    #[error("the minimum is larger than the maximum")]
    MinAboveMax,
    #[error("another record already has this name")]
    NameTaken,
    #[error("must be empty for a case in this status")]
    NotInStatus,
    #[error("covers ages {min:?}–{max:?}, not {age}")]
    AgeNotCovered { age: u32, min: Option<u32>, max: Option<u32> },
}

/// A problem with one field of a record (`field` is the Rust field name, e.g. `hours_per_week`).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{field}: {problem}")]
pub struct FieldError {
    pub field: &'static str,
    pub problem: Problem,
}

/// Records that can check themselves. `today` is passed in so the rules stay pure.
pub trait Validate {
    fn validate(&self, today: NaiveDate) -> Vec<FieldError>;
}

/// Collects field errors with small helpers for the common rules.
#[derive(Default)]
pub struct Check {
    errors: Vec<FieldError>,
}

impl Check {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn fail(&mut self, field: &'static str, problem: Problem) {
        self.errors.push(FieldError { field, problem });
    }

    /// Required, at most `max` characters, and no CPR number.
    pub fn text(&mut self, field: &'static str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.fail(field, Problem::Required);
        } else {
            self.optional_text(field, value, max);
        }
    }

    /// At most `max` characters, and no CPR number.
    pub fn optional_text(&mut self, field: &'static str, value: &str, max: usize) {
        if value.chars().count() > max {
            self.fail(field, Problem::TooLong { max });
        } else if contains_cpr(value) {
            self.fail(field, Problem::LooksLikeCpr);
        }
    }

    pub fn range_f64(&mut self, field: &'static str, value: f64, min: f64, max: f64) {
        if !(min..=max).contains(&value) {
            self.fail(field, Problem::OutOfRange { min: fmt_num(min), max: fmt_num(max) });
        }
    }

    pub fn range_u32(&mut self, field: &'static str, value: u32, min: u32, max: u32) {
        if !(min..=max).contains(&value) {
            self.fail(field, Problem::OutOfRange { min: min.to_string(), max: max.to_string() });
        }
    }

    pub fn not_future(&mut self, field: &'static str, date: Option<NaiveDate>, today: NaiveDate) {
        if date.is_some_and(|d| d > today) {
            self.fail(field, Problem::InFuture);
        }
    }

    pub fn not_before(&mut self, field: &'static str, date: Option<NaiveDate>, earliest: Option<NaiveDate>) {
        if let (Some(d), Some(e)) = (date, earliest) {
            if d < e {
                self.fail(field, Problem::Before(e));
            }
        }
    }

    /// Each entry at most once (case-insensitive for text lists).
    pub fn unique<T: PartialEq>(&mut self, field: &'static str, values: &[T]) {
        if values.iter().enumerate().any(|(i, v)| values[..i].contains(v)) {
            self.fail(field, Problem::Duplicate);
        }
    }

    /// A list of short texts (interests, languages, initials): each at most `max` characters
    /// with no CPR number, and each at most once (case and spaces aside).
    pub fn text_list(&mut self, field: &'static str, values: &[String], max: usize) {
        if let Some(too_long) = values.iter().find(|v| v.chars().count() > max) {
            self.optional_text(field, too_long, max);
        } else if values.iter().any(|v| contains_cpr(v)) {
            self.fail(field, Problem::LooksLikeCpr);
        }
        let lower: Vec<String> = values.iter().map(|v| v.trim().to_lowercase()).collect();
        self.unique(field, &lower);
    }

    pub fn finish(self) -> Vec<FieldError> {
        self.errors
    }
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

/// True when `text` holds something shaped like a Danish CPR number: ten digits with a
/// plausible day and month first, written in a row or split only where a CPR number splits
/// (DD MM YY NNNN) by up to three spaces, `-`, `/`, `.` or `_` ("0403101234", "040310-1234",
/// "0403-10-1234", "04.03.10 / 1234"), and not part of a longer number. The app never stores
/// CPR numbers.
pub fn contains_cpr(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let is_separator = |c: &char| c.is_whitespace() || matches!(c, '-' | '/' | '.' | '_');
    (0..chars.len()).any(|start| {
        if !chars[start].is_ascii_digit() || (start > 0 && chars[start - 1].is_ascii_digit()) {
            return false;
        }
        let mut digits = Vec::with_capacity(10);
        let mut i = start;
        while digits.len() < 10 && i < chars.len() {
            if chars[i].is_ascii_digit() {
                digits.push(chars[i] as u8 - b'0');
                i += 1;
                continue;
            }
            let gap = chars[i..].iter().take_while(|c| is_separator(c)).count();
            if gap == 0 || gap > 3 || !matches!(digits.len(), 2 | 4 | 6) {
                return false;
            }
            i += gap;
        }
        let longer = chars.get(i).is_some_and(char::is_ascii_digit);
        digits.len() == 10
            && !longer
            && (1..=31).contains(&(digits[0] * 10 + digits[1]))
            && (1..=12).contains(&(digits[2] * 10 + digits[3]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpr_shapes_are_recognised() {
        assert!(contains_cpr("010203-1234"));
        assert!(contains_cpr("Barn 0102031234"));
        assert!(!contains_cpr("AB 2009"));
        assert!(!contains_cpr("tlf 12345678"));
        assert!(!contains_cpr("991399-1234"), "month 13 is no date");
        for cpr in [
            "0403101234",
            "040310 1234",
            "Emma 040310-1234",
            "0403-10-1234",
            "040310/1234",
            "04-03-10-1234",
            "04.03.10-1234",
            "04 03 10 1234",
            "(040310_1234)",
            "040310 - 1234",
            "0403--101234",
        ] {
            assert!(contains_cpr(cpr), "{cpr}");
        }
        for not_cpr in [
            "mødet 01-02-2003 12:34",
            "01.02.2003 kl. 1234",
            "04031012345",
            "tlf. 040310 12",
            "uge 04 03 10 12",
            "04031 01234",
        ] {
            assert!(!contains_cpr(not_cpr), "{not_cpr}");
        }
    }
}
