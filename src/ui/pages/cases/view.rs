//! One case: its facts, its status and the moves the lifecycle allows from here.

use super::form::CaseDraft;
use crate::domain::age::{age_on, next_milestone};
use crate::domain::case::{EndReason, Ending};
use crate::domain::lifecycle::{self, LifecycleError};
use crate::domain::{Case, CaseStatus};
use crate::storage::SaveError;
use crate::ui::state::{name_in, use_state};
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn CaseView(draft: CaseDraft) -> impl IntoView {
    let state = use_state();
    let CaseDraft { youth, case } = draft;
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
    let goals = case.goals.clone();
    view! {
        <p><A href="/sager">{text::BACK_TO_CASES}</A></p>
        <div class="page-head">
            <h1>{youth.pseudonym.clone()}</h1>
            <span class=format!("status status-{:?}", case.status)>{text::status(case.status)}</span>
            <A href=format!("/sager/{id}/rediger") attr:class="button">{text::EDIT}</A>
        </div>
        <div class="two-col">
            <section class="card">
                <dl class="facts">
                    {facts.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                </dl>
                <h2>{text::F_GOALS}</h2>
                <ul>{goals.into_iter().map(|g| view! { <li>{g.text}</li> }).collect_view()}</ul>
                <h2>{text::F_CONCERNS}</h2>
                <p>{concerns.join(", ")}</p>
            </section>
            <div>
                <StatusPanel case/>
                <AuditTrail case_id=id/>
            </div>
        </div>
    }
}

#[component]
fn StatusPanel(case: Case) -> impl IntoView {
    let state = use_state();
    let problem = RwSignal::new(None::<String>);
    let start = RwSignal::new(String::new());
    let end_date = RwSignal::new(text::iso_date(state.today));
    let end_reason = RwSignal::new(format!("{:?}", EndReason::GoalsMet));
    let case = StoredValue::new(case);

    let apply = move |to: CaseStatus| {
        let old = case.get_value();
        let mut next = old.clone();
        let moved = match to {
            CaseStatus::Ended => {
                let date = text::parse_iso_date(&end_date.get_untracked());
                let reason = EndReason::ALL.iter().find(|r| format!("{r:?}") == end_reason.get_untracked()).copied();
                match (date, reason) {
                    (Some(date), Some(reason)) => lifecycle::end(&mut next, Ending { date, reason }),
                    _ => Err(LifecycleError::NoEnding),
                }
            }
            CaseStatus::Active => {
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
                        Err(SaveError::Invalid(errors)) => {
                            let msgs: Vec<String> = errors
                                .iter()
                                .map(|e| format!("{}: {}", text::field_label(e.field), text::problem(&e.problem)))
                                .collect();
                            problem.set(Some(msgs.join("; ")));
                        }
                        Err(SaveError::Storage(e)) => problem.set(Some(e.to_string())),
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
    view! {
        <section class="card status-panel" aria-labelledby="status-h">
            <h2 id="status-h">{text::STATUS_SECTION}</h2>
            <Show when=move || problem.get().is_some()>
                <p class="form-error" role="alert">{move || problem.get()}</p>
            </Show>
            <div class="actions wrap">
                <For each=moves key=|m| *m let:to>
                    <button type="button" on:click=move |_| apply(to)>{format!("{} {}", text::MOVE_TO, text::status(to).to_lowercase())}</button>
                </For>
            </div>
            <Show when=move || lifecycle::allowed_moves(status()).contains(&CaseStatus::Active)>
                <div class="inline-add">
                    <label for="start-date">{text::F_START_DATE}</label>
                    <input id="start-date" type="date" prop:value=move || start.get() on:change=move |ev| start.set(event_target_value(&ev))/>
                    <button type="button" class="primary" on:click=move |_| apply(CaseStatus::Active)>{text::ACTIVATE}</button>
                </div>
            </Show>
            <Show when=move || lifecycle::allowed_moves(status()).contains(&CaseStatus::Ended)>
                <details class="end-case">
                    <summary>{text::END_CASE}</summary>
                    <div class="field">
                        <label for="end-date">{text::F_END_DATE}</label>
                        <input id="end-date" type="date" prop:value=move || end_date.get() on:change=move |ev| end_date.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="end-reason">{text::F_END_REASON}</label>
                        <select id="end-reason" prop:value=move || end_reason.get() on:change=move |ev| end_reason.set(event_target_value(&ev))>
                            {EndReason::ALL.iter().map(|r| view! { <option value=format!("{r:?}")>{text::end_reason(*r)}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="button" class="danger" on:click=move |_| apply(CaseStatus::Ended)>{text::END_CASE}</button>
                </details>
            </Show>
        </section>
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
