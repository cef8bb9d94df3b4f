//! The decision: the recommendation (expand, reset with fixes, exit) with
//! its reasons, at the end or on demand, and recording what the user
//! decides — which moves the partner's status.

use leptos::prelude::*;
use partnerfit_core::edit::pilot::DECISION_REASON;
use partnerfit_core::edit::{PilotEdit, TextKind};
use partnerfit_core::pilot::evaluate::PilotState;
use partnerfit_core::pilot::recommend::recommend;
use partnerfit_core::pilot::Decision as Choice;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::capitalised;

use super::pilot_edit;
use crate::components::fields::{next_id, DateField, TextField};
use crate::lens::{Binding, PartnerLens};

#[component]
pub fn Decision(
    lens: PartnerLens,
    /// How the pilot is going (the page's).
    state: Memo<Option<PilotState>>,
) -> impl IntoView {
    let today = crate::clock::today();
    let rec = Memo::new(move |_| {
        state.with(|s| {
            s.as_ref()
                .map(|s| (s.ended || s.day >= s.days, recommend(s)))
        })
    });
    let on_demand = RwSignal::new(false);
    let decision = RwSignal::new(None::<Choice>);
    let date = RwSignal::new(today);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let decide = move |_| {
        let Some((due, r)) = rec.get_untracked() else {
            return;
        };
        // "As recommended" only once the recommendation is on screen.
        let shown = due || on_demand.get_untracked();
        let Some(d) = decision.get_untracked().or(shown.then_some(r.decision)) else {
            error.set(Some(
                "Choose a decision, or judge the pilot now to see the recommendation.".into(),
            ));
            return;
        };
        let fixes = if d == Choice::Reset {
            r.fixes_for_reset()
        } else {
            Vec::new()
        };
        error.set(
            lens.apply(pilot_edit(PilotEdit::Decide {
                decision: d,
                date: date.get_untracked(),
                reason: reason.get_untracked(),
                fixes,
            }))
            .err(),
        );
    };
    let select_id = next_id();
    view! {
        <section class="pilot-decision" aria-labelledby="pilot-decision" data-testid="pilot-decision">
            <h2 id="pilot-decision">"Decision"</h2>
            {move || rec.get().map(|(due, r)| if due || on_demand.get() {
                view! {
                    <p data-testid="recommendation">"Recommendation: "<strong>{r.decision.label()}</strong></p>
                    <ul data-testid="recommendation-reasons">{r.reasons.iter().map(|x| view! { <li>{capitalised(&x.text())}</li> }).collect_view()}</ul>
                    {(!r.fixes().is_empty()).then(|| view! {
                        <p>"A reset would ask the next pilot to fix:"</p>
                        <ul data-testid="recommendation-fixes">{r.fixes().into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                    })}
                }.into_any()
            } else {
                view! {
                    <p>"The recommendation comes at the end of the pilot."</p>
                    <button type="button" on:click=move |_| on_demand.set(true)>"Judge the pilot now"</button>
                }.into_any()
            })}
            <div class="field">
                <label class="label" for=select_id.clone()>"Your decision"</label>
                <select id=select_id on:change:target=move |ev| decision.set(Choice::from_key(&ev.target().value()))>
                    <option value="">"As recommended"</option>
                    {Choice::ALL.iter().map(|c| view! { <option value=c.key()>{c.label()}</option> }).collect_view()}
                </select>
            </div>
            <DateField label="Decision date" binding={Binding::local(date)}/>
            <TextField label=DECISION_REASON kind=TextKind::Long binding=Binding::local(reason)/>
            <button type="button" on:click=decide>"Record the decision"</button>
            <p class="hint">"Expand makes the partner active; exit moves it to exited; reset starts a new pilot with the fixes listed."</p>
            <span class="error" role="alert">{move || error.get()}</span>
        </section>
    }
}
