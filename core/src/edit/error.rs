//! Why an edit was refused, in words the app shows next to the control.
//! A refused edit changes nothing.

use crate::format::{ImportError, TooLargeToSave};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The thing edited is gone (removed in another tab, or by an undo).
    #[error("{what} \"{id}\" is no longer in this workspace")]
    Missing { what: &'static str, id: String },
    /// A row number past the end of its list.
    #[error("there is no {what} {number}")]
    NoRow { what: &'static str, number: usize },
    /// A new record would take an id already used.
    #[error("the {what} id \"{id}\" is already used")]
    Duplicate { what: &'static str, id: String },
    /// Text longer than the file format keeps.
    #[error("{field} is {len} characters long; at most {max} are kept")]
    TooLong {
        field: String,
        len: usize,
        max: usize,
    },
    /// A list that would exceed the most items a file keeps.
    #[error("{field} would hold more than {max} items")]
    TooMany { field: String, max: usize },
    /// A value the reader would refuse, with the reason.
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },
    /// Removing the last criterion of a category.
    #[error("a category needs at least one criterion: remove the category \"{category}\" instead")]
    LastCriterion { category: String },
    /// Removing the last category.
    #[error("the scorecard needs at least one category")]
    LastCategory,
    /// The workspace's file would be larger than a file can be.
    #[error("{0}")]
    TooLarge(TooLargeToSave),
    /// A replacement workspace the reader refuses.
    #[error("{}", .0.lines().join("; "))]
    Unreadable(ImportError),
}

impl EditError {
    /// `what` with `id` is not in the workspace.
    pub(crate) fn missing(what: &'static str, id: &impl std::fmt::Display) -> EditError {
        EditError::Missing {
            what,
            id: id.to_string(),
        }
    }

    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> EditError {
        EditError::Invalid {
            field: field.into(),
            reason: reason.into(),
        }
    }
}
