//! JSON read strictly: an object that names the same key twice is refused.
//!
//! `serde_json` keeps the last of duplicate keys, so a file holding
//! `"format_version": 7, "format_version": 1` would be read as version 1
//! and migrated as such — and what a person reviewing the file sees first is
//! not what the app reads. A workspace file is refused instead, with the
//! key and its position, like any other syntax error. The parser's own
//! limits (the nesting depth) apply unchanged.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Parse `text` as JSON, refusing duplicate keys in any object.
pub fn from_str(text: &str) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Strict.deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// A seed that builds a [`Value`], refusing duplicate keys.
#[derive(Clone, Copy)]
struct Strict;

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(v) = seq.next_element_seed(Strict)? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(de::Error::custom(format_args!(
                    "the key \"{}\" appears twice in one object",
                    crate::words::excerpt(&key)
                )));
            }
            let value = map.next_value_seed(Strict)?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Result<Value, &str>) {
        match (from_str(text), expected) {
            (Ok(v), Ok(e)) => assert_eq!(v, e, "{text}"),
            (Err(got), Err(e)) => assert!(got.to_string().contains(e), "{text}: {got}"),
            (got, e) => panic!("{text}: got {got:?}, expected {e:?}"),
        }
    }

    #[test]
    fn duplicate_keys_are_refused_at_any_depth_and_the_rest_reads_as_serde_json_does() {
        for (text, expected) in [
            (
                r#"{"a": 1, "b": [true, null, "x", -2, 1.5], "c": {"d": {}}}"#,
                Ok(serde_json::json!({"a": 1, "b": [true, null, "x", -2, 1.5], "c": {"d": {}}})),
            ),
            (
                r#"{"v": 7, "v": 1}"#,
                Err("the key \"v\" appears twice in one object at line 1"),
            ),
            (r#"[{"a": {"x": 1, "x": 1}}]"#, Err("\"x\" appears twice")),
            // Keys equal only after unescaping are the same key.
            (r#"{"a": 1, "\u0061": 2}"#, Err("\"a\" appears twice")),
            (r#"{"a": 1} x"#, Err("trailing characters")),
            (
                &("[".repeat(200) + &"]".repeat(200)),
                Err("recursion limit exceeded"),
            ),
            ("18446744073709551615", Ok(serde_json::json!(u64::MAX))),
        ] {
            check(text, expected);
        }
    }
}
