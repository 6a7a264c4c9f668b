//! Import: read a file (decrypting it if needed), validate everything, show what it would do,
//! apply it in one transaction, and undo it with one click.

use super::ahead::ReadAhead;
use crate::storage::sync::{Prepared, Staged};
use crate::storage::{Repo, StorageError};
use crate::sync::format::{ExportDoc, Records, Snapshot, SETTINGS_STORE};
use crate::sync::merge::{merge, MergeResult, Preview, RecordKey};
use crate::sync::validate::parse_and_validate;
use crate::ui::state::{use_state, AppState};
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// Where the import stands.
#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    Reading,
    Saving,
    /// An encrypted file waits for its passphrase (a wrong one leaves it waiting, see
    /// `ImportPanel`'s `unlock`).
    Locked(String),
    Refused(Vec<String>),
    Preview(Preview, Labels),
    Done(String),
    Failed(String),
}

/// A checked file and its merge into the data as the preview read it, kept for applying (not in
/// [`Step`], which the view clones).
struct Checked {
    doc: Box<ExportDoc>,
    prepared: Prepared,
    result: MergeResult,
    /// Made while the user reads the preview (see [`Checked::make_ready`]).
    ready: Option<Result<Ready, StorageError>>,
}

/// What applying a checked file needs beyond the merge: its writes, converted for the browser,
/// and the data as it will be afterwards, to show at once.
struct Ready {
    staged: Staged,
    merged: Snapshot,
    /// A copy of `merged` for the next file to merge into (made here, not after the write).
    next: Snapshot,
}

impl Checked {
    fn new(doc: ExportDoc, prepared: Prepared) -> Self {
        let result = merge(&prepared.local, &doc);
        Self { doc: Box::new(doc), prepared, result, ready: None }
    }

    /// Get [`Ready`] now, unless it is already. This takes a while with thousands of records,
    /// so the page calls it once the preview is on screen.
    fn make_ready(&mut self, repo: &Repo) {
        if self.ready.is_none() {
            self.ready = Some(self.stage(repo));
        }
    }

    /// What applying needs: made while the preview was read, or now.
    fn take_ready(&mut self, repo: &Repo) -> Result<Ready, StorageError> {
        self.ready.take().unwrap_or_else(|| self.stage(repo))
    }

    fn stage(&self, repo: &Repo) -> Result<Ready, StorageError> {
        let staged = repo.stage_import(&self.prepared, &self.result, self.doc.max_stamp().as_ref())?;
        let merged = self.result.merged(&self.prepared.local);
        Ok(Ready { staged, next: merged.clone(), merged })
    }
}

/// Validate the plain bytes and preview the merge against what the device holds now.
async fn check(state: AppState, ahead: ReadAhead, bytes: Vec<u8>) -> (Step, Option<Checked>) {
    let prepared = match ahead.take().await {
        Ok(p) => p,
        Err(e) => return (Step::Failed(e.to_string()), None),
    };
    let known = prepared.local.known_ids();
    match parse_and_validate(&bytes, state.today, &|s, i| known.contains(&(s.to_string(), i.to_string()))) {
        Err(problems) => {
            ahead.keep(prepared);
            (Step::Refused(problems.iter().map(text::import_problem).collect()), None)
        }
        Ok(doc) => {
            let checked = Checked::new(doc, prepared);
            let labels = labels(&checked.result.preview, &checked.doc.records, &checked.prepared.local.records);
            (Step::Preview(checked.result.preview.clone(), labels), Some(checked))
        }
    }
}

/// Apply the merge the preview showed, unless the data changed since (an edit, another tab):
/// then merge again with the data as it is now, and apply that. After applying, the data as it
/// now is comes back too, for the next file.
async fn apply(state: AppState, mut checked: Checked) -> (Step, Option<Prepared>) {
    let repo = state.repo.get_value();
    for _ in 0..3 {
        let failed = |e: StorageError| (Step::Failed(e.to_string()), None);
        let ready = match checked.take_ready(&repo) {
            Ok(ready) => ready,
            Err(e) => return failed(e),
        };
        match repo.apply_staged(ready.staged).await {
            Ok(Some(applied)) => {
                // What was just written is what the registers now hold: show it without reading it back.
                let next = applied.prepared(ready.next);
                let settings = ready.merged.settings.map(|s| s.value).unwrap_or_default();
                state.show(settings, ready.merged.records);
                return (Step::Done(text::IMPORT_APPLIED.into()), Some(next));
            }
            Ok(None) => match repo.prepare_import().await {
                Ok(prepared) => checked = Checked::new(*checked.doc, prepared),
                Err(e) => return failed(e),
            },
            Err(e) => return failed(e),
        }
    }
    (Step::Failed(text::IMPORT_BUSY.into()), None)
}

/// Resolves after the browser has painted what is on screen now (a frame, then a task).
async fn after_paint() {
    let Some(window) = web_sys::window() else { return };
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    let task = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(task).await;
}

