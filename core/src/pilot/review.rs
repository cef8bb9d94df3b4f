//! The weekly review: what moved since the last one, what is stuck, which
//! next actions are overdue or have no owner.
//!
//! Rules:
//! - The deals are the pilot's deals ([`super::evaluate::deals`]) created
//!   on or before today, each in the stage it stood in on today.
//! - **Moved**: a deal whose stage differs from the one the last recorded
//!   review saw, from → to; a deal it did not see is **new** (with no review
//!   recorded yet, every deal is new).
//! - **Stuck**: open deals whose days in their stage on today exceed the
//!   stage's expected days ([`super::evaluate::stuck`]).
//! - **Overdue**: next actions not done whose due date is before today;
//!   **unowned**: next actions not done with no owner. Only actions of open
//!   deals are listed (a closed deal blocks nothing); one action can be both.
//! - [`record`] stores the stage of every pilot deal, so a review right
//!   after it shows nothing moved.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::evaluate::{deal_name, deals, stage_at, stuck, StuckDeal};
use super::{Pilot, Review};
use crate::date::Date;
use crate::id::Id;
use crate::pipeline::{NextAction, Opportunity, Pipeline, Side, Stage};
use crate::words::count;

/// What the weekly review looks at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeeklyReview {
    /// The last recorded review, if any.
    pub last: Option<Review>,
    /// Deals whose stage changed since it, and deals it did not see.
    pub moved: Vec<Moved>,
    pub stuck: Vec<StuckDeal>,
    /// Open actions due before today.
    pub overdue: Vec<ActionOnDeal>,
    /// Open actions with no owner.
    pub unowned: Vec<ActionOnDeal>,
}

/// A deal that moved since the last review, or is new to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub id: Id,
    pub name: String,
    /// What the last review saw; `None` for a deal new to it.
    pub from: Option<Stage>,
    pub to: Stage,
}

/// A next action, with the deal it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionOnDeal {
    pub deal: Id,
    pub deal_name: String,
    pub action: NextAction,
    /// Days past its due date on the review's day (0 when not due yet or no date).
    pub days_overdue: i64,
}

/// The weekly review of `pilot` of `partner` on `today`.
pub fn review(pilot: &Pilot, pipeline: &Pipeline, partner: &Id, today: Date) -> WeeklyReview {
    let deals = deals_on(pilot, pipeline, partner, today);
    let last = pilot.reviews.last().cloned();
    let moved = deals
        .iter()
        .filter_map(|o| {
            let to = stage_at(o, today).stage;
            let from = last.as_ref().and_then(|r| r.seen.get(&o.id).copied());
            (from != Some(to)).then(|| Moved {
                id: o.id.clone(),
                name: deal_name(o),
                from,
                to,
            })
        })
        .collect();
    let (mut overdue, mut unowned) = (Vec::new(), Vec::new());
    for o in deals
        .iter()
        .filter(|o| !stage_at(o, today).stage.is_closed())
    {
        for a in o.next_actions.iter().filter(|a| !a.done) {
            let days_overdue = a.due.map_or(0, |d| d.days_until(today).max(0));
            let item = || on_deal(o, a, days_overdue);
            if days_overdue > 0 {
                overdue.push(item());
            }
            if a.owner == Side::Unassigned {
                unowned.push(item());
            }
        }
    }
    overdue.sort_by_key(|a| std::cmp::Reverse(a.days_overdue));
    WeeklyReview {
        last,
        moved,
        stuck: stuck(&deals, pipeline, today),
        overdue,
        unowned,
    }
}

/// The review to store on `today`: its notes and the stage of every pilot
/// deal, so the next review shows what moved since.
pub fn record(
    pilot: &Pilot,
    pipeline: &Pipeline,
    partner: &Id,
    today: Date,
    notes: &str,
) -> Review {
    let seen: BTreeMap<Id, Stage> = deals_on(pilot, pipeline, partner, today)
        .iter()
        .map(|o| (o.id.clone(), stage_at(o, today).stage))
        .collect();
    Review {
        date: today,
        notes: notes.to_owned(),
        seen,
    }
}

/// The pilot's deals that exist on `today`.
fn deals_on(
    pilot: &Pilot,
    pipeline: &Pipeline,
    partner: &Id,
    today: Date,
) -> Vec<Arc<Opportunity>> {
    let mut v = deals(pilot, pipeline, partner);
    v.retain(|o| o.created <= today);
    v
}

fn on_deal(o: &Opportunity, a: &NextAction, days_overdue: i64) -> ActionOnDeal {
    ActionOnDeal {
        deal: o.id.clone(),
        deal_name: deal_name(o),
        action: a.clone(),
        days_overdue,
    }
}

impl WeeklyReview {
    /// "Since the review of 2026-03-02" or "First review".
    pub fn since_text(&self) -> String {
        match &self.last {
            Some(r) => format!("Since the review of {}", r.date),
            None => "First review".into(),
        }
    }

    /// Every finding as a line, in the order the review walks them.
    pub fn lines(&self) -> Vec<String> {
        let moved = self.moved.iter().map(Moved::to_string);
        let stuck = self.stuck.iter().map(|s| format!("Stuck: {s}"));
        let overdue = self.overdue.iter().map(ActionOnDeal::overdue_text);
        let unowned = self.unowned.iter().map(ActionOnDeal::unowned_text);
        moved.chain(stuck).chain(overdue).chain(unowned).collect()
    }
}

impl std::fmt::Display for Moved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.from {
            Some(from) => write!(f, "Moved: {}, {from} → {}", self.name, self.to),
            None => write!(f, "New: {}, in {}", self.name, self.to),
        }
    }
}

impl ActionOnDeal {
    /// "Overdue: Acme renewal: \"Send the proposal\" (the partner), 3 days past 2026-03-01".
    pub fn overdue_text(&self) -> String {
        format!(
            "Overdue: {}: \"{}\" ({}), {} past {}",
            self.deal_name,
            self.action.text,
            self.action.owner.to_string().to_lowercase(),
            count(self.days_overdue as usize, "day", "days"),
            self.action.due.map_or_else(String::new, |d| d.to_string())
        )
    }

    /// "No owner: Acme renewal: \"Book the demo\"".
    pub fn unowned_text(&self) -> String {
        format!("No owner: {}: \"{}\"", self.deal_name, self.action.text)
    }
}
