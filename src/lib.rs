//! Fordeling: the contact-person scheme (kontaktpersonordning) and the allocation committee
//! (fordelingsudvalg), offline in the browser.
//!
//! Dependencies point one way: `ui` → `storage` → `domain`/`allocation`/`sync`.
//! The pure core compiles and tests natively; browser code only for `wasm32`.

pub mod allocation;
pub mod domain;
pub mod report;
pub mod sample;
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod crypto;
#[cfg(target_arch = "wasm32")]
pub mod download;
#[cfg(target_arch = "wasm32")]
pub mod pwa;
#[cfg(target_arch = "wasm32")]
pub mod ui;
