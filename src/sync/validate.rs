//! Reading an import file: parse, migrate, and check everything before anything is applied.
//!
//! [`parse_and_validate`] never panics, whatever the bytes. It either returns the typed document
//! (records sorted by id) or every problem it found (up to [`MAX_PROBLEMS`], then a count), each
//! with its location (store, record id, field) and a typed [`ProblemKind`] whose message is
//! Danish, for the import screen (serde's English never reaches it; see `serde_text`). A file
//! with any problem is refused whole.

use super::format::*;
use super::migrate::migrate;
use crate::domain::record::RECORD_STORES;
use crate::domain::*;
use chrono::{DateTime, Duration, NaiveDate};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::HashSet;

/// Files larger than this are refused before parsing.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// At most this many problems are listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 10_000;
/// Stamp counters above this are refused (the clock adds 1 to them).
pub const MAX_COUNTER: u32 = 1 << 30;

/// Parse and check an import file. `known(store, id)` tells whether the importing device
/// holds (or has erased) a record, so references to it count as resolved (see
/// [`Snapshot::known_ids`]). On success the document is upgraded to the current version.
pub fn parse_and_validate(
    bytes: &[u8],
    today: NaiveDate,
    known: &dyn Fn(&str, &str) -> bool,
) -> Result<ExportDoc, Vec<ImportProblem>> {
    if bytes.len() > MAX_BYTES {
        return Err(one(ProblemKind::TooLarge { size: bytes.len(), max: MAX_BYTES }));
    }
    if let Some(doc) = fast::accept(bytes, &mut Checker::new(today), known) {
        debug_assert_eq!(
            located(bytes, today, known).as_ref(),
            Ok(&doc),
            "the fast path accepted a file the located checker does not"
        );
        return Ok(doc);
    }
    located(bytes, today, known)
}

/// A file-wide problem, alone.
fn one(kind: ProblemKind) -> Vec<ImportProblem> {
    vec![ImportProblem { location: Location::default(), kind }]
}

/// The located checker: parse into a `Value` tree and check every part, collecting problems.
fn located(
    bytes: &[u8],
    today: NaiveDate,
    known: &dyn Fn(&str, &str) -> bool,
) -> Result<ExportDoc, Vec<ImportProblem>> {
    // serde_json refuses nesting deeper than 128 levels, so hostile depth cannot overflow the stack.
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| one(ProblemKind::NotJson { line: e.line(), column: e.column(), fault: JsonFault::of(&e) }))?;
    let value = migrate(value).map_err(|p| vec![*p])?;
    let Value::Object(top) = value else {
        return Err(one(ProblemKind::WrongFormat));
    };
    let mut v = Checker::new(today);
    let doc = v.document(&top);
    if v.problems.is_empty() {
        if let Some(doc) = doc {
            v.references(&doc, known);
            if v.problems.is_empty() {
                return Ok(doc);
            }
        }
    }
    if v.more > 0 {
        v.problems
            .push(ImportProblem { location: Location::default(), kind: ProblemKind::TooManyProblems { more: v.more } });
    }
    if v.problems.is_empty() {
        v.problems.push(ImportProblem { location: Location::default(), kind: ProblemKind::WrongFormat });
    }
    Err(v.problems)
}

struct Checker {
    problems: Vec<ImportProblem>,
    more: usize,
    today: NaiveDate,
    /// Stamps later than this (three days after `today`) are refused.
    max_t: u64,
}

/// A device id: not empty, at most 100 characters.
/// Whether any text anywhere in `v` looks like a CPR number (a conflict entry's values are
/// whole fields or settings, of any shape).
fn holds_cpr(v: &Value) -> bool {
    match v {
        Value::String(s) => crate::domain::validation::contains_cpr(s),
        Value::Array(items) => items.iter().any(holds_cpr),
        Value::Object(m) => m.values().any(holds_cpr),
        _ => false,
    }
}

fn device_ok(d: &str) -> bool {
    !d.is_empty() && d.chars().count() <= 100
}

/// Ids are written as lower-case hyphenated UUIDs.
fn canonical_uuid(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok_and(|u| u.hyphenated().to_string() == s)
}

const TOP_FIELDS: [&str; 10] = [
    "format",
    "schema_version",
    "exported_at",
    "device",
    "scope",
    "municipality",
    "records",
    "settings",
    "tombstones",
    "conflicts",
];

/// `v` as a `T`, or what is wrong with it in Danish.
fn typed<T: DeserializeOwned>(v: &Value) -> Result<T, String> {
    T::deserialize(v).map_err(|e| serde_text::danish(&e.to_string()))
}

fn wrong(message: impl Into<String>) -> ProblemKind {
    ProblemKind::WrongType { message: message.into() }
}

impl Checker {
    fn new(today: NaiveDate) -> Self {
        let horizon = today.and_hms_opt(0, 0, 0).map(|t| (t + Duration::days(3)).and_utc().timestamp_millis());
        Checker { problems: Vec::new(), more: 0, today, max_t: horizon.unwrap_or(0).max(0) as u64 }
    }

    fn full(&self) -> bool {
        self.problems.len() >= MAX_PROBLEMS
    }

