//! The app shell: opens the data, provides the state, and lays out navigation and routes.

use crate::storage::today;
use crate::ui::pages::{cases, committee, data, evaluation, followup, overview, providers, settings};
use crate::ui::state::{AppState, Loaded};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// The IndexedDB database of the real workspace.
pub const DB_NAME: &str = "fordeling";

#[component]
pub fn App() -> impl IntoView {
    let loaded = LocalResource::new(|| Loaded::load(DB_NAME));
    view! {
        <UpdatePrompt/>
        {move || match loaded.get() {
            None => view! { <main id="main" class="loading"><p>{text::LOADING}</p></main> }.into_any(),
            Some(Err(e)) => view! {
                <main id="main"><p class="form-error" role="alert">{text::OPEN_FAILED}</p><p class="muted">{e.to_string()}</p></main>
            }.into_any(),
            Some(Ok(data)) => {
                provide_context(AppState::new(data, today()));
                view! { <Shell/> }.into_any()
            }
        }}
    }
}

#[component]
fn Shell() -> impl IntoView {
    view! {
        <Router>
            <a class="skip" href="#main">"Spring til indhold"</a>
            <header class="top">
                <A href="/" attr:class="brand"><img src="/icons/icon.svg" alt="" width="28" height="28"/><span>{text::APP_NAME}</span></A>
                <Nav/>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <p class="empty">{text::NOT_FOUND}</p> }>
                    <Route path=path!("/") view=overview::Overview/>
                    <Route path=path!("/sager") view=cases::CaseList/>
                    <Route path=path!("/sager/ny") view=cases::CaseNew/>
                    <Route path=path!("/sager/:id") view=cases::CasePage/>
                    <Route path=path!("/sager/:id/rediger") view=cases::CaseEdit/>
                    <Route path=path!("/kontaktpersoner") view=providers::ProvidersPage/>
                    <Route path=path!("/udvalg") view=committee::CommitteePage/>
                    <Route path=path!("/udvalg/:id") view=committee::MeetingPage/>
                    <Route path=path!("/udvalg/:id/referat") view=committee::MinutesPage/>
                    <Route path=path!("/opfoelgning") view=followup::FollowupPage/>
                    <Route path=path!("/evaluering") view=evaluation::EvaluationPage/>
                    <Route path=path!("/data") view=data::DataPage/>
                    <Route path=path!("/indstillinger") view=settings::SettingsPage/>
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn Nav() -> impl IntoView {
    let items = [
        ("/", text::NAV_OVERVIEW),
        ("/sager", text::NAV_CASES),
        ("/kontaktpersoner", text::NAV_PROVIDERS),
        ("/udvalg", text::NAV_COMMITTEE),
        ("/opfoelgning", text::NAV_FOLLOWUP),
        ("/evaluering", text::NAV_EVALUATION),
        ("/data", text::NAV_DATA),
        ("/indstillinger", text::NAV_SETTINGS),
    ];
    view! {
        <nav aria-label=text::NAV_LABEL>
            <ul>
                {items.into_iter().map(|(href, label)| view! {
                    <li><A href=href exact=href == "/">{label}</A></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// "Ny version er klar — genindlæs" when an updated service worker is waiting.
#[component]
fn UpdatePrompt() -> impl IntoView {
    let waiting = RwSignal::new_local(None::<web_sys::ServiceWorker>);
    leptos::task::spawn_local(async move {
        crate::pwa::register(move |w| waiting.set(Some(w))).await;
    });
    view! {
        <Show when=move || waiting.with(Option::is_some)>
            <div class="update" role="status">
                <button class="primary" on:click=move |_| waiting.with(|w| if let Some(w) = w { crate::pwa::activate(w) })>
                    {text::UPDATE_READY}
                </button>
            </div>
        </Show>
    }
}
