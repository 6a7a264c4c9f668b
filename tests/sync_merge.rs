//! Merge rules and laws: deterministic rule tests, proptests over random edit histories of
//! three devices, and scoped packages built from the sample municipality.

use chrono::{DateTime, NaiveDate, Utc};
use fordeling::domain::*;
use fordeling::sync::format::{export, ExportDoc, Scope, Snapshot, Stamped, Tombstone, SETTINGS_STORE};
use fordeling::sync::merge::{merge, merge_versions, MergeResult};
use fordeling::sync::revision::stamp_changes;
use fordeling::sync::scope::select;
use fordeling::sync::validate::parse_and_validate;
use proptest::prelude::*;
use serde_json::Value;
use std::collections::HashSet;
use uuid::Uuid;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000, 0).unwrap()
}

/// The data after importing `file` into `local`.
fn merged(local: &Snapshot, file: &ExportDoc) -> Snapshot {
    merge(local, file).merged(local)
}

fn doc(s: &Snapshot) -> ExportDoc {
    export(s, &Scope::Full, &DeviceId("x".into()), now())
}

/// One simulated device: its data and its clock.
#[derive(Clone)]
struct Device {
    data: Snapshot,
    clock: Clock,
}

impl Device {
    fn new(name: &str) -> Self {
        Self { data: Snapshot::default(), clock: Clock::new(DeviceId(name.into())) }
    }

    fn import(&mut self, file: &ExportDoc) -> MergeResult {
        let result = merge(&self.data, file);
        if let Some(s) = file.max_stamp() {
            self.clock.observe(&s);
        }
        self.data = result.merged(&self.data);
        result
    }
}

const POOL: usize = 3;

fn district_id(i: usize) -> DistrictId {
    DistrictId(Uuid::from_u128(0xd000 + i as u128))
}
fn case_id(i: usize) -> CaseId {
    CaseId(Uuid::from_u128(0xc000 + i as u128))
}

