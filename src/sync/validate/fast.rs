//! The fast path for sound files: parse straight into the typed records, without building a
//! `serde_json::Value` tree of the whole file (about three times faster on a 10,000-case export).
//!
//! It only ever *accepts*: it checks everything the located checker checks (often more strictly)
//! and gives up at the first doubt — any problem, an older schema version, an escaped key. Then
//! the located checker runs and reports every problem with its place. So the fast path cannot
//! let through a file the checker would refuse; debug builds (the tests and the fuzz target)
//! compare the two on every accepted file.

use super::*;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// Accept `bytes` as a current-version document with no problem at all, or give up (`None`).
pub(super) fn accept(bytes: &[u8], checker: &mut Checker, known: &dyn Fn(&str, &str) -> bool) -> Option<ExportDoc> {
    let text = std::str::from_utf8(bytes).ok()?;
    let raw: RawDoc = serde_json::from_str(text).ok()?;
    if raw.format != FORMAT
        || raw.schema_version != SCHEMA_VERSION
        || DateTime::parse_from_rfc3339(&raw.exported_at).is_err()
        || !device_ok(&raw.device.0)
    {
        return None;
    }
    let settings = match raw.settings {
        None => None,
        Some(s) => Some(object::<Stamped<Settings>>(s)?),
    };
    if let Some(s) = &settings {
        if !checker.stamp_ok(&s.rev) || !s.value.validate(checker.today).is_empty() {
            return None;
        }
    }
    let stores_ok = raw.tombstones.iter().all(|t| {
        RECORD_STORES.contains(&t.store.as_str()) && uuid::Uuid::parse_str(&t.id).is_ok() && checker.stamp_ok(&t.stamp)
    }) && raw.conflicts.iter().all(|c| {
        (c.store == SETTINGS_STORE || RECORD_STORES.contains(&c.store.as_str()))
            && checker.stamp_ok(&c.kept_stamp)
            && checker.stamp_ok(&c.lost_stamp)
            && !holds_cpr(&c.kept)
            && !holds_cpr(&c.lost)
    });
    if !stores_ok {
        return None;
    }
    let mut doc = ExportDoc {
        format: raw.format,
        schema_version: raw.schema_version,
        exported_at: raw.exported_at,
        device: raw.device,
        scope: raw.scope,
        municipality: raw.municipality,
        records: object::<RawRecords>(raw.records)?.typed(checker)?,
        settings,
        tombstones: raw.tombstones,
        conflicts: raw.conflicts,
    };
    checker.consistency(&doc);
    doc.records.sort();
    doc.tombstones.sort();
    doc.conflicts.sort_by_cached_key(Conflict::key);
    checker.references(&doc, known);
    checker.problems.is_empty().then_some(doc)
}

/// The export document with each record left as its JSON text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDoc<'a> {
    format: String,
    schema_version: u32,
    exported_at: String,
    device: DeviceId,
    scope: Scope,
    municipality: String,
    #[serde(borrow)]
    records: &'a RawValue,
    #[serde(default, borrow)]
    settings: Option<&'a RawValue>,
    #[serde(default)]
    tombstones: Vec<Tombstone>,
    #[serde(default)]
    conflicts: Vec<Conflict>,
}

/// `raw` as a `T`, only if it is a JSON object (serde would also read a struct from an array).
fn object<'a, T: Deserialize<'a>>(raw: &'a RawValue) -> Option<T> {
    let text = raw.get();
    if !text.starts_with('{') {
        return None;
    }
    serde_json::from_str(text).ok()
}

macro_rules! raw_records {
    ($($field:ident : $ty:ty),* $(,)?) => {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RawRecords<'a> {
            $(#[serde(default, borrow)] $field: Vec<&'a RawValue>,)*
        }

        impl RawRecords<'_> {
            fn typed(&self, checker: &Checker) -> Option<Records> {
                Some(Records { $($field: store::<$ty>(&self.$field, checker)?,)* })
            }
        }
    };
}
with_stores!(raw_records);

/// One store's records: each an object whose keys are exactly the type's fields, with a sound
/// `meta`, a unique canonical id, sound stamps and no domain problem.
fn store<T: Record>(raws: &[&RawValue], checker: &Checker) -> Option<Vec<T>> {
    let mut out = Vec::with_capacity(raws.len());
    let mut ids = HashSet::with_capacity(raws.len());
    let mut names: Option<Vec<String>> = None;
    for raw in raws {
        let shape: Shape = serde_json::from_str(raw.get()).ok()?;
        let record: T = serde_json::from_str(raw.get()).ok()?;
        let id = shape.id?;
        if !canonical_uuid(id) || !ids.insert(id) {
            return None;
        }
        if names.is_none() {
            let text = serde_json::to_string(&record).ok()?;
            let own: Shape = serde_json::from_str(&text).ok()?;
            names = Some(own.keys.iter().map(|k| k.to_string()).collect());
        }
        let names = names.as_deref()?;
        let all_fields = shape.keys.len() == names.len() && shape.keys.iter().all(|k| names.iter().any(|n| n == k));
        let stamps_ok = record.revs().values().chain(record.bases().values()).all(|s| checker.stamp_ok(s));
        if !all_fields || !shape.meta_ok || !stamps_ok || !record.validate(checker.today).is_empty() {
            return None;
        }
        out.push(record);
    }
    Some(out)
}

/// The top-level keys of a record object (borrowed from the text) and what `meta` holds.
struct Shape<'a> {
    keys: Vec<&'a str>,
    id: Option<&'a str>,
    /// `meta` is present and has no key but `id`, `archived`, `revs`, `bases`.
    meta_ok: bool,
}

/// A key or string without escapes, borrowed from the text; anything else is an error, which
/// sends the file to the located checker.
struct Plain<'a>(&'a str);

impl<'de> Deserialize<'de> for Plain<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Plain<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string without escapes")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Plain<'de>, E> {
                Ok(Plain(s))
            }
        }
        d.deserialize_str(V)
    }
}

/// `meta`: its keys are known; its id (if a plain string).
struct MetaShape<'a> {
    id: Option<&'a str>,
    ok: bool,
}

impl<'de> Deserialize<'de> for MetaShape<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MetaShape<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a meta object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MetaShape<'de>, A::Error> {
                let mut meta = MetaShape { id: None, ok: true };
                while let Some(Plain(key)) = map.next_key()? {
                    match key {
                        "id" => meta.id = Some(map.next_value::<Plain>()?.0),
                        "archived" | "revs" | "bases" => {
                            map.next_value::<IgnoredAny>()?;
                        }
                        _ => {
                            meta.ok = false;
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(meta)
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for Shape<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Shape<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a record object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape<'de>, A::Error> {
                let mut shape = Shape { keys: Vec::new(), id: None, meta_ok: false };
                while let Some(Plain(key)) = map.next_key()? {
                    if key == "meta" {
                        let meta: MetaShape = map.next_value()?;
                        (shape.id, shape.meta_ok) = (meta.id, meta.ok);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                    shape.keys.push(key);
                }
                Ok(shape)
            }
        }
        d.deserialize_map(V)
    }
}
