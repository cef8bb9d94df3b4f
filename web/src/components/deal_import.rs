//! Taking a CRM deal export in: pick the file, say the day it was taken,
//! see what will be read (bad rows by line, notes), take it in as one
//! undoable edit. Deals are updated by their CRM id; nothing already saved
//! is lost when rows are bad.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use partnerfit_core::edit::{Edit, PipelineEdit};
use partnerfit_core::overlap::csv_import::MAX_CSV_BYTES;
use partnerfit_core::pipeline::import::{
    prepare, read_rows, BadDeal, DealNote, DealRow, PreparedDeals,
};
use partnerfit_core::words::{capitalised, count};

use crate::clock;
use crate::components::dropzone::FilePicker;
use crate::components::fields::DateField;
use crate::files::read_bytes;
use crate::lens::Binding;
use crate::state::use_store;

#[derive(Clone)]
enum Step {
    Idle,
    Reading(String),
    Failed(String),
    Ready {
        file: String,
        prepared: Arc<PreparedDeals>,
    },
    Done(String),
}

/// Pick a deal export and take it in.
#[component]
pub fn DealImport() -> impl IntoView {
    let step = RwSignal::new(Step::Idle);
    let take = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        let name = file.name();
        step.set(Step::Reading(name.clone()));
        spawn_local(async move {
            let next = match read_bytes(file, MAX_CSV_BYTES).await {
                Err(e) => Step::Failed(e),
                Ok(bytes) => match prepare(&bytes) {
                    Err(e) => Step::Failed(format!("{name}: {e}")),
                    Ok(p) => Step::Ready {
                        file: name,
                        prepared: Arc::new(p),
                    },
                },
            };
            step.set(next);
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
                Step::Ready { file, prepared } => view! { <Preview file prepared step/> }.into_any(),
            }}
        </div>
    }
}

/// What was read of an export, its rows shared.
#[derive(PartialEq, Eq)]
struct Read {
    rows: Arc<Vec<DealRow>>,
    bad: Vec<BadDeal>,
    notes: Vec<DealNote>,
}

/// What the export holds, the day it was taken, and the button.
#[component]
fn Preview(file: String, prepared: Arc<PreparedDeals>, step: RwSignal<Step>) -> impl IntoView {
    let store = use_store();
    let taken = RwSignal::new(clock::today());
    // Read again only when what reading depends on changes (the partners,
    // the currency), not on every edit.
    let inputs = Memo::new(move |_| {
        store.with(|w| {
            let partners: Vec<_> = w
                .partners
                .iter()
                .map(|p| (p.id.clone(), p.name.clone(), p.website.clone()))
                .collect();
            (w.profile.currency, partners)
        })
    });
    let read = Memo::new(move |_| {
        inputs.with(|(currency, partners)| {
            // The rows are kept shared: taking them in does not copy them.
            read_rows(&prepared, &prepared.mapping, *currency, partners)
                .map(|r| Read {
                    rows: Arc::new(r.rows),
                    bad: r.bad,
                    notes: r.notes,
                })
                .map(Arc::new)
                .map_err(|e| e.to_string())
        })
    });
    let error = RwSignal::new(None::<String>);
    let name = file.clone();
    let busy = RwSignal::new(None::<String>);
    let import = move |_| {
        let Ok(read) = read.get_untracked() else {
            return;
        };
        let name = name.clone();
        busy.set(Some(format!(
            "Taking in {}…",
            count(read.rows.len(), "deal", "deals")
        )));
        // Let the page show that it is working before the edit runs.
        spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(20).await;
            let edit = Edit::Pipeline(PipelineEdit::Import {
                rows: read.rows.clone(),
                date: taken.get_untracked(),
                file_name: name.clone(),
                entropy: clock::entropy(),
            });
            match store.apply(edit) {
                Ok(done) => step.set(Step::Done(format!("{}.", capitalised(&done.summary)))),
                Err(e) => {
                    busy.try_set(None);
                    error.try_set(Some(format!("{name} was not taken in: {e}")));
                }
            }
        });
    };
    let import = Callback::new(import);
    view! {
        <section class="deal-preview" aria-label="What the export holds">
            <DateField label="Day the export was taken" binding={Binding::local(taken)}/>
            {move || match read.get() {
                Err(e) => view! { <p class="error" role="alert" data-testid="deal-import-error">{format!("{file}: {e}")}" Nothing was imported."</p> }.into_any(),
                Ok(r) => {
                    let bad = r.bad.iter().map(|b| view! { <li>{b.to_string()}</li> }).collect_view();
                    let notes = r.notes.iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view();
                    view! {
                        <p data-testid="deal-import-summary">{format!("{file}: {} to take in", count(r.rows.len(), "deal", "deals"))}
                            {(!r.bad.is_empty()).then(|| format!("; {} left out", count(r.bad.len(), "row", "rows")))}"."</p>
                        {(!r.bad.is_empty()).then(|| view! { <details open><summary>"Rows left out, by line"</summary><ul class="bad-rows" data-testid="deal-bad-rows">{bad}</ul></details> })}
                        {(!r.notes.is_empty()).then(|| view! { <details><summary>"Notes"</summary><ul>{notes}</ul></details> })}
                        <button type="button" on:click=move |e| import.run(e) disabled=move || busy.get().is_some()>"Take in the deals"</button>
                    }.into_any()
                }
            }}
            <p role="status" data-testid="deal-import-busy">{move || busy.get()}</p>
            <span class="error" role="alert">{move || error.get()}</span>
        </section>
    }
}
