//! The export file: the only way data moves between devices.
//!
//! # Format `fordeling-export`, schema version 2
//!
//! One UTF-8 JSON object (JSON Schema: `schema/export-v2.schema.json`; version 1 is
//! `schema/export-v1.schema.json`):
//!
//! | key | meaning |
//! | --- | --- |
//! | `format` | always `"fordeling-export"` |
//! | `schema_version` | `2`; older files are upgraded by [`super::migrate`] (v1 → v2 adds empty `meta.bases`), newer ones refused |
//! | `exported_at` | RFC 3339 time of the export (UTC) |
//! | `device` | id of the exporting device |
//! | `scope` | `{"kind":"full"}`, `{"kind":"club","provider":…,"name":…}` or `{"kind":"district","district":…,"name":…}` |
//! | `municipality` | the municipality's name from the settings (for the file name and a sanity check) |
//! | `records` | one array per record store, keys as in [`RECORD_STORES`](crate::domain::record::RECORD_STORES): `districts`, `schools`, `concerns`, `legal_bases`, `providers`, `persons`, `members`, `youths`, `cases`, `meetings`, `decisions`, `followups` |
//! | `settings` | `null` or `{"value": Settings, "rev": Stamp}` |
//! | `tombstones` | erased records (GDPR): `{"store","id","stamp"}`; the data itself is gone |
//! | `conflicts` | losing values kept for review: `{"store","id","field","kept","kept_stamp","lost","lost_stamp"}` |
//!
//! Every record is the domain type as serde writes it, with `meta: {id, archived, revs, bases}`
//! where `revs` maps each top-level field (and `archived`) to the [`Stamp`] `{t, c, d}` of its
//! last write, and `bases` (new in version 2) maps a field to the newest stamp of a value that a
//! write of the field knowingly replaced (see [`super::merge`], rule 3). `bases` is always
//! written, also when empty (`{}`), so every record's `meta` has the same keys.
//!
//! The serialisation is deterministic: stores in the order above, records sorted by id,
//! tombstones by (store, id), conflicts by (store, id, field, lost value), object keys in
//! declaration order (records) or sorted (free JSON values). Exporting the same data twice gives
//! the same bytes apart from `exported_at`.

use crate::domain::*;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;

/// The value of `format`.
pub const FORMAT: &str = "fordeling-export";
/// The schema version this build writes (and the newest it reads).
pub const SCHEMA_VERSION: u32 = 2;
/// Pseudo store name under which a losing settings value is kept in the conflict list.
pub const SETTINGS_STORE: &str = "settings";

/// Calls `$cb! { field: Type, … }` with every record store, in `RECORD_STORES` order.
macro_rules! with_stores {
    ($cb:ident) => {
        $cb! {
            districts: District,
            schools: School,
            concerns: Concern,
            legal_bases: LegalBasis,
            providers: Provider,
            persons: ContactPerson,
            members: CommitteeMember,
            youths: Youth,
            cases: Case,
            meetings: Meeting,
            decisions: Decision,
            followups: Followup,
        }
    };
}
pub(crate) use with_stores;

/// Something done to every store's records, whatever their type.
pub trait StoreVisitor {
    fn visit<T: Record>(&mut self, records: &[T]);
}

macro_rules! define_records {
    ($($field:ident : $ty:ty),* $(,)?) => {
        /// The records of every store, typed. Field names are the store names.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct Records {
            $(#[serde(default)] pub $field: Vec<$ty>,)*
        }

        impl Records {
            /// Sort every store by id (the canonical order).
            pub fn sort(&mut self) {
                $(self.$field.sort_by_cached_key(|r| r.key());)*
            }

            /// Number of records in all stores.
            pub fn len(&self) -> usize {
                0 $(+ self.$field.len())*
            }

            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }

            pub fn visit<V: StoreVisitor>(&self, visitor: &mut V) {
                $(visitor.visit(&self.$field);)*
            }

            /// Keep only the records for which `keep(store, id)` holds.
            pub fn retain(&mut self, mut keep: impl FnMut(&str, &str) -> bool) {
                $(self.$field.retain(|r| keep(<$ty as Record>::STORE, &r.key()));)*
            }
        }
    };
}
with_stores!(define_records);

impl Records {
    /// Every (store, id) present.
    pub fn ids(&self) -> HashSet<(String, String)> {
        struct Ids(HashSet<(String, String)>);
        impl StoreVisitor for Ids {
            fn visit<T: Record>(&mut self, records: &[T]) {
                self.0.extend(records.iter().map(|r| (T::STORE.to_string(), r.key())));
            }
        }
        let mut ids = Ids(HashSet::with_capacity(self.len()));
        self.visit(&mut ids);
        ids.0
    }
}

/// A value with the stamp of its last write (how the app keeps the settings).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stamped<T> {
    pub value: T,
    pub rev: Stamp,
}

/// What part of the workspace a file holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Scope {
    /// Everything: a backup, or a full sync between coordinators.
    Full,
    /// A package for one club (provider) and its contact persons.
    Club { provider: ProviderId, name: String },
    /// A package for one district.
    District { district: DistrictId, name: String },
}

/// A record erased for good (GDPR). Only the id survives, so other devices erase it too.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tombstone {
    pub store: String,
    pub id: String,
    pub stamp: Stamp,
}

/// A value that lost a merge, kept so the user can review it and restore it.
/// Identity: (store, id, field, lost value); see [`super::merge`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub store: String,
    pub id: String,
    pub field: String,
    /// The value in the record now (the winner).
    pub kept: Value,
    pub kept_stamp: Stamp,
    /// The value that lost, and the newest stamp it was written with.
    pub lost: Value,
    pub lost_stamp: Stamp,
}

