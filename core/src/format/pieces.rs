//! A workspace handed over in pieces, each read or written in a few
//! milliseconds: the web app's page and its background worker pass a
//! 100,000-account workspace this way, so that neither the page's reading
//! of an imported file nor its writing of an export is one long task.
//!
//! The pieces, in order ([`Pieces`]):
//! - the **head**: the workspace file (current version, compact JSON) with
//!   every account list's accounts and the pipeline's opportunities left
//!   out, and how many of each there are ([`Kind::Head`]);
//! - the **accounts** of each list, [`CHUNK`] at a time, in the file form
//!   (the JSON array the autosave stores as the list's part);
//! - the **opportunities**, [`CHUNK`] at a time, in the file form.
//!
//! [`Assembly`] reads them back with the file reader (each record checked
//! as an import checks it) and refuses a set of pieces that is incomplete,
//! out of order or more than its head announced. The whole-workspace rules
//! (unique ids across chunks, references) are checked again by the edit
//! that takes the assembled workspace in (`Edit::Replace`), as for any
//! replacement.
//!
//! An account chunk is the text of the accounts' JSON value, so the chunks
//! of a list joined (their brackets dropped, commas between) are exactly
//! the part the autosave would store ([`accounts_part`]): the assembly hands
//! them back for `StoredEncoder::prime`, and the opportunities' chunks
//! joined for `StoredEncoder::prime_pipeline`. It counts the records as the
//! file writes them as they come (`format::size`), so the replacement's
//! size check does not count 200,000 accounts again.
//!
//! [`accounts_part`]: super::stored_encoder::accounts_part

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::checked_list::accounts_value;
use super::size::{known, Records};
use super::{load, read, write, ImportError};
use crate::id::Id;
use crate::overlap::account::{Account, AccountList};
use crate::pipeline::{Opportunity, Pipeline};
use crate::workspace::Workspace;

/// Records per piece: 2,000 accounts are read on the page in about 10 ms.
pub const CHUNK: usize = 2_000;

/// What a piece holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// The head, and how many accounts each list has and how many
    /// opportunities there are.
    Head {
        accounts: Vec<usize>,
        opportunities: usize,
    },
    /// The next accounts of list `list` (its place in the workspace).
    Accounts { list: usize },
    /// The next opportunities.
    Opportunities,
}

/// Where [`Pieces`] stands.
#[derive(Clone, Copy, Debug)]
enum Next {
    Head,
    Accounts { list: usize, from: usize },
    Opportunities { from: usize },
    Done,
}

/// The pieces of a workspace, written one at a time as they are asked for.
#[derive(Clone, Debug)]
pub struct Pieces {
    ws: Workspace,
    chunk: usize,
    next: Next,
}

impl Pieces {
    /// The pieces of `ws`, [`CHUNK`] records at most in each.
    pub fn of(ws: Workspace) -> Pieces {
        Pieces::with_chunk(ws, CHUNK)
    }

    /// The pieces of `ws`, `chunk` records at most in each (at least one).
    pub fn with_chunk(ws: Workspace, chunk: usize) -> Pieces {
        Pieces {
            ws,
            chunk: chunk.max(1),
            next: Next::Head,
        }
    }

    /// How many pieces there are in all.
    pub fn total(&self) -> usize {
        let chunks = |n: usize| n.div_ceil(self.chunk);
        1 + self
            .ws
            .account_lists
            .iter()
            .map(|l| chunks(l.accounts.len()))
            .sum::<usize>()
            + chunks(self.ws.pipeline.opportunities.len())
    }

    fn head(&self) -> (Kind, String) {
        let file = write::to_file_without_records(&self.ws);
        let text = serde_json::to_string(&file).expect("workspace file types always serialize");
        let kind = Kind::Head {
            accounts: self
                .ws
                .account_lists
                .iter()
                .map(|l| l.accounts.len())
                .collect(),
            opportunities: self.ws.pipeline.opportunities.len(),
        };
        (kind, text)
    }

    /// The chunk of list `list` from account `from` on, else the first of
    /// the next list with accounts, else the opportunities.
    fn accounts_from(&self, list: usize, from: usize) -> Next {
        let lists = &self.ws.account_lists;
        if lists.get(list).is_some_and(|l| from < l.accounts.len()) {
            return Next::Accounts { list, from };
        }
        match (list + 1..lists.len()).find(|&l| !lists[l].accounts.is_empty()) {
            Some(l) => Next::Accounts { list: l, from: 0 },
            None => Next::Opportunities { from: 0 },
        }
    }
}

impl Iterator for Pieces {
    type Item = (Kind, String);

