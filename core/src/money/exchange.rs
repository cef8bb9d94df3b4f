//! Changing a workspace's currency: at an exchange rate, or relabelling
//! (the figures stay: 24,000.00 EUR becomes 24,000 JPY, not 2,400,000 JPY).
//!
//! An amount of `m` minor units of `from` is `m / 10^dₒ` whole units; at a
//! rate of `r` units of `to` per unit of `from` it is `m · r / 10^dₒ` whole
//! units of `to`, that is `m · r · 10^dₜ / 10^dₒ` minor units (dₒ, dₜ: the
//! currencies' minor digits). The rate is a decimal kept exactly
//! (`units / 10^scale`); the result is rounded half away from zero, in
//! 128-bit integers.

use super::{Currency, Money};

/// Units of the new currency one unit of the old one buys, e.g. 1.0834.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExchangeRate {
    units: i64,
    scale: u8,
}

/// Why a text is not an exchange rate.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RateTextError {
    #[error("\"{0}\" is not a rate: write a positive number such as 1.0834")]
    NotANumber(String),
    #[error("an exchange rate must be above 0")]
    NotPositive,
    #[error("\"{0}\" has more than 9 decimals")]
    TooPrecise(String),
    #[error("\"{0}\" is too large a rate")]
    TooLarge(String),
}

impl ExchangeRate {
    /// One for one: the figures stay, only the currency changes.
    pub const ONE: ExchangeRate = ExchangeRate { units: 1, scale: 0 };

    /// Parse "1.0834" (a comma works as the decimal point too).
    pub fn parse(text: &str) -> Result<ExchangeRate, RateTextError> {
        let t = text.trim().replace(',', ".");
        let bad = || RateTextError::NotANumber(text.trim().to_owned());
        let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
        if whole.is_empty() && frac.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let frac = frac.trim_end_matches('0');
        if frac.len() > 9 {
            return Err(RateTextError::TooPrecise(text.trim().to_owned()));
        }
        let digits = format!("{whole}{frac}");
        let units: i64 = digits
            .parse()
            .map_err(|_| RateTextError::TooLarge(text.trim().to_owned()))?;
        if units > 1_000_000_000_000_000 {
            return Err(RateTextError::TooLarge(text.trim().to_owned()));
        }
        if units == 0 {
            return Err(RateTextError::NotPositive);
        }
        Ok(ExchangeRate {
            units,
            scale: frac.len() as u8,
        })
    }

    /// `m` of `from` in `to`; `None` when it does not fit in 64 bits.
    pub fn convert(self, m: Money, from: Currency, to: Currency) -> Option<Money> {
        let num =
            i128::from(m.0) * i128::from(self.units) * 10_i128.pow(u32::from(to.minor_digits()));
        let den = 10_i128.pow(u32::from(self.scale) + u32::from(from.minor_digits()));
        let q = num / den;
        let r = num % den;
        let q = if 2 * r.abs() >= den {
            q + num.signum()
        } else {
            q
        };
        i64::try_from(q).ok().map(Money)
    }

    /// Whether converting `m` loses a fraction of the new currency's
    /// smallest unit (it was rounded).
    pub fn rounds(self, m: Money, from: Currency, to: Currency) -> bool {
        let num =
            i128::from(m.0) * i128::from(self.units) * 10_i128.pow(u32::from(to.minor_digits()));
        let den = 10_i128.pow(u32::from(self.scale) + u32::from(from.minor_digits()));
        num % den != 0
    }
}

impl std::fmt::Display for ExchangeRate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.units.to_string();
        let scale = usize::from(self.scale);
        if scale == 0 {
            return f.write_str(&s);
        }
        let s = format!("{s:0>width$}", width = scale + 1);
        let (whole, frac) = s.split_at(s.len() - scale);
        write!(f, "{whole}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(code: &str) -> Currency {
        Currency::parse(code).unwrap()
    }

    /// Rows: (amount in minor units, from, to, rate, expected minor units).
    /// Worked by hand: 24,000.00 EUR relabelled as JPY is 24,000 yen
    /// (2,400,000 → 24,000); at 1.0834 it is 26,001.60 USD.
    #[test]
    fn conversions_keep_the_figures_or_apply_the_rate() {
        let rows = [
            (2_400_000, "EUR", "JPY", "1", 24_000),
            (24_000, "JPY", "EUR", "1", 2_400_000),
            (2_400_000, "EUR", "USD", "1.0834", 2_600_160),
            (1_055, "EUR", "JPY", "1", 11), // 10.55 → 11 (half away from zero)
            (1_049, "EUR", "JPY", "1", 10), // 10.49 → 10
            (1_000, "EUR", "KWD", "0,33", 3_300), // 10.00 EUR → 3.300 KWD
            (0, "EUR", "GBP", "0.85", 0),
        ];
        for (m, from, to, rate, want) in rows {
            let r = ExchangeRate::parse(rate).unwrap();
            assert_eq!(
                r.convert(Money(m), cur(from), cur(to)),
                Some(Money(want)),
                "{m} {from} → {to} at {rate}"
            );
        }
        assert!(ExchangeRate::ONE.rounds(Money(1_055), cur("EUR"), cur("JPY")));
        assert!(!ExchangeRate::ONE.rounds(Money(1_000), cur("EUR"), cur("JPY")));
    }

    #[test]
    fn rates_are_read_exactly_and_refused_in_words() {
        for (text, shown) in [
            ("1.0834", "1.0834"),
            ("0.5", "0.5"),
            ("2", "2"),
            ("0.000001", "0.000001"),
            ("1.50", "1.5"),
        ] {
            assert_eq!(ExchangeRate::parse(text).unwrap().to_string(), shown);
        }
        for (text, err) in [
            ("", "is not a rate"),
            ("-1", "is not a rate"),
            ("abc", "is not a rate"),
            ("0", "must be above 0"),
            ("0.0000000001", "more than 9 decimals"),
        ] {
            let e = ExchangeRate::parse(text).unwrap_err().to_string();
            assert!(e.contains(err), "{text}: {e}");
        }
    }
}
