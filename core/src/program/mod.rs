//! Governance of the whole program (after step 7): one owner for the
//! number, the operating rhythm, tiers by measured performance, when a
//! partner counts as inactive, the 30-60-90 plan's hand-ticked steps and the
//! history of the program health check.
//!
//! These are what the user sets; what is computed from them and the
//! pipeline (concentration, tiers reached, inactive partners, the health
//! check, the plan's progress, the calendar and agendas) lives in the
//! submodules.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::id::Id;
use crate::money::Money;
use crate::rate::Rate;
use crate::vocabulary;

pub mod agenda;
pub mod calendar;
pub mod clock;
pub mod concentration;
pub mod enablement;
pub mod health;
pub mod inactive;
pub mod number;
pub mod plan;
pub mod report;
mod sums;
pub mod tiers;

pub use clock::ClockTime;

vocabulary! {
    /// The number the program's owner answers for, per quarter.
    pub enum Number ("program number") {
        SourcedPipeline = "sourced_pipeline" / "Partner-sourced pipeline created",
        PartnerRevenue = "partner_revenue" / "Partner revenue won (sourced and influenced)",
        SourcedRevenue = "sourced_revenue" / "Partner-sourced revenue won",
    }
}

vocabulary! {
    /// The meetings of the operating rhythm (the seed's "simple operating
    /// rhythm").
    pub enum MeetingKind ("meeting") {
        WeeklyPipeline = "weekly_pipeline" / "Weekly pipeline review",
        MonthlyPerformance = "monthly_performance" / "Monthly performance review",
        QuarterlyBusiness = "quarterly_business" / "Quarterly business review",
    }
}

impl MeetingKind {
    /// What the meeting is for, from the seed.
    pub fn purpose(self) -> &'static str {
        match self {
            MeetingKind::WeeklyPipeline => "Active opportunities and blockers",
            MeetingKind::MonthlyPerformance => "Plays, enablement gaps and pipeline creation",
            MeetingKind::QuarterlyBusiness => {
                "Revenue outcomes first, then plays, then next quarter's commitments"
            }
        }
    }

    /// Months between two meetings, or `None` for a weekly one.
    pub fn months_apart(self) -> Option<u32> {
        match self {
            MeetingKind::WeeklyPipeline => None,
            MeetingKind::MonthlyPerformance => Some(1),
            MeetingKind::QuarterlyBusiness => Some(3),
        }
    }
}

/// One recurring meeting of the rhythm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting {
    pub id: Id,
    pub kind: MeetingKind,
    /// The partner a quarterly business review is with; `None` for the
    /// program's own reviews.
    pub partner: Option<Id>,
    /// The first occurrence; the meeting recurs from it.
    pub first: Date,
    /// Local time of day it starts (the calendar uses floating local time).
    pub time: ClockTime,
    pub minutes: u16,
    /// Names or e-mail addresses, one per attendee.
    pub attendees: Vec<String>,
}

/// A tier of the partner program, reached by measured performance over the
/// program's tier window. Every minimum must be met; a minimum of zero does
/// not count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tier {
    pub name: String,
    /// Partner-sourced pipeline created in the window.
    pub min_sourced: Money,
    /// Revenue won with the partner (sourced and influenced) in the window.
    pub min_won: Money,
    /// Won deals over closed deals in the window.
    pub min_win_rate: Rate,
    /// What partners in the tier get, one per line (on the tier sheet).
    pub benefits: Vec<String>,
}

vocabulary! {
    /// The steps of the seed's 30-60-90 plan, in order.
    pub enum PlanStep ("30-60-90 step") {
        FinalizeIcp = "finalize_icp" / "Finalize the ICP and disqualifiers",
        ChooseTypes = "choose_types" / "Choose the partner types to prioritize",
        BuildScorecard = "build_scorecard" / "Build the scorecard and minimum thresholds",
        DraftRules = "draft_rules" / "Draft one-page rules of engagement",
        Recruit = "recruit" / "Recruit and evaluate 10 to 15 candidates",
        MapAccounts = "map_accounts" / "Run account mapping with the top candidates",
        LaunchPilots = "launch_pilots" / "Launch 1 to 3 pilots with clear targets",
        AlignComp = "align_comp" / "Align internal comp rules for partner deals",
        DoubleDown = "double_down" / "Double down on pilot winners",
        PublishTiers = "publish_tiers" / "Publish tiering and benefits based on performance",
        ExitPilots = "exit_pilots" / "Exit pilots that did not produce progression",
        InstallQbrs = "install_qbrs" / "Install QBRs with revenue-first agendas",
    }
}

impl PlanStep {
    /// The last day of the plan's period this step belongs to, counted from
    /// day 1 (30, 60 or 90).
    pub fn due_day(self) -> u16 {
        match self {
            PlanStep::FinalizeIcp
            | PlanStep::ChooseTypes
            | PlanStep::BuildScorecard
            | PlanStep::DraftRules => 30,
            PlanStep::Recruit
            | PlanStep::MapAccounts
            | PlanStep::LaunchPilots
            | PlanStep::AlignComp => 60,
            PlanStep::DoubleDown
            | PlanStep::PublishTiers
            | PlanStep::ExitPilots
            | PlanStep::InstallQbrs => 90,
        }
    }
}

/// The program health check's score on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HealthPoint {
    pub date: Date,
    pub passing: u16,
    pub total: u16,
}

/// Days without new partner pipeline after which a partner is inactive, by
/// default (the seed: "keeping inactive partners forever").
pub const DEFAULT_INACTIVE_DAYS: u16 = 90;
/// Quarters of performance a tier is judged on, by default.
pub const DEFAULT_TIER_QUARTERS: u8 = 2;

/// What the user sets for the program as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// The one person who owns partner pipeline and revenue.
    pub owner: String,
    pub number: Number,
    /// The number's target per quarter.
    pub target: Money,
    /// Day 1 of the 30-60-90 plan.
    pub start: Option<Date>,
    pub meetings: Vec<Meeting>,
    /// Tiers, highest first: a partner is in the first tier it reaches.
    pub tiers: Vec<Tier>,
    /// Quarters (the current one and those before) tiers are judged on.
    pub tier_quarters: u8,
    pub inactive_days: u16,
    /// Steps of the 30-60-90 plan ticked by hand, with the day.
    pub plan_done: BTreeMap<PlanStep, Date>,
    /// The health check's score, one point per day it was recorded, oldest
    /// first.
    pub health: Vec<HealthPoint>,
}

impl Default for Program {
    fn default() -> Program {
        Program {
            owner: String::new(),
            number: Number::SourcedPipeline,
            target: Money(0),
            start: None,
            meetings: Vec::new(),
            tiers: Vec::new(),
            tier_quarters: DEFAULT_TIER_QUARTERS,
            inactive_days: DEFAULT_INACTIVE_DAYS,
            plan_done: BTreeMap::new(),
            health: Vec::new(),
        }
    }
}

impl Program {
    /// The quarterly business review scheduled with `partner`, if any.
    pub fn qbr_with(&self, partner: &Id) -> Option<&Meeting> {
        self.meetings.iter().find(|m| {
            m.kind == MeetingKind::QuarterlyBusiness && m.partner.as_ref() == Some(partner)
        })
    }
}
