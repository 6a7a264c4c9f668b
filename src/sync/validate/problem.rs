//! Import problems: where (store, id, field) and what, with Danish messages.

use super::names::{clip, short_id, store_in_text, store_name};
pub use super::serde_text::JsonFault;
use crate::domain::Problem;
use std::fmt;
use thiserror::Error;

/// Where a problem is: record type, record id and field, as far as known. The parts are the
/// file's own names (`cases`, `hours_per_week`); [`Location::describe`] tells them in Danish.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub store: Option<String>,
    pub id: Option<String>,
    pub field: Option<String>,
}

/// The Danish label of a field of a store (`("cases", "hours_per_week")` → "Timer pr. uge"),
/// if there is one. The UI knows the labels of its forms and passes them in.
pub type FieldLabels<'a> = &'a dyn Fn(&str, &str) -> Option<&'static str>;

impl Location {
    pub fn field(field: &str) -> Self {
        Self { field: Some(field.into()), ..Self::default() }
    }
    pub fn record(store: &str, id: &str, field: Option<&str>) -> Self {
        Self { store: Some(store.into()), id: Some(id.into()), field: field.map(Into::into) }
    }

    /// Whether this is the whole file rather than a part of it.
    pub fn is_file(&self) -> bool {
        self.store.is_none() && self.id.is_none() && self.field.is_none()
    }

    /// The location in Danish: "Sag 89a9e76c…, felt «Timer pr. uge»". The record type by its
    /// Danish name, the id shortened, the field by its label where `labels` has one, else by
    /// the file's name for it.
    pub fn describe(&self, labels: FieldLabels) -> String {
        let store = self.store.as_deref().unwrap_or("");
        let mut parts = Vec::new();
        match (self.store.as_deref(), self.id.as_deref()) {
            (Some(s), Some(i)) if s == i => parts.push(store_name(s).map(String::from).unwrap_or_else(|| clip(s))),
            (Some(s), id) => {
                let name = store_name(s).map(String::from).unwrap_or_else(|| format!("Datatypen «{}»", clip(s)));
                parts.push(match id {
                    Some(i) => format!("{name} {}", short_id(i)),
                    None => name,
                });
            }
            (None, Some(i)) => parts.push(format!("post {}", short_id(i))),
            (None, None) => {}
        }
        if let Some(f) = &self.field {
            parts.push(field_text(store, f, labels));
        }
        if parts.is_empty() {
            "filen".into()
        } else {
            parts.join(", ")
        }
    }
}

/// A field of a record as the import screen names it.
fn field_text(store: &str, field: &str, labels: FieldLabels) -> String {
    let label = |f: &str| labels(store, f).map(String::from).unwrap_or_else(|| clip(f));
    if let Some(rest) = field.strip_prefix("meta.revs.").or_else(|| field.strip_prefix("meta.bases.")) {
        return format!("tidsstempel for felt «{}»", label(rest));
    }
    let own = match field {
        "meta" => "metadata",
        "meta.id" => "id",
        "meta.archived" => "arkiveret",
        "meta.revs" | "meta.bases" => "tidsstempler",
        "stamp" | "kept_stamp" | "lost_stamp" if matches!(store, "tombstones" | "conflicts") => "tidsstempel",
        "store" if matches!(store, "tombstones" | "conflicts") => "datatype",
        _ => return format!("felt «{}»", label(field)),
    };
    format!("felt «{own}»")
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(&|_, _| None))
    }
}

/// One problem with an import file.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{}", self.describe(&|_, _| None))]
pub struct ImportProblem {
    pub location: Location,
    pub kind: ProblemKind,
}

impl ImportProblem {
    /// The problem in Danish, with its location (see [`Location::describe`]); a problem of the
    /// whole file by its message alone.
    pub fn describe(&self, labels: FieldLabels) -> String {
        if self.location.is_file() {
            self.kind.to_string()
        } else {
            format!("{}: {}", self.location.describe(labels), self.kind)
        }
    }
}

/// What is wrong (messages in Danish for the import screen).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ProblemKind {
    #[error("filen er for stor ({size} byte, højst {max})")]
    TooLarge { size: usize, max: usize },
    #[error("filen er ikke gyldig JSON (linje {line}, kolonne {column}): {fault}")]
    NotJson { line: usize, column: usize, fault: JsonFault },
    #[error("filen er ikke en eksport fra Fordeling")]
    WrongFormat,
    #[error("filen har formatversion {found}; denne version af appen læser version 1 til {supported}")]
    UnsupportedVersion { found: u64, supported: u64 },
    #[error("feltet mangler")]
    MissingField,
    /// `message` is Danish (serde's messages are rewritten, see `serde_text`).
    #[error("forkert type eller værdi: {message}")]
    WrongType { message: String },
    #[error("ukendt felt")]
    UnknownField,
    #[error("ukendt datatype")]
    UnknownStore,
    #[error("id'et står flere gange i filen")]
    DuplicateId,
    #[error("henviser til {} {}, som hverken findes i filen eller på enheden", store_in_text(.to_store), short_id(.id))]
    DanglingReference { to_store: String, id: String },
    #[error("{}", danish(.0))]
    Invalid(Problem),
    #[error("ugyldigt tidsstempel: {reason}")]
    BadStamp { reason: String },
    #[error("posten er slettet for altid (GDPR), men står stadig i filen")]
    ErasedButPresent,
    #[error("… og {more} problemer mere")]
    TooManyProblems { more: usize },
}

/// A domain validation problem in Danish, lower-case (the UI capitalises it next to a field).
/// The one wording of these messages, shared by the import screen and the forms.
pub fn danish(p: &Problem) -> String {
    let decimal = |x: &str| x.replace('.', ",");
    match p {
        Problem::Required => "skal udfyldes".into(),
        Problem::TooLong { max } => format!("højst {max} tegn"),
        Problem::OutOfRange { min, max } => format!("skal være mellem {} og {}", decimal(min), decimal(max)),
        Problem::InFuture => "datoen ligger i fremtiden".into(),
        Problem::Before(d) => format!("datoen ligger før {}", d.format("%d-%m-%Y")),
        Problem::Duplicate => "samme værdi står flere gange".into(),
        Problem::LooksLikeCpr => "ligner et CPR-nummer — appen må ikke gemme CPR-numre".into(),
        Problem::MinAboveMax => "fra-værdien er større end til-værdien".into(),
        Problem::NameTaken => "navnet er allerede i brug".into(),
        Problem::NotInStatus => "skal være tom for en sag med denne status".into(),
        Problem::AgeNotCovered { age, min, max } => {
            let range = match (min, max) {
                (Some(min), Some(max)) => format!("{min}–{max} år"),
                (Some(min), None) => format!("fra {min} år"),
                (None, Some(max)) => format!("til og med {max} år"),
                (None, None) => "alle aldre".into(),
            };
            format!("gælder for {range}, og barnet/den unge er {age} år")
        }
    }
}
