//! Erasing a youth for good (GDPR): what goes, a second explicit confirmation, and then the
//! records, their conflict entries and any copy kept for undo are gone from this device, with
//! tombstones that erase them on every device that imports a later file.

use crate::domain::Youth;
use crate::sync::erase::YouthErasure;
use crate::ui::pages::cases::ListAddress;
use crate::ui::state::use_state;
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

#[component]
pub fn EraseYouth(youth: Youth) -> impl IntoView {
    let state = use_state();
    let navigate = use_navigate();
    let pseudonym = youth.pseudonym.clone();
    let erasure = Memo::new(move |_| {
        state.cases.with(|c| state.decisions.with(|d| state.followups.with(|f| YouthErasure::of(&youth, c, d, f))))
    });
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let confirm_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(group) = confirm_ref.get() {
            let _ = group.focus();
        }
    });
    let erase = move |_| {
        let keys = erasure.get_untracked().keys();
        let back = ListAddress::last();
        let navigate = navigate.clone();
        busy.set(true);
        spawn_local(async move {
            let repo = state.repo.get_value();
            let result = match repo.erase(&keys).await {
                Ok(()) => state.reload().await,
                Err(e) => Err(e),
            };
            busy.set(false);
            match result {
                Ok(()) => navigate(&back, Default::default()),
                Err(e) => problem.set(Some(format!("{} ({e})", text::STORAGE_FAILED))),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="erase-h">
            <h2 id="erase-h">{text::ERASE_TITLE}</h2>
            <details class="disclosure danger">
                <summary>{text::ERASE_OPEN}</summary>
                <p>{text::ERASE_LEAD}</p>
                <p>{move || erasure.with(|e| text::erase_what(&pseudonym, e.cases.len(), e.decisions.len(), e.followups.len()))}</p>
                <button type="button" class="danger" on:click=move |_| confirming.set(true)>{text::ERASE_SUBMIT}</button>
                <Show when=move || confirming.get()>
                    <div class="end-confirm" role="group" aria-labelledby="erase-q" tabindex="-1" node_ref=confirm_ref>
                        <p id="erase-q"><strong>{text::ERASE_QUESTION}</strong></p>
                        <p>{text::ERASE_NOTE}</p>
                        <div class="actions">
                            <button type="button" class="danger" disabled=move || busy.get() on:click=erase.clone()>{text::ERASE_CONFIRM}</button>
                            <button type="button" on:click=move |_| confirming.set(false)>{text::CANCEL}</button>
                        </div>
                    </div>
                </Show>
                <Show when=move || problem.get().is_some()>
                    <p class="form-error" role="alert">{move || problem.get()}</p>
                </Show>
            </details>
        </section>
    }
}
