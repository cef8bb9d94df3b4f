//! The autosave's encoder: the same storage text as [`stored::encode_checked`],
//! re-using the serialized accounts of every list that has not changed since
//! the last save. Lists change only when one is imported or removed; an
//! ordinary edit (a rating, a note) then costs the size of the workspace
//! without its accounts, not of its 20,000 accounts.
//!
//! [`stored::encode_checked`]: super::stored::encode_checked

use std::sync::Arc;

use serde_json::Value;

use super::{read, stored, write, ImportError};
use crate::overlap::account::AccountList;
use crate::workspace::Workspace;

/// How an empty account list appears in the storage text. Inside a JSON
/// string every `"` is escaped, so this can only be the `accounts` key of
/// an account list (`mapped_accounts` ends differently).
const EMPTY_ACCOUNTS: &str = r#""accounts":[]"#;

/// Keeps, for each list of the last save, the list and its accounts' JSON.
#[derive(Clone, Debug, Default)]
pub struct StoredEncoder {
    cache: Vec<(Arc<AccountList>, String)>,
}

impl StoredEncoder {
    /// The storage text for `ws` at `revision`, only if it would be read
    /// back: every part is checked as [`stored::decode`] would (accounts of
    /// unchanged lists were checked when they were first saved).
    pub fn encode_checked(&mut self, ws: &Workspace, revision: u64) -> Result<String, ImportError> {
        let value = serde_json::to_value(write::to_file_without_accounts(ws))
            .expect("workspace file types always serialize");
        read::read_workspace(&value).map_err(ImportError::Invalid)?;
        // Taken out: after a refused save the next one starts afresh.
        let mut cache = std::mem::take(&mut self.cache);
        let mut fresh: Vec<(Arc<AccountList>, String)> = Vec::with_capacity(ws.account_lists.len());
        for (i, list) in ws.account_lists.iter().enumerate() {
            match cache.iter().position(|(cached, _)| cached == list) {
                Some(k) => fresh.push(cache.swap_remove(k)),
                None => {
                    let accounts: Value = serde_json::to_value(write::accounts(list))
                        .expect("account file types always serialize");
                    read::check_accounts(&accounts, format!("account_lists[{i}].accounts"))
                        .map_err(ImportError::Invalid)?;
                    fresh.push((list.clone(), accounts.to_string()));
                }
            }
        }
        let shell = stored::envelope(value, revision);
        let parts: Vec<&str> = fresh.iter().map(|(_, json)| json.as_str()).collect();
        let text = splice(&shell, &parts).unwrap_or_else(|| stored::encode(ws, revision));
        self.cache = fresh;
        Ok(text)
    }
}

/// `shell` with its empty account lists filled in order; `None` when the
/// count differs (never expected: the caller then encodes in full).
fn splice(shell: &str, accounts: &[&str]) -> Option<String> {
    if shell.matches(EMPTY_ACCOUNTS).count() != accounts.len() {
        return None;
    }
    let size = shell.len() + accounts.iter().map(|a| a.len()).sum::<usize>();
    let mut out = String::with_capacity(size);
    let mut rest = shell;
    for json in accounts {
        let at = rest.find(EMPTY_ACCOUNTS)?;
        out.push_str(&rest[..at]);
        out.push_str(r#""accounts":"#);
        out.push_str(json);
        rest = &rest[at + EMPTY_ACCOUNTS.len()..];
    }
    out.push_str(rest);
    Some(out)
}
