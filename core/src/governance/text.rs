//! The metrics report as plain text for a terminal (`partnerfit metrics`).

use std::fmt::Write;

use super::cycle::Cycle;
use super::pipeline::{Step, WinRate};
use super::plan_actual::{Outcome, PlanVsActual};
use super::report::{MetricsReport, PartnerMetrics};
use super::retention::Retention;
use super::split::Amounts;
use crate::incentives::model::deals_text;
use crate::money::{Currency, Money};
use crate::vocab::Vocabulary;
use crate::words::count;

fn deals(a: Amounts, c: Currency) -> String {
    format!(
        "{}, {}",
        count(a.count as usize, "deal", "deals"),
        a.amount.display(c)
    )
}

fn rate_or_dash(r: Option<crate::rate::Rate>) -> String {
    r.map_or_else(|| "–".into(), |r| r.percent_text())
}

fn win_rate(w: &WinRate) -> String {
    match w.rate {
        Some(r) => format!("{r} ({} won, {} lost)", w.won, w.lost),
        None => "nothing closed".into(),
    }
}

fn cycle(c: &Cycle) -> String {
    match (c.median_days, c.shortest_days, c.longest_days) {
        (Some(m), Some(lo), Some(hi)) => format!(
            "median {} ({}, {lo}–{hi} days)",
            count(m as usize, "day", "days"),
            count(c.deals as usize, "deal", "deals")
        ),
        _ => "no deal won".into(),
    }
}

fn retention(r: &Retention, c: Currency) -> String {
    match (r.gross, r.net) {
        (Some(g), Some(n)) => format!(
            "gross {g}, net {n} (renewals won {}, lost {}; expansions won {})",
            deals(r.renewals_won, c),
            deals(r.renewals_lost, c),
            deals(r.expansions_won, c)
        ),
        _ => "no renewal closed".into(),
    }
}

fn step(s: &Step) -> String {
    match (s.moved_on, s.rate) {
        (Some(m), Some(r)) => format!("{} → {m} ({r})", s.reached),
        (Some(m), None) => format!("{} → {m}", s.reached),
        (None, _) => s.reached.to_string(),
    }
}

fn money_or_dash(m: Option<Money>, c: Currency) -> String {
    m.map_or_else(|| "–".into(), |m| m.display(c))
}

impl MetricsReport {
    /// The report in words and tables.
    pub fn text(&self) -> String {
        let c = self.currency;
        let mut out = String::new();
        let company = if self.company.is_empty() {
            "(no company name)"
        } else {
            &self.company
        };
        let _ = writeln!(
            out,
            "{company}: partner program metrics, {} to {} (by {}; {} quarters)",
            self.window.from,
            self.window.to,
            self.period.label().to_lowercase(),
            deals_text(self.quarters_milli)
        );
        let p = &self.program;
        let _ = writeln!(
            out,
            "\nPipeline created\n  {:<10} {:<28} {:<28} Direct",
            "Period", "Partner-sourced", "Partner-influenced"
        );
        let rows = self
            .periods
            .iter()
            .map(|s| s.label.as_str())
            .zip(&p.created);
        for (label, s) in rows.chain([("Total", &p.created_total)]) {
            let _ = writeln!(
                out,
                "  {label:<10} {:<28} {:<28} {}",
                deals(s.sourced, c),
                deals(s.influenced, c),
                deals(s.direct, c)
            );
        }
        let _ = writeln!(
            out,
            "\nStage progression (deals created in the window: reached → moved on)"
        );
        let _ = writeln!(out, "  {:<18} {:<22} Direct", "Stage", "Partner");
        for (a, b) in p.funnel.partner.iter().zip(&p.funnel.direct) {
            let _ = writeln!(out, "  {:<18} {:<22} {}", a.stage.label(), step(a), step(b));
        }
        let _ = writeln!(out, "\nWin rate (deals closed in the window)");
        let _ = writeln!(out, "  Partner: {}", win_rate(&p.win_rate.partner));
        let _ = writeln!(out, "  Direct: {}", win_rate(&p.win_rate.direct));
        let _ = writeln!(
            out,
            "\nCycle time (deals won in the window, creation to close)"
        );
        let _ = writeln!(out, "  Partner-sourced: {}", cycle(&p.cycle.partner));
        let _ = writeln!(out, "  Direct: {}", cycle(&p.cycle.direct));
        let _ = writeln!(
            out,
            "\nRetention (renewals and expansions closed in the window)"
        );
        let _ = writeln!(
            out,
            "  Partner-influenced accounts: {}",
            retention(&p.retention.partner, c)
        );
        let _ = writeln!(
            out,
            "  Direct accounts: {}",
            retention(&p.retention.direct, c)
        );
        let _ = writeln!(
            out,
            "\n{}",
            count(self.partners.len(), "partner", "partners")
        );
        for partner in &self.partners {
            partner_text(&mut out, partner, c);
        }
        out
    }
}

