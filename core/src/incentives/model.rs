//! The quarterly model of one plan on one set of assumptions: what flows
//! through the pipeline, what the partner earns, what we pay, our net revenue
//! and contribution, and the warnings that matter.
//!
//! Expected deal counts are kept in thousandths of a deal ("milli-deals") so
//! every amount is exact integer arithmetic on minor units.
//!
//! Rules the model applies:
//! - **Referral: repeat low-quality submissions, over the plan's window.**
//!   The rule looks at the last N submissions (`window`). With S submissions
//!   a quarter (times the volume), the window fills in quarter ⌈N / S⌉; before
//!   that there are fewer than N submissions to judge and the fee is paid in
//!   full. From then on the window holds R = round(rejection rate × N)
//!   rejected submissions (whole submissions, half up), and the meeting fee
//!   is cut when R / N is above the rule's maximum, i.e. R > ⌊max × N⌋.
//!   A small window makes the rule coarse: with N = 10 and a 50 % maximum,
//!   52 % rejected rounds to 5 of 10 and keeps the full fee. A cliff is
//!   flagged when one rejected submission more or less in the window flips
//!   the cut.
//! - **Services: tiers on customer health AND adoption.** A tier is granted
//!   only when the assumed health reaches its minimum health and the assumed
//!   adoption its minimum adoption; the highest such tier applies.
//! - **Services: co-marketing funds only for demand generation.** They are
//!   paid each quarter only when the partner runs demand generation; a plan
//!   that offers them to a partner that does not is flagged.
//! - **Services: the package's price.** What the partner bills for the
//!   package's services (`services_price`) is part of what the partner earns
//!   on every won deal (not of what we pay); `partner_earns_per_deal`
//!   divides everything the partner earns by the deals won.

use super::plan::{Assumptions, Payout, Plan, ResellPlan, Terms};
use crate::money::Money;
use crate::rate::{mul_div, Rate};

/// One quarter of the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarter {
    /// 1-based.
    pub quarter: u8,
    pub submitted_milli: i64,
    pub qualified_milli: i64,
    pub won_milli: i64,
    pub renewing_milli: i64,
    /// What customers pay for our product this quarter (new deals and renewals).
    pub revenue: Money,
    /// What the partner earns (fees, bonuses, services, margin, rebates).
    pub partner_earns: Money,
    /// What we pay the partner.
    pub we_pay: Money,
    /// Revenue minus the partner's margin and our payments.
    pub net_revenue: Money,
    pub cost_to_serve: Money,
    pub contribution: Money,
    /// The tier in effect (services and resell).
    pub tier: Option<String>,
}

/// Sums over the horizon.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub won_milli: i64,
    pub revenue: Money,
    pub partner_earns: Money,
    pub we_pay: Money,
    pub net_revenue: Money,
    pub cost_to_serve: Money,
    pub contribution: Money,
}

/// Something that breaks or is about to break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// The customer price after the partner's discount is below the floor.
    PriceBelowFloor { price: Money, floor: Money },
    /// The partner's discount exceeds its margin: it loses money per deal.
    PartnerLosesMoney { margin: Rate, discount: Rate },
    /// The discount is over the plan's maximum.
    DiscountOverMax { discount: Rate, max: Rate },
    /// We lose money on the partner over the horizon.
    NegativeContribution,
    /// A small change of an assumption switches a payment on or off.
    Cliff { what: String },
    /// The referral meeting fee is cut for repeat low-quality submissions:
    /// `rejected` of the last `window` submissions, from quarter `from`.
    FeeCut {
        rejected: u32,
        window: u16,
        cut: Rate,
        from: u8,
    },
    /// Co-marketing funds are offered but not paid: the partner does not
    /// run demand generation.
    NoDemandGeneration { co_marketing: Money },
}

