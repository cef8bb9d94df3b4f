//! The workspace file's own types (current version). They are a compatibility
//! promise, kept apart from the domain types: change them only together with
//! `FORMAT_VERSION`, a migration and a new golden fixture.
//!
//! These types serialize the file and generate its JSON Schema. Reading goes
//! through [`super::read`], which validates everything and reports every
//! problem with its JSON path.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::alignment::Judgment;
use crate::icp::{BuyingRole, DisqualifierKind, ExampleFit};
use crate::motion::{Party, Step};
use crate::overlap::assessment::Signal;
use crate::overlap::figures::Decision;
use crate::overlap::population::Population;
use crate::partner::{BrandSize, PartnerType, Status};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A Partnerfit workspace file.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "Partnerfit workspace"))]
pub struct WorkspaceFile {
    /// Always "partnerfit-workspace".
    #[cfg_attr(feature = "schema", schemars(schema_with = "schema::format_tag"))]
    pub format: String,
    /// Version of this file format.
    #[cfg_attr(feature = "schema", schemars(schema_with = "schema::format_version"))]
    pub format_version: u32,
    pub profile: ProfileFile,
    pub icp: IcpFile,
    pub scorecard: ScorecardFile,
    pub partners: Vec<PartnerFile>,
    /// Imported CRM account lists: ours, and each partner's.
    pub account_lists: Vec<AccountListFile>,
}

/// Answers to the three alignment questions.
#[derive(Serialize, Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct AnswersFile {
    pub problem: String,
    pub urgency: String,
    pub success_90_days: String,
}

/// The company that owns the workspace.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ProfileFile {
    pub name: String,
    pub website: String,
    /// ISO 4217 code; every amount in the file is in its minor units.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[A-Z]{3}$")))]
    pub currency: String,
    /// Our answers to the three alignment questions.
    pub alignment_answers: AnswersFile,
}

