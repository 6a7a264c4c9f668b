#![cfg(target_arch = "wasm32")]
//! The IndexedDB adapter in a real browser: each test on a fresh, uniquely named database that
//! it deletes at the end. Run: `cargo test --target wasm32-unknown-unknown --test wasm_storage`.

use fordeling::domain::concern::default_concerns;
use fordeling::domain::legal::default_legal_bases;
use fordeling::domain::*;
use fordeling::storage::{schema, Change, Db, Repo, SaveError, StorageError};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique(test: &str) -> String {
    format!("fordeling-test-{test}-{}", uuid::Uuid::new_v4())
}

fn district(name: &str) -> District {
    District { meta: RecordMeta::new(DistrictId::new()), name: name.into(), neighbours: vec![] }
}

fn provider(name: &str) -> Provider {
    Provider {
        meta: RecordMeta::new(ProviderId::new()),
        kind: ProviderKind::External,
        name: name.into(),
        district: None,
        age_min: None,
        age_max: None,
        hour_cap: None,
        hourly_rate: 300,
    }
}

fn person(name: &str, provider: ProviderId) -> ContactPerson {
    ContactPerson {
        meta: RecordMeta::new(PersonId::new()),
        provider,
        name: name.into(),
        gender: None,
        birth_year: None,
        background: String::new(),
        expertise: vec![],
        interests: vec![],
        languages: vec![],
        availability: OutOfHours::default(),
        capacity_hours: 6.0,
        certificates: Certificates::default(),
    }
}

fn case(status: CaseStatus) -> Case {
    let mut c = Case::draft(YouthId::new(), chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default());
    c.status = status;
    c
}

async fn open(name: &str) -> Db {
    match Db::open(name).await {
        Ok(db) => db,
        Err(e) => panic!("open {name}: {e}"),
    }
}

async fn drop_db(db: Db) {
    let name = db.name().to_string();
    db.close();
    drop(db);
    Db::delete(&name).await.expect("delete test database");
}

#[wasm_bindgen_test]
async fn create_and_read() {
    let db = open(&unique("create")).await;
    assert_eq!(db.version(), schema::CURRENT_VERSION);
    let nord = district("Nord");
    let mut change = Change::new();
    change.put(&nord).unwrap().kv("note", &"hello").unwrap();
    assert_eq!(change.len(), 2);
    db.commit(change).await.unwrap();

    assert_eq!(db.get::<District>(&nord.key()).await.unwrap(), Some(nord.clone()));
    assert_eq!(db.get::<District>(&DistrictId::new().to_string()).await.unwrap(), None);
    assert_eq!(db.all::<District>().await.unwrap(), vec![nord]);
    assert_eq!(db.kv_get::<String>("note").await.unwrap().as_deref(), Some("hello"));
    assert_eq!(db.kv_get::<String>("absent").await.unwrap(), None);
    drop_db(db).await;
}

#[wasm_bindgen_test]
async fn count_records() {
    let db = open(&unique("count")).await;
    assert_eq!(db.count::<District>().await.unwrap(), 0);
    let mut change = Change::new();
    for name in ["Nord", "Syd", "Vest"] {
        change.put(&district(name)).unwrap();
    }
    db.commit(change).await.unwrap();
    assert_eq!(db.count::<District>().await.unwrap(), 3);
    assert_eq!(db.count::<School>().await.unwrap(), 0);
    drop_db(db).await;
}

