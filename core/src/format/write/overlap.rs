//! A partner's overlap.

use crate::format::file::leaf::{Cells, Counts, Text, Whole};
use crate::format::file::{MappedAccountFile, MatchDecisionFile, MeasuredFile, PartnerOverlapFile};
use crate::overlap::assessment::PartnerOverlap;

fn counts(a: &[usize; 3]) -> [u64; 3] {
    a.map(|x| x as u64)
}

pub(super) fn overlap(o: &PartnerOverlap) -> PartnerOverlapFile {
    PartnerOverlapFile {
        signals: o.signals.clone(),
        notes: Text(o.notes.clone()),
        decisions: o
            .decisions
            .iter()
            .map(|d| MatchDecisionFile {
                ours: Text(d.ours.clone()),
                theirs: Text(d.theirs.clone()),
                decision: d.decision,
            })
            .collect(),
        mapped_accounts: o
            .mapped
            .iter()
            .map(|m| MappedAccountFile {
                name: Text(m.name.clone()),
                domain: Text(m.domain.clone()),
                relationships: Text(m.relationships.clone()),
                initiatives: Text(m.initiatives.clone()),
                influence: Text(m.influence.clone()),
                entry_point: Text(m.entry_point.clone()),
            })
            .collect(),
        measured: o.measured.as_ref().map(|m| MeasuredFile {
            date: m.date,
            ours_lists: m.ours_lists.clone(),
            theirs_lists: m.theirs_lists.clone(),
            cells: Cells(m.figures.cells.map(|r| counts(&r))),
            greenfield: Counts(counts(&m.figures.greenfield)),
            theirs_total: Counts(counts(&m.figures.theirs_total)),
            ours_total: Counts(counts(&m.figures.ours_total)),
            matches: Whole(m.figures.matches as u64),
            confirmed: Whole(m.figures.confirmed as u64),
        }),
    }
}
