//! Domain → file types (current version).

use super::file::*;
use super::{FORMAT_TAG, FORMAT_VERSION};
use crate::alignment::Answers;
use crate::icp::Span;
use crate::incentives::plan::{PartnerIncentives, Payout, Terms};
use crate::motion::Motion;
use crate::overlap::account::{Account, AccountList, ListOwner, PopulationSource};
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
    file(ws, true)
}

/// The file form with every account list's accounts left out (their size is
/// counted without copying them: `format::size`).
pub(crate) fn to_file_without_accounts(ws: &Workspace) -> WorkspaceFile {
    file(ws, false)
}

fn file(ws: &Workspace, with_accounts: bool) -> WorkspaceFile {
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
                motion: motion(&p.motion),
                incentives: incentives(&p.incentives),
                self_assessment: self_assessment(&p.self_assessment),
            })
            .collect(),
        account_lists: ws
            .account_lists
            .iter()
            .map(|l| account_list(l, with_accounts))
            .collect(),
    }
}

fn self_assessment(s: &crate::share::records::SelfAssessment) -> SelfAssessmentFile {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    SelfAssessmentFile {
        invitations: s
            .invitations
            .iter()
            .map(|i| SentInvitationFile {
                id: i.id.to_string(),
                secret: URL_SAFE_NO_PAD.encode(i.secret),
                created: i.created.to_string(),
                expires: i.expires.map(|d| d.to_string()),
                contact: i.contact.clone(),
                protected: i.protected,
                link: i.link.clone(),
            })
            .collect(),
        responses: s
            .responses
            .iter()
            .map(|r| ReceivedResponseFile {
                invitation: r.invitation.to_string(),
                received: r.received.to_string(),
                submitted: r.submitted.to_string(),
                respondent: r.respondent.clone(),
                email: r.email.clone(),
                ratings: r
                    .ratings
                    .iter()
                    .map(|(id, x)| {
                        (
                            id.to_string(),
                            SelfRatingFile {
                                score: x.score.get(),
                                evidence: x.evidence.clone(),
                            },
                        )
                    })
                    .collect(),
                answers: answers(&r.answers),
                comments: r.comments.clone(),
                verification: r.verification,
            })
            .collect(),
    }
}

fn motion(m: &Motion) -> MotionFile {
    MotionFile {
        journey: m
            .journey
            .iter()
            .map(|s| JourneyStageFile {
                name: s.name.clone(),
                we_fit: s.we_fit,
                notes: s.notes.clone(),
            })
            .collect(),
        ownership: m
            .ownership
            .iter()
            .map(|o| OwnershipFile {
                step: o.step,
                lead: o.lead,
                support: o.support,
            })
            .collect(),
        qualified: m.qualified.clone(),
        rejected: m.rejected.clone(),
        sla: SlaFile {
            first_response_days: m.sla.first_response_days,
            qualification_days: m.sla.qualification_days,
            notes: m.sla.notes.clone(),
        },
        registration: RegistrationFile {
            eligible: m.registration.eligible.clone(),
            protection_days: m.registration.protection_days,
            on_expiry: m.registration.on_expiry.clone(),
            dispute_rule: m.registration.dispute_rule.clone(),
            dispute_owner: m.registration.dispute_owner.clone(),
        },
    }
}

fn incentives(i: &PartnerIncentives) -> IncentivesFile {
    let a = &i.assumptions;
    IncentivesFile {
        assumptions: AssumptionsFile {
            submissions: a.submissions,
            qualification_rate_bp: a.qualification_rate.0,
            rejection_rate_bp: a.rejection_rate.0,
            win_rate_bp: a.win_rate.0,
            first_year_revenue_minor: a.first_year_revenue.0,
            cycle_quarters: a.cycle_quarters,
            retention_bp: a.retention.0,
            cost_partner_deal_minor: a.cost_partner_deal.0,
            cost_direct_deal_minor: a.cost_direct_deal.0,
            direct_acquisition_cost_minor: a.direct_acquisition_cost.0,
            discount_bp: a.discount.0,
            health: a.health,
            adoption_bp: a.adoption.0,
            quarters: a.quarters,
        },
        plans: i
            .plans
            .iter()
            .map(|p| PlanFile {
                id: p.id.to_string(),
                name: p.name.clone(),
                terms: match &p.terms {
                    Terms::Referral(r) => TermsFile::Referral(ReferralFile {
                        meeting_fee_minor: r.meeting_fee.0,
                        closed_won: match r.closed_won {
                            Payout::Flat(m) => PayoutFile::FlatMinor(m.0),
                            Payout::Percent(x) => PayoutFile::PercentBp(x.0),
                        },
                        quality: QualityRuleFile {
                            window: r.quality.window,
                            max_rejection_bp: r.quality.max_rejection.0,
                            fee_cut_bp: r.quality.fee_cut.0,
                        },
                    }),
                    Terms::Services(s) => TermsFile::Services(ServicesFile {
                        package: s.package.clone(),
                        services_price_minor: s.services_price.0,
                        co_marketing_minor: s.co_marketing.0,
                        tiers: s
                            .tiers
                            .iter()
                            .map(|t| HealthTierFile {
                                name: t.name.clone(),
                                min_health: t.min_health,
                                bonus_bp: t.bonus.0,
                            })
                            .collect(),
                    }),
                    Terms::Resell(r) => TermsFile::Resell(ResellFile {
                        list_price_minor: r.list_price.0,
                        price_floor_minor: r.price_floor.0,
                        max_discount_bp: r.max_discount.0,
                        tiers: r
                            .tiers
                            .iter()
                            .map(|t| MarginTierFile {
                                name: t.name.clone(),
                                min_deals: t.min_deals,
                                margin_bp: t.margin.0,
                                requires_certification: t.requires_certification,
                            })
                            .collect(),
                        renewal_rebate_bp: r.renewal_rebate.0,
                        rebate_min_retention_bp: r.rebate_min_retention.0,
                        rebate_min_adoption_bp: r.rebate_min_adoption.0,
                        certified: r.certified,
                    }),
                },
            })
            .collect(),
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

fn account_list(l: &AccountList, with_accounts: bool) -> AccountListFile {
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
        accounts: if with_accounts {
            accounts(l)
        } else {
            Vec::new()
        },
    }
}

/// The file form of a list's accounts.
pub(crate) fn accounts(l: &AccountList) -> Vec<AccountFile> {
    l.accounts.iter().map(account).collect()
}

fn account(a: &Account) -> AccountFile {
    AccountFile {
        line: a.line as u64,
        name: a.name.clone(),
        domain: a.domain.clone(),
        country: a.country.clone(),
        population: a.population,
        status: a.status.clone(),
        owner: a.owner.clone(),
        industry: a.industry.clone(),
        employees: a.employees.clone(),
    }
}
