//! The browser's promise to keep this site's storage, and how much of it
//! is used: `navigator.storage.persist()` is asked once the workspace holds
//! the user's own data (never for the untouched demo), and the workspace
//! page shows the answer, the space used and the quota.
//!
//! Without persistence a browser may clear a site's storage under storage
//! pressure; with it, only the user can. Browsers decide the answer
//! themselves (Chromium by how the site is used, Firefox by asking).

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::state::{Origin, Store};

/// What the browser said about this site's storage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StorageState {
    /// Whether storage is persistent; `None` where the browser has no answer.
    pub persisted: Option<bool>,
    /// Bytes used and the quota, as the browser estimates them.
    pub usage: Option<f64>,
    pub quota: Option<f64>,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers have no `navigator.storage`.
    js_sys::Reflect::get(&navigator, &JsValue::from_str("storage"))
        .ok()
        .filter(|v| !v.is_undefined())?;
    Some(navigator.storage())
}

async fn answer(promise: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

fn number(of: &JsValue, key: &str) -> Option<f64> {
    js_sys::Reflect::get(of, &JsValue::from_str(key))
        .ok()?
        .as_f64()
}

/// Ask the browser to keep this site's storage (resolves to its answer).
pub async fn request_persistence() -> Option<bool> {
    answer(manager()?.persist()).await?.as_bool()
}

/// The current answer, the space used and the quota.
pub async fn state() -> StorageState {
    let Some(m) = manager() else {
        return StorageState {
            persisted: None,
            usage: None,
            quota: None,
        };
    };
    let persisted = answer(m.persisted()).await.and_then(|v| v.as_bool());
    let estimate = answer(m.estimate()).await;
    StorageState {
        persisted,
        usage: estimate.as_ref().and_then(|e| number(e, "usage")),
        quota: estimate.as_ref().and_then(|e| number(e, "quota")),
    }
}

/// Ask for persistence once the workspace is the user's own (an edit of
/// the demo, an import, a new workspace), once per page load.
pub fn ask_when_own(store: Store) {
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        if store.origin() == Origin::Own && !asked.get_value() {
            asked.set_value(true);
            wasm_bindgen_futures::spawn_local(async {
                let _ = request_persistence().await;
            });
        }
    });
}
