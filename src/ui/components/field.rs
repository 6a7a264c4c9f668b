//! Labelled inputs: text, number, date, select, check list, checkbox. Each shows its error in
//! Danish underneath and is at least 44 px tall for touch.

use super::form::{error_id, field_id, invalid, use_form, FieldMessage};
use crate::ui::text;
use chrono::NaiveDate;
use leptos::prelude::*;

/// A choice in a select or check list: value and label.
pub type Choice = (String, String);

#[component]
fn Label(label: &'static str, name: &'static str, #[prop(optional)] required: bool) -> impl IntoView {
    view! {
        <label for=field_id(name)>
            {label}
            {required.then(|| view! { <span class="req" aria-hidden="true">{text::REQUIRED_MARK}</span> })}
        </label>
    }
}

#[component]
pub fn TextInput(
    label: &'static str,
    name: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    // The field shows what the user typed. The form may keep it normalised (a list without the
    // space or comma just typed, goals without the empty line just started), and that must not
    // be written back while the user types; a change from elsewhere (a form reset) is shown.
    let raw = RwSignal::new(value.get_untracked());
    let typing = StoredValue::new(false);
    Effect::new(move |_| {
        let v = value.get();
        if !typing.try_update_value(std::mem::take).unwrap_or(false) {
            raw.set(v);
        }
    });
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        raw.set(typed.clone());
        typing.set_value(true);
        on_change.run(typed);
    };
    let input = if multiline {
        view! {
            <textarea id=field_id(name) name=name rows="3" aria-invalid=invalid(name)
                aria-describedby=error_id(name)
                prop:value=move || raw.get() on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=field_id(name) name=name type="text" aria-invalid=invalid(name)
                aria-describedby=error_id(name) aria-required=required.then_some("true")
                prop:value=move || raw.get() on:input=on_input/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <Label label name required/>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            {input}
            <FieldMessage name/>
        </div>
    }
}

#[component]
pub fn NumberInput(
    label: &'static str,
    name: &'static str,
    #[prop(into)] value: Signal<Option<f64>>,
    #[prop(into)] on_change: Callback<Option<f64>>,
    #[prop(optional)] required: bool,
    /// Only whole numbers (months, points, a budget in kroner).
    #[prop(optional)]
    whole: bool,
    /// No negative numbers.
    #[prop(optional)]
    non_negative: bool,
) -> impl IntoView {
    let form = use_form();
    let raw = RwSignal::new(value.get_untracked().map(text::hours).unwrap_or_default());
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        raw.set(typed.clone());
        // A number this field cannot hold is refused, never rounded or clamped on the quiet.
        let hint = match crate::domain::number::parse_number(&typed) {
            Err(_) => Some(text::BAD_NUMBER),
            Ok(Some(x)) if whole && x.fract() != 0.0 => Some(text::WHOLE_NUMBER),
            Ok(Some(x)) if non_negative && x < 0.0 => Some(text::NOT_NEGATIVE),
            Ok(v) => {
                on_change.run(v);
                None
            }
        };
        form.inspect(|f| f.mark_bad(name, hint));
    };
    view! {
        <div class="field">
            <Label label name required/>
            <input id=field_id(name) name=name type="text" inputmode="decimal" aria-invalid=invalid(name) aria-required=required.then_some("true")
                aria-describedby=error_id(name)
                prop:value=move || raw.get() on:input=on_input/>
            <FieldMessage name/>
        </div>
    }
}

#[component]
pub fn DateInput(
    label: &'static str,
    name: &'static str,
    #[prop(into)] value: Signal<Option<NaiveDate>>,
    #[prop(into)] on_change: Callback<Option<NaiveDate>>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let form = use_form();
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        if typed.is_empty() {
            form.inspect(|f| f.mark_bad(name, None));
            on_change.run(None);
        } else if let Some(d) = text::parse_iso_date(&typed) {
            form.inspect(|f| f.mark_bad(name, None));
            on_change.run(Some(d));
        } else {
            form.inspect(|f| f.mark_bad(name, Some(text::BAD_DATE)));
        }
    };
    view! {
        <div class="field">
            <Label label name required/>
            <input id=field_id(name) name=name type="date" aria-invalid=invalid(name) aria-required=required.then_some("true")
                aria-describedby=error_id(name)
                prop:value=move || value.get().map(text::iso_date).unwrap_or_default()
                on:change=on_input/>
            <FieldMessage name/>
        </div>
    }
}

