//! The file's record of a partner's account overlap: signals, decisions on
//! matches, the account map and the figures as last measured.

use super::declare::file_types;
use super::leaf::{Cells, Counts, Long, Short, Whole};
use crate::date::Date;
use crate::id::Id;
use crate::overlap::assessment::{Method, Signal};
use crate::overlap::figures::Decision;

/// A count of accounts or matches.
pub type Count = Whole<u64, 0, { i64::MAX }>;

file_types! {
    pub struct MatchDecisionFile {
        /// Identity of our account (its domain key, or "name|country").
        pub ours: Short,
        pub theirs: Short,
        pub decision: Decision,
    }

    pub struct MappedAccountFile {
        pub name: Short,
        pub domain: Short,
        pub relationships: Long,
        pub initiatives: Long,
        pub influence: Long,
        pub entry_point: Long,
    }

    /// The overlap as last measured. Populations are in the order customer,
    /// open opportunity, prospect. Figures computed privately with the
    /// partner (`method` "private", version 8) name no list of theirs.
    pub struct MeasuredFile {
        pub date: Date,
        pub method: Method,
        pub ours_lists: Vec<Id>,
        pub theirs_lists: Vec<Id>,
        /// cells[ours population][their population]
        pub cells: Cells,
        pub greenfield: Counts,
        pub theirs_total: Counts,
        pub ours_total: Counts,
        pub matches: Count,
        pub confirmed: Count,
    }

    pub struct PartnerOverlapFile {
        pub signals: Vec<Signal>,
        pub notes: Long,
        pub decisions: Vec<MatchDecisionFile>,
        pub mapped_accounts: Vec<MappedAccountFile>,
        pub measured: Option<MeasuredFile>,
    }
}
