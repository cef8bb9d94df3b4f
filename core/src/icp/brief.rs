//! The one-page ICP brief partners receive, as text blocks: who we want
//! them to bring, and who not. Nothing internal goes in it. The web page
//! renders it; invitations carry it to partners.

use serde::{Deserialize, Serialize};

use super::{Disqualifier, DisqualifierKind, ExampleFit, Icp, Span};
use crate::money::{group_digits, Currency, Money};
use crate::profile::CompanyProfile;
use crate::vocab::Vocabulary as _;

/// The brief as text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IcpBrief {
    pub company: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
    /// "100–1,000 employees; 10,000,000 EUR+ annual revenue".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub size: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub industries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pain_triggers: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub committee: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_a_fit: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub good_examples: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bad_examples: Vec<String>,
}

fn span_text(min: Option<String>, max: Option<String>, unit: &str) -> Option<String> {
    match (min, max) {
        (Some(a), Some(b)) => Some(format!("{a}–{b} {unit}")),
        (Some(a), None) => Some(format!("{a}+ {unit}")),
        (None, Some(b)) => Some(format!("up to {b} {unit}")),
        (None, None) => None,
    }
}

fn size_text(employees: &Span<u32>, revenue: &Span<Money>, currency: Currency) -> String {
    let emp = span_text(
        employees.min.map(|v| group_digits(v.into())),
        employees.max.map(|v| group_digits(v.into())),
        "employees",
    );
    // Whole units: a revenue band is not stated to the cent.
    let rev = span_text(
        revenue.min.map(|m| m.display_whole(currency)),
        revenue.max.map(|m| m.display_whole(currency)),
        "annual revenue",
    );
    [emp, rev]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("; ")
}

/// A disqualifier as the brief states it: "Budget floor (15,000 EUR a
/// year): Under 15k for AP automation" — a budget floor's amount in whole
/// units, stated even when the text is blank; another kind needs its text.
fn not_a_fit(d: &Disqualifier, currency: Currency) -> Option<String> {
    let text = d.text.trim();
    let amount = d
        .amount
        .filter(|_| d.kind == DisqualifierKind::BudgetFloor)
        .map(|m| format!("{} a year", m.display_whole(currency)));
    match (amount, text.is_empty()) {
        (Some(a), true) => Some(format!("{}: under {a}", d.kind.label())),
        (Some(a), false) => Some(format!("{} ({a}): {text}", d.kind.label())),
        (None, true) => None,
        (None, false) => Some(format!("{}: {text}", d.kind.label())),
    }
}

/// Lay out the brief from our profile and ICP.
pub fn brief(profile: &CompanyProfile, icp: &Icp) -> IcpBrief {
    let clean = |items: &[String]| -> Vec<String> {
        items
            .iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let mut industries = clean(&icp.industries);
    let subs = clean(&icp.sub_verticals);
    if !subs.is_empty() {
        industries.push(format!("Especially: {}", subs.join(", ")));
    }
    let examples = |fit: ExampleFit| -> Vec<String> {
        icp.examples
            .iter()
            .filter(|e| e.fit == fit && !e.name.trim().is_empty())
            .map(|e| {
                if e.why.trim().is_empty() {
                    e.name.trim().to_owned()
                } else {
                    format!("{} — {}", e.name.trim(), e.why.trim())
                }
            })
            .collect()
    };
    IcpBrief {
        company: if profile.name.trim().is_empty() {
            "Our company".to_owned()
        } else {
            profile.name.trim().to_owned()
        },
        website: profile.website.trim().to_owned(),
        size: size_text(&icp.employees, &icp.annual_revenue, profile.currency),
        industries,
        pain_triggers: clean(&icp.pain_triggers),
        committee: icp
            .committee
            .iter()
            .map(|m| {
                let title = if m.title.trim().is_empty() {
                    String::new()
                } else {
                    format!(": {}", m.title.trim())
                };
                let notes = if m.notes.trim().is_empty() {
                    String::new()
                } else {
                    format!(" — {}", m.notes.trim())
                };
                format!("{}{title}{notes}", m.role.label())
            })
            .collect(),
        not_a_fit: icp
            .disqualifiers
            .iter()
            .filter_map(|d| not_a_fit(d, profile.currency))
            .collect(),
        good_examples: examples(ExampleFit::Good),
        bad_examples: examples(ExampleFit::NotAFit),
    }
}

impl IcpBrief {
    /// Titled sections in display order, empty ones left out.
    pub fn sections(&self) -> Vec<(&'static str, &[String])> {
        [
            ("Industries", self.industries.as_slice()),
            ("When they buy (pain triggers)", &self.pain_triggers),
            ("Buying committee", &self.committee),
            ("Not a fit — please do not send", &self.not_a_fit),
            ("Good-fit examples", &self.good_examples),
            ("Not-a-fit examples", &self.bad_examples),
        ]
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_brief_reads_as_the_page_shows_it() {
        let ws = crate::demo::demo();
        let b = brief(&ws.profile, &ws.icp);
        assert_eq!(b.company, "Ledgerline");
        assert_eq!(
            b.size,
            "100–1,000 employees; 20,000,000 EUR–500,000,000 EUR annual revenue"
        );
        assert!(b
            .sections()
            .iter()
            .any(|(t, _)| *t == "Not a fit — please do not send"));
        assert_eq!(
            b.not_a_fit[0],
            "Budget floor (15,000 EUR a year): Annual budget under 15,000 EUR for AP automation"
        );
    }

    /// Rows: (kind, text, amount in minor units, line in the brief).
    #[test]
    fn a_budget_floor_states_its_amount() {
        use crate::id::Id;
        for (kind, text, amount, expected) in [
            (
                DisqualifierKind::BudgetFloor,
                "Too small for us",
                Some(1_500_000),
                Some("Budget floor (15,000 EUR a year): Too small for us"),
            ),
            (
                DisqualifierKind::BudgetFloor,
                " ",
                Some(1_500_050),
                Some("Budget floor: under 15,001 EUR a year"),
            ),
            (
                DisqualifierKind::BudgetFloor,
                "No budget this year",
                None,
                Some("Budget floor: No budget this year"),
            ),
            (DisqualifierKind::BudgetFloor, "", None, None),
            (
                DisqualifierKind::TechStack,
                "On SAP R/3",
                None,
                Some("Tech-stack mismatch: On SAP R/3"),
            ),
        ] {
            let d = Disqualifier {
                id: Id::parse("dq-1").unwrap(),
                kind,
                text: text.into(),
                amount: amount.map(Money),
            };
            assert_eq!(
                not_a_fit(&d, Currency::EUR).as_deref(),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn open_size_bands_say_so() {
        let eur = Currency::EUR;
        for (emp, rev, expected) in [
            ((Some(50), None), (None, None), "50+ employees"),
            ((None, Some(200)), (None, None), "up to 200 employees"),
            (
                (None, None),
                (Some(100_000_000), None),
                "1,000,000 EUR+ annual revenue",
            ),
            ((None, None), (None, None), ""),
        ] {
            let employees = Span {
                min: emp.0,
                max: emp.1,
            };
            let revenue = Span {
                min: rev.0.map(Money),
                max: rev.1.map(Money),
            };
            assert_eq!(size_text(&employees, &revenue, eur), expected);
        }
    }
}
