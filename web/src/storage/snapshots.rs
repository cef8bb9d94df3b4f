//! Snapshots kept in this browser: the workspace before every import,
//! merge, reset, scorecard restore and snapshot restore, and one a day.
//! Each snapshot has its own key; a list (oldest first) describes them. The
//! shelf is bounded (see `partnerfit_core::snapshot::Limits`): the oldest go
//! first. Restoring is an undoable step.

use partnerfit_core::edit::Replacement;
use partnerfit_core::snapshot::{self, Limits, Meta, Reason};

use super::local::{self, StorageProblem};
use super::StorageKey;
use crate::clock;
use crate::state::Store;

/// The snapshots kept, oldest first (an unreadable list counts as none).
pub fn list() -> Vec<Meta> {
    local::read(&StorageKey::Snapshots)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
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
    let (kept, gone) = snapshot::shelve(&list(), meta.clone(), Limits::default());
    if !kept.iter().any(|m| m.id == meta.id) {
        return Err(StorageProblem::Full);
    }
    // Make room first, then write the snapshot, then the list.
    for m in &gone {
        local::remove(&StorageKey::Snapshot(m.id.clone()));
    }
    let index = serde_json::to_string(&kept).expect("snapshot lists serialize");
    if let Err(e) = local::write(&StorageKey::Snapshot(meta.id.clone()), &packed) {
        write_list(&kept, &meta.id);
        return Err(e);
    }
    local::write(&StorageKey::Snapshots, &index)?;
    Ok(meta)
}

/// Write the list without `missing` (its workspace could not be stored).
fn write_list(kept: &[Meta], missing: &str) {
    let kept: Vec<&Meta> = kept.iter().filter(|m| m.id != missing).collect();
    if let Ok(text) = serde_json::to_string(&kept) {
        let _ = local::write(&StorageKey::Snapshots, &text);
    }
}

/// Today's snapshot, once a day.
pub fn daily(store: Store) {
    if snapshot::daily_due(&list(), clock::today()) {
        let _ = take(store, Reason::Daily);
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
    let _ = take(store, Reason::Restore);
    store
        .replace(
            ws,
            Replacement::Snapshot {
                taken: taken_text(meta),
            },
        )
        .map(|a| partnerfit_core::words::capitalised(&a.summary))
        .map_err(|e| e.to_string())
}

/// Delete the oldest snapshot to make room; false when there is none.
pub fn drop_oldest() -> bool {
    match list().first() {
        Some(m) => {
            delete(&m.id);
            true
        }
        None => false,
    }
}

/// Delete snapshot `id`.
pub fn delete(id: &str) {
    let kept: Vec<Meta> = list().into_iter().filter(|m| m.id != id).collect();
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
