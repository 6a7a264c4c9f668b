//! Form state shared by the field components: the domain's validation errors and the fields
//! whose text could not be read (a number or date typed wrongly).

use crate::domain::FieldError;
use crate::ui::text;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[derive(Clone, Copy)]
pub struct FormErrors {
    pub domain: RwSignal<Vec<FieldError>>,
    /// Fields whose text could not be read, with what to type instead.
    pub bad_input: RwSignal<BTreeMap<&'static str, &'static str>>,
    /// Part of every DOM id of the form's fields, when a page shows several forms of one kind.
    scope: StoredValue<Option<String>>,
}

impl FormErrors {
    /// New form state, provided as context to the fields below.
    pub fn provide() -> Self {
        Self::provide_in(None)
    }

    /// [`FormErrors::provide`] for one of several forms of one kind on a page (e.g. one per
    /// agenda case): its fields' ids include `scope`, so labels and error lines find their own.
    pub fn provide_scoped(scope: String) -> Self {
        Self::provide_in(Some(scope))
    }

    fn provide_in(scope: Option<String>) -> Self {
        let errors = Self {
            domain: RwSignal::new(Vec::new()),
            bad_input: RwSignal::new(BTreeMap::new()),
            scope: StoredValue::new(scope),
        };
        provide_context(errors);
        errors
    }

    /// The Danish message for a field, if it has a problem.
    pub fn message(&self, name: &str) -> Option<String> {
        if let Some(hint) = self.bad_input.with(|b| b.get(name).copied()) {
            return Some(hint.to_string());
        }
        self.domain.with(|errors| {
            errors
                .iter()
                .find(|e| e.field == name || e.field.starts_with(&format!("{name}.")))
                .map(|e| text::problem(&e.problem))
        })
    }

    pub fn has_bad_input(&self) -> bool {
        self.bad_input.with(|b| !b.is_empty())
    }

    /// Note that the field's text cannot be read (`Some(what to type instead)`) or can (`None`).
    pub fn mark_bad(&self, name: &'static str, hint: Option<&'static str>) {
        self.bad_input.update(|b| match hint {
            Some(hint) => {
                b.insert(name, hint);
            }
            None => {
                b.remove(name);
            }
        });
    }
}

pub fn use_form() -> Option<FormErrors> {
    use_context::<FormErrors>()
}

/// The error line under a field (announced by screen readers).
#[component]
pub fn FieldMessage(name: &'static str) -> impl IntoView {
    let form = use_form();
    let message = move || form.and_then(|f| f.message(name));
    view! {
        <Show when=move || message().is_some()>
            <p class="field-error" id=error_id(name) role="alert">{message}</p>
        </Show>
    }
}

/// `aria-invalid` for a field.
pub fn invalid(name: &'static str) -> impl Fn() -> &'static str + Send + Sync + Copy {
    let form = use_form();
    move || if form.and_then(|f| f.message(name)).is_some() { "true" } else { "false" }
}

/// The scope of the form around the caller, as an id prefix ("" outside scoped forms).
fn scope_prefix() -> String {
    use_form().and_then(|f| f.scope.get_value()).map(|s| format!("{s}-")).unwrap_or_default()
}

/// The DOM id of a field's input.
pub fn field_id(name: &str) -> String {
    format!("f-{}{}", scope_prefix(), name.replace('.', "-"))
}

/// The DOM id of a field's error line.
pub fn error_id(name: &str) -> String {
    format!("{}{name}-error", scope_prefix())
}
