//! Calendar dates (no time of day, no time zone): status changes, pilots,
//! expiry. The core never reads the clock; "today" is always an argument.

use std::fmt;
use time::{macros::format_description, Duration};

/// A calendar date, written `YYYY-MM-DD` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a date in the form YYYY-MM-DD")]
pub struct DateError(pub String);

impl Date {
    /// Parse `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let fmt = format_description!("[year]-[month]-[day]");
        time::Date::parse(s, &fmt)
            .map(Date)
            .map_err(|_| DateError(s.to_owned()))
    }

    /// Build from year, month (1–12) and day.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Date)
    }

    /// The date `days` later (earlier when negative), saturating at the calendar's ends.
    pub fn add_days(self, days: i64) -> Date {
        Date(self.0.saturating_add(Duration::days(days)))
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).whole_days()
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// Month, 1–12.
    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    /// Day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// Day of the week, Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u8 {
        self.0.weekday().number_days_from_monday()
    }

    /// Calendar quarter, 1–4.
    pub fn quarter(self) -> u8 {
        (u8::from(self.0.month()) - 1) / 3 + 1
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            u8::from(self.0.month()),
            self.0.day()
        )
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        for (input, ok) in [
            ("2026-11-25", true),
            ("2024-02-29", true),
            ("2025-02-29", false),
            ("2026-13-01", false),
            ("26-1-1", false),
            ("", false),
        ] {
            let parsed = Date::parse(input);
            assert_eq!(parsed.is_ok(), ok, "{input}");
            if let Ok(d) = parsed {
                assert_eq!(d.to_string(), input);
            }
        }
    }

    #[test]
    fn arithmetic() {
        let d = Date::parse("2026-11-25").unwrap();
        assert_eq!(d.add_days(60).to_string(), "2027-01-24");
        assert_eq!(d.days_until(d.add_days(60)), 60);
        assert_eq!(d.quarter(), 4);
    }
}
