//! Importing a CRM export (CSV) as an account list: pick a file, check the
//! detected encoding, delimiter, header and column mapping, choose where
//! populations come from, see the rows that will be skipped, import.
//! Importing a list never alters other lists.
//!
//! The file is read, previewed and turned into accounts in the background
//! worker ([`crate::worker`]): the page only shows what it answers, so a
//! 100,000-row export never holds the page. A file's job lives while its
//! mapping is shown; Cancel while reading stops the worker.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use partnerfit_core::edit::Edit;
use partnerfit_core::format::checked_list::ListChecker;
use partnerfit_core::format::FORMAT_VERSION;
use partnerfit_core::overlap::account::{Account, ListOwner, PopulationSource};
use partnerfit_core::overlap::columns::{Field, Mapping};
use partnerfit_core::overlap::csv_import::MAX_CSV_BYTES;
use partnerfit_core::overlap::import::{default_population, make_list};
use partnerfit_core::overlap::population::Population;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::count;

use crate::clock;
use crate::components::dropzone::FilePicker;
use crate::components::fields::next_id;
use crate::files::read_bytes;
use crate::overlap_run::yield_to_browser;
use crate::state::{use_store, Store};
use crate::storage::persist::Persistence;
use crate::worker::client::{Event, Flow, Job};
use crate::worker::protocol::{CsvChoice, CsvPreview, CsvTable, FromWorker, ToWorker};
use crate::worker::wire::Data;

/// Accounts checked between two clock reads, and the time a slice of checks
/// may take before the browser gets control back.
const CHECK_STEP: usize = 500;
const SLICE_MS: f64 = 8.0;

#[derive(Clone)]
enum Stage {
    Idle,
    Reading(String, Option<Job>),
    Failed(String),
    Ready {
        file: String,
        table: Arc<CsvTable>,
        job: Job,
    },
    /// Accounts received, of how many.
    Importing(String, usize, usize),
    Done(String),
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        _ => "other",
    }
}

/// A file's import: the signals its job's replies land in.
#[derive(Clone, Copy)]
struct FileImport {
    stage: RwSignal<Stage>,
    /// The answer for the choices on screen; `None` while the worker counts.
    preview: RwSignal<Option<(CsvChoice, Result<CsvPreview, String>)>>,
    store: Store,
    /// The autosave, handed the worker's serialized accounts (none in tests
    /// that mount without it).
    persistence: Option<Persistence>,
}

impl FileImport {
    /// Handle one reply of the job reading `file` for `owner`.
    fn receive(
        self,
        file: &str,
        owner: &ListOwner,
        job: Job,
        built: &RefCell<Vec<Account>>,
        e: Event,
    ) -> Flow {
        match e {
            Event::Reply(FromWorker::CsvRead { table, .. }, _) => {
                self.stage.try_set(Stage::Ready {
                    file: file.to_owned(),
                    table: Arc::new(table),
                    job,
                });
                Flow::More
            }
            Event::Reply(
                FromWorker::CsvPreview {
                    choice, preview, ..
                },
                _,
            ) => {
                self.preview.try_set(Some((choice, preview)));
                Flow::More
            }
            Event::Reply(FromWorker::Accounts { rows, .. }, _) => {
                let mut b = built.borrow_mut();
                b.extend(rows.into_iter().map(Account::from));
                if let Some(Stage::Importing(_, _, total)) = self.stage.try_get_untracked() {
                    self.stage
                        .try_set(Stage::Importing(file.to_owned(), b.len(), total));
                }
                Flow::More
            }
            Event::Reply(
                FromWorker::CsvBuilt {
                    choice,
                    format_version,
                    preview,
                    ..
                },
                data,
            ) => {
                job.finish();
                let accounts = std::mem::take(&mut *built.borrow_mut());
                // A part made for another file format is not stored.
                let part = data
                    .filter(|_| format_version == FORMAT_VERSION)
                    .and_then(Data::bytes)
                    .and_then(|b| String::from_utf8(b.to_vec()).ok());
                match preview {
                    Ok(p) => {
                        let (file, owner) = (file.to_owned(), owner.clone());
                        spawn_local(async move {
                            let done = self.add(&file, &owner, &choice, accounts, part, &p).await;
                            self.stage.try_set(done);
                        });
                    }
                    Err(e) => {
                        self.stage.try_set(Stage::Failed(format!("{file}: {e}")));
                    }
                }
                Flow::Done
            }
            Event::Reply(FromWorker::Failed { message, .. }, _) => {
                self.stage
                    .try_set(Stage::Failed(format!("{file}: {message}")));
                job.finish();
                Flow::Done
            }
            Event::Stopped(message) => {
                self.stage
                    .try_set(Stage::Failed(format!("{file}: {message}")));
                Flow::Done
            }
            Event::Reply(_, _) => Flow::More,
        }
    }

