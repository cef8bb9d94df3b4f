//! A validating walk over a parsed JSON value that records every problem with
//! its JSON path instead of stopping at the first one. The file's types are
//! read through it ([`super::file::reader`]).
//!
//! Paths are not written out while walking: a [`Place`] is a chain of keys
//! and indexes borrowed from its parents, turned into text only when a
//! problem is reported there (reading 200,000 accounts builds no path).

use std::cell::RefCell;
use std::fmt::Write as _;
use std::ops::RangeInclusive;

use serde_json::{Map, Value};

use super::errors::FieldError;
use crate::vocab::Vocabulary;

pub use super::limits::{LONG_TEXT, MAX_ITEMS, SHORT_TEXT};

/// Collects the problems found during one read.
#[derive(Default)]
pub struct Problems(RefCell<Vec<FieldError>>);

impl Problems {
    pub fn report(&self, path: String, message: impl Into<String>) {
        self.0.borrow_mut().push(FieldError {
            path: if path.is_empty() {
                "(top level)".into()
            } else {
                path
            },
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0.into_inner()
    }
}

/// Where something is in the file: the steps from the root, written out
/// only when a problem is reported.
#[derive(Clone, Copy)]
pub struct Place<'a> {
    probs: &'a Problems,
    parent: Option<&'a Place<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    /// The path of the value a read starts from ("" for the file).
    Root(&'a str),
    Key(&'a str),
    Index(usize),
    /// A path relative to the parent, already written ("tiers[1].margin_bp").
    Within(&'a str),
}

impl<'a> Place<'a> {
    /// The value at `path` (empty: the file itself).
    pub fn root(probs: &'a Problems, path: &'a str) -> Place<'a> {
        Place {
            probs,
            parent: None,
            step: Step::Root(path),
        }
    }

    fn then<'b>(&'b self, step: Step<'b>) -> Place<'b> {
        Place {
            probs: self.probs,
            parent: Some(self),
            step,
        }
    }

    /// The field `key` of the object here.
    pub fn key<'b>(&'b self, key: &'b str) -> Place<'b> {
        self.then(Step::Key(key))
    }

    /// Item `i` of the list here.
    pub fn index(&self, i: usize) -> Place<'_> {
        self.then(Step::Index(i))
    }

    /// A place below this one given by a path relative to it, such as
    /// `tiers[1].min_deals`.
    pub fn within<'b>(&'b self, relative: &'b str) -> Place<'b> {
        self.then(Step::Within(relative))
    }

    /// The JSON path, e.g. `partners[3].ratings.icp_density`.
    pub fn path(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write(out);
        }
        match self.step {
            Step::Root(path) => out.push_str(path),
            Step::Key(key) => push_key(out, key),
            Step::Index(i) => {
                let _ = write!(out, "[{i}]");
            }
            Step::Within(relative) => {
                if !out.is_empty() && !relative.starts_with('[') {
                    out.push('.');
                }
                out.push_str(relative);
            }
        }
    }

    /// Record a problem here.
    pub fn report(&self, message: impl Into<String>) {
        self.probs.report(self.path(), message);
    }
}

/// Appends `.key` to a path, or `["key"]` when the key is not printable
/// after a dot.
pub fn push_key(path: &mut String, key: &str) {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
    if plain {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        let _ = write!(path, "[{key:?}]");
    }
}

/// What a JSON value is, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The key serde writes for an enum variant under `rename_all = "snake_case"`.
pub fn snake_case(variant: &str) -> String {
    let mut out = String::with_capacity(variant.len() + 4);
    for (i, c) in variant.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The value at a place.
pub struct At<'a> {
    pub place: Place<'a>,
    pub value: &'a Value,
}

impl<'a> At<'a> {
    /// The whole file.
    pub fn root(probs: &'a Problems, value: &'a Value) -> At<'a> {
        At {
            place: Place::root(probs, ""),
            value,
        }
    }

