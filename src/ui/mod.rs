//! The Leptos UI (browser only). Pages read and write through [`state::AppState`]; business
//! rules live in the domain and report modules, words in [`text`].

mod app;
mod components;
mod lens;
mod pages;
mod registry;
mod state;
pub mod text;

/// Mount the app on the page.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
