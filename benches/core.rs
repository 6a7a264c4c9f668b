//! Validation and (de)serialisation of 10,000 cases (issue: foundation benchmarks).

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use fordeling::domain::{Case, Validate};
use fordeling::sample::workspace;
use std::hint::black_box;

fn core(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date");
    let w = workspace(10_000, 1, today);
    let json = serde_json::to_string(&w.cases).expect("serialisable");
    let mut group = c.benchmark_group("cases_10000");
    group.sample_size(20);
    group.bench_function("validate", |b| {
        b.iter(|| black_box(&w.cases).iter().map(|c| c.validate(today).len()).sum::<usize>())
    });
    group.bench_function("serialize_json", |b| b.iter(|| serde_json::to_string(black_box(&w.cases)).map(|s| s.len())));
    group.bench_function("deserialize_json", |b| {
        b.iter(|| serde_json::from_str::<Vec<Case>>(black_box(&json)).map(|v| v.len()))
    });
    group.finish();
}

criterion_group!(benches, core);
criterion_main!(benches);
