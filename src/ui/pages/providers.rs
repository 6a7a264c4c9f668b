//! Kontaktpersoner og leverandører: both registers on one page.

use crate::ui::pages::registers;
use crate::ui::text;
use leptos::prelude::*;

#[component]
pub fn ProvidersPage() -> impl IntoView {
    view! {
        <h1>{text::NAV_PROVIDERS}</h1>
        {registers::persons()}
        {registers::providers()}
    }
}
