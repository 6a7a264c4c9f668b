//! The case list: search, filters and sort over every case, kept fast for 10,000 cases by
//! precomputing a row per case and rendering only the first page of matches.

use crate::domain::age::age_on;
use crate::domain::{CaseStatus, ConcernId, DistrictId, LegalBasisId};
use crate::ui::components::PageHeading;
use crate::ui::components::{more, Choice, SelectInput, ShowMore};
use crate::ui::lens::{choices, enum_choices};
use crate::ui::state::use_state;
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use std::collections::HashMap;

/// What the list shows and filters on, computed once per data change.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    pseudonym: String,
    search: String,
    status: CaseStatus,
    district: Option<DistrictId>,
    district_name: String,
    legal_basis: Option<LegalBasisId>,
    concerns: Vec<ConcernId>,
    received: chrono::NaiveDate,
    age: u32,
    hours: Option<f64>,
}

#[derive(Clone, Copy, PartialEq)]
enum Sort {
    Received,
    Pseudonym,
    Status,
    Age,
}

const SORTS: [(Sort, &str, &str); 4] = [
    (Sort::Received, "received", text::SORT_RECEIVED),
    (Sort::Pseudonym, "pseudonym", text::SORT_PSEUDONYM),
    (Sort::Status, "status", text::SORT_STATUS),
    (Sort::Age, "age", text::SORT_AGE),
];

/// The case list's address with its search, filters and sort (`/sager?distrikt=…`), kept for the
/// way back from a case.
#[derive(Clone, Copy)]
pub struct ListAddress(RwSignal<String>);

impl ListAddress {
    /// Provided by the app, above every page.
    pub fn provide() {
        provide_context(Self(RwSignal::new(LIST.to_string())));
    }

    /// The list as it was last shown.
    pub fn last() -> String {
        use_context::<Self>().map_or_else(|| LIST.to_string(), |Self(address)| address.get_untracked())
    }
}

const LIST: &str = "/sager";

