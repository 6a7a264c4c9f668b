//! Merging an imported file into the device's data.
//!
//! # Rules
//!
//! 1. **Per field.** Records are matched by (store, id). For every top-level field (and
//!    `archived`) the value with the greater stamp wins. Stamps are hybrid-logical-clock
//!    readings ordered by (time, counter, device), so the device id is the final tie-break and
//!    every device picks the same winner. A field without a stamp (a file from before stamps)
//!    has the stamp of the built-in defaults ([`Stamp::default`]: time 0, device `standard`),
//!    which every device seeds its defaults with, so an edit always beats a default; two different values under one equal stamp (only in damaged or hand-made files) are
//!    ordered by their canonical JSON text, so even then the choice is the same everywhere.
//! 2. **Edits on one side** (one side lacks the record, or holds the same value) simply apply;
//!    equal values keep the greater stamp.
//! 3. **Conflicts: only concurrent overwrites.** Besides its stamp (`meta.revs`), every field has
//!    a *base* (`meta.bases`): the stamp of the value its write replaced
//!    ([`stamp_changes`](super::revision::stamp_changes)), and after a merge the greater of the two
//!    sides' bases, whichever value won. When both sides hold the field with *different values*,
//!    the loser L is compared with the merged base B of that field (a field without a base has
//!    the defaults' stamp as base: every device has seen the defaults, so a default that loses
//!    is never a conflict):
//!    - `B >= L.stamp`: a writer of this field had seen L's value, or a newer one, and replaced
//!      it: a *sequential* overwrite. L is superseded and **no** conflict entry is made. (With
//!      sound stamps, every base is below its own stamp, so this is exactly "the winner's base
//!      `>=` the loser's stamp" for the two records being merged.)
//!    - otherwise the write was *concurrent*: L is never dropped; it goes to the conflict list as
//!      `{store, id, field, kept, kept_stamp, lost, lost_stamp}`.
//!
//!    The merged record carries the winner's value and stamp and the greater base. Taking the
//!    greater base (not the winner's) is what keeps the rules order-independent: if A replaced x
//!    by y and y then lost to a concurrent z, the merged base still says x was superseded, so x
//!    never appears, whether this device first saw x against y or against z.
//! 4. **The conflict list merges too.** An entry's identity is (store, id, field, lost value); a
//!    value lost several times keeps its newest stamp; entries whose value is the current winner
//!    disappear (nothing is lost any more), and so do entries whose `lost_stamp` is not greater
//!    than the field's current base (superseded, as in rule 3; e.g. after a user edited the field
//!    having seen the winner, the older losing value goes at the next merge). `kept` always shows
//!    the current winner. Both sides' lists are part of the merge, and exports carry the list.
//!    Per field the state is a join-semilattice: the map value → newest stamp (winner and losers)
//!    joined by the greater stamp, and the base joined by the greater stamp; the record and the
//!    list show the winner and the values whose newest stamp is above the base. That filter only
//!    drops values that can never win or come back (the base only grows, and is below the
//!    winner's stamp), which is why merging is commutative, associative and idempotent, conflicts
//!    included, and why importing a file twice adds nothing.
//! 5. **Archiving** is an ordinary field (`archived`) and merges like any other.
//! 6. **Erasure** (GDPR) is a tombstone `{store, id, stamp}`. It wins over any edit of that record
//!    whatever the stamps: the record and its conflict entries are removed from the result, and an
//!    incoming copy of an erased record is ignored. Tombstones are kept for ever (union).
//! 7. **Settings** merge as a whole: the greater `rev` wins; a different losing value is kept in
//!    the conflict list under store `settings`, id `settings`, field `value` (unless it is the
//!    untouched defaults, as in rule 3).
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
        self.new.is_empty() && self.changed.is_empty() && self.conflicting.is_empty() && self.erased.is_empty()
    }
}

/// What an import does to the device's data: only what changes, so applying it writes (and
/// undo keeps) just that; [`MergeResult::merged`] gives the whole merged data.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeResult {
    /// The records the import adds or changes, as merged (per store, sorted by id).
    pub changes: Records,
    /// The device's records that erasures remove.
    pub removed: Vec<RecordKey>,
    /// The settings, tombstones and whole conflict list after the merge.
    pub settings: Option<Stamped<Settings>>,
    pub tombstones: Vec<Tombstone>,
    pub conflict_list: Vec<Conflict>,
    pub preview: Preview,
    /// The conflict entries this import adds.
    pub conflicts: Vec<Conflict>,
}

impl MergeResult {
    /// The device's data after the import: `local` (what was merged into) with the changes.
    pub fn merged(&self, local: &Snapshot) -> Snapshot {
        self.clone().apply(local.clone())
    }

    /// [`Self::merged`], taking both.
    pub fn apply(self, local: Snapshot) -> Snapshot {
        let removed: HashSet<(&str, &str)> = self.removed.iter().map(|(s, i)| (s.as_str(), i.as_str())).collect();
        fn one<T: Record>(list: &mut Vec<T>, changes: Vec<T>, removed: &HashSet<(&str, &str)>) {
            let changed: HashSet<String> = changes.iter().map(Record::key).collect();
            list.retain(|r| {
                let key = r.key();
                !changed.contains(&key) && !removed.contains(&(T::STORE, key.as_str()))
            });
            list.extend(changes);
        }
        let (mut records, changes) = (local.records, self.changes);
        macro_rules! each {
            ($($field:ident : $ty:ty),* $(,)?) => {
                $(one(&mut records.$field, changes.$field, &removed);)*
            };
        }
        with_stores!(each);
        let mut merged =
            Snapshot { records, settings: self.settings, tombstones: self.tombstones, conflicts: self.conflict_list };
        merged.canonicalize();
        merged
    }
}

