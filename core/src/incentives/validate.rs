//! Problems with a plan or assumptions, each on a typed field
//! ([`PlanField`], [`AssumptionField`]: its path in the file and its label
//! in the editor) with a message a user can act on.
//!
//! [`payout_problems`] needs the assumptions as well: a referral plan pays
//! "a second, larger amount for closed-won revenue", so what a won deal
//! pays must be larger than the meeting fee. A flat payment is compared as
//! it is; a share of revenue as the amount it pays on the assumed
//! first-year revenue per deal (what the model pays per won deal). Edits
//! refuse a plan or assumptions that break it; a file that breaks it still
//! opens (older files were written without the rule) and the editor shows
//! the problem.

use super::fields::{AssumptionField, PlanField};
use super::plan::{Assumptions, Payout, Plan, Terms};
use crate::money::{Currency, Money};
use crate::rate::Rate;

/// One problem with a field `F`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem<F> {
    pub field: F,
    pub message: String,
}

fn push<F>(out: &mut Vec<Problem<F>>, field: F, message: String) {
    out.push(Problem { field, message });
}

fn check_rate<F>(out: &mut Vec<Problem<F>>, field: F, r: Rate) {
    if r.0 > 10_000 {
        push(out, field, format!("{} is over 100%", r));
    }
}

fn check_money<F>(out: &mut Vec<Problem<F>>, field: F, m: crate::money::Money) {
    if m.0 < 0 {
        push(out, field, "cannot be negative".into());
    }
}

/// Everything wrong with a plan.
pub fn plan_problems(p: &Plan) -> Vec<Problem<PlanField>> {
    use PlanField::*;
    let mut out = Vec::new();
    match &p.terms {
        Terms::Referral(r) => {
            check_money(&mut out, MeetingFee, r.meeting_fee);
            match r.closed_won {
                Payout::Flat(m) => check_money(&mut out, ClosedWon, m),
                Payout::Percent(x) => check_rate(&mut out, ClosedWon, x),
            }
            check_rate(&mut out, QualityMaxRejection, r.quality.max_rejection);
            check_rate(&mut out, QualityFeeCut, r.quality.fee_cut);
            if r.quality.window == 0 {
                push(
                    &mut out,
                    QualityWindow,
                    "must look at one submission or more".into(),
                );
            }
        }
        Terms::Services(s) => {
            check_money(&mut out, ServicesPrice, s.services_price);
            check_money(&mut out, CoMarketing, s.co_marketing);
            for (i, t) in s.tiers.iter().enumerate() {
                check_rate(&mut out, TierBonus(i), t.bonus);
                check_rate(&mut out, TierMinAdoption(i), t.min_adoption);
                if i > 0 && t.min_adoption < s.tiers[i - 1].min_adoption {
                    push(
                        &mut out,
                        TierMinAdoption(i),
                        format!(
                            "tier table out of order: {} needs adoption {}, less than {} ({})",
                            t.name,
                            t.min_adoption,
                            s.tiers[i - 1].name,
                            s.tiers[i - 1].min_adoption
                        ),
                    );
                }
                if t.min_health > 100 {
                    push(
                        &mut out,
                        TierMinHealth(i),
                        format!("{} is outside 0–100", t.min_health),
                    );
                }
                if i > 0 && t.min_health <= s.tiers[i - 1].min_health {
                    push(
                        &mut out,
                        TierMinHealth(i),
                        format!(
                            "tier table out of order: {} needs health {}, not above {} ({})",
                            t.name,
                            t.min_health,
                            s.tiers[i - 1].name,
                            s.tiers[i - 1].min_health
                        ),
                    );
                }
            }
        }
        Terms::Resell(r) => {
            check_money(&mut out, ListPrice, r.list_price);
            check_money(&mut out, PriceFloor, r.price_floor);
            if r.price_floor > r.list_price {
                push(
                    &mut out,
                    PriceFloor,
                    "the price floor is above the list price: lower the floor or raise the price"
                        .into(),
                );
            }
            check_rate(&mut out, MaxDiscount, r.max_discount);
            check_rate(&mut out, RenewalRebate, r.renewal_rebate);
            check_rate(&mut out, RebateMinRetention, r.rebate_min_retention);
            check_rate(&mut out, RebateMinAdoption, r.rebate_min_adoption);
            if r.tiers.is_empty() {
                push(
                    &mut out,
                    MarginTiers,
                    "needs at least one margin tier".into(),
                );
            }
            for (i, t) in r.tiers.iter().enumerate() {
                check_rate(&mut out, TierMargin(i), t.margin);
                if i > 0 {
                    let prev = &r.tiers[i - 1];
                    if t.min_deals <= prev.min_deals {
                        push(&mut out, TierMinDeals(i), format!(
                            "tier table out of order: {} needs {} deals per quarter, not more than {} ({})",
                            t.name, t.min_deals, prev.name, prev.min_deals
                        ));
                    }
                    if t.margin < prev.margin {
                        push(
                            &mut out,
                            TierMargin(i),
                            format!(
                            "tier table out of order: {} gives a smaller margin ({}) than {} ({})",
                            t.name, t.margin, prev.name, prev.margin
                        ),
                        );
                    }
                }
            }
        }
    }
    out
}

