//! Form state shared by the field components: the domain's validation errors and the fields
//! whose text could not be read (a number or date typed wrongly).

use crate::domain::FieldError;
use crate::ui::text;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[derive(Clone, Copy)]
pub struct FormErrors {
    pub domain: RwSignal<Vec<FieldError>>,
    pub bad_input: RwSignal<BTreeSet<&'static str>>,
}

impl FormErrors {
    /// New form state, provided as context to the fields below.
    pub fn provide() -> Self {
        let errors = Self { domain: RwSignal::new(Vec::new()), bad_input: RwSignal::new(BTreeSet::new()) };
        provide_context(errors);
        errors
    }

    /// The Danish message for a field, if it has a problem.
    pub fn message(&self, name: &str) -> Option<String> {
        if self.bad_input.with(|b| b.contains(name)) {
            return Some(text::BAD_NUMBER.to_string());
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

    pub fn mark_bad(&self, name: &'static str, bad: bool) {
        self.bad_input.update(|b| {
            if bad {
                b.insert(name);
            } else {
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
            <p class="field-error" id=format!("{name}-error") role="alert">{message}</p>
        </Show>
    }
}

/// `aria-invalid` for a field.
pub fn invalid(name: &'static str) -> impl Fn() -> &'static str + Send + Sync + Copy {
    let form = use_form();
    move || if form.and_then(|f| f.message(name)).is_some() { "true" } else { "false" }
}

/// The DOM id of a field's input.
pub fn field_id(name: &str) -> String {
    format!("f-{}", name.replace('.', "-"))
}