/// An inclusive range; either end may be null.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct SpanFile {
    pub min: Option<i64>,
    pub max: Option<i64>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct CommitteeMemberFile {
    pub role: BuyingRole,
    pub title: String,
    pub notes: String,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct DisqualifierFile {
    pub id: String,
    pub kind: DisqualifierKind,
    pub text: String,
    /// Minor units of the workspace currency (budget floors).
    pub amount_minor: Option<i64>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ExampleFile {
    pub name: String,
    pub fit: ExampleFit,
    pub why: String,
}

/// The ideal customer profile.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct IcpFile {
    pub industries: Vec<String>,
    pub sub_verticals: Vec<String>,
    pub employees: SpanFile,
    /// Minor units of the workspace currency.
    pub annual_revenue_minor: SpanFile,
    pub pain_triggers: Vec<String>,
    pub buying_committee: Vec<CommitteeMemberFile>,
    pub disqualifiers: Vec<DisqualifierFile>,
    pub examples: Vec<ExampleFile>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct CriterionFile {
    pub id: String,
    pub text: String,
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub weight: f64,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct CategoryFile {
    pub id: String,
    pub name: String,
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub weight: f64,
    pub criteria: Vec<CriterionFile>,
}

/// Categories with criteria, and gates: partner type → category id → minimum (1–5).
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ScorecardFile {
    pub categories: Vec<CategoryFile>,
    pub gates: BTreeMap<PartnerType, BTreeMap<String, f64>>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct StatusChangeFile {
    pub status: Status,
    /// YYYY-MM-DD.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub date: String,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct PartnerAlignmentFile {
    pub answers: AnswersFile,
    pub judgment: Judgment,
}

/// A partner (or candidate).
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct PartnerFile {
    pub id: String,
    pub name: String,
    pub website: String,
    #[serde(rename = "type")]
    pub kind: PartnerType,
    /// Oldest first; at least one entry.
    pub status_history: Vec<StatusChangeFile>,
    pub owner: String,
    pub notes: String,
    pub brand_size: BrandSize,
    pub archived: bool,
    /// Criterion id → rating 1–5. Unrated criteria are absent.
    pub ratings: BTreeMap<String, u8>,
    /// Criterion id → evidence note (rated or not).
    pub evidence: BTreeMap<String, String>,
    pub alignment: PartnerAlignmentFile,
    /// Ids of ICP disqualifiers that hit this partner's book of business.
    pub disqualifier_hits: Vec<String>,
    pub overlap: PartnerOverlapFile,
    /// Rules of engagement (step 5).
    pub motion: MotionFile,
    /// Incentive plans and the assumptions they are modelled on (step 6).
    pub incentives: IncentivesFile,
    /// Self-assessment invitations sent and responses received.
    pub self_assessment: SelfAssessmentFile,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct JourneyStageFile {
    pub name: String,
    /// Our product naturally supports the partner's process at this stage.
    pub we_fit: bool,
    pub notes: String,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct OwnershipFile {
    pub step: Step,
    pub lead: Party,
    pub support: Party,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct SlaFile {
    /// Business days to a first response.
    pub first_response_days: Option<u16>,
    /// Business days to accept or reject as qualified.
    pub qualification_days: Option<u16>,
    pub notes: String,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct RegistrationFile {
    pub eligible: String,
    pub protection_days: Option<u16>,
    pub on_expiry: String,
    pub dispute_rule: String,
    pub dispute_owner: String,
}

/// Rules of engagement: one entry per sales step in `ownership`.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct MotionFile {
    pub journey: Vec<JourneyStageFile>,
    pub ownership: Vec<OwnershipFile>,
    pub qualified: Vec<String>,
    pub rejected: Vec<String>,
    pub sla: SlaFile,
    pub registration: RegistrationFile,
}

/// Rates are basis points (10000 = 100%); amounts are minor units.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct AssumptionsFile {
    pub submissions: u32,
    pub qualification_rate_bp: u32,
    pub rejection_rate_bp: u32,
    pub win_rate_bp: u32,
    pub first_year_revenue_minor: i64,
    pub cycle_quarters: u8,
    pub retention_bp: u32,
    pub cost_partner_deal_minor: i64,
    pub cost_direct_deal_minor: i64,
    pub direct_acquisition_cost_minor: i64,
    pub discount_bp: u32,
    /// Customer health score, 0–100.
    pub health: u8,
    pub adoption_bp: u32,
    pub quarters: u8,
}

/// Exactly one of the two.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PayoutFile {
    FlatMinor(i64),
    PercentBp(u32),
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct QualityRuleFile {
    pub window: u16,
    pub max_rejection_bp: u32,
    pub fee_cut_bp: u32,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ReferralFile {
    pub meeting_fee_minor: i64,
    pub closed_won: PayoutFile,
    pub quality: QualityRuleFile,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct HealthTierFile {
    pub name: String,
    pub min_health: u8,
    pub bonus_bp: u32,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ServicesFile {
    pub package: String,
    pub services_price_minor: i64,
    pub co_marketing_minor: i64,
    pub tiers: Vec<HealthTierFile>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct MarginTierFile {
    pub name: String,
    pub min_deals: u32,
    pub margin_bp: u32,
    pub requires_certification: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ResellFile {
    pub list_price_minor: i64,
    pub price_floor_minor: i64,
    pub max_discount_bp: u32,
    pub tiers: Vec<MarginTierFile>,
    pub renewal_rebate_bp: u32,
    pub rebate_min_retention_bp: u32,
    pub rebate_min_adoption_bp: u32,
    pub certified: bool,
}

/// Exactly one of the three.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TermsFile {
    Referral(ReferralFile),
    Services(ServicesFile),
    Resell(ResellFile),
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct PlanFile {
    pub id: String,
    pub name: String,
    pub terms: TermsFile,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct IncentivesFile {
    pub assumptions: AssumptionsFile,
    pub plans: Vec<PlanFile>,
}

/// An invitation we sent. Its secret keys the response's tag: keep the
/// file private.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct SentInvitationFile {
    pub id: String,
    /// 16 bytes, base64url without padding.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[A-Za-z0-9_-]{22}$")))]
    pub secret: String,
    /// YYYY-MM-DD.
    pub created: String,
    pub expires: Option<String>,
    pub contact: String,
    /// Sealed with a passphrase (never stored).
    pub protected: bool,
    pub link: String,
}

/// A self-rating with its evidence.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct SelfRatingFile {
    /// 1–5.
    pub score: u8,
    pub evidence: String,
}

/// A partner's response, as received.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ReceivedResponseFile {
    /// The id of one of this partner's invitations.
    pub invitation: String,
    pub received: String,
    pub submitted: String,
    pub respondent: String,
    pub email: String,
    /// Criterion id → their self-rating.
    pub ratings: BTreeMap<String, SelfRatingFile>,
    pub answers: AnswersFile,
    pub comments: String,
    pub verification: crate::share::records::Verification,
}

#[derive(Serialize, Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct SelfAssessmentFile {
    pub invitations: Vec<SentInvitationFile>,
    pub responses: Vec<ReceivedResponseFile>,
}

crate::vocabulary! {
    /// How a list's populations are decided.
    pub enum PopulationSourceKind ("population source") {
        StatusColumn = "status_column" / "From the status column",
        Fixed = "fixed" / "The same for the whole list",
    }
}

/// The keys of an [`AccountFile`], in the order they are written.
pub const ACCOUNT_KEYS: [&str; 9] = [
    "line",
    "name",
    "domain",
    "country",
    "population",
    "status",
    "owner",
    "industry",
    "employees",
];

/// One account of an imported list.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct AccountFile {
    /// Line of the source file where the record starts (1-based).
    pub line: u64,
    pub name: String,
    /// As written: website, domain or e-mail.
    pub domain: String,
    pub country: String,
    pub population: Population,
    pub status: String,
    pub owner: String,
    pub industry: String,
    pub employees: String,
}

/// An imported CRM export.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct AccountListFile {
    pub id: String,
    /// The partner whose accounts these are; null for ours.
    pub partner: Option<String>,
    /// The source file's name.
    pub source: String,
    /// YYYY-MM-DD.
    pub imported: String,
    pub population_source: PopulationSourceKind,
    /// The fixed population, or the fallback when a status says nothing.
    pub population: Population,
    pub accounts: Vec<AccountFile>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct MatchDecisionFile {
    /// Identity of our account (its domain key, or "name|country").
    pub ours: String,
    pub theirs: String,
    pub decision: Decision,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct MappedAccountFile {
    pub name: String,
    pub domain: String,
    pub relationships: String,
    pub initiatives: String,
    pub influence: String,
    pub entry_point: String,
}

/// The overlap as last measured. Populations are in the order customer,
/// open opportunity, prospect.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct MeasuredFile {
    pub date: String,
    pub ours_lists: Vec<String>,
    pub theirs_lists: Vec<String>,
    /// cells[ours population][their population]
    pub cells: [[u64; 3]; 3],
    pub greenfield: [u64; 3],
    pub theirs_total: [u64; 3],
    pub ours_total: [u64; 3],
    pub matches: u64,
    pub confirmed: u64,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct PartnerOverlapFile {
    pub signals: Vec<Signal>,
    pub notes: String,
    pub decisions: Vec<MatchDecisionFile>,
    pub mapped_accounts: Vec<MappedAccountFile>,
    pub measured: Option<MeasuredFile>,
}

#[cfg(feature = "schema")]
mod schema {
    use schemars::{json_schema, Schema, SchemaGenerator};

    pub fn format_tag(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "const": super::super::FORMAT_TAG })
    }

    pub fn format_version(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "const": super::super::FORMAT_VERSION })
    }
}
