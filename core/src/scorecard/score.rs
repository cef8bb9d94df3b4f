//! Category scores and the weighted total.
//!
//! A category score is the weighted mean of its *rated* criteria. Unrated
//! criteria do not count as zero: they make the score uncertain. To judge a
//! gate anyway we also compute the worst case (every unrated criterion at 1)
//! and the best case (every unrated criterion at 5).
//!
//! A gate may carry a per-criterion floor: it then also fails when any one
//! rated criterion of the category is below the floor, whatever the mean
//! (a 5 does not make up for a 1). Unrated criteria keep such a gate
//! undetermined, as any of them could still be rated below the floor (unless
//! the floor is 1). The category's [`GateState`] is the worse of the two:
//! failed if either fails, undetermined if either is, passed otherwise.

use std::collections::BTreeMap;
use std::sync::Arc;

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
    pub name: Arc<str>,
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
    /// The gate's per-criterion floor, if it has one.
    pub floor: Option<u8>,
    /// Rated criteria below the floor, in scorecard order.
    pub below_floor: Vec<Id>,
    /// The mean against the gate, alone.
    pub mean_state: GateState,
    /// The floor alone (`NoGate` without a floor).
    pub floor_state: GateState,
    /// Both: what the verdict and the ranking use.
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

/// Where a category stands against a per-criterion `floor`, with `below`
/// rated criteria under it and `unrated` criteria not rated yet.
pub(crate) fn floor_state(floor: Option<u8>, below: usize, unrated: usize) -> GateState {
    match floor {
        None => GateState::NoGate,
        Some(_) if below > 0 => GateState::Failed,
        Some(f) if unrated > 0 && f > 1 => GateState::Undetermined,
        Some(_) => GateState::Passed,
    }
}

/// The worse of a mean's and a floor's gate states.
pub(crate) fn combine(mean: GateState, floor: GateState) -> GateState {
    use GateState::*;
    match (mean, floor) {
        (Failed, _) | (_, Failed) => Failed,
        (Undetermined, _) | (_, Undetermined) => Undetermined,
        (NoGate, x) | (x, NoGate) => x,
        (Passed, Passed) => Passed,
    }
}

/// A partner's ratings laid out like the scorecard, category after category;
/// [`Prepared::row`] gives one category's slice.
pub type Dense = Vec<Option<u8>>;

/// A scorecard prepared for scoring many partners: effective weights and the
/// gates of every partner type, computed once.
pub struct Prepared<'a> {
    pub card: &'a Scorecard,
    /// Category names, shared by every score.
    pub names: Vec<Arc<str>>,
    /// Criterion wordings by category, shared by every reason.
    pub texts: Vec<Vec<Arc<str>>>,
    pub criterion_weights: Vec<Vec<f64>>,
    pub category_weights: Vec<f64>,
    gates: Vec<Vec<Option<f64>>>,
    floors: Vec<Vec<Option<u8>>>,
    /// Every criterion id with its flat position, sorted by id.
    sorted_slots: Vec<(Id, usize)>,
    /// Where each category's criteria start in a [`Dense`] row.
    offsets: Vec<usize>,
    len: usize,
}

