//! Partnerfit core: the domain of choosing channel partners that scale, and
//! every computation on it.
//!
//! Pure and deterministic: no I/O, no clock, no randomness. Time, ids and
//! entropy are arguments. No browser crate is a dependency.
#![forbid(unsafe_code)]

pub mod vocab;

pub mod alignment;
pub mod changes;
pub mod controls;
pub mod csv_export;
pub mod date;
pub mod demo;
pub mod edit;
pub mod format;
pub mod governance;
pub mod icp;
pub mod id;
pub mod incentives;
pub mod input;
pub mod markdown;
pub mod merge;
pub mod money;
pub mod motion;
pub mod overlap;
pub mod partner;
pub mod pilot;
pub mod pipeline;
pub mod profile;
pub mod program;
pub mod rate;
pub mod scorecard;
pub mod share;
pub mod snapshot;
pub mod words;
pub mod workspace;

pub use date::Date;
pub use id::Id;
pub use money::{Currency, Money};
pub use workspace::Workspace;
