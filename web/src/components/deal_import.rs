//! Taking a CRM deal export in: pick the file, say the day it was taken,
//! see what will be read (bad rows by line, notes), take it in as one
//! undoable edit. Deals are updated by their CRM id; nothing already saved
//! is lost when rows are bad.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use partnerfit_core::overlap::csv_import::MAX_CSV_BYTES;
use partnerfit_core::pipeline::import::DealRow;
use partnerfit_core::words::{capitalised, count};

use crate::clock;
use crate::components::dropzone::FilePicker;
use crate::components::fields::DateField;
use crate::files::read_array;
use crate::lens::Binding;
use crate::overlap_run::yield_to_browser;
use crate::state::use_store;
use crate::storage::persist::Persistence;
use crate::take_in::{take_in, Export, Outcome};
use crate::worker::client::{Event, Flow, Job};
use crate::worker::deals::DealsSummary;
use crate::worker::protocol::{FromWorker, ToWorker};
use crate::worker::wire::Data;

#[derive(Clone)]
enum Step {
    Idle,
    Reading(String),
    Failed(String),
    /// Read in the background worker, which keeps it for `job`.
    Ready {
        file: String,
        job: Job,
    },
    Done(String),
}

/// What reading the export's rows gave: the rows (shared, taken in without
/// a copy) and what the preview lists.
#[derive(PartialEq)]
struct Read {
    rows: Arc<Vec<DealRow>>,
    summary: DealsSummary,
}

/// The rows of the latest build: `None` while it is read.
type Rows = Option<Result<Arc<Read>, String>>;

/// Pick a deal export and take it in. The file is read in the background
/// worker (`worker::deals`), which keeps it while the preview is shown.
#[component]
pub fn DealImport() -> impl IntoView {
    let step = RwSignal::new(Step::Idle);
    // Replies of the latest build reach the preview here.
    let rows = RwSignal::new(None::<Result<Arc<Read>, String>>);
    let build = StoredValue::new(0u32);
    // A file picked later wins over one still being read.
    let pick = StoredValue::new(0u32);
    let drop_job = move || {
        if let Some(Step::Ready { job, .. }) = step.try_get_untracked() {
            job.finish();
        }
    };
    on_cleanup(drop_job);
    let take = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        drop_job();
        pick.update_value(|p| *p += 1);
        let mine = pick.get_value();
        let name = file.name();
        step.set(Step::Reading(name.clone()));
        spawn_local(async move {
            let bytes = read_array(file, MAX_CSV_BYTES).await;
            if pick.try_get_value() != Some(mine) {
                return;
            }
            let bytes = match bytes {
                Ok(b) => b,
                Err(e) => {
                    step.try_set(Step::Failed(e));
                    return;
                }
            };
            // The rows of the build being received, or why one was unreadable.
            let mut gathered: Result<Vec<DealRow>, String> = Ok(Vec::new());
            let file = name.clone();
            let slot = Rc::new(Cell::new(None::<Job>));
            let this = slot.clone();
            let handler = move |e: Event| {
                if pick.try_get_value() != Some(mine) {
                    // Another file was picked since.
                    if let Some(job) = this.get() {
                        job.finish();
                    }
                    return Flow::Done;
                }
                let current = |b: u32| build.try_get_value() == Some(b);
                match e {
                    Event::Reply(FromWorker::DealsPrepared { .. }, _) => match this.get() {
                        Some(job) => {
                            step.try_set(Step::Ready {
                                file: file.clone(),
                                job,
                            });
                            Flow::More
                        }
                        None => Flow::Done,
                    },
                    Event::Reply(
                        FromWorker::Deals {
                            build: b,
                            rows: chunk,
                            ..
                        },
                        _,
                    ) => {
                        if current(b) {
                            let chunk: Result<Vec<DealRow>, String> =
                                chunk.into_iter().map(DealRow::try_from).collect();
                            match chunk {
                                Ok(more) => {
                                    if let Ok(all) = &mut gathered {
                                        all.extend(more);
                                    }
                                }
                                Err(e) => {
                                    gathered = Err(format!("a deal from the background worker could not be read ({e}); reload the page"));
                                }
                            }
                        }
                        Flow::More
                    }
                    Event::Reply(
                        FromWorker::DealsBuilt {
                            build: b, summary, ..
                        },
                        _,
                    ) => {
                        if current(b) {
                            let read =
                                std::mem::replace(&mut gathered, Ok(Vec::new())).map(|all| {
                                    Arc::new(Read {
                                        rows: Arc::new(all),
                                        summary,
                                    })
                                });
                            rows.try_set(Some(read));
                        }
                        Flow::More
                    }
                    Event::Reply(FromWorker::Failed { message, .. }, _) => {
                        gathered = Ok(Vec::new());
                        if matches!(step.try_get_untracked(), Some(Step::Ready { .. })) {
                            rows.try_set(Some(Err(message)));
                            Flow::More
                        } else {
                            step.try_set(Step::Failed(format!("{file}: {message}")));
                            Flow::Done
                        }
                    }
                    Event::Stopped(message) => {
                        step.try_set(Step::Failed(format!("{file}: {message}")));
                        Flow::Done
                    }
                    Event::Reply(_, _) => Flow::More,
                }
            };
            let started = Job::start(handler).and_then(|job| {
                slot.set(Some(job));
                job.send_with(
                    &ToWorker::DealsRead { job: job.id() },
                    Some(Data::Bytes(bytes)),
                )
                .inspect_err(|_| job.finish())
            });
            if let Err(e) = started {
                step.try_set(Step::Failed(format!("{name}: {e}")));
            }
        });
    };
    view! {
        <div class="deal-import" data-testid="deal-import">
            <FilePicker label="CRM deal export (CSV)" accept=".csv,text/csv,text/plain" on_file=take
                hint="A deals or opportunities export from HubSpot, Salesforce or Pipedrive. A later export of the same pipeline updates the deals it already holds. It is read in this browser only."/>
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Reading(f) => view! { <p role="status">"Reading "{f}"…"</p> }.into_any(),
                Step::Failed(e) => view! { <p class="error" role="alert" data-testid="deal-import-error">{e}" Nothing was imported."</p> }.into_any(),
                Step::Done(msg) => view! { <p class="ok" role="status" data-testid="deal-import-done">{msg}</p> }.into_any(),
                Step::Ready { file, job } => view! { <Preview file job rows builds=build step/> }.into_any(),
            }}
        </div>
    }
}

