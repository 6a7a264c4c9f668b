//! Upgrading files of older schema versions to the current one, one version at a time.
//!
//! Each released version `n` gets a step `n → n+1` in [`STEPS`] (a pure function on the JSON
//! value) when version `n+1` is released, and a golden file `tests/golden/export-vN-*.json` that
//! the tests import for ever after. Steps so far:
//!
//! - **1 → 2** ([`v1_to_v2`]): every record's `meta` gets `bases: {}` (version 2 records, per
//!   field, the stamp of the value a write replaced; a v1 file knows none, so its overwrites all
//!   count as concurrent in the merge, as they did under version 1).
//!
//! A file newer than this build is refused (it may hold fields this build would drop), and so is
//! version 0 or a missing version.

use super::format::{FORMAT, SCHEMA_VERSION};
use super::validate::{ImportProblem, Location, ProblemKind};
use serde_json::Value;

/// Upgrades a document from one version to the next.
pub type Step = fn(Value) -> Result<Value, Box<ImportProblem>>;

/// `STEPS[i]` upgrades version `i + 1` to `i + 2`.
pub const STEPS: &[Step] = &[v1_to_v2];

/// Version 1 → 2: add an empty `bases` to the `meta` of every record (kept if already there).
/// Anything that is not shaped like a record is left for the validator to report.
pub fn v1_to_v2(mut value: Value) -> Result<Value, Box<ImportProblem>> {
    if let Some(Value::Object(stores)) = value.get_mut("records") {
        for records in stores.values_mut() {
            let Value::Array(records) = records else {
                continue;
            };
            for record in records {
                if let Some(Value::Object(meta)) = record.get_mut("meta") {
                    meta.entry("bases").or_insert_with(|| Value::Object(Default::default()));
                }
            }
        }
    }
    Ok(value)
}

const _: () = assert!(STEPS.len() + 1 == SCHEMA_VERSION as usize, "one step per released version");

/// Upgrade `value` to [`SCHEMA_VERSION`], or say why it cannot be read.
pub fn migrate(value: Value) -> Result<Value, Box<ImportProblem>> {
    migrate_with(value, STEPS)
}

/// Upgrade with an explicit chain: version `steps.len() + 1` is the current one.
pub fn migrate_with(mut value: Value, steps: &[Step]) -> Result<Value, Box<ImportProblem>> {
    let current = steps.len() as u64 + 1;
    let top = |field: &str, kind| Box::new(ImportProblem { location: Location::field(field), kind });
    let Value::Object(map) = &value else {
        return Err(Box::new(ImportProblem { location: Location::default(), kind: ProblemKind::WrongFormat }));
    };
    if map.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(top("format", ProblemKind::WrongFormat));
    }
    let mut version = match map.get("schema_version") {
        None => return Err(top("schema_version", ProblemKind::MissingField)),
        Some(v) => match v.as_u64() {
            Some(n) if (1..=current).contains(&n) => n,
            Some(n) => {
                return Err(top("schema_version", ProblemKind::UnsupportedVersion { found: n, supported: current }))
            }
            None => {
                return Err(top("schema_version", ProblemKind::WrongType { message: "forventede et heltal".into() }))
            }
        },
    };
    while version < current {
        value = steps[version as usize - 1](value)?;
        version += 1;
        if let Value::Object(map) = &mut value {
            map.insert("schema_version".into(), Value::from(version));
        }
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn v1() -> Value {
        json!({"format": FORMAT, "schema_version": 1, "municipality": "X", "records": {}})
    }

    /// A pretend v2 that renamed `municipality` to `kommune`, and a v3 that made it upper case.
    fn to_v2(mut v: Value) -> Result<Value, Box<ImportProblem>> {
        let m = v.as_object_mut().and_then(|m| m.remove("municipality")).unwrap_or(Value::Null);
        v["kommune"] = m;
        Ok(v)
    }
    fn to_v3(mut v: Value) -> Result<Value, Box<ImportProblem>> {
        let k = v["kommune"].as_str().unwrap_or_default().to_uppercase();
        v["kommune"] = Value::from(k);
        Ok(v)
    }

    #[test]
    fn current_version_passes_unchanged() {
        let mut v2 = v1();
        v2["schema_version"] = 2.into();
        assert_eq!(migrate(v2.clone()).unwrap(), v2);
    }

    #[test]
    fn v1_records_get_empty_bases() {
        let mut v = v1();
        v["records"] = json!({
            "districts": [{"meta": {"id": "x", "revs": {}}, "name": "N"}],
            "cases": [{"meta": {"id": "y", "bases": {"note": {"t": 1, "c": 0, "d": "d"}}}}, 7],
        });
        let out = migrate(v).unwrap();
        assert_eq!(out["schema_version"], 2);
        assert_eq!(out["records"]["districts"][0]["meta"]["bases"], json!({}));
        assert_eq!(out["records"]["districts"][0]["meta"]["revs"], json!({}));
        assert_eq!(out["records"]["cases"][0]["meta"]["bases"]["note"]["t"], 1);
        assert_eq!(out["records"]["cases"][1], 7, "left for the validator");
    }

    #[test]
    fn steps_run_in_order_and_set_the_version() {
        let out = migrate_with(v1(), &[to_v2, to_v3]).unwrap();
        assert_eq!(out["schema_version"], 3);
        assert_eq!(out["kommune"], "X");
        let mut v2 = to_v2(v1()).unwrap();
        v2["schema_version"] = 2.into();
        assert_eq!(migrate_with(v2, &[to_v2, to_v3]).unwrap(), out);
    }

    #[test]
    fn newer_older_and_foreign_files_are_refused() {
        let mut newer = v1();
        newer["schema_version"] = 3.into();
        assert_eq!(migrate(newer).unwrap_err().kind, ProblemKind::UnsupportedVersion { found: 3, supported: 2 });
        let mut zero = v1();
        zero["schema_version"] = 0.into();
        assert!(matches!(migrate(zero).unwrap_err().kind, ProblemKind::UnsupportedVersion { found: 0, .. }));
        let mut other = v1();
        other["format"] = "something-else".into();
        assert_eq!(migrate(other).unwrap_err().kind, ProblemKind::WrongFormat);
        assert_eq!(migrate(json!([1, 2])).unwrap_err().kind, ProblemKind::WrongFormat);
        let mut missing = v1();
        missing.as_object_mut().unwrap().remove("schema_version");
        assert_eq!(migrate(missing).unwrap_err().kind, ProblemKind::MissingField);
    }
}
