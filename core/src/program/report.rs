//! The program view in one value (`partnerfit program`): the owner and the
//! number, concentration, tiers, inactive partners, enablement against
//! outcomes, the health check and the 30-60-90 plan — as data (serializable
//! for `--json`) and as plain text for a terminal.

use std::fmt::Write;

use serde::Serialize;

use super::concentration::{concentration, Concentration, Pareto};
use super::enablement::{outcome, qualified_days, EnablementOutcome};
use super::health::{health, HealthCheck};
use super::inactive::{inactive, InactivePartner};
use super::number::{number, window_text, NumberView};
use super::plan::{plan, ByWhom, PlanProgress, PlanState};
use super::tiers::{tier_window, tiers, TierPlacement};
use crate::date::Date;
use crate::governance::Window;
use crate::money::Currency;
use crate::vocab::Vocabulary;
use crate::words::count;
use crate::workspace::Workspace;

/// Everything the program view shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProgramReport {
    pub company: String,
    pub currency: Currency,
    pub today: Date,
    pub number: NumberView,
    pub concentration: Concentration,
    pub tier_window: Window,
    /// Partners in pilot or active.
    pub tiers: Vec<TierPlacement>,
    pub inactive: Vec<InactivePartner>,
    /// Partners (not archived) with enablement logged.
    pub enablement: Vec<EnablementOutcome>,
    pub health: HealthCheck,
    pub plan: PlanProgress,
}

/// The program view of `ws` on `today`.
pub fn report(ws: &Workspace, today: Date) -> ProgramReport {
    let days = qualified_days(ws, today);
    ProgramReport {
        company: ws.profile.name.clone(),
        currency: ws.profile.currency,
        today,
        number: number(ws, today),
        concentration: concentration(ws, today),
        tier_window: tier_window(ws, today),
        tiers: tiers(ws, today),
        inactive: inactive(ws, today),
        enablement: ws
            .partners
            .iter()
            .zip(&days)
            .filter(|(p, _)| !p.archived && p.enablement.iter().any(|e| e.date <= today))
            .map(|(p, q)| outcome(p, q, today))
            .collect(),
        health: health(ws, today),
        plan: plan(ws, today),
    }
}

fn pareto(out: &mut String, title: &str, p: &Pareto, c: Currency) {
    let _ = writeln!(out, "  {title}: {} in all", p.total.display(c));
    let _ = writeln!(out, "    {}", p.sentence);
    for (i, r) in p
        .partners
        .iter()
        .enumerate()
        .filter(|(_, r)| r.amount.0 != 0)
    {
        let mark = if i < p.top { "*" } else { " " };
        let _ = writeln!(
            out,
            "   {mark} {:<32} {:>18} {:>7} {:>7}",
            r.name,
            r.amount.display(c),
            r.share.percent_text(),
            r.cumulative.percent_text()
        );
    }
}

impl ProgramReport {
    /// The report as text for a terminal.
    pub fn text(&self) -> String {
        let c = self.currency;
        let mut out = String::new();
        let company = if self.company.is_empty() {
            "(no company name)"
        } else {
            &self.company
        };
        let _ = writeln!(out, "Program of {company} on {}", self.today);

        let n = &self.number;
        let _ = writeln!(out, "\nThe number ({})", n.quarter.label);
        let _ = writeln!(
            out,
            "  Owner: {}",
            if n.owner.is_empty() {
                "nobody yet"
            } else {
                &n.owner
            }
        );
        let _ = writeln!(
            out,
            "  {}: {} against a target of {}{}",
            n.number.label(),
            n.actual.display(c),
            n.target.display(c),
            n.share.map_or_else(String::new, |s| format!(" ({s})"))
        );
        let _ = writeln!(
            out,
            "  {}: {}",
            n.previous.quarter.label,
            n.previous.actual.display(c)
        );

        let k = &self.concentration;
        let _ = writeln!(out, "\nConcentration, {}", k.window_text);
        pareto(&mut out, "Partner revenue", &k.revenue, c);
        pareto(&mut out, "Partner-sourced pipeline", &k.pipeline, c);

        let _ = writeln!(out, "\nTiers, {}", window_text(&self.tier_window));
        if self.tiers.is_empty() {
            let _ = writeln!(out, "  No partners in pilot or active yet.");
        }
        for t in &self.tiers {
            let f = &t.figures;
            let _ = writeln!(
                out,
                "  {}: {} (sourced {}, won {}, win rate {})",
                t.name,
                if t.tier_name.is_empty() {
                    "no tier"
                } else {
                    &t.tier_name
                },
                f.sourced.display(c),
                f.won.display(c),
                f.win_rate
                    .map_or_else(|| "– (nothing closed)".into(), |r| r.percent_text())
            );
            for m in &t.missed {
                let _ = writeln!(out, "    not the tier above: {m}");
            }
        }

        let _ = writeln!(out, "\nInactive partners");
        if self.inactive.is_empty() {
            let _ = writeln!(out, "  None.");
        }
        for i in &self.inactive {
            let _ = writeln!(out, "  {} ({})", i.name, i.reason.label().to_lowercase());
            for e in &i.evidence {
                let _ = writeln!(out, "    - {e}");
            }
            let _ = writeln!(out, "    Suggested: {}", i.suggestion);
        }

        let _ = writeln!(out, "\nEnablement against outcomes");
        if self.enablement.is_empty() {
            let _ = writeln!(out, "  No enablement logged.");
        }
        for e in &self.enablement {
            let _ = writeln!(
                out,
                "  {}: {} in {}, {}{}",
                e.name,
                e.hours_text,
                count(e.entries, "entry", "entries"),
                count(
                    e.qualified as usize,
                    "qualified opportunity",
                    "qualified opportunities"
                ),
                e.minutes_per_qualified
                    .map_or_else(String::new, |m| format!(
                        " ({} each)",
                        super::enablement::hours_text(m)
                    ))
            );
            if let Some(flag) = &e.flag {
                let _ = writeln!(out, "    ! {flag}");
            }
        }

        let h = &self.health;
        let _ = writeln!(out, "\nHealth check: {} of {} pass", h.passing, h.total);
        for i in &h.items {
            let _ = writeln!(
                out,
                "  [{}] {}: {}",
                if i.pass { "x" } else { " " },
                i.check.label(),
                i.reason
            );
        }

        let p = &self.plan;
        let _ = write!(out, "\n30-60-90 plan");
        match (p.start, p.day) {
            (Some(s), Some(d)) => {
                let _ = writeln!(
                    out,
                    " from {s}, day {d}: {} of {} done",
                    p.done,
                    p.items.len()
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    ": no start date set, {} of {} done",
                    p.done,
                    p.items.len()
                );
            }
        }
        for i in &p.items {
            let (mark, how) = match &i.state {
                PlanState::Done {
                    by: ByWhom::Workspace(e),
                    ..
                } => ("x", e.clone()),
                PlanState::Done {
                    on,
                    by: ByWhom::Hand,
                } => (
                    "x",
                    on.map_or_else(
                        || "ticked by hand".into(),
                        |d| format!("ticked by hand on {d}"),
                    ),
                ),
                PlanState::Open if i.overdue => (" ", "overdue".into()),
                PlanState::Open if !i.automatic => (" ", "tick by hand".into()),
                PlanState::Open => (" ", String::new()),
            };
            let due = i.due.map_or_else(String::new, |d| format!(" (due {d})"));
            let how = if how.is_empty() {
                how
            } else {
                format!(": {how}")
            };
            let _ = writeln!(out, "  [{mark}] {}{due}{how}", i.step.label());
        }
        out
    }
}
