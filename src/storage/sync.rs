//! The device side of sync by file: read everything sync is about into a [`Snapshot`], apply a
//! merged snapshot in ONE transaction (keeping the state before it so one click undoes the
//! import), and undo.
//!
//! Tombstones, the conflict list and the undo snapshot live in the kv store (`tombstones`,
//! `conflicts`, `undo_import`); records live in their stores. Applying writes only the records
//! that differ, deletes what the merge removed (erasures), and stores the clock moved past every
//! imported stamp, all in the same transaction: a reload in the middle leaves the old state or
//! the new, never a mix.

use super::db::Change;
use super::error::StorageError;
use super::repo::{Repo, KV_CLOCK, KV_SETTINGS};
use crate::domain::*;
use crate::sync::format::{with_stores, Conflict, Records, Snapshot, Tombstone};
use std::collections::HashMap;

/// kv key of the erased records' tombstones.
pub const KV_TOMBSTONES: &str = "tombstones";
/// kv key of the conflict list (losing values kept for review).
pub const KV_CONFLICTS: &str = "conflicts";
/// kv key of the snapshot taken before the last import (for "Fortryd import").
pub const KV_UNDO: &str = "undo_import";

/// Stage the writes that turn the records of `from` into those of `to`.
fn stage_records(change: &mut Change, from: &Records, to: &Records) -> Result<(), StorageError> {
    fn one<R: Record + PartialEq>(change: &mut Change, from: &[R], to: &[R]) -> Result<(), StorageError> {
        let before: HashMap<String, &R> = from.iter().map(|r| (r.key(), r)).collect();
        let mut kept = std::collections::HashSet::with_capacity(to.len());
        for r in to {
            let key = r.key();
            if before.get(&key).is_none_or(|old| *old != r) {
                change.put(r)?;
            }
            kept.insert(key);
        }
        for key in before.keys().filter(|k| !kept.contains(*k)) {
            change.delete::<R>(key);
        }
        Ok(())
    }
    macro_rules! each {
        ($($field:ident : $ty:ty),* $(,)?) => {
            $(one(change, &from.$field, &to.$field)?;)*
        };
    }
    with_stores!(each);
    Ok(())
}

impl Repo {
    /// Everything this device holds that sync is about.
    pub async fn snapshot(&self) -> Result<Snapshot, StorageError> {
        let db = &self.db;
        macro_rules! read {
            ($($field:ident : $ty:ty),* $(,)?) => {
                Records { $($field: db.all::<$ty>().await?,)* }
            };
        }
        let records = with_stores!(read);
        Ok(Snapshot {
            records,
            settings: self.settings_stamped().await?,
            tombstones: db.kv_get::<Vec<Tombstone>>(KV_TOMBSTONES).await?.unwrap_or_default(),
            conflicts: db.kv_get::<Vec<Conflict>>(KV_CONFLICTS).await?.unwrap_or_default(),
        })
    }

    /// Replace `local` (what [`Repo::snapshot`] returned) by `merged` in one transaction, keep
    /// `local` for [`Repo::undo_import`], and move the clock past `newest` (the file's newest
    /// stamp) so later local edits win over what was imported.
    pub async fn apply_import(&self, local: &Snapshot, merged: &Snapshot, newest: Option<&Stamp>) -> Result<(), StorageError> {
        let mut change = Change::new();
        stage_records(&mut change, &local.records, &merged.records)?;
        self.stage_kv(&mut change, merged)?;
        change.kv(KV_UNDO, local)?;
        let mut clock = self.clock.borrow().clone();
        if let Some(stamp) = newest {
            clock.observe(stamp);
        }
        change.kv(KV_CLOCK, &clock)?;
        self.db.commit(change).await?;
        *self.clock.borrow_mut() = clock;
        Ok(())
    }

    /// Whether an import can be undone.
    pub async fn can_undo_import(&self) -> Result<bool, StorageError> {
        Ok(self.db.kv_get::<serde_json::Value>(KV_UNDO).await?.is_some())
    }

    /// Restore the state before the last import exactly, in one transaction. Returns false when
    /// there is nothing to undo.
    pub async fn undo_import(&self) -> Result<bool, StorageError> {
        let Some(before) = self.db.kv_get::<Snapshot>(KV_UNDO).await? else { return Ok(false) };
        let now = self.snapshot().await?;
        let mut change = Change::new();
        stage_records(&mut change, &now.records, &before.records)?;
        self.stage_kv(&mut change, &before)?;
        change.kv_delete(KV_UNDO);
        self.db.commit(change).await?;
        Ok(true)
    }

    /// Replace the conflict list (after the user restored or dismissed an entry).
    pub async fn save_conflicts(&self, conflicts: &[Conflict]) -> Result<(), StorageError> {
        let mut change = Change::new();
        change.kv(KV_CONFLICTS, conflicts)?;
        self.db.commit(change).await
    }

    fn stage_kv(&self, change: &mut Change, s: &Snapshot) -> Result<(), StorageError> {
        match &s.settings {
            Some(settings) => change.kv(KV_SETTINGS, settings)?,
            None => change.kv_delete(KV_SETTINGS),
        };
        change.kv(KV_TOMBSTONES, &s.tombstones)?;
        change.kv(KV_CONFLICTS, &s.conflicts)?;
        Ok(())
    }
}
