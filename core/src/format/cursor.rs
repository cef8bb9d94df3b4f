//! A validating walk over a parsed JSON value that records every problem with
//! its JSON path instead of stopping at the first one.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use serde_json::{Map, Value};

use super::errors::FieldError;
use crate::vocab::Vocabulary;

pub use super::limits::{LONG_TEXT, MAX_ITEMS, SHORT_TEXT};

/// Collects the problems found during one read.
#[derive(Default)]
pub struct Problems(RefCell<Vec<FieldError>>);

impl Problems {
    pub fn report(&self, path: &str, message: impl Into<String>) {
        self.0.borrow_mut().push(FieldError {
            path: if path.is_empty() {
                "(top level)".into()
            } else {
                path.to_owned()
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

/// Is `key` printable after a dot in a path?
fn plain_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
}

/// A value with an owned path (children own theirs).
pub struct At<'a> {
    pub probs: &'a Problems,
    pub path: String,
    pub value: &'a Value,
}

impl<'a> At<'a> {
    pub fn root(probs: &'a Problems, value: &'a Value) -> At<'a> {
        At {
            probs,
            path: String::new(),
            value,
        }
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn report(&self, message: impl Into<String>) {
        self.probs.report(&self.path, message);
    }

    fn child_path(&self, key: &str) -> String {
        match (self.path.is_empty(), plain_key(key)) {
            (true, true) => key.to_owned(),
            (false, true) => format!("{}.{key}", self.path),
            (_, false) => format!("{}[{key:?}]", self.path),
        }
    }

    fn wrong(&self, expected: &str) {
        self.report(format!("expected {expected}, found {}", kind(self.value)));
    }

    /// An object with exactly the `known` fields allowed; unknown ones are reported.
    pub fn object(&self, known: &[&str]) -> Option<Obj<'a>> {
        let Value::Object(map) = self.value else {
            self.wrong("an object");
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                self.probs.report(
                    &self.child_path(key),
                    format!("unknown field (expected {})", known.join(", ")),
                );
            }
        }
        Some(Obj {
            probs: self.probs,
            path: self.path.clone(),
            map,
        })
    }

    /// An object used as a map from keys to values (any keys).
    pub fn entries(&self) -> Option<Vec<(&'a str, At<'a>)>> {
        let Value::Object(map) = self.value else {
            self.wrong("an object");
            return None;
        };
        if map.len() > MAX_ITEMS {
            self.report(format!(
                "has {} entries; at most {MAX_ITEMS} are allowed",
                map.len()
            ));
            return None;
        }
        Some(
            map.iter()
                .map(|(k, v)| {
                    (
                        k.as_str(),
                        At {
                            probs: self.probs,
                            path: self.child_path(k),
                            value: v,
                        },
                    )
                })
                .collect(),
        )
    }

    /// A list; `f` reads each item (items it rejects are left out).
    pub fn list<T>(&self, mut f: impl FnMut(At<'a>) -> Option<T>) -> Option<Vec<T>> {
        let Value::Array(items) = self.value else {
            self.wrong("a list");
            return None;
        };
        if items.len() > MAX_ITEMS {
            self.report(format!(
                "has {} items; at most {MAX_ITEMS} are allowed",
                items.len()
            ));
            return None;
        }
        Some(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    f(At {
                        probs: self.probs,
                        path: format!("{}[{i}]", self.path),
                        value: v,
                    })
                })
                .collect(),
        )
    }

    /// Text of at most `max` characters.
    pub fn text(&self, max: usize) -> Option<String> {
        let Value::String(s) = self.value else {
            self.wrong("text");
            return None;
        };
        let n = s.chars().count();
        if n > max {
            self.report(format!(
                "text of {n} characters is longer than the {max} allowed"
            ));
            return None;
        }
        Some(s.clone())
    }

    /// Short text (names, titles).
    pub fn short(&self) -> Option<String> {
        self.text(SHORT_TEXT)
    }

    /// Long text (notes, evidence, answers).
    pub fn long(&self) -> Option<String> {
        self.text(LONG_TEXT)
    }

    /// A list of short texts.
    pub fn short_list(&self) -> Option<Vec<String>> {
        self.list(|item| item.short())
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
            self.report(format!(
                "unknown {} \"{s}\": expected {}",
                T::WHAT,
                T::expected()
            ));
        }
        v
    }

    /// A value parsed from text by `parse`, whose error explains itself.
    pub fn parsed<T, E: std::fmt::Display>(
        &self,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        let s = self.short()?;
        match parse(&s) {
            Ok(v) => Some(v),
            Err(e) => {
                self.report(e.to_string());
                None
            }
        }
    }
}

/// "7 is outside 1–5".
fn out_of_range(v: &str, lo: &str, hi: &str) -> String {
    format!("{v} is outside {lo}–{hi}")
}

/// An object being read field by field.
pub struct Obj<'a> {
    probs: &'a Problems,
    path: String,
    map: &'a Map<String, Value>,
}

impl<'a> Obj<'a> {
    fn at(&self, key: &str, value: &'a Value) -> At<'a> {
        let parent = At {
            probs: self.probs,
            path: self.path.clone(),
            value,
        };
        At {
            probs: self.probs,
            path: parent.child_path(key),
            value,
        }
    }

    /// A required field; its absence is reported.
    pub fn req(&self, key: &str) -> Option<At<'a>> {
        match self.map.get(key) {
            Some(v) => Some(self.at(key, v)),
            None => {
                let parent = At {
                    probs: self.probs,
                    path: self.path.clone(),
                    value: &Value::Null,
                };
                self.probs
                    .report(&parent.child_path(key), "missing required field");
                None
            }
        }
    }

    /// An optional field: absent or null gives `None`.
    pub fn opt(&self, key: &str) -> Option<At<'a>> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(self.at(key, v)),
        }
    }

    pub fn path(&self) -> &str {
        &self.path
    }
}

/// Reports duplicates among `(path, id)` pairs.
pub fn report_duplicates<'i>(
    probs: &Problems,
    what: &str,
    ids: impl Iterator<Item = (String, &'i str)>,
) {
    let mut seen = BTreeSet::new();
    for (path, id) in ids {
        if !seen.insert(id) {
            probs.report(&path, format!("duplicate {what} id \"{id}\""));
        }
    }
}
