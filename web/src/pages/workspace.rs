//! The workspace as a whole: export, import, start over, and what is stored.

use leptos::prelude::*;
use partnerfit_core::format::{export_file_name, FORMAT_VERSION, MAX_FILE_BYTES};

use crate::clock;
use crate::components::import::ImportPanel;
use crate::components::status::{export_workspace, WorkspaceResets};
use crate::files::download;
use crate::state::use_workspace;
use crate::storage::local;

#[component]
pub fn WorkspacePage() -> impl IntoView {
    let ws = use_workspace();
    let error = RwSignal::new(None::<String>);
    let file_name = move || ws.with(|w| export_file_name(&w.profile.name, clock::today()));
    let summary = move || ws.with(|w| w.summary().to_string());
    let backups = RwSignal::new(local::unreadable_keys());
    view! {
        <h1>"Workspace"</h1>
        <p class="lede">"Everything here stays in this browser. A workspace file is how you hand your work to a colleague or keep a copy."</p>
        <section aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            <p>{summary}</p>
            <button type="button" on:click=move |_| error.set(export_workspace(ws).err())>"Export workspace"</button>
            " "<span class="hint">"Saves "<code>{file_name}</code>{format!(" (format version {FORMAT_VERSION}).")}</span>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
        <ImportPanel/>
        <p class="hint">{format!("Files up to {} MB are accepted. The file format is published as a JSON Schema (schema/ in the source) and `partnerfit validate FILE` checks a file from the command line.", MAX_FILE_BYTES / 1_000_000)}</p>
        <section aria-labelledby="reset-title">
            <h2 id="reset-title">"Start over"</h2>
            <WorkspaceResets/>
        </section>
        <Show when=move || backups.with(|b| !b.is_empty())>
            <section aria-labelledby="unreadable-title">
                <h2 id="unreadable-title">"Set-aside data"</h2>
                <p>"Saved workspaces this browser could not read were kept here rather than deleted."</p>
                <ul>
                    {move || backups.get().into_iter().map(|key| {
                        let k1 = key.clone();
                        let k2 = key.clone();
                        view! {
                            <li>
                                <code>{key.clone()}</code>" "
                                <button type="button" on:click=move |_| {
                                    if let Some(text) = local::read_named(&k1) {
                                        let _ = download(&format!("{}.json", k1.replace(':', "-")), "application/json", &text);
                                    }
                                }>"Download"</button>
                                <button type="button" class="danger" on:click=move |_| {
                                    local::remove_named(&k2);
                                    backups.set(local::unreadable_keys());
                                }>"Delete"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
