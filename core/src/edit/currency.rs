//! Every amount of a workspace, and changing its currency.
//!
//! A workspace has one currency; every amount is in its minor units. When
//! the currency changes, every amount is converted at the rate the user
//! gives, or relabelled (rate 1: "24,000.00 EUR" becomes "24,000 JPY", never
//! "2,400,000 JPY" as re-reading the minor units would). See
//! [`crate::money::exchange`] for the arithmetic.

use std::sync::Arc;

use super::icp::{Bound, DisqualifierField, SizeField};
use super::{check, Applied, EditError};
use crate::incentives::fields::{AssumptionField, PlanField};
use crate::incentives::plan::{Payout, Terms};
use crate::money::exchange::ExchangeRate;
use crate::money::{Currency, Money};
use crate::words::count;
use crate::workspace::Workspace;

/// An account's annual revenue, as messages name it.
const REVENUE: &str = "Annual revenue";

/// How amounts follow a change of currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// The figures stay; only the currency changes.
    Relabel,
    /// Every amount is converted at this rate (new units per old unit).
    At(ExchangeRate),
}

impl Conversion {
    fn rate(self) -> ExchangeRate {
        match self {
            Conversion::Relabel => ExchangeRate::ONE,
            Conversion::At(r) => r,
        }
    }
}

/// Calls `f` with every amount of the workspace (with a name for messages).
/// Every partner is visited, so each one shared with an earlier state (the
/// undo history) is copied once (`Arc::make_mut`); an account list is
/// copied only when one of its accounts has an annual revenue.
pub fn for_each_amount(ws: &mut Workspace, f: &mut dyn FnMut(String, &mut Money)) {
    for list in &mut ws.account_lists {
        if !list.accounts.iter().any(|a| a.annual_revenue.is_some()) {
            continue;
        }
        for a in &mut Arc::make_mut(list).accounts {
            if let Some(m) = &mut a.annual_revenue {
                f(format!("{REVENUE} of {}", a.name), m);
            }
        }
    }
    for o in &mut Arc::make_mut(&mut ws.pipeline).opportunities {
        let o = Arc::make_mut(o);
        f(
            format!("{} of {}", super::pipeline::AMOUNT, o.name),
            &mut o.amount,
        );
    }
    let program = &mut ws.program;
    f(super::program::TARGET.into(), &mut program.target);
    for (i, t) in program.tiers.iter_mut().enumerate() {
        f(
            super::program::TierField::MinSourced.label(i + 1),
            &mut t.min_sourced,
        );
        f(
            super::program::TierField::MinWon.label(i + 1),
            &mut t.min_won,
        );
    }
    let icp = &mut ws.icp;
    for (bound, m) in [
        (Bound::From, &mut icp.annual_revenue.min),
        (Bound::To, &mut icp.annual_revenue.max),
    ] {
        if let Some(m) = m {
            f(SizeField::Revenue(bound).label(), m);
        }
    }
    for (i, d) in icp.disqualifiers.iter_mut().enumerate() {
        if let Some(m) = &mut d.amount {
            f(DisqualifierField::Amount.label(i + 1), m);
        }
    }
    for p in &mut ws.partners {
        let p = Arc::make_mut(p);
        let a = &mut p.incentives.assumptions;
        f(
            AssumptionField::FirstYearRevenue.label(),
            &mut a.first_year_revenue,
        );
        f(
            AssumptionField::CostPartnerDeal.label(),
            &mut a.cost_partner_deal,
        );
        f(
            AssumptionField::CostDirectDeal.label(),
            &mut a.cost_direct_deal,
        );
        f(
            AssumptionField::DirectAcquisitionCost.label(),
            &mut a.direct_acquisition_cost,
        );
        for plan in &mut p.incentives.plans {
            match &mut plan.terms {
                Terms::Referral(r) => {
                    f(PlanField::MeetingFee.label(), &mut r.meeting_fee);
                    if let Payout::Flat(m) = &mut r.closed_won {
                        f(PlanField::ClosedWonFlat.label(), m);
                    }
                }
                Terms::Services(s) => {
                    f(PlanField::ServicesPrice.label(), &mut s.services_price);
                    f(PlanField::CoMarketing.label(), &mut s.co_marketing);
                }
                Terms::Resell(r) => {
                    f(PlanField::ListPrice.label(), &mut r.list_price);
                    f(PlanField::PriceFloor.label(), &mut r.price_floor);
                }
            }
        }
    }
}

/// Change the currency of `ws` to `to`, converting every amount.
pub(super) fn change(
    ws: &mut Workspace,
    to: Currency,
    conversion: Conversion,
) -> Result<Applied, EditError> {
    let from = ws.profile.currency;
    if from == to {
        return Ok(Applied::plain(format!("keep the currency {to}")));
    }
    let rate = conversion.rate();
    // Convert a copy first: a refused change leaves the workspace as it was.
    let mut next = ws.clone();
    let (mut amounts, mut rounded) = (0usize, 0usize);
    let mut refused = None;
    for_each_amount(&mut next, &mut |name, m| {
        amounts += 1;
        rounded += usize::from(rate.rounds(*m, from, to));
        match rate.convert(*m, from, to) {
            Some(c) if check::amount(|| name.clone(), c).is_ok() => *m = c,
            _ => {
                refused.get_or_insert_with(|| {
                    EditError::invalid(
                        name,
                        format!(
                            "{} converted to {to} is too large an amount",
                            m.display(from)
                        ),
                    )
                });
            }
        }
    });
    if let Some(e) = refused {
        return Err(e);
    }
    next.profile.currency = to;
    *ws = next;
    let rounded = if rounded > 0 {
        format!(", {} rounded", count(rounded, "amount", "amounts"))
    } else {
        String::new()
    };
    let summary = match conversion {
        Conversion::Relabel => format!(
            "relabel {} from {from} to {to} (figures kept{rounded})",
            count(amounts, "amount", "amounts")
        ),
        Conversion::At(r) => format!(
            "convert {} from {from} to {to} at 1 {from} = {r} {to}{rounded}",
            count(amounts, "amount", "amounts")
        ),
    };
    Ok(Applied::plain(summary))
}
