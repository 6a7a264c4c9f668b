//! Data: sync by file (export, import with preview and undo, conflicts) and what this device holds.

mod ahead;
mod conflicts;
mod export;
mod import;

use crate::ui::components::PageHeading;
use crate::ui::state::use_state;
use crate::ui::text;
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_state();
    let counts = move || {
        vec![
            (text::CASES_TITLE, state.cases.with(Vec::len)),
            ("Børn og unge", state.youths.with(Vec::len)),
            (text::PERSONS_TITLE, state.persons.with(Vec::len)),
            (text::PROVIDERS_TITLE, state.providers.with(Vec::len)),
            (text::DISTRICTS_TITLE, state.districts.with(Vec::len)),
            (text::SCHOOLS_TITLE, state.schools.with(Vec::len)),
            (text::MEMBERS_TITLE, state.members.with(Vec::len)),
            (text::CONCERNS_TITLE, state.concerns.with(Vec::len)),
            (text::LEGAL_TITLE, state.legal_bases.with(Vec::len)),
        ]
    };
    let device = state.repo.with_value(|r| r.device().to_string());
    view! {
        <PageHeading text=text::DATA_TITLE/>
        <div class="grid">
            <export::ExportPanel/>
            <import::ImportPanel/>
        </div>
        <conflicts::ConflictList/>
        <section class="card">
            <h2>{text::RECORD_COUNTS}</h2>
            <table class="load"><tbody>
                {move || counts().into_iter().map(|(label, n)| view! { <tr><th scope="row">{label}</th><td class="num">{n}</td></tr> }).collect_view()}
            </tbody></table>
            <p class="muted">{format!("{}: {device}", text::DEVICE_ID)}</p>
        </section>
    }
}
