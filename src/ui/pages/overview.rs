//! Oversigt: cases per status, follow-ups, the birthdays that matter, and capacity.

use crate::report;
use crate::ui::components::PageHeading;
use crate::ui::state::{name_in, use_state};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;

/// How many follow-ups a list of the overview names.
const LISTED: usize = 10;

#[component]
pub fn Overview() -> impl IntoView {
    let state = use_state();
    let counts = Memo::new(move |_| state.cases.with(|c| report::status_counts(c)));
    let due = Memo::new(move |_| {
        let settings = state.settings.get();
        state.cases.with(|c| state.followups.with(|f| report::followups_due(c, f, &settings, state.today)))
    });
    let overdue = move || due.with(|d| d.iter().filter(|d| d.overdue).cloned().collect::<Vec<_>>());
    let soon = move || {
        let horizon = state.today + chrono::Duration::days(30);
        due.with(|d| d.iter().filter(|d| !d.overdue && d.date <= horizon).cloned().collect::<Vec<_>>())
    };
    let milestones = Memo::new(move |_| {
        state.youths.with(|y| state.cases.with(|c| report::upcoming_milestones(y, c, state.today, 183)))
    });
    let loads = Memo::new(move |_| {
        state.providers.with(|p| state.persons.with(|q| state.cases.with(|c| report::provider_loads(p, q, c))))
    });
    let pseudonym = move |id: String| name_in(state.youths, &id, |y| y.pseudonym.clone());
    // The soonest few; the rest are on the follow-up page.
    let due_list = move |items: Vec<report::Due>| {
        if items.is_empty() {
            return view! { <p class="empty">{text::NOTHING_DUE}</p> }.into_any();
        }
        let more = items.len().saturating_sub(LISTED);
        view! {
            <ul class="plain">
                {items.into_iter().take(LISTED).map(|d| view! {
                    <li><A href=format!("/sager/{}", d.case)>{pseudonym(d.youth.to_string())}</A>" · "{text::date(d.date)}</li>
                }).collect_view()}
                {(more > 0).then(|| view! { <li><A href="/opfoelgning">{text::more_on_followup(more)}</A></li> })}
            </ul>
        }
        .into_any()
    };
    view! {
        <PageHeading text=text::OVERVIEW_TITLE/>
        <div class="tiles">
            {move || counts.get().into_iter().map(|(status, n)| view! {
                <div class=format!("tile status-{status:?}")><span class="tile-n">{n}</span><span class="tile-l">{text::status(status)}</span></div>
            }).collect_view()}
        </div>
        <div class="grid">
            <section class="card warn">
                <h2>{text::OVERDUE_FOLLOWUPS}</h2>
                {move || due_list(overdue())}
            </section>
            <section class="card">
                <h2>{text::UPCOMING_FOLLOWUPS}</h2>
                {move || due_list(soon())}
            </section>
            <section class="card">
                <h2>{text::UPCOMING_BIRTHDAYS}</h2>
                {move || {
                    let items = milestones.get();
                    if items.is_empty() {
                        return view! { <p class="empty">{text::NOTHING_DUE}</p> }.into_any();
                    }
                    view! { <ul class="plain">{items.into_iter().map(|m| view! {
                        <li><A href=format!("/sager/{}", m.case)>{pseudonym(m.youth.to_string())}</A>
                            {format!(" · {} år den {}", m.years, text::date(m.date))}</li>
                    }).collect_view()}</ul> }.into_any()
                }}
            </section>
            <section class="card">
                <h2>{text::CAPACITY_TITLE}</h2>
                <Show when=move || loads.with(Vec::is_empty)>
                    <p class="empty">{text::NOTHING_DUE}</p>
                </Show>
                <table class="load">
                    <tbody>
                        {move || loads.get().into_iter().map(|l| {
                            let cap = l.capacity.unwrap_or(0.0);
                            let label = format!("{} {}", l.name, text::HOURS_USED);
                            let over = l.over();
                            view! {
                                <tr class:over=over>
                                    <th scope="row">{l.name}<span class="muted">{format!(" · {}", text::provider_kind(l.kind))}</span></th>
                                    <td class="num">
                                        {format!("{} / {}", text::hours(l.used), l.capacity.map(text::hours).unwrap_or("–".into()))}
                                        {over.then_some(view! { <strong class="over-note">{text::OVERBOOKED}</strong> })}
                                    </td>
                                    <td class="bar"><meter min="0" max=cap value=l.used.min(cap) aria-label=label></meter></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        </div>
    }
}
