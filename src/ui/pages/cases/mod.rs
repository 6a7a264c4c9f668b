//! The case pages: list, create, view, edit.

mod erase;
mod followups;
mod form;
mod list;
mod relations;
mod view;

use crate::domain::CaseId;
use crate::ui::state::use_state;
use crate::ui::text;
pub use form::KeptDrafts;
use form::{CaseDraft, CaseForm};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
pub use list::{CaseList, ListAddress};
use view::CaseView;

#[component]
pub fn CaseNew() -> impl IntoView {
    view! { <CaseForm original=None/> }
}

/// The case (and its youth) named by the `:id` in the route.
fn case_from_route() -> Memo<Option<CaseDraft>> {
    let state = use_state();
    let params = use_params_map();
    Memo::new(move |_| {
        let id: CaseId = params.with(|p| p.get("id")).and_then(|s| s.parse().ok())?;
        let case = state.cases.with(|c| c.iter().find(|c| c.meta.id == id).cloned())?;
        let youth = state.youths.with(|y| y.iter().find(|y| y.meta.id == case.youth).cloned())?;
        Some(CaseDraft { youth, case, birth_known: true })
    })
}

#[component]
pub fn CasePage() -> impl IntoView {
    let draft = case_from_route();
    move || match draft.get() {
        Some(draft) => view! { <CaseView draft/> }.into_any(),
        None => view! { <p class="empty">{text::RECORD_NOT_FOUND}</p> }.into_any(),
    }
}

#[component]
pub fn CaseEdit() -> impl IntoView {
    let draft = case_from_route();
    // Read once: the form keeps its own draft while editing.
    move || match draft.get_untracked() {
        Some(draft) => view! { <CaseForm original=Some(draft)/> }.into_any(),
        None => view! { <p class="empty">{text::RECORD_NOT_FOUND}</p> }.into_any(),
    }
}
