//! Edits of a partner's incentive plans and the assumptions they are
//! modelled on (step 6). A plan or assumptions the model could not run on
//! (tiers out of order, a floor above the list price, rates over 100 %), or
//! that leave a referral plan's closed-won payment no larger than its
//! meeting fee on the partner's assumptions, are refused with the problem,
//! named as the editor labels the field.

use super::check::{self, TextKind};
use super::rows::{Row, RowEdit};
use super::{Applied, EditError};
use crate::format::limits::MAX_ITEMS;
use crate::id::Id;
use crate::incentives::fields::{AssumptionField, PlanField};
use crate::incentives::plan::{Assumptions, HealthTier, MarginTier, Payout, Plan, Terms};
use crate::incentives::validate::{assumption_problems, payout_problems, plan_problems};
use crate::money::{Currency, Money};
use crate::partner::Partner;
use crate::rate::{mul_div, Rate};

/// How a referral plan pays for a won deal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PayoutKind {
    /// A fixed amount per won deal.
    Flat,
    /// A share of first-year revenue.
    Percent,
}

/// A change to a partner's incentives.
#[derive(Clone, Debug, PartialEq)]
pub enum IncentivesEdit {
    AddPlan(Plan),
    RemovePlan(Id),
    RenamePlan(Id, String),
    /// New terms for a plan (of the same type).
    Terms(Id, Terms),
    /// Switch a referral plan's closed-won payment between a flat amount and
    /// a share of revenue, keeping what a deal pays on today's assumptions.
    Payout(Id, PayoutKind),
    HealthTiers(Id, RowEdit<HealthTier>),
    MarginTiers(Id, RowEdit<MarginTier>),
    Assumptions(Assumptions),
}

/// A tier table's row: its name, its threshold (`max` at most) and its
/// rate (100 % at most), each named by its plan field.
macro_rules! tier_row {
    ($row:ty: $name:ident, $threshold:ident ($value:ident, $max:expr), $rate:ident ($pct:ident)) => {
        impl Row for $row {
            const WHAT: &'static str = "tier";
            fn check(&self, n: usize) -> Result<(), EditError> {
                let i = n - 1;
                check::text(|| PlanField::$name(i).label(), &self.name, TextKind::Short)?;
                let threshold = i64::from(self.$value);
                check::within(|| PlanField::$threshold(i).label(), threshold, 0, $max)?;
                over_100(PlanField::$rate(i).label(), self.$pct)
            }
            fn title(&self) -> String {
                self.name.clone()
            }
        }
    };
}

tier_row!(HealthTier: HealthTierName, TierMinHealth(min_health, 100), TierBonus(bonus));
tier_row!(MarginTier: MarginTierName, TierMinDeals(min_deals, 1_000_000), TierMargin(margin));

/// A rate is at most 100 %.
fn over_100(field: String, r: Rate) -> Result<(), EditError> {
    if r.0 > 10_000 {
        return Err(EditError::invalid(field, format!("{r} is over 100%")));
    }
    Ok(())
}

/// The name of a plan, as the editor labels it.
pub const PLAN_NAME: &str = "Plan name";

