//! The time window a user looks at, and the months or quarters it is cut
//! into.
//!
//! - A [`Window`] runs from `from` to `to`, both days included; a window
//!   whose `from` is after its `to` holds no day.
//! - Periods are calendar months or calendar quarters. The first and the
//!   last may be cut by the window: their span is the part inside it
//!   (`whole` is false).
//! - **Quarters in a window** ([`Window::quarters_milli`], in thousandths):
//!   every calendar quarter the window covers counts 1, a quarter it covers
//!   in part counts its days inside the window over the quarter's days
//!   (rounded to the thousandth). 2026-01-01 to 2026-06-30 is 2.000
//!   quarters; 2026-02-15 to 2026-03-31 is 45/90 = 0.500.

use serde::Serialize;

use crate::date::Date;
use crate::pipeline::Pipeline;
use crate::rate::mul_div;
use crate::vocabulary;

vocabulary! {
    /// What the window is cut into.
    pub enum Period ("period") {
        Month = "month" / "Month",
        Quarter = "quarter" / "Quarter",
    }
}

impl Period {
    fn months(self) -> u8 {
        match self {
            Period::Month => 1,
            Period::Quarter => 3,
        }
    }
}

/// Days from `from` to `to`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Window {
    pub from: Date,
    pub to: Date,
}

/// One month or quarter, as far as it lies in the window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodSpan {
    /// "2026-01" for a month, "2026 Q1" for a quarter.
    pub label: String,
    /// First and last day inside the window.
    pub from: Date,
    pub to: Date,
    /// The whole month or quarter lies in the window.
    pub whole: bool,
}

impl Window {
    pub fn new(from: Date, to: Date) -> Window {
        Window { from, to }
    }

    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }

    /// Days in the window (0 when `from` is after `to`).
    pub fn days(&self) -> i64 {
        (self.from.days_until(self.to) + 1).max(0)
    }

    /// From the first day a deal was created to the last day one was
    /// created or closed: the window of everything in the pipeline.
    pub fn of_pipeline(pipeline: &Pipeline) -> Option<Window> {
        let mut days = pipeline.opportunities.iter().flat_map(|o| {
            let last = o.history.last().map(|e| e.date);
            [Some(o.created), o.close, last].into_iter().flatten()
        });
        let first = days.next()?;
        let (from, to) = days.fold((first, first), |(a, b), d| (a.min(d), b.max(d)));
        Some(Window { from, to })
    }

    /// The months or quarters of the window, oldest first.
    pub fn spans(&self, period: Period) -> Vec<PeriodSpan> {
        let mut out = Vec::new();
        if self.from > self.to {
            return out;
        }
        let step = period.months();
        let (mut year, mut month) = (self.from.year(), first_month(self.from, step));
        loop {
            let start = month_start(year, month);
            if start > self.to {
                return out;
            }
            let (ny, nm) = if month + step > 12 {
                (year + 1, month + step - 12)
            } else {
                (year, month + step)
            };
            // The calendar ends with 9999: the last period ends on its last day.
            let end = Date::from_ymd(ny, nm, 1)
                .map_or(Date::from_ymd(9999, 12, 31).expect("the last day"), |d| {
                    d.add_days(-1)
                });
            out.push(PeriodSpan {
                label: match period {
                    Period::Month => format!("{year}-{month:02}"),
                    Period::Quarter => format!("{year} Q{}", (month - 1) / 3 + 1),
                },
                from: start.max(self.from),
                to: end.min(self.to),
                whole: start >= self.from && end <= self.to,
            });
            if Date::from_ymd(ny, nm, 1).is_none() {
                return out;
            }
            (year, month) = (ny, nm);
        }
    }

    /// Calendar quarters in the window, in thousandths (rule in the module
    /// doc).
    pub fn quarters_milli(&self) -> i64 {
        let mut total = 0;
        for span in self.spans(Period::Quarter) {
            let y = span.from.year();
            let m = (span.from.quarter() - 1) * 3 + 1;
            let start = month_start(y, m);
            // The quarter's last day (31 December for Q4: the calendar may
            // end there).
            let last = if m == 10 {
                Date::from_ymd(y, 12, 31).expect("31 December")
            } else {
                month_start(y, m + 3).add_days(-1)
            };
            let inside = span.from.days_until(span.to) + 1;
            total += mul_div(inside, 1000, start.days_until(last) + 1);
        }
        total
    }
}

/// The first day of `month` in `year` (months 1–12; a year past the
/// calendar's end gives its last day).
fn month_start(year: i32, month: u8) -> Date {
    Date::from_ymd(year, month, 1)
        .or_else(|| Date::from_ymd(year, 1, 1))
        .unwrap_or(Date::from_ymd(9999, 12, 31).expect("the last day"))
}

/// The first month of the period (of `step` months) holding `day`.
fn first_month(day: Date, step: u8) -> u8 {
    let month = (1..=12)
        .rev()
        .find(|&m| month_start(day.year(), m) <= day)
        .unwrap_or(1);
    month - (month - 1) % step
}

/// The spans of a window, to place a day in its period.
#[derive(Clone, Debug)]
pub struct Periods {
    starts: Vec<Date>,
    to: Date,
}

impl Periods {
    pub fn new(spans: &[PeriodSpan]) -> Periods {
        Periods {
            starts: spans.iter().map(|s| s.from).collect(),
            to: spans
                .last()
                .map_or(Date::from_ymd(1, 1, 1).expect("day"), |s| s.to),
        }
    }

    /// The period `day` falls in, if it lies in the window.
    pub fn index(&self, day: Date) -> Option<usize> {
        if day > self.to {
            return None;
        }
        self.starts.partition_point(|s| *s <= day).checked_sub(1)
    }
}
