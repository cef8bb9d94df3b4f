//! Rating controls: a 1–5 select per criterion, with "not rated".

use leptos::prelude::*;
use partnerfit_core::partner::Score;
use partnerfit_core::Id;

use crate::components::fields::next_id;
use crate::state::{update_partner, use_workspace};

/// A select rating one criterion of one partner. Reactive: it follows the workspace.
#[component]
pub fn RatingSelect(
    /// The partner rated.
    partner: Id,
    /// The criterion rated.
    criterion: Id,
    /// The visible label (the criterion's wording).
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let ws = use_workspace();
    let (p1, c1) = (partner.clone(), criterion.clone());
    let current = move || {
        ws.with(|w| {
            w.partner(&p1)
                .and_then(|p| p.ratings.get(&c1))
                .map(|r| r.score.get().to_string())
                .unwrap_or_default()
        })
    };
    let on_change = move |v: String| {
        let score = v.parse::<u8>().ok().and_then(Score::new);
        update_partner(ws, &partner, |p| p.rate(&criterion, score));
    };
    let id = next_id();
    view! {
        <div class="field rating">
            <label class="label" for=id.clone()>{label}</label>
            <select id=id prop:value=current on:change:target=move |ev| on_change(ev.target().value())>
                <option value="">"Not rated"</option>
                <option value="1">"1 — poor"</option>
                <option value="2">"2"</option>
                <option value="3">"3 — adequate"</option>
                <option value="4">"4"</option>
                <option value="5">"5 — excellent"</option>
            </select>
        </div>
    }
}
