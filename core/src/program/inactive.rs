//! Inactive partners (the seed's "keeping inactive partners forever"),
//! flagged with the evidence and a suggested exit.
//!
//! Rules:
//! - **Who is judged**: partners in pilot or active, not archived.
//! - **No new pipeline**: no partner-sourced or partner-influenced deal of
//!   the partner created in the program's `inactive_days` days. The days are
//!   counted from its last such deal created on or before today or, when it
//!   has none, from the day it became pilot or active (the first day of its
//!   current run of pilot and active statuses). Inactive when those days
//!   reach `inactive_days`: with 90, a last deal created 90 days ago makes
//!   the partner inactive, one created 89 days ago does not.
//! - **A pilot without movement**: its last pilot has ended (decided, or
//!   past its end) without movement in the pilot's own sense
//!   ([`crate::pilot::recommend`]: no qualified opportunity created and no
//!   deal moved forward within the pilot's dates), and the partner is still
//!   in pilot or active.
//! - A partner with both is listed once, for no new pipeline, with the
//!   evidence of both.

use serde::Serialize;

use super::sums::partner_index;
use crate::date::Date;
use crate::id::Id;
use crate::partner::{Partner, Status};
use crate::pilot::evaluate::moved;
use crate::pipeline::Opportunity;
use crate::vocabulary;
use crate::words::count;
use crate::workspace::Workspace;

vocabulary! {
    /// Why a partner counts as inactive.
    pub enum InactiveReason ("inactive reason") {
        NoNewPipeline = "no_new_pipeline" / "No new pipeline",
        PilotWithoutMovement = "pilot_without_movement" / "Pilot ended without movement",
    }
}

/// An inactive partner, with the evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InactivePartner {
    pub partner: Id,
    pub name: String,
    /// The last partner deal it created, on or before today.
    pub last_pipeline: Option<Date>,
    /// Days without new pipeline (from the last deal, or from the day it
    /// became pilot or active).
    pub days: Option<u32>,
    pub reason: InactiveReason,
    pub evidence: Vec<String>,
    /// What to do: exit, in words.
    pub suggestion: String,
}

/// The first day of the partner's current run of pilot and active statuses.
pub fn engaged_since(p: &Partner) -> Option<Date> {
    p.history
        .iter()
        .rev()
        .take_while(|c| matches!(c.status, Status::Pilot | Status::Active))
        .last()
        .map(|c| c.date)
}

/// Whether the partner's last pilot ended without movement on `today`
/// (rule in the module doc), with the pilot's dates in words; `deals` are
/// the partner's deals.
pub(crate) fn pilot_without_movement(
    p: &Partner,
    deals: &[&Opportunity],
    today: Date,
) -> Option<String> {
    let pilot = p.pilot()?;
    let ended = match &pilot.decided {
        Some(d) => Some(d.date.min(pilot.end)),
        None => (today > pilot.end).then_some(pilot.end),
    }?;
    (!moved(pilot, deals.iter().copied(), ended.max(pilot.start))).then(|| {
        format!(
            "Its pilot ({} to {}) ended without movement: no qualified opportunity created and no deal moved forward",
            pilot.start, pilot.end
        )
    })
}

/// Each partner's deals, and the last partner deal it created on or before
/// `today`, in the order of `ws.partners` (one pass over the pipeline).
pub(crate) struct PartnerDeals<'a> {
    pub deals: Vec<Vec<&'a Opportunity>>,
    pub last: Vec<Option<Date>>,
}

pub(crate) fn partner_deals(ws: &Workspace, today: Date) -> PartnerDeals<'_> {
    let index = partner_index(ws);
    let n = ws.partners.len();
    let mut out = PartnerDeals {
        deals: vec![Vec::new(); n],
        last: vec![None; n],
    };
    for o in &ws.pipeline.opportunities {
        let Some(&i) = o.partner.as_ref().and_then(|id| index.get(id)) else {
            continue;
        };
        out.deals[i].push(&**o);
        if o.attribution.is_partner() && o.created <= today {
            let slot = &mut out.last[i];
            *slot = Some(slot.map_or(o.created, |d: Date| d.max(o.created)));
        }
    }
    out
}

/// The inactive partners on `today`, in workspace order (rules in the
/// module doc).
pub fn inactive(ws: &Workspace, today: Date) -> Vec<InactivePartner> {
    let limit = i64::from(ws.program.inactive_days);
    let found = partner_deals(ws, today);
    ws.partners
        .iter()
        .zip(found.last.iter().zip(&found.deals))
        .filter(|(p, _)| !p.archived && matches!(p.status(), Status::Pilot | Status::Active))
        .filter_map(|(p, (&last, deals))| {
            let since = engaged_since(p);
            // From the last deal, or from becoming pilot or active without one.
            let from = last.or(since);
            let days = from.map(|f| f.days_until(today).max(0));
            let quiet = days.is_some_and(|d| d >= limit);
            let stalled = pilot_without_movement(p, deals, today);
            if !quiet && stalled.is_none() {
                return None;
            }
            let mut evidence = Vec::new();
            let status = crate::vocab::Vocabulary::label(p.status()).to_lowercase();
            match last {
                Some(l) => evidence.push(format!(
                    "Last partner deal created on {l}: {} ago",
                    count(days_between(l, today), "day", "days")
                )),
                None => evidence.push("No partner-sourced or partner-influenced deal yet".into()),
            }
            if let Some(s) = since {
                evidence.push(format!("{} since {s}", crate::words::capitalised(&status)));
            }
            if quiet {
                evidence.push(format!(
                    "No new sourced or influenced pipeline in {} (the program calls a partner inactive after {limit})",
                    count(days.unwrap_or(0).max(0) as usize, "day", "days")
                ));
            }
            evidence.extend(stalled.clone());
            let reason = if quiet {
                InactiveReason::NoNewPipeline
            } else {
                InactiveReason::PilotWithoutMovement
            };
            let suggestion = match reason {
                InactiveReason::NoNewPipeline => format!(
                    "Exit {}, or agree in the next review what new pipeline it brings by a date: a partner kept without pipeline costs attention",
                    p.name
                ),
                InactiveReason::PilotWithoutMovement => format!(
                    "Exit {}: a pilot without movement is not expanded (the seed: if the pilot does not produce movement, do not expand)",
                    p.name
                ),
            };
            Some(InactivePartner {
                partner: p.id.clone(),
                name: p.name.clone(),
                last_pipeline: last,
                days: days.map(|d| d.clamp(0, i64::from(u32::MAX)) as u32),
                reason,
                evidence,
                suggestion,
            })
        })
        .collect()
}

fn days_between(a: Date, b: Date) -> usize {
    a.days_until(b).max(0) as usize
}
