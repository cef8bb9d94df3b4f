//! Rating controls: a 1–5 select per criterion, with "not rated".

use leptos::prelude::*;
use partnerfit_core::partner::Score;
use partnerfit_core::Id;

use partnerfit_core::edit::PartnerEdit;

use crate::components::fields::next_id;
use crate::lens::PartnerLens;

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
/// `on_change` gets the score chosen (None for "Not rated"). A score
/// refused (`Err`, in words) goes back to `value`, with the reason beside.
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
    /// Called with the new score; `Err` is the refusal in words.
    on_change: impl Fn(Option<u8>) -> Result<(), String> + 'static,
) -> impl IntoView {
    let id = next_id();
    let err_id = format!("{id}-error");
    let error = RwSignal::new(None::<String>);
    let Anchors { low, mid, high } = anchors;
    view! {
        <div class="field rating">
            <label class="label" for=id.clone()>{label}</label>
            <select id=id prop:value=value
                aria-invalid=move || error.get().is_some().to_string() aria-describedby=err_id.clone()
                on:change:target=move |ev| {
                    error.set(on_change(ev.target().value().parse::<u8>().ok()).err());
                    ev.target().set_value(&value.get_untracked());
                }>
                <option value="">"Not rated"</option>
                <option value="1">{format!("1 — {low}")}</option>
                <option value="2">"2"</option>
                <option value="3">{format!("3 — {mid}")}</option>
                <option value="4">"4"</option>
                <option value="5">{format!("5 — {high}")}</option>
            </select>
            <span class="error" id=err_id aria-live="polite">{move || error.get()}</span>
        </div>
    }
}

/// A select rating one criterion of one partner: it follows the workspace
/// and rates through the partner's lens.
#[component]
pub fn RatingSelect(
    /// The partner rated.
    partner: PartnerLens,
    /// The criterion rated.
    criterion: Id,
    /// The visible label (the criterion's wording).
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let key = StoredValue::new(criterion);
    let current = partner.memo(move |p| {
        key.with_value(|c| {
            p.ratings
                .get(c)
                .map(|r| r.score.get().to_string())
                .unwrap_or_default()
        })
    });
    let on_change = move |v: Option<u8>| {
        let score = v.and_then(Score::new);
        partner.apply(PartnerEdit::Rate(key.get_value(), score))
    };
    view! { <ScoreSelect label value=current anchors=TEAM_ANCHORS on_change/> }
}
