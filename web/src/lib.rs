//! Partnerfit web app: the imperative shell around `partnerfit-core`.
//! Signals, components, storage and files live here; every computation is a
//! call into the core.

pub mod app;
pub mod clock;
pub mod components;
pub mod files;
pub mod lens;
pub mod offline;
pub mod overlap_run;
pub mod pages;
pub mod psi_run;
pub mod routes;
pub mod share_link;
pub mod state;
pub mod storage;
pub mod stretch;
pub mod take_in;
pub mod worker;

pub use app::App;
