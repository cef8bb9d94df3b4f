//! How a pilot is going, any day: its day, its deals and the seed's three
//! success criteria, each with its figures, what is expected by now, a
//! [`Status`] and a sentence. The recommendation is in the sibling module `recommend`.
//!
//! Rules:
//! - **The pilot's deals** are the pipeline's opportunities attributed to
//!   the partner (`partner == Some(id)`, as [`Pipeline::of_partner`]) that
//!   were not already closed before the start (the last stage entered before
//!   the start is not won or lost) and were created on or before the end.
//!   They are found in one pass over the pipeline; everything else works on
//!   them alone.
//! - **Dates**: day 1 is the start, the day is clamped to 0 before it and
//!   to the pilot's length after it ([`Pilot::day`]). The pilot's dates run
//!   from the start to the end, both included; it has **ended** once today
//!   is after the end. Every figure is taken **as of** today, or the end
//!   once it has passed: what is dated after that (a deal created, a stage
//!   entered) does not count, and stuck deals are counted on that day, so
//!   the figures do not drift while a decision waits.
//! - **Pro-rating**: by day `d` of `n`, `ceil(target × d / n)` is expected
//!   (day 0 expects nothing, the last day the whole target).
//! - **1. Qualified opportunities**: deals created within the dates (up to
//!   the as-of day) that are
//!   qualified: judged so (`qualified == Some(true)`), or not judged yet and
//!   having reached discovery or beyond at some point. A deal judged not
//!   qualified never counts.
//! - **2. Stage progression within expected timelines**: deals that moved
//!   forward within the dates (a history entry dated within them whose stage
//!   ranks above an earlier entry's, or won within them), against the
//!   progression target; and deals **stuck**: open deals whose days in their
//!   stage exceed the stage's expected days ([`Pipeline::expected`]). The
//!   criterion fails while more than a quarter of the open pilot deals are
//!   stuck, whatever the count.
//! - **3. Mutual work on deals**: over every next action of the pilot's
//!   deals, the partner's share of them that it owns and has completed
//!   passes at [`MUTUAL_SHARE_PERCENT`]. With no next actions at all it is
//!   not measurable yet (which is not a pass).
//! - **Status**: *met* once the figure reaches the whole target (for
//!   progression: and no more than a quarter stuck; for mutual work: the
//!   completed share reaches 30 %); otherwise *missed* once the pilot has
//!   ended, *on track* while the figure reaches what is expected by today
//!   (mutual work: while the partner owns 30 % of the actions, done or not),
//!   *behind* when not.

use std::sync::Arc;

use super::Pilot;
use crate::date::Date;
use crate::id::Id;
use crate::pipeline::{Opportunity, Pipeline, Side, Stage, StageEntry};
use crate::vocabulary;
use crate::words::count;

/// The share of all next actions the partner must own and have completed
/// for the work to count as mutual: 30 %. Below a third, one side carries
/// the deals; the seed asks for "clear mutual work on deals, not one-sided
/// effort", and a partner that does a third of the actions is visibly
/// working them while we still drive most.
pub const MUTUAL_SHARE_PERCENT: usize = 30;

vocabulary! {
    /// Where a success criterion stands.
    pub enum Status ("pilot criterion status") {
        OnTrack = "on_track" / "On track",
        Behind = "behind" / "Behind",
        Met = "met" / "Met",
        Missed = "missed" / "Missed",
        NotMeasurable = "not_measurable" / "Not measurable yet",
    }
}

vocabulary! {
    /// The seed's three success criteria of a pilot.
    pub enum Criterion ("pilot success criterion") {
        Qualified = "qualified" / "Qualified opportunities created",
        Progression = "progression" / "Stage progression within expected timelines",
        Mutual = "mutual" / "Mutual work on deals",
    }
}

