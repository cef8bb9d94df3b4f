//! Domain → file types (current version).

use super::file::*;
use super::{FORMAT_TAG, FORMAT_VERSION};
use crate::alignment::Answers;
use crate::icp::Span;
use crate::overlap::account::{AccountList, ListOwner, PopulationSource};
use crate::overlap::assessment::PartnerOverlap;
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
                overlap: overlap(&p.overlap),
            })
            .collect(),
        account_lists: ws.account_lists.iter().map(account_list).collect(),
    }
}

fn counts<const N: usize>(a: &[usize; N]) -> [u64; N] {
    a.map(|x| x as u64)
}

fn overlap(o: &PartnerOverlap) -> PartnerOverlapFile {
    PartnerOverlapFile {
        signals: o.signals.clone(),
        notes: o.notes.clone(),
        decisions: o
            .decisions
            .iter()
            .map(|d| MatchDecisionFile {
                ours: d.ours.clone(),
                theirs: d.theirs.clone(),
                decision: d.decision,
            })
            .collect(),
        mapped_accounts: o
            .mapped
            .iter()
            .map(|m| MappedAccountFile {
                name: m.name.clone(),
                domain: m.domain.clone(),
                relationships: m.relationships.clone(),
                initiatives: m.initiatives.clone(),
                influence: m.influence.clone(),
                entry_point: m.entry_point.clone(),
            })
            .collect(),
        measured: o.measured.as_ref().map(|m| MeasuredFile {
            date: m.date.to_string(),
            ours_lists: m.ours_lists.iter().map(|i| i.to_string()).collect(),
            theirs_lists: m.theirs_lists.iter().map(|i| i.to_string()).collect(),
            cells: m.figures.cells.map(|r| counts(&r)),
            greenfield: counts(&m.figures.greenfield),
            theirs_total: counts(&m.figures.theirs_total),
            ours_total: counts(&m.figures.ours_total),
            matches: m.figures.matches as u64,
            confirmed: m.figures.confirmed as u64,
        }),
    }
}

fn account_list(l: &AccountList) -> AccountListFile {
    let (population_source, population) = match l.population {
        PopulationSource::StatusColumn { fallback } => {
            (PopulationSourceKind::StatusColumn, fallback)
        }
        PopulationSource::Fixed(p) => (PopulationSourceKind::Fixed, p),
    };
    AccountListFile {
        id: l.id.to_string(),
        partner: match &l.owner {
            ListOwner::Ours => None,
            ListOwner::Partner(id) => Some(id.to_string()),
        },
        source: l.source.clone(),
        imported: l.imported.to_string(),
        population_source,
        population,
        accounts: l
            .accounts
            .iter()
            .map(|a| AccountFile {
                line: a.line as u64,
                name: a.name.clone(),
                domain: a.domain.clone(),
                country: a.country.clone(),
                population: a.population,
                status: a.status.clone(),
                owner: a.owner.clone(),
                industry: a.industry.clone(),
                employees: a.employees.clone(),
            })
            .collect(),
    }
}
