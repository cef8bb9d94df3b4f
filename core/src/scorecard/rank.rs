//! Ranking by weighted score, with ties broken by stated rules and explained.
//!
//! Gates are minimums, not weights: every partner that passes its gates (or
//! whose gates unrated criteria still decide) ranks above every partner that
//! fails one, whatever their weighted totals. A high total cannot buy back a
//! failed gate.
//!
//! Order: failing a gate (no before yes), then weighted total (unscored last),
//! then verdict (onboard before needs evidence before do not onboard), then
//! the mean of the partner's gated categories, then how many criteria are
//! rated, then name. Tie notes speak of partners with the same total on the
//! same side of the gates.

use std::cmp::Ordering;
use std::sync::Arc;

use super::score::GateState;
use super::verdict::{Evaluation, Verdict};
use super::{format_score, EPS};
use crate::id::Id;
use crate::vocab::Vocabulary;

/// The rule that separated two partners with the same total, with the two
/// compared values (this partner's first).
#[derive(Clone, Debug, PartialEq)]
pub enum TieBreak {
    Verdict(Verdict, Verdict),
    GatedMean(Option<f64>, Option<f64>),
    RatedCount(usize, usize),
    Name(Arc<str>, Arc<str>),
}

impl TieBreak {
    fn swapped(self) -> TieBreak {
        match self {
            TieBreak::Verdict(a, b) => TieBreak::Verdict(b, a),
            TieBreak::GatedMean(a, b) => TieBreak::GatedMean(b, a),
            TieBreak::RatedCount(a, b) => TieBreak::RatedCount(b, a),
            TieBreak::Name(a, b) => TieBreak::Name(b, a),
        }
    }
}

/// Why a partner sits where it does among partners with the same total.
#[derive(Clone, Debug, PartialEq)]
pub struct TieNote {
    /// The partner it is tied with (the one just below, or just above for the last of a group).
    pub with: Id,
    pub with_name: Arc<str>,
    /// True when this partner is placed above `with`.
    pub above: bool,
    pub decided_by: TieBreak,
    pub total: Option<f64>,
}

fn opt(x: Option<f64>) -> String {
    x.map(format_score).unwrap_or_else(|| "none".into())
}

impl std::fmt::Display for TieNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.total {
            Some(t) => write!(f, "Tied at {} with {}", format_score(t), self.with_name)?,
            None => write!(f, "Unscored, like {}", self.with_name)?,
        }
        let side = if self.above { "above" } else { "below" };
        match &self.decided_by {
            TieBreak::Verdict(a, b) => write!(f, "; placed {side} on verdict ({a} vs {b})"),
            TieBreak::GatedMean(a, b) => write!(
                f,
                "; placed {side} on the mean of its gated categories ({} vs {})",
                opt(*a),
                opt(*b)
            ),
            TieBreak::RatedCount(a, b) => {
                write!(
                    f,
                    "; placed {side} on the number of rated criteria ({a} vs {b})"
                )
            }
            TieBreak::Name(a, b) => write!(
                f,
                "; placed {side} by name, as nothing else separates them ({a} vs {b})"
            ),
        }
    }
}

/// One row of the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct RankEntry {
    pub partner: Id,
    /// Index of the partner's evaluation in the slice given to [`rank`].
    pub evaluation: usize,
    /// 1-based position.
    pub position: usize,
    pub total: Option<f64>,
    pub verdict: Verdict,
    /// The partner fails at least one gate: it ranks below every partner that does not.
    pub fails_gate: bool,
    pub tie: Option<TieNote>,
}

fn verdict_order(v: Verdict) -> usize {
    Verdict::ALL
        .iter()
        .position(|x| *x == v)
        .unwrap_or(usize::MAX)
}

