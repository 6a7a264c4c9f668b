//! A running case's follow-ups (opfølgning, SEL §70): those held, newest first, when the next is
//! due, and a form to record one: date, who attended, progress per goal, a change of the granted
//! hours with its reason, and when to follow up next. The follow-up and the case's changed hours
//! are saved in one transaction.

use crate::domain::followup::{apply, next_due};
use crate::domain::{Case, CaseId, CaseStatus, Followup, FollowupId, GoalProgress, Record, RecordMeta, Validate};
use crate::ui::components::form::FieldMessage;
use crate::ui::components::{guard_unsaved, split_list, DateInput, FormErrors, NumberInput, TextInput};
use crate::ui::lens::lens;
use crate::ui::state::use_state;
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Followups(case_id: CaseId) -> impl IntoView {
    let state = use_state();
    let case = Memo::new(move |_| state.cases.with(|c| c.iter().find(|c| c.meta.id == case_id).cloned()));
    let held = Memo::new(move |_| {
        let mut held: Vec<Followup> =
            state.followups.with(|f| f.iter().filter(|f| f.case == case_id && !f.meta.archived).cloned().collect());
        held.sort_by_key(|f| std::cmp::Reverse(f.date));
        held
    });
    let running = move || case.with(|c| c.as_ref().is_some_and(|c| c.status == CaseStatus::Active));
    let due = move || {
        let start = case.with(|c| c.as_ref().and_then(|c| c.start_date))?;
        let date = state.settings.with(|s| held.with(|h| next_due(start, h.first(), s)));
        Some(text::followup_due_line(date, date < state.today))
    };
    let goal_text = move |progress: &GoalProgress| {
        let text = case
            .with(|c| c.as_ref().and_then(|c| c.goals.iter().find(|g| g.id == progress.goal).map(|g| g.text.clone())));
        format!("{}: {}", text.unwrap_or_default(), text::progress_score(progress.score))
    };
    view! {
        <section class="card" aria-labelledby="followups-h">
            <h2 id="followups-h">{text::FOLLOWUPS_TITLE}</h2>
            <Show when=running>
                <p>{due}</p>
            </Show>
            <Show when=move || !held.with(Vec::is_empty) fallback=|| view! { <p class="empty">{text::NO_FOLLOWUPS}</p> }>
                <ul class="audit">
                    <For each=move || held.get() key=|f| f.meta.id let:f>
                        <li>
                            <strong>{text::date(f.date)}</strong>
                            {(!f.attendees.is_empty()).then(|| format!(" · {}", f.attendees.join(", ")))}
                            <ul class="plain">
                                {f.progress.iter().map(|p| view! { <li>{goal_text(p)}</li> }).collect_view()}
                            </ul>
                            {f.hours_change.filter(|h| *h != 0.0).map(|h| view! {
                                <p>{text::hours_change_line(h, &f.hours_reason)}</p>
                            })}
                        </li>
                    </For>
                </ul>
            </Show>
            {move || case.get().filter(|c| c.status == CaseStatus::Active).map(|case| view! {
                <details class="disclosure">
                    <summary>{text::FOLLOWUP_NEW}</summary>
                    <FollowupForm case/>
                </details>
            })}
        </section>
    }
}

fn blank(case: &Case, today: chrono::NaiveDate) -> Followup {
    Followup {
        meta: RecordMeta::new(FollowupId::new()),
        case: case.meta.id,
        date: today,
        attendees: Vec::new(),
        progress: Vec::new(),
        hours_change: None,
        hours_reason: String::new(),
        next_date: None,
    }
}

