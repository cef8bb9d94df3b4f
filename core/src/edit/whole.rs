//! Replacing the workspace as a whole: an import, a merge, a reset, a
//! snapshot restored, another tab's version loaded. Like every edit it can
//! be undone; the replacement is checked as the reader checks a file (its
//! accounts were checked by the import that read them).

use super::{Applied, EditError};
use crate::format::{self, ImportError};
use crate::workspace::Workspace;

/// Why the workspace is replaced (names the undo step).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Replacement {
    /// A workspace file imported over ours.
    Import { file: String },
    /// A workspace file merged into ours.
    Merge { file: String },
    /// Back to the demo.
    Demo,
    /// An empty workspace.
    Empty,
    /// A snapshot taken earlier, named by when and why it was taken.
    Snapshot { taken: String },
    /// The version another tab saved.
    OtherTab,
}

impl Replacement {
    fn summary(&self) -> String {
        match self {
            Replacement::Import { file } => format!("import {file}"),
            Replacement::Merge { file } => format!("merge {file}"),
            Replacement::Demo => "reset to the demo".into(),
            Replacement::Empty => "start an empty workspace".into(),
            Replacement::Snapshot { taken } => format!("restore the snapshot of {taken}"),
            Replacement::OtherTab => "load the other tab's version".into(),
        }
    }
}

pub(super) fn replace(
    ws: &mut Workspace,
    next: Workspace,
    why: Replacement,
) -> Result<Applied, EditError> {
    let value = serde_json::to_value(format::write::to_file_without_accounts(&next))
        .expect("workspace file types always serialize");
    format::read::read_workspace(&value)
        .map_err(|e| EditError::Unreadable(ImportError::Invalid(e)))?;
    format::check_size(&next).map_err(EditError::TooLarge)?;
    *ws = next;
    Ok(Applied::plain(why.summary()))
}
