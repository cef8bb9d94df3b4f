//! Sensitivity: how far weights or a single rating would have to move to
//! change a partner's verdict or its rank.
//!
//! Weights. A category mean Σwᵢsᵢ/Σwᵢ crosses a gate T when Σwᵢ(sᵢ−T) changes
//! sign. If every weight may move by a relative δ (wᵢ → wᵢ(1±δ)), the most
//! adverse choice raises the weights on the side opposite the sign, so the
//! crossing needs δ* = |Σwᵢ(sᵢ−T)| / Σwᵢ|sᵢ−T|. The same formula over category
//! weights gives the shift that reorders two partners with the same scored
//! categories. Only fully rated gated categories are considered for verdicts
//! (unrated criteria already make a verdict uncertain).
//!
//! A gate's per-criterion floor does not move with weights: a gate failing
//! on its floor cannot be rescued by them.
//!
//! Ratings. Every rated criterion is tried at every other value 1–5; the
//! smallest move that changes the verdict (or passes the partner just above
//! or below: crossing its total on the same side of the gates, or moving a
//! gate across the line, since partners failing a gate rank last) is reported.

use super::rank::RankEntry;
use super::score::{combine, floor_state, gate_state, Dense, GateState, Prepared};
use super::verdict::{decide, Evaluation, Verdict};
use super::{format_percent, format_score, EPS};
use std::sync::Arc;

use crate::id::Id;
use crate::workspace::Workspace;

/// A verdict is fragile when a weight shift up to this fraction, or a
/// one-point move of a single rating, changes it.
pub const FRAGILE_WEIGHT_SHIFT: f64 = 0.2;

/// A single-rating move and what it would cause.
#[derive(Clone, Debug, PartialEq)]
pub struct RatingMove {
    pub criterion: Id,
    /// The criterion's wording.
    pub text: Arc<str>,
    pub from: u8,
    pub to: u8,
    /// For a verdict move, the new verdict.
    pub verdict: Option<Verdict>,
    /// For a rank move, the partner it would pass (name), and whether upwards.
    pub passes: Option<(Arc<str>, bool)>,
}

impl RatingMove {
    fn distance(&self) -> u8 {
        self.from.abs_diff(self.to)
    }
}

/// How robust one partner's verdict and rank are.
#[derive(Clone, Debug, PartialEq)]
pub struct Sensitivity {
    pub partner: Id,
    pub verdict: Verdict,
    /// Smallest relative shift of criterion weights that changes the verdict
    /// (`0.2` = ±20%); `None` when no weight shift (up to ±100%) can.
    pub verdict_weight_shift: Option<f64>,
    /// Smallest single-rating move that changes the verdict.
    pub verdict_rating_move: Option<RatingMove>,
    /// Smallest relative shift of category weights that reorders it with a
    /// neighbour in the ranking, and that neighbour's name.
    pub rank_weight_shift: Option<(f64, Arc<str>)>,
    /// Smallest single-rating move that passes a neighbour in the ranking.
    pub rank_rating_move: Option<RatingMove>,
}

impl Sensitivity {
    /// A verdict that a ±20% weight shift or a one-point rating move changes.
    pub fn fragile(&self) -> bool {
        self.verdict_weight_shift
            .is_some_and(|d| d <= FRAGILE_WEIGHT_SHIFT + EPS)
            || self
                .verdict_rating_move
                .as_ref()
                .is_some_and(|m| m.distance() <= 1)
    }

