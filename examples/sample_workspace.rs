//! Print a fictional municipality as JSON, one key per object store:
//! `cargo run --release --example sample_workspace -- 10000 > workspace.json`
//! Used by the browser timings in tests/bench/ to fill IndexedDB.

use fordeling::sample::workspace;

fn main() {
    let n: usize = match std::env::args().nth(1).map(|a| a.parse()) {
        None => 100,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("usage: sample_workspace [CASES]: {e}");
            std::process::exit(2);
        }
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date");
    let w = workspace(n, 1, today);
    let stores = serde_json::json!({
        "districts": w.districts, "schools": w.schools, "concerns": w.concerns,
        "legal_bases": w.legal_bases, "providers": w.providers, "persons": w.persons,
        "youths": w.youths, "cases": w.cases,
    });
    println!("{stores}");
}
