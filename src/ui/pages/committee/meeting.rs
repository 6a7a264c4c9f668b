//! One meeting: its agenda of visited cases (add, remove, reorder), and a card per case where
//! the committee decides.

use super::agenda_case::AgendaCase;
use crate::domain::lifecycle;
use crate::domain::Record;
use crate::domain::{Case, CaseId, CaseStatus, Meeting, MeetingId};
use crate::ui::components::PageHeading;
use crate::ui::components::{more, ShowMore};
use crate::ui::state::{name_in, use_state, AppState};
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

/// The meeting named by the `:id` in the route.
pub fn meeting_from_route() -> Memo<Option<Meeting>> {
    let state = use_state();
    let params = use_params_map();
    Memo::new(move |_| {
        let id: MeetingId = params.with(|p| p.get("id")).and_then(|s| s.parse().ok())?;
        state.meetings.with(|m| m.iter().find(|m| m.meta.id == id).cloned())
    })
}

/// Put a case on the agenda (moving it to `OnAgenda`) or take it off (back to `Visited`):
/// the meeting and the case change in one transaction.
async fn change_agenda(state: AppState, meeting: Meeting, case: Case, add: bool) -> Result<(), String> {
    let mut next_meeting = meeting.clone();
    let mut next_case = case.clone();
    if add {
        lifecycle::move_to(&mut next_case, CaseStatus::OnAgenda).map_err(|e| text::lifecycle(&e))?;
        next_meeting.agenda.push(case.meta.id);
    } else {
        // A decided case stays: its decision belongs in the minutes.
        if next_case.status != CaseStatus::OnAgenda {
            return Err(text::DECIDED_STAYS.into());
        }
        lifecycle::move_to(&mut next_case, CaseStatus::Visited).map_err(|e| text::lifecycle(&e))?;
        next_meeting.agenda.retain(|c| *c != case.meta.id);
    }
    let mut edits = state.edits();
    edits.save(Some(&meeting), next_meeting).map_err(|e| text::save_error(Meeting::STORE, &e))?;
    edits.save(Some(&case), next_case).map_err(|e| text::save_error(Case::STORE, &e))?;
    edits.commit().await.map_err(|e| text::save_error(Case::STORE, &e))
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    let meeting = meeting_from_route();
    // Drawn anew only for another meeting: a reorder or a decision keeps every card and what is
    // typed in it.
    let id = Memo::new(move |_| meeting.with(|m| m.as_ref().map(|m| m.meta.id)));
    move || match id.get() {
        Some(_) => view! { <MeetingView meeting/> }.into_any(),
        None => view! { <p class="empty">{text::RECORD_NOT_FOUND}</p> }.into_any(),
    }
}

/// The id of an agenda card's move button, to give the focus back after a move.
fn move_button_id(case: CaseId, up: bool) -> String {
    format!("move-{}-{case}", if up { "up" } else { "down" })
}

/// The id of an agenda card's heading.
pub(super) fn agenda_heading_id(case: CaseId) -> String {
    format!("agenda-{case}")
}

