//! Export: the whole workspace or a package for one club or district, optionally encrypted,
//! read back and checked before it is handed to the user.

use crate::domain::ProviderKind;
use crate::sync::format::{export, Scope};
use crate::sync::validate::parse_and_validate;
use crate::ui::state::use_state;
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The scopes on offer, as (value, label, scope).
fn scopes(state: crate::ui::state::AppState) -> Vec<(String, String, Scope)> {
    let mut out = vec![("full".to_string(), text::SCOPE_FULL.to_string(), Scope::Full)];
    state.providers.with(|p| {
        for club in p.iter().filter(|p| p.kind == ProviderKind::Club && !p.meta.archived) {
            out.push((
                format!("club:{}", club.meta.id),
                format!("{}: {}", text::SCOPE_CLUB, club.name),
                Scope::Club { provider: club.meta.id, name: club.name.clone() },
            ));
        }
    });
    state.districts.with(|d| {
        for district in d.iter().filter(|d| !d.meta.archived) {
            out.push((
                format!("district:{}", district.meta.id),
                format!("{}: {}", text::SCOPE_DISTRICT, district.name),
                Scope::District { district: district.meta.id, name: district.name.clone() },
            ));
        }
    });
    out
}

/// Build the file: export, then prove it reads back (and decrypts) before offering it.
async fn build_file(
    state: crate::ui::state::AppState,
    scope: Scope,
    passphrase: String,
) -> Result<(String, String), String> {
    let repo = state.repo.get_value();
    let snapshot = repo.snapshot().await.map_err(|e| e.to_string())?;
    let now = chrono::DateTime::from_timestamp_millis(crate::storage::now_ms() as i64).unwrap_or_default();
    let doc = export(&snapshot, &scope, &repo.device(), now);
    let bytes = doc.to_json();
    let known = snapshot.known_ids();
    let check =
        |b: &[u8]| parse_and_validate(b, state.today, &|s, i| known.contains(&(s.to_string(), i.to_string()))).is_ok();
    if !check(&bytes) {
        return Err(text::EXPORT_VERIFY_FAILED.into());
    }
    let contents = if passphrase.is_empty() {
        String::from_utf8(bytes).map_err(|_| text::EXPORT_VERIFY_FAILED.to_string())?
    } else {
        let sealed = crate::crypto::encrypt(&passphrase, &bytes).await.map_err(|e| e.to_string())?;
        let opened =
            crate::crypto::decrypt(&passphrase, &sealed).await.map_err(|_| text::EXPORT_VERIFY_FAILED.to_string())?;
        if opened != bytes || !check(&opened) {
            return Err(text::EXPORT_VERIFY_FAILED.into());
        }
        sealed
    };
    Ok((doc.file_name(), contents))
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = use_state();
    let choice = RwSignal::new("full".to_string());
    let pass = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<(bool, String)>);
    let options = move || scopes(state);
    let run = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (p, r) = (pass.get_untracked(), repeat.get_untracked());
        if p != r {
            message.set(Some((false, text::PASSPHRASE_MISMATCH.into())));
            return;
        }
        if !p.is_empty() && p.chars().count() < 10 {
            message.set(Some((false, text::PASSPHRASE_SHORT.into())));
            return;
        }
        let Some(scope) = scopes(state).into_iter().find(|s| s.0 == choice.get_untracked()).map(|s| s.2) else {
            return;
        };
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            let result = build_file(state, scope, p).await;
            busy.set(false);
            message.set(Some(match result {
                Ok((name, contents)) if crate::download::download(&name, "application/json", &contents) => {
                    (true, format!("{}: {name}", text::EXPORTED))
                }
                Ok(_) => (false, text::EXPORT_VERIFY_FAILED.into()),
                Err(e) => (false, e),
            }));
        });
    };
    view! {
        <section class="card" aria-labelledby="export-h">
            <h2 id="export-h">{text::EXPORT_TITLE}</h2>
            <p class="lead">{text::EXPORT_LEAD}</p>
            <form on:submit=run>
                <div class="field">
                    <label for="export-scope">{text::EXPORT_SCOPE}</label>
                    <select id="export-scope" prop:value=move || choice.get() on:change=move |ev| choice.set(event_target_value(&ev))>
                        {move || options().into_iter().map(|(v, l, _)| view! { <option value=v>{l}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="export-pass">{text::PASSPHRASE}</label>
                        <input id="export-pass" type="password" autocomplete="new-password" prop:value=move || pass.get()
                            on:input=move |ev| pass.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="export-repeat">{text::PASSPHRASE_REPEAT}</label>
                        <input id="export-repeat" type="password" autocomplete="new-password" prop:value=move || repeat.get()
                            on:input=move |ev| repeat.set(event_target_value(&ev))/>
                    </div>
                </div>
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { text::EXPORTING } else { text::EXPORT_RUN }}
                </button>
            </form>
            {move || message.get().map(|(ok, m)| view! { <p class=if ok { "ok" } else { "form-error" } role="status">{m}</p> })}
        </section>
    }
}
