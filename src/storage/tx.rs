//! Awaiting IndexedDB requests and transactions.
//!
//! Each read and transaction is turned into a JS `Promise` whose `resolve`/`reject` are the
//! `onsuccess`/`onerror` (`oncomplete`/`onabort`) handlers; the writes of a change are only
//! checked through their transaction (see [`issue`]). No Rust closure is handed to the
//! browser, so dropping a future early never leaves a dangling callback, and a request's error
//! is not `preventDefault`ed: a failed write aborts its whole transaction.
//!
//! The promise reactions run as microtasks inside the event's dispatch, while the transaction
//! is still active, so code that awaits a request may issue further requests on the same
//! transaction (as [`Db::update`](super::Db::update) does). Awaiting anything else (a timer,
//! `fetch`) would let the transaction commit underneath.

use super::change::{Op, OpKind};
use super::error::{describe, StorageError};
use idb::ObjectStore;
use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbRequest, IdbTransaction};

/// A request whose outcome is being watched.
pub(crate) struct Pending {
    req: IdbRequest,
    fut: JsFuture,
}

/// Start watching `req` (call right after creating it, before yielding to the event loop).
pub(crate) fn watch(req: IdbRequest) -> Pending {
    let promise = Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    Pending { req, fut: JsFuture::from(promise) }
}

impl Pending {
    /// The request's result, or a `Name: message` description of its error.
    pub(crate) async fn settle(self) -> Result<JsValue, String> {
        match self.fut.await {
            Ok(_event) => self.req.result().map_err(|e| super::error::describe_js(&e)),
            Err(_event) => Err(match self.req.error() {
                Ok(Some(ex)) => format!("{}: {}", ex.name(), ex.message()),
                Ok(None) => "the request failed without an error".to_string(),
                Err(e) => super::error::describe_js(&e),
            }),
        }
    }
}

/// Resolves when the transaction commits, fails when it aborts.
pub(crate) fn completion(raw: &IdbTransaction) -> JsFuture {
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        raw.set_oncomplete(Some(&resolve));
        raw.set_onabort(Some(&reject));
    }))
}

/// Why an aborted transaction failed (quota, constraint …), from its `error` attribute.
pub(crate) fn tx_error(raw: &IdbTransaction, stores: &[String]) -> StorageError {
    let joined = stores.join(", ");
    match raw.error() {
        Some(ex) if ex.name() == "QuotaExceededError" => StorageError::QuotaExceeded { stores: joined },
        Some(ex) => StorageError::Transaction { stores: joined, message: format!("{}: {}", ex.name(), ex.message()) },
        None => StorageError::Transaction { stores: joined, message: "the transaction was aborted".to_string() },
    }
}

pub(crate) fn object_store(raw: &IdbTransaction, name: &str) -> Result<ObjectStore, StorageError> {
    raw.object_store(name).map(ObjectStore::from).map_err(|e| StorageError::Request {
        op: "open store",
        store: name.to_string(),
        key: String::new(),
        message: super::error::describe_js(&e),
    })
}

/// Issue every write of `ops` on `raw` without yielding. Stops at the first write the browser
/// refuses synchronously (unknown store, a value without a valid key, a value that cannot be
/// cloned) and returns that error next to the requests already issued. The writes are not
/// watched one by one (that costs a promise and a wake-up each, a third of a 20,000-record
/// import): the transaction commits only if every write succeeded, and [`finish`] looks for the
/// failed one when it aborts.
pub(crate) fn issue<'a>(raw: &IdbTransaction, ops: &'a [Op]) -> (Vec<(&'a Op, IdbRequest)>, Option<StorageError>) {
    let mut issued = Vec::with_capacity(ops.len());
    let mut stores: Vec<(&str, ObjectStore)> = Vec::new();
    for op in ops {
        let store = match stores.iter().find(|(name, _)| *name == op.store) {
            Some((_, store)) => store,
            None => match object_store(raw, &op.store) {
                Ok(store) => {
                    stores.push((&op.store, store));
                    &stores[stores.len() - 1].1
                }
                Err(e) => return (issued, Some(e)),
            },
        };
        match issue_one(store, op) {
            Ok(req) => issued.push((op, req)),
            Err(e) => return (issued, Some(e)),
        }
    }
    (issued, None)
}

fn issue_one(store: &ObjectStore, op: &Op) -> Result<IdbRequest, StorageError> {
    let key = JsValue::from_str(&op.key);
    let key_arg = op.out_of_line.then_some(&key);
    let made = match op.kind {
        OpKind::Put => store.put(&op.value, key_arg).map(IdbRequest::from),
        OpKind::Add => store.add(&op.value, key_arg).map(IdbRequest::from),
        OpKind::Delete => store.delete(key.clone()).map(IdbRequest::from),
    };
    made.map_err(|e| StorageError::Request {
        op: op.kind.name(),
        store: op.store.clone(),
        key: op.key.clone(),
        message: describe(&e),
    })
}

/// Wait for the transaction. With a synchronous `failure` it is aborted first. Returns that
/// failure, or the first write that failed with its store and key (the others then fail with
/// `AbortError`), or the transaction's own error (e.g. quota) when no single write failed.
pub(crate) async fn finish(
    raw: &IdbTransaction,
    done: JsFuture,
    issued: Vec<(&Op, IdbRequest)>,
    failure: Option<StorageError>,
    stores: &[String],
) -> Result<(), StorageError> {
    if failure.is_some() {
        // Throws only when the transaction has already finished; nothing to undo then.
        let _ = raw.abort();
    }
    if done.await.is_ok() {
        return failure.map_or(Ok(()), Err);
    }
    // Every request has finished once the transaction has.
    let failed_write = issued.iter().find_map(|(op, req)| match req.error() {
        Ok(Some(ex)) if ex.name() != "AbortError" => Some(StorageError::Request {
            op: op.kind.name(),
            store: op.store.clone(),
            key: op.key.clone(),
            message: format!("{}: {}", ex.name(), ex.message()),
        }),
        _ => None,
    });
    Err(match (failure.or(failed_write), tx_error(raw, stores)) {
        (_, quota @ StorageError::QuotaExceeded { .. }) => quota,
        (Some(e), _) => e,
        (None, reason) => reason,
    })
}

/// Abort `raw` and wait until it has finished, for paths that stop before writing.
pub(crate) async fn abort(raw: &IdbTransaction, done: JsFuture) {
    let _ = raw.abort();
    let _ = done.await;
}
