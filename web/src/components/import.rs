//! Importing a workspace file: pick or drop a file, see every problem or a
//! preview of what will happen, then replace or merge (conflicts resolved one
//! by one). A failed import changes nothing.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::task::spawn_local;
use partnerfit_core::edit::Replacement;
use partnerfit_core::format;
use partnerfit_core::merge::{self, MergePlan, Resolution, Subject};
use partnerfit_core::overlap::account::AccountList;
use partnerfit_core::pipeline::Pipeline;
use partnerfit_core::snapshot::Reason;
use partnerfit_core::words::count;
use partnerfit_core::Workspace;

use crate::components::dropzone::{DropZone, FilePicker};
use crate::files::read_array;
use crate::overlap_run::yield_to_browser;
use crate::state::{use_store, Origin};
use crate::storage::persist::Persistence;
use crate::storage::snapshots;
use crate::worker::handover::{self, Read};

/// The parts of an imported file as the autosave stores them (each list's
/// accounts, the pipeline's opportunities): handed to the autosave once, by
/// the replacement, without copying 40 MB (a step is cloned each time it is
/// shown; the clones share them).
#[derive(Clone, Default)]
struct Parts(Arc<Mutex<Primed>>);

/// A list and its accounts' part.
type ListPart = (Arc<AccountList>, String);

#[derive(Default)]
struct Primed {
    lists: Vec<ListPart>,
    opportunities: Option<(Arc<Pipeline>, String)>,
}

impl Parts {
    fn new(read: &mut Read) -> Parts {
        let primed = Primed {
            lists: std::mem::take(&mut read.parts),
            opportunities: read
                .opportunities
                .take()
                .map(|json| (read.workspace.pipeline.clone(), json)),
        };
        Parts(Arc::new(Mutex::new(primed)))
    }

    /// Hand the parts to the autosave (once: later calls find none); the
    /// opportunities' only while their pipeline is the workspace's
    /// (`pipeline_kept`), since the encoder keeps one pipeline's part.
    fn prime(&self, persistence: Persistence, pipeline_kept: bool) {
        let primed = self
            .0
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default();
        for (list, json) in primed.lists {
            persistence.prime(list, json);
        }
        if let (Some((pipeline, json)), true) = (primed.opportunities, pipeline_kept) {
            persistence.prime_pipeline(&pipeline, json);
        }
    }
}

impl PartialEq for Parts {
    fn eq(&self, other: &Parts) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Parts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Parts({:?})", self.0.lock().map(|p| p.lists.len()).ok())
    }
}

/// Where an import stands.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Idle,
    /// Pieces of the file received from the background worker, and in all
    /// (0 of 0 while the worker reads it).
    Reading(String, usize, usize),
    Failed {
        file: String,
        lines: Vec<String>,
    },
    Ready {
        file: String,
        theirs: Workspace,
        parts: Parts,
        migrated_from: Option<u32>,
    },
    Merging {
        file: String,
        theirs: Workspace,
        plan: MergePlan,
    },
    Done(String),
}

/// Read `file` in the background worker (a 40 MB file takes a second to
/// read and check) and assemble it here a piece at a time; a small file is
/// read here at once.
async fn read_file(file: web_sys::File, step: RwSignal<Step>) -> Result<Read, Vec<String>> {
    let name = file.name();
    let bytes = read_array(file, format::MAX_FILE_BYTES)
        .await
        .map_err(|e| vec![e])?;
    if f64::from(bytes.length()) <= handover::READ_HERE_BYTES {
        return handover::read_here(&bytes.to_vec());
    }
    let progress = move |got, all| {
        step.try_update(|s| {
            if let Step::Reading(f, g, a) = s {
                if *f == name {
                    (*g, *a) = (got, all);
                }
            }
        });
    };
    let (_job, answer) = handover::read(bytes, progress).map_err(|e| vec![e])?;
    answer.await.unwrap_or_else(|_| {
        Err(vec![
            "The background worker stopped before it answered; try again.".to_owned(),
        ])
    })
}

