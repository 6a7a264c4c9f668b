//! The batch suggestion for a meeting: the exact solver over every undecided agenda case, with
//! whether the result is proven optimal, the waiting list with reasons, and the instance file.

use crate::allocation::agenda::{batch_instance, explain_unplaced};
use crate::allocation::batch::{solve, Instance, Solution, SolveOptions};
use crate::domain::{CaseId, CaseStatus, Meeting, PersonId};
use crate::ui::registry::with_registry;
use crate::ui::state::{name_in, use_state, AppState};
use crate::ui::text;
use leptos::prelude::*;
use std::collections::HashMap;

/// Milliseconds from the browser's monotonic clock.
fn performance_now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// The undecided cases of the agenda, in agenda order.
fn undecided(state: AppState, meeting: &Meeting) -> Vec<CaseId> {
    state.cases.with(|cases| {
        meeting
            .agenda
            .iter()
            .copied()
            .filter(|id| cases.iter().any(|c| c.meta.id == *id && c.status == CaseStatus::OnAgenda))
            .collect()
    })
}

/// The batch suggestion's contact person per case, once the committee has run it. The agenda
/// cards preselect it, and choosing it counts as following a recommendation (no rationale
/// needed), as choosing the case's own top recommendation does. A decision that departs from
/// it voids it: the rest of it counted on the hours the departing decision has now taken.
#[derive(Clone, Copy)]
pub struct BatchPlan(RwSignal<Plan>);

#[derive(Clone, Default, PartialEq)]
enum Plan {
    #[default]
    NotRun,
    Current(HashMap<CaseId, PersonId>),
    Void,
}

impl BatchPlan {
    /// A plan for the meeting page, shared with its cards.
    pub fn provide() {
        provide_context(Self(RwSignal::new(Plan::NotRun)));
    }

    /// The page's plan (take it while the component is created: event handlers have no context).
    pub fn get() -> Option<Self> {
        use_context::<Self>()
    }

    /// The suggested person for `case`, if the suggestion has run and placed it.
    pub fn person_for(self, case: CaseId) -> Option<PersonId> {
        self.0.with(|p| match p {
            Plan::Current(m) => m.get(&case).copied(),
            _ => None,
        })
    }

    /// The committee decided `case` for `person`: as suggested (the rest of the plan stands), or
    /// otherwise (the plan is void).
    pub fn decided(self, case: CaseId, person: PersonId) {
        self.0.update(|p| {
            if let Plan::Current(m) = p {
                match m.remove(&case) {
                    Some(suggested) if suggested != person => *p = Plan::Void,
                    _ => {}
                }
            }
        });
    }

    fn is_void(self) -> bool {
        self.0.with(|p| *p == Plan::Void)
    }
}

#[derive(Clone, PartialEq)]
struct Outcome {
    instance: Instance,
    solution: Result<Solution, String>,
    millis: f64,
    waiting: Vec<(CaseId, String)>,
}

#[component]
pub fn BatchSuggestion(meeting: Memo<Option<Meeting>>) -> impl IntoView {
    let state = use_state();
    let outcome = RwSignal::new(None::<Outcome>);
    let plan = BatchPlan::get();
    let void = move || plan.is_some_and(BatchPlan::is_void);
    let run = move |_| {
        let Some(m) = meeting.get_untracked() else { return };
        let agenda = undecided(state, &m);
        let limit = f64::from(state.settings.with_untracked(|s| s.solver_time_limit_ms));
        let result = with_registry(state, |ctx| {
            let instance = batch_instance(&agenda, &[], ctx);
            let start = performance_now();
            let solution =
                solve(&instance, &SolveOptions { time_limit_ms: limit, ..Default::default() }, &mut performance_now);
            let millis = performance_now() - start;
            let waiting = match &solution {
                Ok(s) => explain_unplaced(s, ctx)
                    .into_iter()
                    .map(|u| (u.case, text::unassigned(u.reason).to_string()))
                    .collect(),
                Err(_) => Vec::new(),
            };
            Outcome { instance, solution: solution.map_err(|e| e.to_string()), millis, waiting }
        });
        if let (Some(plan), Ok(s)) = (plan, &result.solution) {
            plan.0.set(Plan::Current(
                s.assignment.iter().filter_map(|a| Some((a.case.parse().ok()?, a.person.parse().ok()?))).collect(),
            ));
        }
        outcome.set(Some(result));
    };
    let download = move |_| {
        if let Some(o) = outcome.get_untracked() {
            if let Ok(json) = serde_json::to_string_pretty(&o.instance) {
                let date = meeting.with_untracked(|m| m.as_ref().map(|m| m.date.to_string())).unwrap_or_default();
                let name = format!("fordeling-instans-{date}.json");
                crate::download::download(&name, "application/json", &json);
            }
        }
    };
    let pseudonym = move |case: &str| {
        let youth = state.cases.with(|c| c.iter().find(|c| c.meta.id.to_string() == case).map(|c| c.youth.to_string()));
        youth.map(|y| name_in(state.youths, &y, |y| y.pseudonym.clone())).unwrap_or_default()
    };
    view! {
        <section class="card" aria-labelledby="batch-h">
            <h2 id="batch-h">{text::BATCH_TITLE}</h2>
            <div class="actions">
                <button type="button" class="primary" on:click=run>{text::BATCH_RUN}</button>
                <Show when=move || outcome.with(Option::is_some)>
                    <button type="button" on:click=download>{text::BATCH_DOWNLOAD}</button>
                </Show>
            </div>
            <Show when=void>
                <p class="form-error" role="status">{text::BATCH_VOID}</p>
            </Show>
            {move || outcome.get().filter(|_| !void()).map(|o| match o.solution {
                Err(e) => view! { <p class="form-error" role="alert">{e}</p> }.into_any(),
                Ok(s) if s.assignment.is_empty() && s.unassigned.is_empty() => view! { <p class="empty">{text::NOTHING_TO_ALLOCATE}</p> }.into_any(),
                Ok(s) => view! {
                    <p class=if s.optimal { "ok" } else { "form-error" } role="status">
                        {if s.optimal { text::BATCH_OPTIMAL.to_string() } else {
                            format!("{} {} sager / {} {}", text::BATCH_NOT_OPTIMAL, s.upper_bound.placed, s.upper_bound.objective, text::POINTS)
                        }}
                    </p>
                    <p class="muted">{text::batch_figures(s.placed, s.objective, o.millis, s.nodes)}</p>
                    <table class="minutes-table batch">
                        <tbody>
                            {s.assignment.iter().map(|p| view! {
                                <tr><td>{pseudonym(&p.case)}</td><td>{name_in(state.persons, &p.person, |x| x.name.clone())}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    {(!o.waiting.is_empty()).then(|| view! {
                        <h3>{text::WAITING_LIST}</h3>
                        <ul class="plain">
                            {o.waiting.iter().map(|(case, why)| view! { <li>{format!("{}: {why}", pseudonym(&case.to_string()))}</li> }).collect_view()}
                        </ul>
                    })}
                }.into_any(),
            })}
        </section>
    }
}
