//! Merging an imported file into the device's data.
//!
//! # Rules
//!
//! 1. **Per field.** Records are matched by (store, id). For every top-level field (and
//!    `archived`) the value with the greater stamp wins. Stamps are hybrid-logical-clock
//!    readings ordered by (time, counter, device), so the device id is the final tie-break and
//!    every device picks the same winner. A field without a stamp counts as the oldest possible
//!    stamp; two different values under one equal stamp (only in damaged or hand-made files) are
//!    ordered by their canonical JSON text, so even then the choice is the same everywhere.
//! 2. **Edits on one side** (one side lacks the record, or holds the same value) simply apply;
//!    equal values keep the greater stamp.
//! 3. **Conflicts.** Per-field stamps cannot tell which value the other side had seen, so a
//!    *conflict* is: both sides hold the field with *different values* (and, normally, different
//!    stamps). The loser is never dropped: it goes to the conflict list as
//!    `{store, id, field, kept, kept_stamp, lost, lost_stamp}`.
//! 4. **The conflict list merges too.** An entry's identity is (store, id, field, lost value); a
//!    value lost several times keeps its newest stamp, and entries whose value is the current
//!    winner disappear (nothing is lost any more). `kept` always shows the current winner. Both
//!    sides' lists are part of the merge, and exports carry the list, so the set of values ever
//!    seen for a field is kept as (winner + losers): a join-semilattice, which is why merging is
//!    commutative, associative and idempotent, conflicts included, and why importing a file twice
//!    adds nothing.
//! 5. **Archiving** is an ordinary field (`archived`) and merges like any other.
//! 6. **Erasure** (GDPR) is a tombstone `{store, id, stamp}`. It wins over any edit of that record
//!    whatever the stamps: the record and its conflict entries are removed from the result, and an
//!    incoming copy of an erased record is ignored. Tombstones are kept for ever (union).
//! 7. **Settings** merge as a whole: the greater `rev` wins; a different losing value is kept in
//!    the conflict list under store `settings`, id `settings`, field `value`.
//!
//! The [`Preview`] sorts every record and tombstone of the file into new, changed, conflicting
//! (the import adds a conflict entry for it), unchanged and erased.

use super::format::*;
use crate::domain::*;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// (store, id) of a record.
pub type RecordKey = (String, String);

/// What an import would do, before it is applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    pub new: Vec<RecordKey>,
    pub changed: Vec<RecordKey>,
    pub conflicting: Vec<RecordKey>,
    pub unchanged: Vec<RecordKey>,
    /// Records erased by tombstones in the file that this device did not know.
    pub erased: Vec<RecordKey>,
}

impl Preview {
    /// True when applying the import would change nothing.
    pub fn is_noop(&self) -> bool {
        self.new.is_empty()
            && self.changed.is_empty()
            && self.conflicting.is_empty()
            && self.erased.is_empty()
    }
}

/// The merged data, the preview, and the conflict entries this import adds.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeResult {
    pub merged: Snapshot,
    pub preview: Preview,
    pub conflicts: Vec<Conflict>,
}

/// Merge an imported document into the local snapshot (see the module doc for the rules).
pub fn merge(local: &Snapshot, incoming: &ExportDoc) -> MergeResult {
    let parts = Parts {
        records: &incoming.records,
        settings: &incoming.settings,
        tombstones: &incoming.tombstones,
        conflicts: &incoming.conflicts,
    };
    merge_parts(local, parts)
}

/// Merge two snapshots (the same rules; `incoming` plays the file).
pub fn merge_snapshots(local: &Snapshot, incoming: &Snapshot) -> MergeResult {
    let parts = Parts {
        records: &incoming.records,
        settings: &incoming.settings,
        tombstones: &incoming.tombstones,
        conflicts: &incoming.conflicts,
    };
    merge_parts(local, parts)
}

struct Parts<'a> {
    records: &'a Records,
    settings: &'a Option<Stamped<Settings>>,
    tombstones: &'a [Tombstone],
    conflicts: &'a [Conflict],
}

/// A losing value and the winner it lost to.
struct Entry {
    lost: Value,
    lost_stamp: Stamp,
    kept: Value,
    kept_stamp: Stamp,
}

