//! The program view: one owner and one number, the health check of common
//! mistakes, the 80/20 portfolio, tiers by measured performance, inactive
//! partners, enablement against outcomes, the operating rhythm and the
//! 30-60-90 plan. Every figure is the core's (`program::…`), computed once
//! per change of the workspace.

mod enablement;
mod health;
pub mod number;
mod owner;
mod plan;
mod portfolio;
mod rhythm;
mod tiers;

use leptos::prelude::*;

#[component]
pub fn ProgramPage() -> impl IntoView {
    view! {
        <h1>"Program"</h1>
        <p class="lede">"Partnerships become real when leadership installs accountability: one owner for the number, a simple operating rhythm, a tight portfolio measured on revenue."</p>
        <Part id="program-number" title="One owner, one number">
            <number::NumberCard/>
            <owner::OwnerAndNumber/>
        </Part>
        <Part id="program-health" title="Health check">
            <health::HealthCheck/>
        </Part>
        <Part id="program-portfolio" title="Portfolio: the 80/20">
            <portfolio::Concentration/>
        </Part>
        <Part id="program-tiers" title="Tiers by performance">
            <portfolio::TierPlacements/>
            <tiers::TierRules/>
        </Part>
        <Part id="program-inactive" title="Inactive partners">
            <portfolio::Inactive/>
            <tiers::InactiveDays/>
        </Part>
        <Part id="program-enablement" title="Enablement against outcomes">
            <enablement::EnablementOutcomes/>
        </Part>
        <Part id="program-rhythm" title="Operating rhythm">
            <rhythm::Rhythm/>
        </Part>
        <Part id="program-plan" title="The 30-60-90 plan">
            <plan::Plan/>
        </Part>
    }
}

/// One part of the program view: a section with its heading, reachable at
/// `#id` (the health check's links point there).
#[component]
fn Part(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    let heading = format!("{id}-heading");
    let labelled_by = heading.clone();
    view! {
        <section aria-labelledby=labelled_by id=id>
            <h2 id=heading>{title}</h2>
            {children()}
        </section>
    }
}