    /// The findings in words.
    pub fn sentences(&self) -> Vec<String> {
        let mut out = Vec::new();
        out.push(match self.verdict_weight_shift {
            None => format!(
                "\u{201c}{}\u{201d} holds whatever the criterion weights.",
                self.verdict
            ),
            Some(d) if d <= EPS => format!(
                "\u{201c}{}\u{201d} sits exactly on a gate: any shift of criterion weights can change it.",
                self.verdict
            ),
            Some(d) if d > FRAGILE_WEIGHT_SHIFT + EPS => format!(
                "\u{201c}{}\u{201d} holds with every criterion weight ±{}; it takes ±{} to change it.",
                self.verdict,
                format_percent(FRAGILE_WEIGHT_SHIFT),
                format_percent(d)
            ),
            Some(d) => format!(
                "Fragile: shifting criterion weights by ±{} changes \u{201c}{}\u{201d}.",
                format_percent(d),
                self.verdict
            ),
        });
        match &self.verdict_rating_move {
            Some(m) => out.push(format!(
                "Rating \u{201c}{}\u{201d} {} instead of {} would make it \u{201c}{}\u{201d}.",
                m.text,
                m.to,
                m.from,
                m.verdict.map(|v| v.to_string()).unwrap_or_default()
            )),
            None => out.push("No single rating change alters the verdict.".into()),
        }
        if let Some((d, name)) = &self.rank_weight_shift {
            out.push(format!(
                "Its rank against {name} changes if category weights shift by ±{}.",
                format_percent(*d)
            ));
        }
        if let Some(m) = &self.rank_rating_move {
            if let Some((name, up)) = &m.passes {
                out.push(format!(
                    "Rating \u{201c}{}\u{201d} {} instead of {} would move it {} {name}.",
                    m.text,
                    m.to,
                    m.from,
                    if *up { "above" } else { "below" }
                ));
            }
        }
        out
    }
}

/// The relative weight shift at which Σwᵢ(sᵢ−t) can change sign.
fn crossing_shift(pairs: impl Iterator<Item = (f64, f64)>, t: f64) -> Option<f64> {
    let (mut a, mut s) = (0.0, 0.0);
    for (w, v) in pairs {
        a += w * (v - t);
        s += w * (v - t).abs();
    }
    // s = 0: every value equals t, no weighting moves the mean off it.
    // δ ≥ 1: it would take zeroing weights, which is not a "shift".
    if s <= EPS {
        return None;
    }
    let d = if a.abs() <= EPS { 0.0 } else { a.abs() / s };
    (d < 1.0 - EPS).then_some(d)
}

fn verdict_weight_shift(w: &Prepared, values: &Dense, e: &Evaluation) -> Option<f64> {
    let shift = |ci: usize| -> Option<f64> {
        let c = &e.categories[ci];
        let gate = c.gate?;
        // Weights do not move a rating across a floor.
        if !c.unrated.is_empty() || c.floor_state == GateState::Failed {
            return None;
        }
        let pairs = w
            .row(values, ci)
            .iter()
            .zip(&w.criterion_weights[ci])
            .filter_map(|(v, w)| v.map(|v| (*w, f64::from(v))));
        crossing_shift(pairs, gate)
    };
    let gated = (0..e.categories.len()).filter(|ci| e.categories[*ci].gate.is_some());
    if e.verdict == Verdict::DoNotOnboard {
        let f = e.facts;
        if f.disqualified
            || f.alignment == crate::alignment::Judgment::NotAtAll
            || f.overlap == crate::overlap::assessment::Assessment::Risky
        {
            return None;
        }
        // Every failing gate must pass: the largest of their shifts.
        let mut worst: Option<f64> = Some(0.0);
        for ci in gated.filter(|ci| e.categories[*ci].state == GateState::Failed) {
            worst = match (worst, shift(ci)) {
                (Some(a), Some(b)) => Some(a.max(b)),
                _ => None,
            };
        }
        worst
    } else {
        // Failing any passed gate changes the verdict.
        gated
            .filter(|ci| e.categories[*ci].state == GateState::Passed)
            .filter_map(shift)
            .min_by(f64::total_cmp)
    }
}

/// Sums needed to move one rating without recomputing a whole category.
struct CategorySums {
    rated_w: f64,
    rated_v: f64,
    all_w: f64,
    worst_v: f64,
    best_v: f64,
}

