//! The size of a workspace's file, and the rule that the app never holds a
//! workspace whose file it could not import again.
//!
//! Counting writes out everything but the records a workspace holds
//! 100,000 of (a few kilobytes), and adds:
//! - each list's accounts, from their text lengths: a list of 100,000
//!   accounts is counted without copying it;
//! - the pipeline's opportunities, each written to a counter at its depth.
//!
//! Both are remembered for the list or pipeline they were counted for
//! ([`known`]): lists and pipelines are shared (`Arc`) and never change in
//! place once shared, so every edit of a large workspace does not count
//! its 200,000 accounts again (20 ms natively, most of a replacement's
//! cost). Who builds a large list or pipeline in slices counts it as it
//! goes ([`Records`]) and says so ([`known::remember_accounts`]).
//!
//! `file_len(ws) == save(ws).len()` is tested on fixtures and by property
//! tests, so the count follows the layout and the records if either
//! changes.

use std::io;
use std::sync::Arc;

use super::file::ACCOUNT_KEYS;
use super::file_form::ToFile;
use super::layout::{self, INDENT};
use super::{errors::megabytes, write, MAX_FILE_BYTES};
use crate::overlap::account::{Account, AccountList};
use crate::pipeline::{Opportunity, Pipeline};
use crate::vocab::Vocabulary;
use crate::workspace::Workspace;

pub(crate) mod known;

/// A workspace whose file would be over [`MAX_FILE_BYTES`]: it could be
/// exported but not imported again, so the app refuses the step that would
/// make it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the workspace file would be {} and a workspace file holds at most {}: remove an account list you no longer need, or keep this work in a second workspace", megabytes(*bytes), megabytes(*limit))]
pub struct TooLargeToSave {
    pub bytes: usize,
    pub limit: usize,
}

/// The length in bytes of [`super::save`]`(ws)`, without building the text.
pub fn file_len(ws: &Workspace) -> usize {
    // Written out like `save` writes (the same serializer, compiled once for
    // both): without its records a workspace is small.
    let mut out = Counter(0);
    layout::write(&mut out, &write::to_file_without_records(ws))
        .expect("workspace file types always serialize");
    out.0
        + 1
        + ws.account_lists
            .iter()
            .map(known::accounts_len)
            .sum::<usize>()
        + known::opportunities_len(&ws.pipeline)
}

/// The size of the workspace's file, or why it could not be imported again.
pub fn check_size(ws: &Workspace) -> Result<usize, TooLargeToSave> {
    check_size_within(ws, MAX_FILE_BYTES)
}

/// [`check_size`] against another limit (tests use small ones).
pub fn check_size_within(ws: &Workspace, limit: usize) -> Result<usize, TooLargeToSave> {
    match file_len(ws) {
        bytes if bytes > limit => Err(TooLargeToSave { bytes, limit }),
        bytes => Ok(bytes),
    }
}

/// Counts what is written to it.
struct Counter(usize);

impl io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Depth of `account_lists[i].accounts` (the file is depth 1).
const ACCOUNTS_DEPTH: usize = 4;
/// Depth of `pipeline.opportunities`.
const OPPORTUNITIES_DEPTH: usize = 3;

/// The records of one array, counted as they come (a slice at a time).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Records {
    n: usize,
    bytes: usize,
}

impl Records {
    /// One more record of `len` bytes as the layout writes it.
    pub(crate) fn add(&mut self, len: usize) {
        self.n += 1;
        self.bytes += len;
    }

    /// `accounts`, each as the layout writes it.
    pub(crate) fn add_accounts(&mut self, accounts: &[Account]) {
        let frame = Frame::new();
        for a in accounts {
            self.add(frame.record_len(a));
        }
    }

    /// `opportunities`, each as the layout writes it.
    pub(crate) fn add_opportunities(&mut self, opportunities: &[Arc<Opportunity>]) {
        for o in opportunities {
            self.add(opportunity_len(o));
        }
    }

