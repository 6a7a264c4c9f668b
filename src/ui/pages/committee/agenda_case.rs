//! One case on a meeting's agenda: the facts the committee needs, who attends, and the
//! decision (a rationale is required when the choice departs from the recommendation).

use super::batch::BatchPlan;
use crate::allocation::recommend::{recommend, Recommendation};
use crate::domain::age::age_on;
use crate::domain::lifecycle;
use crate::domain::org::attendees_for;
use crate::domain::{Assignment, CaseId, CaseStatus, Decision, DecisionId, MeetingId, PersonId, Record, RecordMeta};
use crate::storage::SaveError;
use crate::ui::components::Choice;
use crate::ui::components::{FormErrors, SelectInput, TextInput};
use crate::ui::registry::with_registry;
use crate::ui::state::{name_in, use_state};
use crate::ui::text;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

/// What the committee has chosen and typed for a case but not decided yet. It outlives the
/// card's form, which is drawn anew whenever the recommendation changes (e.g. after a decision
/// on another case).
#[derive(Clone, Copy)]
struct Inputs {
    person: RwSignal<String>,
    /// Whether the user chose the person (then neither the recommendation nor the batch
    /// suggestion replaces the choice).
    chosen: RwSignal<bool>,
    rationale: RwSignal<String>,
    decided_by: RwSignal<String>,
}

#[component]
pub fn AgendaCase(case_id: CaseId, meeting: MeetingId, date: NaiveDate) -> impl IntoView {
    let state = use_state();
    let case = Memo::new(move |_| state.cases.with(|c| c.iter().find(|c| c.meta.id == case_id).cloned()));
    let recommendation = Memo::new(move |_| with_registry(state, |ctx| recommend(case_id, ctx).ok()));
    let inputs = Inputs {
        person: RwSignal::new(String::new()),
        chosen: RwSignal::new(false),
        rationale: RwSignal::new(String::new()),
        decided_by: RwSignal::new(text::COMMITTEE_NAME.to_string()),
    };
    move || {
        let Some(case) = case.get() else { return view! { <p class="empty">{text::RECORD_NOT_FOUND}</p> }.into_any() };
        let Some(youth) = state.youths.with(|y| y.iter().find(|y| y.meta.id == case.youth).cloned()) else {
            return view! { <p class="empty">{text::RECORD_NOT_FOUND}</p> }.into_any();
        };
        let district = name_in(state.districts, &youth.district.to_string(), |d| d.name.clone());
        let who: Vec<String> = state.members.with(|m| {
            attendees_for(m, youth.district)
                .into_iter()
                .map(|m| format!("{} ({})", m.name, text::role(m.role)))
                .collect()
        });
        let concerns: Vec<String> =
            case.concerns.iter().map(|c| name_in(state.concerns, &c.to_string(), |c| c.name.clone())).collect();
        let decided = case.status != CaseStatus::OnAgenda;
        view! {
            <h3 id=super::meeting::agenda_heading_id(case_id) tabindex="-1">{youth.pseudonym.clone()} " " <span class=format!("status status-{:?}", case.status)>{text::status(case.status)}</span></h3>
            <p class="muted">{format!("{} · {} · {} t/uge · {}", text::age_years(age_on(youth.birth_date, date)), district,
                case.hours_per_week.map(text::hours).unwrap_or_default(), concerns.join(", "))}</p>
            <p><strong>{text::ATTENDEES}": "</strong>{if who.is_empty() { text::NO_ATTENDEES.to_string() } else { who.join(", ") }}</p>
            {match (decided, recommendation.get()) {
                (true, _) => {
                    // Who the committee chose at this meeting (the case's latest decision here).
                    let chosen = state.decisions.with(|d| {
                        d.iter()
                            .filter(|d| d.case == case_id && d.meeting == meeting)
                            .max_by_key(|d| d.decided_at)
                            .map(|d| name_in(state.persons, &d.person.to_string(), |p| p.name.clone()))
                    });
                    let line = chosen.map_or(text::DECIDED.to_string(), |who| format!("{}: {who}", text::DECIDED));
                    view! { <p class="ok" id=decided_id(case_id) tabindex="-1">{line}</p> }.into_any()
                }
                (false, Some(rec)) => view! {
                    <super::recommendations::Recommendations recommendation=rec.clone()/>
                    <DecisionForm case_id meeting date recommendation=rec inputs/>
                }.into_any(),
                (false, None) => view! { <p class="empty">{text::RECORD_NOT_FOUND}</p> }.into_any(),
            }}
        }
        .into_any()
    }
}

/// The id of the line that says who a case was decided for.
fn decided_id(case: CaseId) -> String {
    format!("decided-{case}")
}