fn sums(w: &[f64], values: &[Option<u8>]) -> CategorySums {
    let mut s = CategorySums {
        rated_w: 0.0,
        rated_v: 0.0,
        all_w: 0.0,
        worst_v: 0.0,
        best_v: 0.0,
    };
    for (v, w) in values.iter().zip(w) {
        s.all_w += w;
        match v {
            Some(v) => {
                let v = f64::from(*v);
                s.rated_w += w;
                s.rated_v += w * v;
                s.worst_v += w * v;
                s.best_v += w * v;
            }
            None => {
                s.worst_v += w;
                s.best_v += w * 5.0;
            }
        }
    }
    s
}

/// One candidate move, described by indexes (cheap to make by the thousand).
#[derive(Clone, Copy)]
struct Move {
    category: usize,
    criterion: usize,
    from: u8,
    to: u8,
}

impl Move {
    fn distance(&self) -> u8 {
        self.from.abs_diff(self.to)
    }

    fn describe(&self, w: &Prepared) -> RatingMove {
        let k = &w.card.categories[self.category].criteria[self.criterion];
        RatingMove {
            criterion: k.id.clone(),
            text: w.texts[self.category][self.criterion].clone(),
            from: self.from,
            to: self.to,
            verdict: None,
            passes: None,
        }
    }
}

/// Every single-rating move of `p`, with the category means it produces:
/// calls `f(move, new rated mean, new gate state)`.
fn for_each_move(
    w: &Prepared,
    values: &Dense,
    e: &Evaluation,
    mut f: impl FnMut(Move, Option<f64>, GateState),
) {
    for ci in 0..w.card.categories.len() {
        let row = w.row(values, ci);
        let weights = &w.criterion_weights[ci];
        let s = sums(weights, row);
        let c = &e.categories[ci];
        for (ki, (v, wk)) in row.iter().zip(weights).enumerate() {
            let Some(cur) = *v else { continue };
            for to in 1..=5u8 {
                if to == cur {
                    continue;
                }
                let d = wk * (f64::from(to) - f64::from(cur));
                let mean = (s.rated_w > 0.0).then(|| (s.rated_v + d) / s.rated_w);
                let (worst, best) = if s.all_w > 0.0 {
                    ((s.worst_v + d) / s.all_w, (s.best_v + d) / s.all_w)
                } else {
                    (c.worst, c.best)
                };
                let below = c.floor.map_or(0, |f| {
                    c.below_floor.len() + usize::from(to < f) - usize::from(cur < f)
                });
                let state = combine(
                    gate_state(c.gate, c.unrated.is_empty(), mean, worst, best),
                    floor_state(c.floor, below, c.unrated.len()),
                );
                f(
                    Move {
                        category: ci,
                        criterion: ki,
                        from: cur,
                        to,
                    },
                    mean,
                    state,
                );
            }
        }
    }
}

fn better(candidate: &Move, best: &Option<(Move, Verdict)>) -> bool {
    best.as_ref()
        .is_none_or(|(b, _)| candidate.distance() < b.distance())
}

fn better_rank(candidate: &Move, best: &Option<(Move, usize)>) -> bool {
    best.as_ref()
        .is_none_or(|(b, _)| candidate.distance() < b.distance())
}

