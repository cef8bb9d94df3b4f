//! The number the program's owner answers for, this quarter, against its
//! target.
//!
//! Rules:
//! - **Quarters are calendar quarters** ([`quarter`]): the current one holds
//!   `today` and runs from its first to its last day; the previous one is
//!   the quarter before.
//! - **The actual** is summed from the pipeline, with the governance
//!   metrics' rules (created by creation day, closed by closing day,
//!   [`crate::governance::tally::closed_on`]), over the whole program
//!   (deals of partners no longer in the workspace included):
//!   - *partner-sourced pipeline created*: the amounts of partner-sourced
//!     deals created in the quarter, whatever their stage;
//!   - *partner revenue won*: won partner-sourced and partner-influenced
//!     deals closed in the quarter;
//!   - *partner-sourced revenue won*: won partner-sourced deals closed in
//!     the quarter.
//! - **Share of target** = actual ÷ target in basis points, rounded half
//!   away from zero; none without a target. It may pass 100 %.

use serde::Serialize;

use super::sums::{sums, Sums};
use crate::date::Date;
use crate::governance::split::share;
use crate::governance::{Period, PeriodSpan, Window};
use crate::money::Money;
use crate::program::Number;
use crate::rate::Rate;
use crate::workspace::Workspace;

/// The calendar quarter holding `day`, whole ("2026 Q4", 2026-10-01 to
/// 2026-12-31).
pub fn quarter(day: Date) -> PeriodSpan {
    let first = first_of_quarter(day);
    let next = Date::from_ymd(
        first.year() + i32::from(first.month() == 10),
        (first.month() + 2) % 12 + 1,
        1,
    );
    let last = next.map_or(Date::from_ymd(9999, 12, 31).expect("the last day"), |d| {
        d.add_days(-1)
    });
    Window::new(first, last)
        .spans(Period::Quarter)
        .pop()
        .expect("a quarter is one span")
}

/// The first day of the quarter holding `day`.
fn first_of_quarter(day: Date) -> Date {
    Date::from_ymd(day.year(), (day.quarter() - 1) * 3 + 1, 1).expect("the first of a month")
}

/// The `n` calendar quarters up to `today`: from the first day of the
/// quarter `n - 1` before today's, to `today` (the current quarter counts
/// as far as it has gone). `n` of 0 is taken as 1.
pub fn quarters_to(today: Date, n: u8) -> Window {
    let mut from = first_of_quarter(today);
    for _ in 1..n.max(1) {
        from = first_of_quarter(from.add_days(-1));
    }
    Window::new(from, today)
}

/// The window in words: "2026 Q1 to 2026-11-30".
pub fn window_text(w: &Window) -> String {
    let first = w
        .spans(Period::Quarter)
        .first()
        .map_or_else(|| w.from.to_string(), |s| s.label.clone());
    format!("{first} to {}", w.to)
}

/// One quarter's figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuarterActual {
    /// "2026 Q4" with its first and last day.
    pub quarter: PeriodSpan,
    pub actual: Money,
}

/// The owner, the number and how the quarter is going.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NumberView {
    /// Empty when nobody owns it yet.
    pub owner: String,
    pub number: Number,
    /// The current quarter ("2026 Q4", from, to).
    pub quarter: PeriodSpan,
    pub actual: Money,
    /// Per quarter; zero when none is set.
    pub target: Money,
    /// Actual over target; `None` without a target.
    pub share: Option<Rate>,
    pub previous: QuarterActual,
}

/// The number's actual in the quarter `q` (rules in the module doc).
fn actual(ws: &Workspace, number: Number, q: &PeriodSpan) -> Money {
    let (program, _) = sums(ws, &Window::new(q.from, q.to));
    of(number, &program)
}

/// The number read from the sums of a window.
pub(crate) fn of(number: Number, s: &Sums) -> Money {
    match number {
        Number::SourcedPipeline => s.created.sourced.amount,
        Number::PartnerRevenue => s.won.sourced.amount.saturating_add(s.won.influenced.amount),
        Number::SourcedRevenue => s.won.sourced.amount,
    }
}

/// The program's number on `today` (rules in the module doc).
pub fn number(ws: &Workspace, today: Date) -> NumberView {
    let p = &ws.program;
    let q = quarter(today);
    let before = quarter(q.from.add_days(-1));
    let actual_now = actual(ws, p.number, &q);
    NumberView {
        owner: p.owner.trim().to_owned(),
        number: p.number,
        actual: actual_now,
        target: p.target,
        share: (p.target.0 > 0)
            .then(|| share(actual_now.0, p.target.0))
            .flatten(),
        previous: QuarterActual {
            actual: actual(ws, p.number, &before),
            quarter: before,
        },
        quarter: q,
    }
}
