//! The allocation engine's read-only view over the app's registers (tracked reactively).

use crate::allocation::context::{Registers, Registry};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Run `f` with a [`Registry`] over the current registers and settings.
pub fn with_registry<T>(state: AppState, f: impl FnOnce(&Registry) -> T) -> T {
    let settings = state.settings.get();
    state.youths.with(|youths| {
        state.cases.with(|cases| {
            state.persons.with(|persons| {
                state.providers.with(|providers| {
                    state.districts.with(|districts| {
                        state.concerns.with(|concerns| {
                            let registers = Registers { youths, cases, persons, providers, districts, concerns };
                            f(&Registry::new(registers, state.today, &settings))
                        })
                    })
                })
            })
        })
    })
}
