//! Service-worker glue: register `/sw.js`, report when a new version is waiting, and switch to
//! it on request. A thin browser adapter; the UI shows the prompt.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration};

/// Register the worker and call `on_waiting` whenever an updated worker is installed and waiting.
/// Returns `None` where service workers are unavailable (e.g. not a secure context).
pub async fn register(on_waiting: impl Fn(ServiceWorker) + Clone + 'static) -> Option<ServiceWorkerRegistration> {
    let container = web_sys::window()?.navigator().service_worker();
    let promise = container.register("/sw.js");
    let registration: ServiceWorkerRegistration = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    let has_controller = container.controller().is_some();
    if let (Some(waiting), true) = (registration.waiting(), has_controller) {
        on_waiting(waiting);
    }
    let reg = registration.clone();
    let on_update = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = reg.installing() else { return };
        let worker = installing.clone();
        let notify = on_waiting.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            let controlled = web_sys::window().and_then(|w| w.navigator().service_worker().controller()).is_some();
            if worker.state() == web_sys::ServiceWorkerState::Installed && controlled {
                notify(worker.clone());
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
    on_update.forget();
    Some(registration)
}

/// Ask the waiting worker to take over, and reload once it controls the page.
pub fn activate(waiting: &ServiceWorker) {
    if let Some(window) = web_sys::window() {
        let container = window.navigator().service_worker();
        let reload = Closure::<dyn Fn()>::new(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &JsValue::from_str("type"), &JsValue::from_str("SKIP_WAITING"));
    let _ = waiting.post_message(&message);
}
