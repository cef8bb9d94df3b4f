//! The partner selection framework scorecard: scoring, gates, verdicts,
//! ranking and sensitivity. Everything here is a pure function of a workspace.

pub mod config;
pub mod fields;
pub mod rank;
pub mod report;
pub mod score;
pub mod sensitivity;
pub mod verdict;

pub use config::{Category, ConfigProblem, Criterion, Gates, Scorecard};
pub use fields::ScorecardField;
pub use rank::{rank, RankEntry, TieBreak, TieNote};
pub use score::{CategoryScore, GateState};
pub use sensitivity::{sensitivity, RatingMove, Sensitivity};
pub use verdict::{evaluate, evaluate_all, Evaluation, Reason, Verdict, Warning};

/// Two scores closer than this are equal (they are means of small integers).
pub(crate) const EPS: f64 = 1e-9;

/// A score or threshold for people: at most two decimals, no trailing zeros
/// ("4", "3.5", "3.33").
pub fn format_score(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_owned()
    }
}

/// A relative change ("20%") for people.
pub fn format_percent(fraction: f64) -> String {
    format!("{:.0}%", fraction * 100.0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn format_score_trims() {
        for (x, s) in [(4.0, "4"), (3.5, "3.5"), (10.0 / 3.0, "3.33"), (0.0, "0")] {
            assert_eq!(super::format_score(x), s);
        }
    }
}
