//! The file's lists besides the records: tombstones and conflict entries, each checked on its
//! own, and their consistency with each other and the records.

use super::*;

impl Checker {
    pub(super) fn list<T>(
        &mut self,
        v: Option<&Value>,
        name: &str,
        one: fn(&mut Self, &Value, usize) -> Option<T>,
    ) -> Option<Vec<T>> {
        match v {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(Value::Array(items)) => {
                let out: Vec<Option<T>> = items.iter().enumerate().map(|(i, item)| one(self, item, i)).collect();
                out.into_iter().collect()
            }
            Some(_) => {
                self.push(Location::field(name), wrong("forventede en liste"));
                None
            }
        }
    }

    fn entry_location(store: &str, item: &Value, i: usize) -> Location {
        let id = item.get("id").and_then(Value::as_str).map(String::from).unwrap_or_else(|| format!("#{}", i + 1));
        Location::record(store, &id, None)
    }

    pub(super) fn tombstone(&mut self, item: &Value, i: usize) -> Option<Tombstone> {
        let at = Self::entry_location("tombstones", item, i);
        let t: Tombstone = self.typed_at(item, at.clone())?;
        let ok_store = RECORD_STORES.contains(&t.store.as_str());
        if !ok_store {
            self.push(Location { field: Some("store".into()), ..at.clone() }, ProblemKind::UnknownStore);
        }
        if uuid::Uuid::parse_str(&t.id).is_err() {
            self.push(Location { field: Some("id".into()), ..at.clone() }, wrong("forventede et UUID"));
        }
        if let Err(kind) = item.get("stamp").map(|s| self.stamp(s)).unwrap_or(Ok(Stamp::default())) {
            self.push(Location { field: Some("stamp".into()), ..at }, kind);
        }
        Some(t)
    }

    pub(super) fn conflict(&mut self, item: &Value, i: usize) -> Option<Conflict> {
        let at = Self::entry_location("conflicts", item, i);
        let c: Conflict = self.typed_at(item, at.clone())?;
        if c.store != SETTINGS_STORE && !RECORD_STORES.contains(&c.store.as_str()) {
            self.push(Location { field: Some("store".into()), ..at.clone() }, ProblemKind::UnknownStore);
        }
        for f in ["kept_stamp", "lost_stamp"] {
            if let Some(Err(kind)) = item.get(f).map(|s| self.stamp(s)) {
                self.push(Location { field: Some(f.into()), ..at.clone() }, kind);
            }
        }
        for (f, v) in [("kept", &c.kept), ("lost", &c.lost)] {
            if holds_cpr(v) {
                self.push(
                    Location { field: Some(f.into()), ..at.clone() },
                    ProblemKind::Invalid(Problem::LooksLikeCpr),
                );
            }
        }
        Some(c)
    }

    /// Tombstones and conflicts: no duplicates, and no erased record still in the file.
    pub(super) fn consistency(&mut self, doc: &ExportDoc) {
        let mut seen = HashSet::new();
        for t in &doc.tombstones {
            if !seen.insert((t.store.as_str(), t.id.as_str())) {
                self.push(Location::record("tombstones", &t.id, None), ProblemKind::DuplicateId);
            }
        }
        let present = if doc.tombstones.is_empty() { HashSet::new() } else { doc.records.ids() };
        for t in &doc.tombstones {
            if present.contains(&(t.store.clone(), t.id.clone())) {
                self.push(Location::record(&t.store, &t.id, None), ProblemKind::ErasedButPresent);
            }
        }
        let mut keys = HashSet::new();
        for c in &doc.conflicts {
            if !keys.insert(c.key()) {
                self.push(Location::record(&c.store, &c.id, Some(&c.field)), ProblemKind::DuplicateId);
            }
        }
    }
}
