//! The app shell: opens the data, provides the state, and lays out navigation and routes.

use crate::storage::today;
use crate::ui::pages::{cases, committee, data, evaluation, followup, overview, providers, settings};
use crate::ui::state::{AppState, Loaded};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{path, Lazy, LazyRoute};

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
                    <Route path=path!("/sager") view={Lazy::<CaseListRoute>::new()}/>
                    <Route path=path!("/sager/ny") view={Lazy::<CaseNewRoute>::new()}/>
                    <Route path=path!("/sager/:id") view={Lazy::<CasePageRoute>::new()}/>
                    <Route path=path!("/sager/:id/rediger") view={Lazy::<CaseEditRoute>::new()}/>
                    <Route path=path!("/kontaktpersoner") view={Lazy::<ProvidersRoute>::new()}/>
                    <Route path=path!("/udvalg") view={Lazy::<CommitteeRoute>::new()}/>
                    <Route path=path!("/udvalg/:id") view={Lazy::<MeetingRoute>::new()}/>
                    <Route path=path!("/udvalg/:id/referat") view={Lazy::<MinutesRoute>::new()}/>
                    <Route path=path!("/opfoelgning") view={Lazy::<FollowupRoute>::new()}/>
                    <Route path=path!("/evaluering") view={Lazy::<EvaluationRoute>::new()}/>
                    <Route path=path!("/data") view={Lazy::<DataRoute>::new()}/>
                    <Route path=path!("/indstillinger") view={Lazy::<SettingsRoute>::new()}/>
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

/// A page whose code is loaded on first visit: with the `split` feature its view is a split point
/// (`#[lazy_route]`, cut out of the main wasm by wasm-split-cli, see tools/split.mjs); without it
/// the same route is an ordinary async view in the one binary (trunk serve, tests).
macro_rules! lazy_page {
    ($($route:ident => $($page:ident)::+;)*) => {$(
        struct $route;
        #[cfg(feature = "split")]
        #[leptos_router::lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self { $route }
            fn view(_this: Self) -> AnyView { view! { <$($page)::+/> }.into_any() }
        }
        #[cfg(not(feature = "split"))]
        impl LazyRoute for $route {
            fn data() -> Self { $route }
            async fn view(_this: Self) -> AnyView { view! { <$($page)::+/> }.into_any() }
        }
    )*};
}

lazy_page! {
    CaseListRoute => cases::CaseList;
    CaseNewRoute => cases::CaseNew;
    CasePageRoute => cases::CasePage;
    CaseEditRoute => cases::CaseEdit;
    ProvidersRoute => providers::ProvidersPage;
    CommitteeRoute => committee::CommitteePage;
    MeetingRoute => committee::MeetingPage;
    MinutesRoute => committee::MinutesPage;
    FollowupRoute => followup::FollowupPage;
    EvaluationRoute => evaluation::EvaluationPage;
    DataRoute => data::DataPage;
    SettingsRoute => settings::SettingsPage;
}
