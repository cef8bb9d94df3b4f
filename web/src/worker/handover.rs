//! A whole workspace between the page and the background worker, in pieces
//! (`partnerfit_core::format::pieces`): reading an imported file, writing
//! an export and packing a snapshot of a 100,000-account workspace happen in
//! the worker; the page only writes or reads one piece (at most 2,000
//! records) per turn of the browser, so no task on the page is long.

use std::sync::Arc;

use futures_channel::oneshot;
use js_sys::Uint8Array;
use partnerfit_core::format::pieces::{Assembly, Pieces};
use partnerfit_core::format::{self, ImportError};
use partnerfit_core::overlap::account::AccountList;
use partnerfit_core::snapshot;
use partnerfit_core::Workspace;

use super::client::{Event, Flow, Job};
use super::protocol::{FromWorker, ToWorker};
use super::wire::Data;
use crate::overlap_run::yield_to_browser;

/// Files up to this size are read on the page: a file of a few thousand
/// accounts reads in a few milliseconds, without starting the worker.
pub const READ_HERE_BYTES: f64 = 1_000_000.0;

/// Workspaces with at most this many accounts and deals are written and
/// packed on the page, for the same reason.
const WRITTEN_HERE: usize = 2_000;

/// Whether `ws` is small enough to write or pack on the page.
pub fn written_here(ws: &Workspace) -> bool {
    let records = ws
        .account_lists
        .iter()
        .map(|l| l.accounts.len())
        .sum::<usize>()
        + ws.pipeline.opportunities.len();
    records <= WRITTEN_HERE
}

/// What the worker makes of a workspace the page sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Make {
    /// The workspace file's bytes.
    File,
    /// A snapshot's stored text.
    Snapshot,
}

/// A workspace file read in the worker and assembled on the page.
#[derive(Debug)]
pub struct Read {
    pub workspace: Workspace,
    /// Each list with its accounts' part as the autosave stores it.
    pub parts: Vec<(Arc<AccountList>, String)>,
    /// The pipeline's opportunities' part as the autosave stores it (when
    /// the worker read the file).
    pub opportunities: Option<String>,
    /// The file's version, when older than the current one.
    pub migrated_from: Option<u32>,
}

const STOPPED: &str = "The background worker stopped before it answered; try again.";

/// What the worker makes of `ws` (bytes outside the wasm memory), or why it
/// could not; made on the page instead when `ws` is small ([`written_here`]).
pub async fn make(ws: Workspace, what: Make) -> Result<Uint8Array, String> {
    if written_here(&ws) {
        let bytes = match what {
            Make::File => file_bytes(&ws)?,
            Make::Snapshot => snapshot::pack(&ws).into_bytes(),
        };
        return Ok(Uint8Array::from(bytes.as_slice()));
    }
    in_worker(ws, what).await
}

/// The workspace file of `ws`, refused over the import limit rather than
/// handed over when it could not be imported again (the worker and the
/// page write it alike).
pub fn file_bytes(ws: &Workspace) -> Result<Vec<u8>, String> {
    let text = format::save(ws);
    if text.len() > format::MAX_FILE_BYTES {
        return Err(format::TooLargeToSave {
            bytes: text.len(),
            limit: format::MAX_FILE_BYTES,
        }
        .to_string());
    }
    Ok(text.into_bytes())
}

/// Send `ws` to the worker, a piece per turn of the browser, and wait for
/// what it makes of it.
async fn in_worker(ws: Workspace, what: Make) -> Result<Uint8Array, String> {
    let (tx, rx) = oneshot::channel::<Result<Uint8Array, String>>();
    let mut tx = Some(tx);
    let job = Job::start(move |event| {
        let answer = match event {
            Event::Reply(FromWorker::Exported { .. } | FromWorker::Packed { .. }, data) => {
                data.and_then(Data::bytes).ok_or_else(|| STOPPED.to_owned())
            }
            Event::Reply(FromWorker::Failed { message, .. }, _) | Event::Stopped(message) => {
                Err(message)
            }
            Event::Reply(_, _) => return Flow::More,
        };
        if let Some(tx) = tx.take() {
            let _ = tx.send(answer);
        }
        Flow::Done
    })?;
    let id = job.id();
    for (kind, text) in Pieces::of(ws) {
        let data = Data::Bytes(Uint8Array::from(text.as_bytes()));
        if let Err(e) = job.send_with(&ToWorker::Piece { job: id, kind }, Some(data)) {
            job.cancel();
            return Err(e);
        }
        yield_to_browser().await;
    }
    let last = match what {
        Make::File => ToWorker::Export { job: id },
        Make::Snapshot => ToWorker::Pack { job: id },
    };
    job.send(&last)?;
    rx.await.unwrap_or_else(|_| Err(STOPPED.to_owned()))
}

