//! Step 6: a partner's incentive plans, modelled quarter by quarter, at
//! scale, with the biggest levers, guardrails and two plans side by side.

mod assumptions;
mod plan_editor;
mod results;

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::edit::{IncentivesEdit, PartnerEdit};
use partnerfit_core::incentives::plan::Plan;
use partnerfit_core::partner::PartnerType;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::clock;
use crate::components::fields::{next_id, Choice};
use crate::components::partner_route::PartnerRoute;
use crate::lens::{Binding, PartnerLens};
use crate::routes::Page;
use crate::state::use_store;

use assumptions::AssumptionsForm;
use plan_editor::PlanEditor;
use results::{Compare, Results};

#[component]
pub fn IncentivesPage() -> impl IntoView {
    view! { <PartnerRoute page=|id| view! { <IncentivesView id/> }/> }
}

/// A new plan of `kind` for the partner, named apart from its other plans.
fn new_plan(lens: PartnerLens, kind: PartnerType) -> Plan {
    lens.with(|p| {
        let id = Id::fresh(
            "plan",
            clock::entropy(),
            p.incentives.plans.iter().map(|x| &x.id),
        );
        let mut plan = Plan::starter(id, kind);
        if p.incentives.plans.iter().any(|x| x.name == plan.name) {
            plan.name = format!("{} {}", plan.name, p.incentives.plans.len() + 1);
        }
        plan
    })
    .unwrap_or_else(|| Plan::starter(Id::generate("plan", clock::entropy()), kind))
}

#[component]
fn IncentivesView(id: Id) -> impl IntoView {
    let lens = PartnerLens::new(use_store(), id.clone());
    let name = lens.memo(|p| p.name.clone());
    let kind_of_partner = lens.memo(|p| p.kind);
    let plans = lens.memo(|p| {
        p.incentives
            .plans
            .iter()
            .map(|x| (x.id.clone(), x.name.clone()))
            .collect::<Vec<_>>()
    });
    // The plan shown: the one chosen, while it exists, else the first.
    let chosen = RwSignal::new(None::<Id>);
    let selected = Memo::new(move |_| {
        plans.with(|ps| {
            chosen
                .get()
                .filter(|c| ps.iter().any(|(id, _)| id == c))
                .or_else(|| ps.first().map(|(id, _)| id.clone()))
        })
    });
    let new_kind = RwSignal::new(kind_of_partner.get_untracked());
    let error = RwSignal::new(None::<String>);
    let add = move |kind: PartnerType| {
        let plan = new_plan(lens, kind);
        let pid = plan.id.clone();
        match lens.apply(PartnerEdit::Incentives(IncentivesEdit::AddPlan(plan))) {
            Ok(()) => {
                chosen.set(Some(pid));
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let remove = move |_| {
        if let Some(pid) = selected.get_untracked() {
            error.set(
                lens.apply(PartnerEdit::Incentives(IncentivesEdit::RemovePlan(pid)))
                    .err(),
            );
        }
    };
    let plan_select = next_id();
    view! {
        <h1>"Incentives: "{name}</h1>
        <p><A href=Page::Partner(id.clone()).link()>"Back to the partner"</A>" · "
           <A href=Page::Motion(id.clone()).link()>"Rules of engagement"</A></p>
        <p class="lede">"Incentives should reward behaviour that creates revenue, not noise. A partner scales only with economics that stay true as volume grows."</p>
        <Show when=move || plans.with(|p| !p.is_empty()) fallback=move || view! {
            <section class="callout" data-testid="no-plan">
                <p>{move || format!(
                    "{} has no incentive plan yet. Start from the {} starter plan (the method's levers for a {} partner), then adjust it.",
                    name.get(), kind_of_partner.get().label().to_lowercase(), kind_of_partner.get().label().to_lowercase()
                )}</p>
                <button type="button" on:click=move |_| add(kind_of_partner.get_untracked())>
                    {move || format!("Start the {} plan", kind_of_partner.get().label().to_lowercase())}
                </button>
            </section>
        }>
            <div class="plan-tabs">
                <div class="field inline">
                    <label class="label" for=plan_select.clone()>"Plan"</label>
                    <select id=plan_select.clone() prop:value=move || selected.get().map(|p| p.to_string()).unwrap_or_default()
                        on:change:target=move |ev| chosen.set(Id::parse(&ev.target().value()).ok())>
                        {move || plans.get().into_iter().map(|(pid, n)| view! { <option value=pid.to_string()>{n}</option> }).collect_view()}
                    </select>
                </div>
                <Choice label="New plan type" binding=Binding::local(new_kind)/>
                <button type="button" on:click=move |_| add(new_kind.get_untracked())>"Add a plan"</button>
                <button type="button" class="danger" on:click=remove>"Delete this plan"</button>
            </div>
        </Show>
        <p class="error" aria-live="polite">{move || error.get()}</p>
        {move || selected.get().map(|plan| view! { <PlanEditor lens plan/> })}
        <AssumptionsForm lens/>
        {move || selected.get().map(|plan| view! { <Results lens plan/> })}
        {move || (plans.with(Vec::len) >= 2).then(|| view! { <Compare lens/> })}
    }
}
