//! Opfølgning: every active case with its next follow-up date; overdue ones first and marked.

use crate::report;
use crate::ui::components::PageHeading;
use crate::ui::components::{more, ShowMore};
use crate::ui::state::{name_in, use_state};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn FollowupPage() -> impl IntoView {
    let state = use_state();
    let due = Memo::new(move |_| {
        let settings = state.settings.get();
        state.cases.with(|c| state.followups.with(|f| report::followups_due(c, f, &settings, state.today)))
    });
    let shown = RwSignal::new(more::STEP);
    view! {
        <PageHeading text=text::FOLLOWUP_TITLE/>
        <p class="lead">{move || {
            let s = state.settings.get();
            text::followup_rule(s.followup_first_months, s.followup_interval_months)
        }}</p>
        <Show when=move || !due.with(Vec::is_empty) fallback=|| view! { <p class="empty">{text::NOTHING_DUE}</p> }>
            <ul class="rows">
                <For each=move || due.with(|d| more::first(d, shown.get())) key=|d| (d.case, d.date) let:d>
                    <li class="row" class:overdue=d.overdue>
                        <A href=format!("/sager/{}", d.case) attr:class="row-main">
                            <span class="row-title">{name_in(state.youths, &d.youth.to_string(), |y| y.pseudonym.clone())}</span>
                            <span class="row-sub">{format!("{}: {}", text::FOLLOWUP_DUE, text::date(d.date))}</span>
                            {d.overdue.then_some(view! { <span class="badge warn">{text::OVERDUE}</span> })}
                        </A>
                    </li>
                </For>
            </ul>
            <ShowMore total=Signal::derive(move || due.with(Vec::len)) shown/>
        </Show>
    }
}
