//! Money in integer minor units (cents, pence…) with an ISO 4217 currency per
//! workspace. Never binary floating point.

pub mod exchange;

use std::fmt;

/// An ISO 4217 currency code such as `EUR`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

/// Why a text is not a currency or an amount.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("\"{0}\" is not a currency code: use three capital letters such as EUR, USD or GBP")]
    BadCurrency(String),
    #[error("\"{0}\" is not an amount: write digits with an optional decimal point, e.g. 1250 or 1250.50")]
    NotANumber(String),
    #[error("\"{text}\" has more decimals than {currency} allows ({digits})")]
    TooPrecise {
        text: String,
        currency: Currency,
        digits: u8,
    },
    #[error("\"{0}\" is too large an amount")]
    TooLarge(String),
}

impl Currency {
    pub const EUR: Currency = Currency(*b"EUR");
    pub const USD: Currency = Currency(*b"USD");

    /// Parse a three-letter code (upper case).
    pub fn parse(s: &str) -> Result<Currency, MoneyError> {
        let b = s.as_bytes();
        if b.len() == 3 && b.iter().all(u8::is_ascii_uppercase) {
            Ok(Currency([b[0], b[1], b[2]]))
        } else {
            Err(MoneyError::BadCurrency(s.to_owned()))
        }
    }

    pub fn code(&self) -> &str {
        // Only ASCII upper-case letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// Digits after the decimal point (ISO 4217 exponent).
    pub fn minor_digits(&self) -> u8 {
        match self.code() {
            "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF"
            | "UGX" | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
            "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
            _ => 2,
        }
    }

    fn scale(&self) -> i64 {
        10_i64.pow(u32::from(self.minor_digits()))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An amount in minor units of the workspace currency.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn minor(self) -> i64 {
        self.0
    }

    /// Parse a decimal amount typed by a person or written by a CRM export
    /// ("12,500.50", "12500", "-3.2", "$12,000.00", "12 000,50", "12.000,50")
    /// in `currency`. A leading or trailing `$`, `€`, `£` or `¥` is dropped
    /// (which currency it means is the caller's business). Spaces, `_` and
    /// `'` group thousands. The decimal separator is the last of `.` and `,`
    /// when both occur; a lone `.` is one; a lone `,` is one unless exactly
    /// three digits follow it ("12,500" is twelve thousand five hundred,
    /// "12,5" twelve and a half); either repeated groups thousands.
    pub fn parse(text: &str, currency: Currency) -> Result<Money, MoneyError> {
        let kept: String = text
            .trim()
            .chars()
            .filter(|c| {
                !matches!(
                    c,
                    '_' | ' ' | '\'' | '\u{a0}' | '\u{202f}' | '$' | '€' | '£' | '¥'
                )
            })
            .collect();
        let decimal = decimal_separator(&kept);
        let cleaned: String = kept
            .chars()
            .filter_map(|c| match c {
                '.' | ',' if Some(c) == decimal => Some('.'),
                '.' | ',' => None,
                c => Some(c),
            })
            .collect();
        let (neg, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        let (whole, frac) = match digits.split_once('.') {
            Some((w, f)) => (w, f),
            None => (digits, ""),
        };
        let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !all_digits(whole) || !all_digits(frac) {
            return Err(MoneyError::NotANumber(text.to_owned()));
        }
        let max = usize::from(currency.minor_digits());
        if frac.len() > max {
            return Err(MoneyError::TooPrecise {
                text: text.to_owned(),
                currency,
                digits: currency.minor_digits(),
            });
        }
        let too_large = || MoneyError::TooLarge(text.to_owned());
        let whole_v: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| too_large())?
        };
        let mut frac_v: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| too_large())?
        };
        for _ in frac.len()..max {
            frac_v *= 10;
        }
        let minor = whole_v
            .checked_mul(currency.scale())
            .and_then(|v| v.checked_add(frac_v))
            .ok_or_else(too_large)?;
        Ok(Money(if neg { -minor } else { minor }))
    }

    /// "12,500.50 EUR".
    pub fn display(self, currency: Currency) -> String {
        format!("{} {}", self.amount_text(currency), currency)
    }

    /// "12,500.50" without the currency.
    pub fn amount_text(self, currency: Currency) -> String {
        let scale = currency.scale();
        let neg = self.0 < 0;
        let abs = self.0.unsigned_abs();
        let whole = abs / scale.unsigned_abs();
        let frac = abs % scale.unsigned_abs();
        let grouped = group_digits(whole);
        let sign = if neg { "-" } else { "" };
        match currency.minor_digits() {
            0 => format!("{sign}{grouped}"),
            d => format!("{sign}{grouped}.{frac:0width$}", width = usize::from(d)),
        }
    }

    /// Whole units, rounded half away from zero, for chart labels:
    /// "12,501 EUR".
    pub fn display_whole(self, currency: Currency) -> String {
        let scale = currency.scale();
        let half = scale / 2;
        let units = if self.0 >= 0 {
            self.0.saturating_add(half) / scale
        } else {
            self.0.saturating_sub(half) / scale
        };
        let text = Money(units.saturating_mul(scale)).amount_text(currency);
        let whole = text.split('.').next().unwrap_or(&text);
        format!("{whole} {currency}")
    }

    /// Plain decimal text for an input field ("12500.50").
    pub fn input_text(self, currency: Currency) -> String {
        self.amount_text(currency).replace(',', "")
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn saturating_add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }

    pub fn saturating_sub(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }
}

