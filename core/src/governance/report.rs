//! The metrics report: the program's figures and each partner's, as data
//! (serializable, the series the app charts) — [`report`].

use serde::Serialize;

use super::cycle::Cycle;
use super::pipeline::{Step, WinRate};
use super::plan_actual::{plan_vs_actual, PlanVsActual};
use super::retention::Retention;
use super::split::{Amounts, Split};
use super::tally::{tally, Group};
use super::window::{Period, PeriodSpan, Periods, Window};
use crate::id::Id;
use crate::money::Currency;
use crate::partner::{PartnerType, Status};
use crate::workspace::Workspace;

/// A partner figure beside the direct one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Versus<T> {
    /// Partner-sourced and partner-influenced together (for cycle time:
    /// partner-sourced; for retention: partner-influenced accounts).
    pub partner: T,
    pub direct: T,
}

/// The whole program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Program {
    /// Pipeline created in each period, in the order of the report's periods.
    pub created: Vec<Split<Amounts>>,
    pub created_total: Split<Amounts>,
    pub funnel: Versus<Vec<Step>>,
    pub win_rate: Versus<WinRate>,
    /// Partner-sourced against direct.
    pub cycle: Versus<Cycle>,
    /// Partner-influenced accounts against the others.
    pub retention: Versus<Retention>,
}

/// One partner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartnerMetrics {
    pub id: Id,
    /// The partner's name, or its id when no partner has it.
    pub name: String,
    /// `None` for an id no partner has.
    #[serde(rename = "type")]
    pub kind: Option<PartnerType>,
    /// Its pipeline created in each period (sourced and influenced; direct
    /// stays zero).
    pub created: Vec<Split<Amounts>>,
    pub created_total: Split<Amounts>,
    /// Its deals (sourced and influenced).
    pub funnel: Vec<Step>,
    pub win_rate: WinRate,
    /// Its sourced deals won in the window.
    pub cycle: Cycle,
    /// The accounts it sourced or influenced a deal in.
    pub retention: Retention,
    pub plan: PlanVsActual,
}

/// Everything the `metrics` command and the governance page show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MetricsReport {
    pub company: String,
    pub currency: Currency,
    pub window: Window,
    pub period: Period,
    /// Calendar quarters in the window, in thousandths.
    pub quarters_milli: i64,
    pub periods: Vec<PeriodSpan>,
    pub program: Program,
    /// Partners with a deal of any date, or in pilot or active, in the
    /// workspace's order; then partner ids no partner has.
    pub partners: Vec<PartnerMetrics>,
}

fn total(created: &[Split<Amounts>]) -> Split<Amounts> {
    created.iter().fold(Split::default(), |t, c| Split {
        sourced: t.sourced.plus(c.sourced),
        influenced: t.influenced.plus(c.influenced),
        direct: t.direct.plus(c.direct),
    })
}

fn win_rate(g: &Group, partner: bool) -> WinRate {
    if partner {
        WinRate::new(
            g.won.sourced.count + g.won.influenced.count,
            g.lost.sourced.count + g.lost.influenced.count,
        )
    } else {
        WinRate::new(g.won.direct.count, g.lost.direct.count)
    }
}

fn partner_funnel(g: &Group) -> Vec<Step> {
    g.reached.sourced.plus(g.reached.influenced).steps()
}

/// The metrics of `ws` over `window`, by `period`: one pass over the
/// opportunities.
pub fn report(ws: &Workspace, window: Window, period: Period) -> MetricsReport {
    let spans = window.spans(period);
    let periods = Periods::new(&spans);
    let quarters_milli = window.quarters_milli();
    let mut t = tally(ws, &window, &periods, spans.len());
    let p = &mut t.program;
    let program = Program {
        created_total: total(&p.created),
        created: std::mem::take(&mut p.created),
        funnel: Versus {
            partner: partner_funnel(p),
            direct: p.reached.direct.steps(),
        },
        win_rate: Versus {
            partner: win_rate(p, true),
            direct: win_rate(p, false),
        },
        cycle: Versus {
            partner: Cycle::of(&mut p.cycle_days.sourced),
            direct: Cycle::of(&mut p.cycle_days.direct),
        },
        retention: Versus {
            partner: t.influenced_accounts,
            direct: t.direct_accounts,
        },
    };
    let partners = t
        .ids
        .iter()
        .zip(t.partners.iter_mut())
        .filter_map(|(id, g)| {
            let partner = ws.partner(id);
            let running =
                partner.is_some_and(|p| matches!(p.status(), Status::Pilot | Status::Active));
            (g.deals > 0 || running).then(|| PartnerMetrics {
                id: (*id).clone(),
                name: partner.map_or_else(|| id.to_string(), |p| p.name.clone()),
                kind: partner.map(|p| p.kind),
                created_total: total(&g.created),
                created: std::mem::take(&mut g.created),
                funnel: partner_funnel(g),
                win_rate: win_rate(g, true),
                cycle: Cycle::of(&mut g.cycle_days.sourced),
                retention: g.retention.finished(),
                plan: plan_vs_actual(partner, g.new_won, g.new_lost, quarters_milli),
            })
        })
        .collect();
    MetricsReport {
        company: ws.profile.name.clone(),
        currency: ws.profile.currency,
        window,
        period,
        quarters_milli,
        periods: spans,
        program,
        partners,
    }
}
