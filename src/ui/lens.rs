//! Bind one field of a draft record to an input: a signal to read and a callback to write.

use crate::domain::Id;
use crate::domain::Record;
use crate::ui::components::Choice;
use leptos::prelude::*;

pub fn lens<R, T>(draft: RwSignal<R>, get: fn(&R) -> T, set: fn(&mut R, T)) -> (Signal<T>, Callback<T>)
where
    R: Send + Sync + 'static,
    T: Send + Sync + 'static,
{
    (Signal::derive(move || draft.with(get)), Callback::new(move |v| draft.update(|d| set(d, v))))
}

/// Bind an optional id field to a select's string value.
pub fn id_lens<R, I>(
    draft: RwSignal<R>,
    get: fn(&R) -> Option<I>,
    set: fn(&mut R, Option<I>),
) -> (Signal<String>, Callback<String>)
where
    R: Send + Sync + 'static,
    I: ToString + std::str::FromStr + Send + Sync + 'static,
{
    (
        Signal::derive(move || draft.with(|d| get(d).map(|i| i.to_string()).unwrap_or_default())),
        Callback::new(move |v: String| draft.update(|d| set(d, v.parse().ok()))),
    )
}

/// Bind a required id field to a select's string value: "" (the select's "Vælg …") while it
/// is unset.
pub fn required_id_lens<R, I>(
    draft: RwSignal<R>,
    get: fn(&R) -> I,
    set: fn(&mut R, I),
) -> (Signal<String>, Callback<String>)
where
    R: Send + Sync + 'static,
    I: Id + ToString + std::str::FromStr + Send + Sync + 'static,
{
    (
        Signal::derive(move || {
            draft.with(|d| Some(get(d)).filter(|i| !i.is_unset()).map(|i| i.to_string()).unwrap_or_default())
        }),
        Callback::new(move |v: String| {
            if let Ok(id) = v.parse() {
                draft.update(|d| set(d, id));
            }
        }),
    )
}

/// Bind a list of ids to a check list.
pub fn ids_lens<R, I>(
    draft: RwSignal<R>,
    get: fn(&R) -> &Vec<I>,
    set: fn(&mut R, Vec<I>),
) -> (Signal<Vec<String>>, Callback<Vec<String>>)
where
    R: Send + Sync + 'static,
    I: ToString + std::str::FromStr + Send + Sync + 'static,
{
    (
        Signal::derive(move || draft.with(|d| get(d).iter().map(ToString::to_string).collect())),
        Callback::new(move |v: Vec<String>| {
            draft.update(|d| set(d, v.iter().filter_map(|s| s.parse().ok()).collect()))
        }),
    )
}

/// The unarchived records of a register as choices, sorted by label.
pub fn choices<R: Record + Send + Sync>(list: RwSignal<Vec<R>>, label: fn(&R) -> String) -> Signal<Vec<Choice>> {
    Signal::derive(move || {
        let mut out: Vec<Choice> =
            list.with(|l| l.iter().filter(|r| !r.archived()).map(|r| (r.key(), label(r))).collect());
        out.sort_by_cached_key(|a| a.1.to_lowercase());
        out
    })
}

/// Choices from a fixed list of enum values.
pub fn enum_choices<E: Copy + std::fmt::Debug + Send + Sync + 'static>(
    all: &'static [E],
    label: fn(E) -> &'static str,
) -> Signal<Vec<Choice>> {
    Signal::derive(move || all.iter().map(|e| (format!("{e:?}"), label(*e).to_string())).collect())
}

/// Bind an enum field to a select (values are the variant names).
pub fn enum_lens<R, E>(
    draft: RwSignal<R>,
    all: &'static [E],
    get: fn(&R) -> E,
    set: fn(&mut R, E),
) -> (Signal<String>, Callback<String>)
where
    R: Send + Sync + 'static,
    E: Copy + std::fmt::Debug + Send + Sync + 'static,
{
    (
        Signal::derive(move || format!("{:?}", draft.with(get))),
        Callback::new(move |v: String| {
            if let Some(e) = all.iter().find(|e| format!("{e:?}") == v) {
                draft.update(|d| set(d, *e));
            }
        }),
    )
}

/// Bind an optional enum field to a select with "— ingen —".
pub fn opt_enum_lens<R, E>(
    draft: RwSignal<R>,
    all: &'static [E],
    get: fn(&R) -> Option<E>,
    set: fn(&mut R, Option<E>),
) -> (Signal<String>, Callback<String>)
where
    R: Send + Sync + 'static,
    E: Copy + std::fmt::Debug + Send + Sync + 'static,
{
    (
        Signal::derive(move || draft.with(get).map(|e| format!("{e:?}")).unwrap_or_default()),
        Callback::new(move |v: String| draft.update(|d| set(d, all.iter().find(|e| format!("{e:?}") == v).copied()))),
    )
}
