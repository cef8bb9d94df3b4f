//! The worker's side (`partnerfit-worker`): gathers a job's accounts, loads
//! the Public Suffix List once, normalises and matches, and reports progress
//! about every [`REPORT_MS`]. It runs each job to the end; the page cancels
//! a job by terminating the worker.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use js_sys::{Uint32Array, Uint8Array};
use partnerfit_core::format::pieces::{Assembly, Kind, PieceError, Pieces};
use partnerfit_core::format::stored_encoder::accounts_part;
use partnerfit_core::format::{self, FORMAT_VERSION};
use partnerfit_core::overlap::account::Account;
use partnerfit_core::overlap::import::{accounts, prepare, Prepared};
use partnerfit_core::overlap::matching::{Index, Keys, Pair};
use partnerfit_core::overlap::normalize::Psl;
use partnerfit_core::overlap::population::Population;
use partnerfit_core::pilot::accounts_of_companies;
use partnerfit_core::snapshot;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Workspace;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::deals;
use super::handover;
use super::protocol::{
    pairs_to_words, CsvChoice, CsvPreview, CsvTable, FromWorker, Side, ToWorker, WireAccount,
    CHUNK, LISTED,
};
use super::psi;
use super::wire::{self, Data};

/// Time between two progress reports.
const REPORT_MS: f64 = 100.0;

/// The accounts of the job being sent.
#[derive(Default)]
struct Gathering {
    job: u32,
    ours: Vec<Account>,
    theirs: Vec<Account>,
}

#[derive(Default)]
struct Host {
    psl: Option<Arc<Psl>>,
    gathering: Gathering,
    /// CSV exports read, per job.
    csv: HashMap<u32, Prepared>,
    /// Workspaces being received, per job (or why their pieces were refused).
    assemblies: HashMap<u32, Result<Assembly, PieceError>>,
}

