//! One meeting: its agenda of visited cases (add, remove, reorder), and a card per case where
//! the committee decides.

use super::agenda_case::AgendaCase;
use crate::domain::lifecycle;
use crate::domain::{Case, CaseId, CaseStatus, Meeting, MeetingId};
use crate::storage::SaveError;
use crate::ui::state::{name_in, use_state, AppState};
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

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
    let save = |e: SaveError| e.to_string();
    edits.save(Some(&meeting), next_meeting).map_err(save)?;
    edits.save(Some(&case), next_case).map_err(save)?;
    edits.commit().await.map_err(save)
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    let meeting = meeting_from_route();
    move || match meeting.get() {
        Some(m) => view! { <MeetingView meeting=m/> }.into_any(),
        None => view! { <p class="empty">{text::RECORD_NOT_FOUND}</p> }.into_any(),
    }
}

#[component]
fn MeetingView(meeting: Meeting) -> impl IntoView {
    let state = use_state();
    let problem = RwSignal::new(None::<String>);
    let meeting = StoredValue::new(meeting);
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
        let Some(case) = case_of(case) else { return };
        spawn_local(async move {
            problem.set(change_agenda(state, meeting.get_value(), case, add).await.err());
        });
    };
    let reorder = move |index: usize, up: bool| {
        let old = meeting.get_value();
        let mut next = old.clone();
        next.move_item(index, up);
        spawn_local(async move {
            if let Err(e) = state.save(Some(old), next).await {
                problem.set(Some(e.to_string()));
            }
        });
    };
    super::batch::BatchPlan::provide();
    let m = meeting.get_value();
    let agenda: Vec<(usize, CaseId)> = m.agenda.iter().copied().enumerate().collect();
    let last = agenda.len().saturating_sub(1);
    view! {
        <p><A href="/udvalg" attr:class="back">{text::BACK_TO_MEETINGS}</A></p>
        <div class="page-head">
            <h1>{format!("{} {}", text::MEETING, text::date(m.date))}</h1>
            <A href=format!("/udvalg/{}/referat", m.meta.id) attr:class="button">{text::MINUTES}</A>
        </div>
        <Show when=move || problem.get().is_some()>
            <p class="form-error" role="alert">{move || problem.get()}</p>
        </Show>
        <section aria-labelledby="agenda-h">
            <h2 id="agenda-h">{text::AGENDA}</h2>
            {agenda.is_empty().then(|| view! { <p class="empty">{text::AGENDA_EMPTY}</p> })}
            {agenda.into_iter().map(|(index, id)| view! {
                <article class="card agenda-case">
                    <div class="actions agenda-tools">
                        <span class="agenda-no">{format!("{}.", index + 1)}</span>
                        <button type="button" disabled=index == 0 on:click=move |_| reorder(index, true)>{text::MOVE_UP}</button>
                        <button type="button" disabled=index == last on:click=move |_| reorder(index, false)>{text::MOVE_DOWN}</button>
                        <Show when=move || case_of(id).is_some_and(|c| c.status == CaseStatus::OnAgenda)>
                            <button type="button" class="quiet" on:click=move |_| run(false, id)>{text::REMOVE_FROM_AGENDA}</button>
                        </Show>
                    </div>
                    <AgendaCase case_id=id meeting=meeting.get_value()/>
                </article>
            }).collect_view()}
        </section>
        <super::batch::BatchSuggestion meeting=meeting.get_value()/>
        <section class="card" aria-labelledby="add-h">
            <h2 id="add-h">{text::AWAITING_COMMITTEE}</h2>
            <Show when=move || !visited.with(Vec::is_empty) fallback=|| view! { <p class="empty">{text::NO_VISITED}</p> }>
                <ul class="plain">
                    <For each=move || visited.get() key=|v| v.0 let:v>
                        <li class="with-action">
                            <span>{name_in(state.youths, &v.1.to_string(), |y| y.pseudonym.clone())}</span>
                            <button type="button" on:click=move |_| run(true, v.0)>{text::ADD_TO_AGENDA}</button>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