/// The import panel: file picker, drop zone, errors, preview and merge.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let ws = use_store();
    let persistence = use_context::<Persistence>();
    let step = RwSignal::new(Step::Idle);
    // Which pick is current: a file picked later wins over one being read.
    let pick = StoredValue::new(0u32);

    let take_file = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        let name = file.name();
        pick.update_value(|n| *n += 1);
        let mine = pick.get_value();
        step.set(Step::Reading(name.clone(), 0, 0));
        spawn_local(async move {
            let read = read_file(file, step).await;
            // The preview (and its merge plan) in a task of its own, not
            // in the one that took the last piece.
            yield_to_browser().await;
            if pick.try_get_value() != Some(mine) {
                return;
            }
            step.try_set(match read {
                Ok(mut r) => Step::Ready {
                    file: name,
                    parts: Parts::new(&mut r),
                    theirs: r.workspace,
                    migrated_from: r.migrated_from,
                },
                Err(lines) => Step::Failed { file: name, lines },
            });
        });
    };
    let replace_with = move |theirs: Workspace, parts: Parts, file: String| {
        let why = Replacement::Import { file: file.clone() };
        let before = ws.get_untracked();
        let pipeline = theirs.pipeline.clone();
        match ws.replace(theirs, why.clone(), Some(Origin::Own)) {
            Ok(_) => {
                // The autosave stores the parts the worker made, instead of
                // writing 100,000 accounts out again (the save runs after
                // this task).
                if let Some(p) = persistence {
                    parts.prime(
                        p,
                        ws.with_untracked(|w| Arc::ptr_eq(&w.pipeline, &pipeline)),
                    );
                }
                done_keeping(
                    step,
                    format!("Replaced the workspace with {file}."),
                    before,
                    why,
                )
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
                Step::Reading(f, got, all) => {
                    let label = format!("Reading {f}");
                    view! {
                        <p role="status">{label.clone()}"…"</p>
                        <progress max=all.max(1) value=got aria-label=label></progress>
                    }.into_any()
                }
                Step::Done(msg) => view! { <p class="ok" role="status">{msg}</p> }.into_any(),
                Step::Failed { file, lines } => view! {
                    <div class="import-errors" role="alert" data-testid="import-errors">
                        <p><strong>{file}" was not imported."</strong>" Nothing in your workspace changed. "
                        {format!("{}:", count(lines.len(), "problem", "problems"))}</p>
                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
                Step::Ready { file, theirs, parts, migrated_from } => {
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
                                <button type="button" on:click=move |_| replace_with(t1.clone(), parts.clone(), f1.clone())>"Replace my workspace"</button>
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
                let before = ws.get_untracked();
                match ws.replace(merged, why.clone(), Some(Origin::Own)) {
                    Ok(_) => done_keeping(
                        step,
                        format!("Merged {file} into your workspace."),
                        before,
                        why,
                    ),
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

/// Said while the workspace as it was is being kept.
const KEEPING: &str = "Undo takes it back; keeping the workspace as it was as a snapshot…";

/// Say `done`, then keep `before`, the workspace as it was before `why`, as
/// a snapshot, and say where to find it (or that it could not be kept, and
/// that Undo still works).
fn done_keeping(step: RwSignal<Step>, done: String, before: Workspace, why: Replacement) {
    step.set(Step::Done(format!("{done} {KEEPING}")));
    snapshots::keep(before, Reason::Before(why.summary()), move |kept| {
        let said = match kept {
            Ok(_) => "Undo takes it back; the workspace as it was is also kept as a snapshot on the Workspace page.".into(),
            Err(e) => format!("Undo takes it back (no snapshot could be kept: {e})."),
        };
        step.try_set(Step::Done(format!("{done} {said}")));
    });
}
