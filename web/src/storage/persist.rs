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
//! - A workspace longer than [`SPLIT_ABOVE`] characters (CRM exports, deal
//!   exports) is stored in parts: its head in localStorage, its accounts
//!   and deals in IndexedDB (`parts.rs`, `format::stored_parts`). New parts
//!   are written first, then the head that names them, after checking the
//!   stored revision once more; so a reload never sees half a save, and the
//!   head's revision keeps the two-tab rule. Parts no head names are
//!   deleted after each save (those of the previous head are kept for a tab
//!   reading it that moment, those of heads set aside as unreadable, and any
//!   part younger than a minute: another tab may be about to name it).
//! - Another tab's workspace in parts is adopted once its parts are read,
//!   and only if it is still what storage holds and this tab made no edit
//!   meanwhile (then it is a conflict, as above). At start, a head whose
//!   part is missing is read again: another tab may have stored a newer one.
//! - While edits are unsaved (a save scheduled or writing its parts, a
//!   conflict, a problem), leaving the page asks first (`leave_guard.rs`).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use partnerfit_core::format::stored;
use partnerfit_core::format::stored::parts_of;
use partnerfit_core::format::stored_encoder::{parts_reusable, Encoded, StoredEncoder};
use partnerfit_core::format::stored_parts::PartKeys;
use partnerfit_core::format::ImportError;
use partnerfit_core::overlap::account::AccountList;
use partnerfit_core::pipeline::Pipeline;
use partnerfit_core::Workspace;
use wasm_bindgen_futures::spawn_local;

use partnerfit_core::edit::Replacement;

use super::leave_guard::LeaveGuard;
use super::local::{self, StorageProblem};
use super::StorageKey;
use crate::state::{Origin, Store};

/// How long after the last change the workspace is saved.
pub const DEBOUNCE: Duration = Duration::from_millis(400);

/// A workspace whose storage text is longer than this (in characters) is
/// stored in parts. localStorage holds about 5 million characters for the
/// whole site, snapshots included; a workspace under a million leaves room.
pub const SPLIT_ABOVE: usize = 1_000_000;

/// A part no head names is deleted only once it is this old: another tab
/// may have just written it for the head it is about to store.
const PART_GRACE_MS: f64 = 60_000.0;

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
    /// The parts the stored head names (`None`: stored whole).
    parts: StoredValue<Option<PartKeys>>,
    /// A save is writing its parts (to IndexedDB, asynchronously).
    saving: StoredValue<bool>,
    /// Asks before the page is left while edits are unsaved.
    leave: LeaveGuard,
    store: Store,
}

/// What the app starts with.
#[derive(Clone)]
pub struct Boot {
    pub workspace: Workspace,
    pub origin: Origin,
    pub state: SaveState,
    pub recovered: Option<Recovered>,
    pub revision: u64,
    /// Knows the parts the workspace was read from (none when whole).
    encoder: StoredEncoder,
    parts: Option<PartKeys>,
}

/// What storage holds at start: a workspace read (or the demo), or the
/// head of a workspace whose parts must be read from IndexedDB first.
pub enum Opening {
    Ready(Box<Boot>),
    Parts { head: String, keys: PartKeys },
}

impl Opening {
    /// The workspace read, unless it waits for its parts.
    pub fn ready(self) -> Option<Boot> {
        match self {
            Opening::Ready(boot) => Some(*boot),
            Opening::Parts { .. } => None,
        }
    }
}

fn fresh(demo: &dyn Fn() -> Workspace, state: SaveState, recovered: Option<Recovered>) -> Boot {
    Boot {
        workspace: demo(),
        origin: Origin::Demo,
        state,
        recovered,
        revision: 0,
        encoder: StoredEncoder::default(),
        parts: None,
    }
}

/// Read storage at start. Never writes the workspace key.
pub fn open(demo: &dyn Fn() -> Workspace) -> Opening {
    let raw = match local::read(&StorageKey::Workspace) {
        Err(p) => return Opening::Ready(Box::new(fresh(demo, SaveState::Problem(p), None))),
        Ok(None) => return Opening::Ready(Box::new(fresh(demo, SaveState::Saved, None))),
        Ok(Some(raw)) => raw,
    };
    match parts_of(&raw) {
        Some(keys) => Opening::Parts { head: raw, keys },
        None => Opening::Ready(Box::new(from_stored(raw, &HashMap::new(), None, demo))),
    }
}

