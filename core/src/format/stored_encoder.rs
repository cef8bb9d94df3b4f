//! The autosave's encoder: the same storage text as [`stored::encode_checked`],
//! re-using the serialized accounts of every list that has not changed since
//! the last save. Lists change only when one is imported or removed; an
//! ordinary edit (a rating, a note) then costs the size of the workspace
//! without its accounts, not of its 20,000 accounts.
//!
//! Above `split_above` characters the text is split into a head and parts
//! ([`stored_parts`](super::stored_parts)). Each part gets a key once, from
//! the caller's `new_key`, and keeps it while its list (or the pipeline) is
//! unchanged: only new parts are handed back to be written.
//!
//! [`stored::encode_checked`]: super::stored::encode_checked

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use serde_json::Value;

use super::checked_list::checked_value;
use super::stored_parts::PartKeys;
use super::{read, stored, write, ImportError, FORMAT_VERSION};
use crate::id::Id;
use crate::overlap::account::{Account, AccountList};
use crate::pipeline::{Opportunity, Pipeline};
use crate::workspace::Workspace;

/// How an empty account list appears in the storage text. Inside a JSON
/// string every `"` is escaped, so this can only be the `accounts` key of
/// an account list (`mapped_accounts` ends differently).
const EMPTY_ACCOUNTS: &str = r#""accounts":[]"#;

/// A serialized part: its JSON (shared with the [`Part`] that stores it:
/// a 20 MB list is not copied to be written), and its key once it was
/// handed out to be stored.
#[derive(Clone, Debug)]
struct Cached<T> {
    of: Arc<T>,
    json: Arc<String>,
    key: Option<String>,
}

/// The pipeline's part, and the partners its deals name: a save whose
/// pipeline did not change checks only that they are still there.
#[derive(Clone, Debug)]
struct CachedPipeline {
    part: Cached<Pipeline>,
    partners: BTreeSet<Id>,
}

impl CachedPipeline {
    fn new(pipeline: &Arc<Pipeline>, json: String, key: Option<String>) -> Self {
        CachedPipeline {
            part: Cached {
                of: pipeline.clone(),
                json: Arc::new(json),
                key,
            },
            partners: named_partners(pipeline),
        }
    }
}

/// Keeps, for each list of the last save, the list and its accounts' JSON,
/// and the pipeline's opportunities' JSON.
#[derive(Clone, Debug, Default)]
pub struct StoredEncoder {
    cache: Vec<Cached<AccountList>>,
    opportunities: Option<CachedPipeline>,
}

/// A part to store before the head that names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub key: String,
    pub json: Arc<String>,
}

/// What one save writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Encoded {
    /// The text for the workspace key (the whole workspace, or its head).
    pub head: String,
    /// Parts not stored yet, to write first.
    pub new_parts: Vec<Part>,
    /// Every part the head names (empty when the workspace is whole).
    pub keys: Option<PartKeys>,
}

impl StoredEncoder {
    /// An encoder that knows the parts a workspace was just read from
    /// (`keys`, the texts in `parts`): the next save writes none of them
    /// again unless its list changed.
    pub fn from_parts(ws: &Workspace, keys: &PartKeys, parts: &HashMap<String, String>) -> Self {
        let mut encoder = StoredEncoder::default();
        if ws.account_lists.len() != keys.accounts.len() {
            return encoder;
        }
        for (list, key) in ws.account_lists.iter().zip(&keys.accounts) {
            if let Some(json) = parts.get(key) {
                encoder.cache.push(Cached {
                    of: list.clone(),
                    json: Arc::new(json.clone()),
                    key: Some(key.clone()),
                });
            }
        }
        encoder.opportunities = parts.get(&keys.opportunities).map(|json| {
            CachedPipeline::new(&ws.pipeline, json.clone(), Some(keys.opportunities.clone()))
        });
        encoder
    }

    /// Take `json`, made by [`accounts_part`] from `list`'s accounts, as the
    /// list's serialized accounts: the next save does not serialise them
    /// again. The web app's background worker builds an imported list's
    /// accounts and their part together, so the page's save of a
    /// 100,000-account list is not one long task. Used as every kept part
    /// is: for a list equal to `list` (the same `Arc` is compared first); a
    /// list changed since is encoded afresh.
    pub fn prime(&mut self, list: Arc<AccountList>, json: String) {
        // By pointer: comparing 100,000 accounts here would cost what
        // priming saves (an equal list kept from before is as good).
        self.cache.retain(|c| !Arc::ptr_eq(&c.of, &list));
        self.cache.push(Cached {
            of: list,
            json: Arc::new(json),
            key: None,
        });
    }

    /// Take `json`, `pipeline`'s opportunities made by [`opportunities_part`]
    /// (whole, or a chunk at a time and joined: ids are then unique across
    /// chunks because whoever built the pipeline made them so, as the
    /// pieces' assembly and `TakingIn` do), as its serialized opportunities (see
    /// [`prime`](Self::prime)): a pipeline of 100,000 deals written out a
    /// slice at a time is not written again in one task.
    pub fn prime_pipeline(&mut self, pipeline: &Arc<Pipeline>, json: String) {
        self.opportunities = Some(CachedPipeline::new(pipeline, json, None));
    }

    /// The pipeline's part: the last one when the pipeline is the same and
    /// every partner its deals name is still in the workspace, else its
    /// opportunities written out and checked as a read checks them.
    fn opportunities_of(&mut self, ws: &Workspace) -> Result<CachedPipeline, ImportError> {
        if let Some(c) = self.opportunities.take() {
            let kept = Arc::ptr_eq(&c.part.of, &ws.pipeline)
                && c.partners.iter().all(|id| ws.partner(id).is_some());
            if kept {
                return Ok(c);
            }
        }
        let json = opportunities_part(&ws.pipeline.opportunities, ws)?;
        Ok(CachedPipeline::new(&ws.pipeline, json, None))
    }