#[component]
pub fn CaseList() -> impl IntoView {
    let state = use_state();
    // The search, filters and sort live in the address, so a reload or the way back from a case
    // shows the list as it was left.
    let address = use_query_map();
    let from_address = |key: &str, default: &str| {
        RwSignal::new(address.with_untracked(|a| a.get(key)).unwrap_or_else(|| default.to_string()))
    };
    let query = from_address("soeg", "");
    let status = from_address("status", "");
    let district = from_address("distrikt", "");
    let legal = from_address("grundlag", "");
    let concern = from_address("bekymring", "");
    let sort = from_address("sortering", "received");
    let shown = RwSignal::new(more::STEP);
    let navigate = use_navigate();
    let last = use_context::<ListAddress>();
    Effect::new(move |_| {
        let mut params = ParamsMap::new();
        let fields =
            [("soeg", query), ("status", status), ("distrikt", district), ("grundlag", legal), ("bekymring", concern)];
        for (key, value) in fields.into_iter().chain((sort.get() != "received").then_some(("sortering", sort))) {
            let value = value.get();
            if !value.is_empty() {
                params.insert(key, value);
            }
        }
        let next = format!("{LIST}{}", params.to_query_string());
        if let Some(ListAddress(last)) = last {
            last.set(next.clone());
        }
        if address.with_untracked(|a| a.to_query_string()) != params.to_query_string() {
            navigate(&next, NavigateOptions { replace: true, scroll: false, ..Default::default() });
        }
    });

    let rows = Memo::new(move |_| {
        let districts: HashMap<DistrictId, String> =
            state.districts.with(|d| d.iter().map(|d| (d.meta.id, d.name.clone())).collect());
        state.youths.with(|youths| {
            let by_id: HashMap<_, _> = youths.iter().map(|y| (y.meta.id, y)).collect();
            state.cases.with(|cases| {
                cases
                    .iter()
                    .filter(|c| !c.meta.archived)
                    .map(|c| {
                        let youth = by_id.get(&c.youth);
                        let pseudonym = youth.map(|y| y.pseudonym.clone()).unwrap_or_default();
                        let d = youth.map(|y| y.district);
                        Row {
                            id: c.meta.id.to_string(),
                            search: format!("{} {}", pseudonym.to_lowercase(), c.caseworker.to_lowercase()),
                            pseudonym,
                            status: c.status,
                            district: d,
                            district_name: d.and_then(|d| districts.get(&d).cloned()).unwrap_or_default(),
                            legal_basis: c.legal_basis,
                            concerns: c.concerns.clone(),
                            received: c.received,
                            age: youth.map(|y| age_on(y.birth_date, state.today)).unwrap_or(0),
                            hours: c.hours_per_week,
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });

    let matches = Memo::new(move |_| {
        let q = query.get().trim().to_lowercase();
        let status_f = status.get();
        let district_f: Option<DistrictId> = district.get().parse().ok();
        let legal_f: Option<LegalBasisId> = legal.get().parse().ok();
        let concern_f: Option<ConcernId> = concern.get().parse().ok();
        let sort_by = SORTS.iter().find(|s| s.1 == sort.get()).map(|s| s.0).unwrap_or(Sort::Received);
        rows.with(|rows| {
            let mut hits: Vec<usize> = (0..rows.len())
                .filter(|&i| {
                    let r = &rows[i];
                    (q.is_empty() || r.search.contains(&q))
                        && (status_f.is_empty() || format!("{:?}", r.status) == status_f)
                        && (district_f.is_none() || r.district == district_f)
                        && (legal_f.is_none() || r.legal_basis == legal_f)
                        && concern_f.is_none_or(|c| r.concerns.contains(&c))
                })
                .collect();
            let row = |i: &usize| &rows[*i];
            match sort_by {
                Sort::Received => hits.sort_by(|a, b| {
                    let (a, b) = (row(a), row(b));
                    b.received.cmp(&a.received).then_with(|| a.id.cmp(&b.id))
                }),
                Sort::Pseudonym => hits.sort_by_cached_key(|i| (row(i).pseudonym.to_lowercase(), row(i).id.clone())),
                Sort::Status => hits.sort_by(|a, b| {
                    let (a, b) = (row(a), row(b));
                    a.status.cmp(&b.status).then_with(|| b.received.cmp(&a.received))
                }),
                Sort::Age => hits.sort_by(|a, b| {
                    let (a, b) = (row(a), row(b));
                    a.age.cmp(&b.age).then_with(|| a.id.cmp(&b.id))
                }),
            }
            // Positions in `rows`, not copies: only the rows on the page are cloned for the view.
            hits
        })
    });
    let page = move || {
        matches.with(|m| rows.with(|rows| m.iter().take(shown.get()).map(|&i| rows[i].clone()).collect::<Vec<_>>()))
    };
    let total = move || matches.with(Vec::len);
    let reset_page = move || shown.set(more::STEP);
    let has_any = move || total() != 0;

    let sort_choices: Signal<Vec<Choice>> =
        Signal::derive(|| SORTS.iter().map(|s| (s.1.to_string(), s.2.to_string())).collect());
    let filter = |signal: RwSignal<String>| {
        Callback::new(move |v: String| {
            signal.set(v);
            reset_page();
        })
    };

    view! {
        <div class="page-head">
            <PageHeading text=text::CASES_TITLE/>
            <A href="/sager/ny" attr:class="button primary">{text::CASE_NEW}</A>
        </div>
        <div class="filters card" role="search">
            <div class="field grow">
                <label for="case-search">{text::CASE_SEARCH}</label>
                <input id="case-search" type="search" autocomplete="off"
                    prop:value=move || query.get()
                    on:input=move |ev| { query.set(event_target_value(&ev)); reset_page(); }/>
            </div>
            <SelectInput label=text::F_STATUS name="filter-status" options=enum_choices(&CaseStatus::ALL, text::status)
                value=status on_change=filter(status) allow_none=true none_label=text::ALL/>
            <SelectInput label=text::F_DISTRICT name="filter-district" options=choices(state.districts, |d| d.name.clone())
                value=district on_change=filter(district) allow_none=true none_label=text::ALL/>
            <SelectInput label=text::F_LEGAL_BASIS name="filter-legal" options=choices(state.legal_bases, |l| l.name.clone())
                value=legal on_change=filter(legal) allow_none=true none_label=text::ALL/>
            <SelectInput label=text::F_CONCERNS name="filter-concern" options=choices(state.concerns, |c| c.name.clone())
                value=concern on_change=filter(concern) allow_none=true none_label=text::ALL/>
            <SelectInput label=text::SORT_BY name="sort" options=sort_choices value=sort on_change=filter(sort)/>
        </div>
        <p class="count" aria-live="polite">{move || text::count(total() as u64, text::CASE_COUNT.0, text::CASE_COUNT.1)}</p>
        <Show when=has_any fallback=|| view! { <p class="empty">{text::CASE_NONE}</p> }>
            <ul class="rows cases">
                <For each=page key=|r| r.id.clone() let:row>
                    <li class="row">
                        <A href=format!("/sager/{}", row.id) attr:class="row-main">
                            <span class="row-title">{row.pseudonym.clone()}</span>
                            <span class="row-sub">
                                {format!("{} · {} · modtaget {}{}", text::age_years(row.age), row.district_name,
                                    text::date(row.received), row.hours.map(|h| format!(" · {} t/uge", text::hours(h))).unwrap_or_default())}
                            </span>
                            <span class=format!("status status-{:?}", row.status)>{text::status(row.status)}</span>
                        </A>
                    </li>
                </For>
            </ul>
            <ShowMore total=Signal::derive(total) shown/>
        </Show>
    }
}