    pub fn report(&self, message: impl Into<String>) {
        self.place.report(message);
    }

    fn wrong(&self, expected: &str) {
        self.report(format!("expected {expected}, found {}", kind(self.value)));
    }

    /// The object here; reported if it is something else.
    fn map(&self) -> Option<&'a Map<String, Value>> {
        let Value::Object(map) = self.value else {
            self.wrong("an object");
            return None;
        };
        Some(map)
    }

    /// The text here; reported if it is something else.
    fn string(&self) -> Option<&'a String> {
        let Value::String(s) = self.value else {
            self.wrong("text");
            return None;
        };
        Some(s)
    }

    /// `n` items or entries (`what`): reported when a list may not hold so many.
    fn at_most(&self, n: usize, what: &str) -> Option<()> {
        if n > MAX_ITEMS {
            self.report(format!("has {n} {what}; at most {MAX_ITEMS} are allowed"));
            return None;
        }
        Some(())
    }

    /// An object with exactly the `known` fields allowed; unknown ones are reported.
    pub fn object(&self, known: &[&str]) -> Option<&'a Map<String, Value>> {
        self.object_where(|key| known.contains(&key), || known.join(", "))
    }

    fn object_where(
        &self,
        is_known: impl Fn(&str) -> bool,
        expected: impl Fn() -> String,
    ) -> Option<&'a Map<String, Value>> {
        let map = self.map()?;
        for key in map.keys() {
            if !is_known(key) {
                self.place
                    .key(key)
                    .report(format!("unknown field (expected {})", expected()));
            }
        }
        Some(map)
    }

    /// An object holding exactly one of `variants` (named in CamelCase, keyed
    /// in snake case); unknown keys are reported. The index of the variant
    /// present and its value.
    pub fn one_of(&self, variants: &[&str]) -> Option<(usize, At<'_>)> {
        let keys: Vec<String> = variants.iter().map(|v| snake_case(v)).collect();
        let map = self.object_where(|key| keys.iter().any(|k| k == key), || keys.join(", "))?;
        let present: Vec<(usize, &'a str, &'a Value)> = map
            .iter()
            .filter(|(_, v)| !v.is_null())
            .filter_map(|(key, v)| {
                let i = keys.iter().position(|k| k == key)?;
                Some((i, key.as_str(), v))
            })
            .collect();
        match present[..] {
            [(i, key, value)] => Some((
                i,
                At {
                    place: self.place.key(key),
                    value,
                },
            )),
            _ => {
                let (last, rest) = keys.split_last()?;
                self.report(format!(
                    "needs exactly one of {} or {last}",
                    rest.join(", ")
                ));
                None
            }
        }
    }

    /// An object used as a map from keys to values (any keys); `f` reads
    /// each entry.
    pub fn entries<T>(&self, mut f: impl FnMut(&'a str, &At<'_>) -> T) -> Option<Vec<T>> {
        let map = self.map()?;
        self.at_most(map.len(), "entries")?;
        Some(
            map.iter()
                .map(|(key, value)| {
                    f(
                        key,
                        &At {
                            place: self.place.key(key),
                            value,
                        },
                    )
                })
                .collect(),
        )
    }

    /// A list; `f` reads each item.
    pub fn list<T>(&self, mut f: impl FnMut(&At<'_>) -> T) -> Option<Vec<T>> {
        let Value::Array(items) = self.value else {
            self.wrong("a list");
            return None;
        };
        self.at_most(items.len(), "items")?;
        Some(
            items
                .iter()
                .enumerate()
                .map(|(i, value)| {
                    f(&At {
                        place: self.place.index(i),
                        value,
                    })
                })
                .collect(),
        )
    }

    /// Text of at most `max` characters.
    pub fn text(&self, max: usize) -> Option<String> {
        let s = self.string()?;
        // Only text that could be too long is counted.
        if s.len() > max {
            let n = s.chars().count();
            if n > max {
                self.report(format!(
                    "text of {n} characters is longer than the {max} allowed"
                ));
                return None;
            }
        }
        Some(s.clone())
    }

    pub fn bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(*b),
            _ => {
                self.wrong("true or false");
                None
            }
        }
    }

    /// A whole number within `range`.
    pub fn integer(&self, range: RangeInclusive<i64>) -> Option<i64> {
        let Some(n) = self.value.as_i64().or_else(|| {
            self.value
                .as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                .map(|f| f as i64)
        }) else {
            if self.value.is_number() {
                self.report(format!("{} is not a whole number", self.value));
            } else {
                self.wrong("a whole number");
            }
            return None;
        };
        if !range.contains(&n) {
            if *range.end() == i64::MAX {
                self.report(format!("{n} is below the minimum of {}", range.start()));
            } else {
                self.report(out_of_range(
                    &n.to_string(),
                    &range.start().to_string(),
                    &range.end().to_string(),
                ));
            }
            return None;
        }
        Some(n)
    }

    /// A number within `range`.
    pub fn number(&self, range: RangeInclusive<f64>) -> Option<f64> {
        let Some(x) = self.value.as_f64() else {
            self.wrong("a number");
            return None;
        };
        if !range.contains(&x) {
            let fmt = |v: f64| crate::scorecard::format_score(v);
            let hi = if range.end().is_finite() {
                fmt(*range.end())
            } else {
                "∞".into()
            };
            self.report(out_of_range(&fmt(x), &fmt(*range.start()), &hi));
            return None;
        }
        Some(x)
    }

    /// A value from a closed vocabulary.
    pub fn choice<T: Vocabulary>(&self) -> Option<T> {
        let Value::String(s) = self.value else {
            self.wrong(&format!("a {} ({})", T::WHAT, T::expected()));
            return None;
        };
        let v = T::from_key(s);
        if v.is_none() {
            self.report(unknown_word::<T>(s));
        }
        v
    }

    /// A value parsed from short text by `parse`, whose error explains itself.
    pub fn parsed<T, E: std::fmt::Display>(
        &self,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        let s = self.string()?;
        if s.len() > SHORT_TEXT && s.chars().count() > SHORT_TEXT {
            return self.text(SHORT_TEXT).and(None);
        }
        match parse(s) {
            Ok(v) => Some(v),
            Err(e) => {
                self.report(e.to_string());
                None
            }
        }
    }
}

