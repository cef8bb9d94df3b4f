//! Every storage key the app uses, in one place, scoped to the deployment.
//!
//! localStorage belongs to an origin, and one origin often hosts several
//! sites (GitHub Pages: every project of a user at `user.github.io/<repo>/`).
//! Each key therefore starts with the site's directory,
//! `partnerfit@<dir>/:` (`partnerfit@/:workspace` at the root,
//! `partnerfit@/tools/pf/:workspace` under `/tools/pf/`), so two
//! deployments on one origin never read or overwrite each other's
//! workspace. This separates deployments; it does not protect from other
//! pages of the same origin, which can read every key: customer data
//! deserves an origin of its own (the README and the workspace page say so).
//!
//! Keys written before scoping (`partnerfit.workspace`, …) are moved under
//! the scope by [`super::local::adopt_unscoped_keys`] by the first
//! deployment that opens with none of its own.

use std::sync::OnceLock;

use crate::routes::site_dir;

/// A localStorage key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageKey {
    /// The workspace (a storage envelope with a revision counter).
    Workspace,
    /// Whether the workspace is the demo or the user's own.
    Origin,
    /// A stored workspace that could not be read, kept aside at a timestamp.
    Unreadable(String),
    /// A partner's draft answers to one invitation (respond mode), apart
    /// from any workspace of their own.
    RespondDraft(String),
    /// The list of snapshots (their descriptions, oldest first).
    Snapshots,
    /// One snapshot's workspace, by its id.
    Snapshot(String),
    /// Our private comparison with a partner (by the partner's id): what the
    /// request keeps (its secret until the answer), then the outcome.
    PsiAsked(String),
    /// A private comparison we answered (by its session): what the answer
    /// keeps, then the outcome.
    PsiAnswered(String),
}

/// The prefix of keys written before they were scoped.
pub const UNSCOPED_PREFIX: &str = "partnerfit.";

/// The prefix of every key of the site in directory `dir` (as
/// [`site_dir`] gives it: no trailing slash, empty at the root).
pub fn prefix_for(dir: &str) -> String {
    format!("partnerfit@{dir}/:")
}

/// This deployment's prefix, fixed by the page first loaded.
pub fn prefix() -> &'static str {
    static PREFIX: OnceLock<String> = OnceLock::new();
    PREFIX.get_or_init(|| {
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        prefix_for(&site_dir(&path))
    })
}

/// The scoped name of an unscoped key (`partnerfit.workspace` →
/// `<prefix>workspace`); `None` for any other key.
pub fn scoped(unscoped: &str, prefix: &str) -> Option<String> {
    unscoped
        .strip_prefix(UNSCOPED_PREFIX)
        .filter(|rest| !rest.is_empty())
        .map(|rest| format!("{prefix}{rest}"))
}

impl StorageKey {
    /// The key's name after `prefix`.
    fn suffix(&self) -> String {
        match self {
            StorageKey::Workspace => "workspace".into(),
            StorageKey::Origin => "origin".into(),
            StorageKey::Unreadable(stamp) => format!("unreadable.{stamp}"),
            StorageKey::RespondDraft(invitation) => format!("respond.{invitation}"),
            StorageKey::Snapshots => "snapshots".into(),
            StorageKey::Snapshot(id) => format!("snapshot.{id}"),
            StorageKey::PsiAsked(partner) => format!("psi.asked.{partner}"),
            StorageKey::PsiAnswered(session) => format!("psi.answered.{session}"),
        }
    }

    /// The full key in this deployment's scope.
    pub fn name(&self) -> String {
        format!("{}{}", prefix(), self.suffix())
    }
}
