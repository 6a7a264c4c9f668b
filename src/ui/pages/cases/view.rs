//! One case: its facts, its status and the moves the lifecycle allows from here.

use super::form::CaseDraft;
use crate::domain::age::{age_on, next_milestone};
use crate::domain::case::{EndReason, Ending};
use crate::domain::lifecycle::{self, LifecycleError};
use crate::domain::{Case, CaseStatus};
use crate::ui::components::PageHeading;
use crate::ui::state::{name_in, use_state};
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// A label and its value; rows with an empty value are not shown.
type Fact = (&'static str, String);

#[component]
pub fn CaseView(draft: CaseDraft) -> impl IntoView {
    let state = use_state();
    let CaseDraft { youth, case, .. } = draft;
    let id = case.meta.id;
    let age = age_on(youth.birth_date, state.today);
    let milestone = next_milestone(youth.birth_date, state.today);
    let facts = vec![
        (text::AGE, format!("{} ({})", text::age_years(age), text::date(youth.birth_date))),
        (text::F_DISTRICT, name_in(state.districts, &youth.district.to_string(), |d| d.name.clone())),
        (
            text::F_LEGAL_BASIS,
            case.legal_basis
                .map(|l| name_in(state.legal_bases, &l.to_string(), |l| l.name.clone()))
                .unwrap_or_default(),
        ),
        (text::F_HOURS, case.hours_per_week.map(text::hours).unwrap_or_default()),
        (text::F_VISITATION_DATE, case.visitation_date.map(text::date).unwrap_or_default()),
        (text::F_CASEWORKER, case.caseworker.clone()),
        (text::F_RECEIVED, text::date(case.received)),
        (
            text::CONTACT_PERSON_NOW,
            case.assignment
                .map(|a| name_in(state.persons, &a.person.to_string(), |p| p.name.clone()))
                .unwrap_or_default(),
        ),
        (text::NEXT_MILESTONE, milestone.map(|(y, d)| format!("{y} år den {}", text::date(d))).unwrap_or_default()),
    ];
    let concerns: Vec<String> =
        case.concerns.iter().map(|c| name_in(state.concerns, &c.to_string(), |c| c.name.clone())).collect();
    let goals: Vec<String> = case.goals.iter().map(|g| g.text.trim().to_string()).filter(|g| !g.is_empty()).collect();
    view! {
        <p><A href=super::ListAddress::last() attr:class="back">{text::BACK_TO_CASES}</A></p>
        <div class="page-head">
            <PageHeading text={youth.pseudonym.clone()}/>
            <span class=format!("status status-{:?}", case.status)>{text::status(case.status)}</span>
            <A href=format!("/sager/{id}/rediger") attr:class="button">{text::EDIT}</A>
        </div>
        <div class="two-col">
            <section class="card">
                <Facts facts/>
                {(!goals.is_empty()).then(|| view! {
                    <h2>{text::GOALS}</h2>
                    <ul>{goals.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                })}
                {(!concerns.is_empty()).then(|| view! {
                    <h2>{text::F_CONCERNS}</h2>
                    <p>{concerns.join(", ")}</p>
                })}
            </section>
            <div>
                <StatusPanel case/>
                <super::followups::Followups case_id=id/>
                <AuditTrail case_id=id/>
                <super::erase::EraseYouth youth=youth.clone()/>
            </div>
        </div>
    }
}

/// Label/value rows; nothing at all when every value is empty.
#[component]
fn Facts(facts: Vec<Fact>) -> impl IntoView {
    let facts: Vec<Fact> = facts.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    (!facts.is_empty()).then(|| {
        view! {
            <dl class="facts">
                {facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
        }
    })
}

/// When the case started and when and why it ended, as far as it has.
fn course_facts(case: &Case) -> Vec<Fact> {
    vec![
        (text::F_START_DATE, case.start_date.map(text::date).unwrap_or_default()),
        (text::F_END_DATE, case.ending.map(|e| text::date(e.date)).unwrap_or_default()),
        (text::F_END_REASON, case.ending.map(|e| text::end_reason(e.reason).to_string()).unwrap_or_default()),
    ]
}

#[component]
fn StatusPanel(case: Case) -> impl IntoView {
    let state = use_state();
    let problem = RwSignal::new(None::<String>);
    let start = RwSignal::new(String::new());
    let course = course_facts(&case);
    let case = StoredValue::new(case);

    let apply = move |to: CaseStatus, ending: Option<Ending>| {
        let old = case.get_value();
        let mut next = old.clone();
        let moved = match (to, ending) {
            (CaseStatus::Ended, Some(ending)) => lifecycle::end(&mut next, ending),
            (CaseStatus::Active, _) => {
                next.start_date = text::parse_iso_date(&start.get_untracked()).or(next.start_date);
                lifecycle::move_to(&mut next, to)
            }
            _ => lifecycle::move_to(&mut next, to),
        };
        match moved {
            Err(LifecycleError::NotVisited(gaps)) => {
                let fields: Vec<&str> = gaps.iter().map(|g| text::field_label(g.field)).collect();
                problem.set(Some(format!("{} {}", text::CANNOT_MOVE, fields.join(", "))));
            }
            Err(e) => problem.set(Some(text::lifecycle(&e))),
            Ok(()) => {
                problem.set(None);
                spawn_local(async move {
                    match state.save(Some(old), next).await {
                        Ok(saved) => case.set_value(saved),
                        Err(e) => problem.set(Some(text::save_error("cases", &e))),
                    }
                });
            }
        }
    };
    let status = move || case.with_value(|c| c.status);
    // Moves that need no committee decision; allocation happens in Fordelingsudvalg.
    let moves = move || {
        lifecycle::allowed_moves(status())
            .iter()
            .copied()
            .filter(|m| !matches!(m, CaseStatus::Allocated | CaseStatus::Ended | CaseStatus::Active))
            .collect::<Vec<_>>()
    };
    let on_end = Callback::new(move |ending: Ending| apply(CaseStatus::Ended, Some(ending)));
    view! {
        <section class="card status-panel" aria-labelledby="status-h">
            <h2 id="status-h">{text::STATUS_SECTION}</h2>
            <Facts facts=course/>
            <Show when=move || problem.get().is_some()>
                <p class="form-error" role="alert">{move || problem.get()}</p>
            </Show>
            <Show when=move || !moves().is_empty()>
                <div class="actions wrap">
                    <For each=moves key=|m| *m let:to>
                        <button type="button" on:click=move |_| apply(to, None)>{text::move_to(status(), to)}</button>
                    </For>
                </div>
            </Show>
            <Show when=move || lifecycle::allowed_moves(status()).contains(&CaseStatus::Active)>
                <div class="inline-add">
                    <label for="start-date">{text::F_START_DATE}</label>
                    <input id="start-date" type="date" prop:value=move || start.get() on:change=move |ev| start.set(event_target_value(&ev))/>
                    <button type="button" class="primary" on:click=move |_| apply(CaseStatus::Active, None)>{text::ACTIVATE}</button>
                </div>
            </Show>
            <Show when=move || lifecycle::allowed_moves(status()).contains(&CaseStatus::Ended)>
                <details class="disclosure danger">
                    <summary>{text::END_CASE}</summary>
                    <EndCaseForm on_end/>
                </details>
            </Show>
        </section>
    }
}

/// Ending a case: a date, a reason the user must choose (none is preselected), then a second,
/// explicit confirmation before `on_end` runs.
#[component]
fn EndCaseForm(on_end: Callback<Ending>) -> impl IntoView {
    let state = use_state();
    let date = RwSignal::new(text::iso_date(state.today));
    let reason = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let confirming = RwSignal::new(None::<Ending>);
    let submit_ref = NodeRef::<leptos::html::Button>::new();
    let confirm_ref = NodeRef::<leptos::html::Div>::new();

    let chosen_date = move || text::parse_iso_date(&date.get());
    let chosen_reason = move || reason.with(|r| EndReason::ALL.iter().find(|x| format!("{x:?}") == *r).copied());
    let date_error = move || (tried.get() && chosen_date().is_none()).then_some(text::END_DATE_MISSING);
    let reason_error = move || (tried.get() && chosen_reason().is_none()).then_some(text::END_REASON_MISSING);
    let review = move |_| {
        tried.set(true);
        confirming.set(chosen_date().zip(chosen_reason()).map(|(date, reason)| Ending { date, reason }));
    };
    let cancel = move |_| {
        confirming.set(None);
        if let Some(b) = submit_ref.get_untracked() {
            let _ = b.focus();
        }
    };
    let confirm = move |_| {
        if let Some(ending) = confirming.get_untracked() {
            confirming.set(None);
            on_end.run(ending);
        }
    };
    // Take the user to the question, not to the button that ends the case.
    Effect::new(move |_| {
        if let Some(row) = confirm_ref.get() {
            let _ = row.focus();
        }
    });
    view! {
        <div class="field">
            <label for="end-date">{text::F_END_DATE}</label>
            <input id="end-date" type="date" aria-invalid=move || if date_error().is_some() { "true" } else { "false" }
                aria-describedby="end-date-error"
                prop:value=move || date.get()
                on:change=move |ev| { date.set(event_target_value(&ev)); confirming.set(None); }/>
            <Show when=move || date_error().is_some()>
                <p class="field-error" id="end-date-error" role="alert">{date_error}</p>
            </Show>
        </div>
        <div class="field">
            <label for="end-reason">{text::F_END_REASON}</label>
            <select id="end-reason" aria-required="true" aria-invalid=move || if reason_error().is_some() { "true" } else { "false" }
                aria-describedby="end-reason-error"
                prop:value=move || reason.get()
                on:change=move |ev| { reason.set(event_target_value(&ev)); confirming.set(None); }>
                <option value="">{text::CHOOSE_END_REASON}</option>
                {EndReason::ALL.iter().map(|r| view! { <option value=format!("{r:?}")>{text::end_reason(*r)}</option> }).collect_view()}
            </select>
            <Show when=move || reason_error().is_some()>
                <p class="field-error" id="end-reason-error" role="alert">{reason_error}</p>
            </Show>
        </div>
        <button type="button" node_ref=submit_ref on:click=review>{text::END_CASE_SUBMIT}</button>
        {move || confirming.get().map(|ending| view! {
            <div class="end-confirm" role="group" aria-labelledby="end-confirm-q" tabindex="-1" node_ref=confirm_ref>
                <p id="end-confirm-q"><strong>{text::END_CONFIRM_QUESTION}</strong></p>
                <Facts facts=vec![
                    (text::F_END_DATE, text::date(ending.date)),
                    (text::F_END_REASON, text::end_reason(ending.reason).to_string()),
                ]/>
                <p>{text::END_CONFIRM_NOTE}</p>
                <div class="actions">
                    <button type="button" class="danger" on:click=confirm>{text::END_CASE_CONFIRM}</button>
                    <button type="button" on:click=cancel>{text::CANCEL}</button>
                </div>
            </div>
        })}
    }
}
/// Every committee decision on the case, newest first (append-only).
#[component]
fn AuditTrail(case_id: crate::domain::CaseId) -> impl IntoView {
    let state = use_state();
    let decisions = Memo::new(move |_| {
        let mut d: Vec<_> = state.decisions.with(|d| d.iter().filter(|d| d.case == case_id).cloned().collect());
        d.sort_by_key(|b| std::cmp::Reverse(b.decided_at));
        d
    });
    view! {
        <section class="card" aria-labelledby="audit-h">
            <h2 id="audit-h">{text::AUDIT_TRAIL}</h2>
            <Show when=move || !decisions.with(Vec::is_empty) fallback=|| view! { <p class="empty">{text::NO_DECISIONS}</p> }>
                <ul class="audit">
                    <For each=move || decisions.get() key=|d| d.meta.id let:d>
                        <li>
                            <strong>{name_in(state.persons, &d.person.to_string(), |p| p.name.clone())}</strong>
                            {format!(" · {} · {}", text::date_time(d.decided_at), d.decided_by)}
                            {d.recommended.filter(|r| *r != d.person).map(|r| view! {
                                <p class="muted">{format!("{}: {}", text::RECOMMENDED, name_in(state.persons, &r.to_string(), |p| p.name.clone()))}</p>
                            })}
                            {(!d.rationale.is_empty()).then(|| view! { <p>{format!("{}: {}", text::RATIONALE, d.rationale)}</p> })}
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
