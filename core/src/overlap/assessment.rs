//! Judging the overlap: the seed's healthy and risky signals, combined with
//! the overlap figures, give healthy / mixed / risky with reasons. The
//! assessment feeds the partner's verdict.

use super::figures::Figures;
use crate::vocabulary;

vocabulary! {
    /// A signal about how the partner's accounts overlap with ours.
    pub enum Signal ("overlap signal") {
        ComplementaryEntry = "complementary_entry" / "Complementary entry points (IT vs finance, ops vs security)",
        DifferentTiming = "different_timing" / "Different timing triggers (implementation project vs renewal risk)",
        NaturalBundling = "natural_bundling" / "Natural bundling (our product strengthens their offering)",
        Substitute = "substitute" / "They sell a substitute, not a complement",
        Discounting = "discounting" / "Both sides rely on discounting to win",
        ExtraOption = "extra_option" / "Their reps treat us as an \u{201c}extra option\u{201d}, not a core motion",
    }
}

impl Signal {
    pub fn healthy(self) -> bool {
        matches!(
            self,
            Signal::ComplementaryEntry | Signal::DifferentTiming | Signal::NaturalBundling
        )
    }
}

vocabulary! {
    /// The overall judgment.
    pub enum Assessment ("overlap assessment") {
        NotAssessed = "not_assessed" / "Not assessed",
        Healthy = "healthy" / "Healthy overlap",
        Mixed = "mixed" / "Mixed overlap",
        Risky = "risky" / "Risky overlap",
    }
}

/// Share of their accounts already ours above which risky signals mean
/// "same accounts, same pitch".
pub const HIGH_SHARED: f64 = 0.5;

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "0%".into()
    } else {
        format!("{:.0}%", part as f64 * 100.0 / whole as f64)
    }
}

/// Judge the overlap from the recorded signals and, when lists were mapped,
/// the figures. Returns the assessment and its reasons.
pub fn assess(signals: &[Signal], figures: Option<&Figures>) -> (Assessment, Vec<String>) {
    let healthy: Vec<Signal> = signals.iter().copied().filter(|s| s.healthy()).collect();
    let risky: Vec<Signal> = signals.iter().copied().filter(|s| !s.healthy()).collect();
    let mut reasons = Vec::new();
    let shared = figures.filter(|f| f.theirs() > 0).map(|f| {
        let share = f.shared() as f64 / f.theirs() as f64;
        reasons.push(format!(
            "{} of their {} are in our lists; {} are greenfield",
            percent(f.shared(), f.theirs()),
            crate::words::count(f.theirs(), "account", "accounts"),
            percent(f.theirs() - f.shared(), f.theirs())
        ));
        share
    });
    for s in &risky {
        reasons.push(format!("Risk: {}", s));
    }
    for s in &healthy {
        reasons.push(format!("Healthy: {}", s));
    }
    let a = if signals.is_empty() && shared.is_none() {
        Assessment::NotAssessed
    } else if risky.contains(&Signal::Substitute) {
        reasons.insert(
            0,
            "They sell a substitute: you would compete for the same budget with the same pitch"
                .into(),
        );
        Assessment::Risky
    } else if risky.len() >= 2 {
        Assessment::Risky
    } else if !risky.is_empty() && shared.is_some_and(|s| s >= HIGH_SHARED) {
        reasons.insert(
            0,
            "High overlap with a risky signal: same accounts, same pitch".into(),
        );
        Assessment::Risky
    } else if signals.is_empty() {
        reasons.push(
            "Overlap measured but not judged yet: record the healthy and risky signals".into(),
        );
        Assessment::Mixed
    } else if risky.is_empty() && !healthy.is_empty() {
        Assessment::Healthy
    } else {
        Assessment::Mixed
    };
    (a, reasons)
}

/// One named account of the pilot's account map (seed: start with 25).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MappedAccount {
    pub name: String,
    pub domain: String,
    pub relationships: String,
    pub initiatives: String,
    /// Who owns influence in the account.
    pub influence: String,
    /// Where the partner comes in (IT, finance, operations…).
    pub entry_point: String,
}

/// How many named accounts the seed says to start the map with.
pub const MAP_TARGET: usize = 25;

crate::vocabulary! {
    /// How a measurement's figures were computed.
    pub enum Method ("measurement method") {
        Matching = "matching" / "Matched in Partnerfit",
        Private = "private" / "Privately computed with the partner",
    }
}

/// The overlap as last measured (the lists it was measured from, how, and
/// when). Figures computed privately with the partner name no list of
/// theirs: their lists never reached this workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    pub date: crate::date::Date,
    pub method: Method,
    pub ours_lists: Vec<crate::id::Id>,
    pub theirs_lists: Vec<crate::id::Id>,
    pub figures: Figures,
}

