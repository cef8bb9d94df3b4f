//! `partnerfit incentives FILE --partner ID [--json]`: a partner's incentive
//! plans modelled quarter by quarter, at scale, and the biggest levers.

use std::process::ExitCode;

use partnerfit_core::incentives::eligibility::eligibility;
use partnerfit_core::incentives::model::deals_text;
use partnerfit_core::incentives::model::{model, package_text, Model};
use partnerfit_core::incentives::plan::Terms;
use partnerfit_core::incentives::scale::{bp_text, notes, scale, tornado};
use partnerfit_core::incentives::validate::payout_problems;
use partnerfit_core::Currency;
use serde_json::json;

use crate::input::PartnerFile;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file and the partner.
    #[command(flatten)]
    at: PartnerFile,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

fn model_json(m: &Model, c: Currency) -> serde_json::Value {
    json!({
        "quarters": m.quarters.iter().map(|q| json!({
            "quarter": q.quarter,
            "qualified": q.qualified_milli as f64 / 1000.0,
            "won": q.won_milli as f64 / 1000.0,
            "renewing": q.renewing_milli as f64 / 1000.0,
            "revenue_minor": q.revenue.0,
            "partner_earns_minor": q.partner_earns.0,
            "we_pay_minor": q.we_pay.0,
            "net_revenue_minor": q.net_revenue.0,
            "contribution_minor": q.contribution.0,
            "tier": q.tier,
        })).collect::<Vec<_>>(),
        "totals": {
            "revenue_minor": m.totals.revenue.0,
            "partner_earns_minor": m.totals.partner_earns.0,
            "we_pay_minor": m.totals.we_pay.0,
            "net_revenue_minor": m.totals.net_revenue.0,
            "contribution_minor": m.totals.contribution.0,
        },
        "contribution_margin_bp": m.contribution_margin_bp,
        "partner_cost_per_deal_minor": m.partner_cost_per_deal.map(|x| x.0),
        "direct_cost_per_deal_minor": m.direct_cost_per_deal.0,
        "partner_earns_per_deal_minor": m.partner_earns_per_deal.map(|x| x.0),
        "flags": m.flags.iter().map(|f| f.text(c)).collect::<Vec<_>>(),
    })
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let Some((ws, at)) = a.at.open()? else {
        return Ok(ExitCode::from(1));
    };
    let p = &ws.partners[at];
    let c = ws.profile.currency;
    let inc = &p.incentives;
    if inc.plans.is_empty() {
        eprintln!("{} has no incentive plan yet", p.name);
        return Ok(ExitCode::from(1));
    }
    if a.json {
        let plans: Vec<_> = inc
            .plans
            .iter()
            .map(|plan| {
                json!({
                    "id": plan.id.to_string(),
                    "name": plan.name,
                    "currency": c.code(),
                    "model": model_json(&model(plan, &inc.assumptions, 1), c),
                    "scale": scale(plan, &inc.assumptions).iter().map(|r| json!({
                        "volume": r.volume,
                        "contribution_minor": r.totals.contribution.0,
                        "contribution_margin_bp": r.contribution_margin_bp,
                        "tier": r.tier,
                        "notes": r.notes,
                    })).collect::<Vec<_>>(),
                    "tornado": tornado(plan, &inc.assumptions, c).iter().map(|s| json!({
                        "assumption": s.assumption,
                        "low": s.low_label, "high": s.high_label,
                        "contribution_low_minor": s.low.0, "contribution_high_minor": s.high.0,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({ "partner": p.name, "plans": plans }))
                .map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    for plan in &inc.plans {
        let m = model(plan, &inc.assumptions, 1);
        println!("{} — {} ({})\n", p.name, plan.name, c);
        println!(
            "{:>3} {:>8} {:>8} {:>16} {:>16} {:>16} {:>16} {:>16}",
            "Q",
            "qualif.",
            "won",
            "revenue",
            "partner earns",
            "we pay",
            "net revenue",
            "contribution"
        );
        for q in &m.quarters {
            println!(
                "{:>3} {:>8} {:>8} {:>16} {:>16} {:>16} {:>16} {:>16}",
                q.quarter,
                deals_text(q.qualified_milli),
                deals_text(q.won_milli),
                q.revenue.amount_text(c),
                q.partner_earns.amount_text(c),
                q.we_pay.amount_text(c),
                q.net_revenue.amount_text(c),
                q.contribution.amount_text(c)
            );
        }
        let t = &m.totals;
        println!(
            "{:>3} {:>8} {:>8} {:>16} {:>16} {:>16} {:>16} {:>16}",
            "all",
            "",
            deals_text(t.won_milli),
            t.revenue.amount_text(c),
            t.partner_earns.amount_text(c),
            t.we_pay.amount_text(c),
            t.net_revenue.amount_text(c),
            t.contribution.amount_text(c)
        );
        println!(
            "\ncontribution margin {}; cost per partner deal {} vs direct {}",
            bp_text(m.contribution_margin_bp),
            m.partner_cost_per_deal
                .map(|x| x.display(c))
                .unwrap_or_else(|| "–".into()),
            m.direct_cost_per_deal.display(c)
        );
        println!(
            "the partner earns {} per deal",
            m.partner_earns_per_deal
                .map(|x| x.display(c))
                .unwrap_or_else(|| "–".into())
        );
        if let Some(t) = package_text(plan, c) {
            println!("{t}");
        }
        for f in &m.flags {
            println!("! {}", f.text(c));
        }
        for pr in payout_problems(plan, &inc.assumptions, c) {
            println!("! {}: {}", pr.field.label(), pr.message);
        }
        if let Terms::Referral(r) = &plan.terms {
            if let Some(e) = eligibility(
                &r.quality,
                r.meeting_fee,
                &p.id,
                ws.pipeline.of_partner(&p.id),
            ) {
                println!("now, from the pipeline: {}", e.text(c));
            }
        }
        println!("\nAt scale:");
        let rows = scale(plan, &inc.assumptions);
        for r in &rows {
            println!(
                "  {:>3}×  contribution {:>16}  margin {:>7}  tier {}",
                r.volume,
                r.totals.contribution.display(c),
                bp_text(r.contribution_margin_bp),
                r.tier.as_deref().unwrap_or("–")
            );
        }
        for n in notes(&m, &rows, c) {
            println!("  ! {n}");
        }
        println!("\nWhat moves the contribution most (each assumption ±20%):");
        for s in tornado(plan, &inc.assumptions, c).iter().take(5) {
            println!(
                "  {:<30} {} → {}   |   {} → {}",
                s.assumption,
                s.low_label,
                s.high_label,
                s.low.display(c),
                s.high.display(c)
            );
        }
        println!();
    }
    Ok(ExitCode::SUCCESS)
}
