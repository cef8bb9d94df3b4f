//! The fields of a plan's terms and of the assumptions, as the editor shows
//! them ([`PlanField::label`], [`AssumptionField::label`]: the one home of
//! these words) and as the file keys them ([`PlanField::path`],
//! [`AssumptionField::path`], derived from the file types' fields).

use crate::format::file::declare::{file_key, variant_key};
use crate::format::file::{
    AssumptionsFile, HealthTierFile, MarginTierFile, PayoutFile, QualityRuleFile, ReferralFile,
    ResellFile, ServicesFile,
};

/// A field of a plan's terms (referral, services or resell).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanField {
    // Referral.
    MeetingFee,
    ClosedWon,
    /// The closed-won payment as a flat amount.
    ClosedWonFlat,
    /// The closed-won payment as a share of first-year revenue.
    ClosedWonPercent,
    Quality,
    QualityWindow,
    QualityMaxRejection,
    QualityFeeCut,
    // Services.
    Package,
    Scope,
    ServicesPrice,
    CoMarketing,
    DemandGeneration,
    HealthTiers,
    HealthTierName(usize),
    TierMinHealth(usize),
    TierMinAdoption(usize),
    TierBonus(usize),
    // Resell.
    ListPrice,
    PriceFloor,
    MaxDiscount,
    MarginTiers,
    MarginTierName(usize),
    TierMinDeals(usize),
    TierMargin(usize),
    TierRequiresCertification(usize),
    RenewalRebate,
    RebateMinRetention,
    RebateMinAdoption,
    Certified,
}

/// `tiers[i].<key>`.
fn tier(tiers: &str, i: usize, key: &str) -> String {
    format!("{tiers}[{i}].{key}")
}

/// `<record>.<key>`.
fn nested(record: &str, key: &str) -> String {
    format!("{record}.{key}")
}

impl PlanField {
    /// The field's path in the file, relative to the object of the plan's
    /// terms (`terms.referral`, `terms.services` or `terms.resell`), e.g.
    /// `price_floor_minor` or `tiers[1].min_deals`.
    pub fn path(self) -> String {
        use PlanField::*;
        let quality = file_key!(ReferralFile, quality);
        let closed_won = file_key!(ReferralFile, closed_won);
        match self {
            MeetingFee => file_key!(ReferralFile, meeting_fee_minor).into(),
            ClosedWon => closed_won.into(),
            ClosedWonFlat => nested(closed_won, &variant_key!(PayoutFile, FlatMinor)),
            ClosedWonPercent => nested(closed_won, &variant_key!(PayoutFile, PercentBp)),
            Quality => quality.into(),
            QualityWindow => nested(quality, file_key!(QualityRuleFile, window)),
            QualityMaxRejection => nested(quality, file_key!(QualityRuleFile, max_rejection_bp)),
            QualityFeeCut => nested(quality, file_key!(QualityRuleFile, fee_cut_bp)),
            Package => file_key!(ServicesFile, package).into(),
            Scope => file_key!(ServicesFile, scope).into(),
            DemandGeneration => file_key!(ServicesFile, demand_generation).into(),
            TierMinAdoption(i) => tier(
                file_key!(ServicesFile, tiers),
                i,
                file_key!(HealthTierFile, min_adoption_bp),
            ),
            ServicesPrice => file_key!(ServicesFile, services_price_minor).into(),
            CoMarketing => file_key!(ServicesFile, co_marketing_minor).into(),
            HealthTiers => file_key!(ServicesFile, tiers).into(),
            HealthTierName(i) => tier(
                file_key!(ServicesFile, tiers),
                i,
                file_key!(HealthTierFile, name),
            ),
            TierMinHealth(i) => tier(
                file_key!(ServicesFile, tiers),
                i,
                file_key!(HealthTierFile, min_health),
            ),
            TierBonus(i) => tier(
                file_key!(ServicesFile, tiers),
                i,
                file_key!(HealthTierFile, bonus_bp),
            ),
            ListPrice => file_key!(ResellFile, list_price_minor).into(),
            PriceFloor => file_key!(ResellFile, price_floor_minor).into(),
            MaxDiscount => file_key!(ResellFile, max_discount_bp).into(),
            MarginTiers => file_key!(ResellFile, tiers).into(),
            MarginTierName(i) => tier(
                file_key!(ResellFile, tiers),
                i,
                file_key!(MarginTierFile, name),
            ),
            TierMinDeals(i) => tier(
                file_key!(ResellFile, tiers),
                i,
                file_key!(MarginTierFile, min_deals),
            ),
            TierMargin(i) => tier(
                file_key!(ResellFile, tiers),
                i,
                file_key!(MarginTierFile, margin_bp),
            ),
            TierRequiresCertification(i) => tier(
                file_key!(ResellFile, tiers),
                i,
                file_key!(MarginTierFile, requires_certification),
            ),
            RenewalRebate => file_key!(ResellFile, renewal_rebate_bp).into(),
            RebateMinRetention => file_key!(ResellFile, rebate_min_retention_bp).into(),
            RebateMinAdoption => file_key!(ResellFile, rebate_min_adoption_bp).into(),
            Certified => file_key!(ResellFile, certified).into(),
        }
    }

