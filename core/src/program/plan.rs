//! The seed's 30-60-90 plan as a tracker dated from the program's start.
//!
//! Rules:
//! - **Dates**: day 1 is the program's start; a step is due on the last day
//!   of its period (day 30, 60 or 90: start + 29, 59 or 89 days); overdue
//!   when today is after that and it is not done. Without a start there are
//!   no due dates and nothing is overdue.
//! - **Done by the workspace** where it can tell ("automatic" steps):
//!   - *Finalize the ICP*: at least one disqualifier.
//!   - *Choose the partner types*: at least one partner in the running
//!     (not archived, not exited) is of a type the scorecard sets gates
//!     for — a type is chosen when it has its own minimums and partners.
//!   - *Build the scorecard*: gates for at least one type, and the
//!     scorecard has no configuration problem.
//!   - *Draft rules of engagement*: a partner with a drafted motion.
//!   - *Recruit and evaluate*: at least 10 partners (not archived) rated on
//!     at least one criterion.
//!   - *Account mapping with the top candidates*: one of the three best
//!     ranked partners has its overlap measured or an account map.
//!   - *Launch pilots*: a pilot with a non-zero target.
//!   - *Double down on winners*: a pilot decided "expand".
//!   - *Publish tiers*: a tier with at least one benefit.
//!   - *Exit pilots without progression*: at least one pilot has ended, and
//!     no partner in pilot or active has a last pilot that ended without
//!     movement ([`super::inactive`]).
//!   - *Install QBRs*: at least one active partner, and a QBR with each.
//! - **By hand** otherwise: aligning internal compensation is hand-only; a
//!   hand tick on an automatic step also counts (the day ticked is kept).

use serde::Serialize;

use super::inactive::{partner_deals, pilot_without_movement};
use super::PlanStep;
use crate::date::Date;
use crate::partner::{Partner, Status};
use crate::pilot::Decision;
use crate::scorecard::{evaluate_all, rank};
use crate::vocab::Vocabulary;
use crate::words::count;
use crate::workspace::Workspace;

/// Who ticked a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum ByWhom {
    /// The workspace shows it, with the evidence in words.
    Workspace(String),
    /// Ticked by hand.
    Hand,
}

/// Whether a step is done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum PlanState {
    /// Done: the day ticked by hand, if it was, and by whom.
    Done {
        on: Option<Date>,
        by: ByWhom,
    },
    Open,
}

/// One step of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanItem {
    pub step: PlanStep,
    pub due: Option<Date>,
    pub state: PlanState,
    /// The workspace can tick it.
    pub automatic: bool,
    pub overdue: bool,
}

/// The plan's progress on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanProgress {
    pub start: Option<Date>,
    /// Day of the plan (1 on the start; below 1 before it).
    pub day: Option<i64>,
    pub items: Vec<PlanItem>,
    pub done: usize,
}

fn running(p: &Partner) -> bool {
    !p.archived && p.status() != Status::Exited
}

