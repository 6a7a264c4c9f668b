//! The repository the UI uses: validated, stamped saves on top of [`Db`].
//!
//! Every save validates the record (with today's date), stamps the fields that changed with a
//! fresh hybrid-logical-clock reading ([`stamp_changes`]) and commits the record together with
//! the clock in one transaction, so the stored clock is never behind a stored stamp.

use super::db::{Change, Db};
use super::device::{now_ms, today};
use super::error::StorageError;
use super::schema::KV_STORE;
use crate::domain::concern::default_concerns;
use crate::domain::legal::default_legal_bases;
use crate::domain::{Clock, Concern, DeviceId, FieldError, LegalBasis, Record, Settings, Stamp, Validate};
use crate::sync::format::Stamped;
use crate::sync::revision::stamp_changes;
use std::cell::RefCell;
use std::rc::Rc;

/// kv key of this browser profile's device id.
pub const KV_DEVICE: &str = "device";
/// kv key of the hybrid logical clock.
pub const KV_CLOCK: &str = "clock";
/// kv key of the settings ([`Stamped<Settings>`]).
pub const KV_SETTINGS: &str = "settings";
/// kv key set once the defaults have been seeded (value: the seed version, 1).
pub const KV_SEEDED: &str = "seeded";

/// Why a save did not happen. Nothing was written in either case.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// The record breaks domain rules; one entry per field, for showing next to the field.
    #[error("{}", list(.0))]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl SaveError {
    /// The field errors of an [`SaveError::Invalid`] (empty otherwise).
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Self::Invalid(errors) => errors,
            Self::Storage(_) => &[],
        }
    }
}

fn list(errors: &[FieldError]) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// Validated, stamped access to the database. Cheap to clone (shared connection and clock).
#[derive(Clone)]
pub struct Repo {
    pub(super) db: Rc<Db>,
    pub(super) clock: Rc<RefCell<Clock>>,
}

impl Repo {
    /// Open the database, load or create this profile's device id and clock, and on a new
    /// database seed the default concerns, legal bases and settings. Reading the kv values and
    /// seeding happen in one readwrite transaction, so two tabs opening a new database at once
    /// still seed exactly once.
    pub async fn open(name: &str) -> Result<Repo, StorageError> {
        let db = Db::open(name).await?;
        let now = now_ms();
        let scope = [KV_STORE, Concern::STORE, LegalBasis::STORE];
        let keys = [KV_DEVICE, KV_CLOCK, KV_SEEDED];
        let clock = db
            .update(&scope, &keys, |kv| {
                let mut change = Change::new();
                let device = match kv.get::<DeviceId>(KV_DEVICE)? {
                    Some(device) if !device.0.is_empty() => device,
                    _ => {
                        let device = DeviceId(uuid::Uuid::new_v4().to_string());
                        change.kv(KV_DEVICE, &device)?;
                        device
                    }
                };
                let mut clock = Clock::new(device.clone());
                if let Some(stored) = kv.get::<Clock>(KV_CLOCK)? {
                    clock.observe(&stored.last);
                }
                if kv.get::<u32>(KV_SEEDED)?.is_none() {
                    let stamp = clock.tick(now);
                    for mut concern in default_concerns() {
                        stamp_changes(None, &mut concern, &stamp);
                        change.put(&concern)?;
                    }
                    for mut basis in default_legal_bases() {
                        stamp_changes(None, &mut basis, &stamp);
                        change.put(&basis)?;
                    }
                    change.kv(KV_SETTINGS, &Stamped { value: Settings::default(), rev: stamp })?;
                    change.kv(KV_SEEDED, &1u32)?;
                    change.kv(KV_CLOCK, &clock)?;
                }
                Ok((change, clock))
            })
            .await?;
        Ok(Repo { db: Rc::new(db), clock: Rc::new(RefCell::new(clock)) })
    }

    /// Call `f` whenever another tab of the app saved something (see [`Db::on_commit_elsewhere`]).
    pub fn on_commit_elsewhere(&self, f: impl FnMut() + 'static) {
        self.db.on_commit_elsewhere(f);
    }