/// Move the focus to the element `id` once the page has drawn the change that made it (for the
/// keyboard: a button that did its work and disappeared leaves the focus nowhere otherwise).
pub(super) fn focus_when_drawn(id: String) {
    request_animation_frame(move || {
        let element = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

#[component]
fn MeetingView(meeting: Memo<Option<Meeting>>) -> impl IntoView {
    let state = use_state();
    let problem = RwSignal::new(None::<String>);
    let case_of = move |id: CaseId| state.cases.with(|c| c.iter().find(|c| c.meta.id == id).cloned());
    let visited = Memo::new(move |_| {
        state.cases.with(|c| {
            c.iter()
                .filter(|c| !c.meta.archived && c.status == CaseStatus::Visited)
                .map(|c| (c.meta.id, c.youth))
                .collect::<Vec<_>>()
        })
    });
    let run = move |add: bool, case: CaseId| {
        let (Some(case), Some(m)) = (case_of(case), meeting.get_untracked()) else { return };
        let id = case.meta.id;
        spawn_local(async move {
            let result = change_agenda(state, m, case, add).await;
            if result.is_ok() {
                // Added: to its card on the agenda; taken off: to the agenda's heading.
                focus_when_drawn(if add { agenda_heading_id(id) } else { "agenda-h".to_string() });
            }
            problem.set(result.err());
        });
    };
    let agenda = Memo::new(move |_| meeting.with(|m| m.as_ref().map(|m| m.agenda.clone()).unwrap_or_default()));
    let position = move |id: CaseId| agenda.with(|a| a.iter().position(|c| *c == id));
    let reorder = move |id: CaseId, up: bool| {
        let (Some(old), Some(index)) = (meeting.get_untracked(), position(id)) else { return };
        let mut next = old.clone();
        next.move_item(index, up);
        spawn_local(async move {
            match state.save(Some(old), next).await {
                // The focus stays with the moved case (on the other button once this one is
                // disabled at the top or bottom).
                Ok(_) => {
                    let at_end = position(id).is_some_and(|i| if up { i == 0 } else { i + 1 == agenda.with(Vec::len) });
                    focus_when_drawn(move_button_id(id, up != at_end));
                }
                Err(e) => problem.set(Some(text::save_error(Meeting::STORE, &e))),
            }
        });
    };
    super::batch::BatchPlan::provide();
    let shown = RwSignal::new(more::STEP);
    let Some(m) = meeting.get_untracked() else { return ().into_any() };
    view! {
        <p><A href="/udvalg" attr:class="back">{text::BACK_TO_MEETINGS}</A></p>
        <div class="page-head">
            <PageHeading text={format!("{} {}", text::MEETING, text::date(m.date))}/>
            <A href=format!("/udvalg/{}/referat", m.meta.id) attr:class="button">{text::MINUTES}</A>
        </div>
        <Show when=move || problem.get().is_some()>
            <p class="form-error" role="alert">{move || problem.get()}</p>
        </Show>
        <section aria-labelledby="agenda-h">
            <h2 id="agenda-h" tabindex="-1">{text::AGENDA}</h2>
            <Show when=move || agenda.with(Vec::is_empty)>
                <p class="empty">{text::AGENDA_EMPTY}</p>
            </Show>
            <For each=move || agenda.get() key=|id| *id let:id>
                <article class="card agenda-case">
                    <div class="actions agenda-tools">
                        <span class="agenda-no">{move || position(id).map(|i| format!("{}.", i + 1))}</span>
                        <button type="button" id=move_button_id(id, true) disabled=move || position(id) == Some(0)
                            on:click=move |_| reorder(id, true)>{text::MOVE_UP}</button>
                        <button type="button" id=move_button_id(id, false)
                            disabled=move || position(id).map(|i| i + 1) == Some(agenda.with(Vec::len))
                            on:click=move |_| reorder(id, false)>{text::MOVE_DOWN}</button>
                        <Show when=move || case_of(id).is_some_and(|c| c.status == CaseStatus::OnAgenda)>
                            <button type="button" class="quiet" on:click=move |_| run(false, id)>{text::REMOVE_FROM_AGENDA}</button>
                        </Show>
                    </div>
                    <AgendaCase case_id=id meeting=m.meta.id date=m.date/>
                </article>
            </For>
        </section>
        <super::batch::BatchSuggestion meeting/>
        <section class="card" aria-labelledby="add-h">
            <h2 id="add-h">{text::AWAITING_COMMITTEE}</h2>
            <Show when=move || !visited.with(Vec::is_empty) fallback=|| view! { <p class="empty">{text::NO_VISITED}</p> }>
                <ul class="plain">
                    <For each=move || visited.with(|v| more::first(v, shown.get())) key=|v| v.0 let:v>
                        <li class="with-action">
                            <span>{name_in(state.youths, &v.1.to_string(), |y| y.pseudonym.clone())}</span>
                            <button type="button" on:click=move |_| run(true, v.0)>{text::ADD_TO_AGENDA}</button>
                        </li>
                    </For>
                </ul>
                <ShowMore total=Signal::derive(move || visited.with(Vec::len)) shown/>
            </Show>
        </section>
    }
    .into_any()
}