async fn read_file(ev: leptos::ev::Event) -> Option<String> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok()?;
    input.set_value("");
    text.as_string()
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_state();
    let step = RwSignal::new(Step::Idle);
    let pass = RwSignal::new(String::new());
    // While the file stays locked: the passphrase is being tried, or the last one was wrong.
    let unlocking = RwSignal::new(false);
    let pass_error = RwSignal::new(None::<&'static str>);
    let pass_input = NodeRef::<leptos::html::Input>::new();
    let can_undo = LocalResource::new(move || {
        step.track();
        let repo = state.repo.get_value();
        async move { repo.can_undo_import().await.unwrap_or(false) }
    });
    let ahead = ReadAhead::new(state);
    // While an import is being written, neither another file nor undo can start.
    let saving = move || step.with(|s| matches!(s, Step::Saving));
    // The checked file's merge, from the preview until it is applied or replaced (then the data
    // it was merged into serves the next file).
    let checked = StoredValue::new_local(None::<Checked>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let show = move |(next, merge): (Step, Option<Checked>)| {
        let preview = merge.is_some();
        if let Some(old) = checked.try_update_value(|c| std::mem::replace(c, merge)).flatten() {
            ahead.keep(old.prepared);
        }
        step.set(next);
        if preview {
            // Get the writes ready while the user reads the preview.
            spawn_local(async move {
                after_paint().await;
                let repo = state.repo.get_value();
                checked.try_update_value(|c| c.iter_mut().for_each(|c| c.make_ready(&repo)));
            });
        }
    };
    let refuse = |reason: &str| (Step::Refused(vec![reason.to_string()]), None);
    let on_file = move |ev: leptos::ev::Event| {
        pass.set(String::new());
        pass_error.set(None);
        show((Step::Reading, None));
        spawn_local(async move {
            show(match read_file(ev).await {
                None => refuse(text::DAMAGED_FILE),
                Some(text) if crate::sync::envelope::is_envelope(&text) => (Step::Locked(text), None),
                Some(text) => check(state, ahead, text.into_bytes()).await,
            });
        });
    };
    // A wrong passphrase keeps the file and the field, with the error next to it, to try again;
    // only a damaged file is refused.
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Step::Locked(sealed) = step.get_untracked() else { return };
        if unlocking.get_untracked() {
            return;
        }
        let passphrase = pass.get_untracked();
        unlocking.set(true);
        pass_error.set(None);
        spawn_local(async move {
            let decrypted = crate::crypto::decrypt(&passphrase, &sealed).await;
            // Another file was chosen meanwhile: this answer is for a file no longer on screen.
            let current = step.with_untracked(|s| matches!(s, Step::Locked(now) if *now == sealed));
            if current {
                pass.set(String::new());
                match decrypted {
                    Ok(bytes) => show(check(state, ahead, bytes).await),
                    Err(crate::crypto::CryptoError::WrongPassphraseOrTampered) => {
                        pass_error.set(Some(text::WRONG_PASSPHRASE));
                        if let Some(input) = pass_input.get_untracked() {
                            let _ = input.focus();
                        }
                    }
                    Err(crate::crypto::CryptoError::BadEnvelope(
                        crate::sync::envelope::EnvelopeError::UnsupportedVersion(_),
                    )) => show(refuse(text::NEWER_ENCRYPTION)),
                    Err(_) => show(refuse(text::DAMAGED_FILE)),
                }
            }
            unlocking.set(false);
        });
    };
    let run_apply = move |_| {
        let Some(file) = checked.try_update_value(Option::take).flatten() else { return };
        show((Step::Saving, None));
        spawn_local(async move {
            let (next, now) = apply(state, file).await;
            step.set(next);
            match now {
                Some(prepared) => ahead.keep(prepared),
                None => ahead.restart(),
            }
        });
    };
    // Only what the user reads is thrown away: the preview, not the data.
    let discard = move |_| {
        checked.set_value(None);
        step.set(Step::Idle);
        if let Some(input) = file_input.get_untracked() {
            input.set_value("");
        }
    };
    let undo = move |_| {
        if !crate::ui::components::unsaved::ask(text::IMPORT_UNDO_QUESTION) {
            return;
        }
        spawn_local(async move {
            let repo = state.repo.get_value();
            let next = match repo.undo_import().await {
                Ok(_) => match state.reload().await {
                    Ok(()) => Step::Done(text::IMPORT_UNDONE.into()),
                    Err(e) => Step::Failed(e.to_string()),
                },
                Err(e) => Step::Failed(e.to_string()),
            };
            step.set(next);
            ahead.restart();
        });
    };
    view! {
        <section class="card" aria-labelledby="import-h">
            <h2 id="import-h">{text::IMPORT_TITLE}</h2>
            <p class="lead">{text::IMPORT_LEAD}</p>
            <div class="field">
                <label for="import-file">{text::IMPORT_FILE}</label>
                <input id="import-file" type="file" accept=".json,application/json" on:change=on_file
                    disabled=saving node_ref=file_input/>
            </div>
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Reading => view! { <p role="status">{text::IMPORT_READING}</p> }.into_any(),
                Step::Saving => view! { <p role="status">{text::IMPORT_SAVING}</p> }.into_any(),
                Step::Locked(_) => view! {
                    <form class="inline-add" on:submit=unlock>
                        <label for="import-pass">{text::IMPORT_PASSPHRASE}</label>
                        <input id="import-pass" type="password" autocomplete="current-password" node_ref=pass_input
                            aria-invalid=move || pass_error.get().map(|_| "true")
                            aria-describedby=move || pass_error.get().map(|_| "import-pass-error")
                            prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev))/>
                        <button type="submit" class="primary" disabled=move || unlocking.get()>{text::IMPORT_DECRYPT}</button>
                    </form>
                    {move || unlocking.get().then(|| view! { <p role="status">{text::IMPORT_DECRYPTING}</p> })}
                    {move || pass_error.get().map(|e| view! {
                        <p id="import-pass-error" class="form-error" role="alert">{e}</p>
                    })}
                }.into_any(),
                Step::Refused(problems) => view! {
                    <div role="alert" class="refused">
                        <p class="form-error">{text::IMPORT_REFUSED}</p>
                        <ul class="problems">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
                Step::Preview(preview, labels) => {
                    let noop = preview.is_noop();
                    view! {
                        <PreviewView preview labels/>
                        <div class="actions">
                            {(!noop).then(|| view! { <button type="button" class="primary" on:click=run_apply>{text::IMPORT_APPLY}</button> })}
                            <button type="button" on:click=discard>{if noop { text::IMPORT_CLOSE } else { text::CANCEL }}</button>
                        </div>
                    }.into_any()
                }
                Step::Done(m) => view! { <p class="ok" role="status">{m}</p> }.into_any(),
                Step::Failed(m) => view! { <p class="form-error" role="alert">{m}</p> }.into_any(),
            }}
            // Not beside a preview or a question about a file: there it would read as "cancel this".
            <Show when=move || {
                let between = step.with(|s| matches!(s, Step::Idle | Step::Done(_) | Step::Failed(_) | Step::Refused(_)));
                between && can_undo.get().unwrap_or(false)
            }>
                <div class="actions"><button type="button" on:click=undo>{text::IMPORT_UNDO}</button></div>
            </Show>
        </section>
    }
}

