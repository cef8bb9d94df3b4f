//! A partner's overlap: the lists a measurement names are lists of this
//! workspace.

use std::collections::BTreeSet;

use super::{check_ref, every};
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::overlap::partial;
use crate::format::file::reader::{Part, PartialOf};
use crate::format::file::{MappedAccountFile, MatchDecisionFile, MeasuredFile, PartnerOverlapFile};
use crate::id::Id;
use crate::overlap::assessment::{MappedAccount, Measured, PartnerOverlap};
use crate::overlap::figures::{Figures, MatchDecision};

pub(super) fn overlap(
    p: PartialOf<PartnerOverlapFile>,
    at: &Place,
    lists: &Option<BTreeSet<Id>>,
) -> Option<PartnerOverlap> {
    let partial::PartnerOverlapFile {
        signals,
        notes,
        decisions,
        mapped_accounts,
        measured,
    } = p;
    let measured = match measured.partial() {
        None => None,
        Some(None) => Some(None),
        Some(Some(m)) => {
            self::measured(m, &at.key(file_key!(PartnerOverlapFile, measured)), lists).map(Some)
        }
    };
    Some(PartnerOverlap {
        signals: signals.whole()?,
        notes: notes.whole()?.0,
        decisions: decisions.whole()?.into_iter().map(decision).collect(),
        mapped: mapped_accounts.whole()?.into_iter().map(mapped).collect(),
        measured: measured?,
    })
}

fn measured(
    p: PartialOf<MeasuredFile>,
    at: &Place,
    lists: &Option<BTreeSet<Id>>,
) -> Option<Measured> {
    let partial::MeasuredFile {
        date,
        ours_lists,
        theirs_lists,
        cells,
        greenfield,
        theirs_total,
        ours_total,
        matches,
        confirmed,
    } = p;
    let ours_lists = list_refs(
        ours_lists,
        &at.key(file_key!(MeasuredFile, ours_lists)),
        lists,
    );
    let theirs_lists = list_refs(
        theirs_lists,
        &at.key(file_key!(MeasuredFile, theirs_lists)),
        lists,
    );
    let counts = |c: [u64; 3]| c.map(|n| n as usize);
    Some(Measured {
        date: date.whole()?,
        ours_lists: ours_lists?,
        theirs_lists: theirs_lists?,
        figures: Figures {
            cells: cells.whole()?.0.map(counts),
            greenfield: counts(greenfield.whole()?.0),
            theirs_total: counts(theirs_total.whole()?.0),
            ours_total: counts(ours_total.whole()?.0),
            matches: matches.whole()?.0 as usize,
            confirmed: confirmed.whole()?.0 as usize,
        },
    })
}

/// Ids of account lists of this workspace.
fn list_refs(list: Part<Vec<Id>>, at: &Place, lists: &Option<BTreeSet<Id>>) -> Option<Vec<Id>> {
    every(list.partial()?.into_iter().enumerate().map(|(i, id)| {
        let id = id.whole()?;
        check_ref(&at.index(i), lists, &id, "account list").then_some(id)
    }))
}

fn decision(d: MatchDecisionFile) -> MatchDecision {
    let MatchDecisionFile {
        ours,
        theirs,
        decision,
    } = d;
    MatchDecision {
        ours: ours.0,
        theirs: theirs.0,
        decision,
    }
}

fn mapped(m: MappedAccountFile) -> MappedAccount {
    let MappedAccountFile {
        name,
        domain,
        relationships,
        initiatives,
        influence,
        entry_point,
    } = m;
    MappedAccount {
        name: name.0,
        domain: domain.0,
        relationships: relationships.0,
        initiatives: initiatives.0,
        influence: influence.0,
        entry_point: entry_point.0,
    }
}
