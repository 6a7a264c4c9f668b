//! Import of a 10,000-case export into a 10,000-case store: parse + validate + merge
//! (issue 4; target ≤ 0.5 s native). Half the file's cases are already on the device; a tenth of
//! those were edited on both sides (conflicts) and another tenth only in the file.

use chrono::{DateTime, NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use fordeling::domain::*;
use fordeling::sync::format::{export, Scope, Snapshot, Stamped};
use fordeling::sync::merge::merge;
use fordeling::sync::revision::stamp_changes;
use fordeling::sync::validate::parse_and_validate;
use std::hint::black_box;

fn stamped<T: Record>(v: &[T], s: &Stamp) -> Vec<T> {
    v.iter()
        .cloned()
        .map(|mut r| {
            stamp_changes(None, &mut r, s);
            r
        })
        .collect()
}

fn edit(case: &mut Case, note: &str, s: &Stamp) {
    let old = case.clone();
    case.note = note.into();
    stamp_changes(Some(&old), case, s);
}

fn setup() -> (Snapshot, Vec<u8>, NaiveDate) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date");
    let w = fordeling::sample::workspace(15_000, 1, today);
    let base = Stamp { t: 1_790_000_000_000, c: 0, d: DeviceId("base".into()) };
    let mut all = Snapshot::default();
    all.records.districts = stamped(&w.districts, &base);
    all.records.schools = stamped(&w.schools, &base);
    all.records.concerns = stamped(&w.concerns, &base);
    all.records.legal_bases = stamped(&w.legal_bases, &base);
    all.records.providers = stamped(&w.providers, &base);
    all.records.persons = stamped(&w.persons, &base);
    all.settings = Some(Stamped { value: Settings::default(), rev: base.clone() });
    let youths = stamped(&w.youths, &base);
    let cases = stamped(&w.cases, &base);

    let mut local = all.clone();
    local.records.youths = youths[..10_000].to_vec();
    local.records.cases = cases[..10_000].to_vec();
    let mut theirs = all;
    theirs.records.youths = youths[5_000..].to_vec();
    theirs.records.cases = cases[5_000..].to_vec();
    let mine = Stamp { t: base.t + 10, c: 0, d: DeviceId("local".into()) };
    let other = Stamp { t: base.t + 20, c: 0, d: DeviceId("remote".into()) };
    for i in 0..5_000 {
        if i % 10 == 0 {
            edit(&mut local.records.cases[5_000 + i], "lokal", &mine);
            edit(&mut theirs.records.cases[i], "fjern", &other);
        } else if i % 10 == 1 {
            edit(&mut theirs.records.cases[i], "kun i filen", &other);
        }
    }
    let now = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).expect("valid time");
    let file = export(&theirs, &Scope::Full, &DeviceId("remote".into()), now).to_json();
    (local, file, today)
}

fn sync(c: &mut Criterion) {
    let (local, file, today) = setup();
    let run = || {
        let known = local.known_ids();
        let doc =
            parse_and_validate(black_box(&file), today, &|s, id| known.contains(&(s.to_string(), id.to_string())))
                .expect("valid file");
        merge(black_box(&local), &doc)
    };
    let result = run();
    eprintln!(
        "file {} bytes; preview: new {}, changed {}, conflicting {}, unchanged {}; conflicts {}",
        file.len(),
        result.preview.new.len(),
        result.preview.changed.len(),
        result.preview.conflicting.len(),
        result.preview.unchanged.len(),
        result.conflicts.len()
    );
    let mut group = c.benchmark_group("import_10000_into_10000");
    group.sample_size(10);
    group.bench_function("parse_validate_merge", |b| b.iter(run));
    group.bench_function("parse_validate", |b| {
        b.iter(|| parse_and_validate(black_box(&file), today, &|_, _| true).map(|d| d.records.len()))
    });
    let doc = parse_and_validate(&file, today, &|_, _| true).expect("valid file");
    group.bench_function("merge", |b| b.iter(|| merge(black_box(&local), black_box(&doc)).preview.new.len()));
    group.finish();
}

criterion_group!(benches, sync);
criterion_main!(benches);