impl<'a> Prepared<'a> {
    pub fn new(card: &'a Scorecard) -> Prepared<'a> {
        use crate::vocab::Vocabulary;
        Prepared {
            card,
            names: card
                .categories
                .iter()
                .map(|c| Arc::from(c.name.as_str()))
                .collect(),
            texts: card
                .categories
                .iter()
                .map(|c| {
                    c.criteria
                        .iter()
                        .map(|k| Arc::from(k.text.as_str()))
                        .collect()
                })
                .collect(),
            criterion_weights: card
                .categories
                .iter()
                .map(|c| effective_weights(c.criteria.iter().map(|k| k.weight)))
                .collect(),
            category_weights: effective_weights(card.categories.iter().map(|c| c.weight)),
            gates: PartnerType::ALL
                .iter()
                .map(|kind| {
                    card.categories
                        .iter()
                        .map(|c| card.gate(*kind, &c.id))
                        .collect()
                })
                .collect(),
            floors: PartnerType::ALL
                .iter()
                .map(|kind| {
                    card.categories
                        .iter()
                        .map(|c| card.floor(*kind, &c.id).map(|f| f.get()))
                        .collect()
                })
                .collect(),
            sorted_slots: {
                let mut slots: Vec<(Id, usize)> = card
                    .criteria()
                    .enumerate()
                    .map(|(i, (_, k))| (k.id.clone(), i))
                    .collect();
                slots.sort();
                slots
            },
            offsets: card
                .categories
                .iter()
                .scan(0, |at, c| {
                    let start = *at;
                    *at += c.criteria.len();
                    Some(start)
                })
                .collect(),
            len: card.categories.iter().map(|c| c.criteria.len()).sum(),
        }
    }

    /// The gate of category `ci` for partners of `kind`.
    pub fn gate(&self, kind: PartnerType, ci: usize) -> Option<f64> {
        use crate::vocab::Vocabulary;
        let k = PartnerType::ALL
            .iter()
            .position(|x| *x == kind)
            .unwrap_or(0);
        self.gates[k][ci]
    }

    /// The per-criterion floor of that gate.
    pub fn floor(&self, kind: PartnerType, ci: usize) -> Option<u8> {
        use crate::vocab::Vocabulary;
        let k = PartnerType::ALL
            .iter()
            .position(|x| *x == kind)
            .unwrap_or(0);
        self.floors[k][ci]
    }

    /// A partner's ratings, laid out like the scorecard. Ratings and the
    /// scorecard's ids are both sorted, so this is a merge, not a search per criterion.
    pub fn dense(&self, ratings: &BTreeMap<Id, Rating>) -> Dense {
        let mut out: Dense = vec![None; self.len];
        let mut slots = self.sorted_slots.iter().peekable();
        for (id, r) in ratings {
            while slots.next_if(|(sid, _)| sid < id).is_some() {}
            if let Some((_, i)) = slots.next_if(|(sid, _)| sid == id) {
                out[*i] = Some(r.score.get());
            }
        }
        out
    }

    /// The ratings of category `ci` in a dense row.
    pub fn row<'v>(&self, values: &'v [Option<u8>], ci: usize) -> &'v [Option<u8>] {
        let start = self.offsets[ci];
        &values[start..start + self.card.categories[ci].criteria.len()]
    }

    /// Every category's score for a partner of `kind`.
    pub fn scores(&self, kind: PartnerType, values: &Dense) -> Vec<CategoryScore> {
        self.card
            .categories
            .iter()
            .enumerate()
            .map(|(ci, cat)| {
                score(
                    cat,
                    &self.names[ci],
                    &self.criterion_weights[ci],
                    self.row(values, ci),
                    self.gate(kind, ci),
                    self.floor(kind, ci),
                )
            })
            .collect()
    }

    /// The weighted total over the categories that have a score.
    pub fn total(&self, scores: &[CategoryScore]) -> Option<f64> {
        mean(
            self.category_weights
                .iter()
                .zip(scores)
                .filter_map(|(w, s)| s.mean.map(|m| (*w, m))),
        )
    }
}

fn score(
    cat: &Category,
    name: &Arc<str>,
    w: &[f64],
    values: &[Option<u8>],
    gate: Option<f64>,
    floor: Option<u8>,
) -> CategoryScore {
    let value = |v: &Option<u8>| v.map(f64::from);
    let rated_mean = mean(
        w.iter()
            .zip(values)
            .filter_map(|(w, v)| value(v).map(|v| (*w, v))),
    );
    let with_unrated_at = |fill: f64| {
        mean(
            w.iter()
                .zip(values)
                .map(|(w, v)| (*w, value(v).unwrap_or(fill))),
        )
        .unwrap_or(fill)
    };
    let worst = with_unrated_at(1.0);
    let best = with_unrated_at(5.0);
    let unrated: Vec<Id> = cat
        .criteria
        .iter()
        .zip(values)
        .filter(|(_, v)| v.is_none())
        .map(|(c, _)| c.id.clone())
        .collect();
    let rated = cat.criteria.len() - unrated.len();
    let below_floor: Vec<Id> = floor.map_or_else(Vec::new, |f| {
        cat.criteria
            .iter()
            .zip(values)
            .filter(|(_, v)| v.is_some_and(|v| v < f))
            .map(|(c, _)| c.id.clone())
            .collect()
    });
    let mean_state = gate_state(gate, unrated.is_empty(), rated_mean, worst, best);
    let floor_state = floor_state(floor, below_floor.len(), unrated.len());
    CategoryScore {
        id: cat.id.clone(),
        name: name.clone(),
        mean: rated_mean,
        worst,
        best,
        rated,
        state: combine(mean_state, floor_state),
        unrated,
        gate,
        floor,
        below_floor,
        mean_state,
        floor_state,
    }
}

/// Score one category from a partner's ratings.
pub fn category_score(
    cat: &Category,
    ratings: &BTreeMap<Id, Rating>,
    gate: Option<f64>,
    floor: Option<u8>,
) -> CategoryScore {
    let w = effective_weights(cat.criteria.iter().map(|c| c.weight));
    let values: Vec<Option<u8>> = cat
        .criteria
        .iter()
        .map(|c| ratings.get(&c.id).map(|r| r.score.get()))
        .collect();
    score(cat, &Arc::from(cat.name.as_str()), &w, &values, gate, floor)
}

/// Score every category of the scorecard for a partner of `kind`.
pub fn category_scores(
    card: &Scorecard,
    kind: PartnerType,
    ratings: &BTreeMap<Id, Rating>,
) -> Vec<CategoryScore> {
    let prepared = Prepared::new(card);
    prepared.scores(kind, &prepared.dense(ratings))
}

/// The weighted total over the categories that have a score; `None` when
/// nothing is rated. Always within 1–5.
pub fn total(card: &Scorecard, scores: &[CategoryScore]) -> Option<f64> {
    Prepared::new(card).total(scores)
}