    /// The words the plan editor shows for the field ("Price floor", "Tier 2
    /// margin").
    pub fn label(self) -> String {
        use PlanField::*;
        let fixed = match self {
            MeetingFee => "Fee per ICP-qualified meeting with the required stakeholders",
            ClosedWon => "Closed-won payment",
            ClosedWonFlat => "Per won deal",
            ClosedWonPercent => "Of first-year revenue",
            Quality => "Reduced eligibility after low-quality submissions",
            QualityWindow => "Over the last N submissions",
            QualityMaxRejection => "If more are rejected than",
            QualityFeeCut => "Cut the meeting fee by",
            Package => "Packaged offer (services + product)",
            Scope => "What the package includes",
            DemandGeneration => {
                "The partner runs demand generation (co-marketing funds are paid only then)"
            }
            ServicesPrice => "Services the partner bills per deal",
            CoMarketing => "Co-marketing funds per quarter (partners that run demand generation)",
            HealthTiers => "Tiers tied to customer health and adoption, lowest first",
            ListPrice => "List price (first year)",
            PriceFloor => "Price floor",
            MaxDiscount => "Largest discount",
            MarginTiers => "Margin tiers, lowest first",
            RenewalRebate => "Rebate on renewal revenue",
            RebateMinRetention => "When retention reaches",
            RebateMinAdoption => "And adoption reaches",
            Certified => "The partner is certified (unlocks tiers that require it)",
            HealthTierName(i) | MarginTierName(i) => return format!("Tier {} name", i + 1),
            TierMinHealth(i) => return format!("Tier {} minimum health (0–100)", i + 1),
            TierMinAdoption(i) => return format!("Tier {} minimum adoption", i + 1),
            TierBonus(i) => return format!("Tier {} bonus on our revenue", i + 1),
            TierMinDeals(i) => return format!("Tier {} deals per quarter from", i + 1),
            TierMargin(i) => return format!("Tier {} margin", i + 1),
            TierRequiresCertification(i) => {
                return format!("Tier {} requires certification", i + 1)
            }
        };
        fixed.to_owned()
    }
}

/// A pipeline assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssumptionField {
    Submissions,
    QualificationRate,
    RejectionRate,
    WinRate,
    FirstYearRevenue,
    CycleQuarters,
    Retention,
    CostPartnerDeal,
    CostDirectDeal,
    DirectAcquisitionCost,
    Discount,
    Health,
    Adoption,
    Quarters,
}

impl AssumptionField {
    /// Every assumption, in the order of the file.
    pub const ALL: [AssumptionField; 14] = [
        AssumptionField::Submissions,
        AssumptionField::QualificationRate,
        AssumptionField::RejectionRate,
        AssumptionField::WinRate,
        AssumptionField::FirstYearRevenue,
        AssumptionField::CycleQuarters,
        AssumptionField::Retention,
        AssumptionField::CostPartnerDeal,
        AssumptionField::CostDirectDeal,
        AssumptionField::DirectAcquisitionCost,
        AssumptionField::Discount,
        AssumptionField::Health,
        AssumptionField::Adoption,
        AssumptionField::Quarters,
    ];

