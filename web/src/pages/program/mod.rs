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
        <section aria-labelledby="program-number">
            <h2 id="program-number">"One owner, one number"</h2>
            <number::NumberCard/>
            <owner::OwnerAndNumber/>
        </section>
        <section aria-labelledby="program-health-heading" id="program-health">
            <h2 id="program-health-heading">"Health check"</h2>
            <health::HealthCheck/>
        </section>
        <section aria-labelledby="program-portfolio-heading" id="program-portfolio">
            <h2 id="program-portfolio-heading">"Portfolio: the 80/20"</h2>
            <portfolio::Concentration/>
        </section>
        <section aria-labelledby="program-tiers-heading" id="program-tiers">
            <h2 id="program-tiers-heading">"Tiers by performance"</h2>
            <portfolio::TierPlacements/>
            <tiers::TierRules/>
        </section>
        <section aria-labelledby="program-inactive-heading" id="program-inactive">
            <h2 id="program-inactive-heading">"Inactive partners"</h2>
            <portfolio::Inactive/>
            <tiers::InactiveDays/>
        </section>
        <section aria-labelledby="program-enablement-heading" id="program-enablement">
            <h2 id="program-enablement-heading">"Enablement against outcomes"</h2>
            <enablement::EnablementOutcomes/>
        </section>
        <section aria-labelledby="program-rhythm-heading" id="program-rhythm">
            <h2 id="program-rhythm-heading">"Operating rhythm"</h2>
            <rhythm::Rhythm/>
        </section>
        <section aria-labelledby="program-plan-heading" id="program-plan">
            <h2 id="program-plan-heading">"The 30-60-90 plan"</h2>
            <plan::Plan/>
        </section>
    }
}
