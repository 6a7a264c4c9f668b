//! serde's English error messages, told in Danish. The import screen shows no English: a parse
//! error becomes a [`JsonFault`] (with its line and column kept), and a type error of a value
//! is rewritten from serde's fixed message shapes, or replaced by a general Danish phrase.

use super::names::clip;
use serde_json::error::Category;
use std::fmt;

/// Why a file is not JSON, by serde_json's classification of the error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonFault {
    /// The file ends inside a value: most likely cut off.
    Truncated,
    /// A character that cannot stand where it stands.
    Syntax,
    /// Something after the end of the JSON value.
    Trailing,
    /// Nesting deeper than the parser allows.
    TooDeep,
    /// A number beyond what a 64-bit float holds (`1e400`).
    NumberTooLarge,
    /// Valid JSON syntax, but a value that cannot be read.
    Data,
    /// The bytes could not be read.
    Io,
}

impl JsonFault {
    pub fn of(e: &serde_json::Error) -> Self {
        match e.classify() {
            Category::Eof => Self::Truncated,
            Category::Io => Self::Io,
            Category::Data => Self::Data,
            // serde_json's messages are stable; only the kind of syntax error is read from them.
            Category::Syntax => {
                let message = e.to_string();
                if message.starts_with("trailing characters") {
                    Self::Trailing
                } else if message.starts_with("recursion limit exceeded") {
                    Self::TooDeep
                } else if message.starts_with("number out of range") {
                    Self::NumberTooLarge
                } else {
                    Self::Syntax
                }
            }
        }
    }
}

impl fmt::Display for JsonFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Truncated => "den slutter midt i en værdi (er den blevet afkortet?)",
            Self::Syntax => "ugyldigt tegn",
            Self::Trailing => "der står mere efter slutningen",
            Self::TooDeep => "værdierne ligger for mange lag inden i hinanden",
            Self::NumberTooLarge => "et tal er for stort",
            Self::Data => "en værdi kan ikke læses",
            Self::Io => "filen kunne ikke læses",
        })
    }
}

/// The text between the first pair of backquotes.
fn quoted(s: &str) -> Option<&str> {
    s.split('`').nth(1)
}

/// A list like "`a`, `b`" as "a, b".
fn names(s: &str) -> String {
    s.split('`').skip(1).step_by(2).map(clip).collect::<Vec<_>>().join(", ")
}

/// What serde expected ("f64", "a string", "struct Case", …), in Danish, if it is a shape
/// this knows.
fn expected(e: &str) -> Option<String> {
    let e = e.trim();
    let integer = |t: &str| {
        let digits = t.get(1..).unwrap_or("");
        matches!(t.chars().next(), Some('u' | 'i'))
            && (digits == "size" || (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())))
    };
    Some(match e {
        "f64" | "f32" => "et tal".into(),
        _ if integer(e) => "et heltal".into(),
        "a string" | "a borrowed string" | "string" => "tekst".into(),
        "a boolean" | "bool" => "sand eller falsk".into(),
        "a sequence" => "en liste".into(),
        "a map" | "map" => "et objekt".into(),
        "option" => "en værdi eller null".into(),
        "unit" => "null".into(),
        "a character" | "char" => "ét tegn".into(),
        _ if e.starts_with("struct ") || e.starts_with("a stamp") => "et objekt".into(),
        // serde_json expects an enum as "string or map".
        _ if e.starts_with("enum ") || e == "variant identifier" || e == "string or map" => {
            "en af de tilladte værdier".into()
        }
        _ if e.starts_with("one of ") => format!("en af: {}", names(e)),
        _ if e.starts_with("a tuple of size ") => format!("en liste med {} elementer", &e[16..]),
        _ if e.starts_with("fewer elements") => "færre elementer".into(),
        _ if e.to_ascii_lowercase().contains("uuid") => "et UUID".into(),
        _ if e.contains("date and time") => "et tidspunkt".into(),
        _ if e.contains("date") => "en dato (ÅÅÅÅ-MM-DD)".into(),
        _ => return None,
    })
}

/// "forventede …" with what serde expected, or nothing when its shape is unknown.
fn wanted(e: &str) -> String {
    expected(e).map(|e| format!("; forventede {e}")).unwrap_or_default()
}

