//! Adding and removing imported account lists. A list is added only if the
//! workspace's file can still be imported again; removing a list forgets
//! the overlap figures measured on it.

use std::sync::Arc;

use super::check::{self, TextKind};
use super::{Applied, EditError};
use crate::format;
use crate::format::checked_list::CheckedList;
use crate::id::Id;
use crate::overlap::account::{AccountList, ListOwner};
use crate::words::count;
use crate::workspace::Workspace;

pub(super) fn add(ws: &mut Workspace, list: Arc<AccountList>) -> Result<Applied, EditError> {
    let whose = admissible(ws, &list)?;
    // The reader's checks on each account (once, when the list comes in).
    let checked =
        CheckedList::check(list, ws.account_lists.len()).map_err(EditError::Unreadable)?;
    insert(ws, checked.into_list(), whose)
}

/// A list whose accounts were checked beforehand, a slice at a time
/// ([`format::checked_list::ListChecker`]): every other check as [`add`].
pub(super) fn add_checked(ws: &mut Workspace, list: CheckedList) -> Result<Applied, EditError> {
    let whose = admissible(ws, list.list())?;
    insert(ws, list.into_list(), whose)
}

/// Whether `list` may join `ws` (its accounts aside); whose accounts it holds.
fn admissible(ws: &Workspace, list: &AccountList) -> Result<String, EditError> {
    if ws.account_lists.iter().any(|l| l.id.collides(&list.id)) {
        return Err(EditError::Duplicate {
            what: "account list",
            id: list.id.to_string(),
        });
    }
    let whose = match &list.owner {
        ListOwner::Ours => "our accounts".to_owned(),
        ListOwner::Partner(id) => {
            let p = ws
                .partner(id)
                .ok_or_else(|| EditError::missing("partner", &id))?;
            format!("{}'s accounts", p.name)
        }
    };
    check::text(|| "File name".into(), &list.source, TextKind::Short)?;
    check::room("Account lists", ws.account_lists.len())?;
    if list.accounts.len() > format::limits::MAX_ITEMS {
        return Err(EditError::TooMany {
            field: format!("The list {}", list.source),
            max: format::limits::MAX_ITEMS,
        });
    }
    Ok(whose)
}

fn insert(ws: &mut Workspace, list: Arc<AccountList>, whose: String) -> Result<Applied, EditError> {
    let summary = format!(
        "add {} to {whose} ({})",
        list.source,
        count(list.accounts.len(), "account", "accounts")
    );
    ws.account_lists.push(list);
    // Never hold a workspace whose file could not be imported again.
    if let Err(e) = format::check_size(ws) {
        ws.account_lists.pop();
        return Err(EditError::TooLarge(e));
    }
    Ok(Applied::plain(summary))
}

pub(super) fn remove(ws: &mut Workspace, id: &Id) -> Result<Applied, EditError> {
    let i = ws
        .account_lists
        .iter()
        .position(|l| &l.id == id)
        .ok_or_else(|| EditError::missing("account list", &id))?;
    let list = ws.account_lists.remove(i);
    let mut cleared = 0;
    for p in &mut ws.partners {
        let uses = p
            .overlap
            .measured
            .as_ref()
            .is_some_and(|m| m.ours_lists.contains(id) || m.theirs_lists.contains(id));
        if uses {
            Arc::make_mut(p).overlap.measured = None;
            cleared += 1;
        }
    }
    let mut summary = format!(
        "remove the list {} ({})",
        list.source,
        count(list.accounts.len(), "account", "accounts")
    );
    if cleared > 0 {
        summary.push_str(&format!(
            " — forgets the overlap figures of {}",
            count(cleared, "partner", "partners")
        ));
    }
    Ok(Applied::plain(summary))
}
