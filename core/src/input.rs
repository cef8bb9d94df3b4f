//! What people type into a field, read into a value — or the reason it is
//! not one, in words to show beside the field. The app's parsed inputs and
//! the command line read numbers the same way.

use crate::format::limits::{MAX_EMPLOYEES, MAX_MINOR, MAX_WEIGHT};
use crate::money::{Currency, Money, MoneyError};
use crate::rate::{Rate, RateError};
use crate::scorecard::config::GATE_RANGE;
use crate::scorecard::format_score;

/// Why a text is not the value a field wants.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("Enter a value.")]
    Required,
    #[error("\"{0}\" is not a whole number.")]
    NotWhole(String),
    #[error("\"{0}\" is not a number.")]
    NotANumber(String),
    #[error("{value} is outside {lo}–{hi}.")]
    OutOfRange {
        value: String,
        lo: String,
        hi: String,
    },
    #[error("{0} is negative: weights are 0 or more.")]
    NegativeWeight(String),
    #[error("At most {0}: weights are relative.")]
    WeightTooLarge(String),
    #[error("An amount here cannot be negative.")]
    NegativeAmount,
    #[error("That amount is too large.")]
    AmountTooLarge,
    #[error("{0}")]
    Money(MoneyError),
    #[error("{0}")]
    Rate(RateError),
}

/// Digits with optional thousands separators (`,`, `_`, spaces) removed.
fn digits(text: &str) -> String {
    text.trim().replace([',', '_', ' ', '\u{a0}'], "")
}

/// A whole number within `lo..=hi`; empty is an error.
pub fn whole(text: &str, lo: u32, hi: u32) -> Result<u32, InputError> {
    let t = digits(text);
    if t.is_empty() {
        return Err(InputError::Required);
    }
    let n: u64 = t
        .parse()
        .map_err(|_| InputError::NotWhole(text.trim().to_owned()))?;
    if n < u64::from(lo) || n > u64::from(hi) {
        return Err(InputError::OutOfRange {
            value: n.to_string(),
            lo: lo.to_string(),
            hi: hi.to_string(),
        });
    }
    Ok(n as u32)
}

/// A whole number within `0..=hi`, or nothing (empty).
pub fn optional_whole(text: &str, hi: u32) -> Result<Option<u32>, InputError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    whole(text, 0, hi).map(Some)
}

/// An employee count of an ICP range, or nothing.
pub fn employees(text: &str) -> Result<Option<u32>, InputError> {
    optional_whole(text, MAX_EMPLOYEES)
}

/// An amount in `currency`, not negative; empty is `None` when `optional`.
pub fn amount(text: &str, currency: Currency, optional: bool) -> Result<Option<Money>, InputError> {
    if text.trim().is_empty() {
        return if optional {
            Ok(None)
        } else {
            Err(InputError::Required)
        };
    }
    let m = Money::parse(text, currency).map_err(InputError::Money)?;
    if m.minor() < 0 {
        return Err(InputError::NegativeAmount);
    }
    if m.minor() > MAX_MINOR {
        return Err(InputError::AmountTooLarge);
    }
    Ok(Some(m))
}

/// A percentage 0–100, kept in basis points.
pub fn percent(text: &str) -> Result<Rate, InputError> {
    Rate::parse_percent(text).map_err(InputError::Rate)
}

/// Hours as typed ("1.5", "2", "0,75"; up to two decimals) in whole
/// minutes, rounded half up; at most `max_hours`.
pub fn hours(text: &str, max_hours: u32) -> Result<u32, InputError> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() {
        return Err(InputError::Required);
    }
    let bad = || InputError::NotANumber(text.trim().to_owned());
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    let ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty())
        || !ok(whole)
        || !ok(frac)
        || frac.len() > 2
        || whole.len() > 6
    {
        return Err(bad());
    }
    let hundredths = whole.parse::<u64>().unwrap_or(0) * 100
        + format!("{frac:0<2}").parse::<u64>().map_err(|_| bad())?;
    if hundredths > u64::from(max_hours) * 100 {
        return Err(InputError::OutOfRange {
            value: t,
            lo: "0".into(),
            hi: max_hours.to_string(),
        });
    }
    Ok(((hundredths * 60 + 50) / 100) as u32)
}

