//! Plan against actual: the incentive model's assumptions for a partner
//! next to what its deals show in the window, and the model run both ways.
//!
//! - **The plan** is the partner's first plan for its type, on the
//!   partner's assumptions: deals per quarter = submissions × qualification
//!   rate × win rate (in thousandths, rounded as the model rounds), deal size
//!   = first-year revenue (a resell plan's list price).
//! - **The actuals** count the partner's new-business deals (sourced or
//!   influenced) closed in the window — renewals are the model's retention,
//!   not its deals: won per quarter = won ÷ quarters in the window, win rate
//!   = won ÷ (won + lost), deal size = won amount ÷ won (rounded half away
//!   from zero).
//! - **The model at actuals** keeps every other assumption and replaces:
//!   win rate → the actual one; first-year revenue → the actual deal size
//!   (the plan's when nothing was won); and, since a win rate applies to
//!   qualified deals, qualified deals per quarter → the deals decided per
//!   quarter (won + lost), written as submissions = that figure rounded up
//!   to whole deals and qualification rate = decided ÷ submissions. When the
//!   figures divide evenly the model's deals per quarter equal the actual
//!   ones; otherwise they differ by the rounding of whole submissions and
//!   basis points. Nothing is run at actuals when nothing closed.

use serde::Serialize;

use super::split::{share, Amounts};
use crate::incentives::model::model;
use crate::incentives::plan::{Assumptions, Plan, Terms};
use crate::money::Money;
use crate::partner::Partner;
use crate::rate::{mul_div, Rate};

/// The pipeline figures a model runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub submissions: u32,
    pub qualification_rate: Rate,
    pub win_rate: Rate,
    pub deal_size: Money,
    /// Won deals per quarter, in thousandths.
    pub deals_per_quarter_milli: i64,
}

impl Figures {
    fn of(plan: &Plan, a: &Assumptions) -> Figures {
        let qualified = a
            .qualification_rate
            .of_milli(i64::from(a.submissions) * 1000);
        Figures {
            submissions: a.submissions,
            qualification_rate: a.qualification_rate,
            win_rate: a.win_rate,
            deal_size: match &plan.terms {
                Terms::Resell(r) => r.list_price,
                _ => a.first_year_revenue,
            },
            deals_per_quarter_milli: a.win_rate.of_milli(qualified),
        }
    }
}

/// What the partner's deals show in the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Actual {
    pub won: Amounts,
    pub lost: u32,
    pub win_rate: Option<Rate>,
    /// Average won deal.
    pub deal_size: Option<Money>,
    /// Won per quarter, in thousandths; `None` for an empty window.
    pub deals_per_quarter_milli: Option<i64>,
}

/// The model's totals over its horizon, on some figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub figures: Figures,
    pub quarters: u8,
    /// New deals won over the horizon, in thousandths.
    pub won_milli: i64,
    pub partner_earns: Money,
    pub we_pay: Money,
    pub contribution: Money,
    pub cost_per_deal: Option<Money>,
}

impl Outcome {
    fn run(plan: &Plan, a: &Assumptions) -> Outcome {
        let m = model(plan, a, 1);
        Outcome {
            figures: Figures::of(plan, a),
            quarters: m.quarters.len() as u8,
            won_milli: m.totals.won_milli,
            partner_earns: m.totals.partner_earns,
            we_pay: m.totals.we_pay,
            contribution: m.totals.contribution,
            cost_per_deal: m.partner_cost_per_deal,
        }
    }
}

/// One partner's plan against its actuals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanVsActual {
    /// The plan for the partner's type, if it has one.
    pub plan: Option<String>,
    pub actual: Actual,
    pub at_plan: Option<Outcome>,
    pub at_actuals: Option<Outcome>,
}

