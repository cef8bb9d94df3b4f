//! The file's rules of engagement (step 5).

use super::declare::file_types;
use super::leaf::{Long, Short, Whole};
use crate::motion::{Party, Step};

/// Business days, up to ten years.
pub type Days = Whole<u16, 0, 3650>;

file_types! {
    pub struct JourneyStageFile {
        pub name: Short,
        /// Our product naturally supports the partner's process at this stage.
        pub we_fit: bool,
        pub notes: Long,
    }

    pub struct OwnershipFile {
        pub step: Step,
        pub lead: Party,
        pub support: Party,
    }

    pub struct SlaFile {
        /// Business days to a first response.
        pub first_response_days: Option<Days>,
        /// Business days to accept or reject as qualified.
        pub qualification_days: Option<Days>,
        pub notes: Long,
    }

    pub struct RegistrationFile {
        pub eligible: Long,
        pub protection_days: Option<Days>,
        pub on_expiry: Long,
        pub dispute_rule: Long,
        pub dispute_owner: Short,
    }

    /// Rules of engagement: one entry per sales step in `ownership`.
    pub struct MotionFile {
        pub journey: Vec<JourneyStageFile>,
        pub ownership: Vec<OwnershipFile>,
        pub qualified: Vec<Long>,
        pub rejected: Vec<Long>,
        pub sla: SlaFile,
        pub registration: RegistrationFile,
    }
}