/// Losers per record, per field, per canonical lost value.
type Losers = BTreeMap<String, BTreeMap<String, Entry>>;

struct Cx {
    erased: HashSet<RecordKey>,
    pool: HashMap<RecordKey, Losers>,
    local_keys: HashSet<(String, String, String, String)>,
    preview: Preview,
    conflicts: Vec<Conflict>,
}

impl Cx {
    fn add(
        &mut self,
        store: &str,
        id: &str,
        field: &str,
        lost: Value,
        lost_stamp: Stamp,
        kept: Value,
        kept_stamp: Stamp,
    ) {
        let record = self
            .pool
            .entry((store.to_string(), id.to_string()))
            .or_default();
        let slot = record.entry(field.to_string()).or_default();
        match slot.entry(canonical(&lost)) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(Entry {
                    lost,
                    lost_stamp,
                    kept,
                    kept_stamp,
                });
            }
            std::collections::btree_map::Entry::Occupied(mut o) => {
                let e = o.get_mut();
                e.lost_stamp = e.lost_stamp.clone().max(lost_stamp);
                if (&kept_stamp, canonical(&kept)) > (&e.kept_stamp, canonical(&e.kept)) {
                    (e.kept, e.kept_stamp) = (kept, kept_stamp);
                }
            }
        }
    }

    /// Emit the conflict entries of one record against its current values; true if any is new.
    fn settle(
        &mut self,
        store: &str,
        id: &str,
        current: Option<(Map<String, Value>, &BTreeMap<String, Stamp>)>,
    ) -> bool {
        let Some(losers) = self.pool.remove(&(store.to_string(), id.to_string())) else {
            return false;
        };
        let mut any_new = false;
        for (field, entries) in losers {
            let now = current.as_ref().map(|(values, revs)| {
                (
                    values.get(&field).cloned().unwrap_or(Value::Null),
                    revs.get(&field).cloned().unwrap_or_default(),
                )
            });
            let now_canon = now.as_ref().map(|(v, _)| canonical(v));
            for (canon, e) in entries {
                if now_canon.as_ref() == Some(&canon) {
                    continue;
                }
                let (kept, kept_stamp) = now.clone().unwrap_or((e.kept, e.kept_stamp));
                let c = Conflict {
                    store: store.into(),
                    id: id.into(),
                    field: field.clone(),
                    kept,
                    kept_stamp,
                    lost: e.lost,
                    lost_stamp: e.lost_stamp,
                };
                any_new |= !self.local_keys.contains(&c.key());
                self.conflicts.push(c);
            }
        }
        any_new
    }
}

/// A record's fields as JSON, with `archived` as a field and without `meta`.
fn values<T: Record>(record: &T) -> Map<String, Value> {
    let mut map = match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    map.remove("meta");
    map.insert(
        super::revision::ARCHIVED_FIELD.into(),
        Value::Bool(record.archived()),
    );
    map
}

/// The greater of two (stamp, value) pairs, ties broken by canonical JSON.
fn wins(a: (&Stamp, &Value), b: (&Stamp, &Value)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && canonical(a.1) > canonical(b.1))
}

