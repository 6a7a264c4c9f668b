use crate::domain::{LegalBasis, LegalBasisId, RecordMeta, SchemeKind};
use crate::ui::components::{register_page, NumberInput, RegisterItem, SelectInput, TextInput};
use crate::ui::lens::{enum_choices, enum_lens, lens};
use crate::ui::state::AppState;
use crate::ui::text;
use leptos::prelude::*;

impl RegisterItem for LegalBasis {
    fn title(&self, _: &AppState) -> String {
        self.name.clone()
    }
    fn subtitle(&self, _: &AppState) -> String {
        format!("{} · {}", text::scheme(self.scheme), self.paragraph)
    }
    fn blank(_: &AppState) -> Self {
        LegalBasis {
            meta: RecordMeta::new(LegalBasisId::new()),
            scheme: SchemeKind::ContactPerson,
            name: String::new(),
            paragraph: String::new(),
            age_min: None,
            age_max: None,
        }
    }
    fn sort_key(&self) -> String {
        format!("{:?}{}", self.scheme, self.name)
    }
    fn unique_name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

fn editor(draft: RwSignal<LegalBasis>) -> AnyView {
    let (name, set_name) = lens(draft, |d| d.name.clone(), |d, v| d.name = v);
    let (paragraph, set_paragraph) = lens(draft, |d| d.paragraph.clone(), |d, v| d.paragraph = v);
    let (scheme, set_scheme) = enum_lens(draft, &SchemeKind::ALL, |d| d.scheme, |d, v| d.scheme = v);
    let (age_min, set_age_min) =
        lens(draft, |d| d.age_min.map(f64::from), |d, v| d.age_min = v.map(|x| x.max(0.0) as u32));
    let (age_max, set_age_max) =
        lens(draft, |d| d.age_max.map(f64::from), |d, v| d.age_max = v.map(|x| x.max(0.0) as u32));
    view! {
        <TextInput label=text::F_NAME name="name" value=name on_change=set_name required=true/>
        <TextInput label=text::F_PARAGRAPH name="paragraph" value=paragraph on_change=set_paragraph required=true/>
        <div class="field-row">
            <SelectInput label=text::F_SCHEME name="scheme" options=enum_choices(&SchemeKind::ALL, text::scheme) value=scheme on_change=set_scheme/>
            <NumberInput label=text::F_AGE_MIN name="age_min" value=age_min on_change=set_age_min/>
            <NumberInput label=text::F_AGE_MAX name="age_max" value=age_max on_change=set_age_max/>
        </div>
    }
    .into_any()
}

pub fn legal_bases() -> impl IntoView {
    register_page::<LegalBasis>(text::LEGAL_TITLE, text::LEGAL_NEW, editor)
}
