//! Explicit migrations from every older file version to the current one.
//!
//! A migration takes the JSON of version N and returns the JSON of version
//! N+1; [`migrate`] chains them. Each step is a plain function with its own
//! test, and every released version has a golden fixture in
//! `core/tests/fixtures/` that must keep loading.

use serde_json::Value;

use super::FORMAT_VERSION;

/// One step: version `from` → `from + 1`.
type Step = fn(Value) -> Value;

/// `STEPS[i]` migrates version `i + 1` to `i + 2`.
const STEPS: &[Step] = &[];

/// Migrate `value` from `version` to [`FORMAT_VERSION`]. `version` must be
/// between 1 and the current version.
pub fn migrate(mut value: Value, version: u32) -> Value {
    debug_assert!(STEPS.len() + 1 == FORMAT_VERSION as usize);
    for step in STEPS.iter().skip(version.saturating_sub(1) as usize) {
        value = step(value);
    }
    if let Value::Object(map) = &mut value {
        map.insert("format_version".into(), Value::from(FORMAT_VERSION));
    }
    value
}
