//! Taking a file: an area that takes a file dropped on it (the first one)
//! and shows that a file is being dragged over it, and a labelled file
//! picker.

use leptos::prelude::*;

use crate::files::first_file;

#[component]
pub fn DropZone<F>(
    /// `data-testid` of the area.
    testid: &'static str,
    /// Called with the dropped file (None when the drop held no file).
    on_file: F,
    children: Children,
) -> impl IntoView
where
    F: Fn(Option<web_sys::File>) + 'static,
{
    let dragging = RwSignal::new(false);
    view! {
        <div
            class="dropzone"
            class:dragging=move || dragging.get()
            data-testid=testid
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                on_file(first_file(ev.data_transfer().and_then(|d| d.files())));
            }
        >
            {children()}
        </div>
    }
}

/// A labelled file input with a hint: the file chosen goes to `on_file`,
/// and the input is cleared so that choosing the same file again (fixed in
/// the meantime) reads it again.
#[component]
pub fn FilePicker<F>(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The hint under the label.
    #[prop(into)]
    hint: String,
    /// The file types offered (`accept`).
    accept: &'static str,
    /// Called with the chosen file (None when none was chosen).
    on_file: F,
) -> impl IntoView
where
    F: Fn(Option<web_sys::File>) + 'static,
{
    let id = crate::components::fields::next_id();
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            <span class="hint">{hint}</span>
            <input id=id type="file" accept=accept on:change:target=move |ev| {
                on_file(first_file(ev.target().files()));
                ev.target().set_value("");
            }/>
        </div>
    }
}
