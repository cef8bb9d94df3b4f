//! The page's side: one background worker, started the first time a job
//! needs it (its script and wasm are not part of the first page), shared by
//! every job. A job registers a handler that receives the worker's replies
//! for it; cancelling a job terminates the worker at once (a job runs to its
//! end otherwise) and tells the other jobs it stopped; the next job starts a
//! new one.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use super::protocol::{FromWorker, ToWorker};
use super::wire::{self, Data};

/// What a job's handler receives.
pub enum Event {
    /// A reply for this job, with its data.
    Reply(FromWorker, Option<Data>),
    /// The worker stopped before the job ended; the message says why.
    Stopped(String),
}

/// Whether a handler wants more events.
#[derive(PartialEq, Eq)]
pub enum Flow {
    More,
    Done,
}

type Handler = Box<dyn FnMut(Event) -> Flow>;

struct Connection {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

thread_local! {
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
    static HANDLERS: RefCell<HashMap<u32, Handler>> = RefCell::default();
    static NEXT_JOB: Cell<u32> = const { Cell::new(1) };
}

/// The worker's script, beside the page's files.
fn script_url() -> String {
    format!("{}/partnerfit-worker-loader.js", crate::routes::base())
}

/// Call `job`'s handler outside every borrow (it may start or cancel jobs).
fn deliver(job: u32, event: Event) {
    let Some(mut handler) = HANDLERS.with_borrow_mut(|h| h.remove(&job)) else {
        return;
    };
    if handler(event) == Flow::More {
        HANDLERS.with_borrow_mut(|h| {
            h.entry(job).or_insert(handler);
        });
    }
}

/// Stop the worker and tell every job still waiting.
fn stop(why: &str) {
    if let Some(c) = CONNECTION.with_borrow_mut(Option::take) {
        c.worker.terminate();
    }
    let waiting: Vec<u32> = HANDLERS.with_borrow(|h| h.keys().copied().collect());
    for job in waiting {
        deliver(job, Event::Stopped(why.to_owned()));
        HANDLERS.with_borrow_mut(|h| h.remove(&job));
    }
}

fn connect() -> Result<Worker, String> {
    if let Some(w) = CONNECTION.with_borrow(|c| c.as_ref().map(|c| c.worker.clone())) {
        return Ok(w);
    }
    let worker = Worker::new(&script_url())
        .map_err(|e| format!("The background worker could not start: {}", describe(&e)))?;
    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
            match wire::decode::<FromWorker>(&e.data()) {
                Ok((msg, data)) => deliver(msg.job(), Event::Reply(msg, data)),
                Err(e) => stop(&e.to_string()),
            }
        });
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(|e: ErrorEvent| {
        e.prevent_default();
        let what = e.message();
        stop(&format!(
            "The background worker stopped{}. Reload the page and try again.",
            if what.is_empty() {
                String::new()
            } else {
                format!(" ({what})")
            }
        ));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    CONNECTION.with_borrow_mut(|c| {
        *c = Some(Connection {
            worker: worker.clone(),
            _on_message: on_message,
            _on_error: on_error,
        })
    });
    Ok(worker)
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// One job in the worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Job(u32);

impl Job {
    /// A new job whose replies go to `handler`, starting the worker if needed.
    pub fn start(handler: impl FnMut(Event) -> Flow + 'static) -> Result<Job, String> {
        connect()?;
        let id = NEXT_JOB.get();
        NEXT_JOB.set(id.wrapping_add(1).max(1));
        HANDLERS.with_borrow_mut(|h| h.insert(id, Box::new(handler)));
        Ok(Job(id))
    }

    pub fn id(self) -> u32 {
        self.0
    }

    /// Whether the job still waits for replies.
    pub fn running(self) -> bool {
        HANDLERS.with_borrow(|h| h.contains_key(&self.0))
    }

    /// Send the job a message (it queues behind what the worker is doing).
    pub fn send(self, msg: &ToWorker) -> Result<(), String> {
        self.send_with(msg, None)
    }

    /// Send a message with bulk data, whose buffer moves to the worker.
    pub fn send_with(self, msg: &ToWorker, data: Option<Data>) -> Result<(), String> {
        let worker = connect()?;
        let (value, transfer) = wire::encode(msg, data);
        worker
            .post_message_with_transfer(&value, &transfer)
            .map_err(|e| {
                format!(
                    "Could not hand the work to the background worker: {}",
                    describe(&e)
                )
            })
    }

    /// The job is over: its handler gets nothing more and the worker forgets
    /// what it keeps for it (the worker goes on with other jobs).
    pub fn finish(self) {
        if HANDLERS.with_borrow_mut(|h| h.remove(&self.0)).is_some() {
            let _ = self.send(&ToWorker::Forget { job: self.0 });
        }
    }

    /// Stop the job now: its handler gets nothing more; other running jobs
    /// are told the worker stopped.
    pub fn cancel(self) {
        if HANDLERS.with_borrow_mut(|h| h.remove(&self.0)).is_some() {
            stop("Stopped: another job in the background worker was cancelled.");
        }
    }
}
