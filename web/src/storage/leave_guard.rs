//! Asking before the page is left while the latest edits are not stored:
//! a workspace in parts is saved asynchronously (its parts go to
//! IndexedDB before its head), and a page closed meanwhile loses that save.
//!
//! The `beforeunload` handler is registered only while something is
//! unsaved and removed when everything is: a registered handler keeps some
//! browsers from keeping the page in their back-forward cache.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

type Handler = Closure<dyn FnMut(web_sys::Event)>;

/// Browsers show their own words; older ones ask only when `returnValue`
/// holds some text.
const ASK: &str = "Your latest changes are still being saved.";

/// A `beforeunload` handler registered while [`LeaveGuard::set`] says so.
#[derive(Clone, Copy)]
pub struct LeaveGuard {
    handler: StoredValue<Option<Handler>, LocalStorage>,
    on: StoredValue<bool>,
}

impl LeaveGuard {
    /// A guard, off, with no handler yet ([`LeaveGuard::ask_with`]); its
    /// handler is removed when the current owner is cleaned up.
    pub fn off() -> LeaveGuard {
        let guard = LeaveGuard {
            handler: StoredValue::new_local(None),
            on: StoredValue::new(false),
        };
        // Cleanups run before the owner's values are freed: the handler is
        // never left registered once its closure is gone.
        on_cleanup(move || guard.set(false));
        guard
    }

    /// The handler asks `unsaved` when the page is about to be left: `true`
    /// makes the browser ask the user whether to leave.
    pub fn ask_with(&self, unsaved: impl Fn() -> bool + 'static) {
        let handler: Handler = Closure::new(move |e: web_sys::Event| {
            if unsaved() {
                e.prevent_default();
                let _ = js_sys::Reflect::set(
                    &e,
                    &JsValue::from_str("returnValue"),
                    &JsValue::from_str(ASK),
                );
            }
        });
        let on = self.is_on();
        self.set(false);
        self.handler.set_value(Some(handler));
        self.set(on);
    }

    /// Register (`true`) or remove the handler.
    pub fn set(&self, on: bool) {
        if self.on.try_get_value() != Some(!on) {
            return; // already so, or gone
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        self.handler.with_value(|handler| {
            if let Some(handler) = handler {
                let f = handler.as_ref().unchecked_ref();
                let _ = if on {
                    window.add_event_listener_with_callback("beforeunload", f)
                } else {
                    window.remove_event_listener_with_callback("beforeunload", f)
                };
            }
        });
        self.on.set_value(on);
    }

    /// Whether the handler is registered.
    pub fn is_on(&self) -> bool {
        self.on.try_get_value().unwrap_or(false)
    }
}
