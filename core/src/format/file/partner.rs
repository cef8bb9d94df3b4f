//! The file's partner records; a partner's overlap, motion, incentives and
//! self-assessment have their own sections.

use std::collections::BTreeMap;

use super::declare::file_types;
use super::incentives::IncentivesFile;
use super::leaf::{Long, Short};
use super::motion::MotionFile;
use super::overlap::PartnerOverlapFile;
use super::pilot::{OverrideFile, PilotFile};
use super::profile::AnswersFile;
use super::program::EnablementFile;
use super::share::SelfAssessmentFile;
use crate::alignment::Judgment;
use crate::date::Date;
use crate::id::Id;
use crate::partner::{BrandSize, PartnerType, Score, Status};

file_types! {
    pub struct StatusChangeFile {
        pub status: Status,
        /// YYYY-MM-DD.
        #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
        pub date: Date,
    }

    pub struct PartnerAlignmentFile {
        pub answers: AnswersFile,
        pub judgment: Judgment,
    }

    /// A partner (or candidate).
    pub struct PartnerFile {
        pub id: Id,
        pub name: Short,
        pub website: Short,
        pub r#type: PartnerType,
        /// Oldest first; at least one entry.
        pub status_history: Vec<StatusChangeFile>,
        pub owner: Short,
        pub notes: Long,
        pub brand_size: BrandSize,
        pub archived: bool,
        /// Criterion id → rating 1–5. Unrated criteria are absent.
        pub ratings: BTreeMap<String, Score>,
        /// Criterion id → evidence note (rated or not).
        pub evidence: BTreeMap<String, Long>,
        pub alignment: PartnerAlignmentFile,
        /// Ids of ICP disqualifiers that hit this partner's book of business.
        pub disqualifier_hits: Vec<Id>,
        pub overlap: PartnerOverlapFile,
        /// Rules of engagement (step 5).
        pub motion: MotionFile,
        /// Incentive plans and the assumptions they are modelled on (step 6).
        pub incentives: IncentivesFile,
        /// Self-assessment invitations sent and responses received.
        pub self_assessment: SelfAssessmentFile,
        /// Pilots run (step 7), oldest first.
        pub pilots: Vec<PilotFile>,
        /// Set when the partner went to pilot or active against a "do not
        /// onboard" verdict.
        pub verdict_override: Option<OverrideFile>,
        /// Enablement given, oldest first.
        pub enablement: Vec<EnablementFile>,
    }
}
