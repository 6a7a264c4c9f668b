//! Browser timings (not tests): the batch solver and one-case scoring in headless Chromium, to
//! compare with the native criterion benches. Run by `./x bench`:
//! `cargo test --release --target wasm32-unknown-unknown --test browser_bench -- --nocapture`.
//! It never fails on a time; it prints medians.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use fordeling::allocation::batch::generate::{generate, GenParams};
use fordeling::allocation::batch::{solve, SolveOptions};
use fordeling::allocation::context::{Registers, Registry};
use fordeling::allocation::recommend::recommend;
use fordeling::domain::*;
use fordeling::sample::workspace;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn report(line: String) {
    web_sys::console::log_1(&line.into());
}

#[wasm_bindgen_test]
fn batch_solver_in_the_browser() {
    for scarce in [false, true] {
        for (cases, persons) in [(5, 12), (20, 100), (40, 250), (60, 500)] {
            let inst = generate(GenParams { cases, persons, scarce, seed: 1 });
            let mut times = Vec::new();
            let mut last = None;
            for _ in 0..7 {
                let start = now();
                let sol = solve(&inst, &SolveOptions { time_limit_ms: 10_000.0, ..Default::default() }, &mut now);
                times.push(now() - start);
                last = sol.ok();
            }
            let kind = if scarce { "scarce" } else { "loose" };
            match last {
                Some(s) => report(format!(
                    "browser batch/{kind}/{cases}x{persons}: median {:.2} ms over 7, placed {}, objective {}, optimal {}, nodes {}",
                    median(times), s.placed, s.objective, s.optimal, s.nodes
                )),
                None => report(format!("browser batch/{kind}/{cases}x{persons}: invalid instance")),
            }
        }
    }
}

/// The hard end: scarce 60×500 agendas, seeds 1..=10, under the app's default 2 s limit (one run
/// each): proven optimal or not, and how long it took.
#[wasm_bindgen_test]
fn scarce_agendas_under_the_default_time_limit_in_the_browser() {
    let options = SolveOptions { time_limit_ms: 2_000.0, ..Default::default() };
    for seed in 1..=10 {
        let inst = generate(GenParams { cases: 60, persons: 500, scarce: true, seed });
        let start = now();
        match solve(&inst, &options, &mut now) {
            Ok(s) => report(format!(
                "browser batch/scarce/60x500 seed {seed} (2 s limit): {:.1} ms, optimal {}, objective {}, bound {}",
                now() - start,
                s.optimal,
                s.objective,
                s.upper_bound.objective
            )),
            Err(e) => report(format!("browser batch/scarce/60x500 seed {seed}: {e}")),
        }
    }
}

#[wasm_bindgen_test]
fn recommend_one_case_against_1000_persons_in_the_browser() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let mut w = workspace(4000, 3, today);
    let copies: Vec<ContactPerson> =
        w.persons.iter().map(|p| ContactPerson { meta: RecordMeta::new(PersonId::new()), ..p.clone() }).collect();
    w.persons.extend(copies);
    let Some(case) = w.cases.iter().find(|c| c.status == CaseStatus::Visited).map(|c| c.meta.id) else { return };
    let settings = Settings::default();
    let ctx = Registry::new(Registers::of(&w), today, &settings);
    let mut times = Vec::new();
    for _ in 0..51 {
        let start = now();
        let ranked = recommend(case, &ctx).map(|r| r.ranked.len()).unwrap_or(0);
        times.push(now() - start);
        assert!(ranked <= w.persons.len());
    }
    report(format!("browser recommend/1000 persons: median {:.3} ms over 51 runs", median(times)));
}
