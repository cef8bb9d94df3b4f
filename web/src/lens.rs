//! Lenses: a way to read one part of the workspace and to change it by
//! sending an edit, small enough (`Copy`) for every closure to hold.
//!
//! A [`Binding`] is the lens of one field: what a control shows, and what
//! it sends. [`PartnerLens`] is "this partner": pages about one partner
//! read it and edit it through it, instead of passing ids to closures.

use leptos::prelude::*;
use partnerfit_core::edit::{Edit, PartnerEdit};
use partnerfit_core::overlap::account::{AccountList, ListOwner};
use partnerfit_core::partner::Partner;
use partnerfit_core::{Id, Workspace};
use std::sync::Arc;

use crate::state::Store;

/// The account lists `keep` picks, as shared pointers: it changes only when
/// one of them is added, replaced or removed, never on other edits, so
/// what is counted or matched over 200,000 accounts is not redone on every
/// keystroke. (Lists are compared by pointer: a list is never edited in
/// place.)
pub fn account_lists(
    store: Store,
    keep: impl Fn(&ListOwner) -> bool + Send + Sync + 'static,
) -> Memo<Vec<Arc<AccountList>>> {
    Memo::new_with_compare(
        move |_| {
            store.with(|w| {
                w.account_lists
                    .iter()
                    .filter(|l| keep(&l.owner))
                    .cloned()
                    .collect()
            })
        },
        |old, new| match (old, new) {
            (Some(a), Some(b)) => {
                a.len() != b.len() || a.iter().zip(b).any(|(x, y)| !Arc::ptr_eq(x, y))
            }
            _ => true,
        },
    )
}

/// One field: its value in the workspace, and how a new value is applied
/// (`Err` holds the refusal, in words, to show beside the control).
pub struct Binding<T: Send + Sync + 'static> {
    /// False for a value kept on the page (its text box keeps the
    /// browser's own Ctrl+Z).
    pub in_workspace: bool,
    pub value: Signal<T>,
    pub commit: Callback<T, Result<(), String>>,
}

impl<T: Send + Sync + 'static> Clone for Binding<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Binding<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Binding<T> {
    /// A field of the workspace: `get` reads it, `set` makes the edit.
    pub fn of(
        store: Store,
        get: impl Fn(&Workspace) -> T + Send + Sync + 'static,
        set: impl Fn(T) -> Edit + Send + Sync + 'static,
    ) -> Binding<T> {
        let value = Memo::new(move |_| store.with(&get));
        Binding {
            in_workspace: true,
            value: value.into(),
            commit: Callback::new(move |v: T| store.commit(set(v))),
        }
    }

    /// A field of the workspace read through `value`; `commit` applies a new
    /// value as an edit (`Err`: the refusal in words).
    pub fn bound(
        value: Memo<T>,
        commit: impl Fn(T) -> Result<(), String> + Send + Sync + 'static,
    ) -> Binding<T> {
        Binding {
            in_workspace: true,
            value: value.into(),
            commit: Callback::new(commit),
        }
    }

    /// A value kept on the page, not in the workspace (a proposed deal to
    /// check…): every valid value is taken.
    pub fn local(signal: RwSignal<T>) -> Binding<T> {
        Binding {
            in_workspace: false,
            value: signal.into(),
            commit: Callback::new(move |v: T| {
                signal.set(v);
                Ok(())
            }),
        }
    }
}

/// "This partner": read it, and edit it with partner edits.
#[derive(Clone, Copy)]
pub struct PartnerLens {
    store: Store,
    id: StoredValue<Id>,
}

impl PartnerLens {
    pub fn new(store: Store, id: Id) -> PartnerLens {
        PartnerLens {
            store,
            id: StoredValue::new(id),
        }
    }

    pub fn id(&self) -> Id {
        self.id.get_value()
    }

    pub fn store(&self) -> Store {
        self.store
    }

    /// Read the partner (tracked); `None` once it is gone.
    pub fn with<R>(&self, f: impl FnOnce(&Partner) -> R) -> Option<R> {
        self.id
            .with_value(|id| self.store.with(|w| w.partner(id).map(f)))
    }

    /// Read the partner and the workspace around it (tracked).
    pub fn with_ws<R>(&self, f: impl FnOnce(&Workspace, &Partner) -> R) -> Option<R> {
        self.id
            .with_value(|id| self.store.with(|w| w.partner(id).map(|p| f(w, p))))
    }

    /// A value of the partner that re-renders only when it changes.
    pub fn memo<T>(self, f: impl Fn(&Partner) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: Default + PartialEq + Send + Sync + 'static,
    {
        Memo::new(move |_| self.with(&f).unwrap_or_default())
    }

    /// Apply an edit to this partner.
    pub fn apply(&self, e: PartnerEdit) -> Result<(), String> {
        self.store.commit(Edit::Partner(self.id(), e))
    }

    /// One field of this partner: `get` reads it, `set` makes the edit.
    pub fn bind<T>(
        self,
        get: impl Fn(&Partner) -> T + Send + Sync + 'static,
        set: impl Fn(T) -> PartnerEdit + Send + Sync + 'static,
    ) -> Binding<T>
    where
        T: Default + Clone + PartialEq + Send + Sync + 'static,
    {
        Binding::bound(self.memo(get), move |v: T| self.apply(set(v)))
    }
}
