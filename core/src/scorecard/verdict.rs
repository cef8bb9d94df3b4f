//! The verdict per partner, with its reasons in words.
//!
//! Rules, in order:
//! 1. *Do not onboard* when a gate fails for sure (even if every unrated
//!    criterion of that category scored 5, or because one criterion is rated
//!    below the gate's per-criterion floor), an ICP disqualifier hits the
//!    partner's book of business, the alignment answers do not map at all, or
//!    the account overlap is risky.
//! 2. Otherwise *needs evidence* when anything is unknown: an unrated
//!    criterion anywhere, a gate (or a gate's floor) that unrated criteria
//!    decide, alignment not
//!    judged or mapping only partly, an overlap judged mixed. Missing ratings
//!    never give a confident verdict. (An overlap not assessed at all does
//!    not hold a verdict back: account mapping is optional.)
//! 3. Otherwise *onboard to pilot*.

use super::config::Scorecard;
use super::score::{CategoryScore, GateState, Prepared};
use super::{format_score, EPS};
use std::sync::Arc;

use crate::alignment::Judgment;
use crate::icp::DisqualifierKind;
use crate::id::Id;
use crate::overlap::assessment::Assessment;
use crate::partner::{BrandSize, Partner, PartnerType};
use crate::vocabulary;
use crate::workspace::Workspace;

vocabulary! {
    /// What to do with a partner.
    pub enum Verdict ("verdict") {
        OnboardToPilot = "onboard_to_pilot" / "Onboard to pilot",
        NeedsEvidence = "needs_evidence" / "Needs evidence",
        DoNotOnboard = "do_not_onboard" / "Do not onboard",
    }
}

/// One reason behind a verdict.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// An ICP disqualifier hits the partner's book of business.
    Disqualified {
        kind: DisqualifierKind,
        text: String,
    },
    /// Our judgment of the alignment answers.
    Alignment(Judgment),
    /// A gate fails; `unrated` criteria could not have saved it (`best` is the best case).
    GateFailed {
        category: Arc<str>,
        score: f64,
        gate: f64,
        unrated: usize,
        best: f64,
    },
    /// Unrated criteria decide the gate.
    GateUndetermined {
        category: Arc<str>,
        mean: Option<f64>,
        gate: f64,
        unrated: usize,
        worst: f64,
        best: f64,
    },
    /// Criteria rated below the per-criterion floor of a gate (their wording and rating).
    FloorFailed {
        category: Arc<str>,
        floor: u8,
        criteria: Vec<(Arc<str>, u8)>,
    },
    /// Unrated criteria could still fall below a gate's floor.
    FloorUndetermined {
        category: Arc<str>,
        floor: u8,
        unrated: usize,
    },
    /// A gate is met.
    GatePassed {
        category: Arc<str>,
        score: f64,
        gate: f64,
    },
    /// Criteria not rated yet (their wording).
    Unrated { criteria: Vec<Arc<str>> },
    /// The overlap assessment (step 4) with its main reason.
    Overlap { assessment: Assessment, why: String },
}