/// Whether step 6's economics hold at the actual figures: our contribution
/// at actuals against the contribution the plan modelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Economics {
    /// Nothing of the partner's new business closed: too early to say.
    TooEarly,
    /// At actuals we lose money over the plan's horizon.
    DoNotHold { loss: Money, planned: Money },
    /// At actuals the contribution is at or above the plan's.
    Hold { actual: Money, planned: Money },
    /// Positive at actuals, but below the plan's.
    HoldInPart { actual: Money, planned: Money },
}

impl PlanVsActual {
    /// The rule: a negative contribution at actuals does not hold; one at or
    /// above the plan's holds; one between zero and the plan's holds in
    /// part; without a model at both, too early.
    pub fn economics(&self) -> Economics {
        let (Some(plan), Some(actual)) = (self.at_plan, self.at_actuals) else {
            return Economics::TooEarly;
        };
        let (planned, actual) = (plan.contribution, actual.contribution);
        if actual.0 < 0 {
            Economics::DoNotHold {
                loss: Money(-actual.0),
                planned,
            }
        } else if actual >= planned {
            Economics::Hold { actual, planned }
        } else {
            Economics::HoldInPart { actual, planned }
        }
    }
}

impl Economics {
    /// The finding in a sentence, amounts in `c`.
    pub fn text(&self, c: crate::money::Currency) -> String {
        match *self {
            Economics::TooEarly => "Nothing of its new business closed in this window: too early to say whether step 6's economics hold.".into(),
            Economics::DoNotHold { loss, planned } => format!(
                "Step 6's economics do not hold: at actuals we lose {} over the plan's horizon (the plan expected {}).",
                loss.display(c),
                planned.display(c)
            ),
            Economics::Hold { actual, planned } => format!(
                "Step 6's economics hold: at actuals our contribution is {}, at or above the {} planned.",
                actual.display(c),
                planned.display(c)
            ),
            Economics::HoldInPart { actual, planned } => format!(
                "Step 6's economics hold only in part: at actuals our contribution is {}, below the {} planned.",
                actual.display(c),
                planned.display(c)
            ),
        }
    }
}

/// Compare `partner`'s plan with `won` and `lost` new deals over
/// `quarters_milli` quarters.
pub fn plan_vs_actual(
    partner: Option<&Partner>,
    won: Amounts,
    lost: u32,
    quarters_milli: i64,
) -> PlanVsActual {
    let decided = i64::from(won.count) + i64::from(lost);
    let per_quarter =
        |n: i64| (quarters_milli > 0).then(|| mul_div(n * 1000, 1000, quarters_milli));
    let actual = Actual {
        won,
        lost,
        win_rate: share(i64::from(won.count), decided),
        deal_size: (won.count > 0).then(|| Money(mul_div(won.amount.0, 1, i64::from(won.count)))),
        deals_per_quarter_milli: per_quarter(i64::from(won.count)),
    };
    let plan = partner.and_then(|p| {
        p.incentives
            .plans
            .iter()
            .find(|plan| plan.kind() == p.kind)
            .map(|plan| (plan, &p.incentives.assumptions))
    });
    let Some((plan, assumed)) = plan else {
        return PlanVsActual {
            plan: None,
            actual,
            at_plan: None,
            at_actuals: None,
        };
    };
    let at_actuals = per_quarter(decided)
        .filter(|_| decided > 0)
        .map(|decided_milli| {
            let submissions = ((decided_milli + 999) / 1000).clamp(1, i64::from(u32::MAX));
            let mut a = assumed.clone();
            a.submissions = submissions as u32;
            a.qualification_rate =
                Rate(mul_div(decided_milli, 10, submissions).clamp(0, 10_000) as u32);
            a.win_rate = actual.win_rate.unwrap_or_default();
            a.first_year_revenue = actual.deal_size.unwrap_or(a.first_year_revenue);
            Outcome::run(plan, &a)
        });
    PlanVsActual {
        plan: Some(plan.name.clone()),
        actual,
        at_plan: Some(Outcome::run(plan, assumed)),
        at_actuals,
    }
}