    /// Add the built accounts as a list (`part`: their serialized form, made
    /// by the worker, handed to the autosave); what the user reads next. The
    /// accounts are checked as the file reader checks them a few
    /// milliseconds at a time, so a 100,000-account list never holds the
    /// page; then the list is added in one edit.
    async fn add(
        self,
        file: &str,
        owner: &ListOwner,
        choice: &CsvChoice,
        accounts: Vec<Account>,
        part: Option<String>,
        p: &CsvPreview,
    ) -> Stage {
        let n = accounts.len();
        if n != p.accounts() {
            return Stage::Failed(format!(
                "{file} was not added: the background worker sent {n} of {} accounts.",
                p.accounts()
            ));
        }
        let id = self
            .store
            .with_untracked(|w| w.fresh_list_id(clock::entropy()));
        let list = Arc::new(make_list(
            id,
            owner.clone(),
            file,
            clock::today(),
            choice.population(),
            accounts,
        ));
        let index = self.store.with_untracked(|w| w.account_lists.len());
        let mut checker = ListChecker::new(list.clone(), index);
        loop {
            let t0 = clock::now_ms();
            let step = loop {
                match checker.step(CHECK_STEP) {
                    Ok(false) if clock::now_ms() - t0 < SLICE_MS => continue,
                    other => break other,
                }
            };
            match step {
                Ok(true) => break,
                Ok(false) => {
                    let (done, all) = checker.progress();
                    self.stage
                        .try_set(Stage::Importing(file.to_owned(), all + done, 2 * all));
                    yield_to_browser().await;
                }
                Err(e) => return Stage::Failed(format!("{file} was not added: {e}.")),
            }
        }
        let Some(checked) = checker.finish() else {
            return Stage::Failed(format!(
                "{file} was not added: its accounts were not all checked."
            ));
        };
        if let (Some(json), Some(persistence)) = (part, self.persistence) {
            persistence.prime(list, json);
        }
        // The edit still refuses a list that would make the workspace's
        // file too large to import again.
        if let Err(e) = self.store.apply(Edit::AddCheckedList(checked)) {
            return Stage::Failed(format!("{file} was not added: {e}."));
        }
        let skipped = if p.bad_total == 0 {
            String::new()
        } else {
            format!(
                " {} skipped: {}{}",
                count(p.bad_total, "row", "rows"),
                p.bad.iter().take(5).cloned().collect::<Vec<_>>().join("; "),
                if p.bad_total > 5 { "; …" } else { "" }
            )
        };
        Stage::Done(format!(
            "Imported {} from {file}.{skipped}",
            count(n, "account", "accounts")
        ))
    }
}

