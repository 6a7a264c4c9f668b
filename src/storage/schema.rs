//! Schema versions and migrations of the IndexedDB database.
//!
//! # How versions work
//! The database version is the number of migration steps applied. [`MIGRATIONS`] is an ordered
//! list; step `n` (1-based, `MIGRATIONS[n - 1]`) takes the database from version `n - 1` to `n`.
//! When the app opens a database at an older version, the browser fires `upgradeneeded` and
//! [`run`] applies every missing step in order inside that one `versionchange` transaction:
//! either all of them land, or (on any error) the transaction is aborted and the database stays
//! at its old version with its data untouched.
//!
//! # Adding version 3
//! 1. Append a `Migration { version: 3, summary: "...", apply: v3 }` to [`MIGRATIONS`]
//!    ([`CURRENT_VERSION`] follows from the list's length).
//! 2. Write `fn v3(up: &Upgrade) -> Result<(), StorageError>` using [`Upgrade`]'s helpers:
//!    [`Upgrade::create_record_store`] for a new record type, [`Upgrade::create_index`] for a new
//!    entry in `domain::record::INDEXES`, [`Upgrade::store`] to reach an existing store.
//! 3. Never edit an existing step: databases in the field have already run it. Steps name
//!    their stores and indexes literally (frozen lists below), not through `RECORD_STORES` or
//!    `INDEXES`, which describe only the newest schema.
//! 4. Data migrations (rewriting records) issue requests on `up.store(name)?` (e.g. a cursor
//!    via `open_cursor`) and handle them with `wasm_bindgen_futures::spawn_local` awaiting only
//!    those requests; the open request succeeds only after the `versionchange` transaction has
//!    completed, so `Db::open` returns after the data is migrated.
//!
//! [`check`] runs after every open at the current version and fails when a store or index that
//! the domain lists is missing, which catches a forgotten step in the tests.

use super::error::{describe, StorageError};
use crate::domain::record::{INDEXES, RECORD_STORES};
use idb::event::VersionChangeEvent;
use idb::{
    Database, DatabaseEvent, Event, IndexParams, KeyPath, ObjectStore, ObjectStoreParams, Transaction, TransactionMode,
};

/// The key path of every record store: the record's id.
pub const KEY_PATH: &str = "meta.id";
/// The small key-value store (out-of-line string keys): device id, clock, settings, markers.
pub const KV_STORE: &str = "kv";

/// One migration step: from `version - 1` to `version`.
pub struct Migration {
    pub version: u32,
    pub summary: &'static str,
    pub apply: fn(&Upgrade<'_>) -> Result<(), StorageError>,
}

/// The ordered migration steps. Append only.
pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, summary: "record stores (key path meta.id) and the kv store", apply: v1 },
    Migration { version: 2, summary: "indexes for lists and look-ups", apply: v2 },
];

/// The schema version this app writes.
pub const CURRENT_VERSION: u32 = MIGRATIONS.len() as u32;

/// Record stores as of version 1 (frozen).
const V1_RECORD_STORES: &[&str] = &[
    "districts",
    "schools",
    "concerns",
    "legal_bases",
    "providers",
    "persons",
    "members",
    "youths",
    "cases",
    "meetings",
    "decisions",
    "followups",
];

/// Indexes added in version 2 (frozen): (store, key path = index name).
const V2_INDEXES: &[(&str, &str)] = &[
    ("schools", "district"),
    ("persons", "provider"),
    ("youths", "district"),
    ("cases", "status"),
    ("cases", "youth"),
    ("decisions", "case"),
    ("followups", "case"),
];

fn v1(up: &Upgrade<'_>) -> Result<(), StorageError> {
    for store in V1_RECORD_STORES {
        up.create_record_store(store)?;
    }
    up.create_kv_store()
}

fn v2(up: &Upgrade<'_>) -> Result<(), StorageError> {
    for (store, key_path) in V2_INDEXES {
        up.create_index(store, key_path)?;
    }
    Ok(())
}

/// What a migration step can touch: the database and its `versionchange` transaction.
pub struct Upgrade<'a> {
    pub(crate) db: &'a Database,
    pub(crate) tx: &'a Transaction,
}

