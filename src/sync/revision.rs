//! Stamping local edits: every top-level field that changed gets the writer's new stamp.
//! This per-field revision is what lets a later merge keep concurrent edits to different
//! fields of the same record. Each changed field also records, in `meta.bases`, the stamp of the
//! value the write replaced, so a merge can tell a sequential overwrite (the writer had seen the
//! other value) from a concurrent one (see [`crate::sync::merge`]).

use crate::domain::{Record, Stamp};
use serde_json::Value;

/// Field name under which a record's archived flag is versioned.
pub const ARCHIVED_FIELD: &str = "archived";

/// Give `new` the stamps and bases of `old` and stamp every field that differs (all fields when
/// `old` is `None`, i.e. a new record). A changed field's base becomes the stamp of the value it
/// replaces (the greater of `old`'s stamp and base for it, which is the stamp for any sound
/// record, or [`Stamp::default`] for a field nobody stamped); in a new record there is none. Returns the names of the
/// changed fields.
pub fn stamp_changes<R: Record>(old: Option<&R>, new: &mut R, stamp: &Stamp) -> Vec<String> {
    let new_fields = fields(new);
    let old_fields = old.map(fields);
    if let Some(old) = old {
        *new.revs_mut() = old.revs().clone();
        *new.bases_mut() = old.bases().clone();
    }
    let mut changed = Vec::new();
    for (name, value) in &new_fields {
        let before = old_fields.as_ref().and_then(|f| f.iter().find(|(n, _)| n == name)).map(|(_, v)| v);
        if before != Some(value) {
            changed.push(name.clone());
        }
    }
    if old.is_none_or(|o| o.archived() != new.archived()) {
        changed.push(ARCHIVED_FIELD.to_string());
    }
    for name in &changed {
        // A field of an existing record that no one stamped holds the defaults' value.
        let replaced = old.map(|o| o.revs().get(name).max(o.bases().get(name)).cloned().unwrap_or_default());
        match replaced {
            Some(base) => new.bases_mut().insert(name.clone(), base),
            None => new.bases_mut().remove(name),
        };
        new.revs_mut().insert(name.clone(), stamp.clone());
    }
    changed
}

/// The record's top-level fields except `meta`, as JSON.
pub fn fields<R: Record>(record: &R) -> Vec<(String, Value)> {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map.into_iter().filter(|(k, _)| k != "meta").collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DeviceId, District, DistrictId, RecordMeta};

    fn stamp(t: u64) -> Stamp {
        Stamp { t, c: 0, d: DeviceId("dev".into()) }
    }

    #[test]
    fn a_new_record_stamps_every_field() {
        let mut d = District { meta: RecordMeta::new(DistrictId::new()), name: "Nord".into(), neighbours: vec![] };
        let changed = stamp_changes(None, &mut d, &stamp(1));
        assert_eq!(changed, ["name", "neighbours", "archived"]);
        assert_eq!(d.meta.revs.len(), 3);
    }

    #[test]
    fn an_edit_stamps_only_the_changed_field() {
        let mut old = District { meta: RecordMeta::new(DistrictId::new()), name: "Nord".into(), neighbours: vec![] };
        stamp_changes(None, &mut old, &stamp(1));
        let mut new = District { name: "Nordvest".into(), ..old.clone() };
        assert_eq!(stamp_changes(Some(&old), &mut new, &stamp(2)), ["name"]);
        assert_eq!(new.meta.revs["name"], stamp(2));
        assert_eq!(new.meta.revs["neighbours"], stamp(1));
        assert_eq!(new.meta.bases["name"], stamp(1), "the replaced value's stamp");
        assert!(!new.meta.bases.contains_key("neighbours"));
        let mut newer = District { name: "Nordvest 2".into(), ..new.clone() };
        stamp_changes(Some(&new), &mut newer, &stamp(3));
        assert_eq!(newer.meta.bases["name"], stamp(2));
        assert_eq!(newer.meta.revs["name"], stamp(3));
    }

    #[test]
    fn a_new_record_has_no_bases() {
        let mut d = District { meta: RecordMeta::new(DistrictId::new()), name: "Nord".into(), neighbours: vec![] };
        d.meta.bases.insert("name".into(), stamp(9));
        stamp_changes(None, &mut d, &stamp(10));
        assert!(d.meta.bases.is_empty());
    }
}