/// The decimal separator of an amount without spaces (see [`Money::parse`]),
/// or `None` when `.` and `,` only group thousands.
fn decimal_separator(s: &str) -> Option<char> {
    let count = |c: char| s.matches(c).count();
    let last = s.rfind(['.', ','])?;
    let sep = if s.as_bytes()[last] == b'.' { '.' } else { ',' };
    if count(sep) > 1 {
        return None;
    }
    let other = if sep == '.' { ',' } else { '.' };
    let digits_after = s[last + 1..]
        .chars()
        .take_while(char::is_ascii_digit)
        .count();
    if sep == ',' && count(other) == 0 && digits_after == 3 {
        return None;
    }
    Some(sep)
}

/// The amount without a currency written in it, and that currency
/// ("USD 12,000", "12.000,00 EUR", "12 000 €").
pub fn split_currency(text: &str) -> (&str, Option<&str>) {
    let t = text.trim();
    let is_code = |s: &str| s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic());
    if let Some((code, rest)) = t.split_once(' ') {
        if is_code(code) {
            return (rest, Some(code));
        }
    }
    if let Some((rest, code)) = t.rsplit_once(' ') {
        if is_code(code) {
            return (rest, Some(code));
        }
    }
    if t.contains('€') {
        (t, Some("EUR"))
    } else if t.contains('£') {
        (t, Some("GBP"))
    } else {
        (t, None)
    }
}

/// A whole number with thousands separators: 1000000 → "1,000,000".
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_amounts() {
        let eur = Currency::EUR;
        let jpy = Currency::parse("JPY").unwrap();
        for (text, cur, expected) in [
            ("12500", eur, Some(1_250_000)),
            ("12,500.5", eur, Some(1_250_050)),
            ("0.07", eur, Some(7)),
            ("-3.20", eur, Some(-320)),
            (".5", eur, Some(50)),
            ("1.234", eur, None),
            ("abc", eur, None),
            ("", eur, None),
            ("1500", jpy, Some(1500)),
            ("1500.5", jpy, None),
            ("99999999999999999999", eur, None),
            // As CRM exports write them.
            ("$12,000.00", eur, Some(1_200_000)),
            ("-$1,200", eur, Some(-120_000)),
            ("12 000,50", eur, Some(1_200_050)),
            ("12\u{a0}000,50 €", eur, Some(1_200_050)),
            ("12.000,50", eur, Some(1_200_050)),
            ("1.234.567", eur, Some(123_456_700)),
            ("1,234,567.8", eur, Some(123_456_780)),
            ("12,5", eur, Some(1_250)),
            ("1'250.75", eur, Some(125_075)),
            ("12,000", eur, Some(1_200_000)),
            ("12k", eur, None),
        ] {
            assert_eq!(
                Money::parse(text, cur).ok().map(Money::minor),
                expected,
                "{text} {cur}"
            );
        }
    }

    #[test]
    fn digits_grouped_by_thousands() {
        for (n, expected) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (25_000, "25,000"),
            (1_234_567, "1,234,567"),
        ] {
            assert_eq!(group_digits(n), expected);
        }
    }

    #[test]
    fn display_amounts() {
        let eur = Currency::EUR;
        for (minor, expected) in [
            (1_250_050, "12,500.50 EUR"),
            (7, "0.07 EUR"),
            (-320, "-3.20 EUR"),
            (100_000_000, "1,000,000.00 EUR"),
        ] {
            assert_eq!(Money(minor).display(eur), expected);
        }
        let jpy = Currency::parse("JPY").unwrap();
        for (minor, cur, expected) in [
            (1_250_050, eur, "12,501 EUR"),
            (1_250_049, eur, "12,500 EUR"),
            (-1_250_050, eur, "-12,501 EUR"),
            (-49, eur, "0 EUR"),
            (1_500, jpy, "1,500 JPY"),
        ] {
            assert_eq!(Money(minor).display_whole(cur), expected);
        }
    }

    #[test]
    fn currency_codes() {
        assert!(Currency::parse("EUR").is_ok());
        assert!(Currency::parse("eur").is_err());
        assert!(Currency::parse("EURO").is_err());
    }
}