impl Conflict {
    /// The identity of the entry: (store, id, field, canonical JSON of the lost value).
    pub fn key(&self) -> (String, String, String, String) {
        (self.store.clone(), self.id.clone(), self.field.clone(), canonical(&self.lost))
    }
}

/// Canonical JSON text of a value (object keys sorted; serde_json's map is ordered).
pub fn canonical(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Everything a device holds that sync is about. The browser fills it from IndexedDB.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Snapshot {
    pub records: Records,
    pub settings: Option<Stamped<Settings>>,
    pub tombstones: Vec<Tombstone>,
    pub conflicts: Vec<Conflict>,
}

impl Snapshot {
    /// Sort everything into the canonical order.
    pub fn canonicalize(&mut self) {
        self.records.sort();
        self.tombstones.sort();
        self.conflicts.sort_by_cached_key(Conflict::key);
    }

    /// Every (store, id) the snapshot holds or has erased: the `known` look-up for
    /// [`super::validate::parse_and_validate`].
    pub fn known_ids(&self) -> HashSet<(String, String)> {
        let mut ids = self.records.ids();
        ids.extend(self.tombstones.iter().map(|t| (t.store.clone(), t.id.clone())));
        ids
    }
}

/// The export document (also the typed result of a validated import).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExportDoc {
    pub format: String,
    pub schema_version: u32,
    pub exported_at: String,
    pub device: DeviceId,
    pub scope: Scope,
    pub municipality: String,
    pub records: Records,
    pub settings: Option<Stamped<Settings>>,
    #[serde(default)]
    pub tombstones: Vec<Tombstone>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

impl ExportDoc {
    /// Compact JSON (the file that is written).
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Indented JSON (golden files, people reading a backup).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The data part of the document as a snapshot.
    pub fn to_snapshot(&self) -> Snapshot {
        Snapshot {
            records: self.records.clone(),
            settings: self.settings.clone(),
            tombstones: self.tombstones.clone(),
            conflicts: self.conflicts.clone(),
        }
    }

    /// The newest stamp in the file: the importing device's clock must observe it.
    pub fn max_stamp(&self) -> Option<Stamp> {
        struct Max(Option<Stamp>);
        impl StoreVisitor for Max {
            fn visit<T: Record>(&mut self, records: &[T]) {
                for r in records {
                    if let Some(s) = r.revs().values().max() {
                        if self.0.as_ref().is_none_or(|m| s > m) {
                            self.0 = Some(s.clone());
                        }
                    }
                }
            }
        }
        let mut max = Max(None);
        self.records.visit(&mut max);
        let others = self.settings.iter().map(|s| &s.rev).chain(self.tombstones.iter().map(|t| &t.stamp));
        let others = others.chain(self.conflicts.iter().flat_map(|c| [&c.kept_stamp, &c.lost_stamp]));
        others.fold(max.0, |m, s| if m.as_ref().is_none_or(|m| s > m) { Some(s.clone()) } else { m })
    }

    /// A file name for the download: municipality, scope and date, safe on every system.
    pub fn file_name(&self) -> String {
        let scope = match &self.scope {
            Scope::Full => "fuld".to_string(),
            Scope::Club { name, .. } | Scope::District { name, .. } => name.clone(),
        };
        let date = self.exported_at.get(..10).unwrap_or("");
        let raw = format!("fordeling-{}-{}-{}", self.municipality, scope, date);
        let safe: String =
            raw.chars().map(|c| if c.is_alphanumeric() || c == '-' { c.to_ascii_lowercase() } else { '-' }).collect();
        format!("{safe}.json")
    }
}

/// Export the part of `snapshot` that `scope` allows (see [`super::scope`]), canonically ordered.
pub fn export(snapshot: &Snapshot, scope: &Scope, device: &DeviceId, now: DateTime<Utc>) -> ExportDoc {
    let mut part = super::scope::select(snapshot, scope);
    part.canonicalize();
    ExportDoc {
        format: FORMAT.to_string(),
        schema_version: SCHEMA_VERSION,
        exported_at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        device: device.clone(),
        scope: scope.clone(),
        municipality: part.settings.as_ref().map(|s| s.value.municipality.clone()).unwrap_or_default(),
        records: part.records,
        settings: part.settings,
        tombstones: part.tombstones,
        conflicts: part.conflicts,
    }
}

/// The JSON Schema of the current export format, generated from the Rust types (what the
/// export writes and the import reads); `schema/export-v{SCHEMA_VERSION}.schema.json` is this,
/// and a test keeps the file up to date. The validator checks more (domain rules, references,
/// stamps, every field present).
#[cfg(not(target_arch = "wasm32"))]
pub fn json_schema() -> Value {
    let mut schema = schemars::schema_for!(ExportDoc).to_value();
    schema["$id"] = format!("fordeling-export-v{SCHEMA_VERSION}").into();
    schema["title"] = format!("Fordeling export file, schema version {SCHEMA_VERSION}").into();
    schema["description"] = "The sync file of Fordeling (see src/sync/format.rs), generated \
        from the Rust types by sync::format::json_schema. src/sync/validate.rs checks more: \
        domain rules, references, stamps, and that every field is written out."
        .into();
    schema["properties"]["format"] = serde_json::json!({ "const": FORMAT });
    schema["properties"]["schema_version"] = serde_json::json!({ "const": SCHEMA_VERSION });
    schema
}

#[cfg(test)]
mod tests;
