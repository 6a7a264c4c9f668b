//! Editors for the people around a case: adults the youth knows (with how well), and persons
//! ruled out by the youth or the caseworker.

use super::form::CaseDraft;
use crate::domain::{PersonId, Relation, RelationStrength};
use crate::ui::components::PersonPicker;
use crate::ui::lens::choices;
use crate::ui::state::{name_in, use_state};
use crate::ui::text;
use leptos::prelude::*;

#[component]
pub fn RelationsEditor(draft: RwSignal<CaseDraft>) -> impl IntoView {
    let state = use_state();
    let persons = choices(state.persons, |p| p.name.clone());
    let pick = RwSignal::new(String::new());
    let strength = RwSignal::new(RelationStrength::Good);
    let add = move |_| {
        if let Ok(person) = pick.get_untracked().parse::<PersonId>() {
            draft.update(|d| {
                d.case.relations.retain(|r| r.person != person);
                d.case.relations.push(Relation { person, strength: strength.get_untracked() });
            });
            pick.set(String::new());
        }
    };
    let rows = move || draft.with(|d| d.case.relations.clone());
    view! {
        <fieldset class="field" id="f-relations">
            <legend>{text::F_RELATIONS}</legend>
            <ul class="pills">
                <For each=rows key=|r| (r.person, r.strength) let:rel>
                    <li class="pill">
                        {name_in(state.persons, &rel.person.to_string(), |p| p.name.clone())}
                        " · " {text::relation(rel.strength)}
                        <button type="button" class="remove" aria-label=text::REMOVE
                            on:click=move |_| draft.update(|d| d.case.relations.retain(|r| r.person != rel.person))>"×"</button>
                    </li>
                </For>
            </ul>
            <div class="inline-add">
                <PersonPicker options=persons pick/>
                <select aria-label=text::F_RELATION on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(s) = RelationStrength::ALL.iter().find(|s| format!("{s:?}") == v) { strength.set(*s); }
                }>
                    {RelationStrength::ALL.iter().map(|s| view! {
                        <option value=format!("{s:?}") selected=*s == RelationStrength::Good>{text::relation(*s)}</option>
                    }).collect_view()}
                </select>
                <button type="button" on:click=add>{text::ADD}</button>
            </div>
        </fieldset>
    }
}

#[component]
pub fn RuledOutEditor(draft: RwSignal<CaseDraft>) -> impl IntoView {
    let state = use_state();
    let persons = choices(state.persons, |p| p.name.clone());
    let pick = RwSignal::new(String::new());
    let add = move |_| {
        if let Ok(person) = pick.get_untracked().parse::<PersonId>() {
            draft.update(|d| {
                if !d.case.ruled_out.contains(&person) {
                    d.case.ruled_out.push(person);
                }
            });
            pick.set(String::new());
        }
    };
    view! {
        <fieldset class="field" id="f-ruled_out">
            <legend>{text::F_RULED_OUT}</legend>
            <ul class="pills">
                <For each=move || draft.with(|d| d.case.ruled_out.clone()) key=|p| *p let:person>
                    <li class="pill">
                        {name_in(state.persons, &person.to_string(), |p| p.name.clone())}
                        <button type="button" class="remove" aria-label=text::REMOVE
                            on:click=move |_| draft.update(|d| d.case.ruled_out.retain(|p| *p != person))>"×"</button>
                    </li>
                </For>
            </ul>
            <div class="inline-add">
                <PersonPicker options=persons pick/>
                <button type="button" on:click=add>{text::ADD}</button>
            </div>
        </fieldset>
    }
}
