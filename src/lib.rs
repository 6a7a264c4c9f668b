//! Fordeling: the contact-person scheme (kontaktpersonordning) and the allocation committee
//! (fordelingsudvalg), offline in the browser.
//!
//! Dependencies point one way: `ui` → `storage` → `domain`/`allocation`/`sync`.
//! The pure core compiles and tests natively; browser code only for `wasm32`.

pub mod allocation;
#[cfg(target_arch = "wasm32")]
pub mod crypto;
pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod download;
#[cfg(target_arch = "wasm32")]
pub mod pwa;
pub mod report;
pub mod sample;
#[cfg(target_arch = "wasm32")]
pub mod storage;
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod ui;
