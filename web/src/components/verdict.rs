//! Verdict badges and reason lists.

use leptos::prelude::*;
use partnerfit_core::scorecard::{Evaluation, Verdict};
use partnerfit_core::vocab::Vocabulary;

/// A coloured badge with the verdict's words (colour is never the only cue).
#[component]
pub fn VerdictBadge(verdict: Verdict) -> impl IntoView {
    let class = format!("badge verdict-{}", verdict.key());
    view! { <span class=class data-testid="verdict">{verdict.label()}</span> }
}

/// The reasons behind a verdict, deciding ones first, and the warnings.
#[component]
pub fn Reasons(evaluation: Evaluation) -> impl IntoView {
    let verdict = evaluation.verdict;
    let items = evaluation
        .reasons
        .iter()
        .map(|r| {
            let deciding = r.weight() == verdict;
            let class = if deciding {
                "reason deciding"
            } else {
                "reason"
            };
            view! { <li class=class>{r.to_string()}</li> }
        })
        .collect_view();
    let warnings = evaluation
        .warnings
        .iter()
        .map(|w| view! { <li class="warning">{w.to_string()}</li> })
        .collect_view();
    view! {
        <ul class="reasons" data-testid="reasons">{items}{warnings}</ul>
    }
}
