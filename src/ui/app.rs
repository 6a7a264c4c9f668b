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

/// The app's state once the data is read (or why it could not be). Pages wait for it; the shell
/// and navigation do not, and a lazy page fetches its code meanwhile.
#[derive(Clone, Copy)]
struct Ready(LocalResource<Result<AppState, String>>);

impl Ready {
    fn state(self) -> Option<Result<AppState, String>> {
        self.0.get()
    }
}

#[component]
pub fn App() -> impl IntoView {
    let owner = Owner::current().expect("the app is mounted under an owner");
    let ready = Ready(LocalResource::new(move || {
        let owner = owner.clone();
        async move {
            let data = Loaded::load(DB_NAME).await.map_err(|e| e.to_string())?;
            // The state belongs to the app (not to this future), and so does its context.
            Ok(owner.with(|| {
                let state = AppState::new(data, today());
                provide_context(state);
                state.follow_other_tabs();
                state
            }))
        }
    }));
    provide_context(ready);
    cases::ListAddress::provide();
    cases::KeptDrafts::provide();
    crate::ui::components::heading::Shown::provide();
    view! {
        <UpdatePrompt/>
        <Shell ready/>
    }
}

#[component]
fn Shell(ready: Ready) -> impl IntoView {
    view! {
        <Router>
            <a class="skip" href="#main">"Spring til indhold"</a>
            <header class="top">
                <A href="/" attr:class="brand"><img src="/icons/icon.svg" alt="" width="28" height="28"/><span>{text::APP_NAME}</span></A>
                <Nav/>
            </header>
            <main id="main" tabindex="-1">
                {move || match ready.state() {
                    None => view! { <p class="loading">{text::LOADING}</p> }.into_any(),
                    Some(Err(e)) => view! {
                        <p class="form-error" role="alert">{text::OPEN_FAILED}</p><p class="muted">{e}</p>
                    }.into_any(),
                    Some(Ok(_)) => ().into_any(),
                }}
                <Routes fallback=|| view! { <p class="empty">{text::NOT_FOUND}</p> }>
                    <Route path=path!("/") view=|| view! { <WhenReady><overview::Overview/></WhenReady> }/>
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

/// `children` once the data is read (the shell says meanwhile that it is loading, or why not).
#[component]
fn WhenReady(children: ChildrenFn) -> impl IntoView {
    let ready = expect_context::<Ready>();
    move || matches!(ready.state(), Some(Ok(_))).then(|| children())
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
/// (cut out of the main wasm by wasm-split-cli, see tools/split.mjs) in the module `$module`:
/// `data` (sync and encryption, the largest and least used) or `pages` (every other page). More,
/// smaller modules cost more in all: with one module per page (12, plus 138 chunks of shared code)
/// the lazy code was 617 KB brotli, with these two 458 KB. A split point may fail to load, e.g.
/// offline before the service worker fetched it: the page then says so instead of the app
/// stopping (Leptos's `#[lazy_route]` would panic), and the next visit tries again. The page's
/// module is fetched (`$preload`) while the data is still being read, not after. Without the
/// feature the same route is an ordinary async view in the one binary.
macro_rules! lazy_page {
    ($($module:ident: $route:ident($split:ident, $preload:ident) => $($page:ident)::+;)*) => {$(
        struct $route(Ready);
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
        fn $split() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
            Ok(view! { <$($page)::+/> }.into_any())
        }
        #[cfg(not(feature = "split"))]
        async fn $split() -> Result<AnyView, std::convert::Infallible> {
            Ok(view! { <$($page)::+/> }.into_any())
        }
        #[cfg(not(feature = "split"))]
        async fn $preload() {}
        impl LazyRoute for $route {
            fn data() -> Self {
                $route(expect_context::<Ready>())
            }
            async fn view(this: Self) -> AnyView {
                // The page's code is fetched while the data is read; a failed fetch is tried
                // again (and reported) by the page's own load below.
                let (_, ready) = futures::join!($preload(), async { this.0.0.await });
                if ready.is_err() {
                    return ().into_any();
                }
                $split().await.unwrap_or_else(|_| view! { <p class="empty" role="alert">{text::PAGE_NOT_LOADED}</p> }.into_any())
            }
        }
    )*};
}

lazy_page! {
    pages: CaseListRoute(case_list_view, case_list_preload) => cases::CaseList;
    pages: CaseNewRoute(case_new_view, case_new_preload) => cases::CaseNew;
    pages: CasePageRoute(case_page_view, case_page_preload) => cases::CasePage;
    pages: CaseEditRoute(case_edit_view, case_edit_preload) => cases::CaseEdit;
    pages: ProvidersRoute(providers_view, providers_preload) => providers::ProvidersPage;
    pages: CommitteeRoute(committee_view, committee_preload) => committee::CommitteePage;
    pages: MeetingRoute(meeting_view, meeting_preload) => committee::MeetingPage;
    pages: MinutesRoute(minutes_view, minutes_preload) => committee::MinutesPage;
    pages: FollowupRoute(followup_view, followup_preload) => followup::FollowupPage;
    pages: EvaluationRoute(evaluation_view, evaluation_preload) => evaluation::EvaluationPage;
    data: DataRoute(data_view, data_preload) => data::DataPage;
    pages: SettingsRoute(settings_view, settings_preload) => settings::SettingsPage;
}