#[wasm_bindgen_test]
async fn resave_moves_only_the_changed_fields_stamp() {
    let name = unique("stamp");
    let repo = Repo::open(&name).await.unwrap();
    let first = repo.save(None, district("Nord")).await.unwrap();
    let s1 = first.meta.revs["name"].clone();
    assert_eq!(s1.d, repo.device());
    assert_eq!(first.meta.revs["neighbours"], s1);
    assert_eq!(first.meta.revs["archived"], s1);

    let edited = District { name: "Nordvest".into(), ..first.clone() };
    let second = repo.save(Some(&first), edited).await.unwrap();
    assert!(second.meta.revs["name"] > s1, "the changed field gets a newer stamp");
    assert_eq!(second.meta.revs["neighbours"], s1, "unchanged fields keep theirs");
    assert_eq!(second.meta.revs["archived"], s1);

    let stored = repo.db().get::<District>(&first.key()).await.unwrap();
    assert_eq!(stored, Some(second.clone()));
    let clock: Clock = repo.db().kv_get("clock").await.unwrap().expect("clock stored with the save");
    assert!(clock.last >= second.meta.revs["name"], "stored clock is never behind a stored stamp");

    // Archiving is a stamped change of `archived` only.
    let archived = repo.set_archived(&second, true).await.unwrap();
    assert!(archived.meta.archived);
    assert!(archived.meta.revs["archived"] > second.meta.revs["name"]);
    assert_eq!(archived.meta.revs["name"], second.meta.revs["name"]);

    drop(repo);
    Db::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn query_by_index() {
    let db = open(&unique("index")).await;
    let (p1, p2) = (provider("Klub Nord"), provider("Familiehuset"));
    let (a, b, c) = (person("Anna", p1.meta.id), person("Bo", p1.meta.id), person("Cem", p2.meta.id));
    let drafts = [case(CaseStatus::Draft), case(CaseStatus::Draft)];
    let visited = case(CaseStatus::Visited);
    let mut change = Change::new();
    change.put(&p1).unwrap().put(&p2).unwrap();
    for p in [&a, &b, &c] {
        change.put(p).unwrap();
    }
    for k in drafts.iter().chain([&visited]) {
        change.put(k).unwrap();
    }
    db.commit(change).await.unwrap();

    let mut draft_ids: Vec<String> =
        db.by_index::<Case>("status", "Draft").await.unwrap().iter().map(|c| c.key()).collect();
    draft_ids.sort();
    let mut expected: Vec<String> = drafts.iter().map(|c| c.key()).collect();
    expected.sort();
    assert_eq!(draft_ids, expected);
    assert_eq!(db.by_index::<Case>("status", "Visited").await.unwrap(), vec![visited]);
    assert!(db.by_index::<Case>("status", "Ended").await.unwrap().is_empty());

    let mut at_p1: Vec<String> =
        db.by_index::<ContactPerson>("provider", &p1.key()).await.unwrap().into_iter().map(|p| p.name).collect();
    at_p1.sort();
    assert_eq!(at_p1, ["Anna", "Bo"]);
    assert_eq!(db.by_index::<ContactPerson>("provider", &p2.key()).await.unwrap(), vec![c]);

    let err = db.by_index::<Case>("no_such_index", "x").await.unwrap_err();
    assert!(matches!(err, StorageError::Request { op: "index", .. }), "{err}");
    drop_db(db).await;
}

#[wasm_bindgen_test]
async fn upgrade_from_version_1_keeps_data_and_adds_indexes() {
    let name = unique("upgrade");
    let old = Db::open_at_version(&name, 1).await.unwrap();
    assert_eq!(old.version(), 1);
    assert!(old.index_names("cases").unwrap().is_empty(), "version 1 has no indexes");
    let draft = case(CaseStatus::Draft);
    let (p, nord) = (provider("Klub"), district("Nord"));
    let someone = person("Dina", p.meta.id);
    let mut change = Change::new();
    change.put(&draft).unwrap().put(&p).unwrap().put(&someone).unwrap().put(&nord).unwrap();
    old.commit(change).await.unwrap();
    // `old` stays open, as in another tab: it must step aside for the upgrade.

    let db = open(&name).await;
    assert_eq!(db.version(), schema::CURRENT_VERSION);
    assert!(matches!(old.all::<Case>().await, Err(StorageError::Closed)), "the old connection closed itself");
    drop(old);

    assert_eq!(db.get::<District>(&nord.key()).await.unwrap(), Some(nord));
    assert_eq!(db.all::<Case>().await.unwrap(), vec![draft.clone()]);
    for def in record::INDEXES {
        assert!(db.index_names(def.store).unwrap().iter().any(|n| n == def.key_path), "{}.{}", def.store, def.key_path);
    }
    assert_eq!(db.by_index::<Case>("status", "Draft").await.unwrap(), vec![draft], "old data is indexed");
    assert_eq!(db.by_index::<ContactPerson>("provider", &p.key()).await.unwrap(), vec![someone]);
    drop_db(db).await;
}

#[wasm_bindgen_test]
async fn a_change_whose_second_write_fails_leaves_nothing_behind() {
    let db = open(&unique("atomic")).await;
    let existing = district("Syd");
    let mut change = Change::new();
    change.put(&existing).unwrap();
    db.commit(change).await.unwrap();

    // Fails in the browser, asynchronously: `add` of a key that exists (ConstraintError).
    let fresh = district("Nord");
    let mut change = Change::new();
    change.put(&fresh).unwrap().kv("marker", &1u32).unwrap().add(&existing).unwrap();
    let err = db.commit(change).await.unwrap_err();
    match &err {
        StorageError::Request { op, store, key, message } => {
            assert_eq!((*op, store.as_str(), key.as_str()), ("add", "districts", existing.key().as_str()));
            assert!(message.starts_with("ConstraintError"), "{message}");
        }
        other => panic!("expected a request error, got {other}"),
    }
    assert_eq!(db.get::<District>(&fresh.key()).await.unwrap(), None, "the first put was rolled back");
    assert_eq!(db.kv_get::<u32>("marker").await.unwrap(), None, "so was the kv write");

    // Fails synchronously: a value without a valid `meta.id` key (DataError).
    let mut change = Change::new();
    change.put(&fresh).unwrap().put_js("districts", "no-id", js_sys::Object::new().into());
    let err = db.commit(change).await.unwrap_err();
    assert!(matches!(&err, StorageError::Request { op: "put", key, .. } if key == "no-id"), "{err}");
    assert_eq!(db.get::<District>(&fresh.key()).await.unwrap(), None);

    // A store that does not exist fails before anything is written.
    let mut change = Change::new();
    change.put(&fresh).unwrap().put_js("nowhere", "x", JsValue::NULL);
    assert!(matches!(db.commit(change).await, Err(StorageError::Transaction { .. })));
    assert_eq!(db.all::<District>().await.unwrap(), vec![existing]);
    drop_db(db).await;
}

#[wasm_bindgen_test]
async fn repo_open_seeds_defaults_exactly_once() {
    let name = unique("seed");
    let repo = Repo::open(&name).await.unwrap();
    let device = repo.device();
    assert!(!device.0.is_empty());
    let concerns = repo.db().count::<Concern>().await.unwrap();
    let bases = repo.db().count::<LegalBasis>().await.unwrap();
    assert_eq!(concerns as usize, default_concerns().len());
    assert_eq!(bases as usize, default_legal_bases().len());
    assert_eq!(repo.settings().await.unwrap(), Settings::default());
    let seeded = repo.db().all::<Concern>().await.unwrap();
    assert!(
        seeded.iter().all(|c| c.meta.revs.get("name") == Some(&Stamp::default())),
        "seeds carry the defaults' stamp, the same on every device"
    );
    drop(repo);

    let again = Repo::open(&name).await.unwrap();
    assert_eq!(again.device(), device, "the device id is kept");
    assert_eq!(again.db().count::<Concern>().await.unwrap(), concerns);
    assert_eq!(again.db().count::<LegalBasis>().await.unwrap(), bases);
    // Any edit outranks the defaults.
    let next = again.save(None, district("Nord")).await.unwrap();
    assert!(next.meta.revs["name"] > seeded[0].meta.revs["name"]);
    drop(again);
    Db::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn repo_save_refuses_an_invalid_record_and_writes_nothing() {
    let name = unique("invalid");
    let repo = Repo::open(&name).await.unwrap();
    let clock_before: Option<Clock> = repo.db().kv_get("clock").await.unwrap();

    let err = repo.save(None, district("  ")).await.unwrap_err();
    match &err {
        SaveError::Invalid(errors) => {
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].field, "name");
            assert_eq!(errors[0].problem, Problem::Required);
        }
        other => panic!("expected field errors, got {other}"),
    }
    assert_eq!(err.field_errors().len(), 1);
    assert_eq!(repo.db().count::<District>().await.unwrap(), 0);
    assert_eq!(repo.db().kv_get::<Clock>("clock").await.unwrap(), clock_before, "not even the clock");

    // A batch with an invalid record is dropped: the valid one is not written either.
    let mut batch = repo.batch();
    batch.save(None, district("Nord")).unwrap();
    assert!(matches!(batch.save(None, provider("")), Err(SaveError::Invalid(_))));
    drop(batch);
    assert_eq!(repo.db().count::<District>().await.unwrap(), 0);

    // Settings are validated too.
    let bad = Settings { municipality: String::new(), ..Settings::default() };
    assert!(matches!(repo.save_settings(&bad).await, Err(SaveError::Invalid(_))));
    assert_eq!(repo.settings().await.unwrap(), Settings::default());
    drop(repo);
    Db::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_save_from_a_stale_copy_keeps_what_another_tab_saved_meanwhile() {
    let name = unique("tabs");
    let (one, other) = (Repo::open(&name).await.unwrap(), Repo::open(&name).await.unwrap());
    let read = one.save(None, district("Nord")).await.unwrap();
    // The other tab renames it; this tab, still showing `read`, then changes the neighbours.
    let renamed = other.save(Some(&read), District { name: "Nordvest".into(), ..read.clone() }).await.unwrap();
    let neighbour = DistrictId::new();
    let edited = District { neighbours: vec![neighbour], ..read.clone() };
    one.save(Some(&read), edited).await.unwrap();
    let stored = one.db().get::<District>(&read.key()).await.unwrap().unwrap();
    assert_eq!((stored.name.as_str(), stored.neighbours.as_slice()), ("Nordvest", &[neighbour][..]), "both edits");
    assert_eq!(stored.meta.revs["name"], renamed.meta.revs["name"]);
    assert!(one.conflicts().await.unwrap().is_empty(), "different fields: no conflict");

    // Both tabs change the name from the same copy: the later save's value is kept and the
    // other goes to the conflict list, as an import would do.
    let other_name = other.save(Some(&stored), District { name: "Nord-Øst".into(), ..stored.clone() }).await.unwrap();
    let one_name = one.save(Some(&stored), District { name: "Nord-Vest".into(), ..stored.clone() }).await.unwrap();
    // (Saved later, so normally with the greater stamp; within one millisecond the stamps' order
    // decides, as everywhere.)
    let (kept, lost) = if one_name.meta.revs["name"] > other_name.meta.revs["name"] {
        (&one_name, &other_name)
    } else {
        (&other_name, &one_name)
    };
    let now = one.db().get::<District>(&read.key()).await.unwrap().unwrap();
    assert_eq!(now.name, kept.name);
    assert_eq!(now.neighbours, vec![neighbour]);
    let conflicts = one.conflicts().await.unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!((conflicts[0].field.as_str(), &conflicts[0].lost), ("name", &serde_json::json!(lost.name)));
    assert_eq!(conflicts[0].lost_stamp, lost.meta.revs["name"]);
    let clock: Clock = one.db().kv_get("clock").await.unwrap().unwrap();
    assert!(clock.last >= now.meta.revs["name"], "the stored clock never moves back");
    drop((one, other));
    Db::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_import_in_a_tab_whose_clock_is_behind_does_not_move_the_stored_clock_back() {
    use fordeling::sync::format::{export, Scope, Snapshot};
    use fordeling::sync::merge::merge;
    use fordeling::sync::revision::stamp_changes;
    let name = unique("import-clock");
    let (one, other) = (Repo::open(&name).await.unwrap(), Repo::open(&name).await.unwrap());
    // The other tab saves after this one read the clock: the stored clock is ahead of this tab's.
    let saved = other.save(None, district("Nord")).await.unwrap();
    // A file from a device whose clock is far behind.
    let old = Stamp { t: 1_000, c: 0, d: DeviceId("old-device".into()) };
    let mut vest = district("Vest");
    stamp_changes(None, &mut vest, &old);
    let mut theirs = Snapshot::default();
    theirs.records.districts.push(vest);
    let file = export(
        &theirs,
        &Scope::Full,
        &DeviceId("old-device".into()),
        chrono::DateTime::from_timestamp_millis(1_000).unwrap(),
    );
    let prepared = one.prepare_import().await.unwrap();
    let result = merge(&prepared.local, &file);
    let staged = one.stage_import(&prepared, &result, file.max_stamp().as_ref()).unwrap();
    assert!(one.apply_staged(staged).await.unwrap().is_some());
    let clock: Clock = one.db().kv_get("clock").await.unwrap().unwrap();
    assert!(clock.last >= saved.meta.revs["name"], "the stored clock stays past the other tab's save");
    // This tab's next save outranks the other tab's.
    let renamed = one.save(Some(&saved), District { name: "Nordvest".into(), ..saved.clone() }).await.unwrap();
    assert!(renamed.meta.revs["name"] > saved.meta.revs["name"]);
    drop((one, other));
    Db::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_batch_saves_records_of_several_types_together() {
    let name = unique("batch");
    let repo = Repo::open(&name).await.unwrap();
    let nord = district("Nord");
    let school = School { meta: RecordMeta::new(SchoolId::new()), name: "Nordskolen".into(), district: nord.meta.id };
    let mut batch = repo.batch();
    let nord = batch.save(None, nord).unwrap();
    let school = batch.save(None, school).unwrap();
    assert_eq!(nord.meta.revs["name"], school.meta.revs["name"], "one stamp per batch");
    batch.commit().await.unwrap();
    assert_eq!(repo.db().by_index::<School>("district", &nord.key()).await.unwrap(), vec![school]);
    assert_eq!(repo.db().all::<District>().await.unwrap(), vec![nord]);

    let settings = Settings { municipality: "Ishøj".into(), ..Settings::default() };
    repo.save_settings(&settings).await.unwrap();
    assert_eq!(repo.settings().await.unwrap(), settings);
    drop(repo);
    Db::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_newer_schema_is_refused_and_a_closed_db_says_so() {
    let name = unique("newer");
    let db = open(&name).await;
    db.close();
    assert_eq!(db.all::<District>().await, Err(StorageError::Closed));
    drop(db);
    // A later app version bumped the schema.
    let newer = idb::Factory::new().unwrap().open(&name, Some(schema::CURRENT_VERSION + 1)).unwrap().await.unwrap();
    newer.close();
    match Db::open(&name).await {
        Err(StorageError::TooNew { supported, .. }) => assert_eq!(supported, schema::CURRENT_VERSION),
        Err(other) => panic!("expected TooNew, got {other}"),
        Ok(_) => panic!("opened a database newer than the app"),
    }
    Db::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_applied_import_is_undone_exactly_and_only_once() {
    use fordeling::sync::format::{export, Scope, Stamped, Tombstone};
    use fordeling::sync::merge::merge;
    use fordeling::sync::revision::stamp_changes;
    let name = unique("undo");
    let repo = Repo::open(&name).await.unwrap();
    let nord = repo.save(None, district("Nord")).await.unwrap();
    let syd = repo.save(None, district("Syd")).await.unwrap();
    let erased = repo.save(None, district("Øst")).await.unwrap();

    // Another device, later: renames Nord and Syd, erases Øst, adds Vest, changes the settings.
    let mut theirs = repo.snapshot().await.unwrap();
    let stamp = Stamp { t: fordeling::storage::now_ms() + 1_000, c: 0, d: DeviceId("other".into()) };
    for d in theirs.records.districts.iter_mut().filter(|d| d.meta.id != erased.meta.id) {
        let old = d.clone();
        d.name = format!("{} (fjern)", d.name);
        stamp_changes(Some(&old), d, &stamp);
    }
    theirs.records.districts.retain(|d| d.meta.id != erased.meta.id);
    let mut vest = district("Vest");
    stamp_changes(None, &mut vest, &stamp);
    theirs.records.districts.push(vest);
    theirs.tombstones.push(Tombstone { store: "districts".into(), id: erased.key(), stamp: stamp.clone() });
    theirs.settings =
        Some(Stamped { value: Settings { municipality: "Ishøj".into(), ..Settings::default() }, rev: stamp.clone() });
    let file = export(
        &theirs,
        &Scope::Full,
        &DeviceId("other".into()),
        chrono::DateTime::from_timestamp_millis(stamp.t as i64).unwrap(),
    );

    // Meanwhile this device renamed Nord too: a concurrent edit, so a conflict entry. A merge
    // prepared before that edit is stale: applying it writes nothing.
    let stale = repo.prepare_import().await.unwrap();
    assert!(repo.is_current(&stale).await.unwrap(), "nothing written yet");
    repo.save(Some(&nord), District { name: "Nord (lokal)".into(), ..nord.clone() }).await.unwrap();
    assert!(!repo.is_current(&stale).await.unwrap(), "a save makes what was read before it stale");
    let mut unchanged = repo.snapshot().await.unwrap();
    let stale_merge = merge(&stale.local, &file);
    let staged = repo.stage_import(&stale, &stale_merge, file.max_stamp().as_ref()).unwrap();
    assert!(repo.apply_staged(staged).await.unwrap().is_none(), "stale");
    let mut now = repo.snapshot().await.unwrap();
    now.canonicalize();
    unchanged.canonicalize();
    assert_eq!(now, unchanged, "a stale merge writes nothing");

    let prepared = repo.prepare_import().await.unwrap();
    let before = prepared.local.clone();
    let result = merge(&before, &file);
    assert_eq!(result.removed, vec![("districts".to_string(), erased.key())]);
    assert_eq!(result.changes.districts.len(), 3, "two renamed, one added");
    let lost: Vec<&str> = result.conflicts.iter().map(|c| c.store.as_str()).collect();
    assert_eq!(
        lost,
        ["districts"],
        "Nord (lokal) lost; the seeded settings nobody edited lost too, but are no conflict"
    );
    let staged = repo.stage_import(&prepared, &result, file.max_stamp().as_ref()).unwrap();
    let applied = repo.apply_staged(staged).await.unwrap().expect("applied");

    let mut after = repo.snapshot().await.unwrap();
    after.canonicalize();
    assert_eq!(after, result.merged(&before), "the merged state is stored");
    // What was merged serves the next import as if read back, until something else is written.
    let next = applied.prepared(result.merged(&before));
    assert!(repo.is_current(&next).await.unwrap());
    assert_eq!(next.local, after);
    assert!(after.records.districts.iter().any(|d| d.meta.id == syd.meta.id && d.name == "Syd (fjern)"));
    assert!(repo.can_undo_import().await.unwrap());

    assert!(repo.undo_import().await.unwrap());
    assert!(!repo.is_current(&next).await.unwrap(), "undo wrote: no longer current");
    let mut restored = repo.snapshot().await.unwrap();
    restored.canonicalize();
    // Everything as before, except that the erasure stays: no copy of Øst was kept.
    let mut want = before;
    want.records.districts.retain(|d| d.meta.id != erased.meta.id);
    want.tombstones = after.tombstones.clone();
    want.canonicalize();
    assert_eq!(restored, want, "undo restores the records, settings and conflicts; the erasure stays");
    assert!(!format!("{restored:?}").contains("Øst"));
    assert!(!repo.can_undo_import().await.unwrap());
    assert!(!repo.undo_import().await.unwrap(), "nothing left to undo");
    drop(repo);
    Db::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn erasing_a_youth_removes_them_everywhere_on_the_device_and_leaves_tombstones() {
    use fordeling::sync::erase::YouthErasure;
    use fordeling::sync::format::{export, Conflict, Scope};
    use fordeling::sync::merge::merge;
    use fordeling::sync::revision::stamp_changes;
    let name = unique("erase");
    let repo = Repo::open(&name).await.unwrap();
    let nord = repo.save(None, district("Nord")).await.unwrap();
    let youth = Youth {
        meta: RecordMeta::new(YouthId::new()),
        pseudonym: "E.K.".into(),
        birth_date: chrono::NaiveDate::from_ymd_opt(2012, 3, 4).unwrap(),
        gender: None,
        district: nord.meta.id,
        school: None,
        club: None,
        interests: vec![],
        languages: vec![],
        siblings: vec![],
    };
    let youth = repo.save(None, youth).await.unwrap();
    let kept = repo.save(None, case(CaseStatus::Draft)).await.unwrap();
    let theirs = repo.save(None, Case { youth: youth.meta.id, ..case(CaseStatus::Draft) }).await.unwrap();
    // An import that edits the youth's case: its undo record keeps the case as it was.
    let mut snapshot = repo.snapshot().await.unwrap();
    let stamp = Stamp { t: fordeling::storage::now_ms() + 1_000, c: 0, d: DeviceId("other".into()) };
    for c in snapshot.records.cases.iter_mut().filter(|c| c.meta.id == theirs.meta.id) {
        let old = c.clone();
        c.caseworker = "MH".into();
        stamp_changes(Some(&old), c, &stamp);
    }
    let at = chrono::DateTime::from_timestamp_millis(stamp.t as i64).unwrap();
    let file = export(&snapshot, &Scope::Full, &DeviceId("other".into()), at);
    let prepared = repo.prepare_import().await.unwrap();
    let result = merge(&prepared.local, &file);
    let staged = repo.stage_import(&prepared, &result, file.max_stamp().as_ref()).unwrap();
    repo.apply_staged(staged).await.unwrap().expect("applied");
    let undo: serde_json::Value = repo.db().kv_get("undo_import").await.unwrap().unwrap();
    assert!(undo.to_string().contains(&theirs.key()), "the undo record holds the case");
    repo.save_conflicts(&[Conflict {
        store: "youths".into(),
        id: youth.key(),
        field: "pseudonym".into(),
        kept: "E.K.".into(),
        kept_stamp: stamp.clone(),
        lost: "E.".into(),
        lost_stamp: stamp.clone(),
    }])
    .await
    .unwrap();

    let before = repo.snapshot().await.unwrap();
    let r = &before.records;
    let keys = YouthErasure::of(&youth, &r.cases, &r.decisions, &r.followups).keys();
    assert_eq!(keys.len(), 2, "the youth and their case");
    repo.erase(&keys).await.unwrap();

    let after = repo.snapshot().await.unwrap();
    assert!(after.records.youths.is_empty() && after.records.cases.len() == 1);
    assert_eq!(after.records.cases[0].meta.id, kept.meta.id);
    assert!(after.conflicts.is_empty(), "the conflict entry about the youth is gone");
    let erased: Vec<&str> = after.tombstones.iter().map(|t| t.id.as_str()).collect();
    assert!(erased.contains(&youth.key().as_str()) && erased.contains(&theirs.key().as_str()));
    let undo: serde_json::Value = repo.db().kv_get("undo_import").await.unwrap().unwrap();
    assert!(!undo.to_string().contains("E.K.") && !undo.to_string().contains(&theirs.key()), "no copy kept for undo");
    // Undoing the import does not bring them back either.
    assert!(repo.undo_import().await.unwrap());
    let undone = repo.snapshot().await.unwrap();
    assert!(undone.records.youths.is_empty());
    assert_eq!(undone.records.cases.len(), 1);
    assert_eq!(undone.tombstones, after.tombstones);
    drop(repo);
    Db::delete(&name).await.unwrap();
}
