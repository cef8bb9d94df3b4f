//! Step 1 of the method: the ideal customer profile and its disqualifiers,
//! specific enough that a partner can apply it in a real conversation.

pub mod brief;

use crate::id::Id;
use crate::money::Money;
use crate::vocabulary;

/// An inclusive range where either end may be open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span<T> {
    pub min: Option<T>,
    pub max: Option<T>,
}

impl<T: Copy + PartialOrd> Span<T> {
    pub fn is_empty(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }
    /// True when both ends are set and min > max.
    pub fn is_inverted(&self) -> bool {
        matches!((self.min, self.max), (Some(a), Some(b)) if a > b)
    }
}

vocabulary! {
    /// A seat in the buying committee.
    pub enum BuyingRole ("buying role") {
        EconomicBuyer = "economic_buyer" / "Economic buyer",
        Champion = "champion" / "Champion",
        Security = "security" / "Security",
        Operations = "operations" / "Operations",
        Custom = "custom" / "Other role",
    }
}

/// One member of the buying committee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitteeMember {
    pub role: BuyingRole,
    /// Typical job title ("CFO", "Head of IT").
    pub title: String,
    pub notes: String,
}

vocabulary! {
    /// Kinds of "not a fit" rules.
    pub enum DisqualifierKind ("disqualifier kind") {
        BudgetFloor = "budget_floor" / "Budget floor",
        TechStack = "tech_stack" / "Tech-stack mismatch",
        ExcludedSegment = "excluded_segment" / "Excluded segment",
        Other = "other" / "Other disqualifier",
    }
}

/// One "not a fit" rule. Partners whose book of business hits it are flagged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disqualifier {
    pub id: Id,
    pub kind: DisqualifierKind,
    pub text: String,
    /// For a budget floor: the minimum annual budget.
    pub amount: Option<Money>,
}

vocabulary! {
    /// Whether a worked example is a good fit or not.
    pub enum ExampleFit ("example fit") {
        Good = "good" / "Good fit",
        NotAFit = "not_a_fit" / "Not a fit",
    }
}

/// A worked example company attached to the ICP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub name: String,
    pub fit: ExampleFit,
    pub why: String,
}

/// The ideal customer profile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Icp {
    pub industries: Vec<String>,
    pub sub_verticals: Vec<String>,
    pub employees: Span<u32>,
    pub annual_revenue: Span<Money>,
    pub pain_triggers: Vec<String>,
    pub committee: Vec<CommitteeMember>,
    pub disqualifiers: Vec<Disqualifier>,
    pub examples: Vec<Example>,
}

/// Something the ICP still lacks, with the reason it matters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// Which part of the ICP ("industries", "disqualifiers"…).
    pub part: &'static str,
    pub message: &'static str,
}

impl Icp {
    /// What is missing for partners to apply this ICP in a real conversation.
    pub fn gaps(&self) -> Vec<Gap> {
        let nonblank = |v: &[String]| v.iter().any(|s| !s.trim().is_empty());
        let mut gaps = Vec::new();
        let mut gap = |part, message| gaps.push(Gap { part, message });
        if !nonblank(&self.industries) {
            gap(
                "industries",
                "No industry yet: partners cannot tell which verticals to bring.",
            );
        }
        if self.employees.is_empty() && self.annual_revenue.is_empty() {
            gap(
                "size",
                "No company size range yet: partners will send accounts of any size.",
            );
        }
        if !nonblank(&self.pain_triggers) {
            gap(
                "pain_triggers",
                "No pain trigger yet: partners cannot tell when a buying decision is forced.",
            );
        }
        let has_role = |r: BuyingRole| self.committee.iter().any(|m| m.role == r);
        if !has_role(BuyingRole::EconomicBuyer) {
            gap(
                "committee",
                "No economic buyer in the buying committee: who signs is unknown.",
            );
        }
        if !has_role(BuyingRole::Champion) {
            gap(
                "committee",
                "No champion in the buying committee: nobody carries the deal inside.",
            );
        }
        if self.disqualifiers.is_empty() {
            gap(
                "disqualifiers",
                "No disqualifiers yet — partners will send anything that gets them paid.",
            );
        } else if !self
            .disqualifiers
            .iter()
            .any(|d| d.kind == DisqualifierKind::BudgetFloor)
        {
            gap(
                "disqualifiers",
                "No budget floor: deals too small to be worth it will reach your team.",
            );
        }
        if !self.examples.iter().any(|e| e.fit == ExampleFit::Good) {
            gap(
                "examples",
                "No good-fit example: partners learn fastest from a named company.",
            );
        }
        if !self.examples.iter().any(|e| e.fit == ExampleFit::NotAFit) {
            gap(
                "examples",
                "No not-a-fit example: show partners what to reject.",
            );
        }
        gaps
    }

    pub fn disqualifier(&self, id: &Id) -> Option<&Disqualifier> {
        self.disqualifiers.iter().find(|d| &d.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(icp: &Icp, expected_parts: &[&str]) {
        let parts: Vec<&str> = icp.gaps().iter().map(|g| g.part).collect();
        assert_eq!(parts, expected_parts);
    }

    #[test]
    fn empty_icp_lists_every_gap() {
        check(
            &Icp::default(),
            &[
                "industries",
                "size",
                "pain_triggers",
                "committee",
                "committee",
                "disqualifiers",
                "examples",
                "examples",
            ],
        );
        let gaps = Icp::default().gaps();
        assert!(gaps.iter().any(|g| g
            .message
            .contains("partners will send anything that gets them paid")));
    }

    #[test]
    fn complete_icp_has_no_gap() {
        let icp = Icp {
            industries: vec!["Logistics".into()],
            sub_verticals: vec![],
            employees: Span {
                min: Some(50),
                max: Some(500),
            },
            annual_revenue: Span::default(),
            pain_triggers: vec!["Audit finding".into()],
            committee: vec![
                CommitteeMember {
                    role: BuyingRole::EconomicBuyer,
                    title: "CFO".into(),
                    notes: String::new(),
                },
                CommitteeMember {
                    role: BuyingRole::Champion,
                    title: "Controller".into(),
                    notes: String::new(),
                },
            ],
            disqualifiers: vec![Disqualifier {
                id: Id::parse("dq-1").unwrap(),
                kind: DisqualifierKind::BudgetFloor,
                text: "Under 10k a year".into(),
                amount: Some(Money(1_000_000)),
            }],
            examples: vec![
                Example {
                    name: "A".into(),
                    fit: ExampleFit::Good,
                    why: String::new(),
                },
                Example {
                    name: "B".into(),
                    fit: ExampleFit::NotAFit,
                    why: String::new(),
                },
            ],
        };
        check(&icp, &[]);
    }
}
