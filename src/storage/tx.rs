//! Awaiting IndexedDB requests and transactions.
//!
//! Each request and transaction is turned into a JS `Promise` whose `resolve`/`reject` are the
//! `onsuccess`/`onerror` (`oncomplete`/`onabort`) handlers. No Rust closure is handed to the
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
/// cloned) and returns that error next to the requests already issued.
pub(crate) fn issue<'a>(raw: &IdbTransaction, ops: &'a [Op]) -> (Vec<(&'a Op, Pending)>, Option<StorageError>) {
    let mut pending = Vec::with_capacity(ops.len());
    for op in ops {
        match issue_one(raw, op) {
            Ok(req) => pending.push((op, watch(req))),
            Err(e) => return (pending, Some(e)),
        }
    }
    (pending, None)
}

fn issue_one(raw: &IdbTransaction, op: &Op) -> Result<IdbRequest, StorageError> {
    let store = object_store(raw, &op.store)?;
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

/// Wait for the issued writes and the transaction. With a synchronous `failure` the
/// transaction is aborted first. Returns the first failure with its store and key, or the
/// transaction's own error (e.g. quota) when no single write failed.
pub(crate) async fn finish(
    raw: &IdbTransaction,
    done: JsFuture,
    pending: Vec<(&Op, Pending)>,
    failure: Option<StorageError>,
    stores: &[String],
) -> Result<(), StorageError> {
    let mut first = failure;
    if first.is_some() {
        // Throws only when the transaction has already finished; nothing to undo then.
        let _ = raw.abort();
    }
    // Settle every request (they fail with AbortError after an abort) so none is left behind.
    for (op, p) in pending {
        if let Err(message) = p.settle().await {
            if first.is_none() {
                first = Some(StorageError::Request {
                    op: op.kind.name(),
                    store: op.store.clone(),
                    key: op.key.clone(),
                    message,
                });
            }
        }
    }
    match done.await {
        Ok(_) => first.map_or(Ok(()), Err),
        Err(_) => {
            let reason = tx_error(raw, stores);
            Err(match (first, reason) {
                (_, quota @ StorageError::QuotaExceeded { .. }) => quota,
                (Some(e), _) => e,
                (None, reason) => reason,
            })
        }
    }
}

/// Abort `raw` and wait until it has finished, for paths that stop before writing.
pub(crate) async fn abort(raw: &IdbTransaction, done: JsFuture) {
    let _ = raw.abort();
    let _ = done.await;
}
