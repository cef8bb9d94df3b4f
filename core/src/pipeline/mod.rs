//! The pipeline a partner program is governed by: opportunities (deals),
//! from CRM exports or entered by hand, with their stage history,
//! attribution and next actions.
//!
//! Rules:
//! - **Stages are one ladder.** Every CRM's stage names (HubSpot's
//!   "appointmentscheduled", Salesforce's "Id. Decision Makers", Pipedrive's
//!   "Demo Scheduled") map onto five open stages in order —
//!   qualification, discovery, solution, proposal, negotiation — and the two
//!   ends, won and lost ([`Stage`]). Progress is comparing places on it.
//! - **History is never empty**: an opportunity's first entry is the stage
//!   it was in when first seen, dated its creation day (or the export's day
//!   for stages entered later); the last entry is where it stands now.
//! - **Amounts are in the workspace's currency** (minor units). A CRM row in
//!   another currency is refused at import, by line, with the reason.
//! - **Attribution** says whose deal it is: partner-sourced (the partner
//!   brought it), partner-influenced (the partner worked on a deal we
//!   found), or direct. A partner-attributed deal names its partner when
//!   the partner is in the workspace; one whose partner is not counts in
//!   the program's figures but on no partner's page. A direct deal names
//!   no partner.

pub mod absorb;
pub mod columns;
pub mod import;
pub mod link;
pub mod stages;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::date::Date;
use crate::id::Id;
use crate::money::Money;
use crate::vocab::Vocabulary;
use crate::vocabulary;

vocabulary! {
    /// Where an opportunity stands: the open stages in order, then the two
    /// ends.
    pub enum Stage ("deal stage") {
        Qualification = "qualification" / "Qualification",
        Discovery = "discovery" / "Discovery",
        Solution = "solution" / "Solution and demo",
        Proposal = "proposal" / "Proposal",
        Negotiation = "negotiation" / "Negotiation",
        Won = "won" / "Closed won",
        Lost = "lost" / "Closed lost",
    }
}

impl Stage {
    /// The open stages, in order.
    pub const OPEN: [Stage; 5] = [
        Stage::Qualification,
        Stage::Discovery,
        Stage::Solution,
        Stage::Proposal,
        Stage::Negotiation,
    ];

    /// Won or lost.
    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Won | Stage::Lost)
    }

    /// Place on the ladder: 0–4 for the open stages, 5 for won. Lost has no
    /// place (it is not progress), `None`.
    pub fn rank(self) -> Option<u8> {
        match self {
            Stage::Qualification => Some(0),
            Stage::Discovery => Some(1),
            Stage::Solution => Some(2),
            Stage::Proposal => Some(3),
            Stage::Negotiation => Some(4),
            Stage::Won => Some(5),
            Stage::Lost => None,
        }
    }

    /// Days a deal is expected to spend in an open stage, when the user has
    /// not said otherwise.
    pub fn default_days(self) -> u16 {
        match self {
            Stage::Qualification => 14,
            Stage::Discovery => 14,
            Stage::Solution => 21,
            Stage::Proposal => 14,
            Stage::Negotiation => 21,
            Stage::Won | Stage::Lost => 0,
        }
    }
}

vocabulary! {
    /// Whose deal it is.
    pub enum Attribution ("attribution") {
        Sourced = "partner_sourced" / "Partner-sourced",
        Influenced = "partner_influenced" / "Partner-influenced",
        Direct = "direct" / "Direct",
    }
}

impl Attribution {
    /// Sourced or influenced.
    pub fn is_partner(self) -> bool {
        !matches!(self, Attribution::Direct)
    }
}

vocabulary! {
    /// New business, or revenue from a customer we already have.
    pub enum DealKind ("deal type") {
        New = "new" / "New business",
        Renewal = "renewal" / "Renewal",
        Expansion = "expansion" / "Expansion",
    }
}

vocabulary! {
    /// Who owns a next action.
    pub enum Side ("owner") {
        Unassigned = "unassigned" / "No owner yet",
        Ours = "ours" / "Us",
        Partner = "partner" / "The partner",
    }
}

/// The day an opportunity entered a stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageEntry {
    pub stage: Stage,
    pub date: Date,
}

/// The next thing to do on a deal, and who does it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextAction {
    pub text: String,
    pub owner: Side,
    pub due: Option<Date>,
    pub done: bool,
}

