//! The app's state: the open repository and every register held in signals, so lists filter
//! in memory and a save updates every view at once.

use crate::domain::*;
use crate::storage::{Batch, Repo, SaveError, StorageError};
use crate::sync::format::Records;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;

/// Everything the pages share. All fields are `Copy` handles.
#[derive(Clone, Copy)]
pub struct AppState {
    pub repo: StoredValue<Repo, LocalStorage>,
    pub today: NaiveDate,
    pub settings: RwSignal<Settings>,
    pub districts: RwSignal<Vec<District>>,
    pub schools: RwSignal<Vec<School>>,
    pub concerns: RwSignal<Vec<Concern>>,
    pub legal_bases: RwSignal<Vec<LegalBasis>>,
    pub providers: RwSignal<Vec<Provider>>,
    pub persons: RwSignal<Vec<ContactPerson>>,
    pub members: RwSignal<Vec<CommitteeMember>>,
    pub youths: RwSignal<Vec<Youth>>,
    pub cases: RwSignal<Vec<Case>>,
    pub meetings: RwSignal<Vec<Meeting>>,
    pub decisions: RwSignal<Vec<Decision>>,
    pub followups: RwSignal<Vec<Followup>>,
}

/// The registers as loaded from the store.
#[derive(Clone)]
pub struct Loaded {
    repo: Repo,
    settings: Settings,
    records: Records,
}

impl Loaded {
    /// Open the database and read every register.
    pub async fn load(db_name: &str) -> Result<Loaded, StorageError> {
        Self::read(Repo::open(db_name).await?).await
    }

    /// Read every register through an open repository.
    pub async fn read(repo: Repo) -> Result<Loaded, StorageError> {
        let (settings, records) = futures::join!(repo.settings(), repo.records());
        Ok(Loaded { settings: settings?, records: records?, repo })
    }
}

impl AppState {
    /// Read every register again (after an import or its undo) and show it everywhere.
    pub async fn reload(self) -> Result<(), StorageError> {
        let loaded = Loaded::read(self.repo.get_value()).await?;
        self.show(loaded.settings, loaded.records);
        Ok(())
    }

    /// Show what another tab of the app saves: read everything again after each of its commits
    /// (one read at a time; commits during a read cause one more).
    pub fn follow_other_tabs(self) {
        let (busy, again) = (Rc::new(Cell::new(false)), Rc::new(Cell::new(false)));
        self.repo.get_value().on_commit_elsewhere(move || {
            again.set(true);
            if busy.replace(true) {
                return;
            }
            let (busy, again) = (busy.clone(), again.clone());
            leptos::task::spawn_local(async move {
                while again.replace(false) {
                    let read = async {
                        self.repo.get_value().catch_up_clock().await?;
                        self.reload().await
                    };
                    if let Err(e) = read.await {
                        leptos::logging::warn!("could not read another tab's changes: {e}");
                    }
                }
                busy.set(false);
            });
        });
    }

    pub fn new(loaded: Loaded, today: NaiveDate) -> Self {
        let state = Self {
            repo: StoredValue::new_local(loaded.repo.clone()),
            today,
            settings: RwSignal::default(),
            districts: RwSignal::default(),
            schools: RwSignal::default(),
            concerns: RwSignal::default(),
            legal_bases: RwSignal::default(),
            providers: RwSignal::default(),
            persons: RwSignal::default(),
            members: RwSignal::default(),
            youths: RwSignal::default(),
            cases: RwSignal::default(),
            meetings: RwSignal::default(),
            decisions: RwSignal::default(),
            followups: RwSignal::default(),
        };
        state.show(loaded.settings, loaded.records);
        state
    }

    /// Put registers that are in the store into the signals. `r` comes in key order, as the
    /// store keeps them: read from it, or an applied merge (`MergeResult::apply` sorts).
    pub fn show(self, settings: Settings, r: Records) {
        self.settings.set(settings);
        self.districts.set(r.districts);
        self.schools.set(r.schools);
        self.concerns.set(r.concerns);
        self.legal_bases.set(r.legal_bases);
        self.providers.set(r.providers);
        self.persons.set(r.persons);
        self.members.set(r.members);
        self.youths.set(r.youths);
        self.cases.set(r.cases);
        self.meetings.set(r.meetings);
        self.decisions.set(r.decisions);
        self.followups.set(r.followups);
    }

