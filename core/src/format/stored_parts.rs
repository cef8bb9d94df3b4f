//! A stored workspace too large for localStorage, kept in parts.
//!
//! localStorage holds about 5 million characters; a workspace with a few
//! CRM exports and a deal export is many times that. Above a size the
//! autosave chooses (`split_above` of [`StoredEncoder::encode`]), the
//! storage text is split:
//!
//! - the **head** (in localStorage, under the workspace key): the storage
//!   envelope with the workspace whose account lists have no accounts and
//!   whose pipeline has no opportunities, and a `parts` section naming the
//!   part that holds each list's accounts and the part that holds the
//!   opportunities;
//! - the **parts** (in IndexedDB, by key): each the JSON array it replaces.
//!
//! Atomicity: parts are never changed, only added under new keys, and they
//! are written before the head that names them. A reader of any head finds
//! its parts (the writer keeps those of the previous head too, for a tab
//! that read it a moment before), so a reload never sees half a save, and
//! the head's revision still ties the whole workspace to one save.
//! An unchanged list keeps its part: an ordinary edit writes only the head.
//!
//! [`StoredEncoder::encode`]: super::stored_encoder::StoredEncoder::encode

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::ImportError;

/// The `parts` section of a head: the part key of each account list's
/// accounts, in list order, and of the pipeline's opportunities.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartKeys {
    pub accounts: Vec<String>,
    pub opportunities: String,
}

impl PartKeys {
    /// Every key, accounts first.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.accounts
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(self.opportunities.as_str()))
    }
}

/// Put the parts back into the workspace value of a head (`value` is the
/// whole envelope). Refused, naming what is missing, when a part is absent
/// or is not JSON, or when the head names a different number of lists.
pub(crate) fn fill(
    value: &mut Value,
    keys: &PartKeys,
    parts: &HashMap<String, String>,
) -> Result<(), ImportError> {
    let part = |key: &str, what: String| -> Result<Value, ImportError> {
        let text = parts
            .get(key)
            .ok_or_else(|| ImportError::PartMissing { what: what.clone() })?;
        serde_json::from_str(text).map_err(|e| ImportError::PartUnreadable {
            what,
            message: e.to_string(),
        })
    };
    let workspace = value
        .get_mut("workspace")
        .ok_or(ImportError::NotAWorkspace { found: None })?;
    let lists = workspace
        .get_mut("account_lists")
        .and_then(Value::as_array_mut)
        .map(|l| l.len())
        .unwrap_or(0);
    if lists != keys.accounts.len() {
        return Err(ImportError::PartMissing {
            what: format!(
                "accounts of its account lists (it has {lists}, its parts name {})",
                keys.accounts.len()
            ),
        });
    }
    for (i, key) in keys.accounts.iter().enumerate() {
        let accounts = part(key, format!("accounts of account list {}", i + 1))?;
        workspace["account_lists"][i]["accounts"] = accounts;
    }
    let opportunities = part(&keys.opportunities, "opportunities".into())?;
    match workspace.get_mut("pipeline") {
        Some(pipeline @ Value::Object(_)) => pipeline["opportunities"] = opportunities,
        _ => {
            return Err(ImportError::PartMissing {
                what: "the pipeline the opportunities belong to".into(),
            })
        }
    }
    Ok(())
}