/// Import a CSV as a list of `owner`.
#[component]
pub fn ListImport(
    /// Whose accounts the file holds.
    owner: ListOwner,
    /// The file input's label.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let fi = FileImport {
        stage: RwSignal::new(Stage::Idle),
        preview: RwSignal::new(None),
        store: use_store(),
        persistence: use_context::<Persistence>(),
    };
    let stage = fi.stage;
    // The job of the file on screen, if any: over when another file is
    // picked or the page is left.
    let finish = move || {
        if let Some(Stage::Ready { job, .. } | Stage::Reading(_, Some(job))) =
            stage.try_get_untracked()
        {
            job.finish();
        }
    };
    on_cleanup(finish);
    // Which pick is current: a file read after another was picked, or after
    // Cancel reading, is dropped.
    let pick = StoredValue::new(0u32);
    let take = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        finish();
        pick.update_value(|n| *n += 1);
        let mine = pick.get_value();
        let name = file.name();
        stage.set(Stage::Reading(name.clone(), None));
        fi.preview.set(None);
        let owner = owner.clone();
        spawn_local(async move {
            let bytes = read_bytes(file, MAX_CSV_BYTES).await;
            if pick.try_get_value() != Some(mine) {
                return;
            }
            let bytes = match bytes {
                Ok(b) => b,
                Err(e) => {
                    stage.try_set(Stage::Failed(e));
                    return;
                }
            };
            let built = RefCell::new(Vec::new());
            let slot = Rc::new(std::cell::Cell::new(None::<Job>));
            let handler = {
                let (name, slot) = (name.clone(), slot.clone());
                move |e| match slot.get() {
                    Some(job) => fi.receive(&name, &owner, job, &built, e),
                    None => Flow::More,
                }
            };
            let job = match Job::start(handler) {
                Ok(job) => job,
                Err(e) => {
                    stage.try_set(Stage::Failed(format!("{name}: {e}")));
                    return;
                }
            };
            slot.set(Some(job));
            stage.try_set(Stage::Reading(name.clone(), Some(job)));
            let bytes = Data::Bytes(js_sys::Uint8Array::from(bytes.as_slice()));
            if let Err(e) = job.send_with(&ToWorker::CsvRead { job: job.id() }, Some(bytes)) {
                job.finish();
                stage.try_set(Stage::Failed(format!("{name}: {e}")));
            }
        });
    };
    let cancel_reading = move |_| {
        pick.update_value(|n| *n += 1);
        if let Some(Stage::Reading(_, job)) = stage.try_get_untracked() {
            if let Some(job) = job {
                job.cancel();
            }
            stage.set(Stage::Idle);
        }
    };
    view! {
        <div class="list-import">
            <FilePicker label accept=".csv,text/csv,text/plain" on_file=take
                hint="A CSV export of a CRM (HubSpot, Salesforce, Pipedrive) or a spreadsheet. It is read in this browser only."/>
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Reading(f, _) => view! { <p role="status">"Reading "{f}"… "
                    <button type="button" on:click=cancel_reading>"Cancel reading"</button></p> }.into_any(),
                Stage::Failed(e) => view! { <p class="error" role="alert" data-testid="csv-error">{e}" Nothing was imported."</p> }.into_any(),
                Stage::Done(msg) => view! { <p class="ok" role="status" data-testid="csv-done">{msg}</p> }.into_any(),
                Stage::Importing(f, done, total) => view! {
                    <p role="status" class="progress"><label>{format!("Importing {f} ")}<progress max=total.max(1) value=done></progress></label>
                    {format!(" {:.0}%", 100.0 * done as f64 / total.max(1) as f64)}</p>
                }.into_any(),
                Stage::Ready { file, table, job } => view! { <MappingStep file table job fi/> }.into_any(),
            }}
        </div>
    }
}