fn merge_record<T: Record>(l: &T, i: &T, cx: &mut Cx) -> T {
    let (lv, iv) = (values(l), values(i));
    let (lr, ir) = (l.revs(), i.revs());
    let id = l.key();
    let zero = Stamp::default();
    let mut out = Map::new();
    let mut revs = BTreeMap::new();
    let fields: BTreeSet<&String> = lv.keys().chain(iv.keys()).collect();
    for f in fields {
        let (ls, is) = (lr.get(f).unwrap_or(&zero), ir.get(f).unwrap_or(&zero));
        let (value, stamp) = match (lv.get(f), iv.get(f)) {
            (Some(a), Some(b)) if a == b => (a.clone(), ls.max(is).clone()),
            (Some(a), Some(b)) => {
                let ((w, ws), (x, xs)) = if wins((ls, a), (is, b)) {
                    ((a, ls), (b, is))
                } else {
                    ((b, is), (a, ls))
                };
                cx.add(
                    T::STORE,
                    &id,
                    f,
                    x.clone(),
                    xs.clone(),
                    w.clone(),
                    ws.clone(),
                );
                (w.clone(), ws.clone())
            }
            (Some(a), None) => (a.clone(), ls.clone()),
            (None, Some(b)) => (b.clone(), is.clone()),
            (None, None) => continue,
        };
        out.insert(f.clone(), value);
        if lr.contains_key(f) || ir.contains_key(f) {
            revs.insert(f.clone(), stamp);
        }
    }
    for (f, s) in lr.iter().chain(ir.iter()) {
        if !out.contains_key(f) {
            let best = revs.entry(f.clone()).or_insert_with(|| s.clone());
            if s > best {
                *best = s.clone();
            }
        }
    }
    let archived = out
        .remove(super::revision::ARCHIVED_FIELD)
        .unwrap_or(Value::Bool(false));
    out.insert(
        "meta".into(),
        serde_json::json!({ "id": id, "archived": archived, "revs": revs }),
    );
    match serde_json::from_value::<T>(Value::Object(out)) {
        Ok(merged) => merged,
        Err(_) => {
            // Cannot happen for two records of one type; never lose the incoming one all the same.
            let whole = serde_json::to_value(i).unwrap_or(Value::Null);
            let stamp = i.revs().values().max().cloned().unwrap_or_default();
            cx.add(
                T::STORE,
                &id,
                "*",
                whole,
                stamp,
                Value::Null,
                Stamp::default(),
            );
            l.clone()
        }
    }
}

enum Status {
    New,
    Merged { changed: bool },
    LocalOnly,
}

fn merge_store<T: Record + PartialEq>(local: &[T], incoming: &[T], cx: &mut Cx) -> Vec<T> {
    let mut theirs: HashMap<String, &T> = incoming.iter().map(|r| (r.key(), r)).collect();
    let mut out: Vec<(T, Status)> = Vec::with_capacity(local.len() + theirs.len());
    let store = T::STORE.to_string();
    for l in local {
        let key = (store.clone(), l.key());
        let other = theirs.remove(&key.1);
        if cx.erased.contains(&key) {
            continue;
        }
        match other {
            Some(i) if i == l => out.push((l.clone(), Status::Merged { changed: false })),
            Some(i) => {
                let m = merge_record(l, i, cx);
                let changed = m != *l;
                out.push((m, Status::Merged { changed }));
            }
            None => out.push((l.clone(), Status::LocalOnly)),
        }
    }
    let mut fresh: Vec<(String, &T)> = theirs.into_iter().collect();
    fresh.sort_by(|a, b| a.0.cmp(&b.0));
    for (id, i) in fresh {
        let key = (store.clone(), id);
        if cx.erased.contains(&key) {
            cx.preview.unchanged.push(key);
        } else {
            out.push((i.clone(), Status::New));
        }
    }
    let mut records = Vec::with_capacity(out.len());
    for (r, status) in out {
        let id = r.key();
        let new_conflict = cx.pool.contains_key(&(store.clone(), id.clone()))
            && cx.settle(&store, &id, Some((values(&r), r.revs())));
        let key = (store.clone(), id);
        match status {
            Status::New => cx.preview.new.push(key),
            _ if new_conflict => cx.preview.conflicting.push(key),
            Status::Merged { changed: true } => cx.preview.changed.push(key),
            Status::Merged { changed: false } => cx.preview.unchanged.push(key),
            Status::LocalOnly => {}
        }
        records.push(r);
    }
    records
}

macro_rules! merge_all {
    ($($field:ident : $ty:ty),* $(,)?) => {
        fn merge_records(local: &Records, incoming: &Records, cx: &mut Cx) -> Records {
            Records { $($field: merge_store(&local.$field, &incoming.$field, cx),)* }
        }
    };
}
with_stores!(merge_all);

