//! The page's side: one background worker, started the first time a job
//! needs it (its script and wasm are not part of the first page), shared by
//! every job. A job registers a handler that receives the worker's replies
//! for it. Cancelling a job terminates the worker at once when no other job
//! waits (a job runs to its end otherwise; the next job starts a new
//! worker); when another job waits, the cancelled one is only forgotten, so
//! cancelling the matching never fails a file being read.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

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
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
    /// Jobs started and neither finished, cancelled nor stopped.
    static LIVE: RefCell<HashSet<u32>> = RefCell::default();
    /// Their handlers (out of the map while one is being called).
    static HANDLERS: RefCell<HashMap<u32, Handler>> = RefCell::default();
    static NEXT_JOB: Cell<u32> = const { Cell::new(1) };
}

/// The worker's script, beside the page's files.
fn script_url() -> String {
    format!("{}/partnerfit-worker-loader.js", crate::routes::base())
}

fn live(job: u32) -> bool {
    LIVE.with_borrow(|l| l.contains(&job))
}

/// Call `job`'s handler outside every borrow (it may start, finish or
/// cancel jobs, its own included).
fn deliver(job: u32, event: Event) {
    let Some(mut handler) = HANDLERS.with_borrow_mut(|h| h.remove(&job)) else {
        return;
    };
    let flow = handler(event);
    if flow == Flow::More && live(job) {
        HANDLERS.with_borrow_mut(|h| {
            h.entry(job).or_insert(handler);
        });
    } else {
        LIVE.with_borrow_mut(|l| l.remove(&job));
    }
}

/// Stop the worker and tell every job still waiting.
fn stop(why: &str) {
    if let Some(c) = CONNECTION.with_borrow_mut(Option::take) {
        c.worker.terminate();
    }
    let waiting: Vec<u32> = LIVE.with_borrow_mut(|l| l.drain().collect());
    for job in waiting {
        if let Some(mut handler) = HANDLERS.with_borrow_mut(|h| h.remove(&job)) {
            handler(Event::Stopped(why.to_owned()));
        }
    }
}

fn connect() -> Result<Worker, String> {
    if let Some(w) = CONNECTION.with_borrow(|c| c.as_ref().map(|c| c.worker.clone())) {
        return Ok(w);
    }
    let worker = Worker::new(&script_url())
        .map_err(|e| format!("The background worker could not start: {}", describe(&e)))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        match wire::decode::<FromWorker>(&e.data()) {
            // Job 0: the worker could not read one of our messages.
            Ok((FromWorker::Failed { job: 0, message }, _)) => stop(&message),
            Ok((msg, data)) => deliver(msg.job(), Event::Reply(msg, data)),
            Err(e) => stop(&e.to_string()),
        }
    });
    // A script that cannot be fetched fires a plain event, a failure inside
    // the worker an ErrorEvent with its message.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default();
        let what = e
            .dyn_ref::<ErrorEvent>()
            .map(ErrorEvent::message)
            .unwrap_or_default();
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
        LIVE.with_borrow_mut(|l| l.insert(id));
        Ok(Job(id))
    }

    pub fn id(self) -> u32 {
        self.0
    }

    /// Whether the job still waits for replies.
    pub fn running(self) -> bool {
        live(self.0)
    }

    /// Send the job a message (it queues behind what the worker is doing).
    pub fn send(self, msg: &ToWorker) -> Result<(), String> {
        self.send_with(msg, None)
    }

    /// Send a message with bulk data, whose buffer moves to the worker.
    pub fn send_with(self, msg: &ToWorker, data: Option<Data>) -> Result<(), String> {
        if !live(self.0) {
            return Err("This work was stopped; start it again.".to_owned());
        }
        post(msg, data)
    }

    /// The job is over: its handler gets nothing more and the worker forgets
    /// what it keeps for it (the worker goes on with other jobs).
    pub fn finish(self) {
        if LIVE.with_borrow_mut(|l| l.remove(&self.0)) {
            HANDLERS.with_borrow_mut(|h| h.remove(&self.0));
            forget(self.0);
        }
    }

    /// Stop the job now: its handler gets nothing more. The worker is
    /// terminated when no other job waits, else the job is only forgotten.
    pub fn cancel(self) {
        if !LIVE.with_borrow_mut(|l| l.remove(&self.0)) {
            return;
        }
        HANDLERS.with_borrow_mut(|h| h.remove(&self.0));
        if LIVE.with_borrow(HashSet::is_empty) {
            if let Some(c) = CONNECTION.with_borrow_mut(Option::take) {
                c.worker.terminate();
            }
        } else {
            forget(self.0);
        }
    }
}

/// Tell a running worker to drop what it keeps for `job` (a stopped worker
/// kept nothing, and is not started again for this).
fn forget(job: u32) {
    if CONNECTION.with_borrow(Option::is_some) {
        let _ = post(&ToWorker::Forget { job }, None);
    }
}

/// Post a message to the worker, starting it if needed.
fn post(msg: &ToWorker, data: Option<Data>) -> Result<(), String> {
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
