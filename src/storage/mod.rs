//! The IndexedDB adapter (browser only).
//!
//! * [`Db`]: the connection. Typed reads (`all`, `get`, `by_index`, `count`, `kv_get`) and
//!   all-or-nothing writes ([`Db::commit`] of a [`Change`], [`Db::update`] for
//!   read-modify-write).
//! * [`Repo`]: what the UI uses. Validates, stamps changed fields with the device's hybrid
//!   logical clock and commits record + clock together; [`Repo::batch`] saves several records
//!   in one transaction; seeds the defaults once.
//! * [`schema`]: versions and the ordered migration steps (append a step to add version 3).
//! * [`device`]: wall clock, local date, persistent-storage requests.
//!
//! Records are stored as plain JS objects (serde-wasm-bindgen, JSON-compatible) in one object
//! store per `domain::record::RECORD_STORES` entry, keyed by `meta.id`, with the indexes of
//! `domain::record::INDEXES` (index name = key path). Small values live in the `kv` store.

mod change;
pub mod db;
pub mod device;
pub mod error;
pub mod repo;
pub mod schema;
pub mod sync;
mod tabs;
mod tx;

pub use db::{Change, Db, Reads};
pub use device::{is_persisted, now_local, now_ms, request_persistence, storage_estimate, today};
pub use error::StorageError;
pub use repo::{Batch, Repo, SaveError};
