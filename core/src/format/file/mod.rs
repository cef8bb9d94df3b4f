//! The workspace file's own types (current version), one module per section
//! of the file. They are a compatibility promise, kept apart from the domain
//! types: change them only together with `FORMAT_VERSION`, a migration and a
//! new golden fixture.
//!
//! Each record is declared once ([`declare::file_types!`]): its fields give
//! the file's keys, its serialization, its JSON Schema and its reader; the
//! field types ([`leaf`]) say what each field accepts. Reading into domain
//! types, with the checks between fields and records, is [`super::read`].

pub mod accounts;
pub mod declare;
pub mod icp;
pub mod incentives;
pub mod leaf;
pub mod motion;
pub mod overlap;
pub mod partner;
pub mod pilot;
pub mod pipeline;
pub mod profile;
pub mod program;
pub mod reader;
pub mod scorecard;
pub mod share;

pub use accounts::{AccountFile, AccountListFile, PopulationSourceKind, ACCOUNT_KEYS};
pub use icp::{CommitteeMemberFile, DisqualifierFile, ExampleFile, IcpFile, SpanFile};
pub use incentives::{
    AssumptionsFile, HealthTierFile, IncentivesFile, MarginTierFile, PayoutFile, PlanFile,
    QualityRuleFile, ReferralFile, ResellFile, ServicesFile, TermsFile,
};
pub use leaf::{FormatTag, FormatVersion, Long, Short};
pub use motion::{JourneyStageFile, MotionFile, OwnershipFile, RegistrationFile, SlaFile};
pub use overlap::{MappedAccountFile, MatchDecisionFile, MeasuredFile, PartnerOverlapFile};
pub use partner::{PartnerAlignmentFile, PartnerFile, StatusChangeFile};
pub use pilot::{
    DecidedFile, OverrideFile, PilotAccountFile, PilotFile, PlayFile, ReviewFile, TargetsFile,
};
pub use pipeline::{
    ExportTakenFile, NextActionFile, OpportunityFile, PipelineFile, StageEntryFile,
};
pub use profile::{AnswersFile, ProfileFile};
pub use program::{EnablementFile, HealthPointFile, MeetingFile, ProgramFile, TierFile};
pub use scorecard::{CategoryFile, CriterionFile, ScorecardFile};
pub use share::{ReceivedResponseFile, SelfAssessmentFile, SelfRatingFile, SentInvitationFile};

use declare::file_types;

/// The value of the `format` field.
pub const FORMAT_TAG: &str = "partnerfit-workspace";
/// The version of these types: the version this code writes.
pub const FORMAT_VERSION: u32 = 8;

file_types! {
    /// A Partnerfit workspace file.
    #[cfg_attr(feature = "schema", schemars(title = "Partnerfit workspace"))]
    pub struct WorkspaceFile {
        /// Always "partnerfit-workspace".
        pub format: FormatTag,
        /// Version of this file format.
        pub format_version: FormatVersion,
        pub profile: ProfileFile,
        pub icp: IcpFile,
        pub scorecard: ScorecardFile,
        pub partners: Vec<PartnerFile>,
        /// Imported CRM account lists: ours, and each partner's.
        pub account_lists: Vec<AccountListFile>,
        /// Opportunities from CRM exports and by hand.
        pub pipeline: PipelineFile,
        pub program: ProgramFile,
    }
}
