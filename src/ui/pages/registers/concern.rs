use crate::domain::{Concern, ConcernId, KindRouting, ProviderKind, RecordMeta, Routing};
use crate::ui::components::{register_page, RegisterItem, SelectInput, TextInput};
use crate::ui::lens::{enum_choices, enum_lens, lens};
use crate::ui::state::AppState;
use crate::ui::text;
use leptos::prelude::*;

impl RegisterItem for Concern {
    fn title(&self, _: &AppState) -> String {
        self.name.clone()
    }
    fn subtitle(&self, _: &AppState) -> String {
        ProviderKind::ALL
            .iter()
            .map(|k| format!("{}: {}", text::provider_kind(*k), text::routing(self.routing.get(*k))))
            .collect::<Vec<_>>()
            .join(" · ")
    }
    fn blank(_: &AppState) -> Self {
        Concern { meta: RecordMeta::new(ConcernId::new()), name: String::new(), routing: KindRouting::default() }
    }
    fn sort_key(&self) -> String {
        self.name.clone()
    }
    fn unique_name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

fn editor(draft: RwSignal<Concern>) -> AnyView {
    let (name, set_name) = lens(draft, |d| d.name.clone(), |d, v| d.name = v);
    let (club, set_club) = enum_lens(draft, &Routing::ALL, |d| d.routing.club, |d, v| d.routing.club = v);
    let (internal, set_internal) =
        enum_lens(draft, &Routing::ALL, |d| d.routing.internal, |d, v| d.routing.internal = v);
    let (external, set_external) =
        enum_lens(draft, &Routing::ALL, |d| d.routing.external, |d, v| d.routing.external = v);
    let options = enum_choices(&Routing::ALL, text::routing);
    view! {
        <TextInput label=text::F_NAME name="name" value=name on_change=set_name required=true/>
        <div class="field-row">
            <SelectInput label=text::provider_kind(ProviderKind::Club) name="routing.club" options value=club on_change=set_club/>
            <SelectInput label=text::provider_kind(ProviderKind::Internal) name="routing.internal" options value=internal on_change=set_internal/>
            <SelectInput label=text::provider_kind(ProviderKind::External) name="routing.external" options value=external on_change=set_external/>
        </div>
    }
    .into_any()
}

pub fn concerns() -> impl IntoView {
    register_page::<Concern>(text::CONCERNS_TITLE, text::CONCERN_NEW, editor)
}
