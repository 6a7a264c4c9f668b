//! Kontaktpersoner og leverandører: both registers on one page.

use crate::ui::components::PageHeading;
use crate::ui::pages::registers;
use crate::ui::text;
use leptos::prelude::*;

#[component]
pub fn ProvidersPage() -> impl IntoView {
    view! {
        <PageHeading text=text::NAV_PROVIDERS/>
        {registers::persons()}
        {registers::providers()}
    }
}