/// How the pilot is going.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PilotState {
    /// 1 on the start, clamped to 0 before and to `days` after.
    pub day: i64,
    pub days: i64,
    /// Today is after the end.
    pub ended: bool,
    /// The day the figures are taken on: today, or the end once passed.
    pub as_of: Date,
    /// The fixes a previous pilot's reset asked this one for (0 for a
    /// first pilot; more makes it a reset).
    pub fixes: usize,
    /// The pilot's deals, in pipeline order.
    pub deals: Vec<Arc<Opportunity>>,
    pub qualified: Qualified,
    pub progression: Progression,
    pub mutual: Mutual,
}

/// Criterion 1: qualified opportunities created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qualified {
    pub count: usize,
    pub target: usize,
    /// Expected by today (pro-rated).
    pub expected: usize,
    pub status: Status,
}

/// Criterion 2: stage progression within expected timelines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progression {
    /// Deals that moved forward at least one stage within the dates.
    pub progressed: usize,
    pub target: usize,
    /// Expected by today (pro-rated).
    pub expected: usize,
    /// Open pilot deals.
    pub open: usize,
    /// Open deals past their stage's expected days, longest over first.
    pub stuck: Vec<StuckDeal>,
    pub status: Status,
}

/// Criterion 3: mutual work on deals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mutual {
    /// Next actions on the pilot's deals.
    pub total: usize,
    /// Owned by the partner.
    pub owned: usize,
    /// Owned by the partner and done.
    pub completed: usize,
    pub status: Status,
}

/// An open deal that has stayed in its stage longer than expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StuckDeal {
    pub id: Id,
    pub name: String,
    pub stage: Stage,
    /// Days in the stage.
    pub days: i64,
    /// Days expected in it.
    pub expected: u16,
}

impl std::fmt::Display for StuckDeal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}, {} of {} expected)",
            self.name,
            self.stage,
            count(self.days.max(0) as usize, "day", "days"),
            self.expected
        )
    }
}

/// How `pilot` of `partner` is going on `today`.
pub fn evaluate(pilot: &Pilot, pipeline: &Pipeline, partner: &Id, today: Date) -> PilotState {
    let deals = deals(pilot, pipeline, partner);
    let (day, days) = (pilot.day(today), pilot.days());
    let ended = today > pilot.end;
    let as_of = today.min(pilot.end);
    let within = |d: Date| pilot.start <= d && d <= as_of;
    let expect = |target: usize| pro_rated(target, day, days);

    let q = deals
        .iter()
        .filter(|o| within(o.created) && is_qualified(o, as_of))
        .count();
    let target = usize::from(pilot.targets.qualified);
    let qualified = Qualified {
        count: q,
        target,
        expected: expect(target),
        status: status(q >= target, ended, q >= expect(target)),
    };

    let p = deals
        .iter()
        .filter(|o| progressed(o, pilot.start, as_of))
        .count();
    let open = deals
        .iter()
        .filter(|o| o.created <= as_of && !stage_at(o, as_of).stage.is_closed())
        .count();
    let stuck = stuck(&deals, pipeline, as_of);
    let too_stuck = stuck.len() * 4 > open;
    let target = usize::from(pilot.targets.progressed);
    let progression = Progression {
        progressed: p,
        target,
        expected: expect(target),
        open,
        status: status(
            p >= target && !too_stuck,
            ended,
            p >= expect(target) && !too_stuck,
        ),
        stuck,
    };

    let actions = || deals.iter().flat_map(|o| &o.next_actions);
    let total = actions().count();
    let owned = actions().filter(|a| a.owner == Side::Partner).count();
    let completed = actions()
        .filter(|a| a.owner == Side::Partner && a.done)
        .count();
    let share = |n: usize| n * 100 >= MUTUAL_SHARE_PERCENT * total;
    let mutual = Mutual {
        total,
        owned,
        completed,
        status: if total == 0 {
            Status::NotMeasurable
        } else {
            status(share(completed), ended, share(owned))
        },
    };

    PilotState {
        day,
        days,
        ended,
        as_of,
        fixes: pilot.fixes.len(),
        deals,
        qualified,
        progression,
        mutual,
    }
}