/// Apply one edit of record `rec` (0..POOL districts, POOL..2*POOL cases), field `field`, value `val`.
fn edit(dev: &mut Device, rec: usize, field: u8, val: u8, t: u64) {
    let stamp = dev.clock.tick(t);
    let erased = |store: &str, id: String| dev.data.tombstones.iter().any(|x| x.store == store && x.id == id);
    if rec < POOL {
        let id = district_id(rec);
        if erased("districts", id.to_string()) {
            return;
        }
        let list = &mut dev.data.records.districts;
        let old = list.iter().position(|d| d.meta.id == id).map(|i| list.remove(i));
        let mut new =
            old.clone().unwrap_or(District { meta: RecordMeta::new(id), name: "D".into(), neighbours: vec![] });
        match field % 3 {
            0 => new.name = format!("N{val}"),
            1 => new.neighbours = (0..val as usize % POOL).map(district_id).collect(),
            _ => new.meta.archived = val % 2 == 1,
        }
        stamp_changes(old.as_ref(), &mut new, &stamp);
        list.push(new);
    } else {
        let id = case_id(rec - POOL);
        if erased("cases", id.to_string()) {
            return;
        }
        let list = &mut dev.data.records.cases;
        let old = list.iter().position(|c| c.meta.id == id).map(|i| list.remove(i));
        let mut new = old.clone().unwrap_or_else(|| {
            let mut c = Case::draft(YouthId(Uuid::from_u128(0xaaaa)), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
            c.meta.id = id;
            c
        });
        match field % 4 {
            0 => new.note = format!("note {val}"),
            1 => new.caseworker = format!("SB{val}"),
            2 => new.hours_per_week = Some(val as f64 + 1.0),
            _ => new.meta.archived = val % 2 == 1,
        }
        stamp_changes(old.as_ref(), &mut new, &stamp);
        list.push(new);
    }
}

fn erase(dev: &mut Device, rec: usize, t: u64) {
    let stamp = dev.clock.tick(t);
    let (store, id) = if rec < POOL {
        let id = district_id(rec);
        dev.data.records.districts.retain(|d| d.meta.id != id);
        ("districts", id.to_string())
    } else {
        let id = case_id(rec - POOL);
        dev.data.records.cases.retain(|c| c.meta.id != id);
        ("cases", id.to_string())
    };
    dev.data.conflicts.retain(|c| !(c.store == store && c.id == id));
    if !dev.data.tombstones.iter().any(|x| x.store == store && x.id == id) {
        dev.data.tombstones.push(Tombstone { store: store.into(), id, stamp });
    }
}

#[derive(Clone, Debug)]
enum Op {
    Edit { dev: usize, rec: usize, field: u8, val: u8, dt: u64 },
    Settings { dev: usize, val: u8, dt: u64 },
    Erase { dev: usize, rec: usize, dt: u64 },
    Sync { from: usize, to: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        10 => (0..3usize, 0..2 * POOL, 0..4u8, 0..3u8, 0..3u64).prop_map(|(dev, rec, field, val, dt)| Op::Edit { dev, rec, field, val, dt }),
        2 => (0..3usize, 0..3u8, 0..3u64).prop_map(|(dev, val, dt)| Op::Settings { dev, val, dt }),
        1 => (0..3usize, 0..2 * POOL, 0..3u64).prop_map(|(dev, rec, dt)| Op::Erase { dev, rec, dt }),
        3 => (0..3usize, 0..3usize).prop_map(|(from, to)| Op::Sync { from, to }),
    ]
}

/// Run a history on three devices (a, b, c) that start empty. Wall-clock steps can be 0, so
/// equal times on different devices (tie-break by counter and device) happen often.
fn run(ops: &[Op]) -> Vec<Device> {
    let mut devices = vec![Device::new("a"), Device::new("b"), Device::new("c")];
    let mut t = 1_700_000_000_000u64;
    for op in ops {
        match *op {
            Op::Edit { dev, rec, field, val, dt } => {
                t += dt;
                edit(&mut devices[dev], rec, field, val, t);
            }
            Op::Settings { dev, val, dt } => {
                t += dt;
                let d = &mut devices[dev];
                let rev = d.clock.tick(t);
                d.data.settings =
                    Some(Stamped { value: Settings { budget_frame_kr: val as u64, ..Settings::default() }, rev });
            }
            Op::Erase { dev, rec, dt } => {
                t += dt;
                erase(&mut devices[dev], rec, t);
            }
            Op::Sync { from, to } if from != to => {
                let file = doc(&devices[from].data);
                devices[to].import(&file);
            }
            Op::Sync { .. } => {}
        }
    }
    devices
}

/// How the values of an input fared in a merge result.
#[derive(Clone, Copy, Debug, Default)]
struct Fate {
    /// Lost to a different winner and kept in the conflict list (a concurrent overwrite).
    in_conflicts: usize,
    /// Lost to a different winner whose writer had seen it: stamp <= the field's base.
    superseded: usize,
}

/// Every field value of every record in `input` is in `result`: as the value, or as a lost
/// value in the conflict list, or it was knowingly overwritten (its stamp is not greater than the
/// result's base for the field), or the record is erased. Conflict entries of `input` count as
/// values written at their lost stamp.
fn assert_nothing_lost(input: &Snapshot, result: &Snapshot) -> Result<Fate, TestCaseError> {
    type Row = (String, String, String, Value, Stamp);
    let erased: HashSet<(String, String)> = result.tombstones.iter().map(|t| (t.store.clone(), t.id.clone())).collect();
    fn rows<T: Record>(out: &mut Vec<Row>, store: &str, records: &[T]) {
        for r in records {
            let mut fields = fordeling::sync::revision::fields(r);
            fields.push(("archived".into(), Value::Bool(r.archived())));
            for (f, v) in fields {
                let stamp = r.revs().get(&f).cloned().unwrap_or_default();
                out.push((store.into(), r.key(), f, v, stamp));
            }
        }
    }
    let fields_of = |s: &Snapshot| -> (Vec<Row>, Vec<Row>) {
        let mut values = Vec::new();
        rows(&mut values, "districts", &s.records.districts);
        rows(&mut values, "cases", &s.records.cases);
        if let Some(st) = &s.settings {
            values.push((
                SETTINGS_STORE.into(),
                SETTINGS_STORE.into(),
                "value".into(),
                serde_json::to_value(&st.value).unwrap(),
                st.rev.clone(),
            ));
        }
        let lost = s
            .conflicts
            .iter()
            .map(|c| {
                let (store, id, field) = (c.store.clone(), c.id.clone(), c.field.clone());
                (store, id, field, c.lost.clone(), c.lost_stamp.clone())
            })
            .collect();
        (values, lost)
    };
    let text = |r: &Row| serde_json::to_string(&(&r.0, &r.1, &r.2, &r.3)).unwrap();
    let (now_values, now_lost) = fields_of(result);
    let current: HashSet<String> = now_values.iter().map(text).collect();
    let kept: HashSet<String> = now_lost.iter().map(text).collect();
    let mut bases = std::collections::HashMap::new();
    for d in &result.records.districts {
        for (f, b) in &d.meta.bases {
            bases.insert(("districts".to_string(), d.key(), f.clone()), b.clone());
        }
    }
    for c in &result.records.cases {
        for (f, b) in &c.meta.bases {
            bases.insert(("cases".to_string(), c.key(), f.clone()), b.clone());
        }
    }
    let mut fate = Fate::default();
    let (values, lost) = fields_of(input);
    for row in values.iter().chain(&lost) {
        let (store, id, field, value, stamp) = row;
        if erased.contains(&(store.clone(), id.clone())) || current.contains(&text(row)) {
            continue;
        }
        if kept.contains(&text(row)) {
            fate.in_conflicts += 1;
            continue;
        }
        let base = bases.get(&(store.clone(), id.clone(), field.clone()));
        prop_assert!(
            base.is_some_and(|b| b >= stamp),
            "lost: {store} {id} {field} = {value} at {stamp:?}, base {base:?}"
        );
        fate.superseded += 1;
    }
    Ok(fate)
}

/// The three-way merge of the law test, and how the inputs' values fared in it.
fn three_way(devices: &[Device]) -> Result<(Snapshot, Fate), TestCaseError> {
    let (s, b) = (&devices[0].data, doc(&devices[2].data));
    let sab = merged(&merged(s, &doc(&devices[1].data)), &b);
    let mut total = Fate::default();
    for input in [s, &devices[1].data, &devices[2].data] {
        let f = assert_nothing_lost(input, &sab)?;
        total.in_conflicts += f.in_conflicts;
        total.superseded += f.superseded;
    }
    Ok((sab, total))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn merge_is_commutative_associative_idempotent_and_loses_nothing(ops in prop::collection::vec(op(), 1..40)) {
        let devices = run(&ops);
        let (s, a, b) = (&devices[0].data, doc(&devices[1].data), doc(&devices[2].data));

        let sa = merged(s, &a);
        let sab = merged(&sa, &b);
        let sba = merged(&merged(s, &b), &a);
        prop_assert_eq!(&sab, &sba, "commutativity");

        let ab = merged(&devices[1].data, &b);
        let s_ab = merged(s, &doc(&ab));
        prop_assert_eq!(&sab, &s_ab, "associativity");

        let again = merge(&sa, &a);
        prop_assert!(again.preview.is_noop(), "second import changes nothing: {:?}", again.preview);
        prop_assert!(again.preview.new.is_empty() && again.preview.changed.is_empty() && again.preview.conflicting.is_empty());
        prop_assert!(again.conflicts.is_empty());
        prop_assert!(again.changes.is_empty() && again.removed.is_empty(), "nothing to write");
        prop_assert_eq!(&again.merged(&sa), &sa, "idempotence");

        // Two-way symmetry: S into A's data gives what A's file into S gives.
        let as_ = merged(&devices[1].data, &doc(s));
        prop_assert_eq!(&as_, &sa, "merge(S,A) == merge(A,S)");

        let (again_sab, _) = three_way(&devices)?;
        prop_assert_eq!(&again_sab, &sab);
    }

    /// A save onto a record another tab changed meanwhile (`merge_versions`) ends as importing
    /// the other version would: the same record and the same conflict entries for it.
    #[test]
    fn merging_two_versions_of_a_record_is_the_import_merge_of_that_record(ops in prop::collection::vec(op(), 1..40)) {
        let devices = run(&ops);
        // The edited version comes without a conflict list of its own: both tabs share a's.
        let (a, b) = (&devices[0].data, &Snapshot { conflicts: vec![], ..devices[1].data.clone() });
        let imported = merged(a, &doc(b));
        let erased = |id: String| a.tombstones.iter().chain(&b.tombstones).any(|t| t.store == "districts" && t.id == id);
        for stored in &a.records.districts {
            let Some(edited) = b.records.districts.iter().find(|d| d.meta.id == stored.meta.id) else { continue };
            if erased(stored.meta.id.to_string()) {
                continue;
            }
            let (record, conflicts) = merge_versions(stored, edited, &a.conflicts);
            let expected = imported.records.districts.iter().find(|d| d.meta.id == stored.meta.id);
            prop_assert_eq!(Some(&record), expected);
            let of_record = |list: &[fordeling::sync::format::Conflict]| -> Vec<_> {
                list.iter().filter(|c| c.store == "districts" && c.id == stored.meta.id.to_string()).cloned().collect()
            };
            prop_assert_eq!(of_record(&conflicts), of_record(&imported.conflicts));
            let others = |list: &[fordeling::sync::format::Conflict]| list.iter().filter(|c| c.id != stored.meta.id.to_string()).count();
            prop_assert_eq!(others(&conflicts), others(&a.conflicts), "other records' entries stay as they were");
        }
    }

    #[test]
    fn devices_that_exchange_files_in_any_order_converge(ops in prop::collection::vec(op(), 1..30), order in Just(()).prop_perturb(|_, mut rng| {
        let mut v = vec![0usize, 1, 2];
        for i in (1..3).rev() { v.swap(i, (rng.next_u32() as usize) % (i + 1)); }
        v
    })) {
        let mut devices = run(&ops);
        // Everyone sends to the first in `order`, which then sends the result to the others.
        let hub = order[0];
        for &d in &order[1..] {
            let file = doc(&devices[d].data);
            devices[hub].import(&file);
        }
        let all = doc(&devices[hub].data);
        for &d in &order[1..] {
            devices[d].import(&all);
        }
        prop_assert_eq!(&devices[0].data, &devices[1].data);
        prop_assert_eq!(&devices[1].data, &devices[2].data);
    }
}

/// The "nothing lost" property is not vacuous: over the law test's random histories, both kinds
/// of overwrite happen in a fair share of the cases (sequential ones are no longer conflicts,
/// concurrent ones still are).
#[test]
fn random_histories_hold_both_sequential_and_concurrent_overwrites() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = prop::collection::vec(op(), 1..40);
    let (cases, mut sequential, mut concurrent) = (300, 0, 0);
    for _ in 0..cases {
        let ops = strategy.new_tree(&mut runner).unwrap().current();
        let (_, fate) = three_way(&run(&ops)).unwrap();
        sequential += usize::from(fate.superseded > 0);
        concurrent += usize::from(fate.in_conflicts > 0);
    }
    println!("{cases} histories: {sequential} with a sequential overwrite, {concurrent} with a kept conflict");
    assert!(sequential * 5 >= cases, "sequential overwrites in only {sequential} of {cases}");
    assert!(concurrent * 5 >= cases, "concurrent overwrites in only {concurrent} of {cases}");
}

