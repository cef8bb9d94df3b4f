//! Running the account matching in the browser without freezing the page:
//! keys and matches are computed in chunks, yielding to the browser between
//! chunks, with progress shown. A newer run cancels an older one.

use std::sync::Arc;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use partnerfit_core::id::Id;
use partnerfit_core::overlap::account::{Account, ListOwner};
use partnerfit_core::overlap::analysis::accounts_of;
use partnerfit_core::overlap::matching::{keys_of, Index, Keys, Pair};
use partnerfit_core::overlap::normalize::Psl;

/// Accounts per chunk: small enough to keep each slice of work short.
const CHUNK: usize = 4000;

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
            let t0 = crate::clock::now_ms();
            let total = (ours.len() + 2 * theirs.len()).max(1) as f64;
            let current = || r.generation.try_get_value() == Some(generation);
            let mut done = 0usize;
            let mut ours_keys = Vec::with_capacity(ours.len());
            for chunk in ours.chunks(CHUNK) {
                ours_keys.extend(keys_of(&psl, chunk));
                done += chunk.len();
                r.progress.set(Some((
                    "Normalising our accounts".into(),
                    done as f64 / total,
                )));
                TimeoutFuture::new(0).await;
                if !current() {
                    return;
                }
            }
            let mut theirs_keys = Vec::with_capacity(theirs.len());
            for chunk in theirs.chunks(CHUNK) {
                theirs_keys.extend(keys_of(&psl, chunk));
                done += chunk.len();
                r.progress.set(Some((
                    "Normalising their accounts".into(),
                    done as f64 / total,
                )));
                TimeoutFuture::new(0).await;
                if !current() {
                    return;
                }
            }
            let mut pairs = Vec::new();
            {
                let index = Index::build(&ours_keys);
                let mut buf = Vec::new();
                for (c, chunk) in theirs_keys.chunks(CHUNK).enumerate() {
                    for (j, t) in chunk.iter().enumerate() {
                        buf.clear();
                        index.match_one(t, &mut buf);
                        let theirs = (c * CHUNK + j) as u32;
                        pairs.extend(buf.iter().map(|&(ours, reason, confidence)| Pair {
                            ours,
                            theirs,
                            reason,
                            confidence,
                        }));
                    }
                    done += chunk.len();
                    r.progress
                        .set(Some(("Matching".into(), done as f64 / total)));
                    TimeoutFuture::new(0).await;
                    if !current() {
                        return;
                    }
                }
            }
            let took_ms = crate::clock::now_ms() - t0;
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
