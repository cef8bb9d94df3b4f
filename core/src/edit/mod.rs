//! One door for every change to a workspace.
//!
//! An [`Edit`] is a value, one variant per user intention (rate a criterion,
//! remove a category, add an account list, record a status change…), and
//! [`Workspace::apply`] carries it out. The rules:
//!
//! - **Cascades are inside.** Removing a criterion removes its ratings and
//!   evidence; removing a category also its gates; removing a disqualifier
//!   clears it from every partner; deleting a partner deletes its account
//!   lists; removing a list forgets the overlap figures measured on it.
//! - **What the reader would refuse is refused**, with a message naming the
//!   field as the editor labels it, and a refused edit changes nothing. So a
//!   workspace changed only by edits always saves and reads back unchanged
//!   (`format::load(&format::save(ws)) == ws`, property-tested with random
//!   sequences of edits in `core/tests/edits.rs`).
//! - **Every applied edit says what it did** ([`Applied::summary`], e.g.
//!   "remove category Operational readiness — 12 ratings"): the undo
//!   history ([`history::History`]) names its steps with it.
//!
//! Ids, dates and everything random are in the edit: applying is a pure
//! function of the workspace and the edit.

mod check;
pub mod currency;
mod deal_fields;
mod error;
pub mod fields;
pub mod history;
pub mod icp;
pub mod incentives;
mod lists;
pub mod motion;
pub mod overlap;
pub mod partner;
pub mod pilot;
pub mod pipeline;
pub mod profile;
pub mod program;
pub mod rows;
pub mod scorecard;
pub mod take_in;
mod whole;

use std::sync::Arc;

pub use check::TextKind;
pub use currency::Conversion;
pub use error::EditError;
pub use fields::Question;
pub use icp::{Bound, IcpEdit, IcpLines};
pub use incentives::{IncentivesEdit, PayoutKind};
pub use motion::{MotionDays, MotionEdit, MotionLines, MotionText, Role};
pub use overlap::OverlapEdit;
pub use partner::{PartnerEdit, PartnerText};
pub use pilot::{PilotEdit, PilotText, TargetField};
pub use pipeline::{OpportunityEdit, OpportunityText, PipelineEdit};
pub use profile::{ProfileEdit, ProfileText};
pub use program::{ProgramEdit, ProgramText};
pub use rows::RowEdit;
pub use scorecard::ScorecardEdit;
pub use whole::Replacement;

use crate::date::Date;
use crate::id::Id;
use crate::overlap::account::AccountList;
use crate::partner::PartnerType;
use crate::workspace::Workspace;

/// A change to a workspace, as the user meant it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Profile(ProfileEdit),
    Icp(IcpEdit),
    Scorecard(ScorecardEdit),
    /// A new candidate, created on `today`.
    AddPartner {
        id: Id,
        name: String,
        kind: PartnerType,
        today: Date,
    },
    /// Delete a partner and its account lists.
    RemovePartner(Id),
    Partner(Id, PartnerEdit),
    /// An imported CRM export (ours, or a partner's).
    AddList(Arc<AccountList>),
    /// The same, its accounts checked beforehand in slices (the browser).
    AddCheckedList(crate::format::checked_list::CheckedList),
    RemoveList(Id),
    /// Opportunities and the pipeline's settings.
    Pipeline(PipelineEdit),
    /// The program as a whole: owner, number, rhythm, tiers, 30-60-90 plan.
    Program(ProgramEdit),
    /// The workspace replaced as a whole.
    Replace(Box<Workspace>, Replacement),
}

impl Edit {
    /// A change to the partner `id`.
    pub fn partner(id: &Id, edit: PartnerEdit) -> Edit {
        Edit::Partner(id.clone(), edit)
    }
}

/// What an applied edit did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// In words, lower case, to follow "Undo: " ("remove category D — 12
    /// ratings").
    pub summary: String,
    /// Edits with the same key, one after another, are one step of the undo
    /// history (typing in one field); `None` for edits that always stand
    /// alone.
    pub key: Option<String>,
    /// Joins the last step with the same key however long ago it was
    /// (another tab's saves, one after another, are one step).
    pub sticky: bool,
}

impl Applied {
    pub(crate) fn plain(summary: impl Into<String>) -> Applied {
        Applied {
            summary: summary.into(),
            key: None,
            sticky: false,
        }
    }

    pub(crate) fn keyed(summary: impl Into<String>, key: impl Into<String>) -> Applied {
        Applied {
            summary: summary.into(),
            key: Some(key.into()),
            sticky: false,
        }
    }

    pub(crate) fn with_key(self, key: String) -> Applied {
        Applied {
            key: Some(key),
            ..self
        }
    }

    /// This edit of a part of a partner, named with the partner.
    pub(crate) fn of(self, name: &str, id: &str) -> Applied {
        Applied {
            summary: format!("{} of {name}", self.summary),
            key: self.key.map(|k| format!("partner:{id}:{k}")),
            ..self
        }
    }
}

impl Workspace {
    /// Carry out `edit`, with its cascades; or refuse it, changing nothing.
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, EditError> {
        match edit {
            Edit::Profile(e) => profile::apply(self, e),
            Edit::Icp(e) => icp::apply(self, e),
            Edit::Scorecard(e) => scorecard::apply(self, e),
            Edit::AddPartner {
                id,
                name,
                kind,
                today,
            } => partner::add(self, id, name, kind, today),
            Edit::RemovePartner(id) => partner::remove(self, &id),
            Edit::Partner(id, e) => partner::apply(self, &id, e),
            Edit::AddList(list) => lists::add(self, list),
            Edit::AddCheckedList(list) => lists::add_checked(self, list),
            Edit::RemoveList(id) => lists::remove(self, &id),
            Edit::Pipeline(e) => pipeline::apply(self, e),
            Edit::Program(e) => program::apply(self, e),
            Edit::Replace(next, why) => whole::replace(self, *next, why),
        }
    }
}