/// Minutes as hours for people, to the tenth: 90 → "1.5", 120 → "2".
pub fn hours_text(minutes: u32) -> String {
    let tenths = (u64::from(minutes) * 10 + 30) / 60;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// A relative weight, 0 or more.
pub fn weight(text: &str) -> Result<f64, InputError> {
    let t = text.trim();
    match t.parse::<f64>() {
        Ok(w) if w.is_finite() && w > MAX_WEIGHT => {
            Err(InputError::WeightTooLarge(format_score(MAX_WEIGHT)))
        }
        Ok(w) if w.is_finite() && w >= 0.0 => Ok(w),
        Ok(w) if w < 0.0 => Err(InputError::NegativeWeight(t.to_owned())),
        _ => Err(InputError::NotANumber(t.to_owned())),
    }
}

/// A gate threshold 1–5, or no gate (empty).
pub fn gate(text: &str) -> Result<Option<f64>, InputError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(g) if GATE_RANGE.contains(&g) => Ok(Some(g)),
        Ok(g) if g.is_finite() => Err(InputError::OutOfRange {
            value: format_score(g),
            lo: "1".into(),
            hi: "5 (category scores are 1–5)".into(),
        }),
        _ => Err(InputError::NotANumber(t.to_owned())),
    }
}

/// A gate's per-criterion floor: a whole rating 1–5, or no floor (empty).
pub fn floor(text: &str) -> Result<Option<crate::partner::Score>, InputError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let n = whole(text, 1, 5)?;
    Ok(crate::partner::Score::new(n as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_read_in_minutes() {
        for (text, want) in [
            ("1.5", Ok(90)),
            ("2", Ok(120)),
            (" 0,75 ", Ok(45)),
            (".5", Ok(30)),
            ("0.01", Ok(1)),
            ("1000", Ok(60_000)),
            ("1000.01", Err("is outside 0–1000")),
            ("", Err("Enter a value")),
            ("1.234", Err("is not a number")),
            ("-1", Err("is not a number")),
            ("two", Err("is not a number")),
            (".", Err("is not a number")),
        ] {
            let got = hours(text, 1000).map_err(|e| e.to_string());
            if let Ok(m) = got {
                assert_eq!(
                    hours(&hours_text(m), 1000).map(hours_text),
                    Ok(hours_text(m))
                );
            }
            match (got, want) {
                (Ok(g), Ok(w)) => assert_eq!(g, w, "{text}"),
                (Err(g), Err(w)) => assert!(g.contains(w), "{text}: {g}"),
                (g, w) => panic!("{text}: {g:?} vs {w:?}"),
            }
        }
    }

    /// Rows: (text, what it reads as, or the message).
    #[test]
    fn numbers_are_read_as_people_write_them() {
        let eur = Currency::EUR;
        for (text, want) in [
            ("24000", Ok(Some(Money(2_400_000)))),
            ("24,000.50", Ok(Some(Money(2_400_050)))),
            ("", Ok(None)),
            ("-5", Err("An amount here cannot be negative.")),
            ("abc", Err("is not an amount")),
        ] {
            let got = amount(text, eur, true).map_err(|e| e.to_string());
            match (got, want) {
                (Ok(g), Ok(w)) => assert_eq!(g, w, "{text}"),
                (Err(g), Err(w)) => assert!(g.contains(w), "{text}: {g}"),
                (g, w) => panic!("{text}: {g:?} vs {w:?}"),
            }
        }
        assert_eq!(amount("", eur, false), Err(InputError::Required));
        assert_eq!(employees("1,200"), Ok(Some(1200)));
        assert_eq!(employees(""), Ok(None));
        assert_eq!(
            whole("1001", 1, 1000).unwrap_err().to_string(),
            "1001 is outside 1–1000."
        );
        assert_eq!(
            whole("2.5", 0, 9).unwrap_err().to_string(),
            "\"2.5\" is not a whole number."
        );
        assert_eq!(weight("1.5"), Ok(1.5));
        assert_eq!(
            weight("-1").unwrap_err().to_string(),
            "-1 is negative: weights are 0 or more."
        );
        assert_eq!(gate(""), Ok(None));
        assert_eq!(gate("4"), Ok(Some(4.0)));
        assert!(gate("6")
            .unwrap_err()
            .to_string()
            .starts_with("6 is outside 1–5"));
        assert_eq!(percent("12.5"), Ok(Rate(1250)));
        assert_eq!(floor(""), Ok(None));
        assert_eq!(floor("2").map(|f| f.map(|s| s.get())), Ok(Some(2)));
        assert_eq!(floor("0").unwrap_err().to_string(), "0 is outside 1–5.");
        assert_eq!(
            floor("2.5").unwrap_err().to_string(),
            "\"2.5\" is not a whole number."
        );
    }
}
