//! Running one step of a private comparison in the background worker
//! ([`crate::worker::psi`]): our accounts go over in chunks (a few
//! milliseconds each, the browser free in between), then the step with its
//! file; the worker reports progress and answers with the step's reply.
//! Cancel stops a step at once: the worker is terminated, unless another
//! job waits in it (a CSV being previewed), when the step is only
//! forgotten and ends unseen. Nothing kept changes until a step's reply
//! arrives.

use std::borrow::Cow;

use leptos::prelude::*;
use partnerfit_core::overlap::account::ListOwner;
use partnerfit_core::overlap::analysis::accounts_of;
use partnerfit_core::overlap::population::Population;
use partnerfit_core::overlap::private::terms::Mode;

use crate::overlap_run::{yield_to_browser, RunState};
use crate::state::Store;
use crate::worker::client::{Event, Flow, Job};
use crate::worker::protocol::{FromWorker, ToWorker, CHUNK};
use crate::worker::wire::Data;

/// The step to run, with its file where it takes one.
pub enum PsiStep {
    /// Step 1 over our accounts.
    Start {
        mode: Mode,
        from: String,
        min_size: u32,
        seed: [u8; 32],
    },
    /// Read a request for the consent screen.
    Show { request: Vec<u8> },
    /// Our request file again, from what it kept.
    Again { asked: String },
    /// Step 2 over our accounts of `populations`.
    Answer {
        request: Vec<u8>,
        from: String,
        populations: Vec<Population>,
        seed: [u8; 32],
    },
    /// Step 3 (our accounts name our shared ones).
    /// `names`: our accounts go with it, to name our shared ones
    /// (accounts mode).
    Finish {
        asked: String,
        answer: Vec<u8>,
        names: bool,
    },
    /// The partner reads the result with the kept answer it answers (its
    /// accounts name its shared ones).
    Read {
        answered: Vec<String>,
        result: Vec<u8>,
        names: bool,
    },
}

impl PsiStep {
    /// Whether our accounts go with the step.
    fn sends_accounts(&self) -> bool {
        match self {
            PsiStep::Start { .. } | PsiStep::Answer { .. } => true,
            PsiStep::Show { .. } | PsiStep::Again { .. } => false,
            PsiStep::Finish { names, .. } | PsiStep::Read { names, .. } => *names,
        }
    }

    /// The message and its file.
    fn message(self, job: u32) -> (ToWorker<'static>, Option<Vec<u8>>) {
        match self {
            PsiStep::Start {
                mode,
                from,
                min_size,
                seed,
            } => (
                ToWorker::PsiStart {
                    job,
                    mode,
                    from,
                    min_size,
                    seed,
                },
                None,
            ),
            PsiStep::Show { request } => (ToWorker::PsiShow { job }, Some(request)),
            PsiStep::Again { asked } => (ToWorker::PsiAgain { job, asked }, None),
            PsiStep::Answer {
                request,
                from,
                populations,
                seed,
            } => (
                ToWorker::PsiAnswer {
                    job,
                    from,
                    populations,
                    seed,
                },
                Some(request),
            ),
            PsiStep::Finish { asked, answer, .. } => {
                (ToWorker::PsiFinish { job, asked }, Some(answer))
            }
            PsiStep::Read {
                answered, result, ..
            } => (ToWorker::PsiRead { job, answered }, Some(result)),
        }
    }
}

/// A step's reply: the worker's message and the file it made, if any.
pub type Reply = (FromWorker, Option<Vec<u8>>);

/// One step at a time, its progress, cancel.
#[derive(Clone, Copy)]
pub struct PsiRunner {
    pub state: RwSignal<RunState>,
    job: StoredValue<Option<Job>>,
}

impl PsiRunner {
    pub fn new() -> PsiRunner {
        PsiRunner {
            state: RwSignal::new(RunState::Idle),
            job: StoredValue::new(None),
        }
    }

    pub fn running(&self) -> bool {
        matches!(self.state.get(), RunState::Running(..))
    }

    /// Stop the step in progress; nothing it would have changed changes.
    pub fn cancel(&self) {
        if let Some(job) = self.job.try_update_value(Option::take).flatten() {
            job.cancel();
            self.state.try_set(RunState::Cancelled);
        }
    }

