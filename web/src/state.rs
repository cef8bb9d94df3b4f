//! Application state shared through context. Each context is a newtype so two
//! contexts of the same inner type cannot collide.

use leptos::prelude::*;
use partnerfit_core::scorecard::{self, Evaluation, RankEntry, Sensitivity};
use partnerfit_core::Workspace;

/// The workspace being edited: the single source of truth.
#[derive(Clone, Copy)]
pub struct WorkspaceCx(pub RwSignal<Workspace>);

/// Where the workspace came from: the demo, or the user's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Origin {
    Demo,
    Own,
}

/// Whether the workspace on screen is the demo.
#[derive(Clone, Copy)]
pub struct OriginCx(pub RwSignal<Origin>);

/// Values derived from the workspace by the core, computed once per change.
#[derive(Clone, Copy)]
pub struct Derived {
    pub evaluations: Memo<Vec<Evaluation>>,
    pub ranking: Memo<Vec<RankEntry>>,
    pub sensitivity: Memo<Vec<Sensitivity>>,
}

impl Derived {
    pub fn new(ws: RwSignal<Workspace>) -> Derived {
        let evaluations = Memo::new(move |_| ws.with(scorecard::evaluate_all));
        let ranking = Memo::new(move |_| evaluations.with(|e| scorecard::rank(e)));
        let sensitivity = Memo::new(move |_| {
            ws.with(|w| evaluations.with(|e| ranking.with(|r| scorecard::sensitivity(w, e, r))))
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

pub fn use_workspace() -> RwSignal<Workspace> {
    expect_context::<WorkspaceCx>().0
}

pub fn use_origin() -> RwSignal<Origin> {
    expect_context::<OriginCx>().0
}

pub fn use_derived() -> Derived {
    expect_context::<Derived>()
}

/// Bumped when the workspace is replaced as a whole; forms track it to re-mount.
pub fn use_epoch() -> RwSignal<u64> {
    expect_context::<crate::storage::Persistence>().epoch
}

/// Apply `f` to the partner with `id`, if it exists.
pub fn update_partner(
    ws: RwSignal<Workspace>,
    id: &partnerfit_core::Id,
    f: impl FnOnce(&mut partnerfit_core::partner::Partner),
) {
    ws.update(|w| {
        if let Some(p) = w.partner_mut(id) {
            f(p);
        }
    });
}
