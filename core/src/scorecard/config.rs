//! The scorecard's shape: categories A–D with their criteria and weights, and
//! minimum thresholds ("gates") per partner type. The seed's set is the default.

use std::collections::BTreeMap;

use super::fields::ScorecardField;
use crate::id::Id;
use crate::partner::{PartnerType, Score};
use crate::vocab::Vocabulary;

/// One thing we rate 1–5.
#[derive(Clone, Debug, PartialEq)]
pub struct Criterion {
    pub id: Id,
    /// The wording shown to raters (and to partners in a self-assessment).
    pub text: String,
    /// Relative weight inside its category (≥ 0).
    pub weight: f64,
}

/// A group of criteria whose mean is gated.
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub id: Id,
    pub name: String,
    /// Relative weight in the total score (≥ 0).
    pub weight: f64,
    pub criteria: Vec<Criterion>,
}

/// Minimum category scores per partner type: `gates[type][category] = threshold`.
pub type Gates = BTreeMap<PartnerType, BTreeMap<Id, f64>>;

/// Per-criterion floors of gates: `floors[type][category] = score`. A gate
/// with a floor also fails when any single criterion of its category is
/// rated below the floor ("no criterion below 2"), whatever the mean. A
/// floor belongs to a gate: one without a gate on the same category for the
/// same type counts for nothing.
pub type Floors = BTreeMap<PartnerType, BTreeMap<Id, Score>>;

/// The whole scorecard.
#[derive(Clone, Debug, PartialEq)]
pub struct Scorecard {
    pub categories: Vec<Category>,
    pub gates: Gates,
    pub floors: Floors,
}

/// The lowest and highest threshold a gate may have.
pub const GATE_RANGE: std::ops::RangeInclusive<f64> = 1.0..=5.0;

fn id(s: &str) -> Id {
    Id::parse(s).expect("built-in ids are valid")
}

fn category(cat: &str, name: &str, criteria: [(&str, &str); 3]) -> Category {
    Category {
        id: id(cat),
        name: name.to_owned(),
        weight: 1.0,
        criteria: criteria
            .iter()
            .map(|(cid, text)| Criterion {
                id: id(cid),
                text: (*text).to_owned(),
                weight: 1.0,
            })
            .collect(),
    }
}

/// Category ids of the seed scorecard, and the criteria account data
/// speaks to ([`crate::overlap::icp_fit`]).
pub mod ids {
    pub const MARKET_ICP_FIT: &str = "market_icp_fit";
    /// "Density in your priority verticals".
    pub const ICP_DENSITY: &str = "icp_density";
    /// "Access to your target buyer roles".
    pub const BUYER_ACCESS: &str = "buyer_access";
    pub const GTM_COMPATIBILITY: &str = "gtm_compatibility";
    pub const REVENUE_FOCUS: &str = "revenue_focus";
    pub const OPERATIONAL_READINESS: &str = "operational_readiness";
}

impl Default for Scorecard {
    /// The seed's scorecard: categories A–D, three criteria each, equal weights;
    /// every type must reach 4 on Market and ICP fit and on GTM compatibility
    /// ("require 4 or higher on ICP fit and GTM compatibility, or you do not
    /// onboard"); resellers, who transact and own procurement, must also reach
    /// 4 on operational readiness, referral partners 3.
    fn default() -> Self {
        let categories = vec![
            category(
                ids::MARKET_ICP_FIT,
                "Market and ICP fit",
                [
                    (ids::ICP_DENSITY, "Density in your priority verticals"),
                    (ids::BUYER_ACCESS, "Access to your target buyer roles"),
                    (
                        "use_case_match",
                        "Clear use cases that match your highest-win scenarios",
                    ),
                ],
            ),
            category(
                ids::GTM_COMPATIBILITY,
                "GTM compatibility",
                [
                    (
                        "cycle_match",
                        "Similar sales cycle length and procurement path",
                    ),
                    ("deal_size_match", "Similar or adjacent deal sizes"),
                    (
                        "delivery_handoffs",
                        "Clear delivery handoffs if services are involved",
                    ),
                ],
            ),
            category(
                ids::REVENUE_FOCUS,
                "Revenue potential and focus",
                [
                    ("named_champion", "A named internal champion with authority"),
                    (
                        "prioritization_evidence",
                        "Evidence they can prioritize you (not just \u{201c}interested\u{201d})",
                    ),
                    (
                        "opportunity_target",
                        "A realistic target for opportunities per quarter",
                    ),
                ],
            ),
            category(
                ids::OPERATIONAL_READINESS,
                "Operational readiness",
                [
                    (
                        "deal_registration",
                        "Willingness to use deal registration or a basic tracking process",
                    ),
                    (
                        "pipeline_sharing",
                        "Ability to share deal stages, stakeholders, and next steps",
                    ),
                    (
                        "responsiveness",
                        "Responsiveness and follow-through during evaluation",
                    ),
                ],
            ),
        ];
        let mut gates = Gates::new();
        for kind in PartnerType::ALL {
            let mut g = BTreeMap::new();
            g.insert(id(ids::MARKET_ICP_FIT), 4.0);
            g.insert(id(ids::GTM_COMPATIBILITY), 4.0);
            match kind {
                PartnerType::Resell => {
                    g.insert(id(ids::OPERATIONAL_READINESS), 4.0);
                }
                PartnerType::Referral => {
                    g.insert(id(ids::OPERATIONAL_READINESS), 3.0);
                }
                PartnerType::Services => {}
            }
            gates.insert(*kind, g);
        }
        Scorecard {
            categories,
            gates,
            floors: Floors::new(),
        }
    }
}

