//! Any bytes into the import path: parse_and_validate never panics, an invalid file yields at
//! least one problem, and a file it accepts re-exports to a file it accepts again and merges.
#![no_main]

use fordeling::sync::format::Snapshot;
use fordeling::sync::merge::merge;
use fordeling::sync::validate::parse_and_validate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date");
    match parse_and_validate(data, today, &|_, _| false) {
        Ok(doc) => {
            let again = parse_and_validate(&doc.to_json(), today, &|_, _| false);
            assert_eq!(again.as_ref().ok(), Some(&doc), "an accepted file re-exports to the same document");
            let merged = merge(&Snapshot::default(), &doc);
            assert!(merge(&merged.merged(&Snapshot::default()), &doc).preview.is_noop(), "importing twice changes nothing");
        }
        Err(problems) => assert!(!problems.is_empty()),
    }
});
