//! The file's ICP section: the ideal customer profile.

use super::super::limits::MAX_EMPLOYEES;
use super::declare::file_types;
use super::leaf::{Long, MinorUnits, Short, Whole};
use crate::icp::{BuyingRole, DisqualifierKind, ExampleFit};
use crate::id::Id;

/// An employee count in an ICP size range.
pub type Employees = Whole<i64, 0, { MAX_EMPLOYEES as i64 }>;

file_types! {
    /// An inclusive range; either end may be null.
    #[cfg_attr(feature = "schema", schemars(rename = "SpanFile"))]
    pub struct SpanFile<T> {
        pub min: Option<T>,
        pub max: Option<T>,
    }

    pub struct CommitteeMemberFile {
        pub role: BuyingRole,
        pub title: Short,
        pub notes: Long,
    }

    pub struct DisqualifierFile {
        pub id: Id,
        pub kind: DisqualifierKind,
        pub text: Long,
        /// Minor units of the workspace currency (budget floors).
        pub amount_minor: Option<MinorUnits>,
    }

    pub struct ExampleFile {
        pub name: Short,
        pub fit: ExampleFit,
        pub why: Long,
    }

    /// The ideal customer profile.
    pub struct IcpFile {
        pub industries: Vec<Short>,
        pub sub_verticals: Vec<Short>,
        pub employees: SpanFile<Employees>,
        /// Minor units of the workspace currency.
        pub annual_revenue_minor: SpanFile<MinorUnits>,
        pub pain_triggers: Vec<Long>,
        pub buying_committee: Vec<CommitteeMemberFile>,
        pub disqualifiers: Vec<DisqualifierFile>,
        pub examples: Vec<ExampleFile>,
    }
}
