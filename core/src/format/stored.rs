//! The value kept in browser storage: a workspace file plus the revision
//! counter that lets two tabs notice each other's writes.

use serde_json::{json, Value};

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
    json!({
        "format": STORED_TAG,
        "revision": revision,
        "workspace": super::to_value(ws),
    })
    .to_string()
}

/// The revision of a stored text without validating the workspace; `None`
/// when it is not a storage envelope.
pub fn revision_of(text: &str) -> Option<u64> {
    let v: Value = serde_json::from_str(text).ok()?;
    (v.get("format")?.as_str()? == STORED_TAG)
        .then(|| v.get("revision")?.as_u64())
        .flatten()
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
