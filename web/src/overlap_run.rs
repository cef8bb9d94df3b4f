//! Running the account matching without freezing the page: the accounts go
//! to the background worker ([`crate::worker`]) in chunks, a few
//! milliseconds of encoding each with the browser free in between; the
//! worker normalises, indexes and matches, reporting progress; its answer
//! comes back as the identities of the accounts (chunked) and the pairs as
//! numbers. A newer run, or Cancel, stops an older one (the worker is
//! terminated, so it stops at once).

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use partnerfit_core::id::Id;
use partnerfit_core::overlap::account::{Account, ListOwner};
use partnerfit_core::overlap::analysis::accounts_of;
use partnerfit_core::overlap::matching::Pair;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::clock::now_ms;
use crate::state::Store;
use crate::worker::client::{Event, Flow, Job};
use crate::worker::protocol::{pairs_from_words, FromWorker, Side, ToWorker, CHUNK};
use crate::worker::wire::Data;

/// Let the browser handle input and paint, then continue.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(
        &mut |resolve, _reject| match web_sys::MessageChannel::new() {
            Ok(ch) => {
                ch.port1().set_onmessage(Some(resolve.unchecked_ref()));
                let _ = ch.port2().post_message(&JsValue::NULL);
            }
            Err(_) => {
                let _ = resolve.call0(&JsValue::NULL);
            }
        },
    );
    let _ = JsFuture::from(promise).await;
}

/// The result of one run.
pub struct Outcome {
    pub ours: Vec<Account>,
    pub theirs: Vec<Account>,
    /// Each account's identity ([`partnerfit_core::overlap::matching::Keys::identity`]),
    /// what match decisions are keyed on.
    pub ours_ids: Vec<String>,
    pub theirs_ids: Vec<String>,
    pub pairs: Vec<Pair>,
    pub ours_lists: Vec<Id>,
    pub theirs_lists: Vec<Id>,
    /// Wall time of the run.
    pub took_ms: f64,
}

/// Where a run stands.
#[derive(Clone, Debug, PartialEq)]
pub enum RunState {
    Idle,
    /// What is being done and the fraction done.
    Running(String, f64),
    /// Cancelled by the user.
    Cancelled,
    /// The run failed; the message says why.
    Failed(String),
}

/// A run's progress and result.
#[derive(Clone, Copy)]
pub struct Runner {
    pub state: RwSignal<RunState>,
    pub outcome: RwSignal<Option<Arc<Outcome>>>,
    /// The job in the worker, while one runs.
    job: StoredValue<Option<Job>>,
    generation: StoredValue<u64>,
}

/// What the worker sent so far.
#[derive(Default)]
struct Partial {
    ours: Vec<Account>,
    theirs: Vec<Account>,
    ours_ids: Vec<String>,
    theirs_ids: Vec<String>,
    ours_lists: Vec<Id>,
    theirs_lists: Vec<Id>,
    t0: f64,
}

/// Share of the progress bar for handing the accounts over.
const SENDING: f64 = 0.1;

impl Runner {
    pub fn new() -> Runner {
        Runner {
            state: RwSignal::new(RunState::Idle),
            outcome: RwSignal::new(None),
            job: StoredValue::new(None),
            generation: StoredValue::new(0),
        }
    }

    /// Stop the run in progress, if any; its figures are gone (they would
    /// be of lists that changed since).
    pub fn cancel(&self) {
        if self.generation.try_update_value(|g| *g += 1).is_none() {
            return; // the page is gone
        }
        if let Some(job) = self.job.try_update_value(Option::take).flatten() {
            job.cancel();
        }
        if matches!(self.state.try_get_untracked(), Some(RunState::Running(..))) {
            self.state.try_set(RunState::Cancelled);
            self.outcome.try_set(None);
        }
    }

