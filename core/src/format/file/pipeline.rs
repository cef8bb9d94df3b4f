//! The file's pipeline: opportunities with their stage history and next
//! actions, the expected days per stage, and the CRM exports taken in.
//! Amounts are minor units of the workspace's currency.

use std::collections::BTreeMap;

use super::declare::file_types;
use super::leaf::{Long, Short, Whole};
use crate::date::Date;
use crate::id::Id;
use crate::money::Money;
use crate::pipeline::{Attribution, DealKind, Side, Stage};

/// Days expected in a stage, up to ten years.
pub type StageDays = Whole<u16, 0, 3650>;
/// A count of deals in one export.
pub type Rows = Whole<u32, 0, 4_294_967_295>;

file_types! {
    pub struct StageEntryFile {
        pub stage: Stage,
        /// The day the deal entered the stage (YYYY-MM-DD).
        pub date: Date,
    }

    pub struct NextActionFile {
        pub text: Long,
        pub owner: Side,
        pub due: Option<Date>,
        pub done: bool,
    }

    /// One opportunity (deal).
    pub struct OpportunityFile {
        pub id: Id,
        /// The CRM's record id; empty for a deal entered by hand.
        pub crm_id: Short,
        pub name: Short,
        pub account: Short,
        pub domain: Short,
        /// The partner a partner-sourced or -influenced deal is attributed to.
        pub partner: Option<Id>,
        /// The export's partner and source columns, as written.
        pub partner_text: Short,
        pub source: Short,
        pub attribution: Attribution,
        pub r#type: DealKind,
        pub amount_minor: Money,
        pub created: Date,
        pub close: Option<Date>,
        /// Stages entered, oldest first; at least one.
        pub stage_history: Vec<StageEntryFile>,
        /// Judged against the motion's definition of qualified; null until judged.
        pub qualified: Option<bool>,
        pub next_actions: Vec<NextActionFile>,
    }

    /// A CRM export taken in.
    pub struct ExportTakenFile {
        /// The day the export describes.
        pub date: Date,
        pub file_name: Short,
        pub created: Rows,
        pub updated: Rows,
        pub unchanged: Rows,
    }

    pub struct PipelineFile {
        /// Days a deal is expected to stay in an open stage, where changed
        /// from the default.
        pub expected_days: BTreeMap<Stage, StageDays>,
        pub opportunities: Vec<OpportunityFile>,
        pub imports: Vec<ExportTakenFile>,
    }
}
