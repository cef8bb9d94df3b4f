//! Every storage key the app uses, in one place.

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
}

/// Prefix of every key, so the app never touches other data on the origin.
pub const PREFIX: &str = "partnerfit.";

impl StorageKey {
    pub fn name(&self) -> String {
        match self {
            StorageKey::Workspace => format!("{PREFIX}workspace"),
            StorageKey::Origin => format!("{PREFIX}origin"),
            StorageKey::Unreadable(stamp) => format!("{PREFIX}unreadable.{stamp}"),
            StorageKey::RespondDraft(invitation) => format!("{PREFIX}respond.{invitation}"),
            StorageKey::Snapshots => format!("{PREFIX}snapshots"),
            StorageKey::Snapshot(id) => format!("{PREFIX}snapshot.{id}"),
        }
    }
}
