//! The conflict list: values that lost a merge, kept for review. The user keeps the current
//! value (dismiss) or restores the lost one as a new edit.

use crate::sync::format::{with_stores, Conflict, SETTINGS_STORE};
use crate::sync::revision::ARCHIVED_FIELD;
use crate::ui::state::{use_state, AppState, Stored};
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn show(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// What the list calls a record: its name (a case by its youth's pseudonym), else its short id.
fn record_name(state: AppState, store: &str, id: &str) -> String {
    fn named<R: Stored>(list: RwSignal<Vec<R>>, id: &str, name: fn(&R) -> String) -> Option<String> {
        list.with_untracked(|l| l.iter().find(|r| r.key() == id).map(name))
    }
    let youth = |id: String| named(state.youths, &id, |y| y.pseudonym.clone());
    let case = |id: String| named(state.cases, &id, |c| c.youth.to_string()).and_then(youth);
    let name = match store {
        "districts" => named(state.districts, id, |r| r.name.clone()),
        "schools" => named(state.schools, id, |r| r.name.clone()),
        "concerns" => named(state.concerns, id, |r| r.name.clone()),
        "legal_bases" => named(state.legal_bases, id, |r| r.name.clone()),
        "providers" => named(state.providers, id, |r| r.name.clone()),
        "persons" => named(state.persons, id, |r| r.name.clone()),
        "members" => named(state.members, id, |r| r.name.clone()),
        "youths" => youth(id.to_string()),
        "cases" => case(id.to_string()),
        "decisions" => named(state.decisions, id, |d| d.case.to_string()).and_then(case),
        "followups" => named(state.followups, id, |f| f.case.to_string()).and_then(case),
        "meetings" => named(state.meetings, id, |m| text::date(m.date)),
        _ => None,
    };
    name.unwrap_or_else(|| crate::sync::validate::short_id(id))
}

/// A conflict's heading: the record (type and name) and the field as the forms call it.
fn title(state: AppState, c: &Conflict) -> String {
    let field = match c.field.as_str() {
        ARCHIVED_FIELD => text::ARCHIVED,
        f => text::import_field(&c.store, f).unwrap_or(f),
    };
    if c.store == SETTINGS_STORE {
        return text::store(&c.store).to_string();
    }
    format!("{}: {} · {field}", text::store(&c.store), record_name(state, &c.store, &c.id))
}

/// Write the lost value back into the record as a new local edit (validated and stamped; a
/// case also against its youth, as the case form checks it).
async fn restore_in<R: Stored>(state: AppState, c: &Conflict) -> Result<(), String> {
    let old = R::list(&state)
        .with_untracked(|l| l.iter().find(|r| r.key() == c.id).cloned())
        .ok_or(text::RECORD_NOT_FOUND)?;
    let new = if c.field == ARCHIVED_FIELD {
        let mut new = old.clone();
        new.set_archived(c.lost.as_bool().unwrap_or(false));
        new
    } else {
        let mut value = serde_json::to_value(&old).map_err(|e| e.to_string())?;
        value[c.field.as_str()] = c.lost.clone();
        serde_json::from_value(value).map_err(|e| e.to_string())?
    };
    let case_errors = (&new as &dyn std::any::Any).downcast_ref::<crate::domain::Case>().and_then(|case| {
        let youth = state.youths.with_untracked(|y| y.iter().find(|y| y.meta.id == case.youth).cloned())?;
        Some(state.case_errors(&youth, case)).filter(|e| !e.is_empty())
    });
    if let Some(errors) = case_errors {
        return Err(text::save_error(R::STORE, &crate::storage::SaveError::Invalid(errors)));
    }
    state.save(Some(old), new).await.map(|_| ()).map_err(|e| text::save_error(R::STORE, &e))
}

async fn restore(state: AppState, c: &Conflict) -> Result<(), String> {
    if c.store == SETTINGS_STORE {
        let settings: Settings = serde_json::from_value(c.lost.clone()).map_err(|e| e.to_string())?;
        return state.save_settings(settings).await.map_err(|e| text::save_error(SETTINGS_STORE, &e));
    }
    macro_rules! by_store {
        ($($field:ident : $ty:ty),* $(,)?) => {
            match c.store.as_str() {
                $(stringify!($field) => restore_in::<$ty>(state, c).await,)*
                _ => Err(text::RECORD_NOT_FOUND.to_string()),
            }
        };
    }
    use crate::domain::*;
    with_stores!(by_store)
}

#[component]
pub fn ConflictList() -> impl IntoView {
    let state = use_state();
    let version = RwSignal::new(0u32);
    let conflicts = LocalResource::new(move || {
        version.track();
        state.cases.track();
        let repo = state.repo.get_value();
        async move { repo.conflicts().await.unwrap_or_default() }
    });
    let problem = RwSignal::new(None::<String>);
    let resolve = move |c: Conflict, bring_back: bool| {
        spawn_local(async move {
            if bring_back {
                if let Err(e) = restore(state, &c).await {
                    problem.set(Some(e));
                    return;
                }
            }
            problem.set(None);
            let repo = state.repo.get_value();
            if let Ok(list) = repo.conflicts().await {
                let rest: Vec<Conflict> = list.into_iter().filter(|x| x.key() != c.key()).collect();
                if repo.save_conflicts(&rest).await.is_ok() {
                    version.update(|v| *v += 1);
                }
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="conflicts-h">
            <h2 id="conflicts-h">{text::CONFLICTS_TITLE}</h2>
            <p class="lead">{text::CONFLICTS_LEAD}</p>
            <Show when=move || problem.get().is_some()><p class="form-error" role="alert">{move || problem.get()}</p></Show>
            {move || conflicts.get().map(|list| if list.is_empty() {
                view! { <p class="empty">{text::NO_CONFLICTS}</p> }.into_any()
            } else {
                view! {
                    <ul class="rows conflicts">
                        {list.into_iter().map(|c| {
                            let title = title(state, &c);
                            let (kept, lost) = (show(&c.kept), show(&c.lost));
                            view! {
                                <li class="row conflict">
                                    <div class="row-main">
                                        <span class="row-title">{title}</span>
                                        <span class="row-sub">{format!("{}: {kept} · {}: {lost}", text::CONFLICT_KEPT, text::CONFLICT_LOST)}</span>
                                        <span class="actions">
                                            <button type="button" on:click={ let c = c.clone(); move |_| resolve(c.clone(), false) }>{text::CONFLICT_DISMISS}</button>
                                            <button type="button" on:click=move |_| resolve(c.clone(), true)>{text::CONFLICT_RESTORE}</button>
                                        </span>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </section>
    }
}
