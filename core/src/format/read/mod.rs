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
//!
//! Records with nothing to check convert field by field, declared once for
//! reading and writing in their section's module (`file_form!`); the
//! writer ([`super::write`]) writes them through the same declarations.

mod accounts;
mod icp;
mod incentives;
mod lists;
mod motion;
mod overlap;
mod partner;
mod pilot;
mod pipeline;
mod profile;
mod program;
mod scorecard;
mod share;

use std::collections::BTreeSet;
use std::sync::Arc;

use serde_json::Value;

use super::cursor::{At, Place, Problems};
use super::errors::FieldError;
use super::file::declare::file_key;
use super::file::reader::{Part, PartialOf, ReadJson};
use super::file::{partial, AccountFile, OpportunityFile, WorkspaceFile};
use super::file_form::FromFile;
use crate::id::Id;
use crate::overlap::account::Account;
use crate::pipeline::Opportunity;
use crate::workspace::Workspace;
use lists::Known;

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

/// Read the accounts of one list on their own (`path` names where they
/// are), as [`read_workspace`] reads them.
pub fn read_accounts(accounts: &Value, path: &str) -> Result<Vec<Account>, Vec<FieldError>> {
    let probs = Problems::default();
    let at = At {
        place: Place::root(&probs, path),
        value: accounts,
    };
    let read = <Vec<AccountFile>>::read(&at).and_then(|list| accounts::accounts(list, &at.place));
    match read {
        Some(list) if probs.is_empty() => Ok(list),
        _ => Err(probs.into_vec()),
    }
}

/// Read some opportunities of a pipeline on their own (`path` names where
/// they are; a deal's partner must be one of `partners`), as
/// [`read_workspace`] reads each. Ids and CRM ids are unique among these.
pub fn read_opportunities(
    opportunities: &Value,
    path: &str,
    partners: &BTreeSet<Id>,
) -> Result<Vec<Arc<Opportunity>>, Vec<FieldError>> {
    let probs = Problems::default();
    let at = At {
        place: Place::root(&probs, path),
        value: opportunities,
    };
    let known: lists::Known = Some(partners.clone());
    let list = Part::<Vec<OpportunityFile>>(<Vec<OpportunityFile>>::read(&at));
    let read = pipeline::opportunities(list, &at.place, &known);
    match read {
        Some(list) if probs.is_empty() => Ok(list),
        _ => Err(probs.into_vec()),
    }
}

/// Ids that records point at, as read.
pub(super) struct Refs {
    criteria: Known,
    disqualifiers: Known,
    partners: Known,
    lists: Known,
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
        pipeline,
        program,
    } = file;
    let refs = Refs {
        criteria: scorecard::criterion_ids(&scorecard),
        disqualifiers: icp::disqualifier_ids(&icp),
        partners: lists::ids(&partners, &partner::IDS),
        lists: lists::ids(&account_lists, &accounts::IDS),
    };
    let profile = converted(profile);
    let icp = icp
        .partial()
        .and_then(|i| icp::icp(i, &at.key(file_key!(WorkspaceFile, icp))));
    let scorecard = scorecard
        .whole()
        .map(|s| scorecard::scorecard(s, &at.key(file_key!(WorkspaceFile, scorecard))));
    let partners = lists::unique(
        partners,
        &at.key(file_key!(WorkspaceFile, partners)),
        &partner::IDS,
        |p, at| partner::partner(p.partial()?, at, &refs).map(Arc::new),
    );
    let account_lists = lists::unique(
        account_lists,
        &at.key(file_key!(WorkspaceFile, account_lists)),
        &accounts::IDS,
        |l, at| accounts::account_list(l.partial()?, at, &refs.partners).map(Arc::new),
    );
    let pipeline = pipeline.partial().and_then(|p| {
        pipeline::pipeline(
            p,
            &at.key(file_key!(WorkspaceFile, pipeline)),
            &refs.partners,
        )
    });
    let program = program.partial().and_then(|p| {
        program::program(
            p,
            &at.key(file_key!(WorkspaceFile, program)),
            &refs.partners,
        )
    });
    format.whole()?;
    format_version.whole()?;
    Some(Workspace {
        profile: profile?,
        icp: icp?,
        scorecard: scorecard?,
        partners: partners?,
        account_lists: account_lists?,
        pipeline: Arc::new(pipeline?),
        program: program?,
    })
}

/// The domain value of what was read, when all of it was.
pub(super) fn converted<T: ReadJson, D: FromFile<T>>(part: Part<T>) -> Option<D> {
    part.whole().map(D::from_file)
}
