//! The seed's 30-60-90 plan as a tracker dated from the program's start:
//! steps the workspace can tell tick themselves (with the evidence), the
//! others are ticked by hand; overdue steps stand out.

use leptos::prelude::*;
use partnerfit_core::edit::{Edit, ProgramEdit};
use partnerfit_core::program::plan::{plan, ByWhom, PlanState};
use partnerfit_core::vocab::Vocabulary;

use crate::clock;
use crate::state::use_store;

#[component]
pub fn Plan() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let progress = Memo::new(move |_| store.with(|w| plan(w, today)));
    let error = RwSignal::new(None::<String>);
    view! {
        <p data-testid="plan-day">{move || {
            let p = progress.get();
            match (p.start, p.day) {
                (Some(start), Some(day)) => format!("Day {day} of 90 (day 1: {start}); {} of {} steps done.", p.done, p.items.len()),
                _ => "Set the program's start above to date the plan.".to_owned(),
            }
        }}</p>
        <ul class="plan-list" data-testid="plan">
            {move || progress.get().items.into_iter().map(|item| {
                let step = item.step;
                let (done, by_hand, evidence) = match &item.state {
                    PlanState::Done { by: ByWhom::Workspace(e), .. } => (true, false, Some(e.clone())),
                    PlanState::Done { by: ByWhom::Hand, on } => (true, true, on.map(|d| format!("ticked by hand on {d}"))),
                    PlanState::Open => (false, false, None),
                };
                // A step the workspace shows is done whatever the box says.
                let locked = done && !by_hand;
                let due = item.due.map(|d| format!(" — by {d}")).unwrap_or_default();
                let toggle = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    error.set(store.commit(Edit::Program(ProgramEdit::PlanDone(step, on.then_some(today)))).err());
                };
                view! {
                    <li class:overdue=item.overdue>
                        <label>
                            <input type="checkbox" prop:checked=done disabled=locked on:change=toggle/>
                            " "{step.label()}{due}{item.overdue.then_some(" — overdue")}
                        </label>
                        {evidence.map(|e| view! { <span class="hint">" ("{e}")"</span> })}
                        {(!item.automatic && !done).then(|| view! { <span class="hint">" (tick it by hand: the workspace cannot tell)"</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
        <span class="error" role="alert">{move || error.get()}</span>
    }
}
