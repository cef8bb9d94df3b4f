//! A partner's incentive plans and assumptions.

use crate::format::file::leaf::{Text, Whole};
use crate::format::file::{
    AssumptionsFile, HealthTierFile, IncentivesFile, MarginTierFile, PayoutFile, PlanFile,
    QualityRuleFile, ReferralFile, ResellFile, ServicesFile, TermsFile,
};
use crate::incentives::plan::{PartnerIncentives, Payout, Terms};

pub(super) fn incentives(i: &PartnerIncentives) -> IncentivesFile {
    let a = &i.assumptions;
    IncentivesFile {
        assumptions: AssumptionsFile {
            submissions: Whole(a.submissions),
            qualification_rate_bp: a.qualification_rate,
            rejection_rate_bp: a.rejection_rate,
            win_rate_bp: a.win_rate,
            first_year_revenue_minor: a.first_year_revenue,
            cycle_quarters: Whole(a.cycle_quarters),
            retention_bp: a.retention,
            cost_partner_deal_minor: a.cost_partner_deal,
            cost_direct_deal_minor: a.cost_direct_deal,
            direct_acquisition_cost_minor: a.direct_acquisition_cost,
            discount_bp: a.discount,
            health: Whole(a.health),
            adoption_bp: a.adoption,
            quarters: Whole(a.quarters),
        },
        plans: i
            .plans
            .iter()
            .map(|p| PlanFile {
                id: p.id.clone(),
                name: Text(p.name.clone()),
                terms: terms(&p.terms),
            })
            .collect(),
    }
}

fn terms(t: &Terms) -> TermsFile {
    match t {
        Terms::Referral(r) => TermsFile::Referral(ReferralFile {
            meeting_fee_minor: r.meeting_fee,
            closed_won: match r.closed_won {
                Payout::Flat(m) => PayoutFile::FlatMinor(m),
                Payout::Percent(x) => PayoutFile::PercentBp(x),
            },
            quality: QualityRuleFile {
                window: Whole(r.quality.window),
                max_rejection_bp: r.quality.max_rejection,
                fee_cut_bp: r.quality.fee_cut,
            },
        }),
        Terms::Services(s) => TermsFile::Services(ServicesFile {
            package: Text(s.package.clone()),
            services_price_minor: s.services_price,
            co_marketing_minor: s.co_marketing,
            tiers: s
                .tiers
                .iter()
                .map(|t| HealthTierFile {
                    name: Text(t.name.clone()),
                    min_health: Whole(t.min_health),
                    bonus_bp: t.bonus,
                })
                .collect(),
        }),
        Terms::Resell(r) => TermsFile::Resell(ResellFile {
            list_price_minor: r.list_price,
            price_floor_minor: r.price_floor,
            max_discount_bp: r.max_discount,
            tiers: r
                .tiers
                .iter()
                .map(|t| MarginTierFile {
                    name: Text(t.name.clone()),
                    min_deals: Whole(t.min_deals),
                    margin_bp: t.margin,
                    requires_certification: t.requires_certification,
                })
                .collect(),
            renewal_rebate_bp: r.renewal_rebate,
            rebate_min_retention_bp: r.rebate_min_retention,
            rebate_min_adoption_bp: r.rebate_min_adoption,
            certified: r.certified,
        }),
    }
}
