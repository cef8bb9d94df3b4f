//! The value kept in browser storage: a workspace file plus the revision
//! counter that lets two tabs notice each other's writes.

use serde_json::Value;

use super::{load_value, ImportError, Loaded};
use crate::workspace::Workspace;

/// Tag of the storage envelope.
pub const STORED_TAG: &str = "partnerfit-stored";

/// A workspace read back from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    /// Incremented by every save, in any tab.
    pub revision: u64,
    pub loaded: Loaded,
}

/// The storage text for `ws` at `revision`.
pub fn encode(ws: &Workspace, revision: u64) -> String {
    envelope(super::to_value(ws), revision)
}

/// The storage text for `ws` at `revision`, only if it would be read back:
/// the same checks as [`decode`], run on the value before it is written out
/// (no second parse of the text).
pub fn encode_checked(ws: &Workspace, revision: u64) -> Result<String, ImportError> {
    let value = super::to_value(ws);
    super::read::read_workspace(&value).map_err(ImportError::Invalid)?;
    Ok(envelope(value, revision))
}

pub(crate) fn envelope(workspace: Value, revision: u64) -> String {
    #[derive(serde::Serialize)]
    struct Envelope {
        format: &'static str,
        revision: u64,
        workspace: Value,
    }
    serde_json::to_string(&Envelope {
        format: STORED_TAG,
        revision,
        workspace,
    })
    .expect("a JSON value always serializes")
}

/// The revision of a stored text without validating the workspace; `None`
/// when it is not a storage envelope. The workspace is skipped, not built:
/// this runs before every save.
pub fn revision_of(text: &str) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: String,
        revision: u64,
    }
    let head: Head = serde_json::from_str(text).ok()?;
    (head.format == STORED_TAG).then_some(head.revision)
}

/// Read a stored text through the version-aware import.
pub fn decode(text: &str) -> Result<Stored, ImportError> {
    let v: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let revision = match (
        v.get("format").and_then(Value::as_str),
        v.get("revision").and_then(Value::as_u64),
    ) {
        (Some(STORED_TAG), Some(r)) => r,
        _ => {
            return Err(ImportError::NotAWorkspace {
                found: v.get("format").map(|f| f.to_string()),
            })
        }
    };
    let inner = v.get("workspace").cloned().unwrap_or(Value::Null);
    let loaded = load_value(inner)?;
    Ok(Stored { revision, loaded })
}