    /// Match our lists with `partner`'s; replaces any run in progress.
    pub fn start(&self, store: Store, partner: &Id) {
        self.cancel();
        let generation = self.generation.get_value();
        let r = *self;
        let theirs_owner = ListOwner::Partner(partner.clone());
        r.state.set(RunState::Running(
            "Handing the accounts to the background worker".into(),
            0.0,
        ));
        let (ours_lists, theirs_lists) = store.with_untracked(|w| {
            (
                accounts_of(w, &ListOwner::Ours).1,
                accounts_of(w, &theirs_owner).1,
            )
        });
        let partial = Rc::new(RefCell::new(Partial {
            ours: Vec::new(),
            theirs: Vec::new(),
            ours_ids: Vec::new(),
            theirs_ids: Vec::new(),
            ours_lists,
            theirs_lists,
            t0: now_ms(),
        }));
        let handler = {
            let partial = partial.clone();
            move |e: Event| r.receive(generation, &partial, e)
        };
        let job = match Job::start(handler) {
            Ok(job) => job,
            Err(e) => {
                r.state.set(RunState::Failed(e));
                return;
            }
        };
        r.job.set_value(Some(job));
        leptos::task::spawn_local(async move {
            let current = move || r.generation.try_get_value() == Some(generation);
            let sizes = store.with_untracked(|w| {
                (
                    accounts_of(w, &ListOwner::Ours).0.len(),
                    accounts_of(w, &theirs_owner).0.len(),
                )
            });
            let total = (sizes.0 + sizes.1).max(1) as f64;
            let mut sent = 0;
            for (side, owner) in [
                (Side::Ours, ListOwner::Ours),
                (Side::Theirs, theirs_owner.clone()),
            ] {
                let mut start = 0;
                loop {
                    // Superseded, cancelled, or stopped with the worker.
                    if !current() || !job.running() {
                        return;
                    }
                    // One chunk: copied for the page, encoded for the worker.
                    let result = store.with_untracked(|w| {
                        let (accounts, _) = accounts_of(w, &owner);
                        let chunk = &accounts
                            [start.min(accounts.len())..(start + CHUNK).min(accounts.len())];
                        let rows = chunk
                            .iter()
                            .map(|a| {
                                [
                                    Cow::Borrowed(a.name.as_str()),
                                    Cow::Borrowed(a.domain.as_str()),
                                    Cow::Borrowed(a.country.as_str()),
                                ]
                            })
                            .collect();
                        let sent = job.send(&ToWorker::Accounts {
                            job: job.id(),
                            side,
                            rows,
                        });
                        let mut p = partial.borrow_mut();
                        let into = if side == Side::Ours {
                            &mut p.ours
                        } else {
                            &mut p.theirs
                        };
                        into.extend(chunk.iter().map(|a| (*a).clone()));
                        sent.map(|()| chunk.len())
                    });
                    match result {
                        Ok(0) => break,
                        Ok(n) => {
                            start += n;
                            sent += n;
                            r.state.set(RunState::Running(
                                "Handing the accounts to the background worker".into(),
                                SENDING * sent as f64 / total,
                            ));
                        }
                        Err(e) => {
                            r.fail(generation, e);
                            return;
                        }
                    }
                    yield_to_browser().await;
                }
            }
            if current() && job.running() {
                if let Err(e) = job.send(&ToWorker::Match { job: job.id() }) {
                    r.fail(generation, e);
                }
            }
        });
    }

    fn fail(&self, generation: u64, message: String) {
        if self.generation.try_get_value() == Some(generation) {
            if let Some(job) = self.job.try_update_value(Option::take).flatten() {
                job.cancel();
            }
            self.state.set(RunState::Failed(message));
            self.outcome.set(None);
        }
    }

    /// One event from the worker for the run of `generation`.
    fn receive(&self, generation: u64, partial: &RefCell<Partial>, e: Event) -> Flow {
        if self.generation.try_get_value() != Some(generation) {
            return Flow::Done;
        }
        match e {
            Event::Stopped(message) => {
                self.job.set_value(None);
                self.state.set(RunState::Failed(message));
                self.outcome.set(None);
                Flow::Done
            }
            Event::Reply(FromWorker::Progress { what, done, .. }, _) => {
                self.state
                    .set(RunState::Running(what, SENDING + (1.0 - SENDING) * done));
                Flow::More
            }
            Event::Reply(FromWorker::Identities { side, ids, .. }, _) => {
                let mut p = partial.borrow_mut();
                match side {
                    Side::Ours => p.ours_ids.extend(ids),
                    Side::Theirs => p.theirs_ids.extend(ids),
                }
                Flow::More
            }
            Event::Reply(FromWorker::Matched { pairs: n, .. }, data) => {
                self.job.set_value(None);
                let p = std::mem::take(&mut *partial.borrow_mut());
                let words = data
                    .and_then(Data::words)
                    .map(|d| d.to_vec())
                    .unwrap_or_default();
                let pairs = pairs_from_words(&words, p.ours.len(), p.theirs.len())
                    .map_err(|e| e.to_string())
                    .and_then(|pairs| {
                        let complete = pairs.len() == n
                            && p.ours_ids.len() == p.ours.len()
                            && p.theirs_ids.len() == p.theirs.len();
                        if complete {
                            Ok(pairs)
                        } else {
                            Err(
                                "The background worker's answer was incomplete; match again."
                                    .to_owned(),
                            )
                        }
                    });
                match pairs {
                    Ok(pairs) => {
                        self.outcome.set(Some(Arc::new(Outcome {
                            took_ms: now_ms() - p.t0,
                            ours: p.ours,
                            theirs: p.theirs,
                            ours_ids: p.ours_ids,
                            theirs_ids: p.theirs_ids,
                            pairs,
                            ours_lists: p.ours_lists,
                            theirs_lists: p.theirs_lists,
                        })));
                        self.state.set(RunState::Idle);
                    }
                    Err(e) => self.state.set(RunState::Failed(e)),
                }
                Flow::Done
            }
            Event::Reply(FromWorker::Failed { message, .. }, _) => {
                self.job.set_value(None);
                self.state.set(RunState::Failed(message));
                self.outcome.set(None);
                Flow::Done
            }
            // Replies to other kinds of job.
            Event::Reply(_, _) => Flow::More,
        }
    }
}

impl Default for Runner {
    fn default() -> Self {
        Runner::new()
    }
}
