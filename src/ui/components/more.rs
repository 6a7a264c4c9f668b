//! Long lists draw their first part and offer the rest a part at a time: drawing thousands of
//! rows at once freezes a tablet for seconds.

use crate::ui::text;
use leptos::prelude::*;

/// How many more rows each press of "Vis flere" draws (and how many a list starts with).
pub const STEP: usize = 100;

/// The first `shown` of `items`.
pub fn first<T: Clone>(items: &[T], shown: usize) -> Vec<T> {
    items.iter().take(shown).cloned().collect()
}

/// "Vis flere (n til)" while `total` exceeds `shown`.
#[component]
pub fn ShowMore(#[prop(into)] total: Signal<usize>, shown: RwSignal<usize>) -> impl IntoView {
    view! {
        <Show when=move || { total.get() > shown.get() }>
            <button type="button" class="more" on:click=move |_| shown.update(|n| *n += STEP)>
                {move || text::show_more(total.get().saturating_sub(shown.get()))}
            </button>
        </Show>
    }
}