#[component]
pub fn SelectInput(
    label: &'static str,
    name: &'static str,
    #[prop(into)] options: Signal<Vec<Choice>>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional)] required: bool,
    /// Offer a first choice with value "": "— ingen —", or `none_label`.
    #[prop(optional)]
    allow_none: bool,
    #[prop(optional)] none_label: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="field">
            <Label label name required/>
            <select id=field_id(name) name=name aria-invalid=invalid(name) aria-describedby=error_id(name) aria-required=required.then_some("true")
                prop:value=move || value.get() on:change=move |ev| on_change.run(event_target_value(&ev))>
                {allow_none.then(|| view! { <option value="">{none_label.unwrap_or(text::NONE_CHOSEN)}</option> })}
                <For each=move || options.get() key=|(v, l)| (v.clone(), l.clone()) let:choice>
                    <option value=choice.0.clone() selected=move || value.get() == choice.0>{choice.1.clone()}</option>
                </For>
            </select>
            <FieldMessage name/>
        </div>
    }
}

/// A group of checkboxes for choosing several values.
#[component]
pub fn CheckList(
    label: &'static str,
    name: &'static str,
    #[prop(into)] options: Signal<Vec<Choice>>,
    #[prop(into)] selected: Signal<Vec<String>>,
    #[prop(into)] on_change: Callback<Vec<String>>,
) -> impl IntoView {
    let toggle = move |v: String, on: bool| {
        let mut now = selected.get_untracked();
        now.retain(|x| *x != v);
        if on {
            now.push(v);
        }
        on_change.run(now);
    };
    view! {
        <fieldset class="field checklist" id=field_id(name)>
            <legend>{label}</legend>
            <div class="chips">
                <For each=move || options.get() key=|(v, _)| v.clone() let:choice>
                    {
                        let v = choice.0.clone();
                        let checked = { let v = v.clone(); move || selected.with(|s| s.contains(&v)) };
                        view! {
                            <label class="chip">
                                <input type="checkbox" prop:checked=checked
                                    on:change=move |ev| toggle(v.clone(), event_target_checked(&ev))/>
                                <span>{choice.1.clone()}</span>
                            </label>
                        }
                    }
                </For>
            </div>
            <FieldMessage name/>
        </fieldset>
    }
}

#[component]
pub fn Checkbox(
    label: &'static str,
    #[prop(into)] value: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <label class="checkbox">
            <input type="checkbox" prop:checked=move || value.get() on:change=move |ev| on_change.run(event_target_checked(&ev))/>
            <span>{label}</span>
        </label>
    }
}

/// Evenings, nights and weekends as three checkboxes (a need, or what a person can do).
#[component]
pub fn OutOfHoursInput(
    label: &'static str,
    #[prop(into)] value: Signal<crate::domain::OutOfHours>,
    #[prop(into)] on_change: Callback<crate::domain::OutOfHours>,
) -> impl IntoView {
    let part = |get: fn(&crate::domain::OutOfHours) -> bool, set: fn(&mut crate::domain::OutOfHours, bool)| {
        (
            Signal::derive(move || get(&value.get())),
            Callback::new(move |on: bool| {
                let mut next = value.get_untracked();
                set(&mut next, on);
                on_change.run(next);
            }),
        )
    };
    let (evenings, set_evenings) = part(|o| o.evenings, |o, v| o.evenings = v);
    let (nights, set_nights) = part(|o| o.nights, |o, v| o.nights = v);
    let (weekends, set_weekends) = part(|o| o.weekends, |o, v| o.weekends = v);
    view! {
        <fieldset class="field">
            <legend>{label}</legend>
            <div class="chips">
                <Checkbox label=text::EVENINGS value=evenings on_change=set_evenings/>
                <Checkbox label=text::NIGHTS value=nights on_change=set_nights/>
                <Checkbox label=text::WEEKENDS value=weekends on_change=set_weekends/>
            </div>
        </fieldset>
    }
}

/// A select of contact persons with "— ingen —", bound to a person id as a string.
#[component]
pub fn PersonPicker(#[prop(into)] options: Signal<Vec<Choice>>, pick: RwSignal<String>) -> impl IntoView {
    view! {
        <select aria-label=text::F_PERSON prop:value=move || pick.get() on:change=move |ev| pick.set(event_target_value(&ev))>
            <option value="">{text::NONE_CHOSEN}</option>
            <For each=move || options.get() key=|c| c.0.clone() let:c>
                <option value=c.0.clone()>{c.1.clone()}</option>
            </For>
        </select>
    }
}

/// Split "a, b ,c" into trimmed, non-empty parts.
pub fn split_list(raw: &str) -> Vec<String> {
    raw.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
}
