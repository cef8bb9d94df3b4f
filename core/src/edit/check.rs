//! The reader's limits, checked before an edit changes anything: text
//! lengths, list sizes, amounts and whole numbers in range.

use super::EditError;
use crate::format::limits::{LONG_TEXT, MAX_ITEMS, MAX_MINOR, SHORT_TEXT};
use crate::money::Money;

/// How long a text may be, as the file format reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// Names, titles: one line.
    Short,
    /// Notes, evidence, answers: several lines.
    Long,
}

impl TextKind {
    /// The most characters kept.
    pub fn max(self) -> usize {
        match self {
            TextKind::Short => SHORT_TEXT,
            TextKind::Long => LONG_TEXT,
        }
    }
}

/// `text` fits a field of `kind` called `field`.
pub(crate) fn text(
    field: impl FnOnce() -> String,
    text: &str,
    kind: TextKind,
) -> Result<(), EditError> {
    let max = kind.max();
    // Bytes bound characters from above: only long texts are counted.
    if text.len() > max {
        let len = text.chars().count();
        if len > max {
            return Err(EditError::TooLong {
                field: field(),
                len,
                max,
            });
        }
    }
    Ok(())
}

/// Every line fits, and there are not too many.
pub(crate) fn lines(field: &str, items: &[String], kind: TextKind) -> Result<(), EditError> {
    if items.len() > MAX_ITEMS {
        return Err(EditError::TooMany {
            field: field.to_owned(),
            max: MAX_ITEMS,
        });
    }
    for (i, item) in items.iter().enumerate() {
        text(|| format!("{field}, line {}", i + 1), item, kind)?;
    }
    Ok(())
}

/// A list may grow by one.
pub(crate) fn room(field: &str, len: usize) -> Result<(), EditError> {
    if len >= MAX_ITEMS {
        return Err(EditError::TooMany {
            field: field.to_owned(),
            max: MAX_ITEMS,
        });
    }
    Ok(())
}

/// An amount the file keeps: 0 up to 10¹⁵ minor units.
pub(crate) fn amount(field: impl FnOnce() -> String, m: Money) -> Result<(), EditError> {
    if m.0 < 0 {
        return Err(EditError::invalid(
            field(),
            "an amount here cannot be negative",
        ));
    }
    if m.0 > MAX_MINOR {
        return Err(EditError::invalid(field(), "that amount is too large"));
    }
    Ok(())
}

/// A whole number within `lo..=hi`.
pub(crate) fn within(
    field: impl FnOnce() -> String,
    n: i64,
    lo: i64,
    hi: i64,
) -> Result<(), EditError> {
    if !(lo..=hi).contains(&n) {
        return Err(EditError::invalid(
            field(),
            format!("{n} is outside {lo}–{hi}"),
        ));
    }
    Ok(())
}