    fn push(&mut self, location: Location, kind: ProblemKind) {
        if self.full() {
            self.more += 1;
        } else {
            self.problems.push(ImportProblem { location, kind });
        }
    }

    /// A stamp `{t, c, d}`, read by hand (this runs for every field of every record).
    fn stamp(&self, v: &Value) -> Result<Stamp, ProblemKind> {
        let bad = |reason: &str| Err(ProblemKind::BadStamp { reason: reason.into() });
        let Value::Object(m) = v else {
            return bad("forventede {t, c, d}");
        };
        let (Some(t), Some(c), Some(d)) = (m.get("t"), m.get("c"), m.get("d")) else {
            return bad("t, c eller d mangler");
        };
        if m.len() != 3 {
            return bad("ukendte felter");
        }
        let (Some(t), Some(c), Some(d)) = (t.as_u64(), c.as_u64(), d.as_str()) else {
            return bad("t og c skal være heltal, d tekst");
        };
        if t > self.max_t {
            return bad("ligger i fremtiden");
        }
        if c > MAX_COUNTER as u64 {
            return bad("tælleren er for stor");
        }
        if !device_ok(d) {
            return bad("enhedens id mangler eller er for langt");
        }
        Ok(Stamp { t, c: c as u32, d: DeviceId(d.to_string()) })
    }

    /// The limits [`Self::stamp`] checks, on a typed stamp.
    fn stamp_ok(&self, s: &Stamp) -> bool {
        s.t <= self.max_t && s.c <= MAX_COUNTER && device_ok(&s.d.0)
    }

    fn document(&mut self, top: &Map<String, Value>) -> Option<ExportDoc> {
        for key in top.keys().filter(|k| !TOP_FIELDS.contains(&k.as_str())) {
            self.push(Location::field(key), ProblemKind::UnknownField);
        }
        let field = |this: &mut Self, name: &str, required: bool| -> Option<&Value> {
            let v = top.get(name);
            if v.is_none() && required {
                this.push(Location::field(name), ProblemKind::MissingField);
            }
            v
        };
        let exported_at: Option<String> = field(self, "exported_at", true).and_then(|v| match v.as_str() {
            Some(s) if DateTime::parse_from_rfc3339(s).is_ok() => Some(s.to_string()),
            _ => {
                self.push(Location::field("exported_at"), wrong("forventede et tidspunkt (RFC 3339)"));
                None
            }
        });
        let device = field(self, "device", true).and_then(|v| match v.as_str() {
            Some(s) if device_ok(s) => Some(DeviceId(s.to_string())),
            _ => {
                self.push(Location::field("device"), wrong("forventede et enheds-id"));
                None
            }
        });
        let scope = field(self, "scope", true).and_then(|v| self.typed_at::<Scope>(v, Location::field("scope")));
        let municipality = field(self, "municipality", true).and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.push(Location::field("municipality"), wrong("forventede tekst"));
                None
            }
        });
        let records = field(self, "records", true).and_then(|v| self.records(v));
        let settings = match field(self, "settings", false) {
            None | Some(Value::Null) => Some(None),
            Some(v) => self.settings(v).map(Some),
        };
        let tombstones = self.list(top.get("tombstones"), "tombstones", Self::tombstone);
        let conflicts = self.list(top.get("conflicts"), "conflicts", Self::conflict);
        let mut doc = ExportDoc {
            format: FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            exported_at: exported_at?,
            device: device?,
            scope: scope?,
            municipality: municipality?,
            records: records?,
            settings: settings?,
            tombstones: tombstones?,
            conflicts: conflicts?,
        };
        self.consistency(&doc);
        doc.records.sort();
        doc.tombstones.sort();
        doc.conflicts.sort_by_cached_key(Conflict::key);
        Some(doc)
    }

    fn typed_at<T: DeserializeOwned>(&mut self, v: &Value, at: Location) -> Option<T> {
        typed(v).map_err(|m| self.push(at, wrong(m))).ok()
    }

    fn settings(&mut self, v: &Value) -> Option<Stamped<Settings>> {
        let at = |f: &str| Location::record(SETTINGS_STORE, SETTINGS_STORE, Some(f));
        let before = self.problems.len() + self.more;
        let rev = v.get("rev").map(|r| self.stamp(r));
        let value = v.get("value").and_then(|s| self.typed_at::<Settings>(s, at("value")));
        match rev {
            None => self.push(at("rev"), ProblemKind::MissingField),
            Some(Err(kind)) => self.push(at("rev"), kind),
            Some(Ok(_)) => {}
        }
        if let Some(s) = &value {
            for e in s.validate(self.today) {
                self.push(at(e.field), ProblemKind::Invalid(e.problem));
            }
        }
        if self.problems.len() + self.more > before {
            return None;
        }
        self.typed_at(v, Location::field("settings"))
    }
}

mod entries;
mod fast;
mod names;
mod problem;
mod records;
mod references;
mod serde_text;

pub use names::{short_id, store_name};
pub use problem::{danish, FieldLabels, ImportProblem, JsonFault, Location, ProblemKind};
