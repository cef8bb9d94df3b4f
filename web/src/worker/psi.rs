//! Private comparisons in the background worker (`overlap::private`): the
//! group operations of each step take seconds for large lists, so they run
//! here, reporting progress; the page cancels a step by terminating the
//! worker.
//!
//! The page sends a side's accounts (`PsiAccounts`, in chunks: name,
//! domain, country, population), then one step with its file as the data:
//! `PsiStart` (no file), `PsiShow` (a request, for the consent screen),
//! `PsiAnswer` (a request), `PsiFinish` (an answer), `PsiRead` (a result);
//! `PsiAgain` makes a lost request file again from what the request kept.
//! A refusal of the core (`PsiError`: a file or a list the user gave) comes
//! back as `PsiRefused`, any other failure as `Failed`.
//! What a side keeps between steps (`Asked`, `Answered`) travels as JSON:
//! the page stores it, the worker keeps nothing after a step. The seed of a
//! step's secret comes from the page (`crypto.getRandomValues`).

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::Uint8Array;
use partnerfit_core::overlap::account::Account;
use partnerfit_core::overlap::figures::Figures;
use partnerfit_core::overlap::matching::keys_of;
use partnerfit_core::overlap::normalize::Psl;
use partnerfit_core::overlap::population::Population;
use partnerfit_core::overlap::private::error::{PsiError, Side};
use partnerfit_core::overlap::private::figures::outcome_figures;
use partnerfit_core::overlap::private::keys::KeySets;
use partnerfit_core::overlap::private::steps::{
    answer_reporting, finish_reporting, read_request, read_result_for, request_again, sizes,
    start_reporting, Answered, Asked, Outcome, DEFAULT_MIN_SIZE,
};
use partnerfit_core::overlap::private::terms::Mode;
use partnerfit_core::vocab::Vocabulary;
use serde::{Deserialize, Serialize};

use super::host::{post, psl, Reporter};
use super::protocol::FromWorker;
use super::wire::Data;

/// One account for a comparison: name, domain (or an e-mail address),
/// country, and its population.
pub type PsiRow<'a> = ([std::borrow::Cow<'a, str>; 3], Population);

/// A request as the consent screen shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireRequest {
    pub session: String,
    pub mode: Mode,
    pub from: String,
    pub min_size: u32,
    /// Distinct accounts per population (`None`: not taking part).
    pub sizes: [Option<u32>; 3],
}

/// One of this side's own accounts found in the other side's list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireShared {
    pub population: Population,
    /// The names of this side's accounts with that key (empty when the
    /// accounts were not sent with the step).
    pub names: Vec<String>,
    pub key: String,
    /// The other side's populations holding it.
    pub theirs: Vec<Population>,
}

/// What a side ends with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireOutcome {
    pub session: String,
    pub mode: Mode,
    pub requester: String,
    pub responder: String,
    pub requester_sizes: [Option<u32>; 3],
    pub responder_sizes: [Option<u32>; 3],
    /// `cells[requester population][responder population]`.
    pub cells: [[u32; 3]; 3],
    pub shared: Vec<WireShared>,
}

impl WireOutcome {
    /// The overlap figures, our populations as rows.
    pub fn figures(&self, we: Side) -> Figures {
        outcome_figures(&self.cells, self.requester_sizes, self.responder_sizes, we)
    }
}

thread_local! {
    /// The accounts sent per job.
    static ACCOUNTS: RefCell<HashMap<u32, Vec<Account>>> = RefCell::default();
}

/// Keep the next accounts of `job`.
pub fn gather(job: u32, rows: Vec<PsiRow>) {
    ACCOUNTS.with_borrow_mut(|a| {
        let into = a.entry(job).or_default();
        let line = into.len();
        into.extend(rows.into_iter().enumerate().map(
            |(i, ([name, domain, country], population))| {
                Account::for_matching(line + i + 2, name, domain, country, population)
            },
        ));
    });
}

