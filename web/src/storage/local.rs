//! localStorage access that never throws: storage may be disabled (private
//! mode, policies) or full, and the app must keep working in memory.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::StorageKey;

/// Why storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// Storage is disabled or blocked (private mode, browser settings).
    Unavailable(String),
    /// The browser's storage quota is used up.
    Full,
    /// The workspace is far larger than browser storage holds.
    TooLarge { accounts: usize },
    /// Any other failure, with the browser's words.
    Failed(String),
}

impl std::fmt::Display for StorageProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageProblem::Unavailable(why) => write!(
                f,
                "This browser does not let Partnerfit save ({why}). Private windows and some settings block storage."
            ),
            StorageProblem::Full => f.write_str(
                "The browser's storage for this site is full, so the latest changes are not saved.",
            ),
            StorageProblem::TooLarge { accounts } => write!(
                f,
                "This workspace holds {accounts} accounts, more than browser storage can keep, so changes are not saved in this browser."
            ),
            StorageProblem::Failed(why) => write!(f, "Saving failed: {why}"),
        }
    }
}

/// Is localStorage usable? Probes without letting an exception escape.
pub fn available() -> Result<(), StorageProblem> {
    let window =
        web_sys::window().ok_or_else(|| StorageProblem::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(StorageProblem::Unavailable("storage is disabled".into())),
        Err(e) => Err(StorageProblem::Unavailable(describe(&e))),
    }
}

fn describe(e: &wasm_bindgen::JsValue) -> String {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", d.name(), d.message())
    } else if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        String::from(err.message())
    } else {
        format!("{e:?}")
    }
}

fn classify(e: &wasm_bindgen::JsValue) -> StorageProblem {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" || d.code() == 22 => StorageProblem::Full,
        _ => StorageProblem::Failed(describe(e)),
    }
}

/// The raw text under `key`.
pub fn read(key: &StorageKey) -> Result<Option<String>, StorageProblem> {
    available()?;
    LocalStorage::raw()
        .get_item(&key.name())
        .map_err(|e| classify(&e))
}

/// Store raw text under `key`.
pub fn write(key: &StorageKey, value: &str) -> Result<(), StorageProblem> {
    available()?;
    LocalStorage::raw()
        .set_item(&key.name(), value)
        .map_err(|e| classify(&e))
}

/// Remove `key`.
pub fn remove(key: &StorageKey) {
    if available().is_ok() {
        LocalStorage::delete(key.name());
    }
}

/// A small typed preference (JSON via gloo-storage); `None` when absent or unreadable.
pub fn get_pref<T: for<'de> serde::Deserialize<'de>>(key: &StorageKey) -> Option<T> {
    available().ok()?;
    LocalStorage::get(key.name()).ok()
}

/// Store a small typed preference; failures are ignored (preferences are optional).
pub fn set_pref<T: serde::Serialize>(key: &StorageKey, value: &T) {
    if available().is_ok() {
        let _ = LocalStorage::set(key.name(), value);
    }
}

/// Keys under our prefix holding unreadable workspaces, newest first.
pub fn unreadable_keys() -> Vec<String> {
    let mut keys = keys_starting(&StorageKey::Unreadable(String::new()).name());
    keys.reverse();
    keys
}

/// Every key that starts with `prefix`, in order.
pub fn keys_starting(prefix: &str) -> Vec<String> {
    if available().is_err() {
        return Vec::new();
    }
    let raw = LocalStorage::raw();
    let n = raw.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..n)
        .filter_map(|i| raw.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect();
    keys.sort();
    keys
}

/// Read any key by its full name (for unreadable backups).
pub fn read_named(name: &str) -> Option<String> {
    available().ok()?;
    LocalStorage::raw().get_item(name).ok().flatten()
}

/// Remove any key by its full name.
pub fn remove_named(name: &str) {
    if available().is_ok() {
        LocalStorage::delete(name);
    }
}

/// Move keys written before keys were scoped (`partnerfit.*`) into this
/// deployment's scope, once: only when this deployment has no workspace of
/// its own yet (so a second deployment on the origin never takes another's
/// data), and never over a scoped key that exists. Key by key, the old one
/// is removed before the new one is written, so a move needs no more room
/// than the value already takes (storage may be nearly full: a workspace
/// and its snapshots); if a write still fails, the value goes back under
/// its old name and the keys not yet moved stay, for the next start.
/// Returns how many keys moved.
pub fn adopt_unscoped_keys() -> usize {
    use super::keys::{prefix, scoped, UNSCOPED_PREFIX};
    if available().is_err() || matches!(read(&StorageKey::Workspace), Ok(Some(_))) {
        return 0;
    }
    let raw = LocalStorage::raw();
    let mut moved = 0;
    for key in keys_starting(UNSCOPED_PREFIX) {
        let Some(new) = scoped(&key, prefix()) else {
            continue;
        };
        let (Ok(Some(value)), Ok(None)) = (raw.get_item(&key), raw.get_item(&new)) else {
            continue;
        };
        let _ = raw.remove_item(&key);
        if raw.set_item(&new, &value).is_err() {
            // The room just freed takes it back.
            let _ = raw.set_item(&key, &value);
            break;
        }
        moved += 1;
    }
    moved
}