/// Read the parts a head names from IndexedDB, then the workspace. When the
/// database cannot be opened, saving is held so the head is not overwritten.
///
/// Another tab may save twice while the parts are read, and its pruning
/// then removes this head's parts: when a part is missing and the stored
/// head has changed, the newer head is read instead (at most
/// [`OPEN_ATTEMPTS`] heads). A head whose parts are missing while it is
/// still the one stored is set aside like any unreadable value.
pub async fn open_parts(head: String, keys: PartKeys, demo: &dyn Fn() -> Workspace) -> Boot {
    let (mut head, mut keys) = (head, keys);
    let mut attempt = 0;
    loop {
        attempt += 1;
        let found = match super::parts::get(keys.all()).await {
            Ok(found) => found,
            Err(p) => return held_for_parts(&head, &p, demo),
        };
        let decoded = stored::decode_with_parts(&head, &found);
        if attempt < OPEN_ATTEMPTS && matches!(decoded, Err(ImportError::PartMissing { .. })) {
            match local::read(&StorageKey::Workspace) {
                Ok(Some(now)) if now != head => match parts_of(&now) {
                    Some(now_keys) => {
                        (head, keys) = (now, now_keys);
                        continue;
                    }
                    None => return from_stored(now, &HashMap::new(), None, demo),
                },
                _ => {}
            }
        }
        return from_decoded(head, decoded, &found, Some(keys), demo);
    }
}

/// How many heads [`open_parts`] reads when the one it read lost its parts
/// to another tab's saves.
const OPEN_ATTEMPTS: usize = 3;

/// The workspace cannot be read: the database with its parts cannot be opened.
fn held_for_parts(head: &str, p: &StorageProblem, demo: &dyn Fn() -> Workspace) -> Boot {
    Boot {
        revision: stored::revision_of(head).unwrap_or(0),
        ..fresh(
            demo,
            SaveState::Held(format!(
                "Your saved workspace keeps its accounts and deals in the browser's database, which could not be opened ({p}). \
                 Saving is paused so it is not overwritten: reload the page to try again."
            )),
            None,
        )
    }
}

/// [`open`], then [`open_parts`] when the workspace is in parts.
pub async fn boot(demo: &dyn Fn() -> Workspace) -> Boot {
    match open(demo) {
        Opening::Ready(boot) => *boot,
        Opening::Parts { head, keys } => open_parts(head, keys, demo).await,
    }
}

fn from_stored(
    raw: String,
    found: &HashMap<String, String>,
    keys: Option<PartKeys>,
    demo: &dyn Fn() -> Workspace,
) -> Boot {
    let decoded = stored::decode_with_parts(&raw, found);
    from_decoded(raw, decoded, found, keys, demo)
}

