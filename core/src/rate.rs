//! Rates in basis points (1/100 of a percent): exact integer arithmetic on
//! money and counts, no binary floating point.

use std::fmt;

use crate::money::Money;

/// A rate in basis points: 10,000 = 100%.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate(pub u32);

/// Why a text is not a percentage.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RateError {
    #[error("\"{0}\" is not a percentage: write a number such as 12 or 12.5")]
    NotANumber(String),
    #[error("{0} is negative: a rate cannot be below 0%")]
    Negative(String),
    #[error("{0}% is over 100%")]
    OverHundred(String),
    #[error("\"{0}\" has more than two decimals")]
    TooPrecise(String),
}

impl Rate {
    pub const ZERO: Rate = Rate(0);
    pub const HUNDRED: Rate = Rate(10_000);

    /// `part` of `whole` times this rate, rounded half away from zero.
    pub fn of(self, m: Money) -> Money {
        Money(mul_div(m.0, i64::from(self.0), 10_000))
    }

    /// This rate applied to a count in thousandths.
    pub fn of_milli(self, milli: i64) -> i64 {
        mul_div(milli, i64::from(self.0), 10_000)
    }

    /// The complement (100% − self), saturating at 0.
    pub fn complement(self) -> Rate {
        Rate(10_000u32.saturating_sub(self.0))
    }

    /// Parse "12.5" (percent) into basis points; 0–100% only.
    pub fn parse_percent(text: &str) -> Result<Rate, RateError> {
        Rate::parse_any(text).and_then(|r| {
            if r.0 > 10_000 {
                Err(RateError::OverHundred(
                    text.trim().trim_end_matches('%').trim().to_owned(),
                ))
            } else {
                Ok(r)
            }
        })
    }

    /// Parse a percentage that may exceed 100% ("250" for a growth factor).
    pub fn parse_any(text: &str) -> Result<Rate, RateError> {
        let t = text.trim().trim_end_matches('%').trim();
        if t.starts_with('-') {
            return Err(RateError::Negative(t.to_owned()));
        }
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
            return Err(RateError::NotANumber(text.to_owned()));
        }
        if frac.len() > 2 {
            return Err(RateError::TooPrecise(text.to_owned()));
        }
        let w: u32 = if whole.is_empty() {
            0
        } else {
            whole
                .parse()
                .map_err(|_| RateError::NotANumber(text.to_owned()))?
        };
        let mut f: u32 = if frac.is_empty() {
            0
        } else {
            frac.parse().unwrap_or(0)
        };
        if frac.len() == 1 {
            f *= 10;
        }
        w.checked_mul(100)
            .and_then(|v| v.checked_add(f))
            .map(Rate)
            .ok_or_else(|| RateError::NotANumber(text.to_owned()))
    }

    /// "12.5%".
    pub fn percent_text(self) -> String {
        let (w, f) = (self.0 / 100, self.0 % 100);
        if f == 0 {
            format!("{w}%")
        } else if f % 10 == 0 {
            format!("{w}.{}%", f / 10)
        } else {
            format!("{w}.{f:02}%")
        }
    }

    /// Text for an input field ("12.5").
    pub fn input_text(self) -> String {
        self.percent_text().trim_end_matches('%').to_owned()
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.percent_text())
    }
}

/// `a * b / d` in 128 bits, rounded half away from zero.
pub fn mul_div(a: i64, b: i64, d: i64) -> i64 {
    let n = i128::from(a) * i128::from(b);
    let d = i128::from(d);
    let q = n / d;
    let r = n % d;
    let q = if 2 * r.abs() >= d.abs() {
        q + n.signum() * d.signum()
    } else {
        q
    };
    q.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages() {
        for (text, bp) in [
            ("12", Some(1200)),
            ("12.5", Some(1250)),
            ("0.05", Some(5)),
            ("100", Some(10_000)),
            ("7%", Some(700)),
        ] {
            assert_eq!(Rate::parse_percent(text).ok().map(|r| r.0), bp, "{text}");
        }
        assert!(matches!(
            Rate::parse_percent("-5"),
            Err(RateError::Negative(_))
        ));
        assert!(matches!(
            Rate::parse_percent("120"),
            Err(RateError::OverHundred(_))
        ));
        assert!(matches!(
            Rate::parse_percent("1.234"),
            Err(RateError::TooPrecise(_))
        ));
        assert!(matches!(
            Rate::parse_percent("ten"),
            Err(RateError::NotANumber(_))
        ));
        assert_eq!(Rate(1250).percent_text(), "12.5%");
        assert_eq!(Rate(1205).percent_text(), "12.05%");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(Rate(1250).of(Money(1_000)), Money(125));
        assert_eq!(Rate(3333).of(Money(100)), Money(33));
        assert_eq!(Rate(5000).of(Money(3)), Money(2)); // 1.5 → 2
        assert_eq!(Rate(5000).of(Money(-3)), Money(-2));
        assert_eq!(mul_div(7, 1, 2), 4);
    }
}
