//! The overlap of our lists with one partner's lists, with decisions applied.

use super::account::{Account, ListOwner};
use super::figures::{decide, figures, Decided, Figures};
use super::matching::{keys_of, match_all, Keys};
use super::normalize::Psl;
use crate::id::Id;
use crate::workspace::Workspace;

/// Everything the overlap page and the CLI show.
pub struct Analysis<'a> {
    pub ours: Vec<&'a Account>,
    pub theirs: Vec<&'a Account>,
    pub ours_keys: Vec<Keys>,
    pub theirs_keys: Vec<Keys>,
    pub pairs: Vec<Decided>,
    pub figures: Figures,
    pub ours_lists: Vec<Id>,
    pub theirs_lists: Vec<Id>,
}

/// Our accounts and the partner's, each with the ids of the lists they come from.
pub fn accounts_of<'a>(ws: &'a Workspace, owner: &ListOwner) -> (Vec<&'a Account>, Vec<Id>) {
    let lists: Vec<_> = ws
        .account_lists
        .iter()
        .filter(|l| &l.owner == owner)
        .collect();
    (
        lists.iter().flat_map(|l| l.accounts.iter()).collect(),
        lists.iter().map(|l| l.id.clone()).collect(),
    )
}

/// Analyse the overlap of our lists with `partner`'s in one go.
pub fn analyze<'a>(ws: &'a Workspace, partner: &Id, psl: &Psl) -> Analysis<'a> {
    let (ours, ours_lists) = accounts_of(ws, &ListOwner::Ours);
    let (theirs, theirs_lists) = accounts_of(ws, &ListOwner::Partner(partner.clone()));
    let ours_keys = keys_of(psl, ours.iter().copied());
    let theirs_keys = keys_of(psl, theirs.iter().copied());
    let decisions = ws
        .partner(partner)
        .map(|p| p.overlap.decisions.as_slice())
        .unwrap_or(&[]);
    let pairs = decide(
        &match_all(&ours_keys, &theirs_keys),
        &ours_keys,
        &theirs_keys,
        decisions,
    );
    let figures = figures(&ours, &theirs, &pairs);
    Analysis {
        ours,
        theirs,
        ours_keys,
        theirs_keys,
        pairs,
        figures,
        ours_lists,
        theirs_lists,
    }
}
