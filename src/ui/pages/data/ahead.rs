//! The data the next import merges into, read ahead (when the Data page opens, and again after
//! each undo) while the user picks a file; after an import, what the import wrote. It is used
//! only if nothing was written since (here or in another tab); an import that starts while it
//! is still being read waits for it instead of reading everything twice.

use crate::storage::sync::Prepared;
use crate::storage::StorageError;
use crate::ui::state::AppState;
use futures::channel::oneshot;
use leptos::prelude::*;
use leptos::task::spawn_local;

enum Ahead {
    Ready(Box<Prepared>),
    Reading(oneshot::Receiver<Prepared>),
}

#[derive(Clone, Copy)]
pub struct ReadAhead {
    state: AppState,
    ahead: StoredValue<Option<Ahead>, LocalStorage>,
}

impl ReadAhead {
    /// Start reading at once.
    pub fn new(state: AppState) -> Self {
        let this = Self { state, ahead: StoredValue::new_local(None) };
        this.restart();
        this
    }

    /// Read again (after this tab wrote).
    pub fn restart(self) {
        let (done, reading) = oneshot::channel();
        self.ahead.set_value(Some(Ahead::Reading(reading)));
        let repo = self.state.repo.get_value();
        spawn_local(async move {
            if let Ok(prepared) = repo.prepare_import().await {
                let _ = done.send(prepared);
            }
        });
    }

    /// Keep data for the next file: read for a file the user then did not import, or what an
    /// import just wrote.
    pub fn keep(self, prepared: Prepared) {
        self.ahead.set_value(Some(Ahead::Ready(Box::new(prepared))));
    }

    /// The data as it is now: what was read ahead if nothing was written since, else read now.
    pub async fn take(self) -> Result<Prepared, StorageError> {
        let repo = self.state.repo.get_value();
        let ahead = match self.ahead.try_update_value(Option::take).flatten() {
            Some(Ahead::Ready(prepared)) => Some(*prepared),
            Some(Ahead::Reading(reading)) => reading.await.ok(),
            None => None,
        };
        if let Some(prepared) = ahead {
            if repo.is_current(&prepared).await? {
                return Ok(prepared);
            }
        }
        repo.prepare_import().await
    }
}
