//! A register page: a list of records with "show archived", and an editor panel to create,
//! edit, archive and restore. Each record type supplies its title, subtitle and editor.

use super::form::FormErrors;
use super::unsaved::{ask, confirm_discard, guard_unsaved};
use crate::domain::{FieldError, Problem};
use crate::storage::SaveError;
use crate::ui::state::{use_state, AppState, Stored};
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// What a register needs to know about its record type.
pub trait RegisterItem: Stored + PartialEq {
    fn title(&self, state: &AppState) -> String;
    fn subtitle(&self, state: &AppState) -> String;
    /// A new, empty record.
    fn blank(state: &AppState) -> Self;
    /// Sort key for the list.
    fn sort_key(&self) -> String;
    /// A name no other record of the register may have (case and spaces aside), if any.
    fn unique_name(&self) -> Option<&str> {
        None
    }
    /// What archiving the record would leave behind, asked about before it is archived.
    fn archive_warning(&self, _state: &AppState) -> Option<String> {
        None
    }
}

/// Whether another record of `draft`'s register that is not archived has its unique name.
fn name_taken<R: RegisterItem>(state: &AppState, draft: &R) -> bool {
    let norm = |s: &str| s.trim().to_lowercase();
    let Some(name) = draft.unique_name().map(norm) else { return false };
    R::list(state).with_untracked(|list| {
        list.iter().any(|r| r.key() != draft.key() && !r.archived() && r.unique_name().map(norm) == Some(name.clone()))
    })
}

/// Save `draft` (replacing `original`), putting domain errors into `form`. Returns whether it saved.
pub async fn save_into_form<R: RegisterItem>(state: AppState, form: FormErrors, original: Option<R>, draft: R) -> bool {
    let mut errors = draft.validate(state.today);
    if name_taken(&state, &draft) && !draft.archived() {
        errors.push(FieldError { field: "name", problem: Problem::NameTaken });
    }
    if form.has_bad_input() || !errors.is_empty() {
        // Every current problem (also next to a number that does not parse), and no error
        // that was fixed since.
        form.domain.set(errors);
        return false;
    }
    match state.save(original, draft).await {
        Ok(_) => {
            form.domain.set(Vec::new());
            true
        }
        Err(SaveError::Invalid(errors)) => {
            form.domain.set(errors);
            false
        }
        Err(SaveError::Storage(e)) => {
            leptos::logging::error!("save failed: {e}");
            form.domain.set(Vec::new());
            false
        }
    }
}