/// The pilot's deals (rules in the module doc), in pipeline order: one pass.
pub fn deals(pilot: &Pilot, pipeline: &Pipeline, partner: &Id) -> Vec<Arc<Opportunity>> {
    pipeline
        .opportunities
        .iter()
        .filter(|o| o.partner.as_ref() == Some(partner) && in_pilot(pilot, o))
        .cloned()
        .collect()
}

/// Whether a deal of the partner is one of the pilot's: created by its end
/// and not closed before its start.
fn in_pilot(pilot: &Pilot, o: &Opportunity) -> bool {
    o.created <= pilot.end
        && !o
            .history
            .iter()
            .take_while(|e| e.date < pilot.start)
            .last()
            .is_some_and(|e| e.stage.is_closed())
}

/// Whether the pilot produced movement by `as_of` (clamped to its end): a
/// qualified opportunity created or a deal moved forward within its dates,
/// as [`evaluate`] counts them (the recommendation's "no movement" is the
/// opposite). `partner_deals` are the partner's deals, from one pass over
/// the pipeline for many partners.
pub fn moved<'a>(
    pilot: &Pilot,
    partner_deals: impl IntoIterator<Item = &'a Opportunity>,
    as_of: Date,
) -> bool {
    let as_of = as_of.min(pilot.end);
    partner_deals.into_iter().any(|o| {
        in_pilot(pilot, o)
            && ((pilot.start <= o.created && o.created <= as_of && is_qualified(o, as_of))
                || progressed(o, pilot.start, as_of))
    })
}

/// The open deals among `deals` that have stood in their stage on `day`
/// longer than the stage's expected days, longest over first.
pub fn stuck(deals: &[Arc<Opportunity>], pipeline: &Pipeline, day: Date) -> Vec<StuckDeal> {
    let mut out: Vec<StuckDeal> = deals
        .iter()
        .filter(|o| o.created <= day)
        .filter_map(|o| {
            let e = stage_at(o, day);
            let expected = pipeline.expected(e.stage);
            let days = e.date.days_until(day);
            (!e.stage.is_closed() && days > i64::from(expected)).then(|| StuckDeal {
                id: o.id.clone(),
                name: deal_name(o),
                stage: e.stage,
                days,
                expected,
            })
        })
        .collect();
    out.sort_by_key(|s| std::cmp::Reverse(s.days - i64::from(s.expected)));
    out
}

/// A deal as sentences name it: its name, or its account when unnamed.
pub fn deal_name(o: &Opportunity) -> String {
    if o.name.trim().is_empty() {
        o.account.clone()
    } else {
        o.name.clone()
    }
}

/// The stage entry a deal stood in at the end of `day` (its first before).
pub fn stage_at(o: &Opportunity, day: Date) -> StageEntry {
    let first = StageEntry {
        stage: Stage::Qualification,
        date: o.created,
    };
    o.history
        .iter()
        .take_while(|e| e.date <= day)
        .last()
        .or(o.history.first())
        .copied()
        .unwrap_or(first)
}

/// `ceil(target × day / days)`.
fn pro_rated(target: usize, day: i64, days: i64) -> usize {
    let (day, days) = (day.max(0) as usize, days.max(1) as usize);
    (target * day).div_ceil(days)
}

fn status(met: bool, ended: bool, on_track: bool) -> Status {
    match (met, ended, on_track) {
        (true, _, _) => Status::Met,
        (false, true, _) => Status::Missed,
        (false, false, true) => Status::OnTrack,
        (false, false, false) => Status::Behind,
    }
}

/// Judged qualified, or not judged and past qualification by `as_of`.
pub(crate) fn is_qualified(o: &Opportunity, as_of: Date) -> bool {
    o.qualified.unwrap_or_else(|| {
        o.history
            .iter()
            .any(|e| e.date <= as_of && e.stage.rank().is_some_and(|r| r >= 1))
    })
}

