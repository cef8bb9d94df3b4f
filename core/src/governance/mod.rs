//! Governance (the seed's "metrics that prevent vanity activity"):
//! partner-sourced pipeline created, progression and win rate, deal cycle
//! time against direct deals, retention and expansion of partner-influenced
//! accounts, and each partner's incentive plan against what its deals show
//! (step 6 checked against the pipeline).
//!
//! Everything is computed for a [`Window`] the user chooses (both days
//! included), cut into months or quarters ([`Period`]), for the program
//! and per partner, in one pass over the opportunities ([`tally`]).
//!
//! Rules (each module states its own in full):
//! - *Created* counts by creation day; *closed* by closing day: the close
//!   date of a won or lost deal, else the day it entered won or lost.
//! - *Partner* deals are partner-sourced or partner-influenced; a partner's
//!   figures count the deals attributed to it. Cycle time compares
//!   partner-sourced with direct.
//! - Funnel: deals created in the window; a stage is reached when the
//!   history shows it or a later one; moved past = reached the next
//!   ([`pipeline`]).
//! - Win rate = won ÷ (won + lost) of the deals closed in the window.
//! - Median cycle time of an even count: the mean of the two middle values
//!   rounded half up to whole days ([`cycle`]).
//! - Retention: renewals and expansions closed in the window; gross = won
//!   renewals ÷ renewals up, net = (won renewals + won expansions) ÷
//!   renewals up, by amount ([`retention`]).
//! - Plan against actual: new business only; the model re-run at the actual
//!   win rate, deal size and decided deals per quarter ([`plan_actual`]).
//!
//! Money is [`crate::Money`] (integer minor units); shares are
//! [`crate::rate::Rate`] in basis points, rounded half away from zero;
//! deals per quarter are thousandths. No binary floating point.

pub mod chart;
pub mod cycle;
pub mod pipeline;
pub mod plan_actual;
pub mod report;
pub mod retention;
pub mod split;
pub mod tally;
pub mod text;
pub mod window;

pub use report::{report, MetricsReport, PartnerMetrics, Program, Versus};
pub use window::{Period, PeriodSpan, Window};
