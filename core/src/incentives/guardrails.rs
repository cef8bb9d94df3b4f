//! Which guardrail a proposed resell deal or discount breaks.

use super::plan::ResellPlan;
use crate::money::{Currency, Money};
use crate::rate::Rate;

/// A proposed deal through a reseller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProposedDeal {
    pub list_price: Money,
    pub discount: Rate,
    /// The margin tier the partner asks for (index into the plan's tiers).
    pub tier: usize,
}

/// A broken guardrail, in words.
pub fn check_deal(plan: &ResellPlan, deal: &ProposedDeal, currency: Currency) -> Vec<String> {
    let mut out = Vec::new();
    if deal.discount > plan.max_discount {
        out.push(format!(
            "Discount {} is over the maximum of {}.",
            deal.discount, plan.max_discount
        ));
    }
    let price = deal.discount.complement().of(deal.list_price);
    if price < plan.price_floor {
        out.push(format!(
            "Price after discount {} is below the floor of {}.",
            price.display(currency),
            plan.price_floor.display(currency)
        ));
    }
    if let Some(t) = plan.tiers.get(deal.tier) {
        if t.requires_certification && !plan.certified {
            out.push(format!(
                "Tier {} requires certification, which the partner does not have.",
                t.name
            ));
        }
        if deal.discount > t.margin {
            out.push(format!(
                "Discount {} exceeds the partner's {} margin of {}: the partner would sell at a loss.",
                deal.discount, t.name, t.margin
            ));
        }
    }
    out
}
