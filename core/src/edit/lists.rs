//! Adding and removing imported account lists. A list is added only if the
//! workspace's file can still be imported again; removing a list forgets
//! the overlap figures measured on it.

use std::sync::Arc;

use super::check::{self, TextKind};
use super::{Applied, EditError};
use crate::format::{self, ImportError};
use crate::id::Id;
use crate::overlap::account::{AccountList, ListOwner};
use crate::words::count;
use crate::workspace::Workspace;

pub(super) fn add(ws: &mut Workspace, list: Arc<AccountList>) -> Result<Applied, EditError> {
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
    // The reader's checks on each account (once, when the list comes in).
    let value = serde_json::to_value(format::write::accounts(&list))
        .expect("account file types always serialize");
    let path = format!("account_lists[{}].accounts", ws.account_lists.len());
    format::read::check_accounts(&value, path)
        .map_err(|e| EditError::Unreadable(ImportError::Invalid(e)))?;
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
