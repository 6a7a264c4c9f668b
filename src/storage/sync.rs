//! The device side of sync by file: read everything sync is about into a [`Snapshot`], apply a
//! merged snapshot in ONE transaction (keeping what one click needs to undo the import), and
//! undo.
//!
//! Tombstones, the conflict list and the undo record live in the kv store (`tombstones`,
//! `conflicts`, `undo_import`); records live in their stores. Applying writes only the records
//! that differ, deletes what the merge removed (erasures), keeps the overwritten and removed
//! records as they were and the ids of the added ones (the undo record), and stores the clock
//! moved past every imported stamp, all in the same transaction: a reload in the middle leaves
//! the old state or the new, never a mix.

use super::db::{Change, KV_GENERATION};
use super::device::now_ms;
use super::error::StorageError;
use super::repo::{Repo, KV_CLOCK, KV_SETTINGS};
use super::schema::KV_STORE;
use crate::domain::*;
use crate::sync::erase;
use crate::sync::format::{with_stores, Conflict, Records, Snapshot, Stamped, Tombstone};
use crate::sync::merge::MergeResult;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// kv key of the erased records' tombstones.
pub const KV_TOMBSTONES: &str = "tombstones";
/// kv key of the conflict list (losing values kept for review).
pub const KV_CONFLICTS: &str = "conflicts";
/// kv key of the [`Undo`] record of the last import (for "Fortryd import").
pub const KV_UNDO: &str = "undo_import";

/// What undoing the last import puts back: every record it overwrote, as it was; the ids of the
/// records it added (store → ids); the settings and conflict list from before. Undo restores
/// exactly the state before the import for everything the import touched, without storing a
/// copy of the records it left alone, with one exception: erasures stay. No copy of an erased
/// record is kept (not even for undo), and the tombstones are never taken back.
#[derive(Default, Serialize, Deserialize)]
struct Undo {
    before: Records,
    added: BTreeMap<String, Vec<String>>,
    settings: Option<Stamped<Settings>>,
    conflicts: Vec<Conflict>,
}

/// Stage the writes of a merge (its changed and added records, the removal of erased ones),
/// noting in `undo` the records they overwrite, as they were, and the ids they add.
fn stage_records(
    change: &mut Change,
    local: &Records,
    result: &MergeResult,
    undo: &mut Undo,
) -> Result<(), StorageError> {
    fn one<R: Record>(
        change: &mut Change,
        local: &[R],
        changes: &[R],
        removed: &HashSet<&str>,
        before: &mut Vec<R>,
        added: &mut BTreeMap<String, Vec<String>>,
    ) -> Result<(), StorageError> {
        if changes.is_empty() && removed.is_empty() {
            return Ok(());
        }
        let mut old: HashMap<String, &R> = local.iter().map(|r| (r.key(), r)).collect();
        for r in changes {
            let key = r.key();
            change.put(r)?;
            match old.remove(&key) {
                Some(o) => before.push(o.clone()),
                None => added.entry(R::STORE.to_string()).or_default().push(key),
            }
        }
        for key in removed {
            change.delete::<R>(key);
        }
        Ok(())
    }
    macro_rules! each {
        ($($field:ident : $ty:ty),* $(,)?) => {$({
            let removed: HashSet<&str> = result
                .removed
                .iter()
                .filter(|(s, _)| s == <$ty as Record>::STORE)
                .map(|(_, id)| id.as_str())
                .collect();
            one(change, &local.$field, &result.changes.$field, &removed, &mut undo.before.$field, &mut undo.added)?;
        })*};
    }
    with_stores!(each);
    Ok(())
}

/// The data an import was merged into, with the generation it was read at; see
/// [`Repo::prepare_import`].
pub struct Prepared {
    pub local: Snapshot,
    generation: Option<String>,
}

/// An import [`Repo::apply_staged`] wrote.
pub struct Applied {
    /// The generation its transaction wrote.
    generation: Option<String>,
}

impl Applied {
    /// The data as the import left it, for merging the next file into without reading it
    /// back: `merged` must be the merge's result on the data it was merged into
    /// ([`MergeResult::merged`]). It stops being current as soon as anything else is written.
    pub fn prepared(&self, merged: Snapshot) -> Prepared {
        Prepared { local: merged, generation: self.generation.clone() }
    }
}

/// The writes of an import, converted for the browser; see [`Repo::stage_import`].
pub struct Staged {
    change: Change,
    newest: Option<Stamp>,
    /// The generation of the data the import was merged into.
    generation: Option<String>,
}

