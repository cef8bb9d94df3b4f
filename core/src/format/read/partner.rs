//! Partner records: status history in order, ratings and evidence on known
//! criteria, disqualifier hits on known disqualifiers; a partner's overlap,
//! motion, incentives and self-assessment are read by their sections.

use std::collections::{BTreeMap, BTreeSet};

use super::{check_ref, every, key_ref, Refs};
use crate::alignment::PartnerAlignment;
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::partner::partial;
use crate::format::file::reader::PartialOf;
use crate::format::file::{PartnerAlignmentFile, PartnerFile, StatusChangeFile};
use crate::partner::{Partner, Rating, StatusChange};

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
    } = p;
    let history = status_history
        .whole()
        .and_then(|h| history(h, &at.key(file_key!(PartnerFile, status_history))));
    let ratings_at = at.key(file_key!(PartnerFile, ratings));
    let ratings = ratings.partial().and_then(|entries| {
        every(entries.into_iter().map(|e| {
            let id = key_ref(&ratings_at.key(&e.key), &refs.criteria, &e.key, "criterion");
            let score = e.value.whole();
            Some((id?, score?))
        }))
    });
    let evidence_at = at.key(file_key!(PartnerFile, evidence));
    let evidence = evidence.partial().and_then(|entries| {
        every(entries.into_iter().map(|e| {
            let id = key_ref(
                &evidence_at.key(&e.key),
                &refs.criteria,
                &e.key,
                "criterion",
            );
            let text = e.value.whole();
            Some((id?, text?.0))
        }))
    });
    let hits_at = at.key(file_key!(PartnerFile, disqualifier_hits));
    let hits = disqualifier_hits.partial().and_then(|hits| {
        every(hits.into_iter().enumerate().map(|(i, hit)| {
            let id = hit.whole()?;
            check_ref(&hits_at.index(i), &refs.disqualifiers, &id, "disqualifier").then_some(id)
        }))
    });
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
    let (ratings, mut evidence): (Vec<_>, BTreeMap<_, _>) =
        (ratings?, evidence?.into_iter().collect());
    let ratings = ratings
        .into_iter()
        .map(|(id, score)| {
            let evidence = evidence.remove(&id).unwrap_or_default();
            (id, Rating { score, evidence })
        })
        .collect();
    Some(Partner {
        id: id.whole()?,
        name: name.whole()?.0,
        website: website.whole()?.0,
        kind: r#type.whole()?,
        history: history?,
        owner: owner.whole()?.0,
        notes: notes.whole()?.0,
        brand: brand_size.whole()?,
        archived: archived.whole()?,
        ratings,
        pending_evidence: evidence,
        alignment: alignment.whole().map(partner_alignment)?,
        disqualifier_hits: hits?.into_iter().collect::<BTreeSet<_>>(),
        overlap: overlap?,
        motion: motion?,
        incentives: incentives?,
        self_assessment: self_assessment?,
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
    Some(
        list.into_iter()
            .map(|StatusChangeFile { status, date }| StatusChange { status, date })
            .collect(),
    )
}

fn partner_alignment(a: PartnerAlignmentFile) -> PartnerAlignment {
    let PartnerAlignmentFile { answers, judgment } = a;
    PartnerAlignment {
        answers: super::profile::answers(answers),
        judgment,
    }
}
