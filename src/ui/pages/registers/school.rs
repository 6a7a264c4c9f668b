use crate::domain::{DistrictId, RecordMeta, School, SchoolId};
use crate::ui::components::{register_page, RegisterItem, SelectInput, TextInput};
use crate::ui::lens::{choices, lens};
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
    fn blank(state: &AppState) -> Self {
        let district = state.districts.with_untracked(|d| d.first().map(|d| d.meta.id)).unwrap_or_default();
        School { meta: RecordMeta::new(SchoolId::new()), name: String::new(), district }
    }
    fn sort_key(&self) -> String {
        self.name.clone()
    }
}

fn editor(draft: RwSignal<School>) -> AnyView {
    let state = use_state();
    let (name, set_name) = lens(draft, |d| d.name.clone(), |d, v| d.name = v);
    let district = Signal::derive(move || draft.with(|d| d.district.to_string()));
    let set_district = Callback::new(move |v: String| {
        if let Ok(id) = v.parse::<DistrictId>() {
            draft.update(|d| d.district = id);
        }
    });
    view! {
        <TextInput label=text::F_NAME name="name" value=name on_change=set_name required=true/>
        <SelectInput label=text::F_DISTRICT name="district" options=choices(state.districts, |d| d.name.clone())
            value=district on_change=set_district required=true/>
    }
    .into_any()
}

pub fn schools() -> impl IntoView {
    register_page::<School>(text::SCHOOLS_TITLE, text::SCHOOL_NEW, editor)
}