fn merge_settings(
    local: &Option<Stamped<Settings>>,
    incoming: &Option<Stamped<Settings>>,
    cx: &mut Cx,
) -> Option<Stamped<Settings>> {
    let key = (SETTINGS_STORE.to_string(), SETTINGS_STORE.to_string());
    let merged = match (local, incoming) {
        (None, None) => return None,
        (Some(a), None) | (None, Some(a)) => a.clone(),
        (Some(a), Some(b)) if a.value == b.value => Stamped {
            value: a.value.clone(),
            rev: a.rev.clone().max(b.rev.clone()),
        },
        (Some(a), Some(b)) => {
            let (av, bv) = (
                serde_json::to_value(&a.value).unwrap_or_default(),
                serde_json::to_value(&b.value).unwrap_or_default(),
            );
            let (w, x, xv, wv) = if wins((&a.rev, &av), (&b.rev, &bv)) {
                (a, b, bv, av)
            } else {
                (b, a, av, bv)
            };
            cx.add(
                SETTINGS_STORE,
                SETTINGS_STORE,
                "value",
                xv,
                x.rev.clone(),
                wv,
                w.rev.clone(),
            );
            w.clone()
        }
    };
    let mut current = Map::new();
    current.insert(
        "value".into(),
        serde_json::to_value(&merged.value).unwrap_or_default(),
    );
    let revs = BTreeMap::from([("value".to_string(), merged.rev.clone())]);
    let new_conflict = cx.settle(SETTINGS_STORE, SETTINGS_STORE, Some((current, &revs)));
    if incoming.is_some() {
        match local {
            None => cx.preview.new.push(key),
            Some(_) if new_conflict => cx.preview.conflicting.push(key),
            Some(l) if *l != merged => cx.preview.changed.push(key),
            Some(_) => cx.preview.unchanged.push(key),
        }
    }
    Some(merged)
}

fn merge_parts(local: &Snapshot, incoming: Parts<'_>) -> MergeResult {
    let mut tombs: BTreeMap<RecordKey, Stamp> = BTreeMap::new();
    for t in &local.tombstones {
        let slot = tombs
            .entry((t.store.clone(), t.id.clone()))
            .or_insert_with(|| t.stamp.clone());
        *slot = slot.clone().max(t.stamp.clone());
    }
    let mut erased_now = Vec::new();
    for t in incoming.tombstones {
        let key = (t.store.clone(), t.id.clone());
        match tombs.get_mut(&key) {
            Some(s) => *s = s.clone().max(t.stamp.clone()),
            None => {
                tombs.insert(key.clone(), t.stamp.clone());
                erased_now.push(key);
            }
        }
    }
    let mut cx = Cx {
        erased: tombs.keys().cloned().collect(),
        pool: HashMap::new(),
        local_keys: local.conflicts.iter().map(Conflict::key).collect(),
        preview: Preview {
            erased: erased_now,
            ..Preview::default()
        },
        conflicts: Vec::new(),
    };
    for c in local.conflicts.iter().chain(incoming.conflicts) {
        if !cx.erased.contains(&(c.store.clone(), c.id.clone())) {
            let c = c.clone();
            cx.add(
                &c.store,
                &c.id,
                &c.field,
                c.lost,
                c.lost_stamp,
                c.kept,
                c.kept_stamp,
            );
        }
    }
    let records = merge_records(&local.records, incoming.records, &mut cx);
    let settings = merge_settings(&local.settings, incoming.settings, &mut cx);
    // Entries of records neither side holds (e.g. from a scoped file) stay as they are.
    let rest: Vec<RecordKey> = cx.pool.keys().cloned().collect();
    for (store, id) in rest {
        cx.settle(&store, &id, None);
    }
    let mut merged = Snapshot {
        records,
        settings,
        tombstones: tombs
            .into_iter()
            .map(|((store, id), stamp)| Tombstone { store, id, stamp })
            .collect(),
        conflicts: std::mem::take(&mut cx.conflicts),
    };
    merged.canonicalize();
    let conflicts = merged
        .conflicts
        .iter()
        .filter(|c| !cx.local_keys.contains(&c.key()))
        .cloned()
        .collect();
    let mut preview = cx.preview;
    for list in [
        &mut preview.new,
        &mut preview.changed,
        &mut preview.conflicting,
        &mut preview.unchanged,
        &mut preview.erased,
    ] {
        list.sort();
    }
    MergeResult {
        merged,
        preview,
        conflicts,
    }
}
