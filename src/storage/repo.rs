//! The repository the UI uses: validated, stamped saves on top of [`Db`].
//!
//! Every save validates the record (with today's date), stamps the fields that changed with a
//! fresh hybrid-logical-clock reading ([`stamp_changes`]) and commits the record together with
//! the clock in one transaction, so the stored clock is never behind a stored stamp.

use super::db::{Change, Db, Reads};
use super::device::{now_ms, today};
use super::error::StorageError;
use super::schema::KV_STORE;
use super::sync::KV_CONFLICTS;
use crate::domain::concern::default_concerns;
use crate::domain::legal::default_legal_bases;
use crate::domain::{Clock, Concern, DeviceId, FieldError, LegalBasis, Record, Settings, Stamp, Validate};
use crate::sync::format::{Conflict, Stamped};
use crate::sync::merge::merge_versions;
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
        let scope = [KV_STORE, Concern::STORE, LegalBasis::STORE];
        let keys = [(KV_STORE, KV_DEVICE), (KV_STORE, KV_CLOCK), (KV_STORE, KV_SEEDED)];
        let (clock, _) = db
            .update(&scope, &keys, |kv| {
                let mut change = Change::new();
                let device = match kv.kv::<DeviceId>(KV_DEVICE)? {
                    Some(device) if !device.0.is_empty() => device,
                    _ => {
                        let device = DeviceId(uuid::Uuid::new_v4().to_string());
                        change.kv(KV_DEVICE, &device)?;
                        device
                    }
                };
                let mut clock = Clock::new(device.clone());
                if let Some(stored) = kv.kv::<Clock>(KV_CLOCK)? {
                    clock.observe(&stored.last);
                }
                if kv.kv::<u32>(KV_SEEDED)?.is_none() {
                    // Not this device's edit: the shared defaults' stamp, which any edit beats.
                    let stamp = Stamp::default();
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
    /// Returns the record as this edit makes it (with its new stamps; if another tab saved it
    /// meanwhile, what is stored is the merge of both, see [`Batch::save`]). When nothing
    /// changed, nothing is written and `new` comes back with `old`'s stamps.
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
        Batch { repo: self.clone(), stamp, change: Change::new(), staged: Vec::new(), today: today() }
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
        batch.commit().await.map(drop)
    }
}

/// Writes a staged record in the commit's transaction, given the values read there (the stored
/// record, the conflict list). Returns true if it merged the record with another tab's save.
type Stage = Box<dyn FnOnce(&Reads, &mut Change, &mut Vec<Conflict>) -> Result<bool, StorageError>>;

/// Records staged for one transaction; see [`Repo::batch`].
pub struct Batch {
    repo: Repo,
    stamp: Stamp,
    change: Change,
    /// ((store, key), how to write it) per staged record.
    staged: Vec<((&'static str, String), Stage)>,
    today: chrono::NaiveDate,
}

impl Batch {
    /// Validate `new`, stamp its changed fields against `old` with the batch's stamp and stage
    /// it. Returns the record as this edit makes it. An invalid record is not staged.
    ///
    /// If, at commit, the stored record is no longer `old` (another tab saved it meanwhile), the
    /// edit is merged into it field by field as an import would ([`merge_versions`]): the other
    /// tab's changes to other fields stay, and of two values for one field the later one is
    /// kept and the other goes to the conflict list.
    pub fn save<R: Record>(&mut self, old: Option<&R>, new: R) -> Result<R, SaveError> {
        let errors = new.validate(self.today);
        if !errors.is_empty() {
            return Err(SaveError::Invalid(errors));
        }
        let mut new = new;
        if !stamp_changes(old, &mut new, &self.stamp).is_empty() {
            let read = old.map(|o| o.revs().clone());
            let edited = new.clone();
            let stage: Stage = Box::new(move |reads, change, conflicts| {
                let stored: Option<R> = reads.get(R::STORE, &edited.key())?;
                match stored {
                    Some(stored) if Some(stored.revs()) != read.as_ref() => {
                        let (merged, list) = merge_versions(&stored, &edited, conflicts);
                        *conflicts = list;
                        change.put(&merged)?;
                        Ok(true)
                    }
                    _ => {
                        change.put(&edited)?;
                        Ok(false)
                    }
                }
            });
            self.staged.push(((R::STORE, new.key()), stage));
        }
        Ok(new)
    }

    /// The batch's stamp (for values versioned as a whole).
    pub fn stamp(&self) -> &Stamp {
        &self.stamp
    }

    /// Whether anything is staged.
    pub fn is_empty(&self) -> bool {
        self.change.is_empty() && self.staged.is_empty()
    }

    /// Write everything staged, plus the clock, in one transaction that first reads the stored
    /// versions of the staged records. An empty batch writes nothing. Returns true if a record
    /// was merged with another tab's save (so what is stored differs from what was staged).
    pub async fn commit(self) -> Result<bool, SaveError> {
        if self.is_empty() {
            return Ok(false);
        }
        let Batch { repo, change, staged, .. } = self;
        let (ids, stages): (Vec<_>, Vec<Stage>) = staged.into_iter().unzip();
        let mut keys: Vec<(&str, &str)> = ids.iter().map(|(store, key)| (*store, key.as_str())).collect();
        keys.extend([(KV_STORE, KV_CLOCK), (KV_STORE, KV_CONFLICTS)]);
        let scope = change.stores();
        let scope: Vec<&str> = scope.iter().map(String::as_str).collect();
        let mut clock = repo.clock.borrow().clone();
        let ((merged, clock), _) = repo
            .db
            .update(&scope, &keys, move |reads| {
                let mut change = change;
                let mut conflicts = reads.kv::<Vec<Conflict>>(KV_CONFLICTS)?.unwrap_or_default();
                let mut merged = false;
                for stage in stages {
                    merged |= stage(reads, &mut change, &mut conflicts)?;
                }
                if merged {
                    change.kv(KV_CONFLICTS, &conflicts)?;
                }
                // Never move the stored clock back (another tab may have ticked it meanwhile).
                if let Some(stored) = reads.kv::<Clock>(KV_CLOCK)? {
                    clock.observe(&stored.last);
                }
                change.kv(KV_CLOCK, &clock)?;
                Ok((change, (merged, clock)))
            })
            .await?;
        repo.clock.borrow_mut().observe(&clock.last);
        Ok(merged)
    }
}
