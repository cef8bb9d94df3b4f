//! What the private overlap matches on: one exact key per account, and the
//! distinct keys of each population.
//!
//! An account's key is its registrable domain (`d:acme.com`), else its folded
//! name and country (`n:acme|de`), the same keys the plaintext matching tries
//! first ([`Keys::identity`]). Private mode matches *exactly* on them: it
//! cannot propose close spellings, and an account with a domain never meets
//! one without (their keys differ). An account with neither a domain key nor
//! a name has no key and stays out.
//!
//! Each population holds each key once: two rows of one company count once,
//! and a duplicate would show as two equal blinded values in a message. A key
//! may sit in two populations (a customer row and a prospect row); then it is
//! an element of both.
//!
//! The matrix, `cells[i][j]`, counts the keys that are in our population `i`
//! and in their population `j`. [`exact_matrix`] computes it in plaintext; the
//! private protocol must give the same numbers.

use std::collections::BTreeMap;

use crate::overlap::account::Account;
use crate::overlap::figures::population_index;
use crate::overlap::matching::Keys;
use crate::overlap::population::Population;
use crate::vocab::Vocabulary;

/// An account's exact key, or `None` when it has none.
pub fn exact_key(k: &Keys) -> Option<String> {
    match k.domain.key() {
        Some(d) => Some(format!("d:{d}")),
        None if k.name.is_empty() => None,
        None => Some(format!("n:{}|{}", k.name, k.country)),
    }
}

/// One distinct key of a population, with the accounts (indexes into the
/// list) that have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub accounts: Vec<u32>,
}

/// A list's distinct keys per population (in [`Population::ALL`] order),
/// each population sorted by key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeySets {
    pub populations: [Vec<Entry>; 3],
    /// Accounts left out for want of a key.
    pub without_key: usize,
}

impl KeySets {
    /// The key sets of `accounts`, whose keys are `keys` (same order).
    pub fn of(accounts: &[Account], keys: &[Keys]) -> KeySets {
        let mut maps: [BTreeMap<String, Vec<u32>>; 3] = Default::default();
        let mut without_key = 0;
        for (i, (a, k)) in accounts.iter().zip(keys).enumerate() {
            match exact_key(k) {
                Some(key) => maps[population_index(a.population)]
                    .entry(key)
                    .or_default()
                    .push(i as u32),
                None => without_key += 1,
            }
        }
        KeySets {
            populations: maps.map(|m| {
                m.into_iter()
                    .map(|(key, accounts)| Entry { key, accounts })
                    .collect()
            }),
            without_key,
        }
    }

    /// Only the populations in `keep` (the partner's choice); the others empty.
    pub fn only(mut self, keep: &[Population]) -> KeySets {
        for (i, p) in Population::ALL.iter().enumerate() {
            if !keep.contains(p) {
                self.populations[i].clear();
            }
        }
        self
    }

    /// Distinct keys per population.
    pub fn sizes(&self) -> [u32; 3] {
        self.populations.each_ref().map(|p| p.len() as u32)
    }

    /// Elements in all populations.
    pub fn total(&self) -> usize {
        self.populations.iter().map(Vec::len).sum()
    }
}

/// The overlap matrix in plaintext: `cells[i][j]` counts the keys in our
/// population `i` and their population `j`.
pub fn exact_matrix(ours: &KeySets, theirs: &KeySets) -> [[u32; 3]; 3] {
    let mut cells = [[0u32; 3]; 3];
    let theirs_by_key: [std::collections::HashSet<&str>; 3] = theirs
        .populations
        .each_ref()
        .map(|p| p.iter().map(|e| e.key.as_str()).collect());
    for (i, pop) in ours.populations.iter().enumerate() {
        for e in pop {
            for (j, set) in theirs_by_key.iter().enumerate() {
                if set.contains(e.key.as_str()) {
                    cells[i][j] += 1;
                }
            }
        }
    }
    cells
}
