use crate::domain::{DistrictId, RecordMeta, School, SchoolId};
use crate::ui::components::{register_page, RegisterItem, SelectInput, TextInput};
use crate::ui::lens::{choices, lens, required_id_lens};
use crate::ui::state::{name_in, use_state, AppState};
use crate::ui::text;
use leptos::prelude::*;

impl RegisterItem for School {
    fn title(&self, _: &AppState) -> String {
        self.name.clone()
    }
    fn subtitle(&self, state: &AppState) -> String {
        name_in(state.districts, &self.district.to_string(), |d| d.name.clone())
    }
    fn blank(_: &AppState) -> Self {
        School { meta: RecordMeta::new(SchoolId::new()), name: String::new(), district: DistrictId::unset() }
    }
    fn sort_key(&self) -> String {
        self.name.clone()
    }
    fn unique_name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

fn editor(draft: RwSignal<School>) -> AnyView {
    let state = use_state();
    let (name, set_name) = lens(draft, |d| d.name.clone(), |d, v| d.name = v);
    let (district, set_district) = required_id_lens(draft, |d| d.district, |d, v| d.district = v);
    view! {
        <TextInput label=text::F_NAME name="name" value=name on_change=set_name required=true/>
        <SelectInput label=text::F_DISTRICT name="district" options=choices(state.districts, |d| d.name.clone())
            value=district on_change=set_district required=true allow_none=true none_label=text::CHOOSE/>
    }
    .into_any()
}

pub fn schools() -> impl IntoView {
    register_page::<School>(text::SCHOOLS_TITLE, text::SCHOOL_NEW, editor)
}
