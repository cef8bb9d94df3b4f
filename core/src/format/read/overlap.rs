//! A partner's overlap: the lists a measurement names are lists of this
//! workspace.

use super::converted;
use super::lists::{ref_list, Known};
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::overlap::partial;
use crate::format::file::reader::PartialOf;
use crate::format::file::{MappedAccountFile, MatchDecisionFile, MeasuredFile, PartnerOverlapFile};
use crate::format::file_form::file_form;
use crate::overlap::assessment::{MappedAccount, Measured, PartnerOverlap};
use crate::overlap::figures::{Figures, MatchDecision};

file_form! {
    // Written field by field; read below (the lists a measurement names).
    PartnerOverlap => PartnerOverlapFile {
        signals, notes, decisions, mapped_accounts: mapped, measured,
    }
    MatchDecision = MatchDecisionFile { ours, theirs, decision }
    MappedAccount = MappedAccountFile {
        name, domain, relationships, initiatives, influence, entry_point,
    }
}

pub(super) fn overlap(
    p: PartialOf<PartnerOverlapFile>,
    at: &Place,
    lists: &Known,
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
        signals: converted(signals)?,
        notes: converted(notes)?,
        decisions: converted(decisions)?,
        mapped: converted(mapped_accounts)?,
        measured: measured?,
    })
}

fn measured(p: PartialOf<MeasuredFile>, at: &Place, lists: &Known) -> Option<Measured> {
    let partial::MeasuredFile {
        date,
        method,
        ours_lists,
        theirs_lists,
        cells,
        greenfield,
        theirs_total,
        ours_total,
        matches,
        confirmed,
    } = p;
    let ours_lists = ref_list(
        ours_lists,
        &at.key(file_key!(MeasuredFile, ours_lists)),
        lists,
        "account list",
    );
    let theirs_lists = ref_list(
        theirs_lists,
        &at.key(file_key!(MeasuredFile, theirs_lists)),
        lists,
        "account list",
    );
    Some(Measured {
        date: date.whole()?,
        method: converted(method)?,
        ours_lists: ours_lists?,
        theirs_lists: theirs_lists?,
        figures: Figures {
            cells: converted(cells)?,
            greenfield: converted(greenfield)?,
            theirs_total: converted(theirs_total)?,
            ours_total: converted(ours_total)?,
            matches: converted(matches)?,
            confirmed: converted(confirmed)?,
        },
    })
}