    /// What the records add to the file beyond an empty `[]` at `depth`:
    /// each record on a line of its own inside the array, commas between
    /// them, and the closing bracket back on its own line.
    fn array_len(self, depth: usize) -> usize {
        if self.n == 0 {
            return 0;
        }
        let line = 1 + depth * INDENT.len();
        self.bytes + self.n * line + (self.n - 1) + 1 + (depth - 1) * INDENT.len()
    }

    /// [`array_len`](Self::array_len) of a list's accounts.
    pub(crate) fn accounts_len(self) -> usize {
        self.array_len(ACCOUNTS_DEPTH)
    }

    /// [`array_len`](Self::array_len) of the pipeline's opportunities.
    pub(crate) fn opportunities_len(self) -> usize {
        self.array_len(OPPORTUNITIES_DEPTH)
    }
}

/// What a list's accounts add to the file beyond an empty `[]`.
fn accounts_len(list: &AccountList) -> usize {
    let mut records = Records::default();
    records.add_accounts(&list.accounts);
    records.accounts_len()
}

/// What the pipeline's opportunities add to the file beyond an empty `[]`.
fn opportunities_len(pipeline: &Pipeline) -> usize {
    let mut records = Records::default();
    records.add_opportunities(&pipeline.opportunities);
    records.opportunities_len()
}

/// An opportunity as the layout writes it in `pipeline.opportunities`:
/// indented one level deeper than the array, its stage history and next
/// actions one record a line.
fn opportunity_len(o: &Opportunity) -> usize {
    let mut out = Counter(0);
    layout::write_in_array(&mut out, &o.to_file(), OPPORTUNITIES_DEPTH)
        .expect("workspace file types always serialize");
    out.0
}

/// What every account record's length has besides its values: worked out
/// once per list, not per account (a list has 100,000).
struct Frame {
    /// Braces, each key quoted with its colon, commas between the pairs,
    /// the revenue's key (the last) left out.
    always: usize,
    /// The revenue's key quoted with its colon and the comma before it.
    revenue: usize,
}

impl Frame {
    fn new() -> Frame {
        let (always, revenue_key) = ACCOUNT_KEYS.split_at(ACCOUNT_KEYS.len() - 1);
        let pair = |k: &&str| k.len() + 3;
        Frame {
            always: 2 + always.iter().map(pair).sum::<usize>() + always.len() - 1,
            revenue: 1 + revenue_key.iter().map(pair).sum::<usize>(),
        }
    }

    /// `{"line":2,"name":"…",…}` on one line, as the layout writes it; the
    /// revenue only when there is one.
    fn record_len(&self, a: &Account) -> usize {
        let revenue = a
            .annual_revenue
            .map_or(0, |m| self.revenue + digits(m.minor().unsigned_abs()));
        let texts = [
            &a.name,
            &a.domain,
            &a.country,
            &a.status,
            &a.owner,
            &a.industry,
            &a.employees,
        ];
        self.always
            + revenue
            + digits(a.line as u64)
            + quoted_len(a.population.key())
            + texts.iter().map(|t| quoted_len(t)).sum::<usize>()
    }
}

fn digits(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// A JSON string as serde_json writes it: quotes, and escapes for `"`, `\`
/// and control characters (short forms for \b \t \n \f \r, `\u00XX` for the
/// rest); everything else as is.
fn quoted_len(s: &str) -> usize {
    // Most texts need no escape: one pass without branches tells.
    let escaped = s
        .bytes()
        .fold(false, |e, b| e | (b < 0x20) | (b == b'"') | (b == b'\\'));
    if !escaped {
        return 2 + s.len();
    }
    2 + s
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' | 0x08 | 0x09 | 0x0a | 0x0c | 0x0d => 2,
            0x00..=0x1f => 6,
            _ => 1,
        })
        .sum::<usize>()
}
