//! Every amount of a workspace, and changing its currency.
//!
//! A workspace has one currency; every amount is in its minor units. When
//! the currency changes, every amount is converted at the rate the user
//! gives, or relabelled (rate 1: "24,000.00 EUR" becomes "24,000 JPY", never
//! "2,400,000 JPY" as re-reading the minor units would). See
//! [`crate::money::exchange`] for the arithmetic.

use std::sync::Arc;

use super::{check, Applied, EditError};
use crate::incentives::plan::{Payout, Terms};
use crate::money::exchange::ExchangeRate;
use crate::money::{Currency, Money};
use crate::words::count;
use crate::workspace::Workspace;

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
/// Partners are copied only when an amount of theirs is visited.
pub fn for_each_amount(ws: &mut Workspace, f: &mut dyn FnMut(&str, &mut Money)) {
    let icp = &mut ws.icp;
    for (name, m) in [
        ("Annual revenue from", &mut icp.annual_revenue.min),
        ("Annual revenue to", &mut icp.annual_revenue.max),
    ] {
        if let Some(m) = m {
            f(name, m);
        }
    }
    for d in &mut icp.disqualifiers {
        if let Some(m) = &mut d.amount {
            f("Budget floor", m);
        }
    }
    for p in &mut ws.partners {
        let p = Arc::make_mut(p);
        let a = &mut p.incentives.assumptions;
        f("First-year revenue per deal", &mut a.first_year_revenue);
        f("Our cost to serve a partner deal", &mut a.cost_partner_deal);
        f("Our cost to serve a direct deal", &mut a.cost_direct_deal);
        f(
            "Our cost to win a deal directly",
            &mut a.direct_acquisition_cost,
        );
        for plan in &mut p.incentives.plans {
            match &mut plan.terms {
                Terms::Referral(r) => {
                    f("Meeting fee", &mut r.meeting_fee);
                    if let Payout::Flat(m) = &mut r.closed_won {
                        f("Closed-won payment", m);
                    }
                }
                Terms::Services(s) => {
                    f("Services price", &mut s.services_price);
                    f("Co-marketing funds", &mut s.co_marketing);
                }
                Terms::Resell(r) => {
                    f("List price", &mut r.list_price);
                    f("Price floor", &mut r.price_floor);
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
            Some(c) if check::amount(|| name.to_owned(), c).is_ok() => *m = c,
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
