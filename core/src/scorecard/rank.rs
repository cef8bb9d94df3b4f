//! Ranking by weighted score, with ties broken by stated rules and explained.
//!
//! Order: weighted total (unscored last), then verdict (onboard before needs
//! evidence before do not onboard), then the mean of the partner's gated
//! categories, then how many criteria are rated, then name.

use std::cmp::Ordering;

use super::score::GateState;
use super::verdict::{Evaluation, Verdict};
use super::{format_score, EPS};
use crate::id::Id;
use crate::vocab::Vocabulary;

/// The rule that separated two partners with the same total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TieBreak {
    Verdict,
    GatedMean,
    RatedCount,
    Name,
}

/// Why a partner sits where it does among partners with the same total.
#[derive(Clone, Debug, PartialEq)]
pub struct TieNote {
    /// The partner it is tied with (the one just below, or just above for the last of a group).
    pub with: Id,
    pub with_name: String,
    /// True when this partner is placed above `with`.
    pub above: bool,
    pub decided_by: TieBreak,
    /// The compared values, e.g. "Onboard to pilot vs Needs evidence".
    pub detail: String,
    pub total: Option<f64>,
}

impl std::fmt::Display for TieNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.total {
            Some(t) => write!(f, "Tied at {} with {}", format_score(t), self.with_name)?,
            None => write!(f, "Unscored, like {}", self.with_name)?,
        }
        let rule = match self.decided_by {
            TieBreak::Verdict => "on verdict",
            TieBreak::GatedMean => "on the mean of its gated categories",
            TieBreak::RatedCount => "on the number of rated criteria",
            TieBreak::Name => "by name, as nothing else separates them",
        };
        let side = if self.above { "above" } else { "below" };
        write!(f, "; placed {side} {rule} ({})", self.detail)
    }
}

/// One row of the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct RankEntry {
    pub partner: Id,
    /// 1-based position.
    pub position: usize,
    pub total: Option<f64>,
    pub verdict: Verdict,
    pub tie: Option<TieNote>,
}

fn verdict_order(v: Verdict) -> usize {
    Verdict::ALL.iter().position(|x| *x == v).unwrap_or(usize::MAX)
}

fn gated_mean(e: &Evaluation) -> Option<f64> {
    let scores: Vec<f64> = e
        .categories
        .iter()
        .filter(|c| c.state != GateState::NoGate)
        .filter_map(|c| c.mean)
        .collect();
    (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
}

fn cmp_desc(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) if (x - y).abs() < EPS => Ordering::Equal,
        (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn opt(x: Option<f64>) -> String {
    x.map(format_score).unwrap_or_else(|| "none".into())
}

/// Compare two evaluations after their totals: the order, the rule that
/// decided it, and the two compared values (a's, then b's).
fn tie_break(a: &Evaluation, b: &Evaluation) -> (Ordering, TieBreak, String, String) {
    let v = verdict_order(a.verdict).cmp(&verdict_order(b.verdict));
    if v != Ordering::Equal {
        return (v, TieBreak::Verdict, a.verdict.to_string(), b.verdict.to_string());
    }
    let (ga, gb) = (gated_mean(a), gated_mean(b));
    let g = cmp_desc(ga, gb);
    if g != Ordering::Equal {
        return (g, TieBreak::GatedMean, opt(ga), opt(gb));
    }
    let (ra, rb) = (a.rated_count().0, b.rated_count().0);
    if ra != rb {
        return (rb.cmp(&ra), TieBreak::RatedCount, ra.to_string(), rb.to_string());
    }
    let n = a
        .name
        .to_lowercase()
        .cmp(&b.name.to_lowercase())
        .then_with(|| a.partner.cmp(&b.partner));
    (n, TieBreak::Name, a.name.clone(), b.name.clone())
}

fn same_total(a: &Evaluation, b: &Evaluation) -> bool {
    cmp_desc(a.total, b.total) == Ordering::Equal
}

/// Rank evaluations. Positions are 1-based and unique; partners with the same
/// total carry a [`TieNote`] naming the rule that separated them.
pub fn rank(evals: &[Evaluation]) -> Vec<RankEntry> {
    let mut order: Vec<&Evaluation> = evals.iter().collect();
    order.sort_by(|a, b| cmp_desc(a.total, b.total).then_with(|| tie_break(a, b).0));
    let mut out = Vec::with_capacity(order.len());
    for (i, e) in order.iter().enumerate() {
        let below = order.get(i + 1).copied().filter(|n| same_total(e, n));
        let above = i.checked_sub(1).map(|j| order[j]).filter(|n| same_total(e, n));
        let tie = below.map(|n| (n, true)).or(above.map(|n| (n, false))).map(|(n, is_above)| {
            // Compared in ranking order, told from this partner's side.
            let (rule, mine, theirs) = if is_above {
                let (_, rule, mine, theirs) = tie_break(e, n);
                (rule, mine, theirs)
            } else {
                let (_, rule, theirs, mine) = tie_break(n, e);
                (rule, mine, theirs)
            };
            let detail = format!("{mine} vs {theirs}");
            TieNote {
                with: n.partner.clone(),
                with_name: n.name.clone(),
                above: is_above,
                decided_by: rule,
                detail,
                total: e.total,
            }
        });
        out.push(RankEntry {
            partner: e.partner.clone(),
            position: i + 1,
            total: e.total,
            verdict: e.verdict,
            tie,
        });
    }
    out
}
