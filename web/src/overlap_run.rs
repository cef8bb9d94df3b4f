//! Running the account matching in the browser without freezing the page:
//! the work is cut into slices of about 8 ms, yielding to the browser between
//! slices (through a message channel, which, unlike a zero timeout, is not
//! throttled), with progress shown. A newer run cancels an older one.

use std::sync::Arc;

use leptos::prelude::*;
use partnerfit_core::id::Id;
use partnerfit_core::overlap::account::{Account, ListOwner};
use partnerfit_core::overlap::analysis::accounts_of;
use partnerfit_core::overlap::matching::{Index, Keys, Pair};
use partnerfit_core::overlap::normalize::Psl;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::clock::now_ms;

/// How long one slice of work may take before the browser gets control back.
const SLICE_MS: f64 = 8.0;
/// Items between two clock reads.
const STRIDE: usize = 256;

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
    pub ours_keys: Vec<Keys>,
    pub theirs_keys: Vec<Keys>,
    pub pairs: Vec<Pair>,
    pub ours_lists: Vec<Id>,
    pub theirs_lists: Vec<Id>,
    /// Wall time of the run.
    pub took_ms: f64,
}

/// A run's progress and result.
#[derive(Clone, Copy)]
pub struct Runner {
    /// (what, fraction done) while running.
    pub progress: RwSignal<Option<(String, f64)>>,
    pub outcome: RwSignal<Option<Arc<Outcome>>>,
    generation: StoredValue<u64>,
}

/// Runs `step(i)` for i in `range`, slice by slice; false when cancelled.
async fn sliced(
    range: std::ops::Range<usize>,
    mut step: impl FnMut(usize),
    mut report: impl FnMut(usize),
    current: impl Fn() -> bool,
) -> bool {
    let mut i = range.start;
    while i < range.end {
        let t0 = now_ms();
        while i < range.end {
            let end = (i + STRIDE).min(range.end);
            for k in i..end {
                step(k);
            }
            i = end;
            if now_ms() - t0 > SLICE_MS {
                break;
            }
        }
        report(i);
        yield_to_browser().await;
        if !current() {
            return false;
        }
    }
    true
}

impl Runner {
    pub fn new() -> Runner {
        Runner {
            progress: RwSignal::new(None),
            outcome: RwSignal::new(None),
            generation: StoredValue::new(0),
        }
    }

    /// Match our lists with `partner`'s; replaces any run in progress.
    pub fn start(&self, ws: &partnerfit_core::Workspace, partner: &Id, psl: Arc<Psl>) {
        let (ours, ours_lists) = accounts_of(ws, &ListOwner::Ours);
        let (theirs, theirs_lists) = accounts_of(ws, &ListOwner::Partner(partner.clone()));
        let ours: Vec<Account> = ours.into_iter().cloned().collect();
        let theirs: Vec<Account> = theirs.into_iter().cloned().collect();
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        let r = *self;
        leptos::task::spawn_local(async move {
            let t0 = now_ms();
            let (n_ours, n_theirs) = (ours.len(), theirs.len());
            let total = (2 * n_ours + 2 * n_theirs).max(1) as f64;
            let current = move || r.generation.try_get_value() == Some(generation);
            let progress = |what: &'static str, done: usize| {
                r.progress.set(Some((what.to_owned(), done as f64 / total)));
            };

            let mut ours_keys = Vec::with_capacity(n_ours);
            let ok = sliced(
                0..n_ours,
                |i| ours_keys.push(Keys::of(&psl, &ours[i])),
                |i| progress("Normalising our accounts", i),
                current,
            )
            .await;
            if !ok {
                return;
            }
            let mut theirs_keys = Vec::with_capacity(n_theirs);
            let ok = sliced(
                0..n_theirs,
                |i| theirs_keys.push(Keys::of(&psl, &theirs[i])),
                |i| progress("Normalising their accounts", n_ours + i),
                current,
            )
            .await;
            if !ok {
                return;
            }
            let mut pairs = Vec::new();
            {
                let mut index = Index::new(&ours_keys);
                let ok = sliced(
                    0..n_ours,
                    |i| index.add(i..i + 1),
                    |i| progress("Indexing our accounts", n_ours + n_theirs + i),
                    current,
                )
                .await;
                if !ok {
                    return;
                }
                let mut buf = Vec::new();
                let ok = sliced(
                    0..n_theirs,
                    |j| {
                        buf.clear();
                        index.match_one(&theirs_keys[j], &mut buf);
                        pairs.extend(buf.iter().map(|&(ours, reason, confidence)| Pair {
                            ours,
                            theirs: j as u32,
                            reason,
                            confidence,
                        }));
                    },
                    |j| progress("Matching", 2 * n_ours + n_theirs + j),
                    current,
                )
                .await;
                if !ok {
                    return;
                }
            }
            let took_ms = now_ms() - t0;
            r.outcome.set(Some(Arc::new(Outcome {
                ours,
                theirs,
                ours_keys,
                theirs_keys,
                pairs,
                ours_lists,
                theirs_lists,
                took_ms,
            })));
            r.progress.set(None);
        });
    }
}

impl Default for Runner {
    fn default() -> Self {
        Runner::new()
    }
}
