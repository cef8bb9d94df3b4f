//! Taking a CRM export's deals in on the page, a slice at a time: the
//! core's `TakingIn` checks, absorbs and counts the rows in steps, the
//! opportunities' part for the autosave is written a chunk at a time, and
//! the result is applied as one undoable edit. No task runs longer than a
//! slice (100,000 deals were one task of 1.8 s), the page shows how far it
//! is, and a cancel leaves the workspace as it was.

use std::sync::Arc;

use partnerfit_core::edit::pipeline::PipelineEdit;
use partnerfit_core::edit::take_in::TakingIn;
use partnerfit_core::edit::{Applied, Edit};
use partnerfit_core::format::pieces::JoinedArrays;
use partnerfit_core::format::stored_encoder::opportunities_part;
use partnerfit_core::pipeline::import::DealRow;
use partnerfit_core::Date;

use crate::clock::now_ms;
use crate::overlap_run::yield_to_browser;
use crate::state::Store;
use crate::storage::persist::Persistence;

/// Work in one task, in milliseconds (a long task is 50).
const SLICE_MS: f64 = 12.0;
/// Steps between two looks at the clock.
const STEPS: usize = 200;
/// Opportunities written per task for the autosave's part.
const PART_CHUNK: usize = 1_000;

/// How taking an export in ended.
#[derive(Debug)]
pub enum Outcome {
    Done(Applied),
    /// Refused, in words (nothing changed).
    Refused(String),
    /// Stopped by the user (nothing changed).
    Cancelled,
}

/// An export being taken in: the rows, when it was taken and its name.
pub struct Export {
    pub rows: Arc<Vec<DealRow>>,
    pub date: Date,
    pub file_name: String,
    pub entropy: u64,
}

/// Take `export` into the workspace; `progress` hears work done and in
/// all; `cancelled` is asked between slices.
pub async fn take_in(
    store: Store,
    persistence: Option<Persistence>,
    export: Export,
    progress: impl Fn(usize, usize),
    cancelled: impl Fn() -> bool,
) -> Outcome {
    let refused = |e: &dyn std::fmt::Display| Outcome::Refused(e.to_string());
    let ws = store.get_untracked();
    let mut taking = match TakingIn::new(
        &ws,
        &export.rows,
        export.date,
        &export.file_name,
        export.entropy,
    ) {
        Ok(t) => t,
        Err(e) => return refused(&e),
    };
    loop {
        let t0 = now_ms();
        let mut more = true;
        while more && now_ms() - t0 < SLICE_MS {
            more = match taking.step(STEPS) {
                Ok(more) => more,
                Err(e) => return refused(&e),
            };
        }
        let (done, all) = taking.progress();
        progress(done, all);
        yield_to_browser().await;
        if cancelled() {
            return Outcome::Cancelled;
        }
        if !more {
            break;
        }
    }
    let taken = match taking.finish() {
        Ok(t) => t,
        Err(e) => return refused(&e),
    };
    // The autosave's part, written here a chunk at a time instead of by
    // the save after the edit in one task.
    let pipeline = Arc::clone(taken.pipeline());
    let written = if taken.changes_anything() {
        &pipeline.opportunities[..]
    } else {
        &[]
    };
    let mut part: Option<JoinedArrays> = None;
    for chunk in written.chunks(PART_CHUNK) {
        let text = match opportunities_part(chunk, &ws) {
            Ok(text) => text,
            Err(e) => return refused(&e),
        };
        part.get_or_insert_with(|| JoinedArrays::with_capacity(0))
            .push_expecting(&text, chunk.len(), written.len());
        yield_to_browser().await;
        if cancelled() {
            return Outcome::Cancelled;
        }
    }
    let part = part.map_or_else(|| "[]".to_owned(), JoinedArrays::finish);
    match store.apply(Edit::Pipeline(PipelineEdit::TakeIn(Box::new(taken)))) {
        Ok(done) => {
            let now = store.with_untracked(|w| Arc::ptr_eq(&w.pipeline, &pipeline));
            if let (Some(p), true) = (persistence, now) {
                p.prime_pipeline(&pipeline, part);
            }
            Outcome::Done(done)
        }
        Err(e) => refused(&e),
    }
}