// ---- Rules, one by one ----

fn district(id: usize, name: &str) -> District {
    District { meta: RecordMeta::new(district_id(id)), name: name.into(), neighbours: vec![] }
}

fn two_devices_with_one_district() -> (Device, Device) {
    let mut a = Device::new("a");
    let mut d = district(0, "Nord");
    stamp_changes(None, &mut d, &a.clock.tick(1000));
    a.data.records.districts.push(d);
    let mut b = Device::new("b");
    b.import(&doc(&a.data));
    (a, b)
}

fn change(dev: &mut Device, t: u64, f: impl FnOnce(&mut District)) {
    let old = dev.data.records.districts[0].clone();
    let mut new = old.clone();
    f(&mut new);
    stamp_changes(Some(&old), &mut new, &dev.clock.tick(t));
    dev.data.records.districts[0] = new;
}

#[test]
fn concurrent_edits_to_different_fields_both_survive() {
    let (mut a, mut b) = two_devices_with_one_district();
    change(&mut a, 2000, |d| d.name = "Nordvest".into());
    change(&mut b, 2000, |d| d.neighbours = vec![district_id(1)]);
    let ra = a.import(&doc(&b.data));
    b.import(&doc(&a.data));
    assert_eq!(a.data, b.data);
    let d = &a.data.records.districts[0];
    assert_eq!((d.name.as_str(), d.neighbours.as_slice()), ("Nordvest", &[district_id(1)][..]));
    // Each side replaced a value it had seen (the imported "Nord" and []): sequential
    // overwrites, so nothing is a conflict.
    assert!(ra.preview.conflicting.is_empty(), "{:?}", ra.preview);
    assert_eq!(ra.preview.changed.len(), 1);
    assert!(ra.conflicts.is_empty() && a.data.conflicts.is_empty());
}

