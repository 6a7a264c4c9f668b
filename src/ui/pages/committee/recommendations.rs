//! The recommendation for one case: ranked candidates with their score terms, and the blocked
//! candidates with the rules that block them. Explanations come from the engine's evidence.

use crate::allocation::recommend::Recommendation;
use crate::ui::state::{name_in, use_state};
use crate::ui::text;
use leptos::prelude::*;

/// How many ranked candidates to show.
const SHOWN: usize = 3;

#[component]
pub fn Recommendations(recommendation: Recommendation) -> impl IntoView {
    let state = use_state();
    let concern = move |id: String| name_in(state.concerns, &id, |c| c.name.clone());
    let person = move |id: String| name_in(state.persons, &id, |p| p.name.clone());
    let provider = move |id: String| name_in(state.providers, &id, |p| p.name.clone());
    let ranked = recommendation.ranked.iter().take(SHOWN).cloned().collect::<Vec<_>>();
    let blocked = recommendation.blocked.clone();
    let blocked_count = blocked.len();
    view! {
        <section class="recommendations" aria-label=text::RECOMMENDATIONS>
            <h4>{text::RECOMMENDATIONS}</h4>
            {if ranked.is_empty() {
                view! { <p class="form-error">{text::NO_ELIGIBLE}</p> }.into_any()
            } else {
                view! {
                    <ol class="ranked">
                        {ranked.into_iter().map(|c| view! {
                            <li>
                                <div class="cand-head">
                                    <strong>{person(c.person.to_string())}</strong>
                                    <span class="muted">{format!(" · {}", provider(c.provider.to_string()))}</span>
                                    <span class="score">{format!("{} {}", c.score, text::POINTS)}</span>
                                </div>
                                <ul class="terms">
                                    {c.terms.iter().map(|p| view! {
                                        <li class:neg=p.points < 0>
                                            <span>{text::term(&p.term, &concern)}</span>
                                            <span class="num">{format!("{:+}", p.points)}</span>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {(blocked_count > 0).then(|| view! {
                <details class="blocked">
                    <summary>{format!("{} ({blocked_count})", text::BLOCKED_TITLE)}</summary>
                    <ul class="plain">
                        {blocked.into_iter().map(|(p, blocks)| view! {
                            <li><strong>{person(p.to_string())}</strong>": "
                                {blocks.iter().map(|b| text::block(b, &concern)).collect::<Vec<_>>().join("; ")}</li>
                        }).collect_view()}
                    </ul>
                </details>
            })}
        </section>
    }
}