/// The reader's checks on a plan's own values, then the plan's problems,
/// then its payout on the partner's assumptions `a`.
fn check_plan(plan: &Plan, a: &Assumptions, currency: Currency) -> Result<(), EditError> {
    check::text(|| PLAN_NAME.into(), &plan.name, TextKind::Short)?;
    let amount = |field: PlanField, m: Money| check::amount(|| field.label(), m);
    match &plan.terms {
        Terms::Referral(r) => {
            amount(PlanField::MeetingFee, r.meeting_fee)?;
            if let Payout::Flat(m) = r.closed_won {
                amount(PlanField::ClosedWonFlat, m)?;
            }
            check::within(
                || PlanField::QualityWindow.label(),
                i64::from(r.quality.window),
                1,
                1000,
            )?;
        }
        Terms::Services(s) => {
            check::text(|| PlanField::Package.label(), &s.package, TextKind::Short)?;
            check::text(|| PlanField::Scope.label(), &s.scope, TextKind::Long)?;
            amount(PlanField::ServicesPrice, s.services_price)?;
            amount(PlanField::CoMarketing, s.co_marketing)?;
            tiers_fit(PlanField::HealthTiers, &s.tiers)?;
        }
        Terms::Resell(r) => {
            amount(PlanField::ListPrice, r.list_price)?;
            amount(PlanField::PriceFloor, r.price_floor)?;
            tiers_fit(PlanField::MarginTiers, &r.tiers)?;
        }
    }
    if let Some(p) = plan_problems(plan)
        .into_iter()
        .chain(payout_problems(plan, a, currency))
        .next()
    {
        return Err(EditError::invalid(p.field.label(), p.message));
    }
    Ok(())
}

fn tiers_fit<R: Row>(field: PlanField, tiers: &[R]) -> Result<(), EditError> {
    if tiers.len() > MAX_ITEMS {
        return Err(EditError::TooMany {
            field: field.label(),
            max: MAX_ITEMS,
        });
    }
    tiers
        .iter()
        .enumerate()
        .try_for_each(|(i, t)| t.check(i + 1))
}

fn check_assumptions(a: &Assumptions, plans: &[Plan], currency: Currency) -> Result<(), EditError> {
    for (field, m) in [
        (AssumptionField::FirstYearRevenue, a.first_year_revenue),
        (AssumptionField::CostPartnerDeal, a.cost_partner_deal),
        (AssumptionField::CostDirectDeal, a.cost_direct_deal),
        (
            AssumptionField::DirectAcquisitionCost,
            a.direct_acquisition_cost,
        ),
    ] {
        check::amount(|| field.label(), m)?;
    }
    if let Some(p) = assumption_problems(a).into_iter().next() {
        return Err(EditError::invalid(p.field.label(), p.message));
    }
    // A share of revenue pays less when the revenue drops.
    for plan in plans {
        if let Some(p) = payout_problems(plan, a, currency).into_iter().next() {
            return Err(EditError::invalid(
                format!("{}, {}", plan.name, p.field.label()),
                p.message,
            ));
        }
    }
    Ok(())
}

fn plan_mut<'a>(p: &'a mut Partner, id: &Id) -> Result<&'a mut Plan, EditError> {
    p.incentives
        .plans
        .iter_mut()
        .find(|x| &x.id == id)
        .ok_or_else(|| EditError::missing("plan", &id))
}

/// Edit the tier table `field` of plan `id`: `table` finds it in the plan's
/// terms (`None`: a plan of another type, which has no such table).
fn tiers<R: Row>(
    p: &mut Partner,
    id: &Id,
    e: RowEdit<R>,
    field: PlanField,
    table: fn(&mut Terms) -> Option<&mut Vec<R>>,
    currency: Currency,
) -> Result<Applied, EditError> {
    let a = p.incentives.assumptions.clone();
    let plan = plan_mut(p, id)?;
    let mut next = plan.clone();
    let rows = table(&mut next.terms)
        .ok_or_else(|| EditError::invalid(field.label(), "this plan's type has no such tiers"))?;
    let done = super::rows::applied(e, rows, &format!("{field:?}:{id}"))?;
    check_plan(&next, &a, currency)?;
    *plan = next;
    Ok(done)
}

