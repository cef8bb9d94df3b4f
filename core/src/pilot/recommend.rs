//! What to do with a pilot: expand, reset with specific fixes, or exit.
//! Shown at the end, and on demand before it (then as if it ended today).
//!
//! Rules, in order:
//! 1. **Exit** when there is no movement: no qualified opportunity created
//!    and no deal moved forward ("if the pilot does not produce movement,
//!    do not expand"), whatever the other criteria say.
//! 2. **Expand** when all three criteria are met.
//! 3. **Exit** when this pilot was itself a reset (its `fixes` are not
//!    empty) and still misses a criterion: a second reset is "fixing"
//!    a partner instead of filtering.
//! 4. Otherwise **Reset**, with one fix per shortfall: too few qualified
//!    opportunities, too few deals moved forward, more than a quarter of
//!    the open deals stuck, one-sided effort, or no next actions to judge
//!    the effort by.
//!
//! The reasons are [`Reason`] values; the fixes of a reset are their text
//! (as stored in the next pilot's `fixes`).

use super::evaluate::{PilotState, Status, StuckDeal, MUTUAL_SHARE_PERCENT};
use super::Decision;
use crate::words::count;

/// The recommended decision and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    pub decision: Decision,
    /// The deciding reason first, then every shortfall.
    pub reasons: Vec<Reason>,
}

/// One reason behind a recommendation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// All three criteria met.
    AllMet,
    /// No qualified opportunity and no deal moved forward.
    NoMovement,
    /// This pilot was a reset asking for `fixes` fixes and still misses.
    ResetMissed { fixes: usize },
    /// Fewer qualified opportunities than targeted.
    FewQualified { count: usize, target: usize },
    /// Fewer deals moved forward than targeted.
    FewProgressed { progressed: usize, target: usize },
    /// More than a quarter of the open deals stuck.
    Stuck { stuck: Vec<StuckDeal>, open: usize },
    /// The partner owns and completes less than 30 % of the next actions.
    OneSided {
        total: usize,
        owned: usize,
        completed: usize,
    },
    /// No next actions on the pilot's deals.
    NoNextActions,
}

/// What to do with the pilot, from how it is going (rules in the module doc).
pub fn recommend(state: &PilotState) -> Recommendation {
    let shortfalls = shortfalls(state);
    let (decision, first) = if state.qualified.count == 0 && state.progression.progressed == 0 {
        (Decision::Exit, Reason::NoMovement)
    } else if shortfalls.is_empty() {
        (Decision::Expand, Reason::AllMet)
    } else if state.fixes > 0 {
        (Decision::Exit, Reason::ResetMissed { fixes: state.fixes })
    } else {
        return Recommendation {
            decision: Decision::Reset,
            reasons: shortfalls,
        };
    };
    Recommendation {
        decision,
        reasons: std::iter::once(first).chain(shortfalls).collect(),
    }
}

/// One reason per criterion not met (two when progression is both short
/// and stuck).
fn shortfalls(s: &PilotState) -> Vec<Reason> {
    let mut out = Vec::new();
    if s.qualified.status != Status::Met {
        out.push(Reason::FewQualified {
            count: s.qualified.count,
            target: s.qualified.target,
        });
    }
    let p = &s.progression;
    if p.status != Status::Met {
        if p.progressed < p.target {
            out.push(Reason::FewProgressed {
                progressed: p.progressed,
                target: p.target,
            });
        }
        if p.too_many_stuck() {
            out.push(Reason::Stuck {
                stuck: p.stuck.clone(),
                open: p.open,
            });
        }
    }
    let m = &s.mutual;
    if m.status != Status::Met {
        out.push(if m.total == 0 {
            Reason::NoNextActions
        } else {
            Reason::OneSided {
                total: m.total,
                owned: m.owned,
                completed: m.completed,
            }
        });
    }
    out
}

impl Recommendation {
    /// What a reset would ask the next pilot to fix, whatever was
    /// recommended: a fix per shortfall, or (with no shortfall) what was
    /// found first. Never empty, so a reset pilot always counts as one.
    pub fn fixes_for_reset(&self) -> Vec<String> {
        let fixes: Vec<String> = self.reasons.iter().filter_map(Reason::fix).collect();
        if fixes.is_empty() {
            self.reasons.iter().take(1).map(Reason::text).collect()
        } else {
            fixes
        }
    }

    /// The fixes a reset asks for (empty for expand and exit).
    pub fn fixes(&self) -> Vec<String> {
        if self.decision != Decision::Reset {
            return Vec::new();
        }
        self.reasons.iter().filter_map(Reason::fix).collect()
    }
}

impl Reason {
    /// What was found, in words.
    pub fn text(&self) -> String {
        match self {
            Reason::AllMet => "all three success criteria met".into(),
            Reason::NoMovement => "no movement: no qualified opportunity created and no deal \
                moved forward; a pilot without movement is not expanded"
                .into(),
            Reason::ResetMissed { fixes } => format!(
                "this pilot was already a reset ({} asked) and still misses a criterion",
                count(*fixes, "fix", "fixes")
            ),
            Reason::FewQualified { count: n, target } => format!(
                "{} of the {target} targeted",
                count(*n, "qualified opportunity", "qualified opportunities")
            ),
            Reason::FewProgressed { progressed, target } => format!(
                "{} moved forward of the {target} targeted",
                count(*progressed, "deal", "deals")
            ),
            Reason::Stuck { stuck, open } => {
                let names: Vec<String> = stuck.iter().map(|s| s.to_string()).collect();
                format!(
                    "{} of {} stuck past their stage's expected days: {}",
                    stuck.len(),
                    count(*open, "open deal", "open deals"),
                    names.join(", ")
                )
            }
            Reason::OneSided {
                total,
                owned,
                completed,
            } => format!(
                "one-sided effort: the partner owned {owned} of {} and completed {completed} \
                 (under {MUTUAL_SHARE_PERCENT}%)",
                count(*total, "next action", "next actions")
            ),
            Reason::NoNextActions => "no next actions on the pilot's deals".into(),
        }
    }

    /// The fix a reset asks for, for a shortfall: what was found, then what
    /// to change.
    pub fn fix(&self) -> Option<String> {
        let advice = match self {
            Reason::AllMet | Reason::NoMovement | Reason::ResetMissed { .. } => return None,
            Reason::FewQualified { .. } => {
                "tighten the ICP brief and review each submission against the rules of engagement"
            }
            Reason::FewProgressed { .. } => {
                "run the two joint plays on the mapped accounts and agree each deal's next stage \
                 with the partner owner"
            }
            Reason::Stuck { stuck, open } => {
                let names: Vec<String> = stuck.iter().map(|s| s.to_string()).collect();
                return Some(format!(
                    "{} of {} stuck past their stage's expected days: give each a next action \
                     with an owner and a date, or close it — {}",
                    stuck.len(),
                    count(*open, "open deal", "open deals"),
                    names.join(", ")
                ));
            }
            Reason::OneSided { .. } => {
                "name the partner's owner on each deal's next actions and check them at the weekly review"
            }
            Reason::NoNextActions => {
                "agree next actions with an owner and a due date at each weekly review"
            }
        };
        Some(format!("{}: {advice}", self.text()))
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}
