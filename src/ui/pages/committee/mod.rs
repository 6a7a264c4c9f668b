//! Fordelingsudvalg: meetings, the visited cases waiting for a provider, and the members.

mod agenda_case;
mod batch;
mod meeting;
mod minutes;
mod recommendations;

use crate::domain::{CaseStatus, Meeting, MeetingId, RecordMeta};
use crate::ui::components::PageHeading;
use crate::ui::components::{more, ShowMore};
use crate::ui::pages::registers;
use crate::ui::state::{name_in, use_state};
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
pub use meeting::MeetingPage;
pub use minutes::MinutesPage;

#[component]
pub fn CommitteePage() -> impl IntoView {
    let state = use_state();
    let navigate = use_navigate();
    let date = RwSignal::new(text::iso_date(state.today));
    let meetings = Memo::new(move |_| {
        let mut m: Vec<Meeting> = state.meetings.with(|m| m.iter().filter(|m| !m.meta.archived).cloned().collect());
        m.sort_by_key(|b| std::cmp::Reverse(b.date));
        m
    });
    let waiting = Memo::new(move |_| {
        state.cases.with(|c| {
            c.iter()
                .filter(|c| !c.meta.archived && matches!(c.status, CaseStatus::Visited | CaseStatus::OnAgenda))
                .map(|c| (c.meta.id, c.youth, c.status))
                .collect::<Vec<_>>()
        })
    });
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = text::parse_iso_date(&date.get_untracked()) else { return };
        let meeting = Meeting {
            meta: RecordMeta::new(MeetingId::new()),
            date: day,
            agenda: vec![],
            attendees: vec![],
            closed: false,
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            match state.save(None, meeting).await {
                Ok(m) => navigate(&format!("/udvalg/{}", m.meta.id), Default::default()),
                Err(e) => leptos::logging::error!("{e}"),
            }
        });
    };
    let shown = RwSignal::new(more::STEP);
    view! {
        <PageHeading text=text::COMMITTEE_TITLE/>
        <div class="grid">
            <section class="card" aria-labelledby="meetings-h">
                <h2 id="meetings-h">{text::MEETINGS_TITLE}</h2>
                <form class="inline-add" on:submit=create>
                    <label for="meeting-date">{text::MEETING_DATE}</label>
                    <input id="meeting-date" type="date" prop:value=move || date.get() on:change=move |ev| date.set(event_target_value(&ev))/>
                    <button type="submit" class="primary">{text::MEETING_NEW}</button>
                </form>
                <ul class="plain">
                    <For each=move || meetings.get() key=|m| (m.meta.id, m.agenda.len()) let:m>
                        <li><A href=format!("/udvalg/{}", m.meta.id)>{format!("{} {}", text::MEETING, text::date(m.date))}</A>
                            {format!(" · {} {}", m.agenda.len(), text::CASES_ON_AGENDA)}</li>
                    </For>
                </ul>
            </section>
            <section class="card" aria-labelledby="waiting-h">
                <h2 id="waiting-h">{text::AWAITING_COMMITTEE}</h2>
                <Show when=move || !waiting.with(Vec::is_empty) fallback=|| view! { <p class="empty">{text::NOTHING_DUE}</p> }>
                    <ul class="plain">
                        <For each=move || waiting.with(|w| more::first(w, shown.get())) key=|w| (w.0, w.2) let:w>
                            <li><A href=format!("/sager/{}", w.0)>{name_in(state.youths, &w.1.to_string(), |y| y.pseudonym.clone())}</A>
                                {format!(" · {}", text::status(w.2))}</li>
                        </For>
                    </ul>
                    <ShowMore total=Signal::derive(move || waiting.with(Vec::len)) shown/>
                </Show>
            </section>
        </div>
        {registers::members()}
    }
}
