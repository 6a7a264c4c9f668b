use crate::domain::{CommitteeMember, CommitteeRole, MemberId, RecordMeta};
use crate::ui::components::{register_page, RegisterItem, SelectInput, TextInput};
use crate::ui::lens::{choices, enum_choices, enum_lens, id_lens, lens};
use crate::ui::state::{name_in, use_state, AppState};
use crate::ui::text;
use leptos::prelude::*;

impl RegisterItem for CommitteeMember {
    fn title(&self, _: &AppState) -> String {
        self.name.clone()
    }
    fn subtitle(&self, state: &AppState) -> String {
        let place = match self.district {
            Some(d) => name_in(state.districts, &d.to_string(), |d| d.name.clone()),
            None => text::STANDING_MEMBER.to_string(),
        };
        format!("{} · {place}", text::role(self.role))
    }
    fn blank(_: &AppState) -> Self {
        CommitteeMember {
            meta: RecordMeta::new(MemberId::new()),
            name: String::new(),
            role: CommitteeRole::School,
            district: None,
        }
    }
    fn sort_key(&self) -> String {
        format!("{:?}{}", self.role, self.name)
    }
}

fn editor(draft: RwSignal<CommitteeMember>) -> AnyView {
    let state = use_state();
    let (name, set_name) = lens(draft, |d| d.name.clone(), |d, v| d.name = v);
    let (role, set_role) = enum_lens(draft, &CommitteeRole::ALL, |d| d.role, |d, v| d.role = v);
    let (district, set_district) = id_lens(draft, |d| d.district, |d, v| d.district = v);
    view! {
        <TextInput label=text::F_NAME name="name" value=name on_change=set_name required=true/>
        <div class="field-row">
            <SelectInput label=text::F_ROLE name="role" options=enum_choices(&CommitteeRole::ALL, text::role) value=role on_change=set_role/>
            <SelectInput label=text::F_DISTRICT name="district" options=choices(state.districts, |d| d.name.clone())
                value=district on_change=set_district allow_none=true/>
        </div>
    }
    .into_any()
}

pub fn members() -> impl IntoView {
    register_page::<CommitteeMember>(text::MEMBERS_TITLE, text::MEMBER_NEW, editor)
}
