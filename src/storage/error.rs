//! Storage errors. Every JS error (a `DOMException`, a failed conversion) is turned into a
//! [`StorageError`] that says which database, store and key it concerns, so the UI can show a
//! message and nothing panics on data a user or the browser controls.

use wasm_bindgen::{JsCast, JsValue};

/// What went wrong while talking to IndexedDB. Plain strings inside, so the error is `Clone` and
/// can sit in a UI signal.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// The browser offers no IndexedDB (some private modes, very old browsers).
    #[error("IndexedDB is not available in this browser: {0}")]
    Unavailable(String),
    /// Opening (or deleting) the database failed.
    #[error("could not open the database {name}: {message}")]
    Open { name: String, message: String },
    /// The stored database has a newer schema than this version of the app knows.
    #[error("the database {name} was written by a newer version of the app (this app knows schema {supported}); reload to update the app")]
    TooNew { name: String, supported: u32 },
    /// Another tab keeps an older version of the database open, so the upgrade cannot run.
    #[error(
        "the database {name} is open in another tab with an older version of the app; close the other tabs and reload"
    )]
    Blocked { name: String },
    /// A migration step failed; the upgrade was rolled back.
    #[error("upgrading the database to schema version {version} failed: {message}")]
    Upgrade { version: u32, message: String },
    /// This connection was closed (another tab upgraded the database, or [`Db::close`] was called).
    ///
    /// [`Db::close`]: super::Db::close
    #[error("the database connection is closed; reload the app")]
    Closed,
    /// A transaction could not be started, or it failed or was aborted as a whole.
    #[error("transaction on [{stores}] failed: {message}")]
    Transaction { stores: String, message: String },
    /// The browser's storage quota is used up.
    #[error("the browser's storage for this app is full (transaction on [{stores}])")]
    QuotaExceeded { stores: String },
    /// One request (get, put, …) failed.
    #[error("{op} in {store} (key {key}) failed: {message}")]
    Request { op: &'static str, store: String, key: String, message: String },
    /// A value could not be converted between Rust and a JS object (e.g. stored data of an
    /// unexpected shape).
    #[error("could not convert {store}/{key}: {message}")]
    Serde { store: String, key: String, message: String },
}

impl StorageError {
    pub(crate) fn serde(store: &str, key: &str, e: impl std::fmt::Display) -> Self {
        Self::Serde { store: store.to_string(), key: key.to_string(), message: e.to_string() }
    }

    pub(crate) fn request(op: &'static str, store: &str, key: &str, e: &idb::Error) -> Self {
        Self::Request { op, store: store.to_string(), key: key.to_string(), message: describe(e) }
    }

    pub(crate) fn transaction(stores: &[String], e: &idb::Error) -> Self {
        let stores = stores.join(", ");
        if exception_name(e).as_deref() == Some("QuotaExceededError") {
            Self::QuotaExceeded { stores }
        } else {
            Self::Transaction { stores, message: describe(e) }
        }
    }

    /// True when the browser refused to store more data.
    pub fn is_quota(&self) -> bool {
        match self {
            Self::QuotaExceeded { .. } => true,
            Self::Request { message, .. } | Self::Transaction { message, .. } => {
                message.starts_with("QuotaExceededError")
            }
            _ => false,
        }
    }
}

/// The `DOMException` name (e.g. `ConstraintError`) behind an idb error, if there is one.
pub(crate) fn exception_name(e: &idb::Error) -> Option<String> {
    match e {
        idb::Error::DomException(ex) => Some(ex.name()),
        _ => js_payload(e).and_then(|v| v.dyn_ref::<web_sys::DomException>().map(|ex| ex.name())),
    }
}

/// A readable description: `Name: message` for DOM exceptions, the idb text otherwise.
pub(crate) fn describe(e: &idb::Error) -> String {
    match e {
        idb::Error::DomException(ex) => format!("{}: {}", ex.name(), ex.message()),
        other => match js_payload(other) {
            Some(v) => format!("{other} ({})", describe_js(v)),
            None => other.to_string(),
        },
    }
}

/// A readable description of any thrown JS value.
pub(crate) fn describe_js(v: &JsValue) -> String {
    if let Some(ex) = v.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", ex.name(), ex.message())
    } else if let Some(err) = v.dyn_ref::<js_sys::Error>() {
        format!("{}: {}", String::from(err.name()), String::from(err.message()))
    } else if let Some(s) = v.as_string() {
        s
    } else {
        format!("{v:?}")
    }
}

/// The thrown JS value inside those idb errors that carry one.
fn js_payload(e: &idb::Error) -> Option<&JsValue> {
    use idb::Error as E;
    match e {
        E::AddFailed(v)
        | E::ClearFailed(v)
        | E::CountFailed(v)
        | E::DeleteFailed(v)
        | E::GetAllFailed(v)
        | E::GetAllKeysFailed(v)
        | E::GetFailed(v)
        | E::IndexCreateFailed(v)
        | E::IndexNotFound(v)
        | E::IndexedDbDeleteFailed(v)
        | E::IndexedDbNotFound(v)
        | E::IndexedDbOpenFailed(v)
        | E::ObjectStoreCreateFailed(v)
        | E::ObjectStoreNotFound(v)
        | E::TransactionAbortError(v)
        | E::TransactionCommitError(v)
        | E::TransactionOpenFailed(v)
        | E::UpdateFailed(v) => Some(v),
        _ => None,
    }
}
