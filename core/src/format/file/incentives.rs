//! The file's incentive plans and the assumptions they are modelled on
//! (step 6). Rates are basis points ([`Rate`]), amounts minor units
//! ([`Money`], 0 or more).

use super::declare::{file_one_of, file_types};
use super::leaf::{Long, Short, Whole};
use crate::id::Id;
use crate::money::Money;
use crate::rate::Rate;

/// Submissions per quarter, or deals per quarter of a margin tier.
pub type PerQuarter = Whole<u32, 0, 1_000_000>;
/// A customer health score, 0–100.
pub type Health = Whole<u8, 0, 100>;

file_types! {
    /// Rates are basis points (10000 = 100%); amounts are minor units.
    pub struct AssumptionsFile {
        pub submissions: PerQuarter,
        pub qualification_rate_bp: Rate,
        pub rejection_rate_bp: Rate,
        pub win_rate_bp: Rate,
        pub first_year_revenue_minor: Money,
        pub cycle_quarters: Whole<u8, 0, 11>,
        pub retention_bp: Rate,
        pub cost_partner_deal_minor: Money,
        pub cost_direct_deal_minor: Money,
        pub direct_acquisition_cost_minor: Money,
        pub discount_bp: Rate,
        /// Customer health score, 0–100.
        pub health: Health,
        pub adoption_bp: Rate,
        pub quarters: Whole<u8, 4, 12>,
    }

    pub struct QualityRuleFile {
        pub window: Whole<u16, 1, 1000>,
        pub max_rejection_bp: Rate,
        pub fee_cut_bp: Rate,
    }

    pub struct ReferralFile {
        pub meeting_fee_minor: Money,
        pub closed_won: PayoutFile,
        pub quality: QualityRuleFile,
    }

    /// Granted when customer health and adoption both reach the tier's minimums.
    pub struct HealthTierFile {
        pub name: Short,
        pub min_health: Health,
        pub min_adoption_bp: Rate,
        pub bonus_bp: Rate,
    }

    pub struct ServicesFile {
        pub package: Short,
        /// What the package includes.
        pub scope: Long,
        pub services_price_minor: Money,
        pub co_marketing_minor: Money,
        /// The partner runs demand generation: co-marketing funds are paid only then.
        pub demand_generation: bool,
        pub tiers: Vec<HealthTierFile>,
    }

    pub struct MarginTierFile {
        pub name: Short,
        pub min_deals: PerQuarter,
        pub margin_bp: Rate,
        pub requires_certification: bool,
    }

    pub struct ResellFile {
        pub list_price_minor: Money,
        pub price_floor_minor: Money,
        pub max_discount_bp: Rate,
        pub tiers: Vec<MarginTierFile>,
        pub renewal_rebate_bp: Rate,
        pub rebate_min_retention_bp: Rate,
        pub rebate_min_adoption_bp: Rate,
        pub certified: bool,
    }

    pub struct PlanFile {
        pub id: Id,
        pub name: Short,
        pub terms: TermsFile,
    }

    pub struct IncentivesFile {
        pub assumptions: AssumptionsFile,
        pub plans: Vec<PlanFile>,
    }
}

file_one_of! {
    /// Exactly one of the two.
    pub enum PayoutFile {
        FlatMinor(Money),
        PercentBp(Rate),
    }
}

file_one_of! {
    /// Exactly one of the three.
    pub enum TermsFile {
        Referral(ReferralFile),
        Services(ServicesFile),
        Resell(ResellFile),
    }
}
