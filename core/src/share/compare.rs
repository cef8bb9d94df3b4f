//! Their self-assessment beside our scorecard: per criterion, their rating,
//! ours, and the gap in words when it is large enough to discuss.

use super::records::ReceivedResponse;
use crate::partner::Partner;
use crate::scorecard::config::Scorecard;
use crate::Id;

/// A gap of this many points or more is called out.
pub const NOTABLE_GAP: i8 = 2;

/// One criterion compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub criterion: Id,
    pub category: String,
    pub text: String,
    pub ours: Option<u8>,
    pub theirs: Option<u8>,
    pub their_evidence: String,
    /// theirs − ours, when both rated.
    pub gap: Option<i8>,
}

impl Row {
    /// "They rate “Deal registration discipline” 5, we rate it 2." for a
    /// notable gap.
    pub fn gap_text(&self) -> Option<String> {
        let gap = self.gap?;
        if gap.abs() < NOTABLE_GAP {
            return None;
        }
        Some(format!(
            "They rate \u{201c}{}\u{201d} {}, we rate it {}.",
            self.text, self.theirs?, self.ours?
        ))
    }
}

/// Compare a response with our current ratings of `partner`, in scorecard
/// order. Criteria the response did not rate are included (theirs = None);
/// ratings for criteria no longer in the scorecard are left out.
pub fn compare(scorecard: &Scorecard, partner: &Partner, response: &ReceivedResponse) -> Vec<Row> {
    scorecard
        .categories
        .iter()
        .flat_map(|c| c.criteria.iter().map(move |q| (c, q)))
        .map(|(c, q)| {
            let ours = partner.ratings.get(&q.id).map(|r| r.score.get());
            let theirs = response.ratings.get(&q.id);
            let their_score = theirs.map(|r| r.score.get());
            Row {
                criterion: q.id.clone(),
                category: c.name.clone(),
                text: q.text.clone(),
                ours,
                theirs: their_score,
                their_evidence: theirs.map(|r| r.evidence.clone()).unwrap_or_default(),
                gap: match (their_score, ours) {
                    (Some(t), Some(o)) => Some(t as i8 - o as i8),
                    _ => None,
                },
            }
        })
        .collect()
}

/// The rows whose gap is notable, largest first.
pub fn notable(rows: &[Row]) -> Vec<&Row> {
    let mut out: Vec<&Row> = rows.iter().filter(|r| r.gap_text().is_some()).collect();
    out.sort_by_key(|r| std::cmp::Reverse(r.gap.map(i8::abs)));
    out
}