impl Reason {
    /// The verdict this reason pushes towards.
    pub fn weight(&self) -> Verdict {
        match self {
            Reason::Disqualified { .. }
            | Reason::GateFailed { .. }
            | Reason::FloorFailed { .. } => Verdict::DoNotOnboard,
            Reason::Alignment(Judgment::NotAtAll) => Verdict::DoNotOnboard,
            Reason::Alignment(Judgment::MapsCleanly) | Reason::GatePassed { .. } => {
                Verdict::OnboardToPilot
            }
            Reason::Alignment(_)
            | Reason::GateUndetermined { .. }
            | Reason::FloorUndetermined { .. }
            | Reason::Unrated { .. } => Verdict::NeedsEvidence,
            Reason::Overlap { assessment, .. } => match assessment {
                Assessment::Risky => Verdict::DoNotOnboard,
                Assessment::Healthy => Verdict::OnboardToPilot,
                Assessment::Mixed | Assessment::NotAssessed => Verdict::NeedsEvidence,
            },
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Disqualified { kind, text } => {
                write!(f, "Hits an ICP disqualifier ({}): {text}", kind)
            }
            Reason::Alignment(j) => f.write_str(match j {
                Judgment::Unjudged => "Alignment not judged yet: ask the three questions and compare the answers",
                Judgment::MapsCleanly => "Alignment answers map cleanly to our story",
                Judgment::Partly => "Alignment maps only partly: settle the differences before a pilot",
                Judgment::NotAtAll => "Alignment answers do not map to our story: months of aligning instead of selling",
            }),
            Reason::GateFailed { category, score, gate, unrated: 0, .. } => write!(
                f,
                "{category} {} is below the gate of {} (short by {})",
                format_score(*score),
                format_score(*gate),
                format_score(gate - score)
            ),
            Reason::GateFailed { category, gate, unrated, best, .. } => write!(
                f,
                "{category} stays below the gate of {} even if its {unrated} unrated {} scored 5 (best case {})",
                format_score(*gate),
                plural(*unrated, "criterion", "criteria"),
                format_score(*best)
            ),
            Reason::GateUndetermined { category, mean, gate, unrated, worst, best } => {
                write!(
                    f,
                    "{category} cannot be judged against the gate of {} yet: {unrated} unrated {} ",
                    format_score(*gate),
                    plural(*unrated, "criterion", "criteria"),
                )?;
                match mean {
                    Some(m) => write!(f, "(rated so far {}; ", format_score(*m))?,
                    None => f.write_str("(")?,
                }
                write!(f, "could end between {} and {})", format_score(*worst), format_score(*best))
            }
            Reason::FloorFailed { category, floor, criteria } => {
                write!(f, "{category} fails its gate's floor of {floor} for every criterion: ")?;
                let list: Vec<String> = criteria
                    .iter()
                    .map(|(text, score)| format!("\u{201c}{text}\u{201d} is rated {score}"))
                    .collect();
                f.write_str(&list.join("; "))
            }
            Reason::FloorUndetermined { category, floor, unrated } => write!(
                f,
                "{category} cannot be judged against its gate's floor of {floor} yet: {unrated} unrated {} could still be rated below it",
                plural(*unrated, "criterion", "criteria"),
            ),
            Reason::GatePassed { category, score, gate } => write!(
                f,
                "{category} {} meets the gate of {}",
                format_score(*score),
                format_score(*gate)
            ),
            Reason::Unrated { criteria } => {
                write!(f, "Not rated yet: {}", criteria.join("; "))
            }
            Reason::Overlap { assessment, why } => match assessment {
                Assessment::Risky => write!(f, "Risky account overlap: {why}"),
                Assessment::Mixed => write!(f, "Mixed account overlap, judge it before a pilot: {why}"),
                Assessment::Healthy => write!(f, "Healthy account overlap: {why}"),
                Assessment::NotAssessed => f.write_str("Account overlap not assessed"),
            },
        }
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Something worth knowing that does not change the verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A big logo with weak or unproven revenue focus.
    BigLogoWeakFocus,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::BigLogoWeakFocus => f.write_str(
                "Big logo, weak or unproven revenue focus: big logos can be slow and unfocused. Execution beats reputation.",
            ),
        }
    }
}

/// The facts besides gates that decide a verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Facts {
    pub disqualified: bool,
    pub alignment: Judgment,
    pub any_unrated: bool,
    pub overlap: Assessment,
}

/// The verdict from the facts and the gate states (rules in the module docs).
pub(crate) fn decide(facts: Facts, gates: impl Iterator<Item = GateState>) -> Verdict {
    let mut failed = false;
    let mut undetermined = false;
    for g in gates {
        match g {
            GateState::Failed => failed = true,
            GateState::Undetermined => undetermined = true,
            GateState::Passed | GateState::NoGate => {}
        }
    }
    if failed
        || facts.disqualified
        || facts.alignment == Judgment::NotAtAll
        || facts.overlap == Assessment::Risky
    {
        Verdict::DoNotOnboard
    } else if undetermined
        || facts.any_unrated
        || matches!(facts.alignment, Judgment::Unjudged | Judgment::Partly)
        || facts.overlap == Assessment::Mixed
    {
        Verdict::NeedsEvidence
    } else {
        Verdict::OnboardToPilot
    }
}

/// A partner's full evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub partner: Id,
    pub name: Arc<str>,
    pub kind: PartnerType,
    pub categories: Vec<CategoryScore>,
    /// Weighted total (1–5) over the rated categories; `None` when nothing is rated.
    pub total: Option<f64>,
    pub verdict: Verdict,
    /// Reasons, the ones that decide the verdict first.
    pub reasons: Vec<Reason>,
    pub warnings: Vec<Warning>,
    /// Ranked among the candidates: a partner that exited is not.
    pub in_the_running: bool,
    pub(crate) facts: Facts,
    /// Position of the partner in `Workspace::partners`.
    pub(crate) index: usize,
    /// The ratings laid out like the scorecard (see [`Prepared::dense`]).
    pub(crate) values: super::score::Dense,
}

impl Evaluation {
    /// Criteria rated, and criteria in the scorecard.
    pub fn rated_count(&self) -> (usize, usize) {
        self.categories.iter().fold((0, 0), |(r, t), c| {
            (r + c.rated, t + c.rated + c.unrated.len())
        })
    }

    /// At least one gate fails for sure: the partner ranks below every
    /// partner whose gates pass or are not decided yet.
    pub fn fails_gate(&self) -> bool {
        self.categories.iter().any(|c| c.state == GateState::Failed)
    }

    /// The reasons that decide the verdict.
    pub fn deciding_reasons(&self) -> impl Iterator<Item = &Reason> {
        self.reasons
            .iter()
            .filter(move |r| r.weight() == self.verdict)
    }
}

