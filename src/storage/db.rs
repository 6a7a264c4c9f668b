//! The database connection: typed reads of records and kv values, and all-or-nothing commits
//! of a [`Change`].

pub use super::change::Change;
use super::change::{decode_all, from_js};
use super::error::{describe, exception_name, StorageError};
use super::schema::{self, upgrade, CURRENT_VERSION, KV_STORE};
use super::tabs::Tabs;
use super::tx::{self, object_store, watch};
use crate::domain::Record;
use idb::{Factory, Query, TransactionMode};
use serde::de::DeserializeOwned;
use std::cell::{Cell, RefCell};
use std::future::{poll_fn, Future};
use std::rc::Rc;
use std::task::{Poll, Waker};
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbTransaction};

/// kv key of the store's generation: a fresh random token written by every commit, so a reader
/// can tell later whether anything (in any tab) was written since it read.
pub const KV_GENERATION: &str = "generation";

/// An open IndexedDB database at [`schema::CURRENT_VERSION`].
///
/// The connection closes itself when another tab needs to upgrade the database (later calls
/// then fail with [`StorageError::Closed`]), and when the `Db` is dropped.
pub struct Db {
    name: String,
    inner: IdbDatabase,
    closed: Rc<Cell<bool>>,
    /// Tells the app's other tabs that this one committed, and hears theirs.
    tabs: RefCell<Tabs>,
    // Keeps the connection's event handlers alive.
    _handle: idb::Database,
}

impl Db {
    /// Open (creating or upgrading as needed) the database `name`.
    pub async fn open(name: &str) -> Result<Db, StorageError> {
        Self::open_at_version(name, CURRENT_VERSION).await
    }

    /// Open at an older schema version, applying only the steps up to `version`; for upgrade
    /// tests.
    #[doc(hidden)]
    pub async fn open_at_version(name: &str, version: u32) -> Result<Db, StorageError> {
        let open_err = |message: String| StorageError::Open { name: name.to_string(), message };
        if version == 0 || version > CURRENT_VERSION {
            return Err(open_err(format!("no schema version {version} (this app knows 1..={CURRENT_VERSION})")));
        }
        let factory = Factory::new().map_err(|e| StorageError::Unavailable(describe(&e)))?;
        let mut request = factory.open(name, Some(version)).map_err(|e| open_err(describe(&e)))?;

        let upgrade_error: Rc<RefCell<Option<StorageError>>> = Rc::default();
        let slot = upgrade_error.clone();
        request.on_upgrade_needed(move |event| {
            if let Err(e) = upgrade(&event, version) {
                *slot.borrow_mut() = Some(e);
            }
        });
        let blocked = Rc::new(Cell::new(false));
        let waker: Rc<RefCell<Option<Waker>>> = Rc::default();
        let (b, w) = (blocked.clone(), waker.clone());
        request.on_blocked(move |_| {
            b.set(true);
            if let Some(w) = w.borrow_mut().take() {
                w.wake();
            }
        });

        // Resolve with the database, or stop early when another tab blocks the upgrade.
        let mut fut = Box::pin(std::future::IntoFuture::into_future(request));
        let outcome = poll_fn(|cx| {
            if let Poll::Ready(r) = fut.as_mut().poll(cx) {
                return Poll::Ready(Some(r));
            }
            if blocked.get() {
                return Poll::Ready(None);
            }
            *waker.borrow_mut() = Some(cx.waker().clone());
            Poll::Pending
        })
        .await;
        let database = match outcome {
            None => return Err(StorageError::Blocked { name: name.to_string() }),
            Some(Ok(db)) => db,
            Some(Err(e)) => {
                if let Some(upgrade) = upgrade_error.borrow_mut().take() {
                    return Err(upgrade);
                }
                if exception_name(&e).as_deref() == Some("VersionError") {
                    return Err(StorageError::TooNew { name: name.to_string(), supported: CURRENT_VERSION });
                }
                return Err(open_err(describe(&e)));
            }
        };

        let inner: IdbDatabase = database.into();
        let mut handle = idb::Database::from(inner.clone());
        let closed = Rc::new(Cell::new(false));
        let (c, conn) = (closed.clone(), inner.clone());
        handle.on_version_change(move |_| {
            // Another tab wants to upgrade: step aside so it is not blocked.
            c.set(true);
            conn.close();
        });
        let c = closed.clone();
        handle.on_close(move |_| c.set(true));
        let db = Db { name: name.to_string(), inner, closed, tabs: RefCell::new(Tabs::new(name)), _handle: handle };
        if version == CURRENT_VERSION {
            schema::check(&db._handle)?;
        }
        Ok(db)
    }

    /// Delete the database `name` (waits until open connections are closed).
    pub async fn delete(name: &str) -> Result<(), StorageError> {
        let factory = Factory::new().map_err(|e| StorageError::Unavailable(describe(&e)))?;
        let err = |e: idb::Error| StorageError::Open { name: name.to_string(), message: describe(&e) };
        factory.delete(name).map_err(err)?.await.map_err(err)
    }

