//! Create or edit a case together with its youth (one form, one save).

use crate::domain::*;
use crate::storage::SaveError;
use crate::ui::components::PageHeading;
use crate::ui::components::{
    guard_unsaved, split_list, CheckList, DateInput, FormErrors, NumberInput, OutOfHoursInput, SelectInput, TextInput,
};
use crate::ui::lens::{choices, enum_choices, id_lens, ids_lens, lens, opt_enum_lens, required_id_lens};
use crate::ui::state::{use_state, AppState};
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use std::collections::HashMap;

/// The youth and the case edited together.
#[derive(Clone, PartialEq)]
pub struct CaseDraft {
    pub youth: Youth,
    pub case: Case,
    /// False until the user gives the birth date of a new case (none is suggested: a made-up
    /// one would be saved by whoever does not look).
    pub birth_known: bool,
}

impl CaseDraft {
    /// A new case. The district and the birth date are left for the user to give (a
    /// preselected one would be saved by whoever does not look).
    pub fn blank(state: &AppState) -> Self {
        let youth = Youth {
            meta: RecordMeta::new(YouthId::new()),
            pseudonym: String::new(),
            birth_date: chrono::NaiveDate::MIN,
            gender: None,
            district: DistrictId::unset(),
            school: None,
            club: None,
            interests: Vec::new(),
            languages: Vec::new(),
            siblings: Vec::new(),
        };
        let case = Case::draft(youth.meta.id, state.today);
        Self { youth, case, birth_known: false }
    }

    /// Everything wrong with the draft, as saving would refuse it (and a birth date not given).
    fn errors(&self, state: &AppState) -> Vec<FieldError> {
        let mut errors = state.case_errors(&self.youth, &self.case);
        if !self.birth_known {
            errors.retain(|e| e.field != "birth_date");
            errors.push(FieldError { field: "birth_date", problem: Problem::Required });
        }
        errors
    }
}

/// Case forms left with unsaved edits, by page address. The browser's Back (or a swipe back on a
/// tablet) cannot be asked about, so the edits are kept here and the form opens with them again.
#[derive(Clone, Copy)]
pub struct KeptDrafts(StoredValue<HashMap<String, CaseDraft>>);

impl KeptDrafts {
    /// Provided by the app, above every page.
    pub fn provide() {
        provide_context(Self(StoredValue::new(HashMap::new())));
    }
}

