//! The value kept in browser storage: a workspace file plus the revision
//! counter that lets two tabs notice each other's writes.

use serde_json::Value;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::stored_parts::PartKeys;
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
    envelope(&super::to_value(ws), revision)
}

/// The storage text for `ws` at `revision`, only if it would be read back:
/// the same checks as [`decode`], run on the value before it is written out
/// (no second parse of the text).
pub fn encode_checked(ws: &Workspace, revision: u64) -> Result<String, ImportError> {
    let value = super::to_value(ws);
    super::read::read_workspace(&value).map_err(ImportError::Invalid)?;
    Ok(envelope(&value, revision))
}

pub(crate) fn envelope(workspace: &Value, revision: u64) -> String {
    #[derive(serde::Serialize)]
    struct Envelope<'a> {
        format: &'static str,
        revision: u64,
        workspace: &'a Value,
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

/// The parts a stored text needs, without reading its workspace; `None`
/// for a text that is whole (or is not a storage envelope).
pub fn parts_of(text: &str) -> Option<PartKeys> {
    #[derive(Deserialize)]
    struct Head {
        format: String,
        parts: Option<PartKeys>,
    }
    let head: Head = serde_json::from_str(text).ok()?;
    (head.format == STORED_TAG).then_some(head.parts).flatten()
}

/// The head of a split workspace: `workspace` is the file value without
/// accounts and opportunities.
pub(crate) fn head(workspace: Value, revision: u64, parts: &PartKeys) -> String {
    #[derive(Serialize)]
    struct Head<'a> {
        format: &'static str,
        revision: u64,
        parts: &'a PartKeys,
        workspace: Value,
    }
    serde_json::to_string(&Head {
        format: STORED_TAG,
        revision,
        parts,
        workspace,
    })
    .expect("a JSON value always serializes")
}

/// Read a stored text through the version-aware import.
pub fn decode(text: &str) -> Result<Stored, ImportError> {
    decode_with_parts(text, &HashMap::new())
}

/// Read a stored text whose workspace may be in parts
/// ([`stored_parts`](super::stored_parts)), with the parts it names (by key).
pub fn decode_with_parts(
    text: &str,
    parts: &HashMap<String, String>,
) -> Result<Stored, ImportError> {
    let mut v: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
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
    if let Some(keys) = v.get("parts").cloned() {
        let keys: PartKeys =
            serde_json::from_value(keys).map_err(|e| ImportError::PartUnreadable {
                what: "list of parts".into(),
                message: e.to_string(),
            })?;
        super::stored_parts::fill(&mut v, &keys, parts)?;
    }
    let inner = v
        .get_mut("workspace")
        .map(Value::take)
        .unwrap_or(Value::Null);
    let loaded = load_value(inner)?;
    Ok(Stored { revision, loaded })
}
