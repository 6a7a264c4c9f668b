//! Solves one allocation instance and prints one JSON line.
//!
//! `cargo run --release --example allocate -- INSTANCE.json [--time-limit-ms MS]`
//!
//! Output: `{"assignment": [{"case": .., "person": ..}], "placed": .., "objective": ..,
//! "optimal": .., "upper_bound": {..}, "unassigned": [ids], "nodes": .., "millis": ..}`.
//! Errors go to stderr with exit code 1.
//!
//! `allocate --generate CASES PERSONS loose|scarce SEED` instead prints a generated
//! instance (see `fordeling::allocation::batch::generate`).

use std::process::ExitCode;
use std::time::Instant;

use fordeling::allocation::batch::generate::{generate, GenParams};
use fordeling::allocation::batch::{solve_json, SolveOptions};

fn generate_cmd(args: &[String]) -> Result<String, String> {
    let usage = "usage: allocate --generate CASES PERSONS loose|scarce SEED";
    let [cases, persons, kind, seed] = args else {
        return Err(usage.into());
    };
    let num = |s: &String| s.parse::<u64>().map_err(|_| usage.to_string());
    let params = GenParams {
        cases: num(cases)? as usize,
        persons: num(persons)? as usize,
        scarce: match kind.as_str() {
            "scarce" => true,
            "loose" => false,
            _ => return Err(usage.into()),
        },
        seed: num(seed)?,
    };
    serde_json::to_string(&generate(params)).map_err(|e| e.to_string())
}

fn run() -> Result<String, String> {
    let all: Vec<String> = std::env::args().skip(1).collect();
    if all.first().map(String::as_str) == Some("--generate") {
        return generate_cmd(&all[1..]);
    }
    let mut args = all.into_iter();
    let mut path = None;
    let mut options = SolveOptions { time_limit_ms: 60_000.0, ..SolveOptions::default() };
    while let Some(arg) = args.next() {
        if arg == "--time-limit-ms" {
            let v = args.next().ok_or("--time-limit-ms needs a value")?;
            options.time_limit_ms = v.parse().map_err(|_| format!("bad --time-limit-ms {v:?}"))?;
        } else if path.is_none() {
            path = Some(arg);
        } else {
            return Err(format!("unexpected argument {arg:?}"));
        }
    }
    let path = path.ok_or("usage: allocate INSTANCE.json [--time-limit-ms MS]")?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let start = Instant::now();
    let mut clock = move || start.elapsed().as_secs_f64() * 1000.0;
    let solution = solve_json(&text, &options, &mut clock).map_err(|e| e.to_string())?;
    let millis = start.elapsed().as_secs_f64() * 1000.0;
    let out = serde_json::json!({
        "assignment": solution.assignment,
        "placed": solution.placed,
        "objective": solution.objective,
        "optimal": solution.optimal,
        "upper_bound": solution.upper_bound,
        "unassigned": solution.unassigned.iter().map(|u| u.case.as_str()).collect::<Vec<_>>(),
        "nodes": solution.nodes,
        "millis": (millis * 1000.0).round() / 1000.0,
    });
    Ok(out.to_string())
}

fn main() -> ExitCode {
    match run() {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("allocate: {e}");
            ExitCode::FAILURE
        }
    }
}
