//! Import problems: where (store, id, field) and what, with Danish messages.

use crate::domain::Problem;
use std::fmt;
use thiserror::Error;

/// Where a problem is: record type, record id and field, as far as known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub store: Option<String>,
    pub id: Option<String>,
    pub field: Option<String>,
}

impl Location {
    pub fn field(field: &str) -> Self {
        Self { field: Some(field.into()), ..Self::default() }
    }
    pub fn record(store: &str, id: &str, field: Option<&str>) -> Self {
        Self { store: Some(store.into()), id: Some(id.into()), field: field.map(Into::into) }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(s) = &self.store {
            parts.push(s.clone());
        }
        if let Some(i) = &self.id {
            parts.push(format!("post {i}"));
        }
        if let Some(x) = &self.field {
            parts.push(format!("felt «{x}»"));
        }
        if parts.is_empty() {
            f.write_str("filen")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// One problem with an import file.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{location}: {kind}")]
pub struct ImportProblem {
    pub location: Location,
    pub kind: ProblemKind,
}

/// What is wrong (messages in Danish for the import screen).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ProblemKind {
    #[error("filen er for stor ({size} byte, højst {max})")]
    TooLarge { size: usize, max: usize },
    #[error("filen er ikke gyldig JSON (linje {line}, kolonne {column}): {message}")]
    NotJson { line: usize, column: usize, message: String },
    #[error("filen er ikke en eksport fra Fordeling")]
    WrongFormat,
    #[error("filen har formatversion {found}; denne version af appen læser version 1 til {supported}")]
    UnsupportedVersion { found: u64, supported: u64 },
    #[error("feltet mangler")]
    MissingField,
    #[error("forkert type eller værdi: {message}")]
    WrongType { message: String },
    #[error("ukendt felt")]
    UnknownField,
    #[error("ukendt datatype")]
    UnknownStore,
    #[error("id'et står flere gange i filen")]
    DuplicateId,
    #[error("henviser til {to_store} {id}, som hverken findes i filen eller på enheden")]
    DanglingReference { to_store: String, id: String },
    #[error("{}", danish(.0))]
    Invalid(Problem),
    #[error("ugyldigt tidsstempel: {reason}")]
    BadStamp { reason: String },
    #[error("posten er slettet (tombstone), men står stadig i filen")]
    ErasedButPresent,
    #[error("og {more} problemer mere")]
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
    }
}