impl Flag {
    /// The flag in words, amounts in `currency`.
    pub fn text(&self, currency: crate::money::Currency) -> String {
        match self {
            Flag::PriceBelowFloor { price, floor } => format!(
                "Margin below floor: the customer price after discount ({}) is below the price floor ({}).",
                price.display(currency),
                floor.display(currency)
            ),
            Flag::PartnerLosesMoney { margin, discount } => format!(
                "The partner's discount ({discount}) exceeds its margin ({margin}): it loses money on every deal."
            ),
            Flag::DiscountOverMax { discount, max } => {
                format!("The discount ({discount}) breaks the guardrail of {max} at most.")
            }
            Flag::NegativeContribution => "We lose money on this partner over the horizon.".into(),
            Flag::Cliff { what } => format!("Cliff: {what}"),
            Flag::FeeCut {
                rejected,
                window,
                cut,
                from,
            } => format!(
                "Reduced eligibility: {rejected} of the last {window} submissions are rejected as low quality, so the meeting fee is cut by {cut} from Q{from}."
            ),
            Flag::NoDemandGeneration { co_marketing } => format!(
                "Co-marketing funds ({} per quarter) are not paid: they go only to partners that run demand generation, and this partner does not.",
                co_marketing.display(currency)
            ),
        }
    }
}

/// The model of one plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Model {
    pub quarters: Vec<Quarter>,
    pub totals: Totals,
    /// Contribution as a share of revenue, in signed basis points.
    pub contribution_margin_bp: Option<i64>,
    /// Our cost per new partner deal (payments, the partner's first-year margin, cost to serve).
    pub partner_cost_per_deal: Option<Money>,
    /// A direct deal's acquisition cost plus cost to serve.
    pub direct_cost_per_deal: Money,
    /// What the partner earns per new deal over the horizon (fees, bonuses,
    /// the package's services, margin, rebates over the deals won).
    pub partner_earns_per_deal: Option<Money>,
    pub flags: Vec<Flag>,
}

/// `per_deal` × `milli` / 1000.
pub fn deals_value(per_deal: Money, milli: i64) -> Money {
    Money(mul_div(per_deal.0, milli, 1000))
}

/// Signed basis points of `part` over `whole`.
pub fn ratio_bp(part: Money, whole: Money) -> Option<i64> {
    (whole.0 != 0).then(|| mul_div(part.0, 10_000, whole.0))
}

/// The resell tier for `won_milli` deals this quarter.
fn resell_tier(plan: &ResellPlan, won_milli: i64) -> Option<&super::plan::MarginTier> {
    plan.tiers.iter().rfind(|t| {
        i64::from(t.min_deals) * 1000 <= won_milli && (plan.certified || !t.requires_certification)
    })
}

/// How the low-quality rule of a referral plan plays out on assumptions
/// (rules in the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QualityWindow {
    /// Rejected submissions expected among the last `window`, in whole submissions.
    pub rejected: u32,
    /// The most rejected submissions the rule allows in the window.
    pub allowed: u32,
    /// The first quarter (1-based) with `window` submissions behind it;
    /// `None` when the submissions never reach it.
    pub fills_in: Option<u32>,
}

impl QualityWindow {
    pub fn of(rule: &super::plan::QualityRule, a: &Assumptions, volume: u32) -> QualityWindow {
        let n = u64::from(rule.window.max(1));
        let per_quarter = u64::from(a.submissions) * u64::from(volume);
        // round(rate × N), half up.
        let rejected = ((u64::from(a.rejection_rate.0) * n + 5_000) / 10_000) as u32;
        let allowed = ((u64::from(rule.max_rejection.0) * n) / 10_000) as u32;
        QualityWindow {
            rejected,
            allowed,
            fills_in: (per_quarter > 0).then(|| n.div_ceil(per_quarter) as u32),
        }
    }

    /// The fee is cut in quarter `q` (1-based).
    pub fn cuts_in(&self, q: u32) -> bool {
        self.rejected > self.allowed && self.fills_in.is_some_and(|f| q >= f)
    }
}