    /// Validate, stamp and store one record, then show it everywhere.
    pub async fn save<R: Stored>(self, old: Option<R>, new: R) -> Result<R, SaveError> {
        let mut edits = self.edits();
        let saved = edits.save(old.as_ref(), new)?;
        edits.commit().await?;
        Ok(saved)
    }

    /// Save a case and its youth in one transaction; both are validated before either is written.
    /// Everything wrong with a case and its youth, as [`AppState::save_case`] would refuse it.
    pub fn case_errors(&self, youth: &Youth, case: &Case) -> Vec<FieldError> {
        let mut errors = youth.validate(self.today);
        errors.extend(case.validate(self.today));
        let legal =
            self.legal_bases.with_untracked(|l| l.iter().find(|l| Some(l.meta.id) == case.legal_basis).cloned());
        errors.extend(case_against_youth(case, youth, legal.as_ref()));
        errors
    }

    pub async fn save_case(self, old: Option<(Youth, Case)>, youth: Youth, case: Case) -> Result<Case, SaveError> {
        let errors = self.case_errors(&youth, &case);
        if !errors.is_empty() {
            return Err(SaveError::Invalid(errors));
        }
        let (old_youth, old_case) = old.map_or((None, None), |(y, c)| (Some(y), Some(c)));
        let mut edits = self.edits();
        edits.save(old_youth.as_ref(), youth)?;
        let case = edits.save(old_case.as_ref(), case)?;
        edits.commit().await?;
        Ok(case)
    }

    /// Several records of any types, written in one transaction and shown once it committed.
    pub fn edits(self) -> Edits {
        Edits { state: self, batch: self.repo.with_value(Repo::batch), shown: Vec::new() }
    }

    pub async fn save_settings(self, settings: Settings) -> Result<(), SaveError> {
        let repo = self.repo.get_value();
        repo.save_settings(&settings).await?;
        self.settings.set(settings);
        Ok(())
    }
}

/// Records staged for one transaction; see [`AppState::edits`].
pub struct Edits {
    state: AppState,
    batch: Batch,
    shown: Vec<Box<dyn FnOnce()>>,
}

impl Edits {
    /// Validate and stage a record (an invalid one is not staged and returns its errors).
    pub fn save<R: Stored>(&mut self, old: Option<&R>, new: R) -> Result<R, SaveError> {
        let saved = self.batch.save(old, new)?;
        let list = R::list(&self.state);
        let shown = saved.clone();
        self.shown.push(Box::new(move || upsert(list, shown)));
        Ok(saved)
    }

    /// Write everything in one transaction, then show it in every view (read back from the
    /// store if it was merged with another tab's save).
    pub async fn commit(self) -> Result<(), SaveError> {
        if self.batch.commit().await? {
            self.state.reload().await?;
        } else {
            self.shown.into_iter().for_each(|show| show());
        }
        Ok(())
    }
}

/// Replace the record with the same key, or add it.
pub fn upsert<R: Record + Send + Sync>(list: RwSignal<Vec<R>>, record: R) {
    list.update(|items| match items.iter_mut().find(|r| r.key() == record.key()) {
        Some(slot) => *slot = record,
        None => items.push(record),
    });
}

/// A record type with a register signal in [`AppState`].
pub trait Stored: Record + Send + Sync {
    fn list(state: &AppState) -> RwSignal<Vec<Self>>;
}

macro_rules! stored {
    ($($ty:ty => $field:ident),* $(,)?) => {$(
        impl Stored for $ty {
            fn list(state: &AppState) -> RwSignal<Vec<Self>> { state.$field }
        }
    )*};
}

stored!(
    District => districts,
    School => schools,
    Concern => concerns,
    LegalBasis => legal_bases,
    Provider => providers,
    ContactPerson => persons,
    CommitteeMember => members,
    Youth => youths,
    Case => cases,
    Meeting => meetings,
    Decision => decisions,
    Followup => followups,
);

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// The name of a record in a register, or an empty string.
pub fn name_in<R: Record + Send + Sync>(list: RwSignal<Vec<R>>, key: &str, name: impl Fn(&R) -> String) -> String {
    list.with(|items| items.iter().find(|r| r.key() == key).map(&name).unwrap_or_default())
}
