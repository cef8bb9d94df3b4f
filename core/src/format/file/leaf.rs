//! The leaves of the file: what a text, a number, an amount, a rate, an id
//! or a date may be. Each is a type that reads itself (reporting why a value
//! is not one), writes itself and gives its JSON Schema, so a record's field
//! types say what each field accepts.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Serialize, Serializer};

use super::super::cursor::At;
use super::super::limits::{LONG_TEXT, MAX_MINOR, MAX_WEIGHT, SHORT_TEXT};
use super::reader::{Leaf, MapKey};
use super::{FORMAT_TAG, FORMAT_VERSION};
use crate::date::Date;
use crate::id::Id;
use crate::money::{Currency, Money};
use crate::partner::Score;
use crate::program::ClockTime;
use crate::rate::Rate;
use crate::scorecard::config::GATE_RANGE;
use crate::share::records::SECRET_LEN;

/// Text of at most `MAX` characters.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(transparent)]
pub struct Text<const MAX: usize>(pub String);

/// Short text (names, titles): at most [`SHORT_TEXT`] characters.
pub type Short = Text<SHORT_TEXT>;
/// Long text (notes, evidence, answers): at most [`LONG_TEXT`] characters.
pub type Long = Text<LONG_TEXT>;

impl<const MAX: usize> Leaf for Text<MAX> {
    fn read_leaf(at: &At<'_>) -> Option<Self> {
        at.text(MAX).map(Text)
    }
}

/// A whole number from `MIN` to `MAX`, written as a `T`.
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(transparent)]
pub struct Whole<T, const MIN: i64, const MAX: i64>(pub T);

impl<T: TryFrom<i64>, const MIN: i64, const MAX: i64> Leaf for Whole<T, MIN, MAX> {
    fn read_leaf(at: &At<'_>) -> Option<Self> {
        let n = at.integer(MIN..=MAX)?;
        let v = T::try_from(n).ok();
        if v.is_none() {
            at.report(format!("{n} is too large"));
        }
        v.map(Whole)
    }
}

/// An amount in minor units from 0 to [`MAX_MINOR`] (budget floors, revenue
/// ranges; the amounts of plans are [`Money`], which explains a negative one).
pub type MinorUnits = Whole<i64, 0, MAX_MINOR>;

/// A relative weight: 0 or more (at most [`MAX_WEIGHT`]).
#[derive(Serialize, Debug, Clone, Copy, PartialEq)]
#[serde(transparent)]
pub struct Weight(pub f64);

impl Leaf for Weight {
    fn read_leaf(at: &At<'_>) -> Option<Self> {
        if at.value.as_f64().is_some_and(|w| w < 0.0) {
            at.report(format!(
                "weight {} is negative: weights are 0 or more",
                at.value
            ));
            return None;
        }
        at.number(0.0..=MAX_WEIGHT).map(Weight)
    }
}

/// The minimum category score of a gate, 1–5.
#[derive(Serialize, Debug, Clone, Copy, PartialEq)]
#[serde(transparent)]
pub struct Threshold(pub f64);

impl Leaf for Threshold {
    fn read_leaf(at: &At<'_>) -> Option<Self> {
        if at.value.as_f64().is_some_and(|v| !GATE_RANGE.contains(&v)) {
            at.report(format!(
                "threshold {} is outside 1–5 (category scores are 1–5)",
                at.value
            ));
            return None;
        }
        at.number(GATE_RANGE).map(Threshold)
    }
}

/// Three counts: customers, open opportunities, prospects.
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(transparent)]
pub struct Counts(pub [u64; 3]);

impl Leaf for Counts {
    fn read_leaf(at: &At<'_>) -> Option<Self> {
        let count = |c: &At<'_>| c.integer(0..=i64::MAX).map(|n| n as u64);
        three(
            at,
            count,
            "counts (customers, open opportunities, prospects)",
        )
        .map(Counts)
    }
}

/// Three rows of [`Counts`].
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(transparent)]
pub struct Cells(pub [[u64; 3]; 3]);

impl Leaf for Cells {
    fn read_leaf(at: &At<'_>) -> Option<Self> {
        let row = |r: &At<'_>| Counts::read_leaf(r).map(|c| c.0);
        three(at, row, "rows of counts").map(Cells)
    }
}

/// A list of exactly three items, each read by `item`; `what` they are, for
/// the message when there are more or fewer.
fn three<T>(at: &At<'_>, item: impl FnMut(&At<'_>) -> Option<T>, what: &str) -> Option<[T; 3]> {
    let items: Vec<T> = at.list(item)?.into_iter().collect::<Option<_>>()?;
    let n = items.len();
    let three = <[T; 3]>::try_from(items).ok();
    if three.is_none() {
        at.report(format!("expected 3 {what}, found {n}"));
    }
    three
}

/// An invitation's secret: 16 bytes, written in base64url without padding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Secret(pub [u8; SECRET_LEN]);

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&URL_SAFE_NO_PAD.encode(self.0))
    }
}