#[test]
fn concurrent_edits_to_one_field_pick_the_same_winner_everywhere_and_keep_the_loser() {
    let (mut a, mut b) = two_devices_with_one_district();
    // Same wall-clock millisecond: the device id decides ("b" > "a").
    change(&mut a, 2000, |d| d.name = "Fra A".into());
    change(&mut b, 2000, |d| d.name = "Fra B".into());
    let ra = a.import(&doc(&b.data));
    let rb = b.import(&doc(&a.data));
    assert_eq!(a.data, b.data);
    assert_eq!(a.data.records.districts[0].name, "Fra B");
    assert_eq!(ra.preview.conflicting.len(), 1);
    assert_eq!(rb.preview.conflicting.len(), 1, "b records the loser from a's file too");
    let c = &a.data.conflicts;
    assert_eq!(c.len(), 1);
    assert_eq!((c[0].field.as_str(), &c[0].lost, &c[0].kept), ("name", &Value::from("Fra A"), &Value::from("Fra B")));
    assert_eq!(c[0].lost_stamp.d, DeviceId("a".into()));
    // Importing the same file again adds nothing.
    let again = a.import(&doc(&b.data));
    assert!(again.preview.is_noop() && again.conflicts.is_empty());
    assert_eq!(a.data.conflicts.len(), 1);
}

