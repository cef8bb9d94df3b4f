//! Persistence: load at start through the core's version-aware import,
//! debounced autosave after each change, recovery of unreadable data, and
//! detection of writes by another tab (storage event + revision counter).
//!
//! Rules:
//! - A stored value that cannot be read is copied to an `unreadable.<time>`
//!   key before anything else happens; if that copy fails, saving stays off
//!   so the original is never overwritten.
//! - A save first compares the stored revision with the one this tab last
//!   loaded or wrote. If another tab wrote in between, nothing is written and
//!   the user chooses: load theirs, keep mine, or download mine.
//! - When storage is disabled or full, the workspace stays in memory and
//!   export keeps working.

use std::time::Duration;

use leptos::prelude::*;
use partnerfit_core::format::stored;
use partnerfit_core::format::stored_encoder::StoredEncoder;
use partnerfit_core::Workspace;

use partnerfit_core::edit::Replacement;

use super::local::{self, StorageProblem};
use super::StorageKey;
use crate::state::{Origin, Store};

/// How long after the last change the workspace is saved.
pub const DEBOUNCE: Duration = Duration::from_millis(400);

/// Above this many accounts a workspace cannot fit in localStorage (about
/// 5 million characters, some 25,000 CRM accounts): saving is not attempted,
/// so the page is not blocked serialising it. Below it, a workspace that
/// does not fit is found when the write is refused (see `LARGE_TEXT`).
pub const MAX_STORED_ACCOUNTS: usize = 40_000;

/// A workspace text this long that does not fit tells that the workspace is
/// too big for browser storage (it holds about 5 million characters), not
/// that other data filled it.
const LARGE_TEXT: usize = 1_000_000;

/// The state of saving, as shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is saved.
    Saved,
    /// A save is scheduled.
    Pending,
    /// Storage cannot be used; the workspace lives in memory only.
    Problem(StorageProblem),
    /// Another tab saved a newer version while this tab had unsaved changes.
    OtherTab,
    /// Saving is held back because unreadable data could not be set aside.
    Held(String),
    /// The workspace has problems the importer would refuse; it is not
    /// written, so what is stored stays readable.
    Invalid(Vec<String>),
}

/// A stored workspace that could not be read, kept under `key`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovered {
    pub key: String,
    pub reason: String,
}

/// The persistence service; cheap to copy (all signals).
#[derive(Clone, Copy)]
pub struct Persistence {
    pub state: RwSignal<SaveState>,
    pub recovered: RwSignal<Option<Recovered>>,
    /// A passing message ("Updated from another tab").
    pub notice: RwSignal<Option<String>>,
    revision: StoredValue<u64>,
    /// The workspace as last loaded from or written to storage.
    synced: StoredValue<Option<Workspace>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Keeps the serialized accounts of unchanged lists between saves.
    encoder: StoredValue<StoredEncoder>,
    store: Store,
}

/// What the app starts with.
pub struct Boot {
    pub workspace: Workspace,
    pub origin: Origin,
    pub state: SaveState,
    pub recovered: Option<Recovered>,
    pub revision: u64,
}

/// Read storage at start. Never writes the workspace key.
pub fn boot(demo: impl Fn() -> Workspace) -> Boot {
    let origin = local::get_pref::<Origin>(&StorageKey::Origin).unwrap_or(Origin::Demo);
    let fresh = |state, recovered| Boot {
        workspace: demo(),
        origin: Origin::Demo,
        state,
        recovered,
        revision: 0,
    };
    let raw = match local::read(&StorageKey::Workspace) {
        Err(p) => return fresh(SaveState::Problem(p), None),
        Ok(None) => return fresh(SaveState::Saved, None),
        Ok(Some(raw)) => raw,
    };
    match stored::decode(&raw) {
        Ok(s) => Boot {
            workspace: s.loaded.workspace,
            origin,
            state: SaveState::Saved,
            recovered: None,
            revision: s.revision,
        },
        Err(e) => {
            // Keep the unreadable value aside before anything can overwrite it.
            let key = StorageKey::Unreadable(crate::clock::stamp());
            let reason = e.lines().join("; ");
            let revision = stored::revision_of(&raw).unwrap_or(0);
            match local::write(&key, &raw) {
                Ok(()) => Boot {
                    revision,
                    ..fresh(SaveState::Saved, Some(Recovered { key: key.name(), reason }))
                },
                Err(p) => Boot {
                    revision,
                    ..fresh(
                        SaveState::Held(format!(
                            "Your saved workspace could not be read ({reason}) and could not be set aside ({p}). \
                             Saving is paused so it is not overwritten: download it below, then choose to save again."
                        )),
                        Some(Recovered { key: StorageKey::Workspace.name(), reason }),
                    )
                },
            }
        }
    }
}

