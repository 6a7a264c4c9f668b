use crate::allocation::context::carried_assignment;
use crate::domain::{Provider, ProviderId, ProviderKind, RecordMeta};
use crate::ui::components::{register_page, NumberInput, RegisterItem, SelectInput, TextInput};
use crate::ui::lens::{choices, enum_choices, enum_lens, id_lens, lens};
use crate::ui::state::{name_in, use_state, AppState};
use crate::ui::text;
use leptos::prelude::*;

impl RegisterItem for Provider {
    fn title(&self, _: &AppState) -> String {
        self.name.clone()
    }
    fn subtitle(&self, state: &AppState) -> String {
        let mut parts = vec![text::provider_kind(self.kind).to_string()];
        if let Some(d) = self.district {
            parts.push(name_in(state.districts, &d.to_string(), |d| d.name.clone()));
        }
        if let Some(cap) = self.hour_cap {
            let used: f64 = state.cases.with(|cases| {
                cases
                    .iter()
                    .filter(|c| carried_assignment(c).is_some_and(|a| a.provider == self.meta.id))
                    .filter_map(|c| c.hours_per_week)
                    .sum()
            });
            parts.push(format!(
                "{} / {} {}{}",
                text::hours(used),
                text::hours(cap),
                text::HOURS_USED,
                if used > cap { format!(" · {}", text::OVERBOOKED) } else { String::new() }
            ));
        }
        parts.join(" · ")
    }
    fn archive_warning(&self, state: &AppState) -> Option<String> {
        let persons = state.persons.with_untracked(|persons| {
            persons.iter().filter(|p| p.provider == self.meta.id && !p.meta.archived).count()
        });
        let carried = state.cases.with_untracked(|cases| {
            cases.iter().filter(|c| carried_assignment(c).is_some_and(|a| a.provider == self.meta.id)).count()
        });
        (persons + carried > 0).then(|| text::archive_provider_warning(&self.name, persons, carried))
    }
    fn blank(_: &AppState) -> Self {
        Provider {
            meta: RecordMeta::new(ProviderId::new()),
            kind: ProviderKind::Club,
            name: String::new(),
            district: None,
            age_min: None,
            age_max: None,
            hour_cap: None,
            hourly_rate: 0,
        }
    }
    fn sort_key(&self) -> String {
        format!("{:?}{}", self.kind, self.name)
    }
    fn unique_name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

fn editor(draft: RwSignal<Provider>) -> AnyView {
    let state = use_state();
    let (name, set_name) = lens(draft, |d| d.name.clone(), |d, v| d.name = v);
    let (kind, set_kind) = enum_lens(draft, &ProviderKind::ALL, |d| d.kind, |d, v| d.kind = v);
    let (district, set_district) = id_lens(draft, |d| d.district, |d, v| d.district = v);
    let (age_min, set_age_min) =
        lens(draft, |d| d.age_min.map(f64::from), |d, v| d.age_min = v.map(|x| x.max(0.0) as u32));
    let (age_max, set_age_max) =
        lens(draft, |d| d.age_max.map(f64::from), |d, v| d.age_max = v.map(|x| x.max(0.0) as u32));
    let (cap, set_cap) = lens(draft, |d| d.hour_cap, |d, v| d.hour_cap = v);
    let (rate, set_rate) =
        lens(draft, |d| Some(f64::from(d.hourly_rate)), |d, v| d.hourly_rate = v.unwrap_or(0.0).max(0.0) as u32);
    view! {
        <TextInput label=text::F_NAME name="name" value=name on_change=set_name required=true/>
        <SelectInput label=text::F_KIND name="kind" options=enum_choices(&ProviderKind::ALL, text::provider_kind) value=kind on_change=set_kind/>
        <SelectInput label=text::F_DISTRICT name="district" options=choices(state.districts, |d| d.name.clone())
            value=district on_change=set_district allow_none=true/>
        <div class="field-row">
            <NumberInput label=text::F_AGE_MIN name="age_min" value=age_min on_change=set_age_min/>
            <NumberInput label=text::F_AGE_MAX name="age_max" value=age_max on_change=set_age_max/>
        </div>
        <div class="field-row">
            <NumberInput label=text::F_HOUR_CAP name="hour_cap" value=cap on_change=set_cap/>
            <NumberInput label=text::F_RATE name="hourly_rate" value=rate on_change=set_rate/>
        </div>
    }
    .into_any()
}

pub fn providers() -> impl IntoView {
    register_page::<Provider>(text::PROVIDERS_TITLE, text::PROVIDER_NEW, editor)
}
