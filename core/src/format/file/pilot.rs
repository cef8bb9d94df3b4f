//! The file's pilots (step 7) and the override of a "do not onboard"
//! verdict.

use std::collections::BTreeMap;

use super::declare::file_types;
use super::leaf::{Long, Short, Whole};
use crate::date::Date;
use crate::pilot::{AccountSource, Decision};
use crate::pipeline::Stage;

/// A target count of opportunities.
pub type TargetCount = Whole<u16, 0, 10_000>;

file_types! {
    pub struct PilotAccountFile {
        pub name: Short,
        pub domain: Short,
        pub source: AccountSource,
    }

    pub struct PlayFile {
        pub name: Short,
        pub trigger: Long,
        pub outcome: Long,
        pub our_owner: Short,
        pub partner_owner: Short,
        /// Names of the pilot's accounts it targets.
        pub accounts: Vec<Short>,
    }

    pub struct TargetsFile {
        /// Qualified opportunities created within the pilot.
        pub qualified: TargetCount,
        /// Opportunities moved forward at least one stage.
        pub progressed: TargetCount,
    }

    pub struct ReviewFile {
        pub date: Date,
        pub notes: Long,
        /// Opportunity id → the stage it stood in at the review.
        pub seen: BTreeMap<String, Stage>,
    }

    pub struct DecidedFile {
        pub decision: Decision,
        pub date: Date,
        pub reason: Long,
    }

    /// One pilot; a partner's pilots are oldest first.
    pub struct PilotFile {
        pub start: Date,
        pub end: Date,
        pub our_owner: Short,
        pub partner_owner: Short,
        pub accounts: Vec<PilotAccountFile>,
        pub plays: Vec<PlayFile>,
        pub targets: TargetsFile,
        /// What a reset asked this pilot to fix.
        pub fixes: Vec<Long>,
        /// Weekly reviews, oldest first.
        pub reviews: Vec<ReviewFile>,
        pub decided: Option<DecidedFile>,
    }

    /// Why the partner went to pilot or active against a "do not onboard" verdict.
    pub struct OverrideFile {
        pub date: Date,
        pub reason: Long,
    }
}