    fn next(&mut self) -> Option<(Kind, String)> {
        loop {
            match self.next {
                Next::Head => {
                    self.next = self.accounts_from(0, 0);
                    return Some(self.head());
                }
                Next::Accounts { list, from } => {
                    let accounts = &self.ws.account_lists[list].accounts;
                    let to = (from + self.chunk).min(accounts.len());
                    let text = accounts_value(&accounts[from..to]).to_string();
                    self.next = self.accounts_from(list, to);
                    return Some((Kind::Accounts { list }, text));
                }
                Next::Opportunities { from } => {
                    let all = &self.ws.pipeline.opportunities;
                    if from >= all.len() {
                        self.next = Next::Done;
                        continue;
                    }
                    let to = (from + self.chunk).min(all.len());
                    self.next = Next::Opportunities { from: to };
                    return Some((
                        Kind::Opportunities,
                        opportunities_value(&all[from..to]).to_string(),
                    ));
                }
                Next::Done => return None,
            }
        }
    }
}

/// Opportunities in their file form, as the workspace file writes them.
fn opportunities_value(opportunities: &[Arc<Opportunity>]) -> Value {
    serde_json::to_value(write::opportunities(opportunities))
        .expect("opportunity file types always serialize")
}

/// A workspace read back from its pieces.
#[derive(Debug)]
pub struct Assembly {
    head: Workspace,
    expected: (Vec<usize>, usize),
    partners: BTreeSet<Id>,
    accounts: Vec<Vec<Account>>,
    /// Per list, its chunks joined as they come (the copying spread over
    /// the pieces, not done at the end in one go).
    texts: Vec<JoinedArrays>,
    /// Per list, its accounts counted as the file writes them.
    counted: Vec<Records>,
    opportunities: Vec<Arc<Opportunity>>,
    /// The opportunities' chunks, and their count as the file writes them.
    opportunity_texts: JoinedArrays,
    opportunities_counted: Records,
}

/// The assembled workspace, and each list with its accounts' part as the
/// autosave stores it (for `StoredEncoder::prime`).
#[derive(Debug)]
pub struct Assembled {
    pub workspace: Workspace,
    pub parts: Vec<(Arc<AccountList>, String)>,
    /// The opportunities' part as the autosave stores it (for
    /// `StoredEncoder::prime_pipeline`).
    pub opportunities: String,
}

/// Why pieces were refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PieceError {
    /// A piece is missing, extra or out of place.
    #[error("the workspace did not come whole: expected {0}")]
    Expected(String),
    /// A piece is not JSON.
    #[error("the {what} that came cannot be read: {message}")]
    Unreadable { what: String, message: String },
    /// A piece is JSON that the file reader refuses.
    #[error(transparent)]
    Invalid(#[from] ImportError),
}

impl PieceError {
    /// Every problem on its own line.
    pub fn lines(&self) -> Vec<String> {
        match self {
            PieceError::Invalid(e) => e.lines(),
            other => vec![other.to_string()],
        }
    }
}

fn refused(what: String) -> PieceError {
    PieceError::Expected(what)
}

impl Assembly {
    /// Start from the head piece.
    pub fn new(kind: &Kind, text: &str) -> Result<Assembly, PieceError> {
        let Kind::Head {
            accounts,
            opportunities,
        } = kind
        else {
            return Err(refused(
                "the head of the workspace (it must come first)".into(),
            ));
        };
        let head = load(text)?.workspace;
        let lists = head.account_lists.len();
        if accounts.len() != lists
            || head.account_lists.iter().any(|l| !l.accounts.is_empty())
            || !head.pipeline.opportunities.is_empty()
        {
            return Err(refused(format!(
                "the accounts of its account lists (it has {lists}, the pieces announce {})",
                accounts.len()
            )));
        }
        Ok(Assembly {
            partners: head.partners.iter().map(|p| p.id.clone()).collect(),
            expected: (accounts.clone(), *opportunities),
            accounts: vec![Vec::new(); lists],
            texts: (0..lists).map(|_| JoinedArrays::with_capacity(0)).collect(),
            counted: vec![Records::default(); lists],
            opportunities: Vec::new(),
            opportunity_texts: JoinedArrays::with_capacity(0),
            opportunities_counted: Records::default(),
            head,
        })
    }

