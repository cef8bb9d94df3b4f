//! The file's account lists: imported CRM exports, ours and each partner's.

use super::declare::file_types;
use super::leaf::{MinorUnits, Short, Whole};
use crate::date::Date;
use crate::id::Id;
use crate::overlap::population::Population;

crate::vocabulary! {
    /// How a list's populations are decided.
    pub enum PopulationSourceKind ("population source") {
        StatusColumn = "status_column" / "From the status column",
        Fixed = "fixed" / "The same for the whole list",
    }
}

/// The keys of an [`AccountFile`], in the order they are written.
pub const ACCOUNT_KEYS: [&str; 10] = AccountFile::KEYS;

file_types! {
    /// One account of an imported list.
    pub struct AccountFile {
        /// Line of the source file where the record starts (1-based).
        pub line: Whole<u64, 1, { i64::MAX }>,
        pub name: Short,
        /// As written: website, domain or e-mail.
        pub domain: Short,
        pub country: Short,
        pub population: Population,
        pub status: Short,
        pub owner: Short,
        pub industry: Short,
        pub employees: Short,
        /// Annual revenue in minor units of the workspace's currency (since
        /// version 6); written only when the export had it.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub annual_revenue_minor: Option<MinorUnits>,
    }

    /// An imported CRM export.
    pub struct AccountListFile {
        pub id: Id,
        /// The partner whose accounts these are; null for ours.
        pub partner: Option<Id>,
        /// The source file's name.
        pub source: Short,
        /// YYYY-MM-DD.
        pub imported: Date,
        pub population_source: PopulationSourceKind,
        /// The fixed population, or the fallback when a status says nothing.
        pub population: Population,
        pub accounts: Vec<AccountFile>,
    }
}
