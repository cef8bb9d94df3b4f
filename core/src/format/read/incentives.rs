//! A partner's incentives: plan ids unique, and the rules of plans and
//! assumptions (`incentives::validate`), reported at the file's paths of
//! their [`PlanField`](crate::incentives::fields::PlanField)s and
//! [`AssumptionField`](crate::incentives::fields::AssumptionField)s.

use super::{duplicates, every};
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::incentives::partial;
use crate::format::file::reader::PartialOf;
use crate::format::file::{
    AssumptionsFile, HealthTierFile, IncentivesFile, MarginTierFile, PayoutFile, PlanFile,
    QualityRuleFile, ReferralFile, ResellFile, ServicesFile, TermsFile,
};
use crate::incentives::plan::{
    Assumptions, HealthTier, MarginTier, PartnerIncentives, Payout, Plan, QualityRule,
    ReferralPlan, ResellPlan, ServicesPlan, Terms,
};
use crate::incentives::validate::{assumption_problems, plan_problems};

pub(super) fn incentives(p: PartialOf<IncentivesFile>, at: &Place) -> Option<PartnerIncentives> {
    let partial::IncentivesFile { assumptions, plans } = p;
    let assumptions = assumptions
        .whole()
        .map(|a| self::assumptions(a, &at.key(file_key!(IncentivesFile, assumptions))));
    let plans_at = at.key(file_key!(IncentivesFile, plans));
    let plans = plans.partial().and_then(|list| {
        duplicates(
            &plans_at,
            "plan",
            file_key!(PlanFile, id),
            list.iter().map(|p| p.as_partial()?.id.as_partial()),
        );
        every(
            list.into_iter()
                .enumerate()
                .map(|(i, p)| plan(p.whole()?, &plans_at.index(i))),
        )
    });
    Some(PartnerIncentives {
        assumptions: assumptions?,
        plans: plans?,
    })
}

/// The assumptions, with their problems reported (they are kept: the
/// problems make the read fail).
fn assumptions(a: AssumptionsFile, at: &Place) -> Assumptions {
    let AssumptionsFile {
        submissions,
        qualification_rate_bp,
        rejection_rate_bp,
        win_rate_bp,
        first_year_revenue_minor,
        cycle_quarters,
        retention_bp,
        cost_partner_deal_minor,
        cost_direct_deal_minor,
        direct_acquisition_cost_minor,
        discount_bp,
        health,
        adoption_bp,
        quarters,
    } = a;
    let a = Assumptions {
        submissions: submissions.0,
        qualification_rate: qualification_rate_bp,
        rejection_rate: rejection_rate_bp,
        win_rate: win_rate_bp,
        first_year_revenue: first_year_revenue_minor,
        cycle_quarters: cycle_quarters.0,
        retention: retention_bp,
        cost_partner_deal: cost_partner_deal_minor,
        cost_direct_deal: cost_direct_deal_minor,
        direct_acquisition_cost: direct_acquisition_cost_minor,
        discount: discount_bp,
        health: health.0,
        adoption: adoption_bp,
        quarters: quarters.0,
    };
    for p in assumption_problems(&a) {
        at.within(&p.field.path()).report(p.message);
    }
    a
}

fn plan(p: PlanFile, at: &Place) -> Option<Plan> {
    let PlanFile { id, name, terms } = p;
    let variant = terms.key();
    let plan = Plan {
        id,
        name: name.0,
        terms: self::terms(terms),
    };
    let terms_at = at.key(file_key!(PlanFile, terms));
    let variant_at = terms_at.key(&variant);
    for p in plan_problems(&plan) {
        variant_at.within(&p.field.path()).report(p.message);
    }
    Some(plan)
}

fn terms(t: TermsFile) -> Terms {
    match t {
        TermsFile::Referral(r) => {
            let ReferralFile {
                meeting_fee_minor,
                closed_won,
                quality,
            } = r;
            let QualityRuleFile {
                window,
                max_rejection_bp,
                fee_cut_bp,
            } = quality;
            Terms::Referral(ReferralPlan {
                meeting_fee: meeting_fee_minor,
                closed_won: match closed_won {
                    PayoutFile::FlatMinor(m) => Payout::Flat(m),
                    PayoutFile::PercentBp(r) => Payout::Percent(r),
                },
                quality: QualityRule {
                    window: window.0,
                    max_rejection: max_rejection_bp,
                    fee_cut: fee_cut_bp,
                },
            })
        }
        TermsFile::Services(s) => {
            let ServicesFile {
                package,
                services_price_minor,
                co_marketing_minor,
                tiers,
            } = s;
            Terms::Services(ServicesPlan {
                package: package.0,
                services_price: services_price_minor,
                co_marketing: co_marketing_minor,
                tiers: tiers
                    .into_iter()
                    .map(
                        |HealthTierFile {
                             name,
                             min_health,
                             bonus_bp,
                         }| HealthTier {
                            name: name.0,
                            min_health: min_health.0,
                            bonus: bonus_bp,
                        },
                    )
                    .collect(),
            })
        }
        TermsFile::Resell(r) => {
            let ResellFile {
                list_price_minor,
                price_floor_minor,
                max_discount_bp,
                tiers,
                renewal_rebate_bp,
                rebate_min_retention_bp,
                rebate_min_adoption_bp,
                certified,
            } = r;
            Terms::Resell(ResellPlan {
                list_price: list_price_minor,
                price_floor: price_floor_minor,
                max_discount: max_discount_bp,
                tiers: tiers
                    .into_iter()
                    .map(
                        |MarginTierFile {
                             name,
                             min_deals,
                             margin_bp,
                             requires_certification,
                         }| MarginTier {
                            name: name.0,
                            min_deals: min_deals.0,
                            margin: margin_bp,
                            requires_certification,
                        },
                    )
                    .collect(),
                renewal_rebate: renewal_rebate_bp,
                rebate_min_retention: rebate_min_retention_bp,
                rebate_min_adoption: rebate_min_adoption_bp,
                certified,
            })
        }
    }
}