/// The list and editor for one record type.
pub fn register_page<R: RegisterItem>(
    title: &'static str,
    new_label: &'static str,
    editor: fn(RwSignal<R>) -> AnyView,
) -> impl IntoView {
    let state = use_state();
    let list = R::list(&state);
    let show_archived = RwSignal::new(false);
    // The record being edited (`None` for a new one) and the draft the editor starts from.
    let editing: RwSignal<Option<(Option<R>, R)>> = RwSignal::new(None);
    // Whether the open editor has unsaved edits (set by the editor).
    let dirty: StoredValue<Option<Signal<bool>>> = StoredValue::new(None);
    let rows = Memo::new(move |_| {
        let mut items: Vec<R> =
            list.with(|l| l.iter().filter(|r| show_archived.get() || !r.archived()).cloned().collect());
        items.sort_by_key(|r| r.sort_key().to_lowercase());
        items
    });
    let open = move |original: Option<R>| {
        let unsaved = dirty.get_value().is_some_and(|d| d.try_get_untracked().unwrap_or(false));
        if unsaved && !confirm_discard() {
            return;
        }
        let draft = original.clone().unwrap_or_else(|| R::blank(&state));
        editing.set(Some((original, draft)));
    };
    let heading_id = format!("h-{}", R::STORE);
    let heading = heading_id.clone();
    view! {
        <section class="register" aria-labelledby=heading_id.clone()>
            <div class="section-head">
                <h2 id=heading>{title}</h2>
                <button class="primary" on:click=move |_| open(None)>{new_label}</button>
            </div>
            <label class="checkbox small">
                <input type="checkbox" prop:checked=move || show_archived.get()
                    on:change=move |ev| show_archived.set(event_target_checked(&ev))/>
                <span>{text::SHOW_ARCHIVED}</span>
            </label>
            {move || editing.get().map(|(original, start)| view! { <Editor original start editing dirty editor/> })}
            <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! { <p class="empty">{text::EMPTY_LIST}</p> }>
                <ul class="rows">
                    <For each=move || rows.get() key=|r| (r.key(), r.revs().values().max().cloned()) let:item>
                        {
                            let archived = item.archived();
                            let title = item.title(&state);
                            let subtitle = item.subtitle(&state);
                            view! {
                                <li class="row" class:archived=archived>
                                    <button class="row-main" on:click=move |_| open(Some(item.clone()))>
                                        <span class="row-title">{title}</span>
                                        <span class="row-sub">{subtitle}</span>
                                        {archived.then_some(view! { <span class="badge">{text::ARCHIVED}</span> })}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn Editor<R: RegisterItem>(
    original: Option<R>,
    start: R,
    editing: RwSignal<Option<(Option<R>, R)>>,
    dirty: StoredValue<Option<Signal<bool>>>,
    editor: fn(RwSignal<R>) -> AnyView,
) -> impl IntoView {
    let state = use_state();
    let form = FormErrors::provide();
    // Owned by the editor: the row that opened it is drawn anew when the record changes (saved
    // here or in another tab) and must not take the draft with it.
    let draft = RwSignal::new(start.clone());
    let initial = StoredValue::new(start);
    let changed = Signal::derive(move || form.has_bad_input() || initial.with_value(|i| draft.with(|d| d != i)));
    dirty.set_value(Some(changed));
    guard_unsaved(changed);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let is_new = original.is_none();
    let original = StoredValue::new(original);
    let save = move |archive: Option<bool>| {
        let mut next = draft.get_untracked();
        if archive == Some(true) && next.archive_warning(&state).is_some_and(|warning| !ask(&warning)) {
            return;
        }
        if let Some(a) = archive {
            next.set_archived(a);
        }
        busy.set(true);
        spawn_local(async move {
            let ok = save_into_form(state, form, original.get_value(), next).await;
            busy.set(false);
            failed.set(!ok);
            if ok {
                editing.set(None);
            }
        });
    };
    let archived = move || draft.with(|d| d.archived());
    // Opened from the keyboard or by touch, the editor takes the focus (its first field), and
    // Escape closes it. Closed, it gives the focus back to what opened it, if that is still
    // there (a saved record's row is drawn anew).
    let opener = StoredValue::new_local(document().active_element());
    on_cleanup(move || {
        let opener = opener.try_update_value(Option::take).flatten();
        let opener = opener.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = opener.filter(|el| el.is_connected()) {
            let _ = el.focus();
        }
    });
    let form_ref = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        let first = form_ref.get().and_then(|f| f.query_selector("input, select, textarea").ok().flatten());
        if let Some(first) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = first.focus();
        }
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            editing.set(None);
        }
    };
    view! {
        <form class="editor card" node_ref=form_ref on:keydown=on_key on:submit=move |ev| { ev.prevent_default(); save(None); }>
            {editor(draft)}
            <Show when=move || failed.get()>
                <p class="form-error" role="alert">{text::FIX_ERRORS}</p>
            </Show>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { text::SAVING } else { text::SAVE }}
                </button>
                <button type="button" on:click=move |_| editing.set(None)>{text::CANCEL}</button>
                {(!is_new).then(|| view! {
                    <button type="button" class="quiet" on:click=move |_| save(Some(!archived()))>
                        {move || if archived() { text::RESTORE } else { text::ARCHIVE }}
                    </button>
                })}
            </div>
        </form>
    }
}