#[component]
fn FollowupForm(case: Case) -> impl IntoView {
    let state = use_state();
    let form = FormErrors::provide_scoped("followup".into());
    let draft = RwSignal::new(blank(&case, state.today));
    let initial = StoredValue::new(draft.get_untracked());
    guard_unsaved(Signal::derive(move || form.has_bad_input() || initial.with_value(|i| draft.with(|d| d != i))));
    let saved = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let goals = case.goals.clone();
    let case = StoredValue::new(case);

    let (date, set_date) = lens(draft, |f| Some(f.date), |f, v| f.date = v.unwrap_or(f.date));
    let (attendees, set_attendees) = lens(draft, |f| f.attendees.join(", "), |f, v| f.attendees = split_list(&v));
    let (change, set_change) = lens(draft, |f| f.hours_change, |f, v| f.hours_change = v);
    let (reason, set_reason) = lens(draft, |f| f.hours_reason.clone(), |f, v| f.hours_reason = v);
    let (next, set_next) = lens(draft, |f| f.next_date, |f, v| f.next_date = v);
    let score_of = move |goal| {
        draft.with(|f| f.progress.iter().find(|p| p.goal == goal).map(|p| p.score.to_string()).unwrap_or_default())
    };
    let set_score = move |goal, value: String| {
        draft.update(|f| {
            f.progress.retain(|p| p.goal != goal);
            if let Ok(score) = value.parse() {
                f.progress.push(GoalProgress { goal, score });
            }
        })
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let f = draft.get_untracked();
        let old = case.get_value();
        let mut errors = f.validate(state.today);
        let next_case = apply(&old, &f).map_err(|e| errors.extend(e)).ok();
        let Some(next_case) = next_case.filter(|_| errors.is_empty() && !form.has_bad_input()) else {
            form.domain.set(errors);
            return;
        };
        spawn_local(async move {
            let mut edits = state.edits();
            let staged = edits.save(None, f).and_then(|_| {
                if next_case != old {
                    edits.save(Some(&old), next_case)?;
                }
                Ok(())
            });
            match staged {
                Ok(()) => match edits.commit().await {
                    Ok(_) => {
                        form.domain.set(Vec::new());
                        failed.set(None);
                        let fresh = blank(&old, state.today);
                        initial.set_value(fresh.clone());
                        draft.set(fresh);
                        saved.set(true);
                    }
                    Err(e) => failed.set(Some(text::save_error(Followup::STORE, &e))),
                },
                Err(crate::storage::SaveError::Invalid(errors)) => form.domain.set(errors),
                Err(e) => failed.set(Some(text::save_error(Followup::STORE, &e))),
            }
        });
    };
    view! {
        <form class="followup-form" on:submit=save novalidate>
            <div class="field-row">
                <DateInput label=text::F_FOLLOWUP_DATE name="date" value=date on_change=set_date required=true/>
                <TextInput label=text::F_ATTENDEES name="attendees" value=attendees on_change=set_attendees/>
            </div>
            <fieldset class="progress">
                <legend>{text::PROGRESS_LEGEND}</legend>
                {goals.into_iter().filter(|g| !g.text.trim().is_empty()).map(|g| {
                    let id = format!("f-followup-goal-{}", g.id);
                    let goal = g.id;
                    view! {
                        <div class="field">
                            <label for=id.clone()>{g.text.clone()}</label>
                            <select id=id prop:value=move || score_of(goal) on:change=move |ev| set_score(goal, event_target_value(&ev))>
                                <option value="">{text::NOT_SCORED}</option>
                                {(1..=5u8).map(|s| view! { <option value=s.to_string()>{text::progress_score(s)}</option> }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
                <FieldMessage name="progress"/>
            </fieldset>
            <div class="field-row">
                <NumberInput label=text::F_HOURS_CHANGE name="hours_change" value=change on_change=set_change/>
                <TextInput label=text::F_HOURS_REASON name="hours_reason" value=reason on_change=set_reason/>
            </div>
            <DateInput label=text::F_NEXT_FOLLOWUP name="next_date" value=next on_change=set_next/>
            <Show when=move || failed.get().is_some()>
                <p class="form-error" role="alert">{move || failed.get()}</p>
            </Show>
            <div class="actions">
                <button type="submit" class="primary">{text::SAVE_FOLLOWUP}</button>
                <Show when=move || saved.get()><span class="ok" role="status">{text::SAVED}</span></Show>
            </div>
        </form>
    }
}
