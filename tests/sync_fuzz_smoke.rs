//! Robustness of the import path without a fuzzer: random bytes, byte-level mutations of a
//! valid export (bit flips, truncations, insertions, splices) and JSON-level mutations (any value
//! replaced by a hostile one). parse_and_validate must never panic; an invalid file must yield
//! problems; an accepted file must re-export to the same document and merge idempotently.
//! The same checks are the cargo-fuzz target `fuzz/fuzz_targets/import.rs`.

use chrono::{DateTime, NaiveDate, Utc};
use fordeling::domain::*;
use fordeling::sync::format::{export, Scope, Snapshot, Stamped};
use fordeling::sync::merge::merge;
use fordeling::sync::revision::stamp_changes;
use fordeling::sync::validate::parse_and_validate;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// What the fuzz target checks, for one input.
fn check(data: &[u8]) -> Result<bool, TestCaseError> {
    match parse_and_validate(data, today(), &|_, _| false) {
        Ok(doc) => {
            let again = parse_and_validate(&doc.to_json(), today(), &|_, _| false);
            prop_assert_eq!(again.as_ref().ok(), Some(&doc));
            let merged = merge(&Snapshot::default(), &doc);
            prop_assert!(merge(&merged.merged(&Snapshot::default()), &doc).preview.is_noop());
            Ok(true)
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                let _ = p.to_string();
            }
            Ok(false)
        }
    }
}

fn valid() -> &'static Vec<u8> {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let w = fordeling::sample::workspace(4, 5, today());
        let stamp = Stamp { t: 1_790_000_000_000, c: 0, d: DeviceId("fuzz".into()) };
        let mut s = Snapshot::default();
        macro_rules! stamped {
            ($v:expr) => {
                $v.into_iter()
                    .map(|mut r| {
                        stamp_changes(None, &mut r, &stamp);
                        r
                    })
                    .collect()
            };
        }
        s.records.districts = stamped!(w.districts);
        s.records.schools = stamped!(w.schools);
        s.records.concerns = stamped!(w.concerns);
        s.records.legal_bases = stamped!(w.legal_bases);
        s.records.providers = stamped!(w.providers);
        s.records.persons = stamped!(w.persons);
        s.records.youths = stamped!(w.youths);
        s.records.cases = stamped!(w.cases);
        s.settings = Some(Stamped { value: Settings::default(), rev: stamp.clone() });
        let now = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).unwrap();
        let bytes = export(&s, &Scope::Full, &DeviceId("fuzz".into()), now).to_json();
        assert!(parse_and_validate(&bytes, today(), &|_, _| false).is_ok(), "the seed is valid");
        bytes
    })
}

#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Truncate { at: usize },
    Insert { at: usize, byte: u8 },
    Splice { at: usize, len: usize, text: &'static str },
}

const TOKENS: [&str; 12] = [
    "null",
    "-1",
    "1e999",
    "\"\"",
    "[]",
    "{}",
    "18446744073709551616",
    "\"\\ud800\"",
    "true",
    "{\"t\":",
    ",",
    "\"0102031234\"",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0..8u8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Insert { at, byte }),
        (any::<usize>(), 0..12usize, prop::sample::select(&TOKENS[..])).prop_map(|(at, len, text)| Mutation::Splice {
            at,
            len,
            text
        }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let n = bytes.len().max(1);
    match *m {
        Mutation::Flip { at, bit } => {
            if let Some(b) = bytes.get_mut(at % n) {
                *b ^= 1 << bit
            }
        }
        Mutation::Truncate { at } => bytes.truncate(at % n),
        Mutation::Insert { at, byte } => bytes.insert((at % n).min(bytes.len()), byte),
        Mutation::Splice { at, len, text } => {
            let start = (at % n).min(bytes.len());
            let end = (start + len).min(bytes.len());
            bytes.splice(start..end, text.bytes());
        }
    }
}

/// A hostile JSON value.
fn hostile() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(-1)),
        Just(json!(u64::MAX)),
        Just(json!(1.5e300)),
        Just(json!("")),
        Just(json!("x".repeat(5000))),
        Just(json!("010203-1234")),
        Just(json!([])),
        Just(json!({})),
        Just(json!({"t": u64::MAX, "c": u32::MAX, "d": "z"})),
        Just(json!("00000000-0000-0000-0000-000000000000")),
        Just(serde_json::from_str::<Value>(&format!("{}1{}", "[".repeat(100), "]".repeat(100))).unwrap()),
        any::<i64>().prop_map(Value::from),
        "[a-zA-Z0-9 æøå-]{0,12}".prop_map(Value::from),
    ]
}

/// Replace the value at a pseudo-random position in the tree (choosing by `path` indices).
fn replace_somewhere(v: &mut Value, path: &[usize], with: Value) {
    let Some((&i, rest)) = path.split_first() else {
        *v = with;
        return;
    };
    match v {
        Value::Object(m) if !m.is_empty() => {
            let k = m.keys().nth(i % m.len()).cloned().unwrap();
            replace_somewhere(m.get_mut(&k).unwrap(), rest, with)
        }
        Value::Array(a) if !a.is_empty() => {
            let n = a.len();
            replace_somewhere(&mut a[i % n], rest, with)
        }
        _ => *v = with,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_are_refused_without_panic(data in prop::collection::vec(any::<u8>(), 0..512)) {
        prop_assert!(!check(&data)?, "random bytes are no export");
    }

    #[test]
    fn mutated_exports_never_panic(ms in prop::collection::vec(mutation(), 1..4)) {
        let mut bytes = valid().clone();
        for m in &ms {
            apply(&mut bytes, m);
        }
        check(&bytes)?;
    }

    #[test]
    fn hostile_values_anywhere_never_panic(path in prop::collection::vec(any::<usize>(), 1..7), with in hostile()) {
        let mut v: Value = serde_json::from_slice(valid()).unwrap();
        replace_somewhere(&mut v, &path, with);
        check(&serde_json::to_vec(&v).unwrap())?;
    }
}

#[test]
fn oversized_and_deep_inputs_are_refused() {
    let big = vec![b' '; fordeling::sync::validate::MAX_BYTES + 1];
    assert!(parse_and_validate(&big, today(), &|_, _| false).is_err());
    let deep = format!("{}{}", "{\"a\":".repeat(50_000), "}".repeat(50_000));
    assert!(parse_and_validate(deep.as_bytes(), today(), &|_, _| false).is_err());
}
