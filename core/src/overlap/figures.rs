//! The overlap matrix: our populations × the partner's populations, with
//! the accounts behind each cell, and greenfield (theirs not in ours).

use super::account::Account;
use super::matching::{Keys, Pair};
use super::population::Population;
use crate::vocab::Vocabulary;

crate::vocabulary! {
    /// A user's decision on a proposed match.
    pub enum Decision ("match decision") {
        Confirmed = "confirmed" / "Confirmed",
        Rejected = "rejected" / "Rejected",
    }
}

/// A decision, keyed by the two accounts' identities ([`Keys::identity`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchDecision {
    pub ours: String,
    pub theirs: String,
    pub decision: Decision,
}

/// A match with the user's decision applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decided {
    pub pair: Pair,
    /// `None` while not reviewed.
    pub decision: Option<Decision>,
}

/// The figures of one overlap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    /// `cells[ours][theirs]`: how many of their accounts in that population
    /// match one of ours in that population (rejected matches left out).
    pub cells: [[usize; 3]; 3],
    /// Their accounts per population with no match (greenfield).
    pub greenfield: [usize; 3],
    /// Their accounts per population.
    pub theirs_total: [usize; 3],
    /// Our accounts per population.
    pub ours_total: [usize; 3],
    /// Matches kept (not rejected), and how many of them are confirmed.
    pub matches: usize,
    pub confirmed: usize,
}

pub fn population_index(p: Population) -> usize {
    Population::ALL.iter().position(|x| *x == p).unwrap_or(0)
}

/// Apply decisions to proposed pairs.
pub fn decide(
    pairs: &[Pair],
    ours: &[Keys],
    theirs: &[Keys],
    decisions: &[MatchDecision],
) -> Vec<Decided> {
    decide_with(
        pairs,
        |i| ours[i as usize].identity(),
        |j| theirs[j as usize].identity(),
        decisions,
    )
}

/// [`decide`] given each account's identity ([`Keys::identity`]) instead of
/// its keys: the page gets identities from the worker that matched.
pub fn decide_with<S: AsRef<str>>(
    pairs: &[Pair],
    ours: impl Fn(u32) -> S,
    theirs: impl Fn(u32) -> S,
    decisions: &[MatchDecision],
) -> Vec<Decided> {
    let map: std::collections::HashMap<(&str, &str), Decision> = decisions
        .iter()
        .map(|d| ((d.ours.as_str(), d.theirs.as_str()), d.decision))
        .collect();
    pairs
        .iter()
        .map(|p| {
            let (o, t) = (ours(p.ours), theirs(p.theirs));
            Decided {
                pair: *p,
                decision: map.get(&(o.as_ref(), t.as_ref())).copied(),
            }
        })
        .collect()
}

/// Count the matrix and greenfield.
pub fn figures(ours: &[&Account], theirs: &[&Account], decided: &[Decided]) -> Figures {
    let populations = |accounts: &[&Account]| -> Vec<Population> {
        accounts.iter().map(|a| a.population).collect()
    };
    figures_of(&populations(ours), &populations(theirs), decided)
}

/// [`figures`] given each account's population only.
pub fn figures_of(ours: &[Population], theirs: &[Population], decided: &[Decided]) -> Figures {
    let mut f = Figures {
        cells: [[0; 3]; 3],
        greenfield: [0; 3],
        theirs_total: [0; 3],
        ours_total: [0; 3],
        matches: 0,
        confirmed: 0,
    };
    for p in ours {
        f.ours_total[population_index(*p)] += 1;
    }
    // Per their account: which of our populations it meets.
    let mut meets = vec![[false; 3]; theirs.len()];
    for d in decided
        .iter()
        .filter(|d| d.decision != Some(Decision::Rejected))
    {
        f.matches += 1;
        if d.decision == Some(Decision::Confirmed) {
            f.confirmed += 1;
        }
        let op = population_index(ours[d.pair.ours as usize]);
        meets[d.pair.theirs as usize][op] = true;
    }
    for (j, p) in theirs.iter().enumerate() {
        let tp = population_index(*p);
        f.theirs_total[tp] += 1;
        let m = meets[j];
        if m.iter().any(|x| *x) {
            for (op, hit) in m.iter().enumerate() {
                if *hit {
                    f.cells[op][tp] += 1;
                }
            }
        } else {
            f.greenfield[tp] += 1;
        }
    }
    f
}

impl Figures {
    /// Their accounts that match any of ours (an account counts once).
    pub fn shared(&self) -> usize {
        self.theirs_total.iter().sum::<usize>() - self.greenfield.iter().sum::<usize>()
    }

    pub fn theirs(&self) -> usize {
        self.theirs_total.iter().sum()
    }
}
