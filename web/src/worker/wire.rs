//! Messages on the wire: a JS array `[json, data]` (see [`super::protocol`]).

use js_sys::{Array, Uint32Array};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// A message that is not one of ours (another version of the app, or damage).
#[derive(Debug)]
pub struct Unreadable(String);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a message between the page and its background worker could not be read ({}); reload the page", self.0)
    }
}

/// The message and the array to transfer with it (empty when there is no data).
pub fn encode<T: Serialize>(msg: &T, data: Option<Uint32Array>) -> (JsValue, Array) {
    let json = serde_json::to_string(msg).expect("protocol messages serialise");
    let transfer = Array::new();
    let data = match data {
        Some(d) => {
            transfer.push(&d.buffer());
            JsValue::from(d)
        }
        None => JsValue::NULL,
    };
    (
        Array::of2(&JsValue::from_str(&json), &data).into(),
        transfer,
    )
}

pub fn decode<T: DeserializeOwned>(v: &JsValue) -> Result<(T, Option<Uint32Array>), Unreadable> {
    let parts: &Array = v
        .dyn_ref()
        .ok_or_else(|| Unreadable("not an array".into()))?;
    let json = parts
        .get(0)
        .as_string()
        .ok_or_else(|| Unreadable("no text".into()))?;
    let msg = serde_json::from_str(&json).map_err(|e| Unreadable(e.to_string()))?;
    let data = parts.get(1).dyn_into::<Uint32Array>().ok();
    Ok((msg, data))
}
