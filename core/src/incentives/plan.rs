//! Incentive plans by partner type, with the seed's levers (step 6), and the
//! pipeline assumptions a model runs on. Money is in minor units, rates in
//! basis points.

use crate::id::Id;
use crate::money::Money;
use crate::rate::Rate;

/// The closed-won payment of a referral plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payout {
    /// A fixed amount per won deal.
    Flat(Money),
    /// A share of the deal's first-year revenue.
    Percent(Rate),
}

/// Reduced eligibility after repeated low-quality submissions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QualityRule {
    /// Submissions looked at ("the last N").
    pub window: u16,
    /// A rejection rate above this cuts the meeting fee.
    pub max_rejection: Rate,
    /// How much of the fee is cut (50% halves it).
    pub fee_cut: Rate,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferralPlan {
    /// Per ICP-qualified meeting that includes the required stakeholders.
    pub meeting_fee: Money,
    pub closed_won: Payout,
    pub quality: QualityRule,
}

/// A tier of a services plan, granted on customer health AND adoption
/// ("not only bookings"): a bonus on our revenue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HealthTier {
    pub name: String,
    /// Minimum customer health score, 0–100.
    pub min_health: u8,
    /// Minimum product adoption.
    pub min_adoption: Rate,
    /// Bonus as a share of our first-year revenue from the partner's deals.
    pub bonus: Rate,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServicesPlan {
    /// The packaged offer: services plus product outcomes.
    pub package: String,
    /// What the package includes (the services and the outcome they lead to).
    pub scope: String,
    /// What the partner bills the customer for the services in the package, per deal.
    pub services_price: Money,
    /// Co-marketing funds per quarter, for partners that run demand generation.
    pub co_marketing: Money,
    /// Whether the partner runs demand generation: co-marketing funds are
    /// paid only then.
    pub demand_generation: bool,
    /// Tiers tied to customer health and adoption, lowest first.
    pub tiers: Vec<HealthTier>,
}

/// A resell margin tier, lowest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarginTier {
    pub name: String,
    /// Deals per quarter needed for this tier.
    pub min_deals: u32,
    pub margin: Rate,
    /// Certification required to unlock it.
    pub requires_certification: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResellPlan {
    /// First-year list price per deal.
    pub list_price: Money,
    /// Lowest price a customer may pay.
    pub price_floor: Money,
    /// Largest discount the partner may give.
    pub max_discount: Rate,
    pub tiers: Vec<MarginTier>,
    /// Rebate on renewal revenue…
    pub renewal_rebate: Rate,
    /// …when retention reaches this…
    pub rebate_min_retention: Rate,
    /// …and adoption this.
    pub rebate_min_adoption: Rate,
    /// Whether the partner is certified.
    pub certified: bool,
}

/// The terms of a plan, by type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Terms {
    Referral(ReferralPlan),
    Services(ServicesPlan),
    Resell(ResellPlan),
}

/// A named plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub id: Id,
    pub name: String,
    pub terms: Terms,
}

/// Pipeline assumptions for a partner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assumptions {
    /// Opportunities (or meetings) submitted per quarter.
    pub submissions: u32,
    /// Share of submissions that are ICP-qualified.
    pub qualification_rate: Rate,
    /// Share of submissions rejected as low quality (over the plan's window).
    pub rejection_rate: Rate,
    pub win_rate: Rate,
    /// Average first-year revenue per won deal (referral and services; resell uses its list price).
    pub first_year_revenue: Money,
    /// Quarters from qualification to close.
    pub cycle_quarters: u8,
    /// Yearly renewal rate.
    pub retention: Rate,
    /// Our cost to serve a partner deal, and a direct deal.
    pub cost_partner_deal: Money,
    pub cost_direct_deal: Money,
    /// Our sales and marketing cost to win a deal directly.
    pub direct_acquisition_cost: Money,
    /// Resell: the discount the partner gives customers.
    pub discount: Rate,
    /// Services: customer health score, 0–100.
    pub health: u8,
    /// Product adoption (services tiers, resell rebates).
    pub adoption: Rate,
    /// Horizon, 4–12 quarters.
    pub quarters: u8,
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            submissions: 10,
            qualification_rate: Rate(6_000),
            rejection_rate: Rate(2_000),
            win_rate: Rate(2_500),
            first_year_revenue: Money(2_400_000),
            cycle_quarters: 1,
            retention: Rate(9_000),
            cost_partner_deal: Money(150_000),
            cost_direct_deal: Money(250_000),
            direct_acquisition_cost: Money(600_000),
            discount: Rate(500),
            health: 70,
            adoption: Rate(6_000),
            quarters: 8,
        }
    }
}

impl Plan {
    /// A starting plan of each kind, with the seed's levers.
    pub fn starter(id: Id, kind: crate::partner::kind::PartnerType) -> Plan {
        use crate::partner::kind::PartnerType::*;
        let (name, terms) = match kind {
            Referral => (
                "Referral plan",
                Terms::Referral(ReferralPlan {
                    meeting_fee: Money(50_000),
                    closed_won: Payout::Percent(Rate(1_000)),
                    quality: QualityRule {
                        window: 10,
                        max_rejection: Rate(5_000),
                        fee_cut: Rate(5_000),
                    },
                }),
            ),
            Services => (
                "Services plan",
                Terms::Services(ServicesPlan {
                    package: "Implementation + AP automation".into(),
                    scope: "Set-up, ERP connection, invoice workflows and training; live within 30 days".into(),
                    services_price: Money(1_500_000),
                    co_marketing: Money(250_000),
                    demand_generation: false,
                    tiers: vec![
                        HealthTier {
                            name: "Healthy".into(),
                            min_health: 60,
                            min_adoption: Rate(4_000),
                            bonus: Rate(500),
                        },
                        HealthTier {
                            name: "Thriving".into(),
                            min_health: 80,
                            min_adoption: Rate(6_000),
                            bonus: Rate(1_000),
                        },
                    ],
                }),
            ),
            Resell => (
                "Resell plan",
                Terms::Resell(ResellPlan {
                    list_price: Money(2_400_000),
                    price_floor: Money(2_000_000),
                    max_discount: Rate(1_000),
                    tiers: vec![
                        MarginTier {
                            name: "Registered".into(),
                            min_deals: 0,
                            margin: Rate(1_500),
                            requires_certification: false,
                        },
                        MarginTier {
                            name: "Silver".into(),
                            min_deals: 3,
                            margin: Rate(2_000),
                            requires_certification: false,
                        },
                        MarginTier {
                            name: "Gold".into(),
                            min_deals: 10,
                            margin: Rate(3_000),
                            requires_certification: true,
                        },
                    ],
                    renewal_rebate: Rate(500),
                    rebate_min_retention: Rate(8_500),
                    rebate_min_adoption: Rate(5_000),
                    certified: false,
                }),
            ),
        };
        Plan {
            id,
            name: name.into(),
            terms,
        }
    }

    pub fn kind(&self) -> crate::partner::kind::PartnerType {
        match self.terms {
            Terms::Referral(_) => crate::partner::kind::PartnerType::Referral,
            Terms::Services(_) => crate::partner::kind::PartnerType::Services,
            Terms::Resell(_) => crate::partner::kind::PartnerType::Resell,
        }
    }
}

/// A partner's incentive plans and the assumptions they are modelled on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartnerIncentives {
    pub plans: Vec<Plan>,
    pub assumptions: Assumptions,
}
