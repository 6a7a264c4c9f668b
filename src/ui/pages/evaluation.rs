//! Evaluering: the yearly figures by provider kind, legal basis, age group and concern.

use crate::domain::age::AgeGroup;
use crate::report;
use crate::ui::components::PageHeading;
use crate::ui::state::use_state;
use crate::ui::text;
use leptos::prelude::*;

fn age_group(g: AgeGroup) -> &'static str {
    match g {
        AgeGroup::UpTo10 => "−10 år",
        AgeGroup::From11To14 => "11–14 år",
        AgeGroup::From15To17 => "15–17 år",
        AgeGroup::From18 => "18 år −",
    }
}

/// A titled table of counts with a bar per row.
fn count_table(title: &'static str, rows: Vec<(String, usize)>) -> impl IntoView {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1) as f64;
    view! {
        <section class="card">
            <h2>{title}</h2>
            {if rows.is_empty() {
                view! { <p class="empty">{text::NOTHING_DUE}</p> }.into_any()
            } else {
                view! {
                    <table class="load"><tbody>
                        {rows.into_iter().map(|(label, n)| view! {
                            <tr><th scope="row">{label.clone()}</th><td class="num">{n}</td>
                                <td class="bar"><meter min="0" max=max value=n as f64 aria-label=label></meter></td></tr>
                        }).collect_view()}
                    </tbody></table>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn EvaluationPage() -> impl IntoView {
    let state = use_state();
    let figures = Memo::new(move |_| {
        state.cases.with(|c| {
            state.youths.with(|y| {
                state.providers.with(|p| {
                    state.legal_bases.with(|l| state.concerns.with(|k| report::evaluation(c, y, p, l, k, state.today)))
                })
            })
        })
    });
    view! {
        <PageHeading text=text::EVALUATION_TITLE/>
        <p class="lead">{move || figures.with(|e| text::evaluation_scope(e.cases, e.with_person))}</p>
        <div class="grid">
            {move || {
                let e = figures.get();
                view! {
                    {count_table(text::BY_KIND, e.by_kind.into_iter().map(|(k, n)| (text::provider_kind(k).to_string(), n)).collect())}
                    {count_table(text::BY_AGE, e.by_age_group.into_iter().map(|(g, n)| (age_group(g).to_string(), n)).collect())}
                    {count_table(text::BY_LEGAL, e.by_legal_basis.into_iter().collect())}
                    {count_table(text::BY_CONCERN, e.by_concern.into_iter().collect())}
                }
            }}
        </div>
    }
}