/// The evidence that the workspace shows a step done, if it does; `None`
/// for a step only a hand tick can do.
fn evidence(ws: &Workspace, step: PlanStep, today: Date) -> Option<Option<String>> {
    let partners = || ws.partners.iter().filter(|p| !p.archived);
    let found = match step {
        PlanStep::FinalizeIcp => {
            let n = ws
                .icp
                .disqualifiers
                .iter()
                .filter(|d| !d.text.trim().is_empty())
                .count();
            (n > 0).then(|| {
                format!(
                    "The ICP lists {}",
                    count(n, "disqualifier", "disqualifiers")
                )
            })
        }
        PlanStep::ChooseTypes => {
            let mut types: Vec<&str> = partners()
                .filter(|p| running(p))
                .filter(|p| {
                    ws.scorecard
                        .gates
                        .get(&p.kind)
                        .is_some_and(|g| !g.is_empty())
                })
                .map(|p| p.kind.label())
                .collect();
            types.sort_unstable();
            types.dedup();
            (!types.is_empty())
                .then(|| format!("Partners with their own gates: {}", types.join(", ")))
        }
        PlanStep::BuildScorecard => {
            let gated = ws
                .scorecard
                .gates
                .values()
                .filter(|g| !g.is_empty())
                .count();
            (gated > 0 && ws.scorecard.problems().is_empty()).then(|| {
                format!(
                    "Minimum thresholds for {}",
                    count(gated, "partner type", "partner types")
                )
            })
        }
        PlanStep::DraftRules => partners()
            .find(|p| p.motion.is_drafted())
            .map(|p| format!("Rules of engagement drafted with {}", p.name)),
        PlanStep::Recruit => {
            let n = partners().filter(|p| !p.ratings.is_empty()).count();
            (n >= 10).then(|| format!("{} rated", count(n, "candidate", "candidates")))
        }
        PlanStep::MapAccounts => {
            let evals = evaluate_all(ws);
            rank(&evals)
                .iter()
                .take(3)
                .filter_map(|r| ws.partner(&r.partner))
                .find(|p| p.overlap.measured.is_some() || !p.overlap.mapped.is_empty())
                .map(|p| format!("Account mapping with {}, a top-three candidate", p.name))
        }
        PlanStep::LaunchPilots => partners()
            .find_map(|p| {
                p.pilots
                    .iter()
                    .find(|x| x.targets.qualified > 0 || x.targets.progressed > 0)
                    .map(|x| (p, x))
            })
            .map(|(p, x)| format!("Pilot with {} from {}", p.name, x.start)),
        PlanStep::AlignComp => return None,
        PlanStep::DoubleDown => partners()
            .find_map(|p| {
                p.pilots.iter().find_map(|x| {
                    x.decided
                        .as_ref()
                        .filter(|d| d.decision == Decision::Expand)
                        .map(|d| (p, d.date))
                })
            })
            .map(|(p, d)| format!("Expanded {} on {d}", p.name)),
        PlanStep::PublishTiers => {
            let n = ws
                .program
                .tiers
                .iter()
                .filter(|t| t.benefits.iter().any(|b| !b.trim().is_empty()))
                .count();
            (n > 0).then(|| format!("{} with benefits", count(n, "tier", "tiers")))
        }
        PlanStep::ExitPilots => {
            let ended = partners()
                .flat_map(|p| &p.pilots)
                .filter(|x| x.decided.is_some() || today > x.end)
                .count();
            let found = partner_deals(ws, today);
            let stalled = ws.partners.iter().zip(&found.deals).any(|(p, deals)| {
                !p.archived
                    && matches!(p.status(), Status::Pilot | Status::Active)
                    && pilot_without_movement(p, deals, today).is_some()
            });
            (ended > 0 && !stalled).then(|| {
                format!(
                    "{} ended; none left running without movement",
                    count(ended, "pilot", "pilots")
                )
            })
        }
        PlanStep::InstallQbrs => {
            let active: Vec<&Partner> = partners()
                .filter(|p| p.status() == Status::Active)
                .map(|p| &**p)
                .collect();
            (!active.is_empty() && active.iter().all(|p| ws.program.qbr_with(&p.id).is_some()))
                .then(|| {
                    format!(
                        "A QBR with each of {}",
                        count(active.len(), "active partner", "active partners")
                    )
                })
        }
    };
    Some(found)
}

/// The plan's progress on `today` (rules in the module doc).
pub fn plan(ws: &Workspace, today: Date) -> PlanProgress {
    let start = ws.program.start;
    let items: Vec<PlanItem> = PlanStep::ALL
        .iter()
        .map(|&step| {
            let due = start.map(|s| s.add_days(i64::from(step.due_day()) - 1));
            let auto = evidence(ws, step, today);
            let hand = ws.program.plan_done.get(&step).copied();
            let state = match (auto.clone().flatten(), hand) {
                (Some(e), on) => PlanState::Done {
                    on,
                    by: ByWhom::Workspace(e),
                },
                (None, Some(on)) => PlanState::Done {
                    on: Some(on),
                    by: ByWhom::Hand,
                },
                (None, None) => PlanState::Open,
            };
            PlanItem {
                step,
                due,
                overdue: state == PlanState::Open && due.is_some_and(|d| today > d),
                state,
                automatic: auto.is_some(),
            }
        })
        .collect();
    PlanProgress {
        start,
        day: start.map(|s| s.days_until(today) + 1),
        done: items.iter().filter(|i| i.state != PlanState::Open).count(),
        items,
    }
}