impl Persistence {
    /// Start persistence for `ws` from `boot`: autosave, tab sync, flush on leave.
    pub fn start(store: Store, boot: &Boot) -> Persistence {
        let p = Persistence {
            state: RwSignal::new(boot.state.clone()),
            recovered: RwSignal::new(boot.recovered.clone()),
            notice: RwSignal::new(None),
            revision: StoredValue::new(boot.revision),
            // The baseline: what storage holds, or the workspace the app
            // opened with (the demo) when storage holds nothing usable.
            synced: StoredValue::new(Some(boot.workspace.clone())),
            timer: StoredValue::new(None),
            encoder: StoredValue::new(StoredEncoder::default()),
            store,
        };
        Effect::new(move |_| {
            store.track();
            p.schedule();
        });
        let storage = window_event_listener(leptos::ev::storage, move |e| {
            if e.key().as_deref() == Some(StorageKey::Workspace.name().as_str()) {
                p.other_tab_wrote(e.new_value());
            }
        });
        let leave = window_event_listener(leptos::ev::pagehide, move |_| p.flush());
        on_cleanup(move || {
            storage.remove();
            leave.remove();
            if let Some(h) = p.timer.try_get_value().flatten() {
                h.clear();
            }
        });
        p
    }

    /// True when the workspace has edits not yet in storage.
    pub fn dirty(&self) -> bool {
        self.synced
            .with_value(|synced| self.store.with_untracked(|w| synced.as_ref() != Some(w)))
    }

    fn schedule(&self) {
        // While a save is pending, an edit only restarts the pause: no deep
        // comparison of the workspace on every keystroke.
        if self.state.get_untracked() != SaveState::Pending && !self.dirty() {
            return;
        }
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        if matches!(
            self.state.get_untracked(),
            SaveState::Held(_) | SaveState::OtherTab
        ) {
            return;
        }
        self.state.set(SaveState::Pending);
        let p = *self;
        let handle = set_timeout_with_handle(move || p.save_now(false), DEBOUNCE).ok();
        self.timer.set_value(handle);
    }

    /// Save a pending change immediately (the page is being left).
    pub fn flush(&self) {
        if self.state.get_untracked() == SaveState::Pending {
            if let Some(h) = self.timer.get_value() {
                h.clear();
            }
            self.save_now(false);
        }
    }