fn from_decoded(
    raw: String,
    decoded: Result<stored::Stored, ImportError>,
    found: &HashMap<String, String>,
    keys: Option<PartKeys>,
    demo: &dyn Fn() -> Workspace,
) -> Boot {
    let origin = local::get_pref::<Origin>(&StorageKey::Origin).unwrap_or(Origin::Demo);
    match decoded {
        Ok(s) => Boot {
            encoder: keys
                .as_ref()
                .filter(|_| parts_reusable(&raw))
                .map(|k| StoredEncoder::from_parts(&s.loaded.workspace, k, found))
                .unwrap_or_default(),
            parts: keys,
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
                    ..fresh(demo, SaveState::Saved, Some(Recovered { key: key.name(), reason }))
                },
                Err(p) => Boot {
                    revision,
                    ..fresh(
                        demo,
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
            encoder: StoredValue::new(boot.encoder.clone()),
            parts: StoredValue::new(boot.parts.clone()),
            saving: StoredValue::new(false),
            leave: LeaveGuard::off(),
            store,
        };
        p.leave.ask_with(move || p.unsaved_on_leave());
        Effect::new(move |_| {
            store.track();
            p.schedule();
        });
        // Ask before leaving while a save is scheduled or writing its parts,
        // or edits cannot be saved (a conflict, a problem, a hold).
        Effect::new(move |_| {
            let on = match p.state.get() {
                SaveState::Pending => true,
                SaveState::Saved => p.saving.get_value(),
                _ => p.saving.get_value() || p.dirty(),
            };
            p.leave.set(on);
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

    /// Whether leaving now would lose edits: a pending save is made first
    /// (a workspace stored whole is then saved; one in parts is still
    /// writing them).
    fn unsaved_on_leave(&self) -> bool {
        if self.state.try_get_untracked().is_none() {
            return false; // the app is gone
        }
        self.flush();
        self.saving.get_value() || self.dirty()
    }

    /// Whether the page asks before it is left (a `beforeunload` handler
    /// is registered).
    pub fn asks_before_leaving(&self) -> bool {
        self.leave.is_on()
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
            // Edits that are not saved until the user chooses.
            self.leave.set(true);
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

    /// The revision of what storage holds (0: nothing); `None` when storage
    /// cannot be read (the state says why).
    fn stored_revision(&self) -> Option<u64> {
        match local::read(&StorageKey::Workspace) {
            Err(p) => {
                self.state.set(SaveState::Problem(p));
                None
            }
            Ok(None) => Some(0),
            Ok(Some(raw)) => Some(stored::revision_of(&raw).unwrap_or(0)),
        }
    }

    /// Take `json` as the serialized accounts of `list`, about to be added
    /// (see `StoredEncoder::prime`): its save does not serialise them again.
    pub fn prime(&self, list: Arc<AccountList>, json: String) {
        self.encoder.update_value(|e| e.prime(list, json));
    }

    /// Take `json` as the serialized opportunities of `pipeline`, about to
    /// be the workspace's (see `StoredEncoder::prime_pipeline`).
    pub fn prime_pipeline(&self, pipeline: &Arc<Pipeline>, json: String) {
        self.encoder
            .update_value(|e| e.prime_pipeline(pipeline, json));
    }

    /// Write the workspace unless another tab wrote since our last sync
    /// (`force` overwrites it: the user chose "keep mine").
    pub fn save_now(&self, force: bool) {
        self.timer.set_value(None);
        if self.saving.get_value() {
            // A save is writing its parts: this one follows it.
            self.state.set(SaveState::Pending);
            let p = *self;
            let handle = set_timeout_with_handle(move || p.save_now(force), DEBOUNCE).ok();
            self.timer.set_value(handle);
            return;
        }
        let Some(stored_rev) = self.stored_revision() else {
            return;
        };
        let base = self.revision.get_value();
        if stored_rev != base && !force {
            self.state.set(SaveState::OtherTab);
            return;
        }
        if force {
            // The parts we know may be gone with the other tab's saves.
            self.encoder.update_value(StoredEncoder::reset);
        }
        // Not forced, the stored revision is ours; forced, it is the other tab's.
        let next = stored_rev.saturating_add(1);
        let workspace = self.store.get_untracked();
        // Never store what could not be read back.
        let Some(encoded) = self.encoder.try_update_value(|e| {
            e.encode(&workspace, next, SPLIT_ABOVE, &mut super::parts::new_key)
        }) else {
            return; // the app is gone
        };
        let encoded = match encoded {
            Ok(encoded) => encoded,
            Err(e) => {
                self.state.set(SaveState::Invalid(e.lines()));
                return;
            }
        };
        if encoded.new_parts.is_empty() {
            self.commit(encoded, workspace, next);
            return;
        }
        // New parts first, then (if no other tab saved meanwhile) the head.
        self.saving.set_value(true);
        self.state.set(SaveState::Pending);
        let p = *self;
        spawn_local(async move {
            let written = super::parts::put(&encoded.new_parts).await;
            if p.saving.try_set_value(false).is_some() {
                return; // the app is gone
            }
            match written {
                Err(problem) => {
                    p.encoder.update_value(StoredEncoder::reset);
                    p.state.set(SaveState::Problem(problem));
                }
                Ok(()) => match p.stored_revision() {
                    Some(now) if now == stored_rev => p.commit(encoded, workspace, next),
                    Some(_) => {
                        p.encoder.update_value(StoredEncoder::reset);
                        p.state.set(SaveState::OtherTab);
                    }
                    None => p.encoder.update_value(StoredEncoder::reset),
                },
            }
        });
    }

    /// Write the head (or the whole workspace) encoded from `workspace`.
    fn commit(&self, encoded: Encoded, workspace: Workspace, next: u64) {
        let text = encoded.head;
        // The workspace comes first: when storage is full, the oldest
        // snapshots make room for it — only as many as it grew by.
        let mut written = local::write(&StorageKey::Workspace, &text);
        let mut freed = 0;
        while written == Err(StorageProblem::Full) && freed < text.len() {
            let Some(size) = super::snapshots::drop_oldest() else {
                break;
            };
            freed += size;
            written = local::write(&StorageKey::Workspace, &text);
        }
        match written {
            Ok(()) => {
                self.revision.set_value(next);
                self.synced.set_value(Some(workspace));
                self.state.set(SaveState::Saved);
                // Whether it is the demo or the user's own goes with it (an
                // undone import makes it the demo again).
                local::set_pref(&StorageKey::Origin, &self.store.origin_untracked());
                // A tab left open for days still keeps one snapshot a day,
                // unless snapshots just had to make room for this save. A
                // workspace in parts is too large for the snapshot shelf.
                if freed == 0 && encoded.keys.is_none() {
                    super::snapshots::daily(self.store);
                }
                let previous = self.parts.get_value();
                self.parts.set_value(encoded.keys.clone());
                if previous.is_some() || encoded.keys.is_some() {
                    prune([previous, encoded.keys]);
                }
                // Edits made while the parts were written.
                if self.dirty() {
                    self.schedule();
                }
            }
            Err(p) => {
                // No head names the new parts: the encoder must not re-use them.
                if encoded.keys.is_some() {
                    self.encoder.update_value(StoredEncoder::reset);
                }
                self.state.set(SaveState::Problem(p));
            }
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
        self.adopt(text, false);
    }

    /// Replace the workspace with a stored text (from another tab), once
    /// the parts it names are read. `chosen`: the user chose to load the
    /// other tab's version (over edits of this tab).
    fn adopt(&self, text: String, chosen: bool) {
        let Some(keys) = parts_of(&text) else {
            self.adopt_with(&text, &HashMap::new(), None, chosen);
            return;
        };
        let p = *self;
        spawn_local(async move {
            let read = super::parts::get(keys.all()).await;
            if p.state.try_get_untracked().is_none() {
                return; // the app is gone
            }
            match read {
                Ok(found) => p.adopt_with(&text, &found, Some(keys), chosen),
                Err(problem) if p.still_adoptable(&text, chosen) => {
                    p.state.set(SaveState::OtherTab);
                    p.notice.set(Some(format!(
                        "Another tab saved a workspace this tab cannot read: {problem}"
                    )));
                }
                Err(_) => {}
            }
        });
    }

    /// Whether `text`, read a moment ago (its parts are read
    /// asynchronously), is still to be adopted: it must still be what
    /// storage holds (else a newer write's storage event comes, or came;
    /// when the user chose the other tab's version, that newer one is
    /// adopted instead), and this tab must have no edits made meanwhile:
    /// those make it a conflict, as when the storage event came, so
    /// neither side is overwritten.
    fn still_adoptable(&self, text: &str, chosen: bool) -> bool {
        match local::read(&StorageKey::Workspace) {
            Ok(Some(now)) if now == text => {}
            Ok(Some(now)) => {
                if chosen {
                    self.adopt(now, true);
                }
                return false;
            }
            Ok(None) => {
                if chosen {
                    self.notice
                        .set(Some("The other tab removed the saved workspace.".into()));
                }
                return false;
            }
            Err(p) => {
                if chosen {
                    self.state.set(SaveState::Problem(p));
                }
                return false;
            }
        }
        if !chosen && self.dirty() {
            self.state.set(SaveState::OtherTab);
            return false;
        }
        true
    }

    fn adopt_with(
        &self,
        text: &str,
        found: &HashMap<String, String>,
        keys: Option<PartKeys>,
        chosen: bool,
    ) {
        if !self.still_adoptable(text, chosen) {
            return;
        }
        match stored::decode_with_parts(text, found) {
            Ok(s) => {
                self.revision.set_value(s.revision);
                self.synced.set_value(Some(s.loaded.workspace.clone()));
                let encoder = keys
                    .as_ref()
                    .filter(|_| parts_reusable(text))
                    .map(|k| StoredEncoder::from_parts(&s.loaded.workspace, k, found))
                    .unwrap_or_default();
                self.encoder.set_value(encoder);
                self.parts.set_value(keys);
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
            Ok(Some(text)) => self.adopt(text, true),
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

/// Delete the parts no head names: neither the heads of this tab's last two
/// saves, nor the head stored now (another tab's), nor a head set aside as
/// unreadable (`unreadable.<time>`: its parts may be what makes it
/// readable again), and older than [`PART_GRACE_MS`]. Runs in the
/// background; a failure only leaves space used until the next save.
fn prune(heads: [Option<PartKeys>; 2]) {
    let mut keep: HashSet<String> = heads
        .iter()
        .flatten()
        .flat_map(|k| k.all().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    let stored = local::read(&StorageKey::Workspace).ok().flatten();
    let set_aside = local::unreadable_keys()
        .into_iter()
        .filter_map(|name| local::read_named(&name));
    for head in stored.into_iter().chain(set_aside) {
        if let Some(k) = parts_of(&head) {
            keep.extend(k.all().map(str::to_owned));
        }
    }
    let before = js_sys::Date::now() - PART_GRACE_MS;
    spawn_local(async move {
        let _ = super::parts::keep_only(&keep, before).await;
    });
}
