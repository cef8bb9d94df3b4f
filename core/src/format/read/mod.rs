//! Reading the current version of the workspace file into domain types.
//!
//! The file's types read the JSON ([`super::file`]: structure, unknown and
//! missing fields, texts, numbers, ids, dates, words, each problem with its
//! path). The conversions here, one module per section, take what was read,
//! field by field, and check what lies between fields and records: unique
//! ids, references to criteria, disqualifiers, lists, partners and
//! invitations, status order, spans, ownership, the scorecard's and the
//! plans' rules. They report at the file's paths too, so a check runs
//! whenever what it needs was read, whatever else failed.

mod accounts;
mod icp;
mod incentives;
mod motion;
mod overlap;
mod partner;
mod profile;
mod scorecard;
mod share;

use std::collections::BTreeSet;
use std::sync::Arc;

use serde_json::Value;

use super::cursor::{At, Place, Problems};
use super::errors::FieldError;
use super::file::declare::file_key;
use super::file::leaf::Text;
use super::file::reader::{Part, PartialOf, ReadJson};
use super::file::{partial, AccountFile, AccountListFile, PartnerFile, WorkspaceFile};
use crate::id::Id;
use crate::workspace::Workspace;

/// Read a current-version file. On failure, every problem found.
pub fn read_workspace(root: &Value) -> Result<Workspace, Vec<FieldError>> {
    let probs = Problems::default();
    let at = At::root(&probs, root);
    let ws = WorkspaceFile::read(&at).and_then(|file| workspace(file, &at.place));
    match ws {
        Some(ws) if probs.is_empty() => Ok(ws),
        _ => Err(probs.into_vec()),
    }
}

/// Check the accounts of one list on their own (`path` names the list's
/// `accounts` in the workspace), as [`read_workspace`] checks them.
pub fn check_accounts(accounts: &Value, path: String) -> Result<(), Vec<FieldError>> {
    let probs = Problems::default();
    let at = At {
        place: Place::root(&probs, &path),
        value: accounts,
    };
    let read = <Vec<AccountFile>>::read(&at).and_then(|list| accounts::accounts(list, &at.place));
    match read {
        Some(_) if probs.is_empty() => Ok(()),
        _ => Err(probs.into_vec()),
    }
}

/// Ids that records point at, as read; `None` when they could not be read
/// (then references to them are not checked, to avoid noise).
pub(super) struct Refs {
    criteria: Option<BTreeSet<Id>>,
    disqualifiers: Option<BTreeSet<Id>>,
    partners: Option<BTreeSet<Id>>,
    lists: Option<BTreeSet<Id>>,
}

fn workspace(file: PartialOf<WorkspaceFile>, at: &Place) -> Option<Workspace> {
    let partial::WorkspaceFile {
        format,
        format_version,
        profile,
        icp,
        scorecard,
        partners,
        account_lists,
    } = file;
    let refs = Refs {
        criteria: scorecard::criterion_ids(&scorecard),
        disqualifiers: icp::disqualifier_ids(&icp),
        partners: ids(&partners, |p| p.id.as_partial()),
        lists: ids(&account_lists, |l| l.id.as_partial()),
    };
    let profile = profile.whole().map(profile::profile);
    let icp = icp
        .partial()
        .and_then(|i| icp::icp(i, &at.key(file_key!(WorkspaceFile, icp))));
    let scorecard = scorecard
        .partial()
        .and_then(|s| scorecard::scorecard(s, &at.key(file_key!(WorkspaceFile, scorecard))));
    let partners_at = at.key(file_key!(WorkspaceFile, partners));
    let partners = partners.partial().and_then(|list| {
        duplicates(
            &partners_at,
            "partner",
            file_key!(PartnerFile, id),
            list.iter().map(|p| p.as_partial()?.id.as_partial()),
        );
        every(list.into_iter().enumerate().map(|(i, p)| {
            partner::partner(p.partial()?, &partners_at.index(i), &refs).map(Arc::new)
        }))
    });
    let lists_at = at.key(file_key!(WorkspaceFile, account_lists));
    let account_lists = account_lists.partial().and_then(|list| {
        duplicates(
            &lists_at,
            "account list",
            file_key!(AccountListFile, id),
            list.iter().map(|l| l.as_partial()?.id.as_partial()),
        );
        every(list.into_iter().enumerate().map(|(i, l)| {
            accounts::account_list(l.partial()?, &lists_at.index(i), &refs.partners).map(Arc::new)
        }))
    });
    format.whole()?;
    format_version.whole()?;
    Some(Workspace {
        profile: profile?,
        icp: icp?,
        scorecard: scorecard?,
        partners: partners?,
        account_lists: account_lists?,
    })
}

/// Every item converted, or `None` when one could not be (each one is
/// converted, so that each reports its problems).
pub(super) fn every<T>(items: impl Iterator<Item = Option<T>>) -> Option<Vec<T>> {
    let mut ok = true;
    let mut out = Vec::with_capacity(items.size_hint().0);
    for item in items {
        match item {
            Some(v) => out.push(v),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// The texts of a list of texts.
pub(super) fn texts<const MAX: usize>(list: Part<Vec<Text<MAX>>>) -> Option<Vec<String>> {
    Some(list.whole()?.into_iter().map(|t| t.0).collect())
}

/// The ids of the items of a list that could be read; `None` when the list
/// itself could not be.
pub(super) fn ids<T: ReadJson>(
    list: &Part<Vec<T>>,
    id: impl Fn(&T::Partial) -> Option<&Id>,
) -> Option<BTreeSet<Id>> {
    Some(
        list.as_partial()?
            .iter()
            .filter_map(|item| id(item.as_partial()?))
            .cloned()
            .collect(),
    )
}

/// Reports, at `list[i].<key>`, every id of the list seen before.
pub(super) fn duplicates<'i>(
    list: &Place,
    what: &str,
    key: &str,
    ids: impl Iterator<Item = Option<&'i Id>>,
) {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        if let Some(id) = id {
            if !seen.insert(id) {
                list.index(i)
                    .key(key)
                    .report(format!("duplicate {what} id \"{id}\""));
            }
        }
    }
}

/// Is `id` one of `known` (a record of `what`)? Reported at `at` if not.
pub(super) fn check_ref(at: &Place, known: &Option<BTreeSet<Id>>, id: &Id, what: &str) -> bool {
    match known {
        Some(known) if !known.contains(id) => {
            not_one_of(at, id.as_str(), what);
            false
        }
        _ => true,
    }
}

/// A map key that names a record of `what`: its id, if it is one of `known`.
pub(super) fn key_ref(
    at: &Place,
    known: &Option<BTreeSet<Id>>,
    key: &str,
    what: &str,
) -> Option<Id> {
    match Id::parse(key) {
        Ok(id) => check_ref(at, known, &id, what).then_some(id),
        Err(e) => {
            match known {
                Some(_) => not_one_of(at, key, what),
                None => at.report(e.to_string()),
            }
            None
        }
    }
}

fn not_one_of(at: &Place, key: &str, what: &str) {
    let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    at.report(format!(
        "\"{key}\" is not {article} {what} of this workspace"
    ));
}
