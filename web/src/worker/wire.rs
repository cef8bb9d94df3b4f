//! Messages on the wire: a JS array `[json, data]` (see [`super::protocol`]).

use js_sys::{Array, Uint32Array, Uint8Array};
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

/// A message's bulk data, whose buffer is transferred (not copied).
#[derive(Debug)]
pub enum Data {
    /// Numbers (matched pairs).
    Words(Uint32Array),
    /// A file's bytes.
    Bytes(Uint8Array),
}

impl Data {
    pub fn words(self) -> Option<Uint32Array> {
        match self {
            Data::Words(w) => Some(w),
            Data::Bytes(_) => None,
        }
    }

    pub fn bytes(self) -> Option<Uint8Array> {
        match self {
            Data::Bytes(b) => Some(b),
            Data::Words(_) => None,
        }
    }
}

/// The message and the array to transfer with it (empty when there is no data).
pub fn encode<T: Serialize>(msg: &T, data: Option<Data>) -> (JsValue, Array) {
    let json = serde_json::to_string(msg).expect("protocol messages serialise");
    let transfer = Array::new();
    let data = match data {
        Some(Data::Words(d)) => {
            transfer.push(&d.buffer());
            JsValue::from(d)
        }
        Some(Data::Bytes(d)) => {
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

pub fn decode<T: DeserializeOwned>(v: &JsValue) -> Result<(T, Option<Data>), Unreadable> {
    let parts: &Array = v
        .dyn_ref()
        .ok_or_else(|| Unreadable("not an array".into()))?;
    let json = parts
        .get(0)
        .as_string()
        .ok_or_else(|| Unreadable("no text".into()))?;
    let msg = serde_json::from_str(&json).map_err(|e| Unreadable(e.to_string()))?;
    let data = parts.get(1);
    let data = match data.dyn_into::<Uint32Array>() {
        Ok(w) => Some(Data::Words(w)),
        Err(other) => other.dyn_into::<Uint8Array>().ok().map(Data::Bytes),
    };
    Ok((msg, data))
}