/// A device opened at wall-clock `t`: the built-in defaults, with the defaults' shared stamp.
fn opened(name: &str, t: u64) -> Device {
    let mut dev = Device::new(name);
    dev.clock.tick(t);
    let mut d = district(0, "Nord");
    stamp_changes(None, &mut d, &Stamp::default());
    dev.data.records.districts.push(d);
    dev.data.settings = Some(Stamped { value: Settings::default(), rev: Stamp::default() });
    dev
}

#[test]
fn defaults_of_a_device_opened_later_never_beat_an_edit() {
    let mut a = opened("a", 1000);
    change(&mut a, 2000, |d| d.name = "Nordvest".into());
    let rev = a.clock.tick(2001);
    a.data.settings =
        Some(Stamped { value: Settings { municipality: "Ballerup Kommune".into(), ..Settings::default() }, rev });
    // A tablet opened for the first time long after a's edits.
    let mut b = opened("b", 9000);
    let rb = b.import(&doc(&a.data));
    let ra = a.import(&doc(&b.data));
    assert_eq!(a.data, b.data);
    assert_eq!(b.data.records.districts[0].name, "Nordvest");
    assert_eq!(b.data.settings.as_ref().unwrap().value.municipality, "Ballerup Kommune");
    assert!(rb.conflicts.is_empty() && ra.conflicts.is_empty(), "{:?} {:?}", rb.conflicts, ra.conflicts);
    assert!(ra.preview.is_noop(), "b's untouched defaults are nothing new to a: {:?}", ra.preview);
    // Two devices' untouched defaults are the same data.
    let (x, mut y) = (opened("x", 1000), opened("y", 5000));
    assert!(y.import(&doc(&x.data)).preview.is_noop());
}