/// What serde found instead (serde_json's forms: "string \"x\"", "integer `5`", "null", …).
fn unexpected(u: &str) -> String {
    let u = u.trim();
    let value = || quoted(u).map(clip).unwrap_or_default();
    if let Some(s) = u.strip_prefix("string ") {
        let s = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(s);
        return format!("teksten «{}»", clip(s));
    }
    match u {
        "null" | "unit value" => "null".into(),
        "sequence" => "en liste".into(),
        "map" => "et objekt".into(),
        _ if u.starts_with("boolean") => format!("{} (sand/falsk)", value()),
        _ if u.starts_with("integer") => format!("heltallet {}", value()),
        _ if u.starts_with("floating point") => format!("tallet {}", value().replace('.', ",")),
        _ if u.starts_with("character") => format!("tegnet «{}»", value()),
        _ => "en anden type".into(),
    }
}

/// serde's message for a value that does not fit its type, in Danish. Messages of an unknown
/// shape (custom errors) become a general phrase rather than English.
pub(super) fn danish(message: &str) -> String {
    let m = message.trim();
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        if let Some((found, want)) = rest.rsplit_once(", expected ") {
            return match expected(want) {
                Some(want) => format!("forventede {want}, fandt {}", unexpected(found)),
                None => format!("forkert type: {}", unexpected(found)),
            };
        }
    }
    if let Some(rest) = m.strip_prefix("invalid value: ") {
        if let Some((found, want)) = rest.rsplit_once(", expected ") {
            return format!("ugyldig værdi: {}{}", unexpected(found), wanted(want));
        }
    }
    if let Some(rest) = m.strip_prefix("invalid length ") {
        if let Some((n, want)) = rest.split_once(", expected ") {
            return format!("forkert antal elementer ({}){}", clip(n), wanted(want));
        }
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        let variant = quoted(rest).map(clip).unwrap_or_default();
        return match rest.split_once(", expected one of ") {
            Some((_, allowed)) => format!("ukendt værdi «{variant}»; tilladt er: {}", names(allowed)),
            None => format!("ukendt værdi «{variant}»"),
        };
    }
    let field = |rest: &str| quoted(rest).map(clip).unwrap_or_default();
    if let Some(rest) = m.strip_prefix("unknown field ") {
        return format!("ukendt felt «{}»", field(rest));
    }
    if let Some(rest) = m.strip_prefix("missing field ") {
        return format!("feltet «{}» mangler", field(rest));
    }
    if let Some(rest) = m.strip_prefix("duplicate field ") {
        return format!("feltet «{}» står flere gange", field(rest));
    }
    if m.starts_with("UUID parsing failed") || m.starts_with("invalid UUID") {
        return "forventede et UUID".into();
    }
    const CHRONO: [&str; 6] = [
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
    ];
    if CHRONO.iter().any(|c| m.starts_with(c)) {
        return "ugyldig dato eller tid".into();
    }
    "ugyldig værdi".into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn serde_says<T: serde::de::DeserializeOwned + std::fmt::Debug>(v: Value) -> String {
        danish(&T::deserialize(&v).unwrap_err().to_string())
    }

    #[test]
    fn serde_messages_become_danish() {
        assert_eq!(serde_says::<f64>(json!("mange")), "forventede et tal, fandt teksten «mange»");
        assert_eq!(serde_says::<u32>(json!(-1)), "ugyldig værdi: heltallet -1; forventede et heltal");
        assert_eq!(serde_says::<String>(json!(1.5)), "forventede tekst, fandt tallet 1,5");
        assert_eq!(serde_says::<Vec<u8>>(json!(null)), "forventede en liste, fandt null");
        assert_eq!(serde_says::<bool>(json!({})), "forventede sand eller falsk, fandt et objekt");
        assert_eq!(serde_says::<chrono::NaiveDate>(json!("2024-13-01")), "ugyldig dato eller tid");
        assert_eq!(serde_says::<uuid::Uuid>(json!("nej")), "forventede et UUID");
        assert_eq!(
            serde_says::<crate::domain::CaseStatus>(json!("Nope")).split(';').next(),
            Some("ukendt værdi «Nope»")
        );
        assert_eq!(danish("something else entirely"), "ugyldig værdi");
        assert_eq!(
            serde_says::<crate::domain::CaseStatus>(json!(7)),
            "forventede en af de tilladte værdier, fandt heltallet 7"
        );
        assert_eq!(danish("invalid type: map, expected something odd"), "forkert type: et objekt");
    }

    #[test]
    fn json_faults_are_classified() {
        let fault = |s: &str| JsonFault::of(&serde_json::from_str::<Value>(s).unwrap_err());
        assert_eq!(fault("{\"a\": \"b"), JsonFault::Truncated);
        assert_eq!(fault("{\"a\" 1}"), JsonFault::Syntax);
        assert_eq!(fault("{} x"), JsonFault::Trailing);
        assert_eq!(fault(&"[".repeat(1000)), JsonFault::TooDeep);
    }
}
