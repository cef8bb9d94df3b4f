//! What a side keeps of a private comparison, in localStorage beside the
//! workspace (not in it: the requester's secret must never reach a
//! workspace file handed to colleagues).
//!
//! - The requester keeps, per partner, the request's state (`Asked`: the
//!   seed of its secret and its own keys) until the answer arrives, then the
//!   outcome, the secret erased ([`KeptRequest`]).
//! - The responder keeps, per session, the answer's state (`Answered`: its
//!   own keys, no secret), the request as it consented to it, then the
//!   outcome ([`KeptAnswer`]).
//!
//! Neither holds the other side's account names: only this side's keys.

use partnerfit_core::overlap::private::terms::Mode;
use serde::{Deserialize, Serialize};

use super::keys::StorageKey;
use super::local::{keys_starting, read, read_named, remove, write, StorageProblem};
use crate::worker::psi::{WireOutcome, WireRequest};

/// Our request to a partner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeptRequest {
    /// When it was made (YYYY-MM-DD).
    pub date: String,
    pub session: String,
    pub mode: Mode,
    /// The core's `Asked`, as JSON.
    pub asked: String,
    /// Our lists (their ids) the request was made from: the figures are
    /// theirs, whatever the lists hold when the answer comes.
    #[serde(default)]
    pub lists: Vec<String>,
    /// Set once the answer is read.
    pub outcome: Option<WireOutcome>,
    /// The result file for the partner (small: the matrix and, in accounts
    /// mode, positions), so it can be downloaded again.
    #[serde(default)]
    pub result: Option<Vec<u8>>,
}

/// A request we answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeptAnswer {
    pub date: String,
    pub request: WireRequest,
    /// The core's `Answered`, as JSON.
    pub answered: String,
    /// Set once the result is read.
    pub outcome: Option<WireOutcome>,
}

/// What is kept under a key that cannot be read (another version of the
/// app, or damage): it is left in place, never overwritten unasked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "What this browser keeps of this private comparison cannot be read ({}). It is left as it is; discard it to start a new comparison.",
            self.0
        )
    }
}

fn load<T: for<'de> Deserialize<'de>>(key: &StorageKey) -> Result<Option<T>, Unreadable> {
    match read(key) {
        Ok(Some(s)) => serde_json::from_str(&s)
            .map(Some)
            .map_err(|e| Unreadable(e.to_string())),
        Ok(None) => Ok(None),
        Err(e) => Err(Unreadable(e.to_string())),
    }
}

fn store<T: Serialize>(key: &StorageKey, value: &T) -> Result<(), StorageProblem> {
    write(
        key,
        &serde_json::to_string(value).expect("kept state serialises"),
    )
}

pub fn request_for(partner: &str) -> Result<Option<KeptRequest>, Unreadable> {
    load(&StorageKey::PsiAsked(partner.to_owned()))
}

pub fn keep_request(partner: &str, kept: &KeptRequest) -> Result<(), StorageProblem> {
    store(&StorageKey::PsiAsked(partner.to_owned()), kept)
}

pub fn drop_request(partner: &str) {
    remove(&StorageKey::PsiAsked(partner.to_owned()));
}

pub fn keep_answer(kept: &KeptAnswer) -> Result<(), StorageProblem> {
    store(&StorageKey::PsiAnswered(kept.request.session.clone()), kept)
}

pub fn drop_answer(session: &str) {
    remove(&StorageKey::PsiAnswered(session.to_owned()));
}

/// The request we answered in `session`, if any.
pub fn answer_for(session: &str) -> Option<KeptAnswer> {
    load(&StorageKey::PsiAnswered(session.to_owned()))
        .ok()
        .flatten()
}

/// How many kept answers cannot be read (they are left in place).
pub fn unreadable_answers() -> usize {
    keys_starting(&StorageKey::PsiAnswered(String::new()).name())
        .iter()
        .filter_map(|k| read_named(k))
        .filter(|s| serde_json::from_str::<KeptAnswer>(s).is_err())
        .count()
}

/// Every request we answered, newest first.
pub fn answers() -> Vec<KeptAnswer> {
    let mut all: Vec<KeptAnswer> = keys_starting(&StorageKey::PsiAnswered(String::new()).name())
        .iter()
        .filter_map(|k| read_named(k))
        .filter_map(|s| serde_json::from_str(&s).ok())
        .collect();
    all.sort_by(|a, b| b.date.cmp(&a.date));
    all
}