#[test]
fn a_field_nobody_stamped_is_overwritten_without_a_conflict_and_the_export_stays_valid() {
    // A file from before stamps: the district has no revisions at all.
    let mut a = Device::new("a");
    a.data.records.districts.push(district(0, "Nord"));
    let mut b = Device::new("b");
    b.import(&doc(&a.data));
    change(&mut b, 2000, |d| d.name = "Nordvest".into());
    let r = a.import(&doc(&b.data));
    assert_eq!(a.data.records.districts[0].name, "Nordvest");
    assert!(r.conflicts.is_empty() && a.data.conflicts.is_empty(), "{:?}", r.conflicts);
    let bytes = serde_json::to_vec(&doc(&a.data)).unwrap();
    let checked = parse_and_validate(&bytes, today(), &|_, _| false);
    assert!(checked.is_ok(), "{:?}", checked.err());
}

fn caseworker(dev: &Device) -> (String, Option<Stamp>) {
    let c = &dev.data.records.cases[0];
    (c.caseworker.clone(), c.meta.bases.get("caseworker").cloned())
}

#[test]
fn a_later_edit_of_a_value_the_other_side_had_is_no_conflict() {
    // A creates a case with caseworker SB1; B imports it.
    let mut a = Device::new("a");
    let mut b = Device::new("b");
    edit(&mut a, POOL, 1, 1, 1000);
    b.import(&doc(&a.data));
    assert_eq!(caseworker(&b).0, "SB1");
    // A changes the caseworker and sends the file; B still has A's old value.
    edit(&mut a, POOL, 1, 2, 2000);
    let ra = doc(&a.data);
    let r = b.import(&ra);
    assert_eq!(caseworker(&b).0, "SB2");
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    assert!(b.data.conflicts.is_empty());
    assert!(r.preview.conflicting.is_empty());
    assert_eq!(r.preview.changed.len(), 1);
    assert_eq!(caseworker(&b).1.map(|s| s.t), Some(1000), "the merged record carries the winner's base");
    // Now a truly concurrent edit: both start from SB2.
    edit(&mut a, POOL, 1, 3, 3000);
    edit(&mut b, POOL, 1, 4, 3000);
    let rb = b.import(&doc(&a.data));
    let ra = a.import(&doc(&b.data));
    assert_eq!(a.data, b.data);
    assert_eq!(caseworker(&a).0, "SB4", "same time, device b wins");
    for r in [&ra, &rb] {
        assert_eq!(r.preview.conflicting.len(), 1, "{:?}", r.preview);
    }
    let c = &a.data.conflicts;
    assert_eq!(c.len(), 1);
    assert_eq!((c[0].field.as_str(), &c[0].lost, &c[0].kept), ("caseworker", &Value::from("SB3"), &Value::from("SB4")));
    // B resolves it by writing a new value, having seen SB4 win: the conflict goes at the next
    // merge on both devices, because SB3's stamp is not above the new base.
    edit(&mut b, POOL, 1, 5, 4000);
    let r = a.import(&doc(&b.data));
    assert!(a.data.conflicts.is_empty(), "{:?}", a.data.conflicts);
    assert!(r.preview.conflicting.is_empty());
    b.import(&doc(&a.data));
    assert_eq!(a.data, b.data);
}

