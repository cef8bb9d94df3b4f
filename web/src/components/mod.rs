//! Reusable pieces of the interface.

pub mod account_lists;
pub mod charts;
pub mod fields;
pub mod import;
pub mod list_import;
pub mod nav;
pub mod rating;
pub mod status;
pub mod verdict;
