//! The export format: golden files of every released version, the JSON Schema (checked against
//! the Rust types and the files), and the validator's problem reports.

use chrono::{DateTime, NaiveDate, Utc};
use fordeling::domain::*;
use fordeling::sync::format::*;
use fordeling::sync::merge::merge;
use fordeling::sync::migrate::migrate;
use fordeling::sync::revision::stamp_changes;
use fordeling::sync::validate::{parse_and_validate, ImportProblem, JsonFault, ProblemKind};
use serde_json::{json, Value};
use std::path::PathBuf;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn parse(bytes: &[u8]) -> Result<ExportDoc, Vec<ImportProblem>> {
    parse_and_validate(bytes, today(), &|_, _| false)
}

/// A small workspace with every record type, stamped, plus an erasure and a conflict.
fn sample() -> Snapshot {
    let w = fordeling::sample::workspace(6, 3, today());
    let stamp = Stamp { t: 1_790_000_000_000, c: 0, d: DeviceId("golden".into()) };
    fn stamped<T: Record>(v: Vec<T>, s: &Stamp) -> Vec<T> {
        v.into_iter()
            .map(|mut r| {
                stamp_changes(None, &mut r, s);
                r
            })
            .collect()
    }
    let id = |n: u128| uuid::Uuid::from_u128(0x90_0000 + n);
    let case = w.cases.iter().find(|c| c.assignment.is_some()).unwrap().clone();
    let a = case.assignment.unwrap();
    let member = CommitteeMember {
        meta: RecordMeta::new(MemberId(id(1))),
        name: "Skoleleder".into(),
        role: CommitteeRole::School,
        district: Some(w.districts[0].meta.id),
    };
    let meeting = Meeting {
        meta: RecordMeta::new(MeetingId(id(2))),
        date: today(),
        agenda: vec![case.meta.id],
        attendees: vec![member.meta.id],
        closed: true,
    };
    let decided_at = today().and_hms_opt(10, 0, 0).unwrap();
    let decision = Decision {
        meta: RecordMeta::new(DecisionId(id(3))),
        meeting: meeting.meta.id,
        case: case.meta.id,
        person: a.person,
        provider: a.provider,
        recommended: Some(a.person),
        score: Some(42),
        rationale: String::new(),
        decided_by: "Udvalget".into(),
        decided_at,
    };
    let followup = Followup {
        meta: RecordMeta::new(FollowupId(id(4))),
        case: case.meta.id,
        date: today(),
        attendees: vec!["KP".into()],
        progress: vec![],
        hours_change: None,
        hours_reason: String::new(),
        next_date: None,
    };
    // One later edit, so the files hold a base (`meta.bases`, schema version 2).
    let mut districts = stamped(w.districts, &stamp);
    let before = districts[0].clone();
    districts[0].name = format!("{} (ny)", before.name);
    let later = Stamp { t: stamp.t + 500, ..stamp.clone() };
    stamp_changes(Some(&before), &mut districts[0], &later);
    let mut s = Snapshot {
        records: Records {
            districts,
            schools: stamped(w.schools, &stamp),
            concerns: stamped(w.concerns, &stamp),
            legal_bases: stamped(w.legal_bases, &stamp),
            providers: stamped(w.providers, &stamp),
            persons: stamped(w.persons, &stamp),
            members: stamped(vec![member], &stamp),
            youths: stamped(w.youths, &stamp),
            cases: stamped(w.cases, &stamp),
            meetings: stamped(vec![meeting], &stamp),
            decisions: stamped(vec![decision], &stamp),
            followups: stamped(vec![followup], &stamp),
        },
        ..Snapshot::default()
    };
    s.settings =
        Some(Stamped { value: Settings { municipality: "Ishøj".into(), ..Settings::default() }, rev: stamp.clone() });
    s.tombstones.push(Tombstone { store: "youths".into(), id: id(5).to_string(), stamp: stamp.clone() });
    let older = Stamp { t: stamp.t - 1000, ..stamp.clone() };
    s.conflicts.push(Conflict {
        store: "cases".into(),
        id: case.meta.id.to_string(),
        field: "note".into(),
        kept: json!(""),
        kept_stamp: stamp.clone(),
        lost: json!("tidligere note"),
        lost_stamp: older,
    });
    s
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-24T12:00:00Z").unwrap().with_timezone(&Utc)
}

