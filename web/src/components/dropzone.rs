//! An area that takes a file dropped on it (the first one) and shows that a
//! file is being dragged over it.

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
