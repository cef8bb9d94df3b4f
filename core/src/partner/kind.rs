//! The partner's primary role and how big a name it is: used by the
//! partner, the scorecard's gates and the incentive plans.

use crate::vocabulary;

vocabulary! {
    /// The partner's primary role. Each type scales under its own rules.
    pub enum PartnerType ("partner type") {
        Referral = "referral" / "Referral",
        Services = "services" / "Services",
        Resell = "resell" / "Resell",
    }
}

impl PartnerType {
    /// What the method expects of this type (seed, step 2).
    pub fn expectations(self) -> &'static str {
        match self {
            PartnerType::Referral => {
                "Introduces qualified opportunities and steps back. Works when your team closes well \
                 and implementation is straightforward. Wants a clean handoff and fast feedback."
            }
            PartnerType::Services => {
                "Delivers implementation or managed services, a natural reason to bring your product \
                 into deals. Works when customers need onboarding, migration, compliance or customization."
            }
            PartnerType::Resell => {
                "Transacts and owns procurement. Works when packaging and pricing are tight and your \
                 enablement and support can handle indirect delivery."
            }
        }
    }
}

vocabulary! {
    /// How big a name the partner is, to catch over-indexing on brand.
    pub enum BrandSize ("brand size") {
        Small = "small" / "Small / niche",
        Mid = "mid" / "Mid-size",
        BigLogo = "big_logo" / "Big logo",
    }
}
