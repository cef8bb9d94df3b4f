//! Pipeline created per period, the stage funnel and the win rate.
//!
//! - **Created**: a deal counts in the period holding its creation day,
//!   with its amount, under its attribution.
//! - **Funnel**: of the deals created in the window. Every deal reached
//!   qualification; it reached a later stage when its history shows that
//!   stage or any after it on the ladder (a deal that jumped from discovery
//!   to proposal passed solution). A lost deal reached the highest stage its
//!   history shows before it was lost. *Moved past* a stage = reached the
//!   next one (negotiation's next is won); open deals still in a stage have
//!   not moved past it. Rate = moved past ÷ reached.
//! - **Win rate** = won ÷ (won + lost), of the deals closed in the window.

use serde::Serialize;

use super::split::share;
use crate::pipeline::{Opportunity, Stage};
use crate::rate::Rate;

/// The ladder: the open stages, then won.
pub const LADDER: [Stage; 6] = [
    Stage::Qualification,
    Stage::Discovery,
    Stage::Solution,
    Stage::Proposal,
    Stage::Negotiation,
    Stage::Won,
];

/// How many deals reached each place on the ladder.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reached(pub [u32; 6]);

impl Reached {
    /// Count a deal up to the highest stage it reached.
    pub fn add(&mut self, o: &Opportunity) {
        let top = o
            .history
            .iter()
            .filter_map(|e| e.stage.rank())
            .max()
            .unwrap_or(0);
        for n in &mut self.0[..=usize::from(top).min(5)] {
            *n += 1;
        }
    }

    pub fn plus(self, other: Reached) -> Reached {
        let mut out = self;
        for (a, b) in out.0.iter_mut().zip(other.0) {
            *a += b;
        }
        out
    }

    /// One step per place on the ladder.
    pub fn steps(&self) -> Vec<Step> {
        LADDER
            .iter()
            .enumerate()
            .map(|(i, &stage)| {
                let moved_on = self.0.get(i + 1).copied();
                Step {
                    stage,
                    reached: self.0[i],
                    moved_on,
                    rate: moved_on.and_then(|m| share(i64::from(m), i64::from(self.0[i]))),
                }
            })
            .collect()
    }
}

/// One stage of the funnel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub stage: Stage,
    pub reached: u32,
    /// Went on to a later stage or won (`None` for won itself).
    pub moved_on: Option<u32>,
    /// `moved_on` ÷ `reached`; `None` when nothing reached the stage.
    pub rate: Option<Rate>,
}

/// Won and lost deals closed in the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WinRate {
    pub won: u32,
    pub lost: u32,
    /// won ÷ (won + lost); `None` when nothing closed.
    pub rate: Option<Rate>,
}

impl WinRate {
    pub fn new(won: u32, lost: u32) -> WinRate {
        WinRate {
            won,
            lost,
            rate: share(i64::from(won), i64::from(won) + i64::from(lost)),
        }
    }
}