thread_local! {
    static HOST: RefCell<Host> = RefCell::default();
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

pub(super) fn post(msg: &FromWorker, data: Option<Data>) {
    let (value, transfer) = wire::encode(msg, data);
    // Posting only fails for values that cannot be cloned; ours always can.
    let _ = scope().post_message_with_transfer(&value, &transfer);
}

/// Listen for jobs; called once when the worker starts.
pub fn start() {
    let on = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| handle(&e.data()));
    scope().set_onmessage(Some(on.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on.forget();
}

fn handle(data: &JsValue) {
    let (msg, data) = match wire::decode::<ToWorker>(data) {
        Ok(m) => m,
        Err(e) => {
            post(
                &FromWorker::Failed {
                    job: 0,
                    message: e.to_string(),
                },
                None,
            );
            return;
        }
    };
    match msg {
        ToWorker::Accounts { job, side, rows } => HOST.with_borrow_mut(|h| {
            if h.gathering.job != job {
                h.gathering = Gathering {
                    job,
                    ..Gathering::default()
                };
            }
            let into = match side {
                Side::Ours => &mut h.gathering.ours,
                Side::Theirs => &mut h.gathering.theirs,
            };
            let line = into.len();
            into.extend(
                rows.into_iter()
                    .enumerate()
                    .map(|(i, [name, domain, country])| {
                        Account::for_matching(
                            line + i + 1,
                            name,
                            domain,
                            country,
                            Population::Prospect,
                        )
                    }),
            );
        }),
        ToWorker::Match { job } => {
            let gathered = HOST.with_borrow_mut(|h| std::mem::take(&mut h.gathering));
            let (ours, theirs) = if gathered.job == job {
                (gathered.ours, gathered.theirs)
            } else {
                (Vec::new(), Vec::new())
            };
            wasm_bindgen_futures::spawn_local(async move {
                match psl().await {
                    Ok(psl) => run_match(job, &psl, &ours, &theirs),
                    Err(message) => post(&FromWorker::Failed { job, message }, None),
                }
            });
        }
        ToWorker::CsvRead { job } => {
            let bytes = data
                .and_then(Data::bytes)
                .map(|b| b.to_vec())
                .unwrap_or_default();
            match prepare(&bytes) {
                Ok(p) => {
                    let t = &p.table;
                    let table = CsvTable {
                        encoding: t.encoding.to_owned(),
                        delimiter: t.delimiter,
                        header_line: t.header_line,
                        headers: t.headers.clone(),
                        rows: t.rows.len(),
                        mapping: p.mapping.0.iter().map(|(f, c)| (*f, *c)).collect(),
                    };
                    HOST.with_borrow_mut(|h| h.csv.insert(job, p));
                    post(&FromWorker::CsvRead { job, table }, None);
                }
                Err(e) => post(
                    &FromWorker::Failed {
                        job,
                        message: e.to_string(),
                    },
                    None,
                ),
            }
        }
        ToWorker::CsvPreview { job, choice } => {
            let preview = HOST.with_borrow(|h| h.csv.get(&job).map(|p| preview(p, &choice, None)));
            match preview {
                Some(preview) => post(
                    &FromWorker::CsvPreview {
                        job,
                        choice,
                        preview,
                    },
                    None,
                ),
                None => post(
                    &FromWorker::Failed {
                        job,
                        message: NOT_KEPT.to_owned(),
                    },
                    None,
                ),
            }
        }
        ToWorker::CsvBuild { job, choice } => {
            // Built once: the file is not kept after.
            let built = HOST.with_borrow_mut(|h| {
                h.csv.remove(&job).map(|p| {
                    let mut accounts = Vec::new();
                    let preview = preview(&p, &choice, Some(&mut accounts));
                    (preview, accounts)
                })
            });
            let Some((preview, accounts)) = built else {
                post(
                    &FromWorker::Failed {
                        job,
                        message: NOT_KEPT.to_owned(),
                    },
                    None,
                );
                return;
            };
            // The list's part as the page's save would write it, so the
            // page does not serialise 100,000 accounts in one task.
            let part = accounts_part(&accounts)
                .ok()
                .map(|json| Data::Bytes(Uint8Array::from(json.as_bytes())));
            let mut rows = accounts.into_iter().map(WireAccount::from).peekable();
            while rows.peek().is_some() {
                let chunk: Vec<WireAccount> = rows.by_ref().take(CHUNK).collect();
                post(&FromWorker::Accounts { job, rows: chunk }, None);
            }
            post(
                &FromWorker::CsvBuilt {
                    job,
                    choice,
                    format_version: FORMAT_VERSION,
                    preview,
                },
                part,
            );
        }
        ToWorker::LinkDeals {
            job,
            accounts,
            companies,
        } => {
            wasm_bindgen_futures::spawn_local(async move {
                match psl().await {
                    Ok(psl) => {
                        let links = accounts_of_companies(
                            &psl,
                            accounts.iter().map(|[a, b]| (a.as_ref(), b.as_ref())),
                            companies.iter().map(|[a, b]| (a.as_ref(), b.as_ref())),
                        );
                        post(&FromWorker::DealsLinked { job, links }, None);
                    }
                    Err(message) => post(&FromWorker::Failed { job, message }, None),
                }
            });
        }
        ToWorker::ReadWorkspace { job } => {
            let bytes = data.and_then(Data::bytes).map(|b| b.to_vec());
            read_workspace(job, &bytes.unwrap_or_default());
        }
        ToWorker::Piece { job, kind } => {
            let text = data.and_then(Data::bytes).map(|b| b.to_vec());
            let text = String::from_utf8(text.unwrap_or_default()).unwrap_or_default();
            HOST.with_borrow_mut(|h| {
                let next = match (h.assemblies.remove(&job), &kind) {
                    (_, Kind::Head { .. }) => Assembly::new(&kind, &text),
                    (Some(Ok(mut a)), _) => a.add(&kind, &text).map(|()| a),
                    (Some(Err(e)), _) => Err(e),
                    (None, _) => Assembly::new(&kind, &text),
                };
                h.assemblies.insert(job, next);
            });
        }
        ToWorker::Export { job } => finish_workspace(job, |ws| {
            Ok((FromWorker::Exported { job }, handover::file_bytes(ws)?))
        }),
        ToWorker::Pack { job } => finish_workspace(job, |ws| {
            Ok((FromWorker::Packed { job }, snapshot::pack(ws).into_bytes()))
        }),
        ToWorker::DealsRead { job } => {
            let bytes = data.and_then(Data::bytes).map(|b| b.to_vec());
            deals::read(job, &bytes.unwrap_or_default());
        }
        ToWorker::DealsBuild {
            job,
            build,
            currency,
            partners,
        } => deals::build(job, build, &currency, &partners),
        ToWorker::PsiAccounts { job, rows } => psi::gather(job, rows),
        ToWorker::PsiStart {
            job,
            mode,
            from,
            min_size,
            seed,
        } => wasm_bindgen_futures::spawn_local(psi::start(job, mode, from, min_size, seed)),
        ToWorker::PsiShow { job } => psi::show(job, data),
        ToWorker::PsiAgain { job, asked } => psi::again(job, asked),
        ToWorker::PsiAnswer {
            job,
            from,
            populations,
            seed,
        } => wasm_bindgen_futures::spawn_local(psi::answer(job, from, populations, seed, data)),
        ToWorker::PsiFinish { job, asked } => {
            wasm_bindgen_futures::spawn_local(psi::finish(job, asked, data))
        }
        ToWorker::PsiRead { job, answered } => {
            wasm_bindgen_futures::spawn_local(psi::read(job, answered, data))
        }
        ToWorker::Forget { job } => HOST.with_borrow_mut(|h| {
            deals::forget(job);
            psi::forget(job);
            h.csv.remove(&job);
            h.assemblies.remove(&job);
            if h.gathering.job == job {
                h.gathering = Gathering::default();
            }
        }),
    }
}

/// Read a workspace file and send it back in pieces.
fn read_workspace(job: u32, bytes: &[u8]) {
    let loaded = match format::load_bytes(bytes) {
        Ok(l) => l,
        Err(e) => {
            let lines = e.lines();
            post(&FromWorker::WorkspaceRefused { job, lines }, None);
            return;
        }
    };
    let pieces = Pieces::of(loaded.workspace);
    post(
        &FromWorker::WorkspaceRead {
            job,
            migrated_from: loaded.migrated_from,
            pieces: pieces.total(),
        },
        None,
    );
    for (kind, text) in pieces {
        let data = Data::Bytes(Uint8Array::from(text.as_bytes()));
        post(&FromWorker::Piece { job, kind }, Some(data));
    }
}

/// The workspace received for `job`, made into a reply by `make` (its
/// data the bytes made), or why it cannot be.
fn finish_workspace(
    job: u32,
    make: impl FnOnce(&Workspace) -> Result<(FromWorker, Vec<u8>), String>,
) {
    let assembly = HOST.with_borrow_mut(|h| h.assemblies.remove(&job));
    let made = match assembly {
        Some(Ok(a)) => a
            .finish()
            .map_err(|e| e.lines().join("; "))
            .and_then(|a| make(&a.workspace)),
        Some(Err(e)) => Err(e.lines().join("; ")),
        None => Err(NOT_RECEIVED.to_owned()),
    };
    match made {
        Ok((reply, bytes)) => post(
            &reply,
            Some(Data::Bytes(Uint8Array::from(bytes.as_slice()))),
        ),
        Err(message) => post(&FromWorker::Failed { job, message }, None),
    }
}

const NOT_RECEIVED: &str =
    "The workspace did not reach the background worker (it was restarted); try again.";

const NOT_KEPT: &str =
    "The file is no longer held in the background worker (it was restarted); pick the file again.";

/// What `choice` gives on `p`; the accounts go to `out` when asked for.
fn preview(
    p: &Prepared,
    choice: &CsvChoice,
    out: Option<&mut Vec<Account>>,
) -> Result<CsvPreview, String> {
    let built = accounts(p, &choice.mapping(), choice.population(), choice.currency())
        .map_err(|e| e.to_string())?;
    let per_population = Population::ALL
        .iter()
        .map(|pop| {
            built
                .accounts
                .iter()
                .filter(|a| a.population == *pop)
                .count()
        })
        .collect();
    let preview = CsvPreview {
        per_population,
        bad: built
            .bad
            .iter()
            .take(LISTED)
            .map(ToString::to_string)
            .collect(),
        bad_total: built.bad.len(),
        notes: built
            .revenue_notes
            .iter()
            .take(LISTED)
            .map(ToString::to_string)
            .collect(),
        notes_total: built.revenue_notes.len(),
    };
    if let Some(out) = out {
        out.extend(built.accounts);
    }
    Ok(preview)
}

/// A data file beside the worker's script (so from the service worker's
/// cache when offline), as text; `what` names it in messages.
async fn fetch_text(url: &str, what: &str) -> Result<String, String> {
    let failed = |e: JsValue| {
        format!(
            "Could not load {what} ({url}): {}",
            e.as_string().unwrap_or_else(|| format!("{e:?}"))
        )
    };
    let resp: web_sys::Response = JsFuture::from(scope().fetch_with_str(url))
        .await
        .map_err(failed)?
        .unchecked_into();
    if !resp.ok() {
        return Err(format!(
            "Could not load {what} ({url}): HTTP {}",
            resp.status()
        ));
    }
    let text = JsFuture::from(resp.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(text.as_string().unwrap_or_default())
}

/// The suffix list and the free-mail list, fetched and parsed on first use.
pub(super) async fn psl() -> Result<Arc<Psl>, String> {
    if let Some(p) = HOST.with_borrow(|h| h.psl.clone()) {
        return Ok(p);
    }
    let suffixes = fetch_text("public_suffix_list.dat", "the public suffix list").await?;
    let free_mail = fetch_text("free_email_domains.txt", "the list of free-mail domains").await?;
    let psl = Arc::new(
        Psl::parse(&suffixes)
            .map_err(|e| format!("The public suffix list could not be read: {e}"))?
            .with_free_mail(&free_mail),
    );
    HOST.with_borrow_mut(|h| h.psl = Some(psl.clone()));
    Ok(psl)
}

/// Progress over the job's four passes (normalise ours, theirs, index ours,
/// match theirs), reported at most every [`REPORT_MS`].
pub(super) struct Reporter {
    job: u32,
    pub(super) total: f64,
    last: f64,
}

impl Reporter {
    pub(super) fn new(job: u32, total: usize) -> Reporter {
        Reporter {
            job,
            total: total.max(1) as f64,
            last: 0.0,
        }
    }

    pub(super) fn report(&mut self, what: &str, done: usize) {
        let now = js_sys::Date::now();
        if now - self.last >= REPORT_MS {
            self.last = now;
            let done = done as f64 / self.total;
            post(
                &FromWorker::Progress {
                    job: self.job,
                    what: what.to_owned(),
                    done,
                },
                None,
            );
        }
    }
}

/// Normalise, index and match, then send the identities and the pairs.
fn run_match(job: u32, psl: &Psl, ours: &[Account], theirs: &[Account]) {
    let (n_ours, n_theirs) = (ours.len(), theirs.len());
    let mut r = Reporter::new(job, 2 * n_ours + 2 * n_theirs);
    let mut keys = |accounts: &[Account], what: &str, before: usize| {
        let mut out = Vec::with_capacity(accounts.len());
        for (i, a) in accounts.iter().enumerate() {
            out.push(Keys::of(psl, a));
            if i % 512 == 0 {
                r.report(what, before + i);
            }
        }
        out
    };
    let ours_keys = keys(ours, "Normalising our accounts", 0);
    let theirs_keys = keys(theirs, "Normalising their accounts", n_ours);
    let mut index = Index::new(&ours_keys);
    for start in (0..n_ours).step_by(2048) {
        index.add(start..(start + 2048).min(n_ours));
        r.report("Indexing our accounts", n_ours + n_theirs + start);
    }
    let (mut pairs, mut buf) = (Vec::new(), Vec::new());
    for (j, t) in theirs_keys.iter().enumerate() {
        buf.clear();
        index.match_one(t, &mut buf);
        pairs.extend(buf.iter().map(|&(ours, reason, confidence)| Pair {
            ours,
            theirs: j as u32,
            reason,
            confidence,
        }));
        if j % 512 == 0 {
            r.report("Matching", 2 * n_ours + n_theirs + j);
        }
    }
    for (side, keys) in [(Side::Ours, &ours_keys), (Side::Theirs, &theirs_keys)] {
        for chunk in keys.chunks(CHUNK) {
            let ids = chunk.iter().map(Keys::identity).collect();
            post(&FromWorker::Identities { job, side, ids }, None);
        }
    }
    let words = Uint32Array::from(pairs_to_words(&pairs).as_slice());
    post(
        &FromWorker::Matched {
            job,
            pairs: pairs.len(),
        },
        Some(Data::Words(words)),
    );
}
