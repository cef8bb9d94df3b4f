//! Snapshots kept in this browser: the workspace before every import,
//! merge, reset, scorecard restore and snapshot restore, and one a day.
//! Each snapshot has its own key; a list (oldest first) describes them. The
//! shelf is bounded (see `partnerfit_core::snapshot::Limits`): the oldest go
//! first. Restoring is an undoable step.

use std::cell::Cell;

use leptos::prelude::{ArcTrigger, Notify, Track};
use partnerfit_core::edit::Replacement;
use partnerfit_core::snapshot::{self, Limits, Meta, Reason};
use partnerfit_core::{Date, Workspace};

use super::local::{self, StorageProblem};
use super::StorageKey;
use crate::clock;
use crate::state::{Origin, Store};
use crate::worker::handover::{self, Make};

thread_local! {
    /// Notified whenever a snapshot is kept: one may be kept after the
    /// step that asked for it (packed in the background worker).
    static KEPT: ArcTrigger = ArcTrigger::new();
}

/// Make the reactive code running now run again when a snapshot is kept.
pub fn track_kept() {
    KEPT.with(|t| t.track());
}

/// The snapshots kept, oldest first. A list this version cannot read (a
/// newer one's, a damaged one) is set aside, never overwritten, and rebuilt
/// from the snapshots themselves; `Err` when it could not be set aside (then
/// nothing may be written).
pub fn list() -> Result<Vec<Meta>, StorageProblem> {
    match local::read(&StorageKey::Snapshots)? {
        Some(text) => match serde_json::from_str(&text) {
            Ok(list) => Ok(list),
            Err(_) => {
                local::write(&StorageKey::Unreadable(clock::stamp()), &text)?;
                Ok(rebuild())
            }
        },
        None if local::keys_starting(&snapshot_prefix()).is_empty() => Ok(Vec::new()),
        None => Ok(rebuild()),
    }
}

fn snapshot_prefix() -> String {
    StorageKey::Snapshot(String::new()).name()
}

/// The list made again from the snapshots' own keys and contents (the
/// reason each was taken is lost with the old list).
fn rebuild() -> Vec<Meta> {
    let prefix = snapshot_prefix();
    let list: Vec<Meta> = local::keys_starting(&prefix)
        .into_iter()
        .filter_map(|key| {
            let text = local::read_named(&key)?;
            let ws = snapshot::unpack(&text).ok()?;
            let id = key.strip_prefix(&prefix)?.to_owned();
            let day = id
                .get(..10)
                .and_then(|d| partnerfit_core::Date::parse(d).ok())
                .unwrap_or_else(clock::today);
            let reason = Reason::Before("(not recorded)".into());
            Some(snapshot::meta(id, day, reason, &ws, &text))
        })
        .collect();
    if let Ok(text) = serde_json::to_string(&list) {
        let _ = local::write(&StorageKey::Snapshots, &text);
    }
    list
}

/// Keep the workspace as it is now, because of `reason`. A snapshot that
/// cannot be kept (storage full or off) is reported, and nothing else is
/// touched.
pub fn take(store: Store, reason: Reason) -> Result<Meta, StorageProblem> {
    let (packed, meta) = store.with_untracked(|w| {
        let packed = snapshot::pack(w);
        let meta = snapshot::meta(clock::stamp_ms(), clock::today(), reason, w, &packed);
        (packed, meta)
    });
    keep_packed(&packed, meta)
}

/// Keep `ws` (the workspace as it was before a replacement, say) as a
/// snapshot because of `reason`, without holding the page: packed in the
/// background worker unless it is small (packing 100,000 accounts takes
/// seconds); `said` gets the snapshot kept, or why none could be.
pub fn keep(ws: Workspace, reason: Reason, said: impl FnOnce(Result<Meta, String>) + 'static) {
    leptos::task::spawn_local(async move {
        let packed = match handover::make(ws.clone(), Make::Snapshot).await {
            Ok(bytes) => String::from_utf8(bytes.to_vec())
                .map_err(|_| "the background worker sent a damaged snapshot".to_owned()),
            Err(e) => Err(e),
        };
        said(packed.and_then(|packed| {
            let meta = snapshot::meta(clock::stamp_ms(), clock::today(), reason, &ws, &packed);
            keep_packed(&packed, meta).map_err(|e| e.to_string())
        }));
    });
}