/// How many records each list of the preview names before it only counts.
const LISTED: usize = 20;

/// What the preview calls the records it lists (by store and id).
type Labels = HashMap<RecordKey, String>;

/// Names for the records the preview lists: from the file, else from this device.
fn labels(preview: &Preview, file: &Records, local: &Records) -> Labels {
    let groups = [&preview.new, &preview.changed, &preview.conflicting, &preview.erased, &preview.unchanged];
    groups
        .into_iter()
        .flat_map(|keys| keys.iter().take(LISTED))
        .filter_map(|(store, id)| {
            let label = file.label(store, id).or_else(|| local.label(store, id))?;
            Some(((store.clone(), id.clone()), label))
        })
        .collect()
}

#[component]
fn PreviewView(preview: Preview, labels: Labels) -> impl IntoView {
    let group = |label: &'static str, keys: Vec<RecordKey>, open: bool| {
        let n = keys.len();
        let open = open && n != 0;
        view! {
            <details class="preview-group" open=open>
                <summary>{format!("{label}: {n}")}</summary>
                <ul class="plain">
                    {keys.into_iter().take(LISTED).map(|key| {
                        let store = text::store(&key.0);
                        let line = match labels.get(&key) {
                            _ if key.0 == SETTINGS_STORE => store.to_string(),
                            Some(name) => format!("{store}: {name}"),
                            None => format!("{store}: {}", key.1.get(..8).unwrap_or(&key.1)),
                        };
                        view! { <li>{line}</li> }
                    }).collect_view()}
                    {(n > LISTED).then(|| view! { <li class="muted">{format!("… og {} mere", n - LISTED)}</li> })}
                </ul>
            </details>
        }
    };
    let noop = preview.is_noop();
    view! {
        <section class="preview" aria-label=text::PREVIEW_TITLE>
            <h3>{text::PREVIEW_TITLE}</h3>
            {noop.then(|| view! { <p class="muted">{text::PREVIEW_NOOP}</p> })}
            {group(text::PREVIEW_NEW, preview.new, false)}
            {group(text::PREVIEW_CHANGED, preview.changed, false)}
            {group(text::PREVIEW_CONFLICTING, preview.conflicting, true)}
            {group(text::PREVIEW_ERASED, preview.erased, true)}
            {group(text::PREVIEW_UNCHANGED, preview.unchanged, false)}
        </section>
    }
}