#[test]
fn a_value_its_own_writer_replaced_stays_out_whatever_the_merge_order() {
    // S has x; A replaced x by y (so x is superseded); B, from the start value, wrote z later.
    let mut s = Device::new("s");
    edit(&mut s, 0, 0, 0, 1000); // the start value N0
    let start = doc(&s.data);
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.import(&start);
    b.import(&start);
    edit(&mut s, 0, 0, 1, 2000); // x = N1
    a.import(&doc(&s.data));
    edit(&mut a, 0, 0, 2, 3000); // y = N2, replacing x
    edit(&mut b, 0, 0, 7, 4000); // z = N7, concurrent with x and y
    let (fa, fb) = (doc(&a.data), doc(&b.data));
    let one = merged(&merged(&s.data, &fa), &fb);
    let two = merged(&merged(&s.data, &fb), &fa);
    assert_eq!(one, two);
    let lost: Vec<&Value> = one.conflicts.iter().map(|c| &c.lost).collect();
    assert_eq!(lost, [&Value::from("N2")], "y is kept, x is not");
}

#[test]
fn archiving_is_an_ordinary_field() {
    let (mut a, mut b) = two_devices_with_one_district();
    change(&mut a, 2000, |d| d.meta.archived = true);
    change(&mut b, 2001, |d| d.name = "Ny".into());
    a.import(&doc(&b.data));
    let d = &a.data.records.districts[0];
    assert!(d.meta.archived);
    assert_eq!(d.name, "Ny");
}

#[test]
fn erasure_wins_over_any_later_edit_and_removes_the_data() {
    let (mut a, mut b) = two_devices_with_one_district();
    change(&mut a, 1999, |d| d.name = "Fra A".into());
    change(&mut b, 2000, |d| d.name = "Fra B".into());
    a.import(&doc(&b.data));
    assert_eq!(a.data.conflicts.len(), 1);
    erase(&mut a, 0, 1500);
    change(&mut b, 9000, |d| d.name = "Senere redigering".into());
    let b_file = doc(&b.data);
    let rb = b.import(&doc(&a.data));
    assert_eq!(rb.preview.erased.len(), 1);
    let ra = a.import(&b_file);
    assert_eq!(a.data, b.data);
    assert!(a.data.records.districts.is_empty());
    assert!(a.data.conflicts.is_empty(), "conflict entries of an erased record go too");
    assert_eq!(ra.preview.unchanged.len(), 1, "the erased record in b's file is ignored");
    let text = String::from_utf8(doc(&a.data).to_json()).unwrap();
    assert!(
        !text.contains("Senere redigering") && !text.contains("Nord") && !text.contains("Fra "),
        "no personal data left: {text}"
    );
}

#[test]
fn settings_merge_as_a_whole_by_stamp() {
    let mut a = Device::new("a");
    let mut b = Device::new("b");
    let rev_a = a.clock.tick(1000);
    a.data.settings = Some(Stamped { value: Settings { budget_frame_kr: 1, ..Settings::default() }, rev: rev_a });
    let rev_b = b.clock.tick(2000);
    b.data.settings =
        Some(Stamped { value: Settings { followup_interval_months: 2, ..Settings::default() }, rev: rev_b });
    let r = a.import(&doc(&b.data));
    assert_eq!(a.data.settings.as_ref().unwrap().value.followup_interval_months, 2);
    assert_eq!(a.data.settings.as_ref().unwrap().value.budget_frame_kr, Settings::default().budget_frame_kr);
    assert_eq!(r.preview.conflicting, vec![(SETTINGS_STORE.to_string(), SETTINGS_STORE.to_string())]);
    assert_eq!(r.conflicts[0].lost["budget_frame_kr"], 1);
}

// ---- Scoped packages ----

