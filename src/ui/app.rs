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

/// A page whose code is loaded on first visit. With the `split` feature its view is a split point
/// (cut out of the main wasm by wasm-split-cli, see tools/split.mjs) that may fail to load, e.g.
/// offline before the service worker fetched it: the page then says so instead of the app
/// stopping (Leptos's `#[lazy_route]` would panic), and the next visit tries again. Without the
/// feature the same route is an ordinary async view in the one binary.
macro_rules! lazy_page {
    ($($route:ident($split:ident) => $($page:ident)::+;)*) => {$(
        struct $route;
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($split, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $split() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
            Ok(view! { <$($page)::+/> }.into_any())
        }
        #[cfg(not(feature = "split"))]
        async fn $split() -> Result<AnyView, std::convert::Infallible> {
            Ok(view! { <$($page)::+/> }.into_any())
        }
        impl LazyRoute for $route {
            fn data() -> Self { $route }
            async fn view(_this: Self) -> AnyView {
                $split().await.unwrap_or_else(|_| view! { <p class="empty" role="alert">{text::PAGE_NOT_LOADED}</p> }.into_any())
            }
        }
    )*};
}

lazy_page! {
    CaseListRoute(case_list_view) => cases::CaseList;
    CaseNewRoute(case_new_view) => cases::CaseNew;
    CasePageRoute(case_page_view) => cases::CasePage;
    CaseEditRoute(case_edit_view) => cases::CaseEdit;
    ProvidersRoute(providers_view) => providers::ProvidersPage;
    CommitteeRoute(committee_view) => committee::CommitteePage;
    MeetingRoute(meeting_view) => committee::MeetingPage;
    MinutesRoute(minutes_view) => committee::MinutesPage;
    FollowupRoute(followup_view) => followup::FollowupPage;
    EvaluationRoute(evaluation_view) => evaluation::EvaluationPage;
    DataRoute(data_view) => data::DataPage;
    SettingsRoute(settings_view) => settings::SettingsPage;
}