/// A partner's overlap work: signals, decisions on matches, the account map,
/// and the last measurement.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartnerOverlap {
    pub signals: Vec<Signal>,
    pub notes: String,
    pub decisions: Vec<super::figures::MatchDecision>,
    pub mapped: Vec<MappedAccount>,
    pub measured: Option<Measured>,
}

impl PartnerOverlap {
    /// The assessment from the signals and the last measurement; figures
    /// computed privately with the partner say so in the reasons.
    pub fn assess(&self) -> (Assessment, Vec<String>) {
        let (a, mut reasons) = assess(&self.signals, self.measured.as_ref().map(|m| &m.figures));
        if let Some(m) = self.measured.as_ref() {
            if let Some(line) = method_reason(m) {
                reasons.push(line);
            }
        }
        (a, reasons)
    }
}

/// The reason line that says how a measurement's figures were computed,
/// when it is not the usual matching in Partnerfit.
pub fn method_reason(m: &Measured) -> Option<String> {
    match m.method {
        Method::Matching => None,
        Method::Private => Some(format!(
            "Figures privately computed with the partner on exact keys (no close spellings), measured {}",
            m.date
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Signal::*;

    fn fig(shared: usize, total: usize) -> Figures {
        Figures {
            cells: [[shared, 0, 0], [0; 3], [0; 3]],
            greenfield: [total - shared, 0, 0],
            theirs_total: [total, 0, 0],
            ours_total: [10, 0, 0],
            matches: shared,
            confirmed: 0,
        }
    }

    #[test]
    fn assessment_table() {
        let rows: Vec<(Vec<Signal>, Option<Figures>, Assessment)> = vec![
            (vec![], None, Assessment::NotAssessed),
            (vec![ComplementaryEntry], None, Assessment::Healthy),
            (
                vec![ComplementaryEntry, NaturalBundling],
                Some(fig(30, 100)),
                Assessment::Healthy,
            ),
            (
                vec![Substitute, ComplementaryEntry, NaturalBundling],
                None,
                Assessment::Risky,
            ),
            (vec![Discounting, ExtraOption], None, Assessment::Risky),
            (
                vec![Discounting, ComplementaryEntry],
                Some(fig(60, 100)),
                Assessment::Risky,
            ),
            (
                vec![Discounting, ComplementaryEntry],
                Some(fig(20, 100)),
                Assessment::Mixed,
            ),
            (vec![], Some(fig(20, 100)), Assessment::Mixed),
        ];
        for (signals, figures, expected) in rows {
            let (a, reasons) = assess(&signals, figures.as_ref());
            assert_eq!(a, expected, "{signals:?} {reasons:?}");
        }
        let (_, reasons) = assess(&[], Some(&fig(20, 80)));
        assert!(
            reasons[0].contains("25% of their 80 accounts are in our lists; 75% are greenfield"),
            "{reasons:?}"
        );
    }

    /// Rows: (signals, method, assessment, the reasons in full). The
    /// method never changes the judgment; private figures say so last.
    #[test]
    fn method_table() {
        let date = crate::date::Date::parse("2026-11-12").unwrap();
        let private = "Figures privately computed with the partner on exact keys (no close spellings), measured 2026-11-12";
        let shared = "25% of their 80 accounts are in our lists; 75% are greenfield";
        let rows: Vec<(Vec<Signal>, Method, Assessment, Vec<&str>)> = vec![
            (
                vec![ComplementaryEntry],
                Method::Matching,
                Assessment::Healthy,
                vec![
                    shared,
                    "Healthy: Complementary entry points (IT vs finance, ops vs security)",
                ],
            ),
            (
                vec![ComplementaryEntry],
                Method::Private,
                Assessment::Healthy,
                vec![
                    shared,
                    "Healthy: Complementary entry points (IT vs finance, ops vs security)",
                    private,
                ],
            ),
            (
                vec![],
                Method::Matching,
                Assessment::Mixed,
                vec![
                    shared,
                    "Overlap measured but not judged yet: record the healthy and risky signals",
                ],
            ),
            (
                vec![],
                Method::Private,
                Assessment::Mixed,
                vec![
                    shared,
                    "Overlap measured but not judged yet: record the healthy and risky signals",
                    private,
                ],
            ),
        ];
        for (signals, method, expected, expected_reasons) in rows {
            let overlap = PartnerOverlap {
                signals: signals.clone(),
                measured: Some(Measured {
                    date,
                    method,
                    ours_lists: vec![],
                    theirs_lists: vec![],
                    figures: fig(20, 80),
                }),
                ..Default::default()
            };
            let (a, reasons) = overlap.assess();
            assert_eq!(a, expected, "{signals:?} {method:?}");
            assert_eq!(reasons, expected_reasons, "{signals:?} {method:?}");
        }
        // Without a measurement there is no method to tell.
        let (a, reasons) = PartnerOverlap::default().assess();
        assert_eq!((a, reasons), (Assessment::NotAssessed, vec![]));
    }
}
