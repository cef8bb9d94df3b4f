//! A partner's incentives: plan ids unique, and the rules of plans and
//! assumptions (`incentives::validate`), reported at the file's paths of
//! their [`PlanField`](crate::incentives::fields::PlanField)s and
//! [`AssumptionField`](crate::incentives::fields::AssumptionField)s.

use super::lists::{ids_of, unique, Ids};
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::incentives::partial;
use crate::format::file::reader::PartialOf;
use crate::format::file::{
    AssumptionsFile, HealthTierFile, IncentivesFile, MarginTierFile, PayoutFile, PlanFile,
    QualityRuleFile, ReferralFile, ResellFile, ServicesFile, TermsFile,
};
use crate::format::file_form::{file_form, FromFile};
use crate::incentives::plan::{
    Assumptions, HealthTier, MarginTier, PartnerIncentives, Payout, Plan, QualityRule,
    ReferralPlan, ResellPlan, ServicesPlan, Terms,
};
use crate::incentives::validate::{assumption_problems, plan_problems};

file_form! {
    // Written field by field; read below (plan ids, the rules of plans and
    // assumptions).
    PartnerIncentives => IncentivesFile { assumptions, plans }
    Assumptions = AssumptionsFile {
        submissions, qualification_rate_bp: qualification_rate, rejection_rate_bp: rejection_rate,
        win_rate_bp: win_rate, first_year_revenue_minor: first_year_revenue, cycle_quarters,
        retention_bp: retention, cost_partner_deal_minor: cost_partner_deal,
        cost_direct_deal_minor: cost_direct_deal,
        direct_acquisition_cost_minor: direct_acquisition_cost, discount_bp: discount, health,
        adoption_bp: adoption, quarters,
    }
    Plan = PlanFile { id, name, terms }
    enum Terms = TermsFile { Referral, Services, Resell }
    ReferralPlan = ReferralFile { meeting_fee_minor: meeting_fee, closed_won, quality }
    enum Payout = PayoutFile { FlatMinor: Flat, PercentBp: Percent }
    QualityRule = QualityRuleFile { window, max_rejection_bp: max_rejection, fee_cut_bp: fee_cut }
    ServicesPlan = ServicesFile {
        package, scope, services_price_minor: services_price, co_marketing_minor: co_marketing,
        demand_generation, tiers,
    }
    HealthTier = HealthTierFile { name, min_health, min_adoption_bp: min_adoption, bonus_bp: bonus }
    ResellPlan = ResellFile {
        list_price_minor: list_price, price_floor_minor: price_floor, max_discount_bp: max_discount,
        tiers, renewal_rebate_bp: renewal_rebate, rebate_min_retention_bp: rebate_min_retention,
        rebate_min_adoption_bp: rebate_min_adoption, certified,
    }
    MarginTier = MarginTierFile { name, min_deals, margin_bp: margin, requires_certification }
}

const IDS: Ids<PlanFile> = ids_of!(PlanFile, "plan");

pub(super) fn incentives(p: PartialOf<IncentivesFile>, at: &Place) -> Option<PartnerIncentives> {
    let partial::IncentivesFile { assumptions, plans } = p;
    let assumptions = assumptions
        .whole()
        .map(|a| self::assumptions(a, &at.key(file_key!(IncentivesFile, assumptions))));
    let plans = unique(
        plans,
        &at.key(file_key!(IncentivesFile, plans)),
        &IDS,
        |p, at| Some(plan(p.whole()?, at)),
    );
    Some(PartnerIncentives {
        assumptions: assumptions?,
        plans: plans?,
    })
}

/// The assumptions, with their problems reported (they are kept: the
/// problems make the read fail).
fn assumptions(a: AssumptionsFile, at: &Place) -> Assumptions {
    let a = Assumptions::from_file(a);
    for p in assumption_problems(&a) {
        at.within(&p.field.path()).report(p.message);
    }
    a
}

/// A plan, with its problems reported at its terms (it is kept: the
/// problems make the read fail).
fn plan(p: PlanFile, at: &Place) -> Plan {
    let variant = p.terms.key();
    let plan = Plan::from_file(p);
    let terms_at = at.key(file_key!(PlanFile, terms));
    let variant_at = terms_at.key(&variant);
    for p in plan_problems(&plan) {
        variant_at.within(&p.field.path()).report(p.message);
    }
    plan
}