/// What the export holds, the day it was taken, and the button.
#[component]
fn Preview(
    file: String,
    job: Job,
    rows: RwSignal<Rows>,
    builds: StoredValue<u32>,
    step: RwSignal<Step>,
) -> impl IntoView {
    let store = use_store();
    let taken = RwSignal::new(clock::today());
    // Read again only when what reading depends on changes (the partners,
    // the currency), not on every edit.
    let inputs = Memo::new(move |_| {
        store.with(|w| {
            let partners: Vec<[String; 3]> = w
                .partners
                .iter()
                .map(|p| [p.id.to_string(), p.name.clone(), p.website.clone()])
                .collect();
            (w.profile.currency.code().to_owned(), partners)
        })
    });
    // Ask the worker for the rows under the current inputs (the worker is
    // the outside world: this effect only sends).
    Effect::new(move |_| {
        let (currency, partners) = inputs.get();
        builds.update_value(|b| *b += 1);
        rows.set(None);
        let sent = job.send(&ToWorker::DealsBuild {
            job: job.id(),
            build: builds.get_value(),
            currency,
            partners,
        });
        if let Err(e) = sent {
            rows.set(Some(Err(e)));
        }
    });
    let read = move || rows.get();
    let error = RwSignal::new(None::<String>);
    let name = file.clone();
    let busy = RwSignal::new(None::<String>);
    // Work done and in all while the rows are taken in.
    let taking = RwSignal::new(None::<(usize, usize)>);
    let cancelled = StoredValue::new(false);
    let persistence = use_context::<Persistence>();
    let import = move |_| {
        let Some(Ok(read)) = rows.get_untracked() else {
            return;
        };
        let name = name.clone();
        busy.set(Some(format!(
            "Taking in {}…",
            count(read.rows.len(), "deal", "deals")
        )));
        error.set(None);
        cancelled.set_value(false);
        taking.set(Some((0, 1)));
        let export = Export {
            rows: read.rows.clone(),
            date: taken.get_untracked(),
            file_name: name.clone(),
            entropy: clock::entropy(),
        };
        spawn_local(async move {
            // Let the page show that it is working before the work starts.
            yield_to_browser().await;
            let progress = |done, all| {
                taking.try_set(Some((done, all)));
            };
            let stop = || cancelled.try_get_value().unwrap_or(true);
            let outcome = take_in(store, persistence, export, progress, stop).await;
            taking.try_set(None);
            busy.try_set(None);
            match outcome {
                Outcome::Done(done) => {
                    job.finish();
                    step.try_set(Step::Done(format!("{}.", capitalised(&done.summary))));
                }
                Outcome::Refused(e) => {
                    error.try_set(Some(format!("{name} was not taken in: {e}")));
                }
                Outcome::Cancelled => {
                    error.try_set(Some(format!(
                        "Stopped: {name} was not taken in; nothing changed."
                    )));
                }
            }
        });
    };
    let import = Callback::new(import);
    view! {
        <section class="deal-preview" aria-label="What the export holds">
            <DateField label="Day the export was taken" binding={Binding::local(taken)}/>
            {move || match read() {
                None => view! { <p role="status">"Reading the rows…"</p> }.into_any(),
                Some(Err(e)) => view! { <p class="error" role="alert" data-testid="deal-import-error">{format!("{file}: {e}")}" Nothing was imported."</p> }.into_any(),
                Some(Ok(r)) => {
                    let s = &r.summary;
                    let bad = s.bad.iter().map(|b| view! { <li>{b.clone()}</li> }).collect_view();
                    let notes = s.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view();
                    let more = |listed: usize, total: usize| (total > listed).then(|| view! { <li>{format!("… and {} more", total - listed)}</li> });
                    view! {
                        <p data-testid="deal-import-summary">{format!("{file}: {} to take in", count(s.rows, "deal", "deals"))}
                            {(s.bad_total > 0).then(|| format!("; {} left out", count(s.bad_total, "row", "rows")))}"."</p>
                        {(s.bad_total > 0).then(|| view! { <details open><summary>"Rows left out, by line"</summary><ul class="bad-rows" data-testid="deal-bad-rows">{bad}{more(s.bad.len(), s.bad_total)}</ul></details> })}
                        {(s.notes_total > 0).then(|| view! { <details><summary>"Notes"</summary><ul>{notes}{more(s.notes.len(), s.notes_total)}</ul></details> })}
                        <button type="button" on:click=move |e| import.run(e) disabled=move || busy.get().is_some()>"Take in the deals"</button>
                    }.into_any()
                }
            }}
            <p role="status" data-testid="deal-import-busy">{move || busy.get()}</p>
            {move || taking.get().map(|(done, all)| view! {
                <progress max=all value=done aria-label="Taking in the deals"></progress>
                <button type="button" on:click=move |_| cancelled.set_value(true)>"Stop"</button>
            })}
            <span class="error" role="alert">{move || error.get()}</span>
        </section>
    }
}