    /// Run `step` (replacing any step in progress); `done` gets its reply.
    pub fn run(&self, store: Store, step: PsiStep, done: impl FnOnce(Reply) + 'static) {
        self.cancel();
        let r = *self;
        let mut done = Some(done);
        let handler = move |e: Event| match e {
            Event::Stopped(message) => {
                r.job.set_value(None);
                r.state.set(RunState::Failed(message));
                Flow::Done
            }
            Event::Reply(FromWorker::Progress { what, done, .. }, _) => {
                r.state.set(RunState::Running(what, done));
                Flow::More
            }
            Event::Reply(FromWorker::Failed { message, .. }, _) => {
                r.job.set_value(None);
                r.state.set(RunState::Failed(message));
                Flow::Done
            }
            Event::Reply(FromWorker::PsiRefused { message, .. }, _) => {
                r.job.set_value(None);
                r.state.set(RunState::Failed(refused(&message)));
                Flow::Done
            }
            Event::Reply(msg, data) => {
                r.job.set_value(None);
                r.state.set(RunState::Idle);
                let file = data.and_then(Data::bytes).map(|b| b.to_vec());
                if let Some(done) = done.take() {
                    done((msg, file));
                }
                Flow::Done
            }
        };
        let job = match Job::start(handler) {
            Ok(job) => job,
            Err(e) => {
                r.state.set(RunState::Failed(e));
                return;
            }
        };
        r.job.set_value(Some(job));
        r.state.set(RunState::Running(
            "Handing the accounts to the background worker".into(),
            0.0,
        ));
        leptos::task::spawn_local(async move {
            if step.sends_accounts() {
                let mut start = 0;
                loop {
                    if !job.running() {
                        return;
                    }
                    let sent = store.with_untracked(|w| {
                        let (accounts, _) = accounts_of(w, &ListOwner::Ours);
                        let chunk = &accounts
                            [start.min(accounts.len())..(start + CHUNK).min(accounts.len())];
                        let rows = chunk
                            .iter()
                            .map(|a| {
                                (
                                    [
                                        Cow::Borrowed(a.name.as_str()),
                                        Cow::Borrowed(a.domain.as_str()),
                                        Cow::Borrowed(a.country.as_str()),
                                    ],
                                    a.population,
                                )
                            })
                            .collect();
                        job.send(&ToWorker::PsiAccounts {
                            job: job.id(),
                            rows,
                        })
                        .map(|()| chunk.len())
                    });
                    match sent {
                        Ok(0) => break,
                        Ok(n) => start += n,
                        Err(e) => {
                            r.job.set_value(None);
                            job.cancel();
                            r.state.set(RunState::Failed(e));
                            return;
                        }
                    }
                    yield_to_browser().await;
                }
            }
            if !job.running() {
                return;
            }
            let (msg, file) = step.message(job.id());
            let data = file.map(|f| Data::Bytes(js_sys::Uint8Array::from(f.as_slice())));
            if let Err(e) = job.send_with(&msg, data) {
                r.job.set_value(None);
                job.cancel();
                r.state.set(RunState::Failed(e));
            }
        });
    }
}

impl Default for PsiRunner {
    fn default() -> Self {
        PsiRunner::new()
    }
}

/// A refusal of the core as a sentence: the core's messages start in lower
/// case, to follow a colon.
fn refused(why: &str) -> String {
    let mut chars = why.chars();
    let why: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    format!("Refused: {why}")
}

/// Progress and Cancel while a step runs (the paragraph stays, its values
/// change: the Cancel button keeps the keyboard's focus), and why a step
/// stopped.
#[component]
pub fn PsiProgress(runner: PsiRunner) -> impl IntoView {
    let running = move || {
        runner.state.with(|s| match s {
            RunState::Running(what, f) => Some((what.clone(), *f)),
            _ => None,
        })
    };
    let what = move || running().map(|r| r.0).unwrap_or_default();
    let done = move || running().map_or(0.0, |r| r.1);
    view! {
        <Show when=move || running().is_some()>
            <p role="status" class="progress" data-testid="psi-progress">
                <label>{what}" "<progress max="1" prop:value=done></progress></label>
                {move || format!(" {:.0}% ", done() * 100.0)}
                <button type="button" on:click=move |_| runner.cancel()>"Cancel"</button>
            </p>
        </Show>
        {move || match runner.state.get() {
            RunState::Cancelled => {
                view! { <p role="status">"Cancelled: nothing was changed."</p> }.into_any()
            }
            RunState::Failed(e) => {
                view! { <p class="error" role="alert" data-testid="psi-error">{e}</p> }.into_any()
            }
            _ => ().into_any(),
        }}
    }
}
