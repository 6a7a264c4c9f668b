use crate::allocation::context::carried_assignment;
use crate::domain::person::{Certificates, OutOfHours};
use crate::domain::{ContactPerson, Gender, PersonId, ProviderId, RecordMeta};
use crate::ui::components::{
    register_page, split_list, CheckList, DateInput, NumberInput, OutOfHoursInput, RegisterItem, SelectInput, TextInput,
};
use crate::ui::lens::{choices, enum_choices, ids_lens, lens, opt_enum_lens, required_id_lens};
use crate::ui::state::{name_in, use_state, AppState};
use crate::ui::text;
use leptos::prelude::*;

impl RegisterItem for ContactPerson {
    fn title(&self, _: &AppState) -> String {
        self.name.clone()
    }
    fn subtitle(&self, state: &AppState) -> String {
        let provider = name_in(state.providers, &self.provider.to_string(), |p| p.name.clone());
        let used: f64 = state.cases.with(|cases| {
            cases
                .iter()
                .filter(|c| carried_assignment(c).is_some_and(|a| a.person == self.meta.id))
                .filter_map(|c| c.hours_per_week)
                .sum()
        });
        let mut parts = vec![
            provider,
            format!(
                "{} / {} {}{}",
                text::hours(used),
                text::hours(self.capacity_hours),
                text::HOURS_USED,
                if used > self.capacity_hours { format!(" · {}", text::OVERBOOKED) } else { String::new() }
            ),
        ];
        let settings = state.settings.get_untracked();
        // What any case needs (the børneattest, only for a child under 15, shows on the agenda).
        let problems = self.certificates.problems(15, state.today, settings.certificate_valid_months);
        parts.extend(problems.iter().map(text::certificate_problem));
        parts.join(" · ")
    }
    fn archive_warning(&self, state: &AppState) -> Option<String> {
        let carried = state.cases.with_untracked(|cases| {
            cases.iter().filter(|c| carried_assignment(c).is_some_and(|a| a.person == self.meta.id)).count()
        });
        (carried > 0).then(|| text::archive_person_warning(&self.name, carried))
    }
    fn blank(_: &AppState) -> Self {
        ContactPerson {
            meta: RecordMeta::new(PersonId::new()),
            provider: ProviderId::unset(),
            name: String::new(),
            gender: None,
            birth_year: None,
            background: String::new(),
            expertise: Vec::new(),
            interests: Vec::new(),
            languages: Vec::new(),
            availability: OutOfHours::default(),
            capacity_hours: 0.0,
            certificates: Certificates::default(),
        }
    }
    fn sort_key(&self) -> String {
        self.name.clone()
    }
}

fn editor(draft: RwSignal<ContactPerson>) -> AnyView {
    let state = use_state();
    let (name, set_name) = lens(draft, |d| d.name.clone(), |d, v| d.name = v);
    let (provider, set_provider) = required_id_lens(draft, |d| d.provider, |d, v| d.provider = v);
    let (gender, set_gender) = opt_enum_lens(draft, &Gender::ALL, |d| d.gender, |d, v| d.gender = v);
    let (birth_year, set_birth_year) =
        lens(draft, |d| d.birth_year.map(f64::from), |d, v| d.birth_year = v.map(|x| x as i32));
    let (background, set_background) = lens(draft, |d| d.background.clone(), |d, v| d.background = v);
    let (expertise, set_expertise) = ids_lens(draft, |d| &d.expertise, |d, v| d.expertise = v);
    let (interests, set_interests) = lens(draft, |d| d.interests.join(", "), |d, v| d.interests = split_list(&v));
    let (languages, set_languages) = lens(draft, |d| d.languages.join(", "), |d, v| d.languages = split_list(&v));
    let (capacity, set_capacity) = lens(draft, |d| Some(d.capacity_hours), |d, v| d.capacity_hours = v.unwrap_or(0.0));
    let (availability, set_availability) = lens(draft, |d| d.availability, |d, v| d.availability = v);
    let (criminal, set_criminal) =
        lens(draft, |d| d.certificates.criminal_record, |d, v| d.certificates.criminal_record = v);
    let (child, set_child) = lens(draft, |d| d.certificates.child_record, |d, v| d.certificates.child_record = v);
    let (secrecy, set_secrecy) =
        lens(draft, |d| d.certificates.confidentiality, |d, v| d.certificates.confidentiality = v);
    view! {
        <TextInput label=text::F_NAME name="name" value=name on_change=set_name required=true/>
        <SelectInput label=text::F_PROVIDER name="provider" options=choices(state.providers, |p| p.name.clone())
            value=provider on_change=set_provider required=true allow_none=true none_label=text::CHOOSE/>
        <div class="field-row">
            <SelectInput label=text::F_GENDER name="gender" options=enum_choices(&Gender::ALL, text::gender) value=gender on_change=set_gender allow_none=true/>
            <NumberInput label=text::F_BIRTH_YEAR name="birth_year" value=birth_year on_change=set_birth_year/>
            <NumberInput label=text::F_CAPACITY name="capacity_hours" value=capacity on_change=set_capacity required=true/>
        </div>
        <TextInput label=text::F_BACKGROUND name="background" value=background on_change=set_background/>
        <CheckList label=text::F_EXPERTISE name="expertise" options=choices(state.concerns, |c| c.name.clone()) selected=expertise on_change=set_expertise/>
        <div class="field-row">
            <TextInput label=text::F_INTERESTS name="interests" value=interests on_change=set_interests/>
            <TextInput label=text::F_LANGUAGES name="languages" value=languages on_change=set_languages/>
        </div>
        <OutOfHoursInput label=text::F_AVAILABILITY value=availability on_change=set_availability/>
        <div class="field-row">
            <DateInput label=text::F_CRIMINAL_RECORD name="certificates.criminal_record" value=criminal on_change=set_criminal/>
            <DateInput label=text::F_CHILD_RECORD name="certificates.child_record" value=child on_change=set_child/>
            <DateInput label=text::F_CONFIDENTIALITY name="certificates.confidentiality" value=secrecy on_change=set_secrecy/>
        </div>
    }
    .into_any()
}

pub fn persons() -> impl IntoView {
    register_page::<ContactPerson>(text::PERSONS_TITLE, text::PERSON_NEW, editor)
}
