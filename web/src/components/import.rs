//! Importing a workspace file: pick or drop a file, see every problem or a
//! preview of what will happen, then replace or merge (conflicts resolved one
//! by one). A failed import changes nothing.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use partnerfit_core::edit::Replacement;
use partnerfit_core::format::{self, ImportError};
use partnerfit_core::merge::{self, MergePlan, Resolution, Subject};
use partnerfit_core::snapshot::Reason;
use partnerfit_core::words::count;
use partnerfit_core::Workspace;

use crate::components::dropzone::{DropZone, FilePicker};
use crate::files::read_bytes;
use crate::state::{use_store, Origin, Store};
use crate::storage::snapshots;

/// Where an import stands.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Idle,
    Reading(String),
    Failed {
        file: String,
        lines: Vec<String>,
    },
    Ready {
        file: String,
        theirs: Workspace,
        migrated_from: Option<u32>,
    },
    Merging {
        file: String,
        theirs: Workspace,
        plan: MergePlan,
    },
    Done(String),
}

/// Load `bytes` (from `file`) into an import step: the core reads the
/// bytes (UTF-8, or UTF-16 with a byte order mark), as the command line does.
fn step_for(file: String, bytes: Result<Vec<u8>, String>) -> Step {
    match bytes
        .map_err(|e| vec![e])
        .and_then(|b| format::load_bytes(&b).map_err(|e: ImportError| e.lines()))
    {
        Ok(l) => Step::Ready {
            file,
            theirs: l.workspace,
            migrated_from: l.migrated_from,
        },
        Err(lines) => Step::Failed { file, lines },
    }
}

/// The import panel: file picker, drop zone, errors, preview and merge.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let ws = use_store();
    let step = RwSignal::new(Step::Idle);

    let take_file = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        let name = file.name();
        step.set(Step::Reading(name.clone()));
        spawn_local(async move {
            let bytes = read_bytes(file, format::MAX_FILE_BYTES).await;
            step.set(step_for(name, bytes));
        });
    };
    let replace_with = move |theirs: Workspace, file: String| {
        let why = Replacement::Import { file: file.clone() };
        let kept = keep(ws, &why);
        match ws.replace(theirs, why, Some(Origin::Own)) {
            Ok(_) => {
                step.set(Step::Done(format!(
                    "Replaced the workspace with {file}. {kept}"
                )));
            }
            Err(e) => step.set(Step::Failed {
                file,
                lines: vec![e.to_string()],
            }),
        }
    };

    view! {
        <section class="import" aria-labelledby="import-title">
            <h2 id="import-title">"Import a workspace file"</h2>
            <DropZone testid="dropzone" on_file=take_file>
                <FilePicker label="Workspace file (.json)" accept=".json,application/json" on_file=take_file
                    hint="Choose a file, or drop it here. It is read in this browser only."/>
            </DropZone>
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Reading(f) => view! { <p role="status">"Reading "{f}"…"</p> }.into_any(),
                Step::Done(msg) => view! { <p class="ok" role="status">{msg}</p> }.into_any(),
                Step::Failed { file, lines } => view! {
                    <div class="import-errors" role="alert" data-testid="import-errors">
                        <p><strong>{file}" was not imported."</strong>" Nothing in your workspace changed. "
                        {format!("{}:", count(lines.len(), "problem", "problems"))}</p>
                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
                Step::Ready { file, theirs, migrated_from } => {
                    let summary = theirs.summary().to_string();
                    let t1 = theirs.clone();
                    let f1 = file.clone();
                    let plan = ws.with_untracked(|ours| merge::plan(ours, &theirs));
                    let t2 = theirs.clone();
                    let f2 = file.clone();
                    view! {
                        <div class="import-preview" data-testid="import-preview">
                            <p><strong>{file.clone()}</strong>" is valid: "{summary}"."</p>
                            {migrated_from.map(|v| view! { <p class="hint">{format!("It was made with format version {v}; it will be saved in the current version.")}</p> })}
                            <p>"Replace: your workspace becomes this file. Merge: partners are combined by id; anything that differs is shown for you to decide."</p>
                            <div class="actions">
                                <button type="button" on:click=move |_| replace_with(t1.clone(), f1.clone())>"Replace my workspace"</button>
                                <button type="button" on:click=move |_| step.set(Step::Merging { file: f2.clone(), theirs: t2.clone(), plan: plan.clone() })>"Merge into my workspace"</button>
                                <button type="button" on:click=move |_| step.set(Step::Idle)>"Cancel"</button>
                            </div>
                        </div>
                    }.into_any()
                }
                Step::Merging { file, theirs, plan } => view! { <MergeView file theirs plan step/> }.into_any(),
            }}
        </section>
    }
}