fn club_scope(s: &Snapshot) -> Scope {
    let case = &s.records.cases.iter().find(|c| c.assignment.is_some()).unwrap();
    let p = s.records.providers.iter().find(|p| p.meta.id == case.assignment.unwrap().provider).unwrap();
    Scope::Club { provider: p.meta.id, name: p.name.clone() }
}

/// Golden files are written once (FORDELING_WRITE_GOLDEN=1, when missing) and never change after: a released version's
/// files must import for ever. Each must parse, validate and migrate; a file of the current
/// version re-serialises to the same bytes and migrates to itself, an older one migrates to what
/// the import reads.
fn golden(name: &str, doc: &ExportDoc) -> String {
    let file = path(&format!("tests/golden/{name}"));
    if !file.exists() && std::env::var_os("FORDELING_WRITE_GOLDEN").is_some() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, doc.to_json_pretty() + "\n").unwrap();
    }
    let text = std::fs::read_to_string(&file).unwrap();
    let parsed = parse(text.as_bytes()).unwrap_or_else(|p| panic!("{name}: {p:#?}"));
    let value: Value = serde_json::from_str(&text).unwrap();
    let migrated = migrate(value.clone()).unwrap();
    assert_eq!(migrated["schema_version"], SCHEMA_VERSION);
    if value["schema_version"] == SCHEMA_VERSION {
        assert_eq!(parsed.to_json_pretty() + "\n", text, "{name}: re-serialising changes the file");
        assert_eq!(migrated, value, "{name}: current version, migration is the identity");
    } else {
        assert_eq!(
            serde_json::to_value(&parsed).unwrap(),
            migrated,
            "{name}: the import reads exactly the migrated file"
        );
    }
    text
}

#[test]
fn golden_v1_files_import_through_migration() {
    let s = sample();
    let full = golden("export-v1-full.json", &export(&s, &Scope::Full, &DeviceId("golden".into()), now()));
    let club = golden("export-v1-club.json", &export(&s, &club_scope(&s), &DeviceId("golden".into()), now()));
    let full = parse(full.as_bytes()).unwrap();
    let into_empty = merge(&Snapshot::default(), &full);
    assert_eq!(into_empty.preview.new.len(), full.records.len() + 1, "every record and the settings are new");
    let club = parse(club.as_bytes()).unwrap();
    assert!(club.records.len() < full.records.len());
    assert!(club.records.meetings.is_empty() && club.records.decisions.is_empty() && club.records.members.is_empty());
    assert!(
        merge(&into_empty.merged(&Snapshot::default()), &club).preview.is_noop(),
        "the club package is part of the full export"
    );
}

#[test]
fn golden_v2_files_import() {
    let s = sample();
    let full = golden("export-v2-full.json", &export(&s, &Scope::Full, &DeviceId("golden".into()), now()));
    let club = golden("export-v2-club.json", &export(&s, &club_scope(&s), &DeviceId("golden".into()), now()));
    let full = parse(full.as_bytes()).unwrap();
    assert!(full.records.districts.iter().any(|d| !d.meta.bases.is_empty()), "the v2 files hold a base");
    let into_empty = merge(&Snapshot::default(), &full);
    assert_eq!(into_empty.preview.new.len(), full.records.len() + 1);
    let club = parse(club.as_bytes()).unwrap();
    assert!(club.records.len() < full.records.len());
    assert!(
        merge(&into_empty.merged(&Snapshot::default()), &club).preview.is_noop(),
        "the club package is part of the full export"
    );
    // A v1 file of (nearly) the same data merges into v2 data: the v1 records have no bases.
    let v1 = std::fs::read_to_string(path("tests/golden/export-v1-full.json")).unwrap();
    let v1 = parse(v1.as_bytes()).unwrap();
    assert!(v1.records.districts.iter().all(|d| d.meta.bases.is_empty()));
    let both = merge(&into_empty.merged(&Snapshot::default()), &v1);
    assert!(both.preview.new.is_empty());
}

#[test]
fn export_is_deterministic() {
    let s = sample();
    let mut shuffled = s.clone();
    shuffled.records.cases.reverse();
    shuffled.records.concerns.reverse();
    let dev = DeviceId("golden".into());
    assert_eq!(export(&s, &Scope::Full, &dev, now()).to_json(), export(&shuffled, &Scope::Full, &dev, now()).to_json());
}

