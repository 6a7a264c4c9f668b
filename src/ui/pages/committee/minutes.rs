//! Printable minutes (referat): date, attendees, and per case only pseudonym, age and district,
//! the decision and its rationale — no more personal data than needed.

use super::meeting::meeting_from_route;
use crate::domain::age::age_on;
use crate::domain::org::CommitteeMember;
use crate::ui::components::PageHeading;
use crate::ui::state::{name_in, use_state};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn MinutesPage() -> impl IntoView {
    let state = use_state();
    let meeting = meeting_from_route();
    move || {
        let Some(m) = meeting.get() else { return view! { <p class="empty">{text::RECORD_NOT_FOUND}</p> }.into_any() };
        let mut districts = Vec::new();
        let rows: Vec<_> = m
            .agenda
            .iter()
            .filter_map(|id| {
                let case = state.cases.with(|c| c.iter().find(|c| c.meta.id == *id).cloned())?;
                let youth = state.youths.with(|y| y.iter().find(|y| y.meta.id == case.youth).cloned())?;
                districts.push(youth.district);
                let decision = state.decisions.with(|d| {
                    d.iter().filter(|d| d.case == *id && d.meeting == m.meta.id).max_by_key(|d| d.decided_at).cloned()
                });
                Some((youth, decision))
            })
            .collect();
        let attendees: Vec<CommitteeMember> = state.members.with(|all| {
            all.iter()
                .filter(|mem| !mem.meta.archived && mem.district.is_none_or(|d| districts.contains(&d)))
                .cloned()
                .collect()
        });
        view! {
            <div class="page-head no-print">
                <A href=format!("/udvalg/{}", m.meta.id) attr:class="back">{text::BACK_TO_MEETINGS}</A>
                <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>{text::PRINT}</button>
            </div>
            <article class="minutes">
                <PageHeading text={format!("{} — {} {}", text::MINUTES, text::COMMITTEE_NAME, text::date(m.date))}/>
                <p><strong>{text::ATTENDEES}": "</strong>
                    {attendees.iter().map(|a| format!("{} ({})", a.name, text::role(a.role))).collect::<Vec<_>>().join(", ")}</p>
                <table class="minutes-table">
                    <thead><tr><th scope="col">"Sag"</th><th scope="col">{text::AGE_DISTRICT}</th><th scope="col">{text::F_PERSON}</th><th scope="col">{text::RATIONALE}</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(youth, decision)| {
                            let age = text::age_years(age_on(youth.birth_date, m.date));
                            let district = name_in(state.districts, &youth.district.to_string(), |d| d.name.clone());
                            let (person, rationale) = match &decision {
                                Some(d) => (
                                    name_in(state.persons, &d.person.to_string(), |p| p.name.clone()),
                                    if d.departs_from_recommendation() { format!("{}: {}", text::DEPARTED, d.rationale) } else { d.rationale.clone() },
                                ),
                                None => (text::NOT_DECIDED.to_string(), String::new()),
                            };
                            view! { <tr><td>{youth.pseudonym}</td><td>{format!("{age}, {district}")}</td><td>{person}</td><td>{rationale}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </article>
        }
        .into_any()
    }
}
