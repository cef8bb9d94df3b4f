//! Replacing the workspace as a whole: an import, a merge, a reset, a
//! snapshot restored, another tab's version loaded. Like every edit it can
//! be undone; the replacement is checked as the reader checks a file (its
//! accounts were checked by the import that read them).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Applied, EditError};
use crate::format::{self, ImportError};
use crate::id::Id;
use crate::overlap::account::AccountList;
use crate::partner::Partner;
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
    /// The step in words, as the undo history names it ("import acme.json").
    pub fn summary(&self) -> String {
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
    let mut next = next;
    share_unchanged(&mut next, ws);
    let done = Applied::plain(why.summary());
    let done = match why {
        Replacement::OtherTab => Applied {
            key: Some("whole:other-tab".into()),
            sticky: true,
            ..done
        },
        _ => done,
    };
    *ws = next;
    Ok(done)
}

/// Use `current`'s partners and account lists wherever `next` holds the
/// same ones (same id, same content): a replacement read from a file (an
/// import, another tab's save) shares what did not change with the states
/// the undo history keeps, instead of holding a second copy of them.
fn share_unchanged(next: &mut Workspace, current: &Workspace) {
    let partners: BTreeMap<&Id, &Arc<Partner>> =
        current.partners.iter().map(|p| (&p.id, p)).collect();
    for p in &mut next.partners {
        if let Some(old) = partners.get(&p.id).filter(|old| ***old == *p) {
            *p = Arc::clone(old);
        }
    }
    let lists: BTreeMap<&Id, &Arc<AccountList>> =
        current.account_lists.iter().map(|l| (&l.id, l)).collect();
    for l in &mut next.account_lists {
        if let Some(old) = lists.get(&l.id).filter(|old| ***old == *l) {
            *l = Arc::clone(old);
        }
    }
}