/// "7 is outside 1–5".
pub fn out_of_range(v: &str, lo: &str, hi: &str) -> String {
    format!("{v} is outside {lo}–{hi}")
}

/// "unknown partner type "reseller": expected one of …".
pub fn unknown_word<T: Vocabulary>(s: &str) -> String {
    format!("unknown {} \"{s}\": expected {}", T::WHAT, T::expected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_like_json_paths() {
        let probs = Problems::default();
        let root = Place::root(&probs, "");
        let partners = root.key("partners");
        let third = partners.index(3);
        let ratings = third.key("ratings");
        assert_eq!(
            ratings.key("icp_density").path(),
            "partners[3].ratings.icp_density"
        );
        assert_eq!(ratings.key("a b").path(), "partners[3].ratings[\"a b\"]");
        assert_eq!(
            third.within("tiers[1].margin_bp").path(),
            "partners[3].tiers[1].margin_bp"
        );
        assert_eq!(root.within("categories").path(), "categories");
        let listed = Place::root(&probs, "account_lists[2].accounts");
        assert_eq!(
            listed.index(0).key("line").path(),
            "account_lists[2].accounts[0].line"
        );
        root.report("x");
        assert_eq!(probs.into_vec()[0].path, "(top level)");
    }

    #[test]
    fn variants_are_keyed_as_serde_keys_them() {
        for (variant, key) in [("FlatMinor", "flat_minor"), ("Resell", "resell")] {
            assert_eq!(snake_case(variant), key);
        }
    }
}
