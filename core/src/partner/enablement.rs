//! Enablement given to a partner: training, calls, certification. The seed
//! warns against "treating enablement as the goal": the log is set beside
//! the qualified opportunities the partner produced (see
//! `program::enablement`).

use crate::date::Date;
use crate::vocabulary;

vocabulary! {
    /// What kind of enablement was given.
    pub enum EnablementKind ("enablement kind") {
        Training = "training" / "Training",
        Call = "call" / "Enablement call",
        Certification = "certification" / "Certification",
        Other = "other" / "Other",
    }
}

/// One entry of a partner's enablement log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enablement {
    pub date: Date,
    pub kind: EnablementKind,
    /// Time spent, in minutes (the editor reads and shows hours).
    pub minutes: u32,
    pub note: String,
}