/// What reading a file gives: the workspace, or every problem, one per line.
pub type Answer = Result<Read, Vec<String>>;

/// Where a file being read stands, for the handler.
enum Reading {
    /// Waiting for the worker's first answer.
    Started,
    /// `pieces` announced; the assembly once the head came.
    Receiving {
        migrated_from: Option<u32>,
        pieces: usize,
        got: usize,
        assembly: Option<Box<Assembly>>,
    },
    Over,
}

/// Read a small workspace file's `bytes` on the page (see [`READ_HERE_BYTES`]).
pub fn read_here(bytes: &[u8]) -> Answer {
    format::load_bytes(bytes)
        .map(|l| Read {
            workspace: l.workspace,
            parts: Vec::new(),
            opportunities: None,
            migrated_from: l.migrated_from,
        })
        .map_err(|e: ImportError| e.lines())
}

/// Read a workspace file's `bytes` in the worker and assemble what it sends
/// back; `progress` gets the pieces received and in all. `Err` holds every
/// problem, one per line (the file's, or why the reading stopped).
pub fn read(
    bytes: Uint8Array,
    mut progress: impl FnMut(usize, usize) + 'static,
) -> Result<(Job, oneshot::Receiver<Answer>), String> {
    let (tx, rx) = oneshot::channel::<Answer>();
    let mut tx = Some(tx);
    let mut state = Reading::Started;
    let job = Job::start(move |event| {
        let outcome = next(&mut state, event, &mut progress);
        match outcome {
            None => Flow::More,
            Some(result) => {
                state = Reading::Over;
                if let Some(tx) = tx.take() {
                    let _ = tx.send(result);
                }
                Flow::Done
            }
        }
    })?;
    let data = Data::Bytes(bytes);
    if let Err(e) = job.send_with(&ToWorker::ReadWorkspace { job: job.id() }, Some(data)) {
        job.cancel();
        return Err(e);
    }
    Ok((job, rx))
}

/// Take one event of a file being read; `Some` once the reading is over.
fn next(
    state: &mut Reading,
    event: Event,
    progress: &mut impl FnMut(usize, usize),
) -> Option<Answer> {
    let (msg, data) = match event {
        Event::Stopped(message) => return Some(Err(vec![message])),
        Event::Reply(msg, data) => (msg, data),
    };
    match (msg, &mut *state) {
        (FromWorker::WorkspaceRefused { lines, .. }, _) => Some(Err(lines)),
        (FromWorker::Failed { message, .. }, _) => Some(Err(vec![message])),
        (
            FromWorker::WorkspaceRead {
                migrated_from,
                pieces,
                ..
            },
            Reading::Started,
        ) => {
            *state = Reading::Receiving {
                migrated_from,
                pieces,
                got: 0,
                assembly: None,
            };
            progress(0, pieces);
            None
        }
        (
            FromWorker::Piece { kind, .. },
            Reading::Receiving {
                migrated_from,
                pieces,
                got,
                assembly,
            },
        ) => {
            let bytes = data.and_then(Data::bytes).map(|b| b.to_vec());
            let text = String::from_utf8(bytes.unwrap_or_default()).unwrap_or_default();
            let added = match assembly {
                Some(a) => a.add(&kind, &text),
                None => Assembly::new(&kind, &text).map(|a| {
                    *assembly = Some(Box::new(a));
                }),
            };
            if let Err(e) = added {
                return Some(Err(e.lines()));
            }
            *got += 1;
            progress(*got, *pieces);
            if got < pieces {
                return None;
            }
            let migrated_from = *migrated_from;
            Some(
                assembly
                    .take()
                    .ok_or_else(|| vec![STOPPED.to_owned()])
                    .and_then(|a| a.finish().map_err(|e| e.lines()))
                    .map(|a| Read {
                        workspace: a.workspace,
                        parts: a.parts,
                        opportunities: Some(a.opportunities),
                        migrated_from,
                    }),
            )
        }
        _ => None,
    }
}
