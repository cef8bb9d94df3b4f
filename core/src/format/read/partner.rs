//! Partner records: status history in order, ratings and evidence on known
//! criteria, disqualifier hits on known disqualifiers; a partner's overlap,
//! motion, incentives and self-assessment are read by their sections.

use std::collections::BTreeMap;

use super::lists::{entries, ids_of, key_ref, ref_list, Ids};
use super::{converted, Refs};
use crate::alignment::PartnerAlignment;
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::partner::partial;
use crate::format::file::reader::PartialOf;
use crate::format::file::{PartnerAlignmentFile, PartnerFile, StatusChangeFile};
use crate::format::file_form::{file_form, FromFile};
use crate::partner::{Partner, Rating, StatusChange};

file_form! {
    StatusChange = StatusChangeFile { status, date }
    PartnerAlignment = PartnerAlignmentFile { answers, judgment }
}

pub(super) const IDS: Ids<PartnerFile> = ids_of!(PartnerFile, "partner");

pub(super) fn partner(p: PartialOf<PartnerFile>, at: &Place, refs: &Refs) -> Option<Partner> {
    let partial::PartnerFile {
        id,
        name,
        website,
        r#type,
        status_history,
        owner,
        notes,
        brand_size,
        archived,
        ratings,
        evidence,
        alignment,
        disqualifier_hits,
        overlap,
        motion,
        incentives,
        self_assessment,
        pilots,
        verdict_override,
        enablement,
    } = p;
    let history = status_history
        .whole()
        .and_then(|h| history(h, &at.key(file_key!(PartnerFile, status_history))));
    let criterion = |at: &Place, key: &str| key_ref(at, &refs.criteria, key, "criterion");
    let ratings = entries(ratings, &at.key(file_key!(PartnerFile, ratings)), criterion);
    let evidence = entries(
        evidence,
        &at.key(file_key!(PartnerFile, evidence)),
        criterion,
    );
    let hits = ref_list(
        disqualifier_hits,
        &at.key(file_key!(PartnerFile, disqualifier_hits)),
        &refs.disqualifiers,
        "disqualifier",
    );
    let overlap = overlap.partial().and_then(|o| {
        super::overlap::overlap(o, &at.key(file_key!(PartnerFile, overlap)), &refs.lists)
    });
    let motion = motion
        .partial()
        .and_then(|m| super::motion::motion(m, &at.key(file_key!(PartnerFile, motion))));
    let incentives = incentives.partial().and_then(|i| {
        super::incentives::incentives(i, &at.key(file_key!(PartnerFile, incentives)))
    });
    let self_assessment = self_assessment.partial().and_then(|s| {
        super::share::self_assessment(s, &at.key(file_key!(PartnerFile, self_assessment)))
    });
    let pilots = pilots
        .partial()
        .and_then(|l| super::pilot::pilots(l, &at.key(file_key!(PartnerFile, pilots))));
    let (ratings, mut evidence): (Vec<_>, BTreeMap<_, _>) = (
        ratings?,
        evidence?
            .into_iter()
            .map(|(id, text)| (id, text.0))
            .collect(),
    );
    let ratings = ratings
        .into_iter()
        .map(|(id, score)| {
            let evidence = evidence.remove(&id).unwrap_or_default();
            (id, Rating { score, evidence })
        })
        .collect();
    Some(Partner {
        id: id.whole()?,
        name: converted(name)?,
        website: converted(website)?,
        kind: r#type.whole()?,
        history: history?,
        owner: converted(owner)?,
        notes: converted(notes)?,
        brand: brand_size.whole()?,
        archived: archived.whole()?,
        ratings,
        pending_evidence: evidence,
        alignment: converted(alignment)?,
        disqualifier_hits: hits?.into_iter().collect(),
        overlap: overlap?,
        motion: motion?,
        incentives: incentives?,
        self_assessment: self_assessment?,
        pilots: pilots?,
        verdict_override: converted(verdict_override)?,
        enablement: converted(enablement)?,
    })
}

/// At least one status, oldest first.
fn history(list: Vec<StatusChangeFile>, at: &Place) -> Option<Vec<StatusChange>> {
    if list.is_empty() {
        at.report("needs at least one status (the first is usually candidate)");
        return None;
    }
    if list.windows(2).any(|w| w[1].date < w[0].date) {
        at.report("status changes must be in date order, oldest first");
        return None;
    }
    Some(Vec::from_file(list))
}