fn partner_text(out: &mut String, p: &PartnerMetrics, c: Currency) {
    let kind = p.kind.map_or("unknown partner", |k| k.label());
    let _ = writeln!(out, "\n  {} ({kind})", p.name);
    let t = &p.created_total;
    let _ = writeln!(
        out,
        "    Created: sourced {}; influenced {}",
        deals(t.sourced, c),
        deals(t.influenced, c)
    );
    let funnel: Vec<String> = p
        .funnel
        .iter()
        .filter(|s| s.moved_on.is_some())
        .map(|s| rate_or_dash(s.rate))
        .collect();
    let _ = writeln!(out, "    Progression by stage: {}", funnel.join(" / "));
    let _ = writeln!(out, "    Win rate: {}", win_rate(&p.win_rate));
    let _ = writeln!(out, "    Cycle time (sourced): {}", cycle(&p.cycle));
    let _ = writeln!(
        out,
        "    Retention of its accounts: {}",
        retention(&p.retention, c)
    );
    plan_text(out, &p.plan, c);
}

/// One figure of a model's outcome.
type Pick = fn(&Outcome) -> Option<Money>;

fn plan_text(out: &mut String, pa: &PlanVsActual, c: Currency) {
    let a = &pa.actual;
    let Some(name) = &pa.plan else {
        let _ = writeln!(
            out,
            "    No plan for its type; new business won: {} per quarter, win rate {}, average {}",
            a.deals_per_quarter_milli
                .map_or_else(|| "–".into(), deals_text),
            rate_or_dash(a.win_rate),
            money_or_dash(a.deal_size, c)
        );
        return;
    };
    let planned = pa.at_plan.map(|o| o.figures);
    let _ = writeln!(out, "    Plan against actual ({name}; new business):");
    let _ = writeln!(out, "      {:<20} {:<22} Actual", "", "Plan");
    let _ = writeln!(
        out,
        "      {:<20} {:<22} {}",
        "Deals per quarter",
        planned.map_or_else(|| "–".into(), |f| deals_text(f.deals_per_quarter_milli)),
        a.deals_per_quarter_milli
            .map_or_else(|| "–".into(), deals_text)
    );
    let _ = writeln!(
        out,
        "      {:<20} {:<22} {}",
        "Win rate",
        rate_or_dash(planned.map(|f| f.win_rate)),
        rate_or_dash(a.win_rate)
    );
    let _ = writeln!(
        out,
        "      {:<20} {:<22} {}",
        "Deal size",
        money_or_dash(planned.map(|f| f.deal_size), c),
        money_or_dash(a.deal_size, c)
    );
    let field = |o: Option<Outcome>, f: Pick| money_or_dash(o.as_ref().and_then(f), c);
    let quarters = pa.at_plan.map_or(0, |o| o.quarters);
    let _ = writeln!(
        out,
        "      {:<20} {:<22} At actuals",
        format!("Over {}", count(quarters.into(), "quarter", "quarters")),
        "At plan"
    );
    let rows: [(&str, Pick); 4] = [
        ("Partner earns", |o| Some(o.partner_earns)),
        ("We pay", |o| Some(o.we_pay)),
        ("Contribution", |o| Some(o.contribution)),
        ("Cost per deal", |o| o.cost_per_deal),
    ];
    for (label, f) in rows {
        let _ = writeln!(
            out,
            "      {label:<20} {:<22} {}",
            field(pa.at_plan, f),
            field(pa.at_actuals, f)
        );
    }
}