/// The merge preview: additions, and a choice per conflict.
#[component]
fn MergeView(
    file: String,
    theirs: Workspace,
    plan: MergePlan,
    step: RwSignal<Step>,
) -> impl IntoView {
    let ws = use_store();
    let choices: RwSignal<BTreeMap<Subject, Resolution>> = RwSignal::new(BTreeMap::new());
    let error = RwSignal::new(None::<String>);
    let total = plan.conflicts.len();
    let added = plan
        .added
        .iter()
        .map(|(_, n)| n.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let conflicts = plan
        .conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let subject = c.subject.clone();
            let s2 = subject.clone();
            let s3 = subject.clone();
            let name = format!("conflict-{i}");
            let pick = move |s: Subject, r: Resolution| choices.update(|m| { m.insert(s, r); });
            view! {
                <fieldset class="conflict">
                    <legend>{c.label.clone()}" — differs in: "{c.differences.join(", ")}</legend>
                    <label><input type="radio" name=name.clone() on:change=move |_| pick(s2.clone(), Resolution::KeepOurs)
                        prop:checked=move || choices.with(|m| m.get(&subject) == Some(&Resolution::KeepOurs))/>" Keep mine"</label>
                    <label><input type="radio" name=name on:change=move |_| pick(s3.clone(), Resolution::TakeTheirs)/>" Take the file's"</label>
                </fieldset>
            }
        })
        .collect_view();
    let plan2 = plan.clone();
    let apply = move |_| {
        let result =
            ws.with_untracked(|ours| merge::apply(ours, &theirs, &plan2, &choices.get_untracked()));
        match result {
            Ok(merged) => {
                let why = Replacement::Merge { file: file.clone() };
                let kept = keep(ws, &why);
                match ws.replace(merged, why, Some(Origin::Own)) {
                    Ok(_) => step.set(Step::Done(format!(
                        "Merged {file} into your workspace. {kept}"
                    ))),
                    Err(e) => error.set(Some(e.to_string())),
                }
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <div class="merge" data-testid="merge">
            <p>{format!("{} will be added", count(plan.added.len(), "new partner", "new partners"))}
                {(!added.is_empty()).then(|| format!(": {added}"))}
                {format!(". {} identical, {} only in yours (kept). ", plan.identical, plan.kept)}
                {format!("{} to decide.", count(total, "conflict", "conflicts"))}</p>
            {conflicts}
            <div class="actions">
                <button type="button" prop:disabled=move || choices.with(|m| m.len() < total) on:click=apply>"Apply merge"</button>
                <button type="button" on:click=move |_| step.set(Step::Idle)>"Cancel"</button>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </div>
    }
}

/// Keep the workspace as it is before it is replaced; says where to find
/// it (or that it could not be kept, and that Undo still works).
fn keep(ws: Store, why: &Replacement) -> String {
    match snapshots::take(ws, Reason::Before(why.summary())) {
        Ok(_) => "Undo takes it back; the workspace as it was is also kept as a snapshot on the Workspace page.".into(),
        Err(e) => format!("Undo takes it back (no snapshot could be kept: {e})."),
    }
}