/// A problem with the scorecard's configuration, on one of its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigProblem {
    pub field: ScorecardField,
    pub message: String,
}

impl Scorecard {
    pub fn category(&self, id: &Id) -> Option<&Category> {
        self.categories.iter().find(|c| &c.id == id)
    }

    /// The criterion with `id` and the category holding it.
    pub fn criterion(&self, id: &Id) -> Option<(&Category, &Criterion)> {
        self.categories
            .iter()
            .find_map(|cat| cat.criteria.iter().find(|c| &c.id == id).map(|c| (cat, c)))
    }

    pub fn criteria(&self) -> impl Iterator<Item = (&Category, &Criterion)> {
        self.categories
            .iter()
            .flat_map(|cat| cat.criteria.iter().map(move |c| (cat, c)))
    }

    /// A new criterion ("New criterion", weight 1) with an id not used yet;
    /// `entropy` comes from the caller.
    pub fn new_criterion(&self, entropy: u64) -> Criterion {
        Criterion {
            id: Id::fresh("crit", entropy, self.criteria().map(|(_, c)| &c.id)),
            text: "New criterion".into(),
            weight: 1.0,
        }
    }

    /// A new category ("New category", weight 1) with one new criterion.
    pub fn new_category(&self, entropy: u64) -> Category {
        Category {
            id: Id::fresh("cat", entropy, self.categories.iter().map(|c| &c.id)),
            name: "New category".into(),
            weight: 1.0,
            criteria: vec![self.new_criterion(entropy.rotate_left(17))],
        }
    }

    /// The ids of the categories, in order.
    pub fn category_ids(&self) -> Vec<Id> {
        self.categories.iter().map(|c| c.id.clone()).collect()
    }

    /// The gate of `category` for partners of `kind`.
    pub fn gate(&self, kind: PartnerType, category: &Id) -> Option<f64> {
        self.gates.get(&kind).and_then(|g| g.get(category)).copied()
    }

    /// The per-criterion floor of the gate of `category` for partners of
    /// `kind`; none without a gate.
    pub fn floor(&self, kind: PartnerType, category: &Id) -> Option<Score> {
        self.gate(kind, category)?;
        self.floors
            .get(&kind)
            .and_then(|f| f.get(category))
            .copied()
    }

    /// Everything that makes this scorecard unusable: negative or non-finite
    /// weights, weights summing to zero, thresholds outside 1–5, gates on
    /// unknown categories, duplicate ids.
    pub fn problems(&self) -> Vec<ConfigProblem> {
        use ScorecardField::*;
        let mut out = Vec::new();
        let mut push =
            |field: ScorecardField, message: String| out.push(ConfigProblem { field, message });
        let mut seen_cat = std::collections::BTreeSet::new();
        let mut seen_crit = std::collections::BTreeSet::new();
        for (ci, cat) in self.categories.iter().enumerate() {
            if !seen_cat.insert(&cat.id) {
                push(
                    CategoryId(ci),
                    format!("duplicate category id \"{}\"", cat.id),
                );
            }
            if let Some(m) = weight_problem(cat.weight) {
                push(CategoryWeight(ci), m);
            }
            for (ki, crit) in cat.criteria.iter().enumerate() {
                if !seen_crit.insert(&crit.id) {
                    push(
                        CriterionId(ci, ki),
                        format!("duplicate criterion id \"{}\"", crit.id),
                    );
                }
                if let Some(m) = weight_problem(crit.weight) {
                    push(CriterionWeight(ci, ki), m);
                }
            }
            if cat.criteria.is_empty() {
                push(
                    CategoryCriteria(ci),
                    format!("category \"{}\" has no criteria", cat.name),
                );
            } else if cat
                .criteria
                .iter()
                .all(|c| c.weight.is_finite() && c.weight >= 0.0)
                && cat.criteria.iter().map(|c| c.weight).sum::<f64>() <= 0.0
            {
                push(
                    CategoryCriteria(ci),
                    format!(
                        "the criteria weights of \"{}\" sum to zero: at least one must be above 0",
                        cat.name
                    ),
                );
            }
        }
        if self.categories.is_empty() {
            push(Categories, "the scorecard has no categories".into());
        } else if self
            .categories
            .iter()
            .all(|c| c.weight.is_finite() && c.weight >= 0.0)
            && self.categories.iter().map(|c| c.weight).sum::<f64>() <= 0.0
        {
            push(
                Categories,
                "the category weights sum to zero: at least one must be above 0".into(),
            );
        }
        for (kind, gates) in &self.gates {
            for (cat, t) in gates {
                let field = || Gate(*kind, cat.clone());
                if self.category(cat).is_none() {
                    push(field(), format!("gate on unknown category \"{cat}\""));
                }
                if !t.is_finite() || !GATE_RANGE.contains(t) {
                    push(
                        field(),
                        format!("threshold {} is outside 1–5", super::format_score(*t)),
                    );
                }
            }
        }
        out
    }
}

fn weight_problem(w: f64) -> Option<String> {
    if !w.is_finite() {
        Some("weight must be a number".into())
    } else if w < 0.0 {
        Some(format!(
            "weight {} is negative: weights are 0 or more",
            super::format_score(w)
        ))
    } else {
        None
    }
}
