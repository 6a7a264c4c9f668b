//! Edits not saved yet. Each open form says whether it has any; before a link, a reload or
//! closing the tab would throw them away, the app asks first.

use crate::ui::text;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The open forms' "has unsaved edits", by a number each form gets when it registers. Plain
    /// cells, not signals: they outlive every form (the first form installs the listeners, and
    /// the code lives with the pages, not in the app's first download).
    static FORMS: RefCell<Vec<(u64, Signal<bool>)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u64> = const { Cell::new(0) };
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Asks before a link inside the app or a reload leaves a form with unsaved edits. (The
/// browser's back button cannot be asked about; the case form keeps its draft instead.)
fn install() {
    // Both listeners live as long as the page. The browser shows its own question on a reload;
    // the page cannot choose the words.
    let on_unload = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        if any() {
            ev.prevent_default();
        }
    });
    let _ = window().add_event_listener_with_callback("beforeunload", on_unload.as_ref().unchecked_ref());
    on_unload.forget();
    // In the capture phase, so a refused link never reaches the router's own listener.
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        if leaves_page(&ev) && any() && !confirm_discard() {
            ev.prevent_default();
            ev.stop_propagation();
        }
    });
    let _ = document().add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
    on_click.forget();
}

fn any() -> bool {
    FORMS.with(|forms| forms.borrow().iter().any(|(_, dirty)| dirty.try_get_untracked().unwrap_or(false)))
}

/// Asks whether the unsaved edits may be thrown away.
pub fn confirm_discard() -> bool {
    ask(text::DISCARD_UNSAVED)
}

/// Asks a yes/no question in the browser's own dialog (which works the same on a tablet).
pub fn ask(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(true)
}

/// Registers a form's `dirty` for as long as the calling component lives.
pub fn guard_unsaved(dirty: Signal<bool>) {
    if !INSTALLED.replace(true) {
        install();
    }
    let id = NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    FORMS.with(|forms| forms.borrow_mut().push((id, dirty)));
    on_cleanup(move || {
        FORMS.with(|forms| forms.borrow_mut().retain(|(i, _)| *i != id));
    });
}

/// Whether a click follows a link to another page of the app (the router would then replace
/// the page). A click with a modifier opens a new tab and leaves this one as it is.
fn leaves_page(ev: &web_sys::MouseEvent) -> bool {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.alt_key() || ev.ctrl_key() || ev.shift_key() {
        return false;
    }
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else { return false };
    if link.has_attribute("download") || !matches!(link.target().as_str(), "" | "_self") {
        return false;
    }
    let here = window().location();
    let same = |a: Result<String, JsValue>, b: String| a.is_ok_and(|a| a == b);
    !(same(here.origin(), link.origin())
        && same(here.pathname(), link.pathname())
        && same(here.search(), link.search()))
}
