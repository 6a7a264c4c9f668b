//! Numbers as people type them into the forms: Danish ("7,5", "9.000.000", "1.250,50") or
//! English ("7.5").

/// Typed text that is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a number")]
pub struct NotANumber;

/// Parse a typed number; empty is `Ok(None)`, anything else that is not a finite number
/// [`NotANumber`].
///
/// A comma is the decimal sign, and then dots group thousands. Without a comma, several dots
/// group thousands ("9.000.000"), and so does one dot followed by exactly three digits
/// ("1.500" is 1500: Danish users write thousands that way, and nobody types 1.5 hours as
/// "1.500"); any other single dot is a decimal point ("7.5"). Spaces are ignored.
pub fn parse_number(raw: &str) -> Result<Option<f64>, NotANumber> {
    let t: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return Ok(None);
    }
    let dots = t.matches('.').count();
    let grouped = |s: &str| {
        let mut groups = s.trim_start_matches('-').split('.');
        let first = groups.next().unwrap_or_default();
        (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
    };
    let plain = if t.contains(',') {
        let (whole, fraction) = t.split_once(',').unwrap_or((&t, ""));
        if dots > 0 && !grouped(whole) {
            return Err(NotANumber);
        }
        format!("{}.{fraction}", whole.replace('.', ""))
    } else if dots > 1 || (dots == 1 && t.split_once('.').is_some_and(|(_, f)| f.len() == 3)) {
        if !grouped(&t) {
            return Err(NotANumber);
        }
        t.replace('.', "")
    } else {
        t
    };
    plain.parse::<f64>().ok().filter(|x| x.is_finite()).map(Some).ok_or(NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_and_english_numbers() {
        for (typed, want) in [
            ("7,5", 7.5),
            ("7.5", 7.5),
            (" 12 ", 12.0),
            ("9.000.000", 9_000_000.0),
            ("9 000 000", 9_000_000.0),
            ("1.500", 1500.0),
            ("1.250,50", 1250.5),
            ("0,25", 0.25),
            ("-3", -3.0),
            ("450,00", 450.0),
        ] {
            assert_eq!(parse_number(typed), Ok(Some(want)), "{typed}");
        }
        assert_eq!(parse_number("  "), Ok(None));
        for bad in ["abc", "7,5,5", "1.50.0", "12.34.5", "1,2.3", "9.00,5", "inf", "NaN", "1e400"] {
            assert_eq!(parse_number(bad), Err(NotANumber), "{bad}");
        }
    }
}