impl Repo {
    /// Every record of every store. All reads go out at once, so the browser reads the next
    /// store while this one is decoded.
    pub async fn records(&self) -> Result<Records, StorageError> {
        let db = &self.db;
        macro_rules! read {
            ($($field:ident : $ty:ty),* $(,)?) => {{
                let ($($field,)*) = futures::join!($(db.all::<$ty>(),)*);
                Records { $($field: $field?,)* }
            }};
        }
        Ok(with_stores!(read))
    }

    /// Everything this device holds that sync is about.
    pub async fn snapshot(&self) -> Result<Snapshot, StorageError> {
        let db = &self.db;
        let (records, settings, tombstones, conflicts) = futures::join!(
            self.records(),
            self.settings_stamped(),
            db.kv_get::<Vec<Tombstone>>(KV_TOMBSTONES),
            self.conflicts(),
        );
        Ok(Snapshot {
            records: records?,
            settings: settings?,
            tombstones: tombstones?.unwrap_or_default(),
            conflicts: conflicts?,
        })
    }

    /// What an import merges into: [`Repo::snapshot`] and the store's generation when it was
    /// read. The generation is read first, so a write in between makes the pair look stale
    /// (and the import merge again), never the reverse.
    pub async fn prepare_import(&self) -> Result<Prepared, StorageError> {
        let generation = self.db.generation().await?;
        Ok(Prepared { local: self.snapshot().await?, generation })
    }

    /// Whether nothing was written since `prepared` was read (here or in another tab), so it
    /// still holds the data as it is now. One kv read.
    pub async fn is_current(&self, prepared: &Prepared) -> Result<bool, StorageError> {
        Ok(self.db.generation().await? == prepared.generation)
    }

    /// The writes of `result`, the merge of a file into `prepared.local`, ready for
    /// [`Repo::apply_staged`]: its changed and added records, what [`Repo::undo_import`] needs,
    /// and `newest` (the file's newest stamp), which the clock is moved past on applying so
    /// later local edits outrank everything imported. Staging converts every record for the
    /// browser; doing it while the user reads the preview keeps it out of the wait after
    /// "Anvend import".
    pub fn stage_import(
        &self,
        prepared: &Prepared,
        result: &MergeResult,
        newest: Option<&Stamp>,
    ) -> Result<Staged, StorageError> {
        let local = &prepared.local;
        let mut change = Change::new();
        let mut undo = Undo { settings: local.settings.clone(), conflicts: local.conflicts.clone(), ..Undo::default() };
        // Not even undo keeps what the file erases.
        erase::forget(&mut undo.before, &mut undo.conflicts, &erase::erased(&result.tombstones));
        stage_records(&mut change, &local.records, result, &mut undo)?;
        stage_kv(&mut change, &result.settings, &result.tombstones, &result.conflict_list)?;
        change.kv(KV_UNDO, &undo)?;
        Ok(Staged { change, newest: newest.cloned(), generation: prepared.generation.clone() })
    }

    /// Write a staged import in one transaction, with the clock moved past its newest stamp.
    /// The transaction first checks that nothing was written since the data it was merged into
    /// was read (by this tab or another); if something was, it writes nothing and returns
    /// `Ok(None)`: merge again, stage again and retry.
    pub async fn apply_staged(&self, staged: Staged) -> Result<Option<Applied>, StorageError> {
        let Staged { change, newest, generation } = staged;
        let mut clock = self.clock.borrow().clone();
        if let Some(stamp) = &newest {
            clock.observe(stamp);
        }
        let stores = change.stores();
        let scope: Vec<&str> = stores.iter().map(String::as_str).collect();
        let keys = [(KV_STORE, KV_GENERATION), (KV_STORE, KV_CLOCK)];
        let (applied, generation) = self
            .db
            .update(&scope, &keys, |kv| {
                if kv.kv::<String>(KV_GENERATION)? != generation {
                    return Ok((Change::new(), None));
                }
                // Never move the stored clock back (another tab may have ticked it before the
                // data was read).
                if let Some(stored) = kv.kv::<Clock>(KV_CLOCK)? {
                    clock.observe(&stored.last);
                }
                let mut change = change;
                change.kv(KV_CLOCK, &clock)?;
                Ok((change, Some(clock)))
            })
            .await?;
        Ok(applied.map(|clock| {
            self.clock.borrow_mut().observe(&clock.last);
            Applied { generation }
        }))
    }

    /// The conflict list alone (without reading every record, as [`Repo::snapshot`] does).
    pub async fn conflicts(&self) -> Result<Vec<Conflict>, StorageError> {
        Ok(self.db.kv_get::<Vec<Conflict>>(KV_CONFLICTS).await?.unwrap_or_default())
    }