/// Merge an imported document into the local snapshot (see the module doc for the rules).
pub fn merge(local: &Snapshot, incoming: &ExportDoc) -> MergeResult {
    let parts = Parts::new(&incoming.records, &incoming.settings, &incoming.tombstones, &incoming.conflicts);
    merge_parts(local, parts)
}

/// Merge two snapshots (the same rules; `incoming` plays the file).
pub fn merge_snapshots(local: &Snapshot, incoming: &Snapshot) -> MergeResult {
    let parts = Parts::new(&incoming.records, &incoming.settings, &incoming.tombstones, &incoming.conflicts);
    merge_parts(local, parts)
}

/// Two versions of one record by the same rules, e.g. a save from a tab whose copy is older
/// than the stored record (another tab saved it since): the merged record, and the device's
/// conflict list with this record's entries settled against it (the others as they were).
pub fn merge_versions<T: Record>(stored: &T, edited: &T, conflicts: &[Conflict]) -> (T, Vec<Conflict>) {
    let id = stored.key();
    let mut cx = Cx::default();
    let mut list = Vec::new();
    for c in conflicts {
        if c.store == T::STORE && c.id == id {
            cx.add(c.clone());
        } else {
            list.push(c.clone());
        }
    }
    let merged = merge_record(stored, edited, &mut cx);
    cx.settle(T::STORE, &id, Some((values(&merged), merged.revs(), merged.bases())));
    list.append(&mut cx.conflicts);
    list.sort_by_cached_key(Conflict::key);
    (merged, list)
}

struct Parts<'a> {
    records: &'a Records,
    settings: &'a Option<Stamped<Settings>>,
    tombstones: &'a [Tombstone],
    conflicts: &'a [Conflict],
}

impl<'a> Parts<'a> {
    fn new(
        records: &'a Records,
        settings: &'a Option<Stamped<Settings>>,
        tombstones: &'a [Tombstone],
        conflicts: &'a [Conflict],
    ) -> Self {
        Self { records, settings, tombstones, conflicts }
    }
}

mod store;
use store::*;

fn merge_settings(
    local: &Option<Stamped<Settings>>,
    incoming: &Option<Stamped<Settings>>,
    cx: &mut Cx,
) -> Option<Stamped<Settings>> {
    let key = (SETTINGS_STORE.to_string(), SETTINGS_STORE.to_string());
    let merged = match (local, incoming) {
        (None, None) => return None,
        (Some(a), None) | (None, Some(a)) => a.clone(),
        (Some(a), Some(b)) if a.value == b.value => {
            Stamped { value: a.value.clone(), rev: a.rev.clone().max(b.rev.clone()) }
        }
        (Some(a), Some(b)) => {
            let (av, bv) = (
                serde_json::to_value(&a.value).unwrap_or_default(),
                serde_json::to_value(&b.value).unwrap_or_default(),
            );
            let (w, x, xv, wv) = if wins((&a.rev, &av), (&b.rev, &bv)) { (a, b, bv, av) } else { (b, a, av, bv) };
            cx.add(Conflict {
                store: SETTINGS_STORE.into(),
                id: SETTINGS_STORE.into(),
                field: "value".into(),
                kept: wv,
                kept_stamp: w.rev.clone(),
                lost: xv,
                lost_stamp: x.rev.clone(),
            });
            w.clone()
        }
    };
    let mut current = Map::new();
    current.insert("value".into(), serde_json::to_value(&merged.value).unwrap_or_default());
    let revs = BTreeMap::from([("value".to_string(), merged.rev.clone())]);
    // Settings carry no bases: a losing settings value is kept unless it is the defaults.
    let new_conflict = cx.settle(SETTINGS_STORE, SETTINGS_STORE, Some((current, &revs, &BTreeMap::new())));
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
        let slot = tombs.entry((t.store.clone(), t.id.clone())).or_insert_with(|| t.stamp.clone());
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
        local_keys: local.conflicts.iter().map(Conflict::key).collect(),
        preview: Preview { erased: erased_now, ..Preview::default() },
        ..Cx::default()
    };
    for c in local.conflicts.iter().chain(incoming.conflicts) {
        if !cx.erased.contains(&(c.store.clone(), c.id.clone())) {
            cx.add(c.clone());
        }
    }
    let changes = merge_records(&local.records, incoming.records, &mut cx);
    let settings = merge_settings(&local.settings, incoming.settings, &mut cx);
    // Entries of records neither side holds (e.g. from a scoped file) stay as they are.
    let rest: Vec<RecordKey> = cx.pool.keys().cloned().collect();
    for (store, id) in rest {
        cx.settle(&store, &id, None);
    }
    let mut conflict_list = std::mem::take(&mut cx.conflicts);
    conflict_list.sort_by_cached_key(Conflict::key);
    let conflicts = conflict_list.iter().filter(|c| !cx.local_keys.contains(&c.key())).cloned().collect();
    let mut preview = cx.preview;
    for list in
        [&mut preview.new, &mut preview.changed, &mut preview.conflicting, &mut preview.unchanged, &mut preview.erased]
    {
        list.sort();
    }
    cx.removed.sort();
    MergeResult {
        changes,
        removed: cx.removed,
        settings,
        tombstones: tombs.into_iter().map(|((store, id), stamp)| Tombstone { store, id, stamp }).collect(),
        conflict_list,
        preview,
        conflicts,
    }
}