#[component]
pub fn CaseForm(original: Option<CaseDraft>) -> impl IntoView {
    let state = use_state();
    let navigate = use_navigate();
    let form = FormErrors::provide();
    let start = original.clone().unwrap_or_else(|| CaseDraft::blank(&state));
    let address = window().location().pathname().unwrap_or_default();
    let kept = use_context::<KeptDrafts>();
    let restored = kept.and_then(|KeptDrafts(k)| k.try_update_value(|k| k.remove(&address)).flatten());
    let was_restored = RwSignal::new(restored.is_some());
    let draft = RwSignal::new(restored.unwrap_or_else(|| start.clone()));
    let original = StoredValue::new(original);
    let initial = StoredValue::new(start);
    let changed = Signal::derive(move || form.has_bad_input() || initial.with_value(|i| draft.with(|d| d != i)));
    guard_unsaved(changed);
    // Left without saving (and not by Annullér): keep the edits for the next visit.
    let done = StoredValue::new(false);
    on_cleanup(move || {
        let unsaved = !done.try_get_value().unwrap_or(true) && changed.try_get_untracked().unwrap_or(false);
        if let (true, Some(KeptDrafts(k)), Some(d)) = (unsaved, kept, draft.try_get_untracked()) {
            k.try_update_value(|k| k.insert(address, d));
        }
    });
    let discard_kept = move |_| {
        draft.set(initial.get_value());
        was_restored.set(false);
    };
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let next = draft.get_untracked();
        let errors = next.errors(&state);
        if form.has_bad_input() || !errors.is_empty() {
            // Every current problem (also next to a number that does not parse), and no error
            // that was fixed since.
            form.domain.set(errors);
            failed.set(true);
            return;
        }
        let before = original.get_value();
        let navigate = navigate.clone();
        busy.set(true);
        spawn_local(async move {
            let result = state.save_case(before.map(|b| (b.youth, b.case)), next.youth, next.case).await;
            busy.set(false);
            match result {
                Ok(case) => {
                    done.set_value(true);
                    form.domain.set(Vec::new());
                    navigate(&format!("/sager/{}", case.meta.id), Default::default());
                }
                Err(SaveError::Invalid(errors)) => {
                    form.domain.set(errors);
                    failed.set(true);
                }
                Err(SaveError::Storage(e)) => {
                    leptos::logging::error!("{e}");
                    failed.set(true);
                }
            }
        });
    };

    let (pseudonym, set_pseudonym) = lens(draft, |d| d.youth.pseudonym.clone(), |d, v| d.youth.pseudonym = v);
    let (birth, set_birth) = lens(
        draft,
        |d| d.birth_known.then_some(d.youth.birth_date),
        |d, v| {
            d.birth_known = v.is_some();
            if let Some(v) = v {
                d.youth.birth_date = v
            }
        },
    );
    let (gender, set_gender) = opt_enum_lens(draft, &Gender::ALL, |d| d.youth.gender, |d, v| d.youth.gender = v);
    let (district, set_district) = required_id_lens(draft, |d| d.youth.district, |d, v| d.youth.district = v);
    let (school, set_school) = id_lens(draft, |d| d.youth.school, |d, v| d.youth.school = v);
    let (club, set_club) = id_lens(draft, |d| d.youth.club, |d, v| d.youth.club = v);
    let (interests, set_interests) =
        lens(draft, |d| d.youth.interests.join(", "), |d, v| d.youth.interests = split_list(&v));
    let (languages, set_languages) =
        lens(draft, |d| d.youth.languages.join(", "), |d, v| d.youth.languages = split_list(&v));

    let (legal, set_legal) = id_lens(draft, |d| d.case.legal_basis, |d, v| d.case.legal_basis = v);
    let (hours, set_hours) = lens(draft, |d| d.case.hours_per_week, |d, v| d.case.hours_per_week = v);
    let (goals, set_goals) =
        lens(draft, |d| Goal::lines(&d.case.goals), |d, v| d.case.goals = Goal::from_lines(&d.case.goals, &v));
    let (concerns, set_concerns) = ids_lens(draft, |d| &d.case.concerns, |d, v| d.case.concerns = v);
    let (visitation, set_visitation) = lens(draft, |d| d.case.visitation_date, |d, v| d.case.visitation_date = v);
    let (caseworker, set_caseworker) = lens(draft, |d| d.case.caseworker.clone(), |d, v| d.case.caseworker = v);
    let (wish_person, set_wish_person) = id_lens(draft, |d| d.case.wishes.person, |d, v| d.case.wishes.person = v);
    let (wish_gender, set_wish_gender) =
        opt_enum_lens(draft, &Gender::ALL, |d| d.case.wishes.gender, |d, v| d.case.wishes.gender = v);
    let (earlier, set_earlier) = id_lens(draft, |d| d.case.earlier_person, |d, v| d.case.earlier_person = v);
    let (out_of_hours, set_out_of_hours) = lens(draft, |d| d.case.out_of_hours, |d, v| d.case.out_of_hours = v);
    let (note, set_note) = lens(draft, |d| d.case.note.clone(), |d, v| d.case.note = v);

    let clubs = Signal::derive(move || {
        state.providers.with(|p| {
            p.iter()
                .filter(|p| p.kind == ProviderKind::Club && !p.meta.archived)
                .map(|p| (p.meta.id.to_string(), p.name.clone()))
                .collect()
        })
    });
    let persons = choices(state.persons, |p| p.name.clone());
    let is_new = original.with_value(Option::is_none);

    view! {
        <PageHeading text={if is_new { text::CASE_NEW } else { text::CASE_EDIT }}/>
        <Show when=move || was_restored.get()>
            <div class="notice" role="status">
                <p>{text::DRAFT_RESTORED}</p>
                <button type="button" on:click=discard_kept>{text::DRAFT_DISCARD}</button>
            </div>
        </Show>
        <form class="case-form" on:submit=save novalidate>
            <section class="card">
                <h2>{text::YOUTH_SECTION}</h2>
                <TextInput label=text::F_PSEUDONYM name="pseudonym" value=pseudonym on_change=set_pseudonym required=true hint=text::NO_CPR_HINT/>
                <div class="field-row">
                    <DateInput label=text::F_BIRTH_DATE name="birth_date" value=birth on_change=set_birth required=true/>
                    <SelectInput label=text::F_GENDER name="gender" options=enum_choices(&Gender::ALL, text::gender) value=gender on_change=set_gender allow_none=true/>
                </div>
                <div class="field-row">
                    <SelectInput label=text::F_DISTRICT name="district" options=choices(state.districts, |d| d.name.clone()) value=district on_change=set_district required=true allow_none=true none_label=text::CHOOSE/>
                    <SelectInput label=text::F_SCHOOL name="school" options=choices(state.schools, |s| s.name.clone()) value=school on_change=set_school allow_none=true/>
                    <SelectInput label=text::F_CLUB name="club" options=clubs value=club on_change=set_club allow_none=true/>
                </div>
                <div class="field-row">
                    <TextInput label=text::F_INTERESTS name="interests" value=interests on_change=set_interests/>
                    <TextInput label=text::F_LANGUAGES name="languages" value=languages on_change=set_languages/>
                </div>
            </section>
            <section class="card">
                <h2>{text::CASE_SECTION}</h2>
                <div class="field-row">
                    <SelectInput label=text::F_LEGAL_BASIS name="legal_basis" options=choices(state.legal_bases, |l| l.name.clone()) value=legal on_change=set_legal allow_none=true/>
                    <NumberInput label=text::F_HOURS name="hours_per_week" value=hours on_change=set_hours/>
                </div>
                <div class="field-row">
                    <DateInput label=text::F_VISITATION_DATE name="visitation_date" value=visitation on_change=set_visitation/>
                    <TextInput label=text::F_CASEWORKER name="caseworker" value=caseworker on_change=set_caseworker/>
                </div>
                <TextInput label=text::F_GOALS name="goals" value=goals on_change=set_goals multiline=true/>
                <CheckList label=text::F_CONCERNS name="concerns" options=choices(state.concerns, |c| c.name.clone()) selected=concerns on_change=set_concerns/>
            </section>
            <section class="card">
                <h2>{text::MATCH_SECTION}</h2>
                <super::relations::RelationsEditor draft/>
                <div class="field-row">
                    <SelectInput label=text::F_WISH_PERSON name="wishes" options=persons value=wish_person on_change=set_wish_person allow_none=true/>
                    <SelectInput label=text::F_WISH_GENDER name="wish_gender" options=enum_choices(&Gender::ALL, text::gender) value=wish_gender on_change=set_wish_gender allow_none=true/>
                    <SelectInput label=text::F_EARLIER_PERSON name="earlier_person" options=persons value=earlier on_change=set_earlier allow_none=true/>
                </div>
                <super::relations::RuledOutEditor draft/>
                <OutOfHoursInput label=text::F_OUT_OF_HOURS value=out_of_hours on_change=set_out_of_hours/>
                <TextInput label=text::F_NOTE name="note" value=note on_change=set_note multiline=true/>
            </section>
            <Show when=move || failed.get()>
                <p class="form-error" role="alert">{text::FIX_ERRORS}</p>
            </Show>
            <div class="actions sticky">
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { text::SAVING } else { text::SAVE }}
                </button>
                <button type="button" on:click=move |_| {
                    done.set_value(true);
                    let _ = leptos::prelude::window().history().map(|h| h.back());
                }>{text::CANCEL}</button>
            </div>
        </form>
    }
}