/// One opportunity (deal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opportunity {
    pub id: Id,
    /// The CRM's record id; empty for a deal entered by hand. Later exports
    /// update the deal with the same CRM id.
    pub crm_id: String,
    pub name: String,
    /// The company, as the CRM names it.
    pub account: String,
    /// Its website or domain, when the export has one.
    pub domain: String,
    /// The partner the deal is attributed to (sourced or influenced).
    pub partner: Option<Id>,
    /// The export's partner and source columns, as written.
    pub partner_text: String,
    pub source: String,
    pub attribution: Attribution,
    pub kind: DealKind,
    /// In the workspace's currency.
    pub amount: Money,
    pub created: Date,
    /// Expected or actual close date.
    pub close: Option<Date>,
    /// Stages entered, oldest first; never empty; the last is the current one.
    pub history: Vec<StageEntry>,
    /// The user's judgment against the motion's definition of qualified;
    /// `None` until judged.
    pub qualified: Option<bool>,
    pub next_actions: Vec<NextAction>,
}

impl Opportunity {
    /// The stage it stands in now.
    pub fn stage(&self) -> Stage {
        self.history
            .last()
            .map_or(Stage::Qualification, |e| e.stage)
    }

    /// Since when it stands in its current stage.
    pub fn stage_since(&self) -> Date {
        self.history.last().map_or(self.created, |e| e.date)
    }

    /// The stage it stood in at the end of `day` (its first stage before it
    /// was created).
    pub fn stage_on(&self, day: Date) -> Stage {
        self.history
            .iter()
            .take_while(|e| e.date <= day)
            .last()
            .or(self.history.first())
            .map_or(Stage::Qualification, |e| e.stage)
    }

    /// Where it stands on `today`, in words: the stage and days in it
    /// ("Discovery, 20 days"), or when a closed deal closed ("Closed won on
    /// 2026-10-14").
    pub fn stage_text(&self, today: Date) -> String {
        let (stage, since) = (self.stage(), self.stage_since());
        if stage.is_closed() {
            return format!("{} on {since}", stage.label());
        }
        let days = since.days_until(today).max(0) as usize;
        format!(
            "{}, {}",
            stage.label(),
            crate::words::count(days, "day", "days")
        )
    }

    /// The day it was won, if it was.
    pub fn won_on(&self) -> Option<Date> {
        match self.history.last() {
            Some(e) if e.stage == Stage::Won => Some(e.date),
            _ => None,
        }
    }

    /// Moved to `stage` on `date`: a new history entry, unless it already
    /// stands there. Dates stay in order (an earlier date is taken as the
    /// last entry's).
    pub fn enter(&mut self, stage: Stage, date: Date) {
        if self.stage() != stage {
            let date = self.history.last().map_or(date, |e| e.date.max(date));
            self.history.push(StageEntry { stage, date });
        }
    }
}

/// The workspace's pipeline: the opportunities and the expected time in
/// each stage.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Pipeline {
    /// Expected days per open stage, where the user changed the default.
    pub expected_days: BTreeMap<Stage, u16>,
    /// Shared, so the undo history keeps earlier states without copying
    /// 100,000 deals.
    pub opportunities: Vec<Arc<Opportunity>>,
    /// Every CRM export taken in, oldest first.
    pub imports: Vec<ExportTaken>,
}

/// A CRM export taken in: the day it describes and what it did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportTaken {
    /// The day the export was taken from the CRM (stages it shows were
    /// entered on or before).
    pub date: Date,
    pub file_name: String,
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
}

impl Pipeline {
    /// Days a deal is expected to stay in `stage`.
    pub fn expected(&self, stage: Stage) -> u16 {
        self.expected_days
            .get(&stage)
            .copied()
            .unwrap_or_else(|| stage.default_days())
    }

    pub fn opportunity(&self, id: &Id) -> Option<&Opportunity> {
        self.opportunities
            .iter()
            .find(|o| &o.id == id)
            .map(|o| &**o)
    }

    /// The opportunities attributed to `partner`.
    pub fn of_partner<'a>(&'a self, partner: &'a Id) -> impl Iterator<Item = &'a Opportunity> {
        self.opportunities
            .iter()
            .filter(move |o| o.partner.as_ref() == Some(partner))
            .map(|o| &**o)
    }
}