/// The services tier granted on `a`: the highest whose minimum health and
/// minimum adoption are both reached.
pub fn services_tier<'p>(
    plan: &'p super::plan::ServicesPlan,
    a: &Assumptions,
) -> Option<&'p super::plan::HealthTier> {
    plan.tiers
        .iter()
        .rfind(|t| t.min_health <= a.health && t.min_adoption <= a.adoption)
}

/// Run `plan` on `a` with submissions multiplied by `volume`.
pub fn model(plan: &Plan, a: &Assumptions, volume: u32) -> Model {
    let n = usize::from(a.quarters.clamp(1, 40));
    let cycle = usize::from(a.cycle_quarters);
    let submitted = i64::from(a.submissions) * i64::from(volume) * 1000;
    let qualified = a.qualification_rate.of_milli(submitted);
    let mut won = vec![0i64; n];
    let mut renewing = vec![0i64; n];
    for q in 0..n {
        if q >= cycle {
            won[q] = a.win_rate.of_milli(qualified);
        }
        if q >= 4 {
            renewing[q] = a.retention.of_milli(won[q - 4] + renewing[q - 4]);
        }
    }
    let mut rows = Vec::with_capacity(n);
    let mut flags = Vec::new();
    let mut first_year_take = Money::ZERO;
    for q in 0..n {
        let mut tier = None;
        let cost_to_serve = deals_value(a.cost_partner_deal, won[q]);
        let (revenue, partner_earns, we_pay, take) = match &plan.terms {
            Terms::Referral(r) => {
                let new_revenue = deals_value(a.first_year_revenue, won[q]);
                let revenue =
                    new_revenue.saturating_add(deals_value(a.first_year_revenue, renewing[q]));
                let fee = if QualityWindow::of(&r.quality, a, volume).cuts_in(q as u32 + 1) {
                    r.quality.fee_cut.complement().of(r.meeting_fee)
                } else {
                    r.meeting_fee
                };
                let meetings = deals_value(fee, qualified);
                let closed = match r.closed_won {
                    Payout::Flat(m) => deals_value(m, won[q]),
                    Payout::Percent(p) => p.of(new_revenue),
                };
                let pay = meetings.saturating_add(closed);
                (revenue, pay, pay, Money::ZERO)
            }
            Terms::Services(s) => {
                let new_revenue = deals_value(a.first_year_revenue, won[q]);
                let revenue =
                    new_revenue.saturating_add(deals_value(a.first_year_revenue, renewing[q]));
                let t = services_tier(s, a);
                tier = t.map(|t| t.name.clone());
                let bonus = t.map_or(Money::ZERO, |t| t.bonus.of(new_revenue));
                let co_marketing = if s.demand_generation {
                    s.co_marketing
                } else {
                    Money::ZERO
                };
                let pay = co_marketing.saturating_add(bonus);
                let services = deals_value(s.services_price, won[q]);
                (revenue, pay.saturating_add(services), pay, Money::ZERO)
            }
            Terms::Resell(r) => {
                let t = resell_tier(r, won[q]);
                tier = t.map(|t| t.name.clone());
                let margin = t.map_or(Rate::ZERO, |t| t.margin);
                let price = a.discount.complement().of(r.list_price);
                let ours = margin.complement().of(r.list_price);
                let deals = won[q] + renewing[q];
                let revenue = deals_value(price, deals);
                let take = deals_value(price.saturating_sub(ours), deals);
                let rebate = if a.retention >= r.rebate_min_retention
                    && a.adoption >= r.rebate_min_adoption
                {
                    r.renewal_rebate.of(deals_value(ours, renewing[q]))
                } else {
                    Money::ZERO
                };
                first_year_take =
                    first_year_take.saturating_add(deals_value(price.saturating_sub(ours), won[q]));
                (revenue, take.saturating_add(rebate), rebate, take)
            }
        };
        let net = revenue.saturating_sub(take).saturating_sub(we_pay);
        rows.push(Quarter {
            quarter: (q + 1) as u8,
            submitted_milli: submitted,
            qualified_milli: qualified,
            won_milli: won[q],
            renewing_milli: renewing[q],
            revenue,
            partner_earns,
            we_pay,
            net_revenue: net,
            cost_to_serve,
            contribution: net.saturating_sub(cost_to_serve),
            tier,
        });
    }
    let mut totals = Totals::default();
    for r in &rows {
        totals.won_milli += r.won_milli;
        totals.revenue = totals.revenue.saturating_add(r.revenue);
        totals.partner_earns = totals.partner_earns.saturating_add(r.partner_earns);
        totals.we_pay = totals.we_pay.saturating_add(r.we_pay);
        totals.net_revenue = totals.net_revenue.saturating_add(r.net_revenue);
        totals.cost_to_serve = totals.cost_to_serve.saturating_add(r.cost_to_serve);
        totals.contribution = totals.contribution.saturating_add(r.contribution);
    }
    // Plan-level flags.
    match &plan.terms {
        Terms::Resell(r) => {
            let price = a.discount.complement().of(r.list_price);
            if price < r.price_floor {
                flags.push(Flag::PriceBelowFloor {
                    price,
                    floor: r.price_floor,
                });
            }
            if a.discount > r.max_discount {
                flags.push(Flag::DiscountOverMax {
                    discount: a.discount,
                    max: r.max_discount,
                });
            }
            let margin = rows
                .last()
                .and_then(|_| resell_tier(r, won[n - 1]))
                .map_or(Rate::ZERO, |t| t.margin);
            if a.discount > margin {
                flags.push(Flag::PartnerLosesMoney {
                    margin,
                    discount: a.discount,
                });
            }
            let near = |x: Rate, threshold: Rate| x.0.abs_diff(threshold.0) <= 500;
            if near(a.retention, r.rebate_min_retention) {
                flags.push(Flag::Cliff {
                    what: format!(
                        "the renewal rebate switches {} at {} retention; the assumption is {}",
                        if a.retention >= r.rebate_min_retention {
                            "off"
                        } else {
                            "on"
                        },
                        r.rebate_min_retention,
                        a.retention
                    ),
                });
            }
        }
        Terms::Referral(r) => {
            let w = QualityWindow::of(&r.quality, a, volume);
            let first_cut = (1..=n as u32).find(|q| w.cuts_in(*q));
            if let Some(from) = first_cut {
                flags.push(Flag::FeeCut {
                    rejected: w.rejected,
                    window: r.quality.window,
                    cut: r.quality.fee_cut,
                    from: from as u8,
                });
            }
            // One rejected submission more or less in the window flips the cut.
            if w.fills_in.is_some_and(|f| f <= n as u32)
                && r.quality.fee_cut.0 > 0
                && (w.rejected == w.allowed || w.rejected == w.allowed + 1)
            {
                flags.push(Flag::Cliff {
                    what: format!(
                        "the meeting fee drops by {} when more than {} of the last {} submissions are rejected ({}); the assumption ({}) gives {} of {}",
                        r.quality.fee_cut,
                        w.allowed,
                        r.quality.window,
                        r.quality.max_rejection,
                        a.rejection_rate,
                        w.rejected,
                        r.quality.window
                    ),
                });
            }
        }
        Terms::Services(s) => {
            let granted = services_tier(s, a).map(|t| t.name.as_str());
            // The next tier up, not granted, that a small change would reach:
            // health within 5 points or adoption within 5 % of its minimum,
            // the other already met.
            let near = s.tiers.iter().find(|t| {
                let health_ok = t.min_health <= a.health;
                let adoption_ok = t.min_adoption <= a.adoption;
                Some(t.name.as_str()) != granted
                    && !(health_ok && adoption_ok)
                    && (health_ok || t.min_health - a.health <= 5)
                    && (adoption_ok || t.min_adoption.0 - a.adoption.0 <= 500)
            });
            if let Some(t) = near {
                flags.push(Flag::Cliff {
                    what: format!(
                        "tier {} needs health {} and adoption {}; the assumptions are {} and {}",
                        t.name, t.min_health, t.min_adoption, a.health, a.adoption
                    ),
                });
            }
            if !s.demand_generation && s.co_marketing.0 > 0 {
                flags.push(Flag::NoDemandGeneration {
                    co_marketing: s.co_marketing,
                });
            }
        }
    }
    if totals.contribution.0 < 0 {
        flags.push(Flag::NegativeContribution);
    }
    let new_deals = totals.won_milli;
    let acquisition = match &plan.terms {
        // Payments on new business; for resell, the partner's first-year margin.
        Terms::Resell(_) => first_year_take,
        _ => totals.we_pay,
    };
    let partner_cost_per_deal = (new_deals > 0).then(|| {
        Money(mul_div(
            acquisition.0.saturating_add(totals.cost_to_serve.0),
            1000,
            new_deals,
        ))
    });
    let partner_earns_per_deal =
        (new_deals > 0).then(|| Money(mul_div(totals.partner_earns.0, 1000, new_deals)));
    Model {
        partner_earns_per_deal,
        contribution_margin_bp: ratio_bp(totals.contribution, totals.revenue),
        partner_cost_per_deal,
        direct_cost_per_deal: a.direct_acquisition_cost.saturating_add(a.cost_direct_deal),
        quarters: rows,
        totals,
        flags,
    }
}