    /// Write the workspace unless another tab wrote since our last sync
    /// (`force` overwrites it: the user chose "keep mine").
    pub fn save_now(&self, force: bool) {
        self.timer.set_value(None);
        let accounts = self.store.with_untracked(|w| {
            w.account_lists
                .iter()
                .map(|l| l.accounts.len())
                .sum::<usize>()
        });
        if accounts > MAX_STORED_ACCOUNTS {
            self.state
                .set(SaveState::Problem(StorageProblem::TooLarge { accounts }));
            return;
        }
        let stored_rev = match local::read(&StorageKey::Workspace) {
            Err(p) => {
                self.state.set(SaveState::Problem(p));
                return;
            }
            Ok(None) => 0,
            Ok(Some(raw)) => stored::revision_of(&raw).unwrap_or(0),
        };
        let base = self.revision.get_value();
        if stored_rev != base && !force {
            self.state.set(SaveState::OtherTab);
            return;
        }
        // Not forced, the stored revision is ours; forced, it is the other tab's.
        let next = stored_rev.saturating_add(1);
        // Never store what could not be read back.
        let Some(encoded) = self
            .encoder
            .try_update_value(|e| self.store.with_untracked(|w| e.encode_checked(w, next)))
        else {
            return; // the app is gone
        };
        let text = match encoded {
            Ok(text) => text,
            Err(e) => {
                self.state.set(SaveState::Invalid(e.lines()));
                return;
            }
        };
        // The workspace comes first: when storage is full, the oldest
        // snapshots make room for it — only as many as it grew by, and only
        // when it could fit at all (a workspace too big for browser storage
        // keeps the snapshots that may be all there is to go back to).
        let mut written = local::write(&StorageKey::Workspace, &text);
        let mut freed = 0;
        if written == Err(StorageProblem::Full) && text.len() <= LARGE_TEXT {
            while written == Err(StorageProblem::Full) && freed < text.len() {
                let Some(size) = super::snapshots::drop_oldest() else {
                    break;
                };
                freed += size;
                written = local::write(&StorageKey::Workspace, &text);
            }
        }
        match written {
            Ok(()) => {
                self.revision.set_value(next);
                self.synced.set_value(Some(self.store.get_untracked()));
                self.state.set(SaveState::Saved);
                // Whether it is the demo or the user's own goes with it (an
                // undone import makes it the demo again).
                local::set_pref(&StorageKey::Origin, &self.store.origin_untracked());
                // A tab left open for days still keeps one snapshot a day,
                // unless snapshots just had to make room for this save.
                if freed == 0 {
                    super::snapshots::daily(self.store);
                }
            }
            Err(StorageProblem::Full) if text.len() > LARGE_TEXT => self
                .state
                .set(SaveState::Problem(StorageProblem::TooLarge { accounts })),
            Err(p) => self.state.set(SaveState::Problem(p)),
        }
    }

    /// Another tab wrote the workspace key.
    fn other_tab_wrote(&self, new_value: Option<String>) {
        let Some(text) = new_value else {
            // Cleared elsewhere: our next save must not silently recreate or
            // lose anything, so treat it as a conflict.
            self.revision.set_value(u64::MAX);
            if self.dirty() || self.synced.with_value(Option::is_some) {
                self.state.set(SaveState::OtherTab);
            }
            return;
        };
        if self.dirty() {
            self.state.set(SaveState::OtherTab);
            return;
        }
        self.adopt(&text);
    }

    /// Replace the workspace with a stored text (from another tab).
    fn adopt(&self, text: &str) {
        match stored::decode(text) {
            Ok(s) => {
                self.revision.set_value(s.revision);
                self.synced.set_value(Some(s.loaded.workspace.clone()));
                match self.store.replace(
                    s.loaded.workspace,
                    Replacement::OtherTab,
                    // The other tab wrote where it came from as it saved.
                    local::get_pref::<Origin>(&StorageKey::Origin),
                ) {
                    Ok(_) => {
                        self.state.set(SaveState::Saved);
                        self.notice.set(Some(
                            "Updated with changes saved in another tab (Undo takes them back)."
                                .into(),
                        ));
                    }
                    Err(e) => {
                        self.state.set(SaveState::OtherTab);
                        self.notice.set(Some(format!(
                            "Another tab saved a workspace this tab cannot use: {e}"
                        )));
                    }
                }
            }
            Err(e) => {
                self.state.set(SaveState::OtherTab);
                self.notice.set(Some(format!(
                    "Another tab saved a workspace this tab cannot read: {}",
                    e.lines().join("; ")
                )));
            }
        }
    }

    /// Resolve a conflict by loading the other tab's version.
    pub fn load_theirs(&self) {
        match local::read(&StorageKey::Workspace) {
            Ok(Some(text)) => self.adopt(&text),
            Ok(None) => self
                .notice
                .set(Some("The other tab removed the saved workspace.".into())),
            Err(p) => self.state.set(SaveState::Problem(p)),
        }
    }

    /// Resolve a conflict (or a hold) by writing this tab's version.
    pub fn keep_mine(&self) {
        self.save_now(true);
    }
}