pub fn forget(job: u32) {
    ACCOUNTS.with_borrow_mut(|a| a.remove(&job));
}

fn take(job: u32) -> Vec<Account> {
    ACCOUNTS
        .with_borrow_mut(|a| a.remove(&job))
        .unwrap_or_default()
}

/// Why a step did not give its file: the core refused an input (a
/// `PsiError`: the user's file or list), or the worker could not work.
enum Failure {
    Refused(PsiError),
    Worker(String),
}

impl From<PsiError> for Failure {
    fn from(e: PsiError) -> Failure {
        Failure::Refused(e)
    }
}

impl From<String> for Failure {
    fn from(e: String) -> Failure {
        Failure::Worker(e)
    }
}

fn failed(job: u32, why: Failure) {
    let msg = match why {
        Failure::Refused(e) => FromWorker::PsiRefused {
            job,
            message: e.to_string(),
        },
        Failure::Worker(message) => FromWorker::Failed { job, message },
    };
    post(&msg, None);
}

/// The key sets of the accounts sent for `job`, in `keep`.
fn key_sets(psl: &Psl, accounts: &[Account], keep: &[Population]) -> KeySets {
    KeySets::of(accounts, &keys_of(psl, accounts), keep)
}

/// A step's progress, reported as the matcher's is.
fn reporter(job: u32, what: &'static str) -> impl FnMut(usize, usize) {
    let mut r = Reporter::new(job, 1);
    move |done, total| {
        r.total = total.max(1) as f64;
        r.report(what, done);
    }
}

fn bytes(data: Option<Data>) -> Vec<u8> {
    data.and_then(Data::bytes)
        .map(|b| b.to_vec())
        .unwrap_or_default()
}

fn file(bytes: &[u8]) -> Option<Data> {
    Some(Data::Bytes(Uint8Array::from(bytes)))
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("kept state serialises")
}

/// The outcome for the page, with the names of this side's shared accounts.
fn wire_outcome(o: &Outcome, accounts: &[Account], sets: Option<&KeySets>) -> WireOutcome {
    let entries: HashMap<&str, &[u32]> = sets
        .into_iter()
        .flat_map(|s| s.populations.iter().flatten())
        .map(|e| (e.key.as_str(), e.accounts.as_slice()))
        .collect();
    let names = |key: &str| -> Vec<String> {
        entries
            .get(key)
            .into_iter()
            .flat_map(|ids| ids.iter())
            .filter_map(|&i| accounts.get(i as usize).map(|a| a.name.clone()))
            .collect()
    };
    WireOutcome {
        session: o.session.to_string(),
        mode: o.mode,
        requester: o.requester.clone(),
        responder: o.responder.clone(),
        requester_sizes: o.requester_sizes,
        responder_sizes: o.responder_sizes,
        cells: o.cells,
        shared: o
            .shared
            .iter()
            .map(|s| WireShared {
                population: s.population,
                names: names(&s.key),
                key: s.key.clone(),
                theirs: s.theirs.clone(),
            })
            .collect(),
    }
}

/// The outcome for the page, its shared keys named by the accounts sent,
/// normalised only once the step succeeded and only in accounts mode
/// (counts mode names none).
async fn named_outcome(o: &Outcome, accounts: &[Account]) -> Result<WireOutcome, Failure> {
    let sets = if accounts.is_empty() || o.mode == Mode::Counts {
        None
    } else {
        Some(key_sets(&*psl().await?, accounts, Population::ALL))
    };
    Ok(wire_outcome(o, accounts, sets.as_ref()))
}

/// Step 1 over the accounts sent.
pub async fn start(job: u32, mode: Mode, from: String, min_size: u32, seed: [u8; 32]) {
    let accounts = take(job);
    let run = async {
        let psl = psl().await?;
        let sets = key_sets(&psl, &accounts, Population::ALL);
        let mut report = reporter(job, "Blinding our accounts");
        Ok::<_, Failure>(start_reporting(
            &sets,
            mode,
            &from,
            min_size,
            &seed,
            &mut report,
        )?)
    };
    match run.await {
        Ok((request, asked)) => post(
            &FromWorker::PsiStarted {
                job,
                asked: json(&asked),
            },
            file(&request),
        ),
        Err(e) => failed(job, e),
    }
}

