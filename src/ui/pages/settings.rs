//! Indstillinger: the municipality's settings, the organisation and vocabulary registers, and
//! the storage this device uses.

use crate::domain::{Settings, Weights};
use crate::storage::{request_persistence, storage_estimate, SaveError};
use crate::ui::components::PageHeading;
use crate::ui::components::{guard_unsaved, FormErrors, NumberInput, TextInput};
use crate::ui::lens::lens;
use crate::ui::pages::registers;
use crate::ui::state::use_state;
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <PageHeading text=text::SETTINGS_TITLE/>
        <SettingsForm/>
        <WeightsForm/>
        <StorageInfo/>
        {registers::districts()}
        {registers::schools()}
        {registers::concerns()}
        {registers::legal_bases()}
    }
}

#[component]
fn SettingsForm() -> impl IntoView {
    let state = use_state();
    let form = FormErrors::provide();
    let draft = RwSignal::new(state.settings.get_untracked());
    let saved = RwSignal::new(false);
    let own = |s: &Settings| {
        let months = (s.followup_first_months, s.followup_interval_months, s.certificate_valid_months);
        (s.municipality.clone(), months, s.budget_frame_kr)
    };
    guard_unsaved(Signal::derive(move || {
        form.has_bad_input() || state.settings.with(|s| draft.with(|d| own(s) != own(d)))
    }));
    let (municipality, set_municipality) =
        lens(draft, |s: &Settings| s.municipality.clone(), |s, v| s.municipality = v);
    let (first, set_first) = lens(
        draft,
        |s| Some(f64::from(s.followup_first_months)),
        |s, v| s.followup_first_months = v.unwrap_or(0.0) as u32,
    );
    let (interval, set_interval) = lens(
        draft,
        |s| Some(f64::from(s.followup_interval_months)),
        |s, v| s.followup_interval_months = v.unwrap_or(0.0) as u32,
    );
    let (valid, set_valid) = lens(
        draft,
        |s| Some(f64::from(s.certificate_valid_months)),
        |s, v| s.certificate_valid_months = v.unwrap_or(0.0) as u32,
    );
    let (budget, set_budget) =
        lens(draft, |s| Some(s.budget_frame_kr as f64), |s, v| s.budget_frame_kr = v.unwrap_or(0.0).max(0.0) as u64);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.has_bad_input() {
            return;
        }
        spawn_local(async move {
            match state.save_settings(draft.get_untracked()).await {
                Ok(()) => {
                    form.domain.set(Vec::new());
                    saved.set(true);
                }
                Err(SaveError::Invalid(errors)) => form.domain.set(errors),
                Err(SaveError::Storage(e)) => leptos::logging::error!("{e}"),
            }
        });
    };
    view! {
        <form class="card" on:submit=submit on:input=move |_| saved.set(false)>
            <h2>{text::MUNICIPALITY}</h2>
            <TextInput label=text::MUNICIPALITY name="municipality" value=municipality on_change=set_municipality required=true/>
            <div class="field-row">
                <NumberInput label=text::FOLLOWUP_FIRST name="followup_first_months" value=first on_change=set_first whole=true non_negative=true/>
                <NumberInput label=text::FOLLOWUP_INTERVAL name="followup_interval_months" value=interval on_change=set_interval whole=true non_negative=true/>
                <NumberInput label=text::CERT_VALID name="certificate_valid_months" value=valid on_change=set_valid whole=true non_negative=true/>
                <NumberInput label=text::BUDGET_FRAME name="budget_frame_kr" value=budget on_change=set_budget whole=true non_negative=true/>
            </div>
            <div class="actions">
                <button type="submit" class="primary">{text::SAVE}</button>
                <Show when=move || saved.get()><span class="ok" role="status">{text::SAVED}</span></Show>
            </div>
        </form>
    }
}

/// The score weights: editing and saving them changes every recommendation at once.
#[component]
fn WeightsForm() -> impl IntoView {
    let state = use_state();
    let form = FormErrors::provide();
    let draft = RwSignal::new(state.settings.get_untracked());
    let saved = RwSignal::new(false);
    let own = |s: &Settings| (s.weights.clone(), s.solver_time_limit_ms);
    guard_unsaved(Signal::derive(move || {
        form.has_bad_input() || state.settings.with(|s| draft.with(|d| own(s) != own(d)))
    }));
    let store = move |next: Settings| {
        spawn_local(async move {
            match state.save_settings(next).await {
                Ok(()) => {
                    form.domain.set(Vec::new());
                    saved.set(true);
                }
                Err(SaveError::Invalid(errors)) => form.domain.set(errors),
                Err(SaveError::Storage(e)) => leptos::logging::error!("{e}"),
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.has_bad_input() {
            // Keep the other settings as they are now; only the weights come from this form.
            let mut next = state.settings.get_untracked();
            next.weights = draft.with_untracked(|d| d.weights.clone());
            next.solver_time_limit_ms = draft.with_untracked(|d| d.solver_time_limit_ms);
            store(next);
        }
    };
    let reset = move |_| {
        let mut next = state.settings.get_untracked();
        next.weights = Weights::default();
        draft.update(|d| d.weights = Weights::default());
        store(next);
    };
    let (limit, set_limit) = lens(
        draft,
        |s| Some(f64::from(s.solver_time_limit_ms)),
        |s, v| s.solver_time_limit_ms = v.unwrap_or(0.0).max(0.0) as u32,
    );
    view! {
        <form class="card" on:submit=submit on:input=move |_| saved.set(false)>
            <h2>{text::WEIGHTS_TITLE}</h2>
            <p class="lead">{text::WEIGHTS_LEAD}</p>
            // Re-created on reset so the inputs show the defaults.
            {move || {
                let _ = state.settings.get();
                view! {
                    <div class="field-row">
                        {Weights::NAMES.into_iter().map(|name| {
                            let value = Signal::derive(move || draft.with(|d| d.weights.get(name).map(|w| w as f64)));
                            let set = Callback::new(move |v: Option<f64>| draft.update(|d| {
                                if let Some(w) = d.weights.field_mut(name) { *w = v.unwrap_or(0.0).round() as i64; }
                            }));
                            view! { <NumberInput label=text::weight_label(name) name value on_change=set whole=true/> }
                        }).collect_view()}
                        <NumberInput label=text::SOLVER_LIMIT name="solver_time_limit_ms" value=limit on_change=set_limit whole=true non_negative=true/>
                    </div>
                }
            }}
            <div class="actions">
                <button type="submit" class="primary">{text::SAVE}</button>
                <button type="button" on:click=reset>{text::RESET_DEFAULTS}</button>
                <Show when=move || saved.get()><span class="ok" role="status">{text::SAVED}</span></Show>
            </div>
        </form>
    }
}

#[component]
fn StorageInfo() -> impl IntoView {
    let info = LocalResource::new(|| async { (request_persistence().await, storage_estimate().await) });
    view! {
        <section class="card">
            <h2>{text::STORAGE_TITLE}</h2>
            {move || info.get().map(|(persistent, estimate)| view! {
                <p>{if persistent { text::STORAGE_PERSISTENT } else { text::STORAGE_NOT_PERSISTENT }}</p>
                <p>{match estimate {
                    Some((usage, quota)) => format!("{}: {} af {}", text::STORAGE_USED, text::data_size(usage), text::data_size(quota)),
                    None => text::STORAGE_UNKNOWN.to_string(),
                }}</p>
            })}
        </section>
    }
}