/// Evaluate one partner against the workspace's scorecard and ICP.
pub fn evaluate(ws: &Workspace, p: &Partner) -> Evaluation {
    let index = ws
        .partners
        .iter()
        .position(|x| x.id == p.id)
        .unwrap_or(usize::MAX);
    evaluate_prepared(ws, &Prepared::new(&ws.scorecard), index, p)
}

fn evaluate_prepared(ws: &Workspace, prepared: &Prepared, index: usize, p: &Partner) -> Evaluation {
    let card: &Scorecard = &ws.scorecard;
    let values = prepared.dense(&p.ratings);
    let categories = prepared.scores(p.kind, &values);
    let total = prepared.total(&categories);
    let mut reasons = Vec::new();

    for id in &p.disqualifier_hits {
        if let Some(d) = ws.icp.disqualifier(id) {
            reasons.push(Reason::Disqualified {
                kind: d.kind,
                text: d.text.clone(),
            });
        }
    }
    for (ci, c) in categories.iter().enumerate() {
        let Some(gate) = c.gate else { continue };
        let unrated = c.unrated.len();
        if let Some(floor) = c.floor {
            match c.floor_state {
                GateState::Failed => reasons.push(Reason::FloorFailed {
                    category: c.name.clone(),
                    floor,
                    criteria: card.categories[ci]
                        .criteria
                        .iter()
                        .zip(&prepared.texts[ci])
                        .zip(prepared.row(&values, ci))
                        .filter(|((k, _), _)| c.below_floor.contains(&k.id))
                        .filter_map(|((_, t), v)| Some((t.clone(), (*v)?)))
                        .collect(),
                }),
                GateState::Undetermined => reasons.push(Reason::FloorUndetermined {
                    category: c.name.clone(),
                    floor,
                    unrated,
                }),
                GateState::Passed | GateState::NoGate => {}
            }
        }
        match c.mean_state {
            GateState::Failed => reasons.push(Reason::GateFailed {
                category: c.name.clone(),
                score: c.mean.unwrap_or(c.best),
                gate,
                unrated,
                best: c.best,
            }),
            GateState::Undetermined => reasons.push(Reason::GateUndetermined {
                category: c.name.clone(),
                mean: c.mean,
                gate,
                unrated,
                worst: c.worst,
                best: c.best,
            }),
            GateState::Passed => reasons.push(Reason::GatePassed {
                category: c.name.clone(),
                score: c.mean.unwrap_or(c.worst),
                gate,
            }),
            GateState::NoGate => {}
        }
    }
    let unrated: Vec<Arc<str>> = card
        .categories
        .iter()
        .zip(&categories)
        .zip(&prepared.texts)
        .flat_map(|((cat, c), texts)| {
            cat.criteria
                .iter()
                .zip(texts)
                .filter(|(k, _)| c.unrated.contains(&k.id))
                .map(|(_, t)| t.clone())
        })
        .collect();
    let any_unrated = !unrated.is_empty();
    if any_unrated {
        reasons.push(Reason::Unrated { criteria: unrated });
    }
    reasons.push(Reason::Alignment(p.alignment.judgment));
    let (overlap, why) = p.overlap.assess();
    if overlap != Assessment::NotAssessed {
        reasons.push(Reason::Overlap {
            assessment: overlap,
            why: why.join("; "),
        });
    }

    let facts = Facts {
        disqualified: reasons
            .iter()
            .any(|r| matches!(r, Reason::Disqualified { .. })),
        alignment: p.alignment.judgment,
        any_unrated,
        overlap,
    };
    let verdict = decide(facts, categories.iter().map(|c| c.state));
    // Deciding reasons first, then the rest, keeping their order.
    reasons.sort_by_key(|r| r.weight() != verdict);

    let mut warnings = Vec::new();
    if p.brand == BrandSize::BigLogo {
        let focus = categories
            .iter()
            .find(|c| c.id.as_str() == super::config::ids::REVENUE_FOCUS);
        if focus.is_some_and(|c| c.mean.is_none_or(|m| m + EPS < 3.0) || !c.unrated.is_empty()) {
            warnings.push(Warning::BigLogoWeakFocus);
        }
    }

    Evaluation {
        partner: p.id.clone(),
        name: Arc::from(p.name.as_str()),
        kind: p.kind,
        categories,
        total,
        verdict,
        reasons,
        warnings,
        in_the_running: p.status() != crate::partner::Status::Exited,
        facts,
        index,
        values,
    }
}

/// Evaluate every partner that is not archived, in workspace order
/// (partners that exited are evaluated but not ranked: `in_the_running`).
pub fn evaluate_all(ws: &Workspace) -> Vec<Evaluation> {
    let prepared = Prepared::new(&ws.scorecard);
    ws.partners
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.archived)
        .map(|(i, p)| evaluate_prepared(ws, &prepared, i, p))
        .collect()
}
