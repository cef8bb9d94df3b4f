//! Domain → file types (current version).

use super::file::*;
use super::{FORMAT_TAG, FORMAT_VERSION};
use crate::alignment::Answers;
use crate::icp::Span;
use crate::workspace::Workspace;

fn answers(a: &Answers) -> AnswersFile {
    AnswersFile {
        problem: a.problem.clone(),
        urgency: a.urgency.clone(),
        success_90_days: a.success_90_days.clone(),
    }
}

fn span<T: Copy>(s: &Span<T>, f: impl Fn(T) -> i64) -> SpanFile {
    SpanFile {
        min: s.min.map(&f),
        max: s.max.map(&f),
    }
}

/// The file form of a workspace.
pub fn to_file(ws: &Workspace) -> WorkspaceFile {
    WorkspaceFile {
        format: FORMAT_TAG.to_owned(),
        format_version: FORMAT_VERSION,
        profile: ProfileFile {
            name: ws.profile.name.clone(),
            website: ws.profile.website.clone(),
            currency: ws.profile.currency.code().to_owned(),
            alignment_answers: answers(&ws.profile.answers),
        },
        icp: IcpFile {
            industries: ws.icp.industries.clone(),
            sub_verticals: ws.icp.sub_verticals.clone(),
            employees: span(&ws.icp.employees, i64::from),
            annual_revenue_minor: span(&ws.icp.annual_revenue, |m| m.minor()),
            pain_triggers: ws.icp.pain_triggers.clone(),
            buying_committee: ws
                .icp
                .committee
                .iter()
                .map(|m| CommitteeMemberFile {
                    role: m.role,
                    title: m.title.clone(),
                    notes: m.notes.clone(),
                })
                .collect(),
            disqualifiers: ws
                .icp
                .disqualifiers
                .iter()
                .map(|d| DisqualifierFile {
                    id: d.id.to_string(),
                    kind: d.kind,
                    text: d.text.clone(),
                    amount_minor: d.amount.map(|m| m.minor()),
                })
                .collect(),
            examples: ws
                .icp
                .examples
                .iter()
                .map(|e| ExampleFile {
                    name: e.name.clone(),
                    fit: e.fit,
                    why: e.why.clone(),
                })
                .collect(),
        },
        scorecard: ScorecardFile {
            categories: ws
                .scorecard
                .categories
                .iter()
                .map(|c| CategoryFile {
                    id: c.id.to_string(),
                    name: c.name.clone(),
                    weight: c.weight,
                    criteria: c
                        .criteria
                        .iter()
                        .map(|k| CriterionFile {
                            id: k.id.to_string(),
                            text: k.text.clone(),
                            weight: k.weight,
                        })
                        .collect(),
                })
                .collect(),
            gates: ws
                .scorecard
                .gates
                .iter()
                .map(|(kind, g)| (*kind, g.iter().map(|(c, t)| (c.to_string(), *t)).collect()))
                .collect(),
        },
        partners: ws
            .partners
            .iter()
            .map(|p| PartnerFile {
                id: p.id.to_string(),
                name: p.name.clone(),
                website: p.website.clone(),
                kind: p.kind,
                status_history: p
                    .history
                    .iter()
                    .map(|c| StatusChangeFile {
                        status: c.status,
                        date: c.date.to_string(),
                    })
                    .collect(),
                owner: p.owner.clone(),
                notes: p.notes.clone(),
                brand_size: p.brand,
                archived: p.archived,
                ratings: p
                    .ratings
                    .iter()
                    .map(|(id, r)| (id.to_string(), r.score.get()))
                    .collect(),
                evidence: p
                    .ratings
                    .iter()
                    .filter(|(_, r)| !r.evidence.is_empty())
                    .map(|(id, r)| (id.to_string(), r.evidence.clone()))
                    .chain(
                        p.pending_evidence
                            .iter()
                            .filter(|(_, t)| !t.is_empty())
                            .map(|(id, t)| (id.to_string(), t.clone())),
                    )
                    .collect(),
                alignment: PartnerAlignmentFile {
                    answers: answers(&p.alignment.answers),
                    judgment: p.alignment.judgment,
                },
                disqualifier_hits: p.disqualifier_hits.iter().map(|d| d.to_string()).collect(),
            })
            .collect(),
    }
}
