//! Edits of our company: name, website, our answers to the alignment
//! questions, and the workspace currency (converted or relabelled).

use super::currency::{self, Conversion};
use super::fields::{set_text, Question};
use super::{Applied, EditError};
use crate::money::Currency;
use crate::profile::CompanyProfile;
use crate::workspace::Workspace;

crate::fields! {
    /// A text of our company.
    pub enum ProfileText in CompanyProfile => String {
        Name = "Company name", Short => name,
        Website = "Website", Short => website,
    }
}

/// A change to our company.
#[derive(Clone, Debug, PartialEq)]
pub enum ProfileEdit {
    Text(ProfileText, String),
    /// Our answer to an alignment question.
    Answer(Question, String),
    /// Change the workspace currency; every amount is converted (or
    /// relabelled: same figures, new currency).
    Currency(Currency, Conversion),
}

pub(super) fn apply(ws: &mut Workspace, edit: ProfileEdit) -> Result<Applied, EditError> {
    match edit {
        ProfileEdit::Text(f, text) => {
            let key = format!("profile:{f:?}");
            set_text(f.slot(&mut ws.profile), text, f.label(), f.kind(), key)
        }
        ProfileEdit::Answer(q, text) => {
            let key = format!("profile:{q:?}");
            set_text(
                q.slot(&mut ws.profile.answers),
                text,
                q.label(),
                q.kind(),
                key,
            )
        }
        ProfileEdit::Currency(to, conversion) => currency::change(ws, to, conversion),
    }
}