/// Moved forward within `start..=end`: an entry dated within that ranks
/// above an earlier one, or won within.
fn progressed(o: &Opportunity, start: Date, end: Date) -> bool {
    let mut lowest: Option<u8> = None;
    for e in &o.history {
        let within = start <= e.date && e.date <= end;
        if within && e.stage == Stage::Won {
            return true;
        }
        if let Some(r) = e.stage.rank() {
            if within && lowest.is_some_and(|l| r > l) {
                return true;
            }
            lowest = Some(lowest.map_or(r, |l| l.min(r)));
        }
    }
    false
}

impl PilotState {
    /// "day 23 of 60".
    pub fn day_text(&self) -> String {
        format!("day {} of {}", self.day, self.days)
    }

    /// The three criteria with their status and sentence, in the seed's order.
    pub fn criteria(&self) -> [(Criterion, Status, String); 3] {
        [
            (
                Criterion::Qualified,
                self.qualified.status,
                self.qualified.text(self.day),
            ),
            (
                Criterion::Progression,
                self.progression.status,
                self.progression.text(self.day),
            ),
            (Criterion::Mutual, self.mutual.status, self.mutual.text()),
        ]
    }

    /// Every criterion met.
    pub fn all_met(&self) -> bool {
        self.criteria().iter().all(|(_, s, _)| *s == Status::Met)
    }
}

/// "; 2 expected by day 23" while the figure is short and the pilot runs.
fn expectation(status: Status, expected: usize, day: i64) -> String {
    match status {
        Status::OnTrack | Status::Behind => format!("; {expected} expected by day {day}"),
        _ => String::new(),
    }
}

impl Qualified {
    /// "Behind: 1 qualified opportunity created of the 5 targeted; 2 expected by day 23".
    pub fn text(&self, day: i64) -> String {
        format!(
            "{}: {} created of the {} targeted{}",
            self.status,
            count(
                self.count,
                "qualified opportunity",
                "qualified opportunities"
            ),
            self.target,
            expectation(self.status, self.expected, day)
        )
    }
}

impl Progression {
    /// More than a quarter of the open deals are stuck.
    pub fn too_many_stuck(&self) -> bool {
        self.stuck.len() * 4 > self.open
    }

    /// "3 of 8 open deals stuck past their stage's expected days: A (…), B (…)".
    pub fn stuck_text(&self) -> String {
        if self.stuck.is_empty() {
            return "no open deal stuck past its stage's expected days".into();
        }
        let names: Vec<String> = self.stuck.iter().map(|s| s.to_string()).collect();
        format!(
            "{} of {} stuck past their stage's expected days{}: {}",
            self.stuck.len(),
            count(self.open, "open deal", "open deals"),
            if self.too_many_stuck() {
                " (more than a quarter)"
            } else {
                ""
            },
            names.join(", ")
        )
    }

    /// "Behind: 1 deal moved forward of the 3 targeted; 2 expected by day 23; …stuck".
    pub fn text(&self, day: i64) -> String {
        format!(
            "{}: {} moved forward of the {} targeted{}; {}",
            self.status,
            count(self.progressed, "deal", "deals"),
            self.target,
            expectation(self.status, self.expected, day),
            self.stuck_text()
        )
    }
}

impl Mutual {
    /// The partner's owned-and-completed share of all actions, in whole
    /// percent (rounded down), when there are actions.
    pub fn percent(&self) -> Option<usize> {
        (self.total > 0).then(|| self.completed * 100 / self.total)
    }

    /// "the partner owned 2 of 17 next actions and completed 1".
    pub fn figures(&self) -> String {
        format!(
            "the partner owned {} of {} and completed {}",
            self.owned,
            count(self.total, "next action", "next actions"),
            self.completed
        )
    }

    /// "Behind: the partner owned 2 of 17 next actions and completed 1 (5%; 30% needed)".
    pub fn text(&self) -> String {
        match self.percent() {
            None => format!("{}: no next actions on the pilot's deals", self.status),
            Some(p) => format!(
                "{}: {} ({p}%; {MUTUAL_SHARE_PERCENT}% needed)",
                self.status,
                self.figures()
            ),
        }
    }
}
