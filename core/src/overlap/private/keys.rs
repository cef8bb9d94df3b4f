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
//! Each key is an element of one population only: the first of customers,
//! open opportunities, prospects that holds it (among those taking part).
//! Two rows of one company count once, a population's size is a number of
//! distinct accounts, and no two points of a message are equal (equal points
//! would tell the other side which keys sit in two populations).
//!
//! The matrix, `cells[i][j]`, counts the keys that are in our population `i`
//! and in their population `j`. [`exact_matrix`] computes it in plaintext; the
//! private protocol must give the same numbers.

use std::collections::BTreeMap;

use crate::overlap::account::Account;
use crate::overlap::figures::population_index;
use crate::overlap::matching::Keys;
use crate::overlap::population::Population;

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
    /// The key sets of `accounts`, whose keys are `keys` (same order), for
    /// the populations in `keep`; a key seen in several goes to the first.
    pub fn of(accounts: &[Account], keys: &[Keys], keep: &[Population]) -> KeySets {
        let mut first: BTreeMap<String, (usize, Vec<u32>)> = BTreeMap::new();
        let mut without_key = 0;
        for (i, (a, k)) in accounts.iter().zip(keys).enumerate() {
            if !keep.contains(&a.population) {
                continue;
            }
            let p = population_index(a.population);
            match exact_key(k) {
                Some(key) => {
                    let e = first.entry(key).or_insert((p, Vec::new()));
                    e.0 = e.0.min(p);
                    e.1.push(i as u32);
                }
                None => without_key += 1,
            }
        }
        let mut populations: [Vec<Entry>; 3] = Default::default();
        for (key, (p, accounts)) in first {
            populations[p].push(Entry { key, accounts });
        }
        KeySets {
            populations,
            without_key,
        }
    }

    /// Distinct keys per population.
    pub fn sizes(&self) -> [u32; 3] {
        self.populations.each_ref().map(|p| p.len() as u32)
    }

    /// Distinct keys per population, `None` for one that is empty (it does
    /// not take part).
    pub fn taking_part(&self) -> [Option<u32>; 3] {
        self.sizes().map(|n| (n > 0).then_some(n))
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