/// What a won deal pays under a referral plan on assumptions `a`: the flat
/// amount, or the share of the assumed first-year revenue.
pub fn closed_won_amount(payout: Payout, a: &Assumptions) -> Money {
    match payout {
        Payout::Flat(m) => m,
        Payout::Percent(r) => r.of(a.first_year_revenue),
    }
}

/// A referral plan whose closed-won payment is not larger than its meeting
/// fee on assumptions `a` (rules in the module doc); amounts in `currency`.
pub fn payout_problems(p: &Plan, a: &Assumptions, currency: Currency) -> Vec<Problem<PlanField>> {
    let mut out = Vec::new();
    let Terms::Referral(r) = &p.terms else {
        return out;
    };
    let won = closed_won_amount(r.closed_won, a);
    if won <= r.meeting_fee {
        let fee = r.meeting_fee.display(currency);
        let message = match r.closed_won {
            Payout::Flat(m) => format!(
                "a won deal pays {}, not more than the meeting fee ({fee}): closed-won revenue earns a second, larger amount",
                m.display(currency)
            ),
            Payout::Percent(x) => format!(
                "{x} of the assumed first-year revenue ({}) pays {} per won deal, not more than the meeting fee ({fee}): closed-won revenue earns a second, larger amount",
                a.first_year_revenue.display(currency),
                won.display(currency)
            ),
        };
        push(&mut out, PlanField::ClosedWon, message);
    }
    out
}

/// Everything wrong with assumptions.
pub fn assumption_problems(a: &Assumptions) -> Vec<Problem<AssumptionField>> {
    use AssumptionField::*;
    let mut out = Vec::new();
    for (field, r) in [
        (QualificationRate, a.qualification_rate),
        (RejectionRate, a.rejection_rate),
        (WinRate, a.win_rate),
        (Retention, a.retention),
        (Discount, a.discount),
        (Adoption, a.adoption),
    ] {
        check_rate(&mut out, field, r);
    }
    for (field, m) in [
        (FirstYearRevenue, a.first_year_revenue),
        (CostPartnerDeal, a.cost_partner_deal),
        (CostDirectDeal, a.cost_direct_deal),
        (DirectAcquisitionCost, a.direct_acquisition_cost),
    ] {
        check_money(&mut out, field, m);
    }
    if a.health > 100 {
        push(&mut out, Health, format!("{} is outside 0–100", a.health));
    }
    if !(4..=12).contains(&a.quarters) {
        push(
            &mut out,
            Quarters,
            format!("{} is outside 4–12 quarters", a.quarters),
        );
    }
    if a.cycle_quarters >= a.quarters {
        push(
            &mut out,
            CycleQuarters,
            format!(
                "a {}-quarter sales cycle leaves no quarter to close deals in a {}-quarter horizon",
                a.cycle_quarters, a.quarters
            ),
        );
    }
    if a.submissions > 1_000_000 {
        push(
            &mut out,
            Submissions,
            "more than 1,000,000 per quarter".into(),
        );
    }
    out
}