fn gated_mean(e: &Evaluation) -> Option<f64> {
    let (sum, n) = e
        .categories
        .iter()
        .filter(|c| c.state != GateState::NoGate)
        .filter_map(|c| c.mean)
        .fold((0.0, 0usize), |(s, n), m| (s + m, n + 1));
    (n > 0).then(|| sum / n as f64)
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

/// The sort key of one evaluation, computed once.
struct Key {
    fails_gate: bool,
    total: Option<f64>,
    verdict: usize,
    gated: Option<f64>,
    rated: usize,
    name: String,
}

impl Key {
    fn of(e: &Evaluation) -> Key {
        Key {
            fails_gate: e.fails_gate(),
            total: e.total,
            verdict: verdict_order(e.verdict),
            gated: gated_mean(e),
            rated: e.rated_count().0,
            name: e.name.to_lowercase(),
        }
    }

    /// Order after the total, and the rule that decided it (values of self, then other).
    fn tie_break(&self, other: &Key, a: &Evaluation, b: &Evaluation) -> (Ordering, TieBreak) {
        let v = self.verdict.cmp(&other.verdict);
        if v != Ordering::Equal {
            return (v, TieBreak::Verdict(a.verdict, b.verdict));
        }
        let g = cmp_desc(self.gated, other.gated);
        if g != Ordering::Equal {
            return (g, TieBreak::GatedMean(self.gated, other.gated));
        }
        if self.rated != other.rated {
            return (
                other.rated.cmp(&self.rated),
                TieBreak::RatedCount(self.rated, other.rated),
            );
        }
        let n = self
            .name
            .cmp(&other.name)
            .then_with(|| a.partner.cmp(&b.partner));
        (n, TieBreak::Name(a.name.clone(), b.name.clone()))
    }

    fn cmp(&self, other: &Key) -> Ordering {
        self.fails_gate
            .cmp(&other.fails_gate)
            .then_with(|| cmp_desc(self.total, other.total))
            .then(self.verdict.cmp(&other.verdict))
            .then_with(|| cmp_desc(self.gated, other.gated))
            .then(other.rated.cmp(&self.rated))
            .then_with(|| self.name.cmp(&other.name))
    }
}

/// Rank evaluations of the partners in the running (not exited): those that
/// fail a gate last. Positions are 1-based and unique; partners with the same
/// total (and on the same side of the gates) carry a [`TieNote`] naming the rule that separated them.
pub fn rank(evals: &[Evaluation]) -> Vec<RankEntry> {
    let keys: Vec<Key> = evals.iter().map(Key::of).collect();
    // Partners that exited are evaluated but leave the ranking of candidates.
    let mut idx: Vec<usize> = (0..evals.len())
        .filter(|&i| evals[i].in_the_running)
        .collect();
    idx.sort_by(|&a, &b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| evals[a].partner.cmp(&evals[b].partner))
    });
    let same_total = |a: usize, b: usize| {
        keys[a].fails_gate == keys[b].fails_gate
            && cmp_desc(keys[a].total, keys[b].total) == Ordering::Equal
    };
    idx.iter()
        .enumerate()
        .map(|(pos, &i)| {
            let e = &evals[i];
            let below = idx.get(pos + 1).copied().filter(|&n| same_total(i, n));
            let above = pos
                .checked_sub(1)
                .map(|p| idx[p])
                .filter(|&n| same_total(i, n));
            let tie =
                below
                    .map(|n| (n, true))
                    .or(above.map(|n| (n, false)))
                    .map(|(n, is_above)| {
                        // Compared in ranking order, told from this partner's side.
                        let decided_by = if is_above {
                            keys[i].tie_break(&keys[n], e, &evals[n]).1
                        } else {
                            keys[n].tie_break(&keys[i], &evals[n], e).1.swapped()
                        };
                        TieNote {
                            with: evals[n].partner.clone(),
                            with_name: evals[n].name.clone(),
                            above: is_above,
                            decided_by,
                            total: e.total,
                        }
                    });
            RankEntry {
                partner: e.partner.clone(),
                evaluation: i,
                position: pos + 1,
                total: e.total,
                verdict: e.verdict,
                fails_gate: keys[i].fails_gate,
                tie,
            }
        })
        .collect()
}
