//! The messages between the page and the background worker.
//!
//! A message is a JS array `[json, data]`: the JSON of a [`ToWorker`] or a
//! [`FromWorker`], and `data`, a `Uint32Array` for the numeric bulk (the
//! matched pairs, transferred rather than copied) or `null`. Account rows go
//! in chunks of [`CHUNK`] so that no single encode or decode holds the page
//! for long.

use std::borrow::Cow;

use partnerfit_core::overlap::matching::{Pair, Reason};
use partnerfit_core::vocab::Vocabulary;
use serde::{Deserialize, Serialize};

/// Rows per message.
pub const CHUNK: usize = 4_000;

/// Which side of the mapping a chunk belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Ours,
    Theirs,
}

/// From the page to the worker. A job's messages arrive in order: its
/// account chunks, then `Match`.
#[derive(Debug, Serialize, Deserialize)]
pub enum ToWorker<'a> {
    /// The next accounts of one side: name, domain (as written), country.
    Accounts {
        job: u32,
        side: Side,
        rows: Vec<[Cow<'a, str>; 3]>,
    },
    /// Match every account sent for `job`.
    Match { job: u32 },
}

/// From the worker to the page.
#[derive(Debug, Serialize, Deserialize)]
pub enum FromWorker {
    /// `done` of the worker's share of the job, 0 to 1.
    Progress { job: u32, what: String, done: f64 },
    /// The next accounts' identities (what match decisions are keyed on),
    /// in the order the accounts were sent.
    Identities {
        job: u32,
        side: Side,
        ids: Vec<String>,
    },
    /// The job is done; `data` holds its pairs, [`PAIR_WORDS`] numbers each.
    Matched { job: u32, pairs: usize },
    /// The job failed; the message says why, for the user.
    Failed { job: u32, message: String },
}

impl FromWorker {
    pub fn job(&self) -> u32 {
        match self {
            FromWorker::Progress { job, .. }
            | FromWorker::Identities { job, .. }
            | FromWorker::Matched { job, .. }
            | FromWorker::Failed { job, .. } => *job,
        }
    }
}

/// Numbers per pair in a `Matched` message's data.
pub const PAIR_WORDS: usize = 4;

/// Pairs as numbers: ours, theirs, the reason's index, the confidence.
pub fn pairs_to_words(pairs: &[Pair]) -> Vec<u32> {
    let mut out = Vec::with_capacity(pairs.len() * PAIR_WORDS);
    for p in pairs {
        let reason = Reason::ALL.iter().position(|r| *r == p.reason).unwrap_or(0);
        out.extend([p.ours, p.theirs, reason as u32, u32::from(p.confidence)]);
    }
    out
}

/// Why a `Matched` message's numbers cannot be pairs.
#[derive(Debug, PartialEq, Eq)]
pub struct BadPairs;

impl std::fmt::Display for BadPairs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the background worker sent matches this page cannot read (reload the page: it may be from another version)")
    }
}

/// The inverse of [`pairs_to_words`], checking every index against the
/// number of accounts on each side.
pub fn pairs_from_words(words: &[u32], ours: usize, theirs: usize) -> Result<Vec<Pair>, BadPairs> {
    if !words.len().is_multiple_of(PAIR_WORDS) {
        return Err(BadPairs);
    }
    words
        .chunks_exact(PAIR_WORDS)
        .map(|w| {
            let reason = *Reason::ALL.get(w[2] as usize).ok_or(BadPairs)?;
            if w[0] as usize >= ours || w[1] as usize >= theirs || w[3] > 100 {
                return Err(BadPairs);
            }
            Ok(Pair {
                ours: w[0],
                theirs: w[1],
                reason,
                confidence: w[3] as u8,
            })
        })
        .collect()
}
