//! Application state shared through context. Each context is a newtype so two
//! contexts of the same inner type cannot collide.
//!
//! The workspace lives in a [`Store`]: pages read it reactively and change
//! it only by sending an [`Edit`] through [`Store::apply`] (the core carries
//! it out with its cascades, or refuses it), so every change can be undone.

use leptos::prelude::*;
use partnerfit_core::edit::history::History;
use partnerfit_core::edit::{Applied, Edit, EditError, Replacement};
use partnerfit_core::scorecard::{self, Evaluation, RankEntry, Sensitivity};
use partnerfit_core::Workspace;

use crate::clock;

/// What "Undo" and "Redo" would do now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Steps {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// The workspace being edited, the single source of truth, and its undo
/// history. `Copy`: every closure can hold it.
#[derive(Clone, Copy)]
pub struct Store {
    ws: RwSignal<Workspace>,
    /// Where the workspace came from; undo and redo bring it back too.
    origin: RwSignal<Origin>,
    history: StoredValue<History<Origin>>,
    /// What undo and redo would do (for their buttons).
    pub steps: RwSignal<Steps>,
    /// Counts undos, redos, replacements and rows moved or removed (see
    /// [`reshow`](Self::reshow)): inputs drop what the user was typing.
    pub jumps: RwSignal<u64>,
    /// The last thing undone or redone, for the screen reader.
    pub said: RwSignal<Option<String>>,
}

impl Store {
    pub fn new(ws: Workspace, origin: Origin) -> Store {
        Store {
            ws: RwSignal::new(ws),
            origin: RwSignal::new(origin),
            history: StoredValue::new(History::default()),
            steps: RwSignal::new(Steps::default()),
            jumps: RwSignal::new(0),
            said: RwSignal::new(None),
        }
    }

    /// Read the workspace (tracked: the caller re-runs when it changes).
    pub fn with<R>(&self, f: impl FnOnce(&Workspace) -> R) -> R {
        self.ws.with(f)
    }