/// Store a packed snapshot and list it, making room first.
fn keep_packed(packed: &str, meta: Meta) -> Result<Meta, StorageProblem> {
    let (kept, gone) = snapshot::shelve(&list()?, meta.clone(), Limits::default());
    if !kept.iter().any(|m| m.id == meta.id) {
        return Err(StorageProblem::Full);
    }
    // Make room first, then write the snapshot, then the list.
    for m in &gone {
        local::remove(&StorageKey::Snapshot(m.id.clone()));
    }
    let index = serde_json::to_string(&kept).expect("snapshot lists serialize");
    if let Err(e) = local::write(&StorageKey::Snapshot(meta.id.clone()), packed) {
        write_list(&kept, &meta.id);
        return Err(e);
    }
    local::write(&StorageKey::Snapshots, &index)?;
    KEPT.with(|t| t.notify());
    Ok(meta)
}

/// Write the list without `missing` (its workspace could not be stored).
fn write_list(kept: &[Meta], missing: &str) {
    let kept: Vec<&Meta> = kept.iter().filter(|m| m.id != missing).collect();
    if let Ok(text) = serde_json::to_string(&kept) {
        let _ = local::write(&StorageKey::Snapshots, &text);
    }
}

/// Today's snapshot, once a day (at start and after a save), unless the
/// workspace is the demo as shipped.
pub fn daily(store: Store) {
    thread_local! {
        /// The day this tab last took (or failed to take) its snapshot.
        static TAKEN: Cell<Option<Date>> = const { Cell::new(None) };
    }
    let today = clock::today();
    if TAKEN.get() == Some(today) || !list().is_ok_and(|l| snapshot::daily_due(&l, today)) {
        return;
    }
    // The demo as shipped is not worth keeping: "Reset the demo" brings it.
    if !store.is_pristine_demo() {
        TAKEN.set(Some(today));
        keep(store.get_untracked(), Reason::Daily, |_| {});
    }
}

/// The workspace of snapshot `id`.
pub fn open(id: &str) -> Result<partnerfit_core::Workspace, String> {
    let text = local::read(&StorageKey::Snapshot(id.to_owned()))
        .map_err(|e| e.to_string())?
        .ok_or_else(|| "This snapshot is no longer in this browser.".to_owned())?;
    snapshot::unpack(&text).map_err(|e| partnerfit_core::words::capitalised(&e.to_string()))
}

/// Restore snapshot `meta`: the current workspace is kept as a snapshot
/// first, and the restore is one undoable step.
pub fn restore(store: Store, meta: &Meta) -> Result<String, String> {
    let ws = open(&meta.id)?;
    let why = Replacement::Snapshot {
        taken: taken_text(meta),
    };
    keep(store.get_untracked(), Reason::Before(why.summary()), |_| {});
    store
        .replace(ws, why, Some(Origin::Own))
        .map(|a| partnerfit_core::words::capitalised(&a.summary))
        .map_err(|e| e.to_string())
}

/// Delete the oldest snapshot to make room; its size, or `None` when there
/// is none.
pub fn drop_oldest() -> Option<usize> {
    let oldest = list().ok()?.into_iter().next()?;
    delete(&oldest.id);
    Some(oldest.size)
}

/// Delete snapshot `id`.
pub fn delete(id: &str) {
    let Ok(list) = list() else { return };
    let kept: Vec<Meta> = list.into_iter().filter(|m| m.id != id).collect();
    local::remove(&StorageKey::Snapshot(id.to_owned()));
    if let Ok(text) = serde_json::to_string(&kept) {
        let _ = local::write(&StorageKey::Snapshots, &text);
    }
}

/// "2026-11-30 10:02" from a snapshot's id.
pub fn taken_text(meta: &Meta) -> String {
    meta.id
        .get(..16)
        .map(|s| s.replacen('T', " ", 1))
        .unwrap_or_else(|| meta.day.to_string())
}
