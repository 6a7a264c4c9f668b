//! A [`Change`]: the writes of one all-or-nothing transaction, collected before it starts.
//!
//! Values are converted to plain JS objects when they are added (so a conversion error shows
//! up before any transaction opens); [`Db::commit`](super::Db::commit) then issues every write
//! in one readwrite transaction over exactly the stores the change touches.

use super::error::StorageError;
use super::schema::KV_STORE;
use crate::domain::Record;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// Convert a value into a plain JS object (maps become objects, `None` becomes `null`), so
/// key paths such as `meta.id` and index key paths resolve. The value crosses as one JSON text
/// (serde_json, then the browser's `JSON.parse`): far fewer calls across the wasm boundary than
/// converting field by field.
pub(crate) fn to_js<T: Serialize + ?Sized>(store: &str, key: &str, value: &T) -> Result<JsValue, StorageError> {
    let text = serde_json::to_string(value).map_err(|e| StorageError::serde(store, key, e))?;
    js_sys::JSON::parse(&text).map_err(|_| StorageError::serde(store, key, "JSON.parse refused the record"))
}

/// Convert a stored JS value back (via `JSON.stringify`); the error names the store and the id.
pub(crate) fn from_js<T: DeserializeOwned>(store: &str, key: &str, value: JsValue) -> Result<T, StorageError> {
    let text: String = js_sys::JSON::stringify(&value)
        .map_err(|_| StorageError::serde(store, key, "JSON.stringify refused the stored value"))?
        .into();
    serde_json::from_str(&text).map_err(|e| StorageError::serde(store, key, e))
}

/// Decode a `getAll` result; a record that does not decode names its id.
pub(crate) fn decode_all<R: Record>(store: &str, array: JsValue) -> Result<Vec<R>, StorageError> {
    let array: js_sys::Array =
        array.dyn_into().map_err(|_| StorageError::serde(store, "*", "getAll returned no array"))?;
    // The whole array as one JSON text is fast; only if it fails, decode one by one to name
    // the record that does not read.
    from_js::<Vec<R>>(store, "*", array.clone().into()).or_else(|_| {
        array
            .iter()
            .map(|value| {
                let key = record_key(&value);
                from_js(store, &key, value)
            })
            .collect()
    })
}

/// The `meta.id` of a stored value, for error messages.
fn record_key(value: &JsValue) -> String {
    js_sys::Reflect::get(value, &JsValue::from_str("meta"))
        .and_then(|meta| js_sys::Reflect::get(&meta, &JsValue::from_str("id")))
        .ok()
        .and_then(|id| id.as_string())
        .unwrap_or_else(|| "?".to_string())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OpKind {
    /// Insert or replace.
    Put,
    /// Insert only: fails (and so fails the whole change) when the key exists.
    Add,
    Delete,
}

impl OpKind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Put => "put",
            Self::Add => "add",
            Self::Delete => "delete",
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Op {
    pub(crate) kind: OpKind,
    pub(crate) store: String,
    /// The key, for error messages; the key itself for kv writes and deletes.
    pub(crate) key: String,
    /// True for stores without a key path (kv): the key is passed with the write.
    pub(crate) out_of_line: bool,
    pub(crate) value: JsValue,
}

/// The writes of one transaction. Build it with [`Change::put`], [`Change::kv`] …, then hand
/// it to [`Db::commit`](super::Db::commit): every write lands, or none does.
///
/// ```ignore
/// let mut change = Change::new();
/// change.put(&decision)?.put(&case)?.kv("clock", &clock)?;
/// db.commit(change).await?;
/// ```
#[derive(Clone, Debug, Default)]
pub struct Change {
    pub(crate) ops: Vec<Op>,
}

impl Change {
    pub fn new() -> Self {
        Self::default()
    }

    /// Insert or replace a record (keyed by its `meta.id`).
    pub fn put<R: Record>(&mut self, r: &R) -> Result<&mut Self, StorageError> {
        self.record(OpKind::Put, r)
    }

    /// Insert a record that must not exist yet; if its id is taken the whole change fails.
    pub fn add<R: Record>(&mut self, r: &R) -> Result<&mut Self, StorageError> {
        self.record(OpKind::Add, r)
    }

    /// Delete a record by id (records are normally archived instead; this is for imports and
    /// clean-ups).
    pub fn delete<R: Record>(&mut self, key: &str) -> &mut Self {
        self.push(OpKind::Delete, R::STORE, key, false, JsValue::UNDEFINED)
    }

    /// Set a value in the kv store.
    pub fn kv<T: Serialize + ?Sized>(&mut self, key: &str, v: &T) -> Result<&mut Self, StorageError> {
        let value = to_js(KV_STORE, key, v)?;
        Ok(self.push(OpKind::Put, KV_STORE, key, true, value))
    }

    /// Remove a value from the kv store.
    pub fn kv_delete(&mut self, key: &str) -> &mut Self {
        self.push(OpKind::Delete, KV_STORE, key, true, JsValue::UNDEFINED)
    }

    /// Append the writes of `other` (they stay in order, after this change's writes).
    pub fn append(&mut self, other: Change) -> &mut Self {
        self.ops.extend(other.ops);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// The stores the change touches, sorted, each once: the transaction's scope.
    pub fn stores(&self) -> Vec<String> {
        let mut stores: Vec<String> = self.ops.iter().map(|op| op.store.clone()).collect();
        stores.sort_unstable();
        stores.dedup();
        stores
    }

    /// Put an arbitrary JS value into a record store (for tests that need a write the browser
    /// rejects, e.g. a value without `meta.id`). `key` is only used in error messages.
    #[doc(hidden)]
    pub fn put_js(&mut self, store: &str, key: &str, value: JsValue) -> &mut Self {
        self.push(OpKind::Put, store, key, false, value)
    }

    fn record<R: Record>(&mut self, kind: OpKind, r: &R) -> Result<&mut Self, StorageError> {
        let key = r.key();
        let value = to_js(R::STORE, &key, r)?;
        Ok(self.push(kind, R::STORE, &key, false, value))
    }

    fn push(&mut self, kind: OpKind, store: &str, key: &str, out_of_line: bool, value: JsValue) -> &mut Self {
        self.ops.push(Op { kind, store: store.to_string(), key: key.to_string(), out_of_line, value });
        self
    }
}
