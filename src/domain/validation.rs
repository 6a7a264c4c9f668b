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

    pub fn unique_text(&mut self, field: &'static str, values: &[String]) {
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

/// True when `text` holds something shaped like a Danish CPR number (DDMMYY-NNNN or ten
/// digits in a row with a plausible date). The app never stores CPR numbers.
pub fn contains_cpr(text: &str) -> bool {
    let digits_only: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let s: String = digits_only.into_iter().collect();
    let bytes = s.as_bytes();
    for start in 0..bytes.len() {
        let rest = &bytes[start..];
        let ten = |b: &[u8]| -> Option<[u8; 10]> {
            let mut out = [0u8; 10];
            let mut n = 0;
            let mut i = 0;
            while n < 10 && i < b.len() {
                match b[i] {
                    d @ b'0'..=b'9' => {
                        out[n] = d - b'0';
                        n += 1;
                    }
                    b'-' if n == 6 => {}
                    _ => return None,
                }
                i += 1;
            }
            (n == 10).then_some(out)
        };
        if start > 0 && bytes[start - 1].is_ascii_digit() {
            continue;
        }
        if let Some(d) = ten(rest) {
            let day = d[0] * 10 + d[1];
            let month = d[2] * 10 + d[3];
            if (1..=31).contains(&day) && (1..=12).contains(&month) {
                return true;
            }
        }
    }
    false
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
    }
}