/// Check and adjust how the file is read, then import it.
#[component]
fn MappingStep(file: String, table: Arc<CsvTable>, job: Job, fi: FileImport) -> impl IntoView {
    let guessed = Mapping(table.mapping.iter().copied().collect());
    let mapping = RwSignal::new(guessed.clone());
    let population = RwSignal::new(default_population(&guessed));
    let currency = Memo::new(move |_| fi.store.with(|w| w.profile.currency));
    let choice =
        Memo::new(move |_| CsvChoice::new(&mapping.get(), population.get(), Some(currency.get())));
    // Ask the worker for the preview of the choices on screen.
    Effect::new(move |_| {
        let c = choice.get();
        if let Err(e) = job.send(&ToWorker::CsvPreview {
            job: job.id(),
            choice: c,
        }) {
            fi.preview.set(Some((choice.get_untracked(), Err(e))));
        }
    });
    // The worker's answer, if it is for what is on screen.
    let preview = Memo::new(move |_| {
        fi.preview.with(|p| match p {
            Some((c, r)) if *c == choice.get() => Some(r.clone()),
            _ => None,
        })
    });
    let summary = format!(
        "{file}: {} after the header on line {} ({}, {} separated).",
        count(table.rows, "row", "rows"),
        table.header_line,
        table.encoding,
        delimiter_name(table.delimiter)
    );
    let headers = table.headers.clone();
    let field_selects = Field::ALL
        .iter()
        .map(|f| {
            let f = *f;
            let id = next_id();
            let current = guessed.get(f);
            let options = headers
                .iter()
                .enumerate()
                .map(|(i, h)| view! { <option value=i.to_string() selected=current == Some(i)>{h.clone()}</option> })
                .collect_view();
            view! {
                <div class="field">
                    <label class="label" for=id.clone()>{f.label()}</label>
                    <select id=id on:change:target=move |ev| {
                        let col = ev.target().value().parse::<usize>().ok();
                        mapping.update(|m: &mut Mapping| m.set(f, col));
                    }>
                        <option value="" selected=current.is_none()>"(none)"</option>
                        {options}
                    </select>
                </div>
            }
        })
        .collect_view();
    let pop_select = move |label: &'static str, value: Population, on: Callback<Population>| {
        let id = next_id();
        view! {
            <div class="field inline">
                <label class="label" for=id.clone()>{label}</label>
                <select id=id on:change:target=move |ev| if let Some(p) = Population::from_key(&ev.target().value()) { on.run(p) }>
                    {Population::ALL.iter().map(|p| view! { <option value=p.key() selected=*p == value>{p.label()}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    let fallback = match population.get_untracked() {
        PopulationSource::StatusColumn { fallback } => fallback,
        PopulationSource::Fixed(_) => Population::Prospect,
    };
    let fixed = match population.get_untracked() {
        PopulationSource::Fixed(p) => p,
        PopulationSource::StatusColumn { .. } => Population::Customer,
    };
    let pop_name = next_id();
    let import = {
        let file = file.clone();
        move |_| {
            let Some(Ok(p)) = preview.get_untracked() else {
                return;
            };
            match job.send(&ToWorker::CsvBuild {
                job: job.id(),
                choice: choice.get_untracked(),
            }) {
                Ok(()) => fi
                    .stage
                    .set(Stage::Importing(file.clone(), 0, p.accounts())),
                Err(e) => fi.stage.set(Stage::Failed(format!("{file}: {e}"))),
            }
        }
    };
    let cancel = move |_| {
        job.finish();
        fi.stage.set(Stage::Idle);
    };
    view! {
        <div class="csv-mapping" data-testid="csv-mapping">
            <p>{summary}</p>
            <fieldset>
                <legend>"Columns"</legend>
                <div class="grid4">{field_selects}</div>
            </fieldset>
            <fieldset>
                <legend>"Populations"</legend>
                <label class="check"><input type="radio" name=pop_name.clone()
                    prop:checked=move || matches!(population.get(), PopulationSource::StatusColumn { .. })
                    on:change=move |_| population.set(PopulationSource::StatusColumn { fallback })/>
                    " From the status column"</label>
                {pop_select("When the status says nothing", fallback, Callback::new(move |p| population.set(PopulationSource::StatusColumn { fallback: p })))}
                <label class="check"><input type="radio" name=pop_name
                    prop:checked=move || matches!(population.get(), PopulationSource::Fixed(_))
                    on:change=move |_| population.set(PopulationSource::Fixed(fixed))/>
                    " The same for the whole list"</label>
                {pop_select("Every account is", fixed, Callback::new(move |p| population.set(PopulationSource::Fixed(p))))}
            </fieldset>
            {move || match preview.get() {
                None => view! { <p role="status">"Counting the accounts…"</p> }.into_any(),
                Some(Err(e)) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                Some(Ok(p)) => {
                    let counts = Population::ALL.iter().zip(&p.per_population).map(|(pop, n)| pop.count(*n)).collect::<Vec<_>>().join(", ");
                    view! {
                        <p data-testid="csv-preview">{format!("{} will be imported ({counts}).", count(p.accounts(), "account", "accounts"))}</p>
                        {(p.bad_total > 0).then(|| view! {
                            <div class="warn" data-testid="csv-bad-rows">
                                <p>{format!("{} will be skipped:", count(p.bad_total, "row", "rows"))}</p>
                                <ul>{p.bad.iter().map(|b| view! { <li>{b.clone()}</li> }).collect_view()}</ul>
                            </div>
                        })}
                        {(p.notes_total > 0).then(|| view! {
                            <div class="warn" data-testid="csv-revenue-notes">
                                <p>{format!("{} will be imported without an annual revenue:", count(p.notes_total, "account", "accounts"))}</p>
                                <ul>{p.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                            </div>
                        })}
                    }.into_any()
                }
            }}
            <div class="actions">
                <button type="button" prop:disabled=move || preview.with(|p| !matches!(p, Some(Ok(p)) if p.accounts() > 0)) on:click=import>"Import accounts"</button>
                <button type="button" on:click=cancel>"Cancel"</button>
            </div>
        </div>
    }
}
