//! Domain → file types (current version), one module per section of the file.

mod accounts;
mod icp;
mod incentives;
mod motion;
mod overlap;
mod partner;
mod profile;
mod scorecard;
mod share;

use super::file::{FormatTag, FormatVersion, WorkspaceFile};
use crate::workspace::Workspace;

pub(crate) use accounts::accounts;

/// The file form of a workspace.
pub fn to_file(ws: &Workspace) -> WorkspaceFile {
    file(ws, true)
}

/// The file form with every account list's accounts left out (their size is
/// counted without copying them: `format::size`).
pub(crate) fn to_file_without_accounts(ws: &Workspace) -> WorkspaceFile {
    file(ws, false)
}

fn file(ws: &Workspace, with_accounts: bool) -> WorkspaceFile {
    WorkspaceFile {
        format: FormatTag,
        format_version: FormatVersion,
        profile: profile::profile(&ws.profile),
        icp: icp::icp(&ws.icp),
        scorecard: scorecard::scorecard(&ws.scorecard),
        partners: ws.partners.iter().map(|p| partner::partner(p)).collect(),
        account_lists: ws
            .account_lists
            .iter()
            .map(|l| accounts::account_list(l, with_accounts))
            .collect(),
    }
}