    /// Whether an import can be undone.
    pub async fn can_undo_import(&self) -> Result<bool, StorageError> {
        Ok(self.db.kv_get::<serde_json::Value>(KV_UNDO).await?.is_some())
    }

    /// Put back everything the last import changed, in one transaction: the records it
    /// overwrote, as they were; the records it added, removed; the settings and conflict list
    /// from before. Erasures stay (see [`Undo`]). Returns false when there is nothing to undo.
    pub async fn undo_import(&self) -> Result<bool, StorageError> {
        let Some(undo) = self.db.kv_get::<Undo>(KV_UNDO).await? else { return Ok(false) };
        let tombstones = self.db.kv_get::<Vec<Tombstone>>(KV_TOMBSTONES).await?.unwrap_or_default();
        let mut change = Change::new();
        macro_rules! each {
            ($($field:ident : $ty:ty),* $(,)?) => {$(
                for r in &undo.before.$field {
                    change.put(r)?;
                }
                for id in undo.added.get(<$ty as Record>::STORE).into_iter().flatten() {
                    change.delete::<$ty>(id);
                }
            )*};
        }
        with_stores!(each);
        stage_kv(&mut change, &undo.settings, &tombstones, &undo.conflicts)?;
        change.kv_delete(KV_UNDO);
        self.db.commit(change).await?;
        Ok(true)
    }

    /// Erase records for good (GDPR; see [`crate::sync::erase`]), in one transaction: delete
    /// them, add their tombstones, and drop the conflict entries about them and any copy the
    /// undo record of the last import keeps.
    pub async fn erase(&self, keys: &[erase::Key]) -> Result<(), StorageError> {
        let stamp = self.clock.borrow_mut().tick(now_ms());
        let mut change = Change::new();
        for (store, id) in keys {
            macro_rules! delete {
                ($($field:ident : $ty:ty),* $(,)?) => {
                    $(if store == <$ty as Record>::STORE { change.delete::<$ty>(id); })*
                };
            }
            with_stores!(delete);
        }
        let mut scope: Vec<String> = change.stores();
        scope.push(KV_STORE.to_string());
        let scope: Vec<&str> = scope.iter().map(String::as_str).collect();
        let reads = [(KV_STORE, KV_TOMBSTONES), (KV_STORE, KV_CONFLICTS), (KV_STORE, KV_UNDO), (KV_STORE, KV_CLOCK)];
        let mut clock = self.clock.borrow().clone();
        let (clock, _) = self
            .db
            .update(&scope, &reads, move |kv| {
                let new = erase::tombstones(keys, &stamp);
                let erased = erase::erased(&new);
                let mut tombstones = kv.kv::<Vec<Tombstone>>(KV_TOMBSTONES)?.unwrap_or_default();
                tombstones.retain(|t| !erased.contains(&(t.store.clone(), t.id.clone())));
                tombstones.extend(new);
                tombstones.sort();
                let mut conflicts = kv.kv::<Vec<Conflict>>(KV_CONFLICTS)?.unwrap_or_default();
                erase::forget_conflicts(&mut conflicts, &erased);
                let mut change = change;
                change.kv(KV_TOMBSTONES, &tombstones)?;
                change.kv(KV_CONFLICTS, &conflicts)?;
                if let Some(mut undo) = kv.kv::<Undo>(KV_UNDO)? {
                    erase::forget(&mut undo.before, &mut undo.conflicts, &erased);
                    change.kv(KV_UNDO, &undo)?;
                }
                if let Some(stored) = kv.kv::<Clock>(KV_CLOCK)? {
                    clock.observe(&stored.last);
                }
                change.kv(KV_CLOCK, &clock)?;
                Ok((change, clock))
            })
            .await?;
        self.clock.borrow_mut().observe(&clock.last);
        Ok(())
    }

    /// Replace the conflict list (after the user restored or dismissed an entry).
    pub async fn save_conflicts(&self, conflicts: &[Conflict]) -> Result<(), StorageError> {
        let mut change = Change::new();
        change.kv(KV_CONFLICTS, conflicts)?;
        self.db.commit(change).await
    }
}

/// Stage the kv values sync is about.
fn stage_kv(
    change: &mut Change,
    settings: &Option<Stamped<Settings>>,
    tombstones: &[Tombstone],
    conflicts: &[Conflict],
) -> Result<(), StorageError> {
    match settings {
        Some(settings) => change.kv(KV_SETTINGS, settings)?,
        None => change.kv_delete(KV_SETTINGS),
    };
    change.kv(KV_TOMBSTONES, tombstones)?;
    change.kv(KV_CONFLICTS, conflicts)?;
    Ok(())
}
