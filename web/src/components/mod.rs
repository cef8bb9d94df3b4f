//! Reusable pieces of the interface.

pub mod charts;
pub mod fields;
pub mod import;
pub mod nav;
pub mod rating;
pub mod status;
pub mod verdict;
