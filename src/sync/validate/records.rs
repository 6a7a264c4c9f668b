//! Checking the records of every store: shape, ids, revision stamps, types, domain rules.

use super::*;

macro_rules! check_stores {
    ($($field:ident : $ty:ty),* $(,)?) => {
        fn check_stores(c: &mut Checker, map: &Map<String, Value>) -> Option<Records> {
            $(let $field = c.store::<$ty>(map.get(<$ty as Record>::STORE));)*
            Some(Records { $($field: $field?,)* })
        }
    };
}
with_stores!(check_stores);

/// The problem serde reports for a missing field names it in backquotes.
fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

fn field_names<T: Record>(record: &T) -> HashSet<String> {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map.into_iter().map(|(k, _)| k).collect(),
        _ => HashSet::new(),
    }
}

/// Which top-level fields make `obj` fail to deserialise as `T`. serde stops at the first bad
/// field, so remove fields one at a time: the one whose removal changes the error is the culprit;
/// repeat without it to find the next. serde's English messages are compared here, and told in
/// Danish in the problems.
fn locate<T: Record>(obj: &Map<String, Value>, first: serde_json::Error) -> Vec<(Option<String>, ProblemKind)> {
    let mut cur = obj.clone();
    let mut removed: Vec<String> = Vec::new();
    let mut message = first.to_string();
    let mut out = Vec::new();
    while !cur.is_empty() {
        if let Some(name) = missing_field(&message) {
            if !removed.iter().any(|r| r == name) {
                out.push((Some(name.to_string()), ProblemKind::MissingField));
            }
            break;
        }
        let culprit = cur.keys().find(|k| {
            let mut without = cur.clone();
            without.remove(k.as_str());
            T::deserialize(&Value::Object(without)).map_err(|e| e.to_string() != message).err() != Some(false)
        });
        let Some(culprit) = culprit.cloned() else {
            out.push((None, wrong(serde_text::danish(&message))));
            break;
        };
        out.push((Some(culprit.clone()), wrong(serde_text::danish(&message))));
        cur.remove(&culprit);
        removed.push(culprit);
        match T::deserialize(&Value::Object(cur.clone())) {
            Ok(_) => break,
            Err(e) => message = e.to_string(),
        }
    }
    out
}

impl Checker {
    pub(super) fn records(&mut self, v: &Value) -> Option<Records> {
        let Value::Object(map) = v else {
            self.push(Location::field("records"), wrong("forventede et objekt med en liste pr. datatype"));
            return None;
        };
        for key in map.keys().filter(|k| !RECORD_STORES.contains(&k.as_str())) {
            self.push(Location { store: Some(key.clone()), ..Location::default() }, ProblemKind::UnknownStore);
        }
        check_stores(self, map)
    }

    fn store<T: Record>(&mut self, v: Option<&Value>) -> Option<Vec<T>> {
        let items = match v {
            None => return Some(Vec::new()),
            Some(Value::Array(items)) => items,
            Some(_) => {
                let at = Location { store: Some(T::STORE.into()), ..Location::default() };
                self.push(at, wrong("forventede en liste"));
                return None;
            }
        };
        let mut out = Vec::with_capacity(items.len());
        let mut seen = HashSet::new();
        let mut names: Option<HashSet<String>> = None;
        let mut failed: Vec<(String, Vec<String>)> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let id = item.get("meta").and_then(|m| m.get("id")).and_then(Value::as_str);
            let id_text = id.map(String::from).unwrap_or_else(|| format!("#{}", i + 1));
            let at = |field: Option<&str>| Location::record(T::STORE, &id_text, field);
            let Value::Object(obj) = item else {
                self.push(at(None), wrong("forventede et objekt"));
                continue;
            };
            if id.is_some_and(|id| !seen.insert(id)) {
                self.push(at(None), ProblemKind::DuplicateId);
            }
            let meta_ok = self.meta(obj.get("meta"), &at);
            match T::deserialize(item) {
                Ok(record) => {
                    let names = names.get_or_insert_with(|| field_names(&record));
                    for key in obj.keys().filter(|k| !names.contains(k.as_str())) {
                        self.push(at(Some(key)), ProblemKind::UnknownField);
                    }
                    // Every field must be written out: a left-out field would be read as its
                    // default and could win a merge under the stamp of the real value.
                    if obj.len() < names.len() {
                        for name in names.iter().filter(|n| !obj.contains_key(n.as_str())) {
                            self.push(at(Some(name)), ProblemKind::MissingField);
                        }
                    }
                    for e in record.validate(self.today) {
                        self.push(at(Some(e.field)), ProblemKind::Invalid(e.problem));
                    }
                    out.push(record);
                }
                Err(e) if meta_ok && !self.full() => {
                    failed.push((id_text.clone(), obj.keys().cloned().collect::<Vec<_>>()));
                    for (field, kind) in locate::<T>(obj, e) {
                        self.push(at(field.as_deref()), kind);
                    }
                }
                Err(e) if meta_ok => self.push(at(None), wrong(serde_text::danish(&e.to_string()))),
                Err(_) => {}
            }
        }
        // Unknown fields of records that did not deserialise, once a good record shows the fields.
        for (id, keys) in failed {
            for key in keys.iter().filter(|k| names.as_ref().is_some_and(|n| !n.contains(k.as_str()))) {
                self.push(Location::record(T::STORE, &id, Some(key)), ProblemKind::UnknownField);
            }
        }
        Some(out)
    }

    /// `meta: {id, archived, revs, bases}`; true when it is sound. `bases` holds stamps like `revs`.
    fn meta(&mut self, meta: Option<&Value>, at: &dyn Fn(Option<&str>) -> Location) -> bool {
        let before = self.problems.len() + self.more;
        match meta {
            None => self.push(at(Some("meta")), ProblemKind::MissingField),
            Some(Value::Object(m)) => {
                for key in m.keys().filter(|k| !["id", "archived", "revs", "bases"].contains(&k.as_str())) {
                    self.push(at(Some(&format!("meta.{key}"))), ProblemKind::UnknownField);
                }
                match m.get("id") {
                    None => self.push(at(Some("meta.id")), ProblemKind::MissingField),
                    Some(Value::String(s)) if canonical_uuid(s) => {}
                    Some(_) => {
                        self.push(at(Some("meta.id")), wrong("forventede et UUID (små bogstaver, med bindestreger)"))
                    }
                }
                if !matches!(m.get("archived"), None | Some(Value::Bool(_))) {
                    self.push(at(Some("meta.archived")), wrong("forventede sand eller falsk"));
                }
                for key in ["revs", "bases"] {
                    match m.get(key) {
                        None => {}
                        Some(Value::Object(stamps)) => {
                            for (field, stamp) in stamps {
                                if let Err(kind) = self.stamp(stamp) {
                                    self.push(at(Some(&format!("meta.{key}.{field}"))), kind);
                                }
                            }
                        }
                        Some(_) => self.push(at(Some(&format!("meta.{key}"))), wrong("forventede et objekt")),
                    }
                }
            }
            Some(_) => self.push(at(Some("meta")), wrong("forventede et objekt")),
        }
        self.problems.len() + self.more == before
    }
}
