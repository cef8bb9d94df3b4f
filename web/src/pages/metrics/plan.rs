//! One partner's incentive plan (step 6) against what its deals show: the
//! plan's figures beside the actual ones, the model at plan and at
//! actuals, a sentence on whether the economics hold, and the chart.

use leptos::prelude::*;
use partnerfit_core::governance::plan_actual::Outcome;
use partnerfit_core::governance::{MetricsReport, PartnerMetrics};
use partnerfit_core::incentives::model::deals_text;
use partnerfit_core::words::count;
use partnerfit_core::{Currency, Money};

use super::figures::rate_text;
use crate::components::metric_charts::MetricChart;

fn money_text(m: Option<Money>, c: Currency) -> String {
    m.map_or_else(|| "–".into(), |m| m.display(c))
}

fn deals_or_dash(milli: Option<i64>) -> String {
    milli.map_or_else(|| "–".into(), deals_text)
}

/// Plan against actual for `partner`.
#[component]
pub fn PlanActual(report: MetricsReport, partner: PartnerMetrics) -> impl IntoView {
    let c = report.currency;
    let pa = partner.plan.clone();
    let name = partner.name.clone();
    let Some(plan_name) = pa.plan.clone() else {
        let a = pa.actual;
        return view! {
            <p data-testid="plan-verdict">{format!(
                "{name} has no incentive plan for its type, so step 6's economics cannot be checked. Its new business won: {} per quarter, win rate {}, average deal {}.",
                deals_or_dash(a.deals_per_quarter_milli), rate_text(a.win_rate), money_text(a.deal_size, c)
            )}</p>
        }
        .into_any();
    };
    let planned = pa.at_plan.map(|o| o.figures);
    let a = pa.actual;
    let figure_rows = [
        (
            "Deals per quarter",
            planned.map_or_else(|| "–".into(), |f| deals_text(f.deals_per_quarter_milli)),
            deals_or_dash(a.deals_per_quarter_milli),
        ),
        (
            "Win rate",
            rate_text(planned.map(|f| f.win_rate)),
            rate_text(a.win_rate),
        ),
        (
            "Deal size",
            money_text(planned.map(|f| f.deal_size), c),
            money_text(a.deal_size, c),
        ),
    ];
    type Pick = fn(&Outcome) -> Option<Money>;
    let picks: [(&str, Pick); 4] = [
        ("Partner earns", |o| Some(o.partner_earns)),
        ("We pay", |o| Some(o.we_pay)),
        ("Our contribution", |o| Some(o.contribution)),
        ("Cost per deal", |o| o.cost_per_deal),
    ];
    let outcome_rows = picks.map(|(label, f)| {
        let at = |o: Option<Outcome>| money_text(o.as_ref().and_then(f), c);
        (label, at(pa.at_plan), at(pa.at_actuals))
    });
    let quarters = pa.at_plan.map_or(0, |o| o.quarters);
    let row = |(label, plan, actual): (&'static str, String, String)| {
        view! { <tr data-row=label><th scope="row">{label}</th><td class="num">{plan}</td><td class="num">{actual}</td></tr> }
    };
    let chart = report.plan_chart(&partner.id).map(|chart| {
        view! { <MetricChart chart axis="Figure" currency=c
            name=format!("Plan against actual for {name}: what the partner earns, what we pay and our contribution, at plan and at actuals")/> }
    });
    view! {
        <table class="metrics" data-testid="plan-actual">
            <caption>{format!("{name}: {plan_name} against its new business closed in the window")}</caption>
            <thead><tr><th scope="col">"Figure"</th><th scope="col">"Plan"</th><th scope="col">"Actual"</th></tr></thead>
            <tbody>{figure_rows.map(row).into_iter().collect_view()}</tbody>
        </table>
        <table class="metrics" data-testid="plan-outcome">
            <caption>{format!("The incentive model over {}, at plan and at actuals", count(quarters.into(), "quarter", "quarters"))}</caption>
            <thead><tr><th scope="col">"Figure"</th><th scope="col">"At plan"</th><th scope="col">"At actuals"</th></tr></thead>
            <tbody>{outcome_rows.map(row).into_iter().collect_view()}</tbody>
        </table>
        <p class="plan-verdict" data-testid="plan-verdict">{pa.economics().text(c)}</p>
        {chart}
    }
    .into_any()
}