    /// Close the connection once running transactions have finished.
    pub fn close(&self) {
        self.closed.set(true);
        self.inner.close();
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The schema version of the open database.
    pub fn version(&self) -> u32 {
        self.inner.version() as u32
    }

    pub fn store_names(&self) -> Vec<String> {
        self._handle.store_names()
    }

    /// The index names of `store`.
    pub fn index_names(&self, store: &str) -> Result<Vec<String>, StorageError> {
        let raw = self.begin(&[store.to_string()], TransactionMode::ReadOnly)?;
        Ok(object_store(&raw, store)?.index_names())
    }

    /// Every record of type `R`, in key order.
    pub async fn all<R: Record>(&self) -> Result<Vec<R>, StorageError> {
        let raw = self.begin(&[R::STORE.to_string()], TransactionMode::ReadOnly)?;
        let req = object_store(&raw, R::STORE)?
            .get_all(None, None)
            .map_err(|e| StorageError::request("getAll", R::STORE, "*", &e))?;
        let array = settle("getAll", R::STORE, "*", req.into()).await?;
        decode_all(R::STORE, array)
    }

    /// The record with id `key`, if any.
    pub async fn get<R: Record>(&self, key: &str) -> Result<Option<R>, StorageError> {
        let raw = self.begin(&[R::STORE.to_string()], TransactionMode::ReadOnly)?;
        let req = object_store(&raw, R::STORE)?
            .get(JsValue::from_str(key))
            .map_err(|e| StorageError::request("get", R::STORE, key, &e))?;
        let value = settle("get", R::STORE, key, req.into()).await?;
        if value.is_undefined() {
            Ok(None)
        } else {
            from_js(R::STORE, key, value).map(Some)
        }
    }

    /// The records whose `key_path` (an index in `domain::record::INDEXES`) equals `value`.
    pub async fn by_index<R: Record>(&self, key_path: &str, value: &str) -> Result<Vec<R>, StorageError> {
        let raw = self.begin(&[R::STORE.to_string()], TransactionMode::ReadOnly)?;
        let context = format!("{key_path}={value}");
        let index = object_store(&raw, R::STORE)?
            .index(key_path)
            .map_err(|e| StorageError::request("index", R::STORE, &context, &e))?;
        let req = index
            .get_all(Some(Query::Key(JsValue::from_str(value))), None)
            .map_err(|e| StorageError::request("getAll", R::STORE, &context, &e))?;
        let array = settle("getAll", R::STORE, &context, req.into()).await?;
        decode_all(R::STORE, array)
    }

    /// The number of records of type `R` (archived ones included).
    pub async fn count<R: Record>(&self) -> Result<u32, StorageError> {
        let raw = self.begin(&[R::STORE.to_string()], TransactionMode::ReadOnly)?;
        let req =
            object_store(&raw, R::STORE)?.count(None).map_err(|e| StorageError::request("count", R::STORE, "*", &e))?;
        let n = settle("count", R::STORE, "*", req.into()).await?;
        n.as_f64().map(|n| n as u32).ok_or_else(|| StorageError::serde(R::STORE, "count", "not a number"))
    }

    /// The kv value under `key`, if any.
    pub async fn kv_get<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, StorageError> {
        let raw = self.begin(&[KV_STORE.to_string()], TransactionMode::ReadOnly)?;
        let req = object_store(&raw, KV_STORE)?
            .get(JsValue::from_str(key))
            .map_err(|e| StorageError::request("get", KV_STORE, key, &e))?;
        let value = settle("get", KV_STORE, key, req.into()).await?;
        if value.is_undefined() {
            Ok(None)
        } else {
            from_js(KV_STORE, key, value).map(Some)
        }
    }

    /// Apply every write of `change` in ONE readwrite transaction over the stores it touches
    /// (and a new [`KV_GENERATION`]): all land, or (on any error) none. An empty change does
    /// nothing.
    pub async fn commit(&self, mut change: Change) -> Result<(), StorageError> {
        if change.is_empty() {
            return Ok(());
        }
        next_generation(&mut change)?;
        let stores = change.stores();
        let raw = self.begin(&stores, TransactionMode::ReadWrite)?;
        let done = tx::completion(&raw);
        let (pending, failure) = tx::issue(&raw, &change.ops);
        tx::finish(&raw, done, pending, failure, &stores).await?;
        self.tabs.borrow().announce();
        Ok(())
    }

    /// Call `f` whenever another tab of the app commits to this database (not for this tab's
    /// own commits). Replaces an earlier `f`.
    pub fn on_commit_elsewhere(&self, f: impl FnMut() + 'static) {
        self.tabs.borrow_mut().listen(f);
    }

    /// The store's current [`KV_GENERATION`] (`None` before the first commit).
    pub async fn generation(&self) -> Result<Option<String>, StorageError> {
        self.kv_get(KV_GENERATION).await
    }

    /// Read-modify-write in one readwrite transaction: read the values `keys` ((store, key)
    /// pairs), let `f` decide (synchronously) what to write, then write it (with a new
    /// [`KV_GENERATION`]). No other tab can write to the `scope` stores in between, so e.g.
    /// seeding happens exactly once. `scope` must name every store `f`'s change touches (the kv
    /// store and the stores read are always included). If `f` fails, nothing is written.
    /// Returns `f`'s second value, and the generation written (`None` if `f` wrote nothing).
    pub async fn update<T>(
        &self,
        scope: &[&str],
        keys: &[(&str, &str)],
        f: impl FnOnce(&Reads) -> Result<(Change, T), StorageError>,
    ) -> Result<(T, Option<String>), StorageError> {
        let mut stores: Vec<String> =
            scope.iter().chain(keys.iter().map(|(store, _)| store)).map(|s| s.to_string()).collect();
        stores.push(KV_STORE.to_string());
        stores.sort_unstable();
        stores.dedup();
        let raw = self.begin(&stores, TransactionMode::ReadWrite)?;
        let done = tx::completion(&raw);

        let mut reads = Vec::with_capacity(keys.len());
        for &(store, key) in keys {
            let req = object_store(&raw, store)
                .and_then(|s| s.get(JsValue::from_str(key)).map_err(|e| StorageError::request("get", store, key, &e)));
            match req {
                Ok(req) => reads.push(((store, key), watch(req.into()))),
                Err(e) => {
                    for (_, p) in reads {
                        let _ = p.settle().await;
                    }
                    tx::abort(&raw, done).await;
                    return Err(e);
                }
            }
        }
        let mut values = Reads { values: Vec::with_capacity(reads.len()) };
        let mut failed = None;
        for ((store, key), p) in reads {
            match p.settle().await {
                Ok(v) => values.values.push(((store.to_string(), key.to_string()), v)),
                Err(message) => {
                    failed.get_or_insert(StorageError::Request {
                        op: "get",
                        store: store.to_string(),
                        key: key.to_string(),
                        message,
                    });
                }
            }
        }
        let decided = match failed {
            Some(e) => Err(e),
            None => {
                f(&values).and_then(|(change, out)| match change.stores().into_iter().find(|s| !stores.contains(s)) {
                    Some(s) => Err(StorageError::Transaction {
                        stores: stores.join(", "),
                        message: format!("the change writes to {s}, which is outside the update's scope"),
                    }),
                    None => Ok((change, out)),
                })
            }
        };
        let decided = decided.and_then(|(mut change, out)| {
            let generation = if change.is_empty() { None } else { Some(next_generation(&mut change)?) };
            Ok((change, out, generation))
        });
        let (change, out, generation) = match decided {
            Ok(x) => x,
            Err(e) => {
                tx::abort(&raw, done).await;
                return Err(e);
            }
        };
        let (pending, failure) = tx::issue(&raw, &change.ops);
        tx::finish(&raw, done, pending, failure, &stores).await?;
        if generation.is_some() {
            self.tabs.borrow().announce();
        }
        Ok((out, generation))
    }

    fn begin(&self, stores: &[String], mode: TransactionMode) -> Result<IdbTransaction, StorageError> {
        if self.closed.get() {
            return Err(StorageError::Closed);
        }
        self._handle
            .transaction(stores, mode)
            .map(IdbTransaction::from)
            .map_err(|e| StorageError::transaction(stores, &e))
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        self.inner.close();
    }
}

/// The values read by [`Db::update`], by (store, key).
pub struct Reads {
    values: Vec<((String, String), JsValue)>,
}

impl Reads {
    /// The value under `key` in `store` (`None` when absent or not read).
    pub fn get<T: DeserializeOwned>(&self, store: &str, key: &str) -> Result<Option<T>, StorageError> {
        match self.values.iter().find(|((s, k), _)| s == store && k == key) {
            Some((_, v)) if !v.is_undefined() => from_js(store, key, v.clone()).map(Some),
            _ => Ok(None),
        }
    }

    /// The kv value under `key`.
    pub fn kv<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, StorageError> {
        self.get(KV_STORE, key)
    }
}

/// Add a fresh [`KV_GENERATION`] to a change about to be committed; returns it.
fn next_generation(change: &mut Change) -> Result<String, StorageError> {
    let generation = uuid::Uuid::new_v4().to_string();
    change.kv(KV_GENERATION, &generation)?;
    Ok(generation)
}

async fn settle(op: &'static str, store: &str, key: &str, req: web_sys::IdbRequest) -> Result<JsValue, StorageError> {
    watch(req).settle().await.map_err(|message| StorageError::Request {
        op,
        store: store.to_string(),
        key: key.to_string(),
        message,
    })
}
