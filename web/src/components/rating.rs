//! Rating controls: a 1–5 select per criterion, with "not rated".

use leptos::prelude::*;
use partnerfit_core::partner::Score;
use partnerfit_core::Id;

use crate::components::fields::next_id;
use crate::state::{update_partner, use_workspace};

/// The words anchoring 1, 3 and 5 on a rating scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchors {
    pub low: &'static str,
    pub mid: &'static str,
    pub high: &'static str,
}

/// The team rating a partner on a criterion.
pub const TEAM_ANCHORS: Anchors = Anchors {
    low: "poor",
    mid: "adequate",
    high: "excellent",
};

/// A partner rating itself: the top of the scale asks for evidence.
pub const SELF_ANCHORS: Anchors = Anchors {
    low: "not at all",
    mid: "partly",
    high: "fully, with evidence",
};

/// A labelled 1–5 select with "Not rated"; `value` is "" or "1".."5",
/// `on_change` gets the score chosen (None for "Not rated").
#[component]
pub fn ScoreSelect(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The current value: "" when not rated.
    #[prop(into)]
    value: Signal<String>,
    /// The words on 1, 3 and 5.
    anchors: Anchors,
    /// Called with the new score.
    on_change: impl Fn(Option<u8>) + 'static,
) -> impl IntoView {
    let id = next_id();
    let Anchors { low, mid, high } = anchors;
    view! {
        <div class="field rating">
            <label class="label" for=id.clone()>{label}</label>
            <select id=id prop:value=value on:change:target=move |ev| on_change(ev.target().value().parse::<u8>().ok())>
                <option value="">"Not rated"</option>
                <option value="1">{format!("1 — {low}")}</option>
                <option value="2">"2"</option>
                <option value="3">{format!("3 — {mid}")}</option>
                <option value="4">"4"</option>
                <option value="5">{format!("5 — {high}")}</option>
            </select>
        </div>
    }
}

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
    let current = Signal::derive(move || {
        ws.with(|w| {
            w.partner(&p1)
                .and_then(|p| p.ratings.get(&c1))
                .map(|r| r.score.get().to_string())
                .unwrap_or_default()
        })
    });
    let on_change = move |v: Option<u8>| {
        let score = v.and_then(Score::new);
        update_partner(ws, &partner, |p| p.rate(&criterion, score));
    };
    view! { <ScoreSelect label value=current anchors=TEAM_ANCHORS on_change/> }
}