// ---- JSON Schema ----

/// The subset of JSON Schema the export schema uses.
fn check(schema: &Value, root: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local refs only");
        return check(&root["$defs"][name], root, v, at, errors);
    }
    let mut fail = |m: String| errors.push(format!("{at}: {m}"));
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let is = |t: &str| match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => panic!("type {other}"),
    };
    if !types.is_empty() && !types.iter().any(|t| is(t)) {
        return fail(format!("expected {types:?}, got {v}"));
    }
    if let Some(c) = schema.get("const") {
        if c != v {
            fail(format!("expected {c}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            fail(format!("{v} not in enum"));
        }
    }
    if let (Some(n), Some(s)) = (schema.get("minLength").and_then(Value::as_u64), v.as_str()) {
        if (s.chars().count() as u64) < n {
            fail("too short".into());
        }
    }
    if let (Some(n), Some(s)) = (schema.get("maxLength").and_then(Value::as_u64), v.as_str()) {
        if s.chars().count() as u64 > n {
            fail("too long".into());
        }
    }
    if let (Some(m), Some(x)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if x < m {
            fail("below minimum".into());
        }
    }
    for (kw, exactly_one) in [("anyOf", false), ("oneOf", true)] {
        if let Some(alts) = schema.get(kw).and_then(Value::as_array) {
            let passing = alts.iter().filter(|s| {
                let mut e = Vec::new();
                check(s, root, v, at, &mut e);
                e.is_empty()
            });
            let n = passing.count();
            if n == 0 || (exactly_one && n > 1) {
                fail(format!("{kw}: {n} alternatives match"));
            }
        }
    }
    if let Some(obj) = v.as_object() {
        for r in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            if !obj.contains_key(r.as_str().unwrap()) {
                errors.push(format!("{at}: missing {r}"));
            }
        }
        let props = schema.get("properties").and_then(Value::as_object);
        for (k, x) in obj {
            match (props.and_then(|p| p.get(k)), schema.get("additionalProperties")) {
                (Some(s), _) => check(s, root, x, &format!("{at}.{k}"), errors),
                (None, Some(Value::Bool(false))) => errors.push(format!("{at}: unexpected {k}")),
                (None, Some(s @ Value::Object(_))) => check(s, root, x, &format!("{at}.{k}"), errors),
                _ => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            check(items, root, x, &format!("{at}[{i}]"), errors);
        }
    }
}

fn schema_of(version: u32) -> Value {
    let file = path(&format!("schema/export-v{version}.schema.json"));
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

fn schema() -> Value {
    schema_of(SCHEMA_VERSION)
}

#[test]
fn golden_files_and_fresh_exports_match_the_schema() {
    let schema = schema();
    let s = sample();
    let v1 = schema_of(1);
    for name in ["export-v1-full.json", "export-v1-club.json"] {
        let text = std::fs::read_to_string(path(&format!("tests/golden/{name}"))).unwrap();
        let mut errors = Vec::new();
        let v: Value = serde_json::from_str(&text).unwrap();
        check(&v1, &v1, &v, "$", &mut errors);
        assert!(errors.is_empty(), "{name} against the v1 schema: {errors:#?}");
    }
    let mut docs: Vec<(String, Value)> = Vec::new();
    for name in ["export-v2-full.json", "export-v2-club.json"] {
        if let Ok(text) = std::fs::read_to_string(path(&format!("tests/golden/{name}"))) {
            docs.push((name.into(), serde_json::from_str(&text).unwrap()));
        }
    }
    for scope in [Scope::Full, club_scope(&s)] {
        let doc = export(&s, &scope, &DeviceId("d".into()), now());
        docs.push((format!("{scope:?}"), serde_json::from_slice(&doc.to_json()).unwrap()));
    }
    let big = fordeling::sample::workspace(200, 9, today());
    let mut snap = Snapshot::default();
    snap.records.cases = big.cases;
    snap.records.persons = big.persons;
    snap.records.youths = big.youths;
    docs.push((
        "sample 200".into(),
        serde_json::to_value(export(&snap, &Scope::Full, &DeviceId("d".into()), now())).unwrap(),
    ));
    for (name, v) in docs {
        let mut errors = Vec::new();
        check(&schema, &schema, &v, "$", &mut errors);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    // The checker does refuse what it should.
    let mut bad = serde_json::to_value(export(&s, &Scope::Full, &DeviceId("d".into()), now())).unwrap();
    bad["records"]["cases"][0]["status"] = json!("Nope");
    bad["records"]["cases"][0]["meta"]["revs"]["note"] = json!({"t": 1});
    bad["records"]["cases"][0]["meta"]["bases"]["note"] = json!({"t": 1, "c": 0});
    let mut errors = Vec::new();
    check(&schema, &schema, &bad, "$", &mut errors);
    assert_eq!(errors.len(), 4, "{errors:#?}");
}

/// The schema file is what `json_schema()` generates from the Rust types. After changing a
/// type, rewrite it with `FORDELING_BLESS=1 cargo test --test sync_format`.
#[test]
fn the_schema_file_is_generated_from_the_rust_types() {
    let file = path(&format!("schema/export-v{SCHEMA_VERSION}.schema.json"));
    let generated = serde_json::to_string_pretty(&json_schema()).unwrap() + "\n";
    if std::env::var_os("FORDELING_BLESS").is_some() {
        std::fs::write(&file, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap();
    assert!(
        committed == generated,
        "{} differs from the Rust types; run FORDELING_BLESS=1 cargo test --test sync_format",
        file.display()
    );
}

// ---- The validator's reports ----

fn full_value() -> Value {
    serde_json::to_value(export(&sample(), &Scope::Full, &DeviceId("d".into()), now())).unwrap()
}

fn problems(v: &Value) -> Vec<ImportProblem> {
    parse(&serde_json::to_vec(v).unwrap()).expect_err("must be refused")
}

fn at(p: &ImportProblem) -> (Option<&str>, Option<&str>, Option<&str>) {
    (p.location.store.as_deref(), p.location.id.as_deref(), p.location.field.as_deref())
}

#[test]
fn not_json_and_foreign_files_are_refused_with_a_reason() {
    let p = parse(b"{\n  \"format\": ").unwrap_err();
    assert!(matches!(p[0].kind, ProblemKind::NotJson { line: 2, .. }), "{p:?}");
    assert_eq!(parse(b"{\"format\":\"zip\"}").unwrap_err()[0].kind, ProblemKind::WrongFormat);
    let mut v = full_value();
    v["schema_version"] = json!(7);
    assert_eq!(problems(&v)[0].kind, ProblemKind::UnsupportedVersion { found: 7, supported: 2 });
    let deep = "[".repeat(100_000);
    assert!(matches!(parse(deep.as_bytes()).unwrap_err()[0].kind, ProblemKind::NotJson { .. }));
    assert!(parse(&[0xff, 0xfe, 0x00]).is_err());
    println!("{}", problems(&v)[0]);
}

#[test]
fn a_file_that_is_not_json_is_explained_in_danish() {
    let fault = |bytes: &[u8]| match parse(bytes).unwrap_err().remove(0) {
        ImportProblem { kind: ProblemKind::NotJson { fault, .. }, .. } => fault,
        other => panic!("{other:?}"),
    };
    let cut = parse(b"{\"format\": \"fordel").unwrap_err();
    assert_eq!(
        cut[0].to_string(),
        "filen er ikke gyldig JSON (linje 1, kolonne 18): den slutter midt i en værdi (er den blevet afkortet?)"
    );
    assert_eq!(fault(b"{\"format\" 1}"), JsonFault::Syntax);
    assert_eq!(fault(&[0xff, 0xfe, 0x00]), JsonFault::Syntax);
    assert_eq!(fault(b"{} {}"), JsonFault::Trailing);
    assert_eq!(fault("[".repeat(100_000).as_bytes()), JsonFault::TooDeep);
    assert_eq!(fault(b"{\"hours\": 1e400}"), JsonFault::NumberTooLarge);
    for bytes in [&b"{\"a\" 1}"[..], b"{} x", b"[[[", &[0xff, 0xfe]] {
        let text = parse(bytes).unwrap_err()[0].to_string();
        assert!(text.starts_with("filen er ikke gyldig JSON (linje "), "{text}");
        assert!(!text.contains("at line") && !text.contains("expected") && !text.contains("EOF"), "{text}");
    }
}

#[test]
fn located_problems_name_the_record_type_and_field_in_danish() {
    let mut v = full_value();
    let case_id = v["records"]["cases"][0]["meta"]["id"].as_str().unwrap().to_string();
    v["records"]["cases"][0]["hours_per_week"] = json!(100);
    v["records"]["cases"][1]["status"] = json!(7);
    v["records"]["youths"][0]["birth_date"] = json!("i går");
    v["records"]["schools"][0]["district"] = json!("ikke-et-id");
    v["tombstones"] = json!([{"store": "gadgets", "id": "x", "stamp": {"t": 1, "c": 0, "d": "d"}}]);
    let ps = problems(&v);
    let texts: Vec<String> = ps.iter().map(ToString::to_string).collect();
    for t in &texts {
        println!("{t}");
        for english in ["invalid", "expected", "missing field", "unknown", "cases", "youths", "schools", "tombstones"] {
            assert!(!t.contains(english), "English or a Rust name in {t:?}");
        }
    }
    let short = &case_id[..8];
    let hours = ps.iter().find(|p| p.location.field.as_deref() == Some("hours_per_week")).unwrap();
    assert_eq!(hours.to_string(), format!("Sag {short}…, felt «hours_per_week»: skal være mellem 0,25 og 48"));
    // The UI passes the labels of its forms.
    let labels = |store: &str, field: &str| (store == "cases" && field == "hours_per_week").then_some("Timer pr. uge");
    assert_eq!(hours.describe(&labels), format!("Sag {short}…, felt «Timer pr. uge»: skal være mellem 0,25 og 48"));
    assert!(texts.iter().any(|t| t.starts_with("Sag ") && t.contains("felt «status»: forkert type eller værdi: ")));
    assert!(texts.iter().any(|t| t.starts_with("Barn/ung ") && t.contains("felt «birth_date»")));
    assert!(texts.iter().any(|t| t.starts_with("Skole ") && t.contains("felt «district»")));
    assert!(texts.iter().any(|t| t.starts_with("Sletning x, felt «datatype»: ukendt datatype")), "{texts:?}");
}

#[test]
fn a_dangling_reference_names_its_target_in_danish() {
    let mut v = full_value();
    let youth = v["records"]["youths"].as_array_mut().unwrap().remove(0);
    let youth_id = youth["meta"]["id"].as_str().unwrap().to_string();
    let text = problems(&v)[0].to_string();
    assert!(text.starts_with("Sag "), "{text}");
    assert!(
        text.ends_with(&format!(
            "felt «youth»: henviser til barn/ung {}…, som hverken findes i filen eller på enheden",
            &youth_id[..8]
        )),
        "{text}"
    );
}

#[test]
fn a_case_is_checked_against_its_youth_and_legal_basis_in_the_file() {
    let mut v = full_value();
    let aftercare = v["records"]["legal_bases"].as_array().unwrap().iter().find(|l| l["age_min"] == json!(18)).unwrap()
        ["meta"]["id"]
        .clone();
    let case = v["records"]["cases"][0].clone();
    let youth =
        v["records"]["youths"].as_array_mut().unwrap().iter_mut().find(|y| y["meta"]["id"] == case["youth"]).unwrap();
    youth["birth_date"] = json!("2016-01-01");
    v["records"]["cases"][0]["legal_basis"] = aftercare;
    let ps = problems(&v);
    let id = case["meta"]["id"].as_str().unwrap();
    assert!(
        ps.iter().any(|p| matches!(p.kind, ProblemKind::Invalid(Problem::AgeNotCovered { min: Some(18), .. }))
            && at(p) == (Some("cases"), Some(id), Some("legal_basis"))),
        "{ps:?}"
    );
}

#[test]
fn a_cpr_number_in_a_conflict_entry_is_refused_like_one_in_a_record() {
    let mut v = full_value();
    let id = v["conflicts"][0]["id"].as_str().unwrap().to_string();
    v["conflicts"][0]["lost"] = json!("cpr 0101901234");
    v["conflicts"][0]["kept"] = json!({ "note": ["ok", "01.01.90-1234"] });
    let ps = problems(&v);
    let cpr = |field| {
        ps.iter().any(|p| {
            p.kind == ProblemKind::Invalid(Problem::LooksLikeCpr)
                && at(p) == (Some("conflicts"), Some(&id), Some(field))
        })
    };
    assert!(cpr("lost") && cpr("kept"), "{ps:?}");
}

#[test]
fn every_problem_is_reported_with_its_location() {
    let mut v = full_value();
    let case_id = v["records"]["cases"][0]["meta"]["id"].as_str().unwrap().to_string();
    let youth_id = v["records"]["youths"][0]["meta"]["id"].as_str().unwrap().to_string();
    let case = &mut v["records"]["cases"][0];
    case["hours_per_week"] = json!("mange");
    case["status"] = json!("Nope");
    case["extra"] = json!(1);
    v["records"]["youths"][0]["pseudonym"] = json!("010203-1234");
    v["records"]["youths"][1]["meta"]["revs"]["pseudonym"] = json!({"t": u64::MAX, "c": 0, "d": "x"});
    v["records"]["youths"][2]["meta"]["bases"]["district"] = json!({"t": 1, "c": 0, "d": ""});
    let dup = v["records"]["districts"][0].clone();
    v["records"]["districts"].as_array_mut().unwrap().push(dup);
    v["records"]["cases"][1].as_object_mut().unwrap().remove("youth");
    v["records"]["gadgets"] = json!([]);
    v["surprise"] = json!(true);
    let ps = problems(&v);
    for p in &ps {
        println!("{p}");
    }
    let has = |store: Option<&str>, id: Option<&str>, field: Option<&str>, f: &dyn Fn(&ProblemKind) -> bool| {
        ps.iter().any(|p| at(p) == (store, id, field) && f(&p.kind))
    };
    let wrong = |k: &ProblemKind| matches!(k, ProblemKind::WrongType { .. });
    assert!(has(Some("cases"), Some(&case_id), Some("hours_per_week"), &wrong));
    assert!(has(Some("cases"), Some(&case_id), Some("status"), &wrong));
    assert!(ps.iter().any(|p| matches!(p.kind, ProblemKind::Invalid(Problem::LooksLikeCpr))
        && at(p) == (Some("youths"), Some(&youth_id), Some("pseudonym"))));
    assert!(ps.iter().any(|p| matches!(p.kind, ProblemKind::BadStamp { .. })
        && p.location.field.as_deref() == Some("meta.revs.pseudonym")));
    assert!(ps.iter().any(|p| matches!(p.kind, ProblemKind::BadStamp { .. })
        && p.location.field.as_deref() == Some("meta.bases.district")));
    assert!(ps.iter().any(|p| p.kind == ProblemKind::DuplicateId && p.location.store.as_deref() == Some("districts")));
    assert!(ps.iter().any(|p| p.kind == ProblemKind::MissingField && p.location.field.as_deref() == Some("youth")));
    assert!(ps.iter().any(|p| p.kind == ProblemKind::UnknownStore && p.location.store.as_deref() == Some("gadgets")));
    assert!(ps.iter().any(|p| p.kind == ProblemKind::UnknownField && p.location.field.as_deref() == Some("surprise")));
    assert!(has(Some("cases"), Some(&case_id), Some("extra"), &|k| *k == ProblemKind::UnknownField));
}

#[test]
fn references_must_resolve_in_the_file_or_on_the_device() {
    let mut v = full_value();
    let youth = v["records"]["youths"].as_array_mut().unwrap().remove(0);
    let youth_id = youth["meta"]["id"].as_str().unwrap().to_string();
    let bytes = serde_json::to_vec(&v).unwrap();
    let ps = parse(&bytes).unwrap_err();
    assert!(ps.iter().all(|p| matches!(&p.kind, ProblemKind::DanglingReference { to_store, id } if to_store == "youths" && *id == youth_id)));
    assert_eq!(ps[0].location.field.as_deref(), Some("youth"));
    assert!(parse_and_validate(&bytes, today(), &|store, id| store == "youths" && id == youth_id).is_ok());
}

#[test]
fn an_erased_record_cannot_travel_in_the_file() {
    let mut v = full_value();
    let case_id = v["records"]["cases"][0]["meta"]["id"].clone();
    v["tombstones"]
        .as_array_mut()
        .unwrap()
        .push(json!({"store": "cases", "id": case_id, "stamp": {"t": 1, "c": 0, "d": "d"}}));
    assert!(problems(&v).iter().any(|p| p.kind == ProblemKind::ErasedButPresent));
}
