//! Undo and redo: two buttons naming the step they take back or do again,
//! the keyboard shortcuts (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y; ⌘ on macOS),
//! and a polite announcement of what was undone.

use leptos::prelude::*;

use crate::state::{use_store, Store};

/// Undo and redo from the keyboard, anywhere in the app, inside a field
/// bound to the workspace too (typing in one field is one step of the
/// history). A text box of its own (a search, a passphrase, a pasted link),
/// one holding refused text, and text being composed (an input method's
/// candidate) keep the browser's undo of their text.
pub fn install_shortcuts(store: Store) {
    let handle = window_event_listener(leptos::ev::keydown, move |e| {
        if !(e.ctrl_key() || e.meta_key()) || e.alt_key() || e.is_composing() {
            return;
        }
        if e.target().is_some_and(|t| own_text_box(&t)) {
            return;
        }
        match (e.key().to_lowercase().as_str(), e.shift_key()) {
            ("z", false) => {
                e.prevent_default();
                store.undo();
            }
            ("z", true) | ("y", false) => {
                e.prevent_default();
                store.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// An editable element that is not bound to the workspace (no
/// `data-bound`, which `ParsedInput` sets), or that holds text the
/// workspace refused (Ctrl+Z takes back the typing, not an earlier step).
fn own_text_box(target: &web_sys::EventTarget) -> bool {
    use wasm_bindgen::JsCast;
    let Some(el) = target.dyn_ref::<web_sys::HtmlElement>() else {
        return false;
    };
    let editable = match el.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => !matches!(
            input.type_().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "range" | "color"
        ),
        None => el.tag_name() == "TEXTAREA" || el.is_content_editable(),
    };
    let refused = el.get_attribute("aria-invalid").as_deref() == Some("true");
    editable && (refused || !el.has_attribute("data-bound"))
}

/// The undo and redo buttons.
#[component]
pub fn UndoRedo() -> impl IntoView {
    let store = use_store();
    let undo = move || store.steps.with(|s| s.undo.clone());
    let redo = move || store.steps.with(|s| s.redo.clone());
    view! {
        <div class="history" role="group" aria-label="Undo and redo" data-testid="history">
            <button type="button" aria-keyshortcuts="Control+Z Meta+Z" prop:disabled=move || undo().is_none()
                title="Ctrl+Z (⌘Z)" on:click=move |_| store.undo()>
                {move || undo().map_or_else(|| "Undo".to_owned(), |s| format!("Undo: {s}"))}
            </button>
            <button type="button" aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y" prop:disabled=move || redo().is_none()
                title="Ctrl+Shift+Z (⇧⌘Z)" on:click=move |_| store.redo()>
                {move || redo().map_or_else(|| "Redo".to_owned(), |s| format!("Redo: {s}"))}
            </button>
            <span class="visually-hidden" role="status" aria-live="polite">{move || store.said.get()}</span>
        </div>
    }
}