    /// The assumption's key in the file's assumptions object, e.g. `win_rate_bp`.
    pub fn path(self) -> String {
        use AssumptionField::*;
        match self {
            Submissions => file_key!(AssumptionsFile, submissions),
            QualificationRate => file_key!(AssumptionsFile, qualification_rate_bp),
            RejectionRate => file_key!(AssumptionsFile, rejection_rate_bp),
            WinRate => file_key!(AssumptionsFile, win_rate_bp),
            FirstYearRevenue => file_key!(AssumptionsFile, first_year_revenue_minor),
            CycleQuarters => file_key!(AssumptionsFile, cycle_quarters),
            Retention => file_key!(AssumptionsFile, retention_bp),
            CostPartnerDeal => file_key!(AssumptionsFile, cost_partner_deal_minor),
            CostDirectDeal => file_key!(AssumptionsFile, cost_direct_deal_minor),
            DirectAcquisitionCost => file_key!(AssumptionsFile, direct_acquisition_cost_minor),
            Discount => file_key!(AssumptionsFile, discount_bp),
            Health => file_key!(AssumptionsFile, health),
            Adoption => file_key!(AssumptionsFile, adoption_bp),
            Quarters => file_key!(AssumptionsFile, quarters),
        }
        .to_owned()
    }

    /// The words the assumptions editor shows for it.
    pub fn label(self) -> String {
        use AssumptionField::*;
        match self {
            Submissions => "Submissions (or meetings) per quarter",
            QualificationRate => "Qualified",
            RejectionRate => "Rejected as low quality",
            WinRate => "Win rate",
            FirstYearRevenue => "First-year revenue per deal",
            CycleQuarters => "Sales cycle (quarters)",
            Retention => "Yearly retention",
            CostPartnerDeal => "Our cost to serve a partner deal",
            CostDirectDeal => "Our cost to serve a direct deal",
            DirectAcquisitionCost => "Our cost to win a deal directly",
            Discount => "Discount the partner gives (resell)",
            Health => "Customer health score (services, 0–100)",
            Adoption => "Product adoption (services tiers, resell rebates)",
            Quarters => "Horizon (quarters, 4–12)",
        }
        .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{AssumptionField, PlanField};
    use crate::format::file::AssumptionsFile;

    /// Rows: (field, path in the file, label in the editor).
    #[test]
    fn plan_fields_have_their_file_path_and_editor_label() {
        for (field, path, label) in [
            (PlanField::PriceFloor, "price_floor_minor", "Price floor"),
            (
                PlanField::TierMinDeals(1),
                "tiers[1].min_deals",
                "Tier 2 deals per quarter from",
            ),
            (
                PlanField::TierMargin(0),
                "tiers[0].margin_bp",
                "Tier 1 margin",
            ),
            (
                PlanField::QualityMaxRejection,
                "quality.max_rejection_bp",
                "If more are rejected than",
            ),
            (
                PlanField::ClosedWonFlat,
                "closed_won.flat_minor",
                "Per won deal",
            ),
            (
                PlanField::MeetingFee,
                "meeting_fee_minor",
                "Fee per ICP-qualified meeting with the required stakeholders",
            ),
            (
                PlanField::TierMinAdoption(1),
                "tiers[1].min_adoption_bp",
                "Tier 2 minimum adoption",
            ),
            (PlanField::Scope, "scope", "What the package includes"),
            (
                PlanField::TierBonus(2),
                "tiers[2].bonus_bp",
                "Tier 3 bonus on our revenue",
            ),
        ] {
            assert_eq!(
                (field.path().as_str(), field.label().as_str()),
                (path, label)
            );
        }
    }

    #[test]
    fn every_assumption_is_a_field_of_the_file() {
        let paths: Vec<String> = AssumptionField::ALL.iter().map(|f| f.path()).collect();
        assert_eq!(paths, AssumptionsFile::KEYS);
        assert_eq!(AssumptionField::WinRate.label(), "Win rate");
        assert_eq!(
            AssumptionField::CycleQuarters.label(),
            "Sales cycle (quarters)"
        );
    }
}