    /// Move this tab's clock past the stored one (another tab's saves), so the next stamp here
    /// outranks them.
    pub async fn catch_up_clock(&self) -> Result<(), StorageError> {
        if let Some(stored) = self.db.kv_get::<Clock>(KV_CLOCK).await? {
            self.clock.borrow_mut().observe(&stored.last);
        }
        Ok(())
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// This browser profile's device id (the writer in every stamp).
    pub fn device(&self) -> DeviceId {
        self.clock.borrow().device.clone()
    }

    /// Validate `new` (domain rules, with today's date), stamp its changed fields against `old`
    /// (`None` for a new record), then commit the record and the clock in one transaction.
    /// Returns the record as saved (with its new stamps). When nothing changed, nothing is
    /// written and `new` comes back with `old`'s stamps.
    pub async fn save<R: Record>(&self, old: Option<&R>, new: R) -> Result<R, SaveError> {
        let mut batch = self.batch();
        let saved = batch.save(old, new)?;
        batch.commit().await?;
        Ok(saved)
    }

    /// Archive or restore a record (a stamped save of the `archived` flag).
    pub async fn set_archived<R: Record>(&self, record: &R, archived: bool) -> Result<R, SaveError> {
        let mut new = record.clone();
        new.set_archived(archived);
        self.save(Some(record), new).await
    }

    /// Start a batch: several records, possibly of different types, saved in one transaction
    /// (e.g. a decision and its case). All records of a batch share one stamp.
    ///
    /// ```ignore
    /// let mut batch = repo.batch();
    /// let decision = batch.save(None, decision)?;          // validated and stamped now
    /// let case = batch.save(Some(&old_case), new_case)?;   // an invalid record returns Err here
    /// batch.commit().await?;                               // both land, or neither
    /// ```
    /// Dropping a batch without committing writes nothing.
    pub fn batch(&self) -> Batch {
        let stamp = self.clock.borrow_mut().tick(now_ms());
        Batch { repo: self.clone(), stamp, change: Change::new(), today: today() }
    }

    /// The settings (the defaults if none are stored).
    pub async fn settings(&self) -> Result<Settings, StorageError> {
        Ok(self.settings_stamped().await?.map(|s| s.value).unwrap_or_default())
    }

    /// The stored settings with the stamp of their last write.
    pub async fn settings_stamped(&self) -> Result<Option<Stamped<Settings>>, StorageError> {
        self.db.kv_get(KV_SETTINGS).await
    }

    /// Validate and store the settings (stamped as a whole) with the clock.
    pub async fn save_settings(&self, s: &Settings) -> Result<(), SaveError> {
        let errors = s.validate(today());
        if !errors.is_empty() {
            return Err(SaveError::Invalid(errors));
        }
        let mut batch = self.batch();
        let stamped = Stamped { value: s.clone(), rev: batch.stamp.clone() };
        batch.change.kv(KV_SETTINGS, &stamped)?;
        batch.commit().await
    }
}

/// Records staged for one transaction; see [`Repo::batch`].
pub struct Batch {
    repo: Repo,
    stamp: Stamp,
    change: Change,
    today: chrono::NaiveDate,
}

impl Batch {
    /// Validate `new`, stamp its changed fields against `old` with the batch's stamp and stage
    /// it. Returns the record as it will be stored. An invalid record is not staged.
    pub fn save<R: Record>(&mut self, old: Option<&R>, new: R) -> Result<R, SaveError> {
        let errors = new.validate(self.today);
        if !errors.is_empty() {
            return Err(SaveError::Invalid(errors));
        }
        let mut new = new;
        if !stamp_changes(old, &mut new, &self.stamp).is_empty() {
            self.change.put(&new)?;
        }
        Ok(new)
    }

    /// The batch's stamp (for values versioned as a whole).
    pub fn stamp(&self) -> &Stamp {
        &self.stamp
    }

    /// Whether anything is staged.
    pub fn is_empty(&self) -> bool {
        self.change.is_empty()
    }

    /// Write everything staged, plus the clock, in one transaction. An empty batch writes
    /// nothing.
    pub async fn commit(self) -> Result<(), SaveError> {
        if self.change.is_empty() {
            return Ok(());
        }
        let mut change = self.change;
        let clock = self.repo.clock.borrow().clone();
        change.kv(KV_CLOCK, &clock)?;
        self.repo.db.commit(change).await.map_err(SaveError::from)
    }
}