    /// Take the next piece. Accounts and opportunities beyond what the
    /// head announced are refused.
    pub fn add(&mut self, kind: &Kind, text: &str) -> Result<(), PieceError> {
        let value: Value = serde_json::from_str(text).map_err(|e| PieceError::Unreadable {
            what: describe(kind),
            message: e.to_string(),
        })?;
        match *kind {
            Kind::Head { .. } => Err(refused("one head, not two".into())),
            Kind::Accounts { list } => {
                let Some(expected) = self.expected.0.get(list) else {
                    return Err(refused(format!(
                        "account list {} (there is none)",
                        list + 1
                    )));
                };
                let path = format!("account_lists[{list}].accounts");
                let read = read::read_accounts(&value, &path).map_err(ImportError::Invalid)?;
                if self.accounts[list].len() + read.len() > *expected {
                    return Err(refused(format!(
                        "no more accounts of account list {} ({expected} were announced)",
                        list + 1
                    )));
                }
                self.counted[list].add_accounts(&read);
                self.texts[list].push_expecting(text, read.len(), *expected);
                self.accounts[list].extend(read);
                Ok(())
            }
            Kind::Opportunities => {
                let read =
                    read::read_opportunities(&value, "pipeline.opportunities", &self.partners)
                        .map_err(ImportError::Invalid)?;
                if self.opportunities.len() + read.len() > self.expected.1 {
                    return Err(refused(format!(
                        "no more opportunities ({} were announced)",
                        self.expected.1
                    )));
                }
                self.opportunities_counted.add_opportunities(&read);
                self.opportunity_texts
                    .push_expecting(text, read.len(), self.expected.1);
                self.opportunities.extend(read);
                Ok(())
            }
        }
    }

    /// Records received so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        let got = self.accounts.iter().map(Vec::len).sum::<usize>() + self.opportunities.len();
        let all = self.expected.0.iter().sum::<usize>() + self.expected.1;
        (got, all)
    }

    /// The workspace, once every announced record came.
    pub fn finish(self) -> Result<Assembled, PieceError> {
        let Assembly {
            mut head,
            expected,
            accounts,
            texts,
            counted,
            opportunities,
            opportunity_texts,
            opportunities_counted,
            ..
        } = self;
        for (i, (got, want)) in accounts.iter().zip(&expected.0).enumerate() {
            if got.len() != *want {
                return Err(refused(format!(
                    "accounts of account list {} ({} of {want} came)",
                    i + 1,
                    got.len()
                )));
            }
        }
        if opportunities.len() != expected.1 {
            return Err(refused(format!(
                "opportunities ({} of {} came)",
                opportunities.len(),
                expected.1
            )));
        }
        let mut parts = Vec::with_capacity(accounts.len());
        let lists = head.account_lists.iter_mut().zip(accounts);
        for ((list, accounts), (texts, counted)) in lists.zip(texts.into_iter().zip(counted)) {
            let mut whole = (**list).clone();
            whole.accounts = accounts;
            *list = Arc::new(whole);
            known::remember_accounts(list, counted);
            parts.push((list.clone(), texts.finish()));
        }
        let mut pipeline: Pipeline = (*head.pipeline).clone();
        pipeline.opportunities = opportunities;
        head.pipeline = Arc::new(pipeline);
        known::remember_opportunities(&head.pipeline, opportunities_counted);
        Ok(Assembled {
            workspace: head,
            parts,
            opportunities: opportunity_texts.finish(),
        })
    }
}

fn describe(kind: &Kind) -> String {
    match kind {
        Kind::Head { .. } => "the head of the workspace".into(),
        Kind::Accounts { list } => format!("accounts of account list {}", list + 1),
        Kind::Opportunities => "opportunities".into(),
    }
}

/// JSON arrays joined as one, an array at a time (`[a,b]` and `[c]` give
/// `[a,b,c]`): parts written or read a chunk at a time make the part the
/// autosave stores, the copying spread over the turns that make them.
#[derive(Debug)]
pub struct JoinedArrays(String);

impl JoinedArrays {
    /// Room for about `len` bytes of arrays.
    pub fn with_capacity(len: usize) -> JoinedArrays {
        let mut out = String::with_capacity(len + 2);
        out.push('[');
        JoinedArrays(out)
    }

    /// [`push`](Self::push) an array of `records`, of `expected` in all:
    /// the first one reserves room for all of them.
    pub fn push_expecting(&mut self, array: &str, records: usize, expected: usize) {
        if self.0.len() == 1 && records > 0 {
            let room = array.len() / records * expected.max(records) * 11 / 10;
            self.0.reserve(room);
        }
        self.push(array);
    }

    /// The items of one more array (a text that is not an array adds
    /// nothing).
    pub fn push(&mut self, array: &str) {
        let Some(inner) = array
            .trim()
            .strip_prefix('[')
            .and_then(|a| a.strip_suffix(']'))
        else {
            return;
        };
        if inner.trim().is_empty() {
            return;
        }
        if self.0.len() > 1 {
            self.0.push(',');
        }
        self.0.push_str(inner);
    }

    /// The one array.
    pub fn finish(mut self) -> String {
        self.0.push(']');
        self.0
    }
}
