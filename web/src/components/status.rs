//! Save status, storage problems, recovery and two-tab conflicts, and the demo banner.

use leptos::prelude::*;
use leptos::task::spawn_local;
use partnerfit_core::demo::demo;
use partnerfit_core::edit::Replacement;
use partnerfit_core::format::export_file_name;
use partnerfit_core::snapshot::Reason;
use partnerfit_core::Workspace;

use crate::clock;
use crate::files::{download, download_array};
use crate::state::{use_store, Origin, Store};
use crate::storage::persist::{Persistence, SaveState};
use crate::storage::{local, snapshots};
use crate::worker::handover::{self, Make};

/// Where an export stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Exporting {
    #[default]
    Idle,
    /// The background worker is writing the file.
    Writing,
    Failed(String),
}

/// Download the current workspace as `<company>-partnerfit-<date>.json`,
/// written in the background worker (a 40 MB file takes a second to
/// write); `state` tells where it stands.
pub fn export_workspace(ws: Store, state: RwSignal<Exporting>) {
    let (name, workspace) =
        ws.with_untracked(|w| (export_file_name(&w.profile.name, clock::today()), w.clone()));
    state.set(Exporting::Writing);
    spawn_local(async move {
        // The worker refuses a file over the import limit rather than hand
        // over one that cannot be imported again.
        let done = handover::make(workspace, Make::File)
            .await
            .and_then(|bytes| download_array(&name, "application/json", &bytes));
        state.try_set(match done {
            Ok(()) => Exporting::Idle,
            Err(e) => Exporting::Failed(e),
        });
    });
}

/// What an export says while it runs or when it failed.
#[component]
pub fn ExportNote(state: RwSignal<Exporting>) -> impl IntoView {
    move || {
        match state.get() {
        Exporting::Idle => ().into_any(),
        Exporting::Writing => view! { <span role="status">" Writing the file…"</span> }.into_any(),
        Exporting::Failed(e) => view! { <span class="error" role="alert">{format!(" The file could not be written: {e}")}</span> }.into_any(),
    }
    }
}

/// One line telling whether work is saved, with actions when it is not.
#[component]
pub fn StatusBar() -> impl IntoView {
    let p = expect_context::<Persistence>();
    let ws = use_store();
    let export_error = RwSignal::new(None::<String>);
    let exporting = RwSignal::new(Exporting::Idle);
    let export = move |_| export_workspace(ws, exporting);
    let recovered_download = move |key: String| {
        if let Some(text) = local::read_named(&key) {
            let name = format!("unreadable-partnerfit-{}.json", clock::today());
            export_error.set(download(&name, "application/json", &text).err());
        }
    };
    view! {
        <div class="status" data-testid="save-status" role="status" aria-live="polite">
            {move || match p.state.get() {
                SaveState::Saved => view! { <span class="ok">"All changes saved in this browser"</span> }.into_any(),
                SaveState::Pending => view! { <span>"Saving…"</span> }.into_any(),
                SaveState::Problem(problem) => view! {
                    <span class="warn" role="alert">
                        {problem.to_string()}
                        " Your work stays in this tab; use "
                        <button type="button" on:click=export>"Export workspace"</button>
                        " to keep it."
                    </span>
                }.into_any(),
                SaveState::OtherTab => view! {
                    <span class="warn" role="alert">
                        "Another tab saved changes to this workspace while this tab had unsaved ones. Nothing was overwritten. "
                        <button type="button" on:click=move |_| p.load_theirs()>"Load the other tab's version"</button>
                        <button type="button" on:click=move |_| p.keep_mine()>"Keep this tab's version"</button>
                        <button type="button" on:click=export>"Download this tab's version"</button>
                    </span>
                }.into_any(),
                SaveState::Invalid(lines) => view! {
                    <span class="warn" role="alert">
                        "Not saved: this change would make the workspace unreadable ("
                        {lines.join("; ")}
                        "). Undo it; what was saved before is intact."
                    </span>
                }.into_any(),
                SaveState::Held(why) => view! {
                    <span class="warn" role="alert">
                        {why}
                        <button type="button" on:click=move |_| p.keep_mine()>"Save again anyway"</button>
                    </span>
                }.into_any(),
            }}
            {move || p.notice.get().map(|n| view! {
                <span class="notice">{n}<button type="button" class="link" on:click=move |_| p.notice.set(None)>"Dismiss"</button></span>
            })}
            {move || p.recovered.get().map(|r| {
                let key = r.key.clone();
                view! {
                    <div class="warn recovered" role="alert" data-testid="recovered">
                        "Your saved workspace could not be read, so it was set aside, not deleted: "
                        {r.reason.clone()}
                        " "
                        <button type="button" on:click=move |_| recovered_download(key.clone())>"Download the unreadable data"</button>
                        <button type="button" class="link" on:click=move |_| p.recovered.set(None)>"Dismiss"</button>
                    </div>
                }
            })}
            {move || export_error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
            <ExportNote state=exporting/>
        </div>
    }
}

/// Shown while the workspace is the demo: what it is, and the ways out.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let store = use_store();
    view! {
        <Show when=move || store.origin() == Origin::Demo>
            <aside class="demo-banner" aria-label="Demo workspace">
                <p>
                    <strong>"This is a demo workspace"</strong>
                    " for a fictional company, Ledgerline, with five partner candidates. Explore and edit freely."
                </p>
                <WorkspaceResets/>
            </aside>
        </Show>
    }
}

/// "Start an empty workspace" and "Reset the demo", each confirmed when it would discard edits.
#[component]
pub fn WorkspaceResets() -> impl IntoView {
    let ws = use_store();
    let confirm = RwSignal::new(None::<Origin>);
    let exporting = RwSignal::new(Exporting::Idle);
    let apply = move |target: Origin| {
        let (next, why) = match target {
            Origin::Demo => (demo(), Replacement::Demo),
            Origin::Own => (Workspace::empty(""), Replacement::Empty),
        };
        snapshots::keep(ws.get_untracked(), Reason::Before(why.summary()), |_| {});
        let _ = ws.replace(next, why, Some(target));
        confirm.set(None);
    };
    view! {
        <div class="actions">
            <button type="button" on:click=move |_| confirm.set(Some(Origin::Own))>"Start an empty workspace"</button>
            <button type="button" on:click=move |_| confirm.set(Some(Origin::Demo))>"Reset the demo"</button>
        </div>
        {move || confirm.get().map(|target| {
            let what = match target {
                Origin::Own => "Start an empty workspace? The current workspace in this browser will be replaced.",
                Origin::Demo => "Reset to the demo? The current workspace in this browser will be replaced.",
            };
            view! {
                <div class="confirm" role="alertdialog" aria-label="Confirm">
                    <p>{what}" Undo takes it back in this tab, and a snapshot of it is kept on the Workspace page; export it to keep a file."</p>
                    <button type="button" on:click=move |_| export_workspace(ws, exporting)>"Export current workspace"</button>
                    <ExportNote state=exporting/>
                    <button type="button" class="danger" on:click=move |_| apply(target)>"Replace it"</button>
                    <button type="button" on:click=move |_| confirm.set(None)>"Cancel"</button>
                </div>
            }
        })}
    }
}