fn stamped_workspace(n: usize) -> Snapshot {
    let w = fordeling::sample::workspace(n, 11, today());
    let stamp = Stamp { t: 1_700_000_000_000, c: 0, d: DeviceId("seed".into()) };
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
    let mut s = Snapshot::default();
    s.records.districts = stamped!(w.districts);
    s.records.schools = stamped!(w.schools);
    s.records.concerns = stamped!(w.concerns);
    s.records.legal_bases = stamped!(w.legal_bases);
    s.records.providers = stamped!(w.providers);
    s.records.persons = stamped!(w.persons);
    s.records.youths = stamped!(w.youths);
    s.records.cases = stamped!(w.cases);
    s.settings = Some(Stamped { value: Settings::default(), rev: stamp });
    s
}

#[test]
fn a_club_package_holds_only_its_cases_youths_and_persons() {
    let all = stamped_workspace(300);
    let club = all.records.providers.iter().find(|p| p.kind == ProviderKind::Club).unwrap();
    let scope = Scope::Club { provider: club.meta.id, name: club.name.clone() };
    let part = select(&all, &scope);
    let own: HashSet<PersonId> =
        all.records.persons.iter().filter(|p| p.provider == club.meta.id).map(|p| p.meta.id).collect();
    let expected: Vec<&Case> =
        all.records.cases.iter().filter(|c| c.assignment.is_some_and(|a| own.contains(&a.person))).collect();
    assert!(!expected.is_empty(), "the sample gives the club cases");
    assert_eq!(part.records.cases.len(), expected.len());
    for c in &part.records.cases {
        assert!(own.contains(&c.assignment.unwrap().person), "case outside the club leaked");
    }
    let youths: HashSet<YouthId> = part.records.cases.iter().map(|c| c.youth).collect();
    assert_eq!(part.records.youths.len(), youths.len());
    assert!(part.records.youths.iter().all(|y| youths.contains(&y.meta.id)), "youth outside the scope leaked");
    assert!(part.records.persons.iter().all(|p| p.provider == club.meta.id));
    assert_eq!(part.records.persons.len(), own.len());
    assert_eq!(part.records.providers.len(), 1);
    assert_eq!(part.records.concerns.len(), all.records.concerns.len());
    assert_eq!(part.records.districts.len(), all.records.districts.len());
    assert!(part.settings.is_some());
    // The package passes validation on a device that has nothing yet.
    let file = export(&all, &scope, &DeviceId("x".into()), now());
    let parsed = fordeling::sync::validate::parse_and_validate(&file.to_json(), today(), &|_, _| false);
    assert!(parsed.is_ok(), "{:?}", parsed.err());
}

#[test]
fn a_district_package_holds_only_the_districts_youths() {
    let all = stamped_workspace(300);
    let d = &all.records.districts[2];
    let part = select(&all, &Scope::District { district: d.meta.id, name: d.name.clone() });
    assert!(!part.records.youths.is_empty());
    assert!(part.records.youths.iter().all(|y| y.district == d.meta.id), "youth of another district leaked");
    let youths: HashSet<YouthId> = part.records.youths.iter().map(|y| y.meta.id).collect();
    assert!(part.records.cases.iter().all(|c| youths.contains(&c.youth)), "case of another district leaked");
    let in_district = all.records.youths.iter().filter(|y| y.district == d.meta.id).count();
    assert_eq!(part.records.cases.len(), in_district, "every case of the district (one per youth in the sample)");
    let assigned: HashSet<PersonId> =
        part.records.cases.iter().filter_map(|c| c.assignment.map(|a| a.person)).collect();
    let clubs: HashSet<ProviderId> = all
        .records
        .providers
        .iter()
        .filter(|p| p.kind == ProviderKind::Club && p.district == Some(d.meta.id))
        .map(|p| p.meta.id)
        .collect();
    assert!(part.records.persons.iter().all(|p| clubs.contains(&p.provider) || assigned.contains(&p.meta.id)));
    let file =
        export(&all, &Scope::District { district: d.meta.id, name: d.name.clone() }, &DeviceId("x".into()), now());
    assert!(fordeling::sync::validate::parse_and_validate(&file.to_json(), today(), &|_, _| false).is_ok());
    // Merging a package back into the full workspace changes nothing.
    let back = merge(&all, &file);
    assert!(back.preview.is_noop());
}
