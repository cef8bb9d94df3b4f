//! Category scores and the weighted total.
//!
//! A category score is the weighted mean of its *rated* criteria. Unrated
//! criteria do not count as zero: they make the score uncertain. To judge a
//! gate anyway we also compute the worst case (every unrated criterion at 1)
//! and the best case (every unrated criterion at 5).

use std::collections::BTreeMap;

use super::config::{Category, Scorecard};
use super::EPS;
use crate::id::Id;
use crate::partner::{PartnerType, Rating};

/// How a category stands against its gate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GateState {
    /// No gate for this partner type.
    NoGate,
    /// Meets the gate (for sure, even if some criteria are unrated).
    Passed,
    /// Below the gate (for sure, even if every unrated criterion scored 5).
    Failed,
    /// Unrated criteria decide it.
    Undetermined,
}

/// One category's score for one partner.
#[derive(Clone, Debug, PartialEq)]
pub struct CategoryScore {
    pub id: Id,
    pub name: String,
    /// Weighted mean of the rated criteria; `None` when none is rated.
    pub mean: Option<f64>,
    /// The mean if every unrated criterion scored 1.
    pub worst: f64,
    /// The mean if every unrated criterion scored 5.
    pub best: f64,
    pub rated: usize,
    /// Unrated criteria, in scorecard order.
    pub unrated: Vec<Id>,
    pub gate: Option<f64>,
    pub state: GateState,
}

/// Weights as used in computations: negative or non-finite ones count as 0,
/// and all count as 1 when they sum to zero, so a score is always defined and
/// stays within 1–5.
pub(crate) fn effective_weights(raw: impl Iterator<Item = f64>) -> Vec<f64> {
    let w: Vec<f64> = raw
        .map(|w| if w.is_finite() && w > 0.0 { w } else { 0.0 })
        .collect();
    if w.iter().sum::<f64>() > 0.0 {
        w
    } else {
        vec![1.0; w.len()]
    }
}

/// Weighted mean of `(weight, value)` pairs; `None` when the weights sum to 0.
fn mean(pairs: impl Iterator<Item = (f64, f64)>) -> Option<f64> {
    let (mut sw, mut sv) = (0.0, 0.0);
    for (w, v) in pairs {
        sw += w;
        sv += w * v;
    }
    (sw > 0.0).then(|| sv / sw)
}

/// Where a category stands against `gate` given its rated mean, worst and
/// best cases; `complete` when no criterion is unrated.
pub(crate) fn gate_state(
    gate: Option<f64>,
    complete: bool,
    rated_mean: Option<f64>,
    worst: f64,
    best: f64,
) -> GateState {
    match gate {
        None => GateState::NoGate,
        // Fully rated: the rated mean is the score (or, if every rated weight
        // is zero, the equal-weight fallback in `worst`).
        Some(t) if complete => {
            if rated_mean.unwrap_or(worst) + EPS >= t {
                GateState::Passed
            } else {
                GateState::Failed
            }
        }
        Some(t) if best + EPS < t => GateState::Failed,
        Some(t) if worst + EPS >= t => GateState::Passed,
        Some(_) => GateState::Undetermined,
    }
}

/// Score one category from a partner's ratings.
pub fn category_score(
    cat: &Category,
    ratings: &BTreeMap<Id, Rating>,
    gate: Option<f64>,
) -> CategoryScore {
    let w = effective_weights(cat.criteria.iter().map(|c| c.weight));
    let values: Vec<Option<f64>> = cat
        .criteria
        .iter()
        .map(|c| ratings.get(&c.id).map(|r| f64::from(r.score.get())))
        .collect();
    let rated_mean = mean(
        w.iter()
            .zip(&values)
            .filter_map(|(w, v)| v.map(|v| (*w, v))),
    );
    let with_unrated_at = |fill: f64| {
        mean(w.iter().zip(&values).map(|(w, v)| (*w, v.unwrap_or(fill)))).unwrap_or(fill)
    };
    let worst = with_unrated_at(1.0);
    let best = with_unrated_at(5.0);
    let unrated: Vec<Id> = cat
        .criteria
        .iter()
        .zip(&values)
        .filter(|(_, v)| v.is_none())
        .map(|(c, _)| c.id.clone())
        .collect();
    let rated = cat.criteria.len() - unrated.len();
    let state = gate_state(gate, unrated.is_empty(), rated_mean, worst, best);
    CategoryScore {
        id: cat.id.clone(),
        name: cat.name.clone(),
        mean: rated_mean,
        worst,
        best,
        rated,
        unrated,
        gate,
        state,
    }
}

/// Score every category of the scorecard for a partner of `kind`.
pub fn category_scores(
    card: &Scorecard,
    kind: PartnerType,
    ratings: &BTreeMap<Id, Rating>,
) -> Vec<CategoryScore> {
    card.categories
        .iter()
        .map(|cat| category_score(cat, ratings, card.gate(kind, &cat.id)))
        .collect()
}

/// The weighted total over the categories that have a score; `None` when
/// nothing is rated. Always within 1–5.
pub fn total(card: &Scorecard, scores: &[CategoryScore]) -> Option<f64> {
    let w = effective_weights(card.categories.iter().map(|c| c.weight));
    mean(w.iter().zip(scores).filter_map(|(w, s)| s.mean.map(|m| (*w, m))))
}
