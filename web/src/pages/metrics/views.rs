//! The whole program, or one partner against direct deals.

use leptos::prelude::*;
use partnerfit_core::governance::{MetricsReport, PartnerMetrics};
use partnerfit_core::vocab::Vocabulary;

use super::figures::{CycleTable, FunnelTable, PipelineTable, RetentionTable, WinRateTable};
use super::plan::PlanActual;
use crate::components::metric_charts::MetricChart;

/// "by month" / "by quarter".
fn by(r: &MetricsReport) -> String {
    format!("by {}", r.period.label().to_lowercase())
}

/// The program's figures, and each partner's plan against actual.
#[component]
pub fn ProgramView(report: MetricsReport) -> impl IntoView {
    let r = report;
    let c = r.currency;
    let p = r.program.clone();
    let pipeline = r.pipeline_chart(None, false).map(|chart| {
        view! { <MetricChart chart axis="Period" currency=c
            name=format!("Pipeline created {}: partner-sourced, partner-influenced and direct amounts", by(&r))/> }
    });
    let plans = if r.partners.is_empty() {
        view! { <p>"No partner has deals, or is in pilot or active: there is no plan to check."</p> }.into_any()
    } else {
        r.partners
            .iter()
            .map(|pm| {
                let kind = pm.kind.map_or("unknown partner", |k| k.label());
                view! {
                    <h3>{pm.name.clone()}" ("{kind}")"</h3>
                    <PlanActual report=r.clone() partner=pm.clone()/>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section aria-labelledby="m-pipeline" data-testid="program">
            <h2 id="m-pipeline">"Pipeline created"</h2>
            <PipelineTable periods=r.periods.clone() created=p.created total=p.created_total currency=c direct=true/>
            {pipeline}
        </section>
        <section aria-labelledby="m-funnel">
            <h2 id="m-funnel">"Stage progression and win rate"</h2>
            <FunnelTable who="Partner".into() partner=p.funnel.partner direct=p.funnel.direct/>
            <MetricChart chart=r.funnel_chart() axis="Stage" currency=c
                name="Stage funnel: deals reaching each stage, partner against direct"/>
            <WinRateTable who="Partner".into() partner=p.win_rate.partner direct=p.win_rate.direct/>
        </section>
        <section aria-labelledby="m-cycle">
            <h2 id="m-cycle">"Cycle time"</h2>
            <CycleTable who="Partner-sourced".into() partner=p.cycle.partner direct=p.cycle.direct/>
            <MetricChart chart=r.cycle_chart() axis="Deals won" currency=c
                name="Median cycle time in days, partner-sourced against direct"/>
        </section>
        <section aria-labelledby="m-retention">
            <h2 id="m-retention">"Retention and expansion"</h2>
            <RetentionTable who="Partner-influenced accounts".into() partner=p.retention.partner
                direct=p.retention.direct currency=c/>
        </section>
        <section aria-labelledby="m-plans">
            <h2 id="m-plans">"Plan against actual"</h2>
            {plans}
        </section>
    }
}

/// One partner's figures beside the direct ones, and its plan against
/// actual.
#[component]
pub fn PartnerView(report: MetricsReport, partner: PartnerMetrics) -> impl IntoView {
    let r = report;
    let c = r.currency;
    let pm = partner;
    let name = pm.name.clone();
    let direct = r.program.clone();
    let kind = pm.kind.map_or("unknown partner", |k| k.label());
    let pipeline = r.pipeline_chart(Some(&pm.id), false).map(|chart| {
        view! { <MetricChart chart axis="Period" currency=c
        name=format!("Pipeline created with {name} {}: sourced and influenced amounts", by(&r))/> }
    });
    view! {
        <section aria-labelledby="m-pipeline" data-testid="partner">
            <h2 id="m-pipeline">{name.clone()}" ("{kind}"): pipeline created"</h2>
            <PipelineTable periods=r.periods.clone() created=pm.created.clone() total=pm.created_total
                currency=c direct=false/>
            {pipeline}
        </section>
        <section aria-labelledby="m-funnel">
            <h2 id="m-funnel">"Stage progression and win rate"</h2>
            <FunnelTable who=name.clone() partner=pm.funnel.clone() direct=direct.funnel.direct/>
            <WinRateTable who=name.clone() partner=pm.win_rate direct=direct.win_rate.direct/>
        </section>
        <section aria-labelledby="m-cycle">
            <h2 id="m-cycle">"Cycle time"</h2>
            <CycleTable who=format!("{name}, sourced") partner=pm.cycle direct=direct.cycle.direct/>
        </section>
        <section aria-labelledby="m-retention">
            <h2 id="m-retention">"Retention and expansion"</h2>
            <RetentionTable who=format!("{name}'s accounts") partner=pm.retention
                direct=direct.retention.direct currency=c/>
        </section>
        <section aria-labelledby="m-plans">
            <h2 id="m-plans">"Plan against actual"</h2>
            <PlanActual report=r.clone() partner=pm.clone()/>
        </section>
    }
}