    /// Read the workspace without tracking it.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Workspace) -> R) -> R {
        self.ws.with_untracked(f)
    }

    /// A copy of the workspace (cheap: partners and lists are shared).
    pub fn get_untracked(&self) -> Workspace {
        self.ws.get_untracked()
    }

    /// Where the workspace came from (tracked).
    pub fn origin(&self) -> Origin {
        self.origin.get()
    }

    /// Where the workspace came from, without tracking it.
    pub fn origin_untracked(&self) -> Origin {
        self.origin.get_untracked()
    }

    /// Subscribe the running effect or memo to every change.
    pub fn track(&self) {
        self.ws.track();
    }

    /// Carry out `edit` as one step of the history, or refuse it (nothing
    /// changes, and nothing is told to re-render).
    pub fn apply(&self, edit: Edit) -> Result<Applied, EditError> {
        self.apply_from(edit, None)
    }

    /// [`apply`](Self::apply), and the workspace now comes from `origin`
    /// (when given).
    fn apply_from(&self, edit: Edit, origin: Option<Origin>) -> Result<Applied, EditError> {
        let now = clock::now_ms() as u64;
        let mut from = self.origin.get_untracked();
        let result = self
            .history
            .try_update_value(|h| {
                self.ws.try_maybe_update(|w| {
                    match h.apply_beside(w, &mut from, origin, edit, now) {
                        Ok(a) => (true, Ok(a)),
                        Err(e) => (false, Err(e)),
                    }
                })
            })
            .flatten()
            .unwrap_or(Err(EditError::Missing {
                what: "workspace",
                id: String::new(),
            }));
        if result.is_ok() {
            self.origin
                .maybe_update(|o| std::mem::replace(o, from) != from);
            self.refresh();
        }
        result
    }

    /// The demo as shipped, untouched ("Reset the demo" brings it back: no
    /// snapshot of it, no bookkeeping on it).
    pub fn is_pristine_demo(&self) -> bool {
        self.origin_untracked() == Origin::Demo
            && self.with_untracked(|w| *w == partnerfit_core::demo::demo())
    }

    /// Bookkeeping the user did not do (the health check's score of the
    /// day): applied to the workspace as it stands, not a step of the
    /// history, so Undo and Redo keep their steps. An undo may take it back
    /// with the step it undoes; whoever notes it notes it again.
    pub fn note(&self, edit: Edit) -> Result<Applied, EditError> {
        self.ws
            .try_maybe_update(|w| match w.apply(edit) {
                Ok(a) => (true, Ok(a)),
                Err(e) => (false, Err(e)),
            })
            .unwrap_or(Err(EditError::Missing {
                what: "workspace",
                id: String::new(),
            }))
    }

    /// [`apply`](Self::apply), with the refusal in words for a control.
    pub fn commit(&self, edit: Edit) -> Result<(), String> {
        self.apply(edit)
            .map(|_| ())
            .map_err(|e| capital(&e.to_string()))
    }

    /// Replace the workspace as a whole (an undoable step); it now comes
    /// from `origin`, or from where the current one came from (`None`).
    pub fn replace(
        &self,
        ws: Workspace,
        why: Replacement,
        origin: Option<Origin>,
    ) -> Result<Applied, EditError> {
        let r = self.apply_from(Edit::Replace(Box::new(ws), why), origin);
        if r.is_ok() {
            self.reshow();
        }
        r
    }

    /// Inputs drop what the user was typing and show the workspace again
    /// (after undo, redo, a replacement, or rows moved or removed: a draft
    /// would otherwise stay on a row that now holds another item).
    pub fn reshow(&self) {
        self.jumps.update(|j| *j += 1);
    }

    /// Take back the last step.
    pub fn undo(&self) {
        self.walk(|h, w, o| h.undo_beside(w, o), "Undone");
    }

    /// Do again the last step undone.
    pub fn redo(&self) {
        self.walk(|h, w, o| h.redo_beside(w, o), "Redone");
    }

    fn walk(
        &self,
        step: impl FnOnce(&mut History<Origin>, &mut Workspace, &mut Origin) -> Option<String>,
        word: &str,
    ) {
        let mut from = self.origin.get_untracked();
        let done = self
            .history
            .try_update_value(|h| {
                self.ws.try_maybe_update(|w| {
                    step(h, w, &mut from).map_or((false, None), |s| (true, Some(s)))
                })
            })
            .flatten()
            .flatten();
        if let Some(summary) = done {
            self.origin
                .maybe_update(|o| std::mem::replace(o, from) != from);
            self.refresh();
            self.reshow();
            // The same words twice would not be read again: alternate a
            // trailing no-break space so the live region always changes.
            self.said.update(|s| {
                let pad = if s.as_deref().is_some_and(|s| s.ends_with('\u{a0}')) {
                    ""
                } else {
                    "\u{a0}"
                };
                *s = Some(format!("{word}: {summary}{pad}"));
            });
        }
    }

    fn refresh(&self) {
        let steps = self.history.with_value(|h| Steps {
            undo: h.undo_summary().map(str::to_owned),
            redo: h.redo_summary().map(str::to_owned),
        });
        self.steps.set(steps);
    }
}

/// "the partner…" → "The partner…".
fn capital(s: &str) -> String {
    partnerfit_core::words::capitalised(s)
}

/// The store in context.
#[derive(Clone, Copy)]
pub struct StoreCx(pub Store);

/// Where the workspace came from: the demo, or the user's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Origin {
    Demo,
    Own,
}

/// Values derived from the workspace by the core, computed once per change.
#[derive(Clone, Copy)]
pub struct Derived {
    pub evaluations: Memo<Vec<Evaluation>>,
    pub ranking: Memo<Vec<RankEntry>>,
    pub sensitivity: Memo<Vec<Sensitivity>>,
}

impl Derived {
    pub fn new(store: Store) -> Derived {
        let evaluations = Memo::new(move |_| store.with(scorecard::evaluate_all));
        let ranking = Memo::new(move |_| evaluations.with(|e| scorecard::rank(e)));
        let sensitivity = Memo::new(move |_| {
            store.with(|w| evaluations.with(|e| ranking.with(|r| scorecard::sensitivity(w, e, r))))
        });
        Derived {
            evaluations,
            ranking,
            sensitivity,
        }
    }

    /// The evaluation of one partner.
    pub fn evaluation(&self, id: &partnerfit_core::Id) -> Option<Evaluation> {
        self.evaluations
            .with(|e| e.iter().find(|x| &x.partner == id).cloned())
    }
}

pub fn use_store() -> Store {
    expect_context::<StoreCx>().0
}

pub fn use_derived() -> Derived {
    expect_context::<Derived>()
}
