//! Partner records.

use crate::format::file::leaf::Text;
use crate::format::file::{PartnerAlignmentFile, PartnerFile, StatusChangeFile};
use crate::partner::Partner;

use super::profile::answers;

pub(super) fn partner(p: &Partner) -> PartnerFile {
    PartnerFile {
        id: p.id.clone(),
        name: Text(p.name.clone()),
        website: Text(p.website.clone()),
        r#type: p.kind,
        status_history: p
            .history
            .iter()
            .map(|c| StatusChangeFile {
                status: c.status,
                date: c.date,
            })
            .collect(),
        owner: Text(p.owner.clone()),
        notes: Text(p.notes.clone()),
        brand_size: p.brand,
        archived: p.archived,
        ratings: p
            .ratings
            .iter()
            .map(|(id, r)| (id.to_string(), r.score))
            .collect(),
        evidence: p
            .ratings
            .iter()
            .filter(|(_, r)| !r.evidence.is_empty())
            .map(|(id, r)| (id.to_string(), Text(r.evidence.clone())))
            .chain(
                p.pending_evidence
                    .iter()
                    .filter(|(_, t)| !t.is_empty())
                    .map(|(id, t)| (id.to_string(), Text(t.clone()))),
            )
            .collect(),
        alignment: PartnerAlignmentFile {
            answers: answers(&p.alignment.answers),
            judgment: p.alignment.judgment,
        },
        disqualifier_hits: p.disqualifier_hits.iter().cloned().collect(),
        overlap: super::overlap::overlap(&p.overlap),
        motion: super::motion::motion(&p.motion),
        incentives: super::incentives::incentives(&p.incentives),
        self_assessment: super::share::self_assessment(&p.self_assessment),
    }
}
