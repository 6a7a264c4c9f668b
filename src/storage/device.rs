//! Browser glue: the wall clock, today's local date, and persistent storage.

use chrono::NaiveDate;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Milliseconds since the Unix epoch (the wall clock the HLC ticks from).
pub fn now_ms() -> u64 {
    let ms = js_sys::Date::now();
    if ms.is_finite() && ms > 0.0 {
        ms as u64
    } else {
        0
    }
}

/// Today's date in the browser's local time zone. Falls back to 1970-01-01 only if the
/// browser reports an impossible date.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

/// The local date and time to the second (for when a decision was taken).
pub fn now_local() -> chrono::NaiveDateTime {
    let now = js_sys::Date::new_0();
    today().and_hms_opt(now.get_hours(), now.get_minutes(), now.get_seconds()).unwrap_or_default()
}

/// Ask the browser to keep this site's data under storage pressure (`navigator.storage.persist()`).
/// Returns whether storage is persistent; `false` when the API is missing or refuses.
pub async fn request_persistence() -> bool {
    call_bool("persist").await
}

/// Whether the browser already keeps this site's data persistently (`navigator.storage.persisted()`).
pub async fn is_persisted() -> bool {
    call_bool("persisted").await
}

/// `(usage, quota)` in bytes from `navigator.storage.estimate()`, if the browser offers it.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let estimate = await_method("estimate").await?;
    let number = |name: &str| js_sys::Reflect::get(&estimate, &JsValue::from_str(name)).ok()?.as_f64();
    Some((number("usage")?, number("quota")?))
}

async fn call_bool(method: &str) -> bool {
    await_method(method).await.and_then(|v| v.as_bool()).unwrap_or(false)
}

/// `await navigator.storage[method]()`, or `None` when anything along the way is missing or
/// throws (insecure context, old browser, worker without `navigator.storage`).
async fn await_method(method: &str) -> Option<JsValue> {
    let global = js_sys::global();
    let navigator = js_sys::Reflect::get(&global, &JsValue::from_str("navigator")).ok()?;
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    let function: js_sys::Function =
        js_sys::Reflect::get(&storage, &JsValue::from_str(method)).ok()?.dyn_into().ok()?;
    let promise: js_sys::Promise = function.call0(&storage).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()
}
