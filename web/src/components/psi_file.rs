//! Taking one file of a private comparison: dropped on the area or picked,
//! read in this browser (at most [`LIMIT`] bytes), handed on as bytes.

use leptos::prelude::*;

use crate::components::dropzone::{DropZone, FilePicker};
use crate::files::read_bytes;

/// The type comparison files are offered as.
pub const PSI_MIME: &str = "application/octet-stream";

/// A file name with the session's first characters, so the three files of
/// one comparison sort together.
pub fn file_name(step: &str, session: &str) -> String {
    format!(
        "partnerfit-{step}-{}.psi",
        session.get(..8).unwrap_or(session)
    )
}

/// The largest comparison file taken (a file carries 32 bytes per account:
/// this is over a million accounts).
pub const LIMIT: usize = 64_000_000;

#[component]
pub fn PsiFile(
    /// `data-testid` of the drop area.
    testid: &'static str,
    /// The picker's label.
    #[prop(into)]
    label: String,
    /// Called with the file's name and bytes.
    on_bytes: Callback<(String, Vec<u8>)>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let take = move |file: Option<web_sys::File>| {
        let Some(file) = file else {
            error.set(Some("The drop held no file.".to_owned()));
            return;
        };
        error.set(None);
        leptos::task::spawn_local(async move {
            let name = file.name();
            match read_bytes(file, LIMIT).await {
                Ok(bytes) => on_bytes.run((name, bytes)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <DropZone testid on_file=take>
            <FilePicker label accept=".psi,application/octet-stream" on_file=take
                hint="Choose the file, or drop it here. It is read in this browser only."/>
        </DropZone>
        <p class="error" role="alert">{move || error.get()}</p>
    }
}
