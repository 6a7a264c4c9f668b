use crate::domain::{District, DistrictId, RecordMeta};
use crate::ui::components::{register_page, CheckList, RegisterItem, TextInput};
use crate::ui::lens::{choices, ids_lens, lens};
use crate::ui::state::{use_state, AppState};
use crate::ui::text;
use leptos::prelude::*;

impl RegisterItem for District {
    fn title(&self, _: &AppState) -> String {
        self.name.clone()
    }
    fn subtitle(&self, state: &AppState) -> String {
        let names: Vec<String> = state
            .districts
            .with(|all| all.iter().filter(|d| self.neighbours.contains(&d.meta.id)).map(|d| d.name.clone()).collect());
        if names.is_empty() {
            String::new()
        } else {
            format!("{}: {}", text::F_NEIGHBOURS, names.join(", "))
        }
    }
    fn blank(_: &AppState) -> Self {
        District { meta: RecordMeta::new(DistrictId::new()), name: String::new(), neighbours: Vec::new() }
    }
    fn sort_key(&self) -> String {
        self.name.clone()
    }
    fn unique_name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

fn editor(draft: RwSignal<District>) -> AnyView {
    let state = use_state();
    let (name, set_name) = lens(draft, |d| d.name.clone(), |d, v| d.name = v);
    let (neighbours, set_neighbours) = ids_lens(draft, |d| &d.neighbours, |d, v| d.neighbours = v);
    let all = choices(state.districts, |d| d.name.clone());
    let others = Signal::derive(move || {
        let me = draft.with(|d| d.meta.id.to_string());
        all.get().into_iter().filter(|(v, _)| *v != me).collect()
    });
    view! {
        <TextInput label=text::F_NAME name="name" value=name on_change=set_name required=true/>
        <CheckList label=text::F_NEIGHBOURS name="neighbours" options=others selected=neighbours on_change=set_neighbours/>
    }
    .into_any()
}

pub fn districts() -> impl IntoView {
    register_page::<District>(text::DISTRICTS_TITLE, text::DISTRICT_NEW, editor)
}
