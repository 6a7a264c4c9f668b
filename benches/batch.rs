//! Benchmarks of the exact batch solver on generated instances
//! (`fordeling::allocation::batch::generate`), loose and scarce capacity.

use std::time::Instant;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use fordeling::allocation::batch::generate::{generate, GenParams};
use fordeling::allocation::batch::{solve, Instance, Solution, SolveOptions};

const SIZES: [(usize, usize); 4] = [(5, 12), (20, 100), (40, 250), (60, 500)];
const OPTIONS: SolveOptions = SolveOptions { time_limit_ms: 10_000.0, node_limit: u64::MAX };

fn run(inst: &Instance) -> Solution {
    let start = Instant::now();
    let mut clock = move || start.elapsed().as_secs_f64() * 1000.0;
    solve(inst, &OPTIONS, &mut clock).expect("generated instances are valid")
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("batch");
    for scarce in [false, true] {
        let kind = if scarce { "scarce" } else { "loose" };
        for (cases, persons) in SIZES {
            let inst = generate(GenParams { cases, persons, scarce, seed: 1 });
            let sol = run(&inst);
            eprintln!(
                "batch/{kind}/{cases}x{persons}: placed {} objective {} optimal {} nodes {}",
                sol.placed, sol.objective, sol.optimal, sol.nodes
            );
            group.bench_with_input(BenchmarkId::new(kind, format!("{cases}x{persons}")), &inst, |b, inst| {
                b.iter(|| run(inst))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