/// Sensitivity of every ranked partner. `evals` and `ranking` come from
/// [`super::evaluate_all`] and [`super::rank`] on the same workspace.
pub fn sensitivity(
    ws: &Workspace,
    evals: &[Evaluation],
    ranking: &[RankEntry],
) -> Vec<Sensitivity> {
    let card = &ws.scorecard;
    let w = Prepared::new(card);
    let mut out = Vec::with_capacity(ranking.len());
    // Buffers reused from partner to partner.
    let mut states: Vec<GateState> = Vec::new();
    let mut means: Vec<Option<f64>> = Vec::new();
    for (i, entry) in ranking.iter().enumerate() {
        let Some(e) = evals.get(entry.evaluation) else {
            continue;
        };
        let mut neighbours: [Option<(&Evaluation, bool)>; 2] = [None, None];
        let around = [
            i.checked_sub(1)
                .and_then(|j| ranking.get(j))
                .map(|r| (r, true)),
            ranking.get(i + 1).map(|r| (r, false)),
        ];
        for (slot, near) in neighbours.iter_mut().zip(around) {
            *slot = near
                .and_then(|(r, up)| evals.get(r.evaluation).map(|ne| (ne, up)))
                .filter(|(ne, _)| ne.total.is_some());
        }
        let neighbours: Vec<(&Evaluation, bool)> = neighbours.into_iter().flatten().collect();

        let mut verdict_move: Option<(Move, Verdict)> = None;
        let mut rank_move: Option<(Move, usize)> = None;
        states.clear();
        states.extend(e.categories.iter().map(|c| c.state));
        means.clear();
        means.extend(e.categories.iter().map(|c| c.mean));
        let values = &e.values;
        for_each_move(&w, values, e, |mv, mean, state| {
            let ci = mv.category;
            if better(&mv, &verdict_move) {
                let v = decide(
                    e.facts,
                    states
                        .iter()
                        .enumerate()
                        .map(|(j, s)| if j == ci { state } else { *s }),
                );
                if v != e.verdict {
                    verdict_move = Some((mv, v));
                }
            }
            if e.total.is_some() && better_rank(&mv, &rank_move) {
                let total = total_with(&w.category_weights, &means, ci, mean);
                // Gates are minimums: failing one ranks below whatever the total.
                let fails = states
                    .iter()
                    .enumerate()
                    .any(|(j, s)| (if j == ci { state } else { *s }) == GateState::Failed);
                for (n, (ne, up)) in neighbours.iter().enumerate() {
                    let nt = ne.total.unwrap_or(0.0);
                    let ne_fails = ne.fails_gate();
                    let passes = if *up {
                        (!fails && ne_fails) || (fails == ne_fails && total > nt + EPS)
                    } else {
                        (fails && !ne_fails) || (fails == ne_fails && total + EPS < nt)
                    };
                    if passes {
                        rank_move = Some((mv, n));
                        break;
                    }
                }
            }
        });
        let verdict_move = verdict_move.map(|(mv, v)| RatingMove {
            verdict: Some(v),
            ..mv.describe(&w)
        });
        let rank_move = rank_move.map(|(mv, n)| {
            let (ne, up) = neighbours[n];
            RatingMove {
                passes: Some((ne.name.clone(), up)),
                ..mv.describe(&w)
            }
        });

        let rank_weight_shift = neighbours
            .iter()
            .filter_map(|(ne, _)| {
                // Category weights move totals, not gates: across the line
                // between passing and failing partners they cannot reorder.
                if ne.fails_gate() != e.fails_gate() {
                    return None;
                }
                let same_set = e
                    .categories
                    .iter()
                    .zip(&ne.categories)
                    .all(|(a, b)| a.mean.is_some() == b.mean.is_some());
                if !same_set {
                    return None;
                }
                let pairs = w
                    .category_weights
                    .iter()
                    .zip(e.categories.iter().zip(&ne.categories))
                    .filter_map(|(w, (a, b))| Some((*w, a.mean? - b.mean?)));
                let d = crossing_shift(pairs, 0.0);
                d.map(|d| (d, ne.name.clone()))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0));

        out.push(Sensitivity {
            partner: e.partner.clone(),
            verdict: e.verdict,
            verdict_weight_shift: verdict_weight_shift(&w, values, e),
            verdict_rating_move: verdict_move,
            rank_weight_shift,
            rank_rating_move: rank_move,
        });
    }
    out
}

fn total_with(weights: &[f64], means: &[Option<f64>], ci: usize, mean: Option<f64>) -> f64 {
    let (mut sw, mut sv) = (0.0, 0.0);
    for (j, (w, m)) in weights.iter().zip(means).enumerate() {
        let m = if j == ci { mean } else { *m };
        if let Some(m) = m {
            sw += w;
            sv += w * m;
        }
    }
    if sw > 0.0 {
        sv / sw
    } else {
        0.0
    }
}

/// Percent text used by the UI for a shift.
pub fn shift_text(d: f64) -> String {
    format!("±{}", format_percent(d))
}

/// Score text used by the UI.
pub fn score_text(x: Option<f64>) -> String {
    x.map(format_score).unwrap_or_else(|| "–".into())
}