/// A services plan's package in words (what the app and the command line
/// show beside the model): its name, the price the partner bills per deal
/// (in what the partner earns), and what it includes.
pub fn package_text(plan: &Plan, currency: crate::money::Currency) -> Option<String> {
    let Terms::Services(s) = &plan.terms else {
        return None;
    };
    let name = if s.package.trim().is_empty() {
        "The package"
    } else {
        s.package.trim()
    };
    let scope = if s.scope.trim().is_empty() {
        "its scope is not written yet".to_owned()
    } else {
        format!("it includes: {}", s.scope.trim())
    };
    Some(format!(
        "{name}: the partner bills {} per deal for the services (counted in what the partner earns); {scope}.",
        s.services_price.display(currency)
    ))
}

/// A number of deals kept in thousandths, for people: two decimals,
/// rounded ("1.25", "0.00"). The app and the command line show deals alike.
pub fn deals_text(milli: i64) -> String {
    let centi = (milli.abs() + 5) / 10;
    let sign = if milli < 0 && centi > 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", centi / 100, centi % 100)
}

#[cfg(test)]
mod package_tests {
    use crate::incentives::plan::{Plan, Terms};
    use crate::money::Currency;
    use crate::partner::PartnerType;

    #[test]
    fn the_package_reads_with_its_price_and_scope() {
        let id = crate::id::Id::parse("plan-s").unwrap();
        let mut plan = Plan::starter(id.clone(), PartnerType::Services);
        assert_eq!(
            super::package_text(&plan, Currency::EUR).unwrap(),
            "Implementation + AP automation: the partner bills 15,000.00 EUR per deal for the services (counted in what the partner earns); it includes: Set-up, ERP connection, invoice workflows and training; live within 30 days."
        );
        if let Terms::Services(s) = &mut plan.terms {
            s.scope.clear();
        }
        assert!(super::package_text(&plan, Currency::EUR)
            .unwrap()
            .ends_with("its scope is not written yet."));
        assert!(
            super::package_text(&Plan::starter(id, PartnerType::Referral), Currency::EUR).is_none()
        );
    }
}

#[cfg(test)]
mod deals_tests {
    #[test]
    fn deals_read_with_two_decimals() {
        for (milli, text) in [
            (0, "0.00"),
            (1_250, "1.25"),
            (1_999, "2.00"),
            (7, "0.01"),
            (4, "0.00"),
            (-1_500, "-1.50"),
        ] {
            assert_eq!(super::deals_text(milli), text);
        }
    }
}
