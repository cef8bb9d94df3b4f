//! Edits of our company: name, website, our answers to the alignment
//! questions, and the workspace currency (converted or relabelled).

use super::check::{self, TextKind};
use super::currency::{self, Conversion};
use super::{Applied, EditError};
use crate::alignment::QUESTIONS;
use crate::money::Currency;
use crate::profile::CompanyProfile;
use crate::workspace::Workspace;

/// A text field of our company.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProfileText {
    Name,
    Website,
    /// Our answer to alignment question 0–2.
    Answer(usize),
}

impl ProfileText {
    /// The editor's label (also the field's name in messages).
    pub fn label(self) -> &'static str {
        match self {
            ProfileText::Name => "Company name",
            ProfileText::Website => "Website",
            ProfileText::Answer(i) => QUESTIONS.get(i).copied().unwrap_or("Answer"),
        }
    }

    pub fn kind(self) -> TextKind {
        match self {
            ProfileText::Name | ProfileText::Website => TextKind::Short,
            ProfileText::Answer(_) => TextKind::Long,
        }
    }

    /// The current text.
    pub fn get(self, p: &CompanyProfile) -> &str {
        match self {
            ProfileText::Name => &p.name,
            ProfileText::Website => &p.website,
            ProfileText::Answer(i) => p.answers.as_array().get(i).copied().unwrap_or(""),
        }
    }

    fn slot(self, p: &mut CompanyProfile) -> Option<&mut String> {
        match self {
            ProfileText::Name => Some(&mut p.name),
            ProfileText::Website => Some(&mut p.website),
            ProfileText::Answer(i) => p.answers.get_mut(i),
        }
    }
}

/// A change to our company.
#[derive(Clone, Debug, PartialEq)]
pub enum ProfileEdit {
    Text(ProfileText, String),
    /// Change the workspace currency; every amount is converted (or
    /// relabelled: same figures, new currency).
    Currency(Currency, Conversion),
}

pub(super) fn apply(ws: &mut Workspace, edit: ProfileEdit) -> Result<Applied, EditError> {
    match edit {
        ProfileEdit::Text(field, text) => {
            check::text(|| field.label().to_owned(), &text, field.kind())?;
            let slot = field.slot(&mut ws.profile).ok_or(EditError::NoRow {
                what: "alignment question",
                number: 4,
            })?;
            *slot = text;
            Ok(Applied::keyed(
                format!("edit {}", field.label().to_lowercase()),
                format!("profile:{field:?}"),
            ))
        }
        ProfileEdit::Currency(to, conversion) => currency::change(ws, to, conversion),
    }
}