impl Leaf for Secret {
    fn read_leaf(at: &At<'_>) -> Option<Self> {
        let text = at.text(SHORT_TEXT)?;
        let bytes: Option<[u8; SECRET_LEN]> = URL_SAFE_NO_PAD
            .decode(&text)
            .ok()
            .and_then(|b| b.try_into().ok());
        if bytes.is_none() {
            at.report("expected 16 bytes in base64url (22 characters)");
        }
        bytes.map(Secret)
    }
}

/// A field whose value is always the same: written as it, read only as it
/// (anything else is reported), its JSON Schema the constant.
macro_rules! constant {
    ($(#[$meta:meta])* $name:ident = $value:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        pub struct $name;

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $value.serialize(s)
            }
        }

        impl Leaf for $name {
            fn read_leaf(at: &At<'_>) -> Option<Self> {
                let expected = serde_json::Value::from($value);
                let ok = *at.value == expected;
                if !ok {
                    at.report(format!("expected {expected}, found {}", at.value));
                }
                ok.then_some($name)
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "const": $value })
            }
        }
    };
}

constant! {
    /// The `format` field: always [`FORMAT_TAG`].
    FormatTag = FORMAT_TAG
}

constant! {
    /// The `format_version` field of a file in the current version: always
    /// [`FORMAT_VERSION`] (older files are migrated before they are read).
    FormatVersion = FORMAT_VERSION
}

// Domain values written as they are.

/// Values written as text (`|value, serializer| …`) and read back by their
/// `parse`, whose error explains itself.
macro_rules! parsed_text {
    ($( $(#[$meta:meta])* $ty:ident: |$v:ident, $s:ident| $write:expr; )*) => {
        $(
            $(#[$meta])*
            impl Serialize for $ty {
                fn serialize<S: Serializer>(&self, $s: S) -> Result<S::Ok, S::Error> {
                    let $v = self;
                    $write
                }
            }

            impl Leaf for $ty {
                fn read_leaf(at: &At<'_>) -> Option<Self> {
                    at.parsed($ty::parse)
                }
            }
        )*
    };
}

parsed_text! {
    Id: |id, s| s.serialize_str(id.as_str());
    /// `YYYY-MM-DD`.
    Date: |date, s| s.collect_str(date);
    /// The ISO 4217 code.
    Currency: |currency, s| s.serialize_str(currency.code());
    /// `HH:MM`, 24-hour clock.
    ClockTime: |time, s| s.collect_str(time);
}

impl MapKey for Id {
    fn from_key(key: &str, at: &At<'_>) -> Option<Self> {
        Id::parse(key).map_err(|e| at.report(e.to_string())).ok()
    }
}

/// Basis points, 0–10000 (0–100%).
impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}

impl Leaf for Rate {
    fn read_leaf(at: &At<'_>) -> Option<Self> {
        if let Some(n) = at.value.as_i64() {
            if !(0..=10_000).contains(&n) {
                at.report(format!(
                    "{n} basis points is outside 0–10000 (0–100%): rates cannot be negative or over 100%"
                ));
                return None;
            }
        }
        at.integer(0..=10_000).map(|n| Rate(n as u32))
    }
}

/// Minor units of the workspace currency, 0 or more (the amounts of plans
/// and assumptions).
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
    }
}

impl Leaf for Money {
    fn read_leaf(at: &At<'_>) -> Option<Self> {
        if at.value.as_i64().is_some_and(|n| n < 0) {
            at.report(format!(
                "{} is negative: amounts here are 0 or more",
                at.value
            ));
            return None;
        }
        at.integer(0..=MAX_MINOR).map(Money)
    }
}

/// A rating, 1–5.
impl Serialize for Score {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.get())
    }
}

impl Leaf for Score {
    fn read_leaf(at: &At<'_>) -> Option<Self> {
        at.integer(i64::from(Score::MIN)..=i64::from(Score::MAX))
            .and_then(|n| Score::new(n as u8))
    }
}

/// The JSON Schema of a leaf is that of what it is written as.
macro_rules! schema_as {
    ($leaf:ty => $written:ty) => {
        schema_as!(@[] $leaf => $written);
    };
    (@[$($params:tt)*] $leaf:ty => $written:ty) => {
        #[cfg(feature = "schema")]
        impl<$($params)*> schemars::JsonSchema for $leaf {
            fn inline_schema() -> bool {
                <$written as schemars::JsonSchema>::inline_schema()
            }
            fn schema_name() -> std::borrow::Cow<'static, str> {
                <$written as schemars::JsonSchema>::schema_name()
            }
            fn schema_id() -> std::borrow::Cow<'static, str> {
                <$written as schemars::JsonSchema>::schema_id()
            }
            fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                <$written as schemars::JsonSchema>::json_schema(generator)
            }
        }
    };
}

schema_as!(@[const MAX: usize] Text<MAX> => String);
schema_as!(@[T: schemars::JsonSchema, const MIN: i64, const MAX: i64] Whole<T, MIN, MAX> => T);
schema_as!(Weight => f64);
schema_as!(Threshold => f64);
schema_as!(Counts => [u64; 3]);
schema_as!(Cells => [[u64; 3]; 3]);
schema_as!(Secret => String);
schema_as!(Id => String);
schema_as!(Date => String);
schema_as!(ClockTime => String);
schema_as!(Currency => String);
schema_as!(Rate => u32);
schema_as!(Money => i64);
schema_as!(Score => u8);