    /// Forget every part (a write failed: the next save writes them all).
    pub fn reset(&mut self) {
        *self = StoredEncoder::default();
    }

    /// The whole storage text for `ws` at `revision`, only if it would be
    /// read back (see [`encode`](Self::encode)).
    pub fn encode_checked(&mut self, ws: &Workspace, revision: u64) -> Result<String, ImportError> {
        Ok(self
            .encode(ws, revision, usize::MAX, &mut || String::new())?
            .head)
    }

    /// The storage text for `ws` at `revision`, only if it would be read
    /// back: every part is checked as [`stored::decode`] would (accounts of
    /// unchanged lists were checked when they were first saved). Longer
    /// than `split_above` characters, it is split into a head and parts,
    /// new parts keyed by `new_key`.
    pub fn encode(
        &mut self,
        ws: &Workspace,
        revision: u64,
        split_above: usize,
        new_key: &mut dyn FnMut() -> String,
    ) -> Result<Encoded, ImportError> {
        let mut value = serde_json::to_value(write::to_file_without_records(ws))
            .expect("workspace file types always serialize");
        read::read_workspace(&value).map_err(ImportError::Invalid)?;
        let mut opportunities = self.opportunities_of(ws)?;
        // Taken out: after a refused save the next one starts afresh.
        let mut cache = std::mem::take(&mut self.cache);
        let mut fresh: Vec<Cached<AccountList>> = Vec::with_capacity(ws.account_lists.len());
        for (i, list) in ws.account_lists.iter().enumerate() {
            match cache.iter().position(|c| c.of == *list) {
                Some(k) => fresh.push(cache.swap_remove(k)),
                None => {
                    let accounts =
                        checked_value(&list.accounts, format!("account_lists[{i}].accounts"))?;
                    fresh.push(Cached {
                        of: list.clone(),
                        json: Arc::new(accounts.to_string()),
                        key: None,
                    });
                }
            }
        }
        let accounts_len = fresh.iter().map(|c| c.json.len()).sum::<usize>();
        // The records alone too long: split without writing the whole out.
        let whole = (accounts_len + opportunities.part.json.len() <= split_above)
            .then(|| {
                value["pipeline"]["opportunities"] = serde_json::from_str(&opportunities.part.json)
                    .expect("the opportunities' part is JSON");
                stored::envelope(&value, revision)
            })
            .filter(|shell| shell.len() + accounts_len <= split_above);
        if let Some(shell) = whole {
            let parts: Vec<&str> = fresh.iter().map(|c| c.json.as_str()).collect();
            let head = splice(&shell, &parts).unwrap_or_else(|| stored::encode(ws, revision));
            // Whole again: the parts will be dropped from storage.
            self.cache = fresh
                .into_iter()
                .map(|c| Cached { key: None, ..c })
                .collect();
            opportunities.part.key = None;
            self.opportunities = Some(opportunities);
            return Ok(Encoded {
                head,
                new_parts: Vec::new(),
                keys: None,
            });
        }
        value["pipeline"]["opportunities"] = Value::Array(Vec::new());
        let mut new_parts = Vec::new();
        let mut keyed = |json: &Arc<String>, key: &mut Option<String>| -> String {
            key.get_or_insert_with(|| {
                let k = new_key();
                new_parts.push(Part {
                    key: k.clone(),
                    json: json.clone(),
                });
                k
            })
            .clone()
        };
        let accounts = fresh
            .iter_mut()
            .map(|c| keyed(&c.json, &mut c.key))
            .collect();
        let keys = PartKeys {
            accounts,
            opportunities: keyed(&opportunities.part.json, &mut opportunities.part.key),
        };
        let head = stored::head(value, revision, &keys);
        self.cache = fresh;
        self.opportunities = Some(opportunities);
        Ok(Encoded {
            head,
            new_parts,
            keys: Some(keys),
        })
    }
}

/// The current format's parts can seed an encoder; an older one's are
/// migrated when read, so their text is not what this version writes.
pub fn parts_reusable(head: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Version {
        format_version: u32,
    }
    #[derive(serde::Deserialize)]
    struct Head {
        workspace: Version,
    }
    serde_json::from_str::<Head>(head).is_ok_and(|h| h.workspace.format_version == FORMAT_VERSION)
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

/// The JSON of some of `ws`'s opportunities as a save stores them, checked
/// as a read checks them (their partners among `ws`'s; ids and CRM ids
/// unique among these).
pub fn opportunities_part(
    opportunities: &[Arc<Opportunity>],
    ws: &Workspace,
) -> Result<String, ImportError> {
    let value = serde_json::to_value(write::opportunities(opportunities))
        .expect("workspace file types always serialize");
    let partners: BTreeSet<Id> = ws.partners.iter().map(|p| p.id.clone()).collect();
    read::read_opportunities(&value, "pipeline.opportunities", &partners)
        .map_err(ImportError::Invalid)?;
    Ok(value.to_string())
}

/// The partners `pipeline`'s deals name.
fn named_partners(pipeline: &Pipeline) -> BTreeSet<Id> {
    pipeline
        .opportunities
        .iter()
        .filter_map(|o| o.partner.clone())
        .collect()
}

/// The JSON of a list of `accounts` as a save stores it, checked as a read
/// checks it (see [`StoredEncoder::prime`]).
pub fn accounts_part(accounts: &[Account]) -> Result<String, ImportError> {
    Ok(checked_value(accounts, "accounts".to_owned())?.to_string())
}
