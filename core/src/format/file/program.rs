//! The file's program section (governance of the whole program) and a
//! partner's enablement log. Amounts are minor units of the workspace's
//! currency.

use std::collections::BTreeMap;

use super::declare::file_types;
use super::leaf::{Long, Short, Whole};
use crate::date::Date;
use crate::id::Id;
use crate::money::Money;
use crate::partner::EnablementKind;
use crate::program::{ClockTime, MeetingKind, Number, PlanStep};
use crate::rate::Rate;

/// A meeting's length in minutes: 5 minutes to a day.
pub type MeetingMinutes = Whole<u16, 5, 1440>;
/// Quarters a tier is judged on: 1 to 8.
pub type TierQuarters = Whole<u8, 1, 8>;
/// Days without new pipeline before a partner is inactive: 7 to 3650.
pub type InactiveDays = Whole<u16, 7, 3650>;
/// A count of health-check items.
pub type ItemCount = Whole<u16, 0, 1000>;
/// Minutes of enablement in one entry: up to 1,000 hours.
pub type EnablementMinutes = Whole<u32, 0, 60_000>;

file_types! {
    pub struct MeetingFile {
        pub id: Id,
        pub kind: MeetingKind,
        /// The partner of a quarterly business review; null for the
        /// program's own reviews.
        pub partner: Option<Id>,
        /// The first occurrence (YYYY-MM-DD); it recurs from there.
        pub first: Date,
        /// Local time of day, HH:MM.
        pub time: ClockTime,
        pub minutes: MeetingMinutes,
        pub attendees: Vec<Short>,
    }

    /// A tier, reached when every non-zero minimum is met over the window.
    pub struct TierFile {
        pub name: Short,
        pub min_sourced_minor: Money,
        pub min_won_minor: Money,
        pub min_win_rate_bp: Rate,
        pub benefits: Vec<Long>,
    }

    pub struct HealthPointFile {
        pub date: Date,
        pub passing: ItemCount,
        pub total: ItemCount,
    }

    pub struct ProgramFile {
        /// The one owner of partner pipeline and revenue.
        pub owner: Short,
        pub number: Number,
        /// The number's target per quarter.
        pub target_minor: Money,
        /// Day 1 of the 30-60-90 plan.
        pub start: Option<Date>,
        pub meetings: Vec<MeetingFile>,
        /// Highest first.
        pub tiers: Vec<TierFile>,
        pub tier_quarters: TierQuarters,
        pub inactive_days: InactiveDays,
        /// Steps of the 30-60-90 plan ticked by hand → the day.
        pub plan_done: BTreeMap<PlanStep, Date>,
        /// The health check's score by day, oldest first.
        pub health: Vec<HealthPointFile>,
    }

    pub struct EnablementFile {
        pub date: Date,
        pub kind: EnablementKind,
        pub minutes: EnablementMinutes,
        pub note: Long,
    }
}
