//! A local time of day, `HH:MM` on a 24-hour clock.

use std::fmt;

/// Minutes since midnight, 0–1439.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

/// Why a time of day was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClockError(pub String);

impl fmt::Display for ClockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\u{201c}{}\u{201d} is not a time of day: write it as HH:MM on a 24-hour clock, e.g. 09:30",
            self.0
        )
    }
}

impl std::error::Error for ClockError {}

impl ClockTime {
    /// `hour` 0–23, `minute` 0–59.
    pub fn new(hour: u8, minute: u8) -> Option<ClockTime> {
        (hour < 24 && minute < 60).then(|| ClockTime(u16::from(hour) * 60 + u16::from(minute)))
    }

    pub fn hour(self) -> u8 {
        (self.0 / 60) as u8
    }

    pub fn minute(self) -> u8 {
        (self.0 % 60) as u8
    }

    /// Reads `H:MM` or `HH:MM` (also with a dot: `9.30`).
    pub fn parse(text: &str) -> Result<ClockTime, ClockError> {
        let t = text.trim();
        let bad = || ClockError(text.to_owned());
        let (h, m) = t.split_once([':', '.']).ok_or_else(bad)?;
        let digits = |s: &str, max_len: usize| {
            (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u8>().ok())
                .flatten()
        };
        let (Some(h), Some(m)) = (digits(h, 2), digits(m, 2).filter(|_| m.len() == 2)) else {
            return Err(bad());
        };
        ClockTime::new(h, m).ok_or_else(bad)
    }
}

impl Default for ClockTime {
    /// 09:00.
    fn default() -> ClockTime {
        ClockTime(9 * 60)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

#[cfg(test)]
mod tests {
    use super::ClockTime;

    #[test]
    fn reads_and_writes_times() {
        for (text, want) in [
            ("09:30", Some("09:30")),
            ("9:30", Some("09:30")),
            (" 14.05 ", Some("14:05")),
            ("00:00", Some("00:00")),
            ("23:59", Some("23:59")),
            ("24:00", None),
            ("12:60", None),
            ("12:5", None),
            ("noon", None),
            ("1230", None),
            ("-1:30", None),
            ("", None),
        ] {
            let got = ClockTime::parse(text).ok().map(|t| t.to_string());
            assert_eq!(got.as_deref(), want, "{text:?}");
        }
    }
}