pub(super) fn apply(
    p: &mut Partner,
    edit: IncentivesEdit,
    currency: Currency,
) -> Result<Applied, EditError> {
    let assumed = p.incentives.assumptions.clone();
    let revenue = assumed.first_year_revenue;
    match edit {
        IncentivesEdit::AddPlan(plan) => {
            if p.incentives.plans.iter().any(|x| x.id.collides(&plan.id)) {
                return Err(EditError::Duplicate {
                    what: "plan",
                    id: plan.id.to_string(),
                });
            }
            check::room("Plans", p.incentives.plans.len())?;
            check_plan(&plan, &assumed, currency)?;
            let summary = format!("add the plan {}", plan.name);
            p.incentives.plans.push(plan);
            Ok(Applied::plain(summary))
        }
        IncentivesEdit::RemovePlan(id) => {
            let i = p
                .incentives
                .plans
                .iter()
                .position(|x| x.id == id)
                .ok_or_else(|| EditError::missing("plan", &id))?;
            let plan = p.incentives.plans.remove(i);
            Ok(Applied::plain(format!("delete the plan {}", plan.name)))
        }
        IncentivesEdit::RenamePlan(id, name) => {
            check::text(|| PLAN_NAME.into(), &name, TextKind::Short)?;
            plan_mut(p, &id)?.name = name;
            Ok(Applied::keyed("rename a plan", format!("plan-name:{id}")))
        }
        IncentivesEdit::Terms(id, terms) => {
            let plan = plan_mut(p, &id)?;
            if std::mem::discriminant(&plan.terms) != std::mem::discriminant(&terms) {
                return Err(EditError::invalid(
                    "Plan",
                    "a plan keeps its type: add a plan of the other type instead",
                ));
            }
            let next = Plan {
                terms,
                ..plan.clone()
            };
            check_plan(&next, &assumed, currency)?;
            let summary = format!("change the terms of {}", next.name);
            *plan = next;
            Ok(Applied::keyed(summary, format!("plan-terms:{id}")))
        }
        IncentivesEdit::Payout(id, kind) => {
            let plan = plan_mut(p, &id)?;
            let Terms::Referral(r) = &plan.terms else {
                return Err(EditError::invalid(
                    PlanField::ClosedWon.label(),
                    "only a referral plan pays per won deal",
                ));
            };
            let payout = equivalent(r.closed_won, kind, revenue);
            let mut next = plan.clone();
            if let Terms::Referral(r) = &mut next.terms {
                r.closed_won = payout;
            }
            check_plan(&next, &assumed, currency)?;
            *plan = next;
            Ok(Applied::plain(match kind {
                PayoutKind::Flat => "pay a flat amount per won deal",
                PayoutKind::Percent => "pay a share of first-year revenue per won deal",
            }))
        }
        IncentivesEdit::HealthTiers(id, e) => tiers(
            p,
            &id,
            e,
            PlanField::HealthTiers,
            |t| match t {
                Terms::Services(s) => Some(&mut s.tiers),
                _ => None,
            },
            currency,
        ),
        IncentivesEdit::MarginTiers(id, e) => tiers(
            p,
            &id,
            e,
            PlanField::MarginTiers,
            |t| match t {
                Terms::Resell(r) => Some(&mut r.tiers),
                _ => None,
            },
            currency,
        ),
        IncentivesEdit::Assumptions(a) => {
            check_assumptions(&a, &p.incentives.plans, currency)?;
            p.incentives.assumptions = a;
            Ok(Applied::keyed("change the assumptions", "assumptions"))
        }
    }
}

/// The payout of `kind` that pays what `payout` pays on a deal of
/// `revenue` first-year revenue: a percentage becomes that share of the
/// revenue; a flat amount becomes its share of the revenue (in basis
/// points, rounded, at most 100 %).
pub fn equivalent(payout: Payout, kind: PayoutKind, revenue: Money) -> Payout {
    match (payout, kind) {
        (Payout::Flat(_), PayoutKind::Flat) | (Payout::Percent(_), PayoutKind::Percent) => payout,
        (Payout::Percent(r), PayoutKind::Flat) => Payout::Flat(r.of(revenue)),
        (Payout::Flat(m), PayoutKind::Percent) => {
            let bp = if revenue.0 > 0 {
                mul_div(m.0, 10_000, revenue.0).clamp(0, 10_000)
            } else {
                0
            };
            Payout::Percent(Rate(bp as u32))
        }
    }
}
