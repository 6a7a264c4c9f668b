//! Merging one store: per-field winners, the pool of losing values, and the preview status.

use super::*;

/// A losing value and the winner it lost to.
pub(super) struct Entry {
    lost: Value,
    lost_stamp: Stamp,
    kept: Value,
    kept_stamp: Stamp,
}

/// Losers per record, per field, per canonical lost value.
pub(super) type Losers = BTreeMap<String, BTreeMap<String, Entry>>;

/// A record as it is now: its fields' values, their stamps and their bases.
pub(super) type Current<'a> = (Map<String, Value>, &'a BTreeMap<String, Stamp>, &'a BTreeMap<String, Stamp>);

#[derive(Default)]
pub(super) struct Cx {
    pub(super) erased: HashSet<RecordKey>,
    pub(super) pool: HashMap<RecordKey, Losers>,
    pub(super) local_keys: HashSet<(String, String, String, String)>,
    pub(super) preview: Preview,
    pub(super) conflicts: Vec<Conflict>,
    /// Records of the device that erasures remove.
    pub(super) removed: Vec<RecordKey>,
}

impl Cx {
    /// Pool a losing value (with the winner it lost to) for [`Cx::settle`].
    pub(super) fn add(&mut self, c: Conflict) {
        let Conflict { store, id, field, kept, kept_stamp, lost, lost_stamp } = c;
        let record = self.pool.entry((store, id)).or_default();
        let slot = record.entry(field).or_default();
        match slot.entry(canonical(&lost)) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(Entry { lost, lost_stamp, kept, kept_stamp });
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

    /// Emit the conflict entries of one record against its current values, stamps and bases;
    /// true if any is new. An entry is left out when its value is the current one, or when its
    /// lost stamp is not greater than the field's base (the value was overwritten sequentially).
    pub(super) fn settle(&mut self, store: &str, id: &str, current: Option<Current>) -> bool {
        let Some(losers) = self.pool.remove(&(store.to_string(), id.to_string())) else {
            return false;
        };
        let mut any_new = false;
        for (field, entries) in losers {
            let now = current.as_ref().map(|(values, revs, _)| {
                (values.get(&field).cloned().unwrap_or(Value::Null), revs.get(&field).cloned().unwrap_or_default())
            });
            let base = current.as_ref().and_then(|(_, _, bases)| bases.get(&field));
            let now_canon = now.as_ref().map(|(v, _)| canonical(v));
            for (canon, e) in entries {
                if now_canon.as_ref() == Some(&canon) || superseded(base, &e.lost_stamp) {
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
pub(super) fn values<T: Record>(record: &T) -> Map<String, Value> {
    let mut map = match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    map.remove("meta");
    map.insert(crate::sync::revision::ARCHIVED_FIELD.into(), Value::Bool(record.archived()));
    map
}

/// True when a value written at `lost` was overwritten sequentially: some writer of the field
/// had replaced a value stamped `lost` or newer (`base`). Every device has seen the built-in
/// defaults, so a field without a base has theirs, and a value nobody edited is never a conflict.
pub(super) fn superseded(base: Option<&Stamp>, lost: &Stamp) -> bool {
    match base {
        Some(base) => base >= lost,
        None => *lost <= Stamp::default(),
    }
}

/// The greater of two (stamp, value) pairs, ties broken by canonical JSON.
pub(super) fn wins(a: (&Stamp, &Value), b: (&Stamp, &Value)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && canonical(a.1) > canonical(b.1))
}

pub(super) fn merge_record<T: Record>(l: &T, i: &T, cx: &mut Cx) -> T {
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
                let ((w, ws), (x, xs)) = if wins((ls, a), (is, b)) { ((a, ls), (b, is)) } else { ((b, is), (a, ls)) };
                cx.add(Conflict {
                    store: T::STORE.into(),
                    id: id.clone(),
                    field: f.clone(),
                    kept: w.clone(),
                    kept_stamp: ws.clone(),
                    lost: x.clone(),
                    lost_stamp: xs.clone(),
                });
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
    // Bases merge by the greater stamp, whichever value wins: the greatest base is what makes
    // the outcome independent of the order of merges (see rule 3 in the module doc).
    let mut bases = l.bases().clone();
    for (f, b) in i.bases() {
        let slot = bases.entry(f.clone()).or_insert_with(|| b.clone());
        if b > slot {
            *slot = b.clone();
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
    let archived = out.remove(crate::sync::revision::ARCHIVED_FIELD).unwrap_or(Value::Bool(false));
    out.insert("meta".into(), serde_json::json!({ "id": id, "archived": archived, "revs": revs, "bases": bases }));
    match serde_json::from_value::<T>(Value::Object(out)) {
        Ok(merged) => merged,
        Err(_) => {
            // Cannot happen for two records of one type; never lose the incoming one all the same.
            let whole = serde_json::to_value(i).unwrap_or(Value::Null);
            let stamp = i.revs().values().max().cloned().unwrap_or_default();
            cx.add(Conflict {
                store: T::STORE.into(),
                id: id.clone(),
                field: "*".into(),
                kept: Value::Null,
                kept_stamp: Stamp::default(),
                lost: whole,
                lost_stamp: stamp,
            });
            l.clone()
        }
    }
}

enum Status {
    New,
    Merged { changed: bool },
    LocalOnly,
}

/// Merge one store. Returns the records the import adds or changes (merged, sorted by id);
/// records of the device that are erased go to `cx.removed`, and every record of the file to
/// the preview.
pub(super) fn merge_store<T: Record + PartialEq>(local: &[T], incoming: &[T], cx: &mut Cx) -> Vec<T> {
    let mut theirs: HashMap<String, &T> = incoming.iter().map(|r| (r.key(), r)).collect();
    let mut changes = Vec::new();
    for l in local {
        let key = (T::STORE.to_string(), l.key());
        let other = theirs.remove(&key.1);
        if cx.erased.contains(&key) {
            cx.removed.push(key);
            continue;
        }
        let (merged, status) = match other {
            None => (None, Status::LocalOnly),
            Some(i) if i == l => (None, Status::Merged { changed: false }),
            Some(i) => {
                let m = merge_record(l, i, cx);
                let changed = m != *l;
                (changed.then_some(m), Status::Merged { changed })
            }
        };
        cx.note(key, merged.as_ref().unwrap_or(l), status);
        changes.extend(merged);
    }
    let mut fresh: Vec<(String, &T)> = theirs.into_iter().collect();
    fresh.sort_by(|a, b| a.0.cmp(&b.0));
    for (id, i) in fresh {
        let key = (T::STORE.to_string(), id);
        if cx.erased.contains(&key) {
            cx.preview.unchanged.push(key);
        } else {
            cx.note(key, i, Status::New);
            changes.push(i.clone());
        }
    }
    changes.sort_by_cached_key(|r| r.key());
    changes
}

impl Cx {
    /// Settle the pooled losers of a record against its merged state and sort it into the preview.
    fn note<T: Record>(&mut self, key: RecordKey, r: &T, status: Status) {
        let new_conflict =
            self.pool.contains_key(&key) && self.settle(&key.0, &key.1, Some((values(r), r.revs(), r.bases())));
        match status {
            Status::New => self.preview.new.push(key),
            _ if new_conflict => self.preview.conflicting.push(key),
            Status::Merged { changed: true } => self.preview.changed.push(key),
            Status::Merged { changed: false } => self.preview.unchanged.push(key),
            Status::LocalOnly => {}
        }
    }
}

macro_rules! merge_all {
    ($($field:ident : $ty:ty),* $(,)?) => {
        pub(super) fn merge_records(local: &Records, incoming: &Records, cx: &mut Cx) -> Records {
            Records { $($field: merge_store(&local.$field, &incoming.$field, cx),)* }
        }
    };
}
with_stores!(merge_all);