impl Upgrade<'_> {
    /// A record store keyed by [`KEY_PATH`].
    pub fn create_record_store(&self, name: &str) -> Result<ObjectStore, StorageError> {
        let mut params = ObjectStoreParams::new();
        params.key_path(Some(KeyPath::new_single(KEY_PATH)));
        self.db.create_object_store(name, params).map_err(|e| failed(&format!("create store {name}"), &e))
    }

    /// The kv store (no key path: keys are given with each put).
    pub fn create_kv_store(&self) -> Result<(), StorageError> {
        self.db
            .create_object_store(KV_STORE, ObjectStoreParams::new())
            .map(|_| ())
            .map_err(|e| failed("create store kv", &e))
    }

    /// An existing store, reached through the `versionchange` transaction.
    pub fn store(&self, name: &str) -> Result<ObjectStore, StorageError> {
        self.tx.object_store(name).map_err(|e| failed(&format!("open store {name}"), &e))
    }

    /// A non-unique index named after its key path.
    pub fn create_index(&self, store: &str, key_path: &str) -> Result<(), StorageError> {
        let mut params = IndexParams::new();
        params.unique(false);
        self.store(store)?
            .create_index(key_path, KeyPath::new_single(key_path), Some(params))
            .map(|_| ())
            .map_err(|e| failed(&format!("create index {store}.{key_path}"), &e))
    }

    pub fn database(&self) -> &Database {
        self.db
    }

    pub fn transaction(&self) -> &Transaction {
        self.tx
    }
}

fn failed(what: &str, e: &idb::Error) -> StorageError {
    StorageError::Upgrade { version: 0, message: format!("{what}: {}", describe(e)) }
}

/// Apply the steps after `old` up to and including `target`, in order. The error names the
/// step that failed.
pub(crate) fn run(up: &Upgrade<'_>, old: u32, target: u32) -> Result<(), StorageError> {
    for step in MIGRATIONS.iter().filter(|m| m.version > old && m.version <= target) {
        (step.apply)(up).map_err(|e| StorageError::Upgrade {
            version: step.version,
            message: match e {
                StorageError::Upgrade { message, .. } => format!("{} ({message})", step.summary),
                other => format!("{} ({other})", step.summary),
            },
        })?;
    }
    Ok(())
}

/// Verify that every store in `RECORD_STORES`, the kv store and every index in `INDEXES`
/// exist (a forgotten migration step shows up here, not as a failed request later).
pub(crate) fn check(db: &Database) -> Result<(), StorageError> {
    let names = db.store_names();
    let missing = |what: String| StorageError::Upgrade {
        version: CURRENT_VERSION,
        message: format!("{what} is missing after the migrations: add a step in storage/schema.rs"),
    };
    for store in RECORD_STORES.iter().chain(std::iter::once(&KV_STORE)) {
        if !names.iter().any(|n| n == store) {
            return Err(missing(format!("store {store}")));
        }
    }
    let indexed: Vec<&str> = {
        let mut v: Vec<&str> = INDEXES.iter().map(|i| i.store).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    if indexed.is_empty() {
        return Ok(());
    }
    // No request is made, so the transaction completes at once.
    let tx =
        db.transaction(&indexed, TransactionMode::ReadOnly).map_err(|e| failed("open schema check transaction", &e))?;
    for def in INDEXES {
        let store = tx.object_store(def.store).map_err(|e| failed(&format!("open store {}", def.store), &e))?;
        if !store.index_names().iter().any(|n| n == def.key_path) {
            return Err(missing(format!("index {}.{}", def.store, def.key_path)));
        }
    }
    Ok(())
}

/// Apply the migration steps from the event's old version up to `target`; on failure abort the
/// `versionchange` transaction so the database keeps its old version and data.
pub(super) fn upgrade(event: &VersionChangeEvent, target: u32) -> Result<(), StorageError> {
    let fail = |e: idb::Error| StorageError::Upgrade { version: target, message: describe(&e) };
    let old = event.old_version().map_err(fail)?;
    let db = event.database().map_err(fail)?;
    let request = event.target().map_err(fail)?;
    let tx = idb::Request::transaction(&request).ok_or(StorageError::Upgrade {
        version: target,
        message: "the upgrade has no versionchange transaction".to_string(),
    })?;
    let result = run(&Upgrade { db: &db, tx: &tx }, old, target);
    if result.is_err() {
        let _ = tx.abort();
    }
    result
}
