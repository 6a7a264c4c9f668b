use super::*;
use crate::domain::record::RECORD_STORES;

#[test]
fn records_have_one_field_per_store_in_store_order() {
    let value = serde_json::to_value(Records::default()).unwrap();
    let keys: Vec<String> = match value {
        Value::Object(map) => map.keys().cloned().collect(),
        _ => panic!("records must be an object"),
    };
    let mut stores: Vec<String> = RECORD_STORES.iter().map(|s| s.to_string()).collect();
    let mut sorted_keys = keys.clone();
    sorted_keys.sort();
    stores.sort();
    assert_eq!(sorted_keys, stores);
    let doc = export(&Snapshot::default(), &Scope::Full, &DeviceId("d".into()), DateTime::<Utc>::MIN_UTC);
    let text = String::from_utf8(doc.to_json()).unwrap();
    let positions: Vec<usize> = RECORD_STORES.iter().map(|s| text.find(&format!("\"{s}\":")).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "stores in RECORD_STORES order");
}

#[test]
fn file_name_is_safe() {
    let mut doc = export(&Snapshot::default(), &Scope::Full, &DeviceId("d".into()), DateTime::<Utc>::MIN_UTC);
    doc.municipality = "Ishøj/Vallensbæk".into();
    doc.exported_at = "2026-11-24T10:00:00Z".into();
    assert_eq!(doc.file_name(), "fordeling-ishøj-vallensbæk-fuld-2026-11-24.json");
}
