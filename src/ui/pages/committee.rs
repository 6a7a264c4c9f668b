//! Fordelingsudvalg: the committee's members and the visited cases waiting for a provider.

use crate::domain::CaseStatus;
use crate::ui::pages::registers;
use crate::ui::state::{name_in, use_state};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CommitteePage() -> impl IntoView {
    let state = use_state();
    let waiting = Memo::new(move |_| {
        state.cases.with(|c| {
            c.iter()
                .filter(|c| !c.meta.archived && matches!(c.status, CaseStatus::Visited | CaseStatus::OnAgenda))
                .map(|c| (c.meta.id, c.youth, c.status))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h1>{text::COMMITTEE_TITLE}</h1>
        <section class="card">
            <h2>{text::AWAITING_COMMITTEE}</h2>
            <Show when=move || !waiting.with(Vec::is_empty) fallback=|| view! { <p class="empty">{text::NOTHING_DUE}</p> }>
                <ul class="plain">
                    <For each=move || waiting.get() key=|w| w.0 let:w>
                        <li><A href=format!("/sager/{}", w.0)>{name_in(state.youths, &w.1.to_string(), |y| y.pseudonym.clone())}</A>
                            {format!(" · {}", text::status(w.2))}</li>
                    </For>
                </ul>
            </Show>
        </section>
        {registers::members()}
    }
}