#[component]
fn DecisionForm(
    case_id: CaseId,
    meeting: MeetingId,
    date: NaiveDate,
    recommendation: Recommendation,
    inputs: Inputs,
) -> impl IntoView {
    let state = use_state();
    let recommended = recommendation.best().map(|c| (c.person, c.score));
    // Only eligible persons can be chosen, best first, with their score.
    let options: Vec<Choice> = recommendation
        .ranked
        .iter()
        .map(|c| {
            (
                c.person.to_string(),
                format!(
                    "{} ({} {})",
                    name_in(state.persons, &c.person.to_string(), |p| p.name.clone()),
                    c.score,
                    text::POINTS
                ),
            )
        })
        .collect();
    let score_of: HashMap<PersonId, i64> = recommendation.ranked.iter().map(|c| (c.person, c.score)).collect();
    let form = FormErrors::provide_scoped(case_id.to_string());
    let Inputs { person, chosen: by_user, rationale, decided_by } = inputs;
    // Until the user chooses, the batch suggestion's person for this case (once it has run) is
    // preselected, else the top recommendation.
    let plan = BatchPlan::get();
    let suggested = move || plan.and_then(|p| p.person_for(case_id));
    Effect::new(move |_| {
        if !by_user.get_untracked() {
            person.set(suggested().or(recommended.map(|(p, _)| p)).map(|p| p.to_string()).unwrap_or_default());
        }
    });
    let problem = RwSignal::new(None::<String>);
    let decide = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(chosen) = person.get_untracked().parse::<PersonId>() else {
            form.domain
                .set(vec![crate::domain::FieldError { field: "person", problem: crate::domain::Problem::Required }]);
            return;
        };
        let Some(provider) = state.persons.with(|p| p.iter().find(|p| p.meta.id == chosen).map(|p| p.provider)) else {
            return;
        };
        let Some(old_case) = state.cases.with(|c| c.iter().find(|c| c.meta.id == case_id).cloned()) else { return };
        // Checked again as of now: the loads may have changed since the card was drawn.
        let now = with_registry(state, |ctx| recommend(case_id, ctx).ok());
        if let Some(Err(blocks)) = now.as_ref().map(|r| r.choice(chosen)) {
            let name = name_in(state.persons, &chosen.to_string(), |p| p.name.clone());
            let concern = |id: String| name_in(state.concerns, &id, |c| c.name.clone());
            let why: Vec<String> = blocks.iter().map(|b| text::block(b, &concern)).collect();
            problem.set(Some(text::not_eligible(&name, &why)));
            return;
        }
        let followed = suggested().filter(|p| *p == chosen).and_then(|p| Some((p, *score_of.get(&p)?)));
        let decision = Decision {
            meta: RecordMeta::new(DecisionId::new()),
            meeting,
            case: case_id,
            person: chosen,
            provider,
            // Following the batch suggestion is following a recommendation too.
            recommended: followed.or(recommended).map(|(p, _)| p),
            score: followed.or(recommended).map(|(_, s)| s),
            rationale: rationale.get_untracked(),
            decided_by: decided_by.get_untracked(),
            decided_at: crate::storage::now_local(),
        };
        let mut case = old_case.clone();
        if let Err(e) = lifecycle::allocate(&mut case, Assignment { person: chosen, provider, from: date, to: None }) {
            problem.set(Some(text::lifecycle(&e)));
            return;
        }
        spawn_local(async move {
            let mut edits = state.edits();
            let staged = edits.save(None, decision).and_then(|_| edits.save(Some(&old_case), case));
            let result = match staged {
                Ok(_) => edits.commit().await,
                Err(e) => Err(e),
            };
            match result {
                Ok(()) => {
                    problem.set(None);
                    super::meeting::focus_when_drawn(decided_id(case_id));
                    if let Some(plan) = plan {
                        plan.decided(case_id, chosen);
                    }
                }
                Err(SaveError::Invalid(errors)) => form.domain.set(errors),
                Err(e) => problem.set(Some(text::save_error(Decision::STORE, &e))),
            }
        });
    };
    view! {
        <form class="decision" on:submit=decide>
            {move || suggested().map(|p| view! {
                <p class="muted">{format!("{}: {}", text::BATCH_SUGGESTED, name_in(state.persons, &p.to_string(), |x| x.name.clone()))}</p>
            })}
            <SelectInput label=text::CHOOSE_PERSON name="person" options=Signal::stored(options)
                value=person on_change=move |v| { by_user.set(true); person.set(v) } required=true allow_none=true/>
            <TextInput label=text::RATIONALE name="rationale" value=rationale on_change=move |v| rationale.set(v) multiline=true hint=text::RATIONALE_HINT/>
            <TextInput label=text::DECIDED_BY name="decided_by" value=decided_by on_change=move |v| decided_by.set(v) required=true/>
            <Show when=move || problem.get().is_some()>
                <p class="form-error" role="alert">{move || problem.get()}</p>
            </Show>
            <button type="submit" class="primary">{text::DECIDE}</button>
        </form>
    }
}