/// The request file again from what the request kept (its file was lost).
pub fn again(job: u32, asked: String) {
    let run = || -> Result<Vec<u8>, Failure> {
        let asked: Asked = serde_json::from_str(&asked)
            .map_err(|e| Failure::Worker(format!("The kept request could not be read ({e}).")))?;
        Ok(request_again(&asked)?)
    };
    match run() {
        Ok(request) => post(&FromWorker::PsiAgain { job }, file(&request)),
        Err(e) => failed(job, e),
    }
}

/// A request read for the consent screen.
pub fn show(job: u32, data: Option<Data>) {
    match read_request(&bytes(data)) {
        Ok(r) => post(
            &FromWorker::PsiRequest {
                job,
                request: WireRequest {
                    session: r.session.to_string(),
                    mode: r.mode,
                    sizes: sizes(&r.points),
                    from: r.from,
                    min_size: r.min_size,
                },
            },
            None,
        ),
        Err(e) => failed(job, e.into()),
    }
}

/// Step 2: answer the request with the accounts sent, in `populations`.
pub async fn answer(
    job: u32,
    from: String,
    populations: Vec<Population>,
    seed: [u8; 32],
    data: Option<Data>,
) {
    let accounts = take(job);
    let request = bytes(data);
    let run = async {
        let psl = psl().await?;
        let sets = key_sets(&psl, &accounts, &populations);
        let mut report = reporter(job, "Blinding both lists");
        Ok::<_, Failure>(answer_reporting(
            &request,
            &sets,
            &from,
            DEFAULT_MIN_SIZE,
            &seed,
            &mut report,
        )?)
    };
    match run.await {
        Ok((file_bytes, answered)) => post(
            &FromWorker::PsiAnswered {
                job,
                answered: json(&answered),
            },
            file(&file_bytes),
        ),
        Err(e) => failed(job, e),
    }
}

/// Step 3: finish with the answer; the accounts sent (ours, all
/// populations) name our shared accounts.
pub async fn finish(job: u32, asked: String, data: Option<Data>) {
    let accounts = take(job);
    let answer = bytes(data);
    let run = async {
        let mut asked: Asked = serde_json::from_str(&asked)
            .map_err(|e| Failure::Worker(format!("The kept request could not be read ({e}).")))?;
        let mut report = reporter(job, "Blinding their accounts");
        let (result, outcome) = finish_reporting(&asked, &answer, &mut report)?;
        asked.erase_secret();
        let outcome = named_outcome(&outcome, &accounts).await?;
        Ok::<_, Failure>((result, json(&asked), outcome))
    };
    match run.await {
        Ok((result, asked, outcome)) => post(
            &FromWorker::PsiFinished {
                job,
                asked,
                outcome,
            },
            file(&result),
        ),
        Err(e) => failed(job, e),
    }
}

/// The responder reads the result with the kept answer it answers (of
/// those waiting); the accounts sent name its shared ones.
pub async fn read(job: u32, answered: Vec<String>, data: Option<Data>) {
    let accounts = take(job);
    let result = bytes(data);
    let run = async {
        let answered = answered
            .iter()
            .map(|a| serde_json::from_str::<Answered>(a))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| Failure::Worker(format!("A kept answer could not be read ({e}).")))?;
        let (index, outcome) = read_result_for(&answered, &result)?;
        Ok::<_, Failure>((index, named_outcome(&outcome, &accounts).await?))
    };
    match run.await {
        Ok((index, outcome)) => post(
            &FromWorker::PsiOutcome {
                job,
                index,
                outcome,
            },
            None,
        ),
        Err(e) => failed(job, e),
    }
}
