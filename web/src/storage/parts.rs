//! IndexedDB: the parts of a workspace too large for localStorage (see
//! `partnerfit_core::format::stored_parts`). One database per deployment,
//! named with the storage prefix (`partnerfit@<dir>/:parts`), holding one
//! object store, `parts`: key → the part's JSON text. Parts are only ever
//! added under new keys and deleted when no stored head names them.

use std::collections::{HashMap, HashSet};

use js_sys::{Array, Function, Promise};
use partnerfit_core::format::stored_encoder::Part;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

use super::local::StorageProblem;

const STORE: &str = "parts";

fn database_name() -> String {
    format!("{}parts", super::keys::prefix())
}

/// A key for a new part: unique across tabs and reloads.
pub fn new_key() -> String {
    format!(
        "{:x}-{:016x}",
        js_sys::Date::now() as u64,
        crate::clock::entropy()
    )
}

fn problem(e: JsValue) -> StorageProblem {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" => StorageProblem::Full,
        Some(d) => StorageProblem::Failed(format!(
            "the browser's database (IndexedDB): {}: {}",
            d.name(),
            d.message()
        )),
        None => StorageProblem::Failed(format!("the browser's database (IndexedDB): {e:?}")),
    }
}

/// An event handler of a request or transaction.
type Handler = Closure<dyn FnMut(web_sys::Event)>;

/// Handlers set on a request or transaction while it is awaited. Dropping
/// this (once the wait is over, or when the waiting future is dropped)
/// first takes them off the target, then frees them: no handler outlives
/// the wait, so nothing pins the request and its result (possibly
/// megabytes of workspace text) afterwards, and the browser never calls a
/// freed closure.
struct Attached<D: Fn()> {
    detach: D,
    _handlers: Vec<Handler>,
}

impl<D: Fn()> Drop for Attached<D> {
    fn drop(&mut self) {
        (self.detach)();
    }
}

/// A database connection, closed when dropped (on every path, errors
/// included: an open connection blocks deleting or upgrading the database).
struct Connection(IdbDatabase);

impl Drop for Connection {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// Wait until the handler `attach` sets first (success, complete) or
/// second (error, abort) is called: `true` for the first. Each handler may
/// be called any number of times (a transaction fires error, then abort):
/// the first call decides. `detach` takes them off again.
async fn outcome(attach: impl FnOnce(&Function, &Function), detach: impl Fn()) -> bool {
    let mut settle = None;
    // The executor runs once, at once.
    let promise = Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
    let Some((resolve, reject)) = settle else {
        return false;
    };
    let ok: Handler = Closure::new(move |_: web_sys::Event| {
        let _ = resolve.call0(&JsValue::NULL);
    });
    let failed: Handler = Closure::new(move |_: web_sys::Event| {
        let _ = reject.call0(&JsValue::NULL);
    });
    attach(ok.as_ref().unchecked_ref(), failed.as_ref().unchecked_ref());
    let _attached = Attached {
        detach,
        _handlers: vec![ok, failed],
    };
    JsFuture::from(promise).await.is_ok()
}

/// The result of `req` once it succeeded, or its error.
async fn request(req: &IdbRequest) -> Result<JsValue, StorageProblem> {
    let succeeded = outcome(
        |ok, failed| {
            req.set_onsuccess(Some(ok));
            req.set_onerror(Some(failed));
        },
        || {
            req.set_onsuccess(None);
            req.set_onerror(None);
        },
    )
    .await;
    if succeeded {
        req.result().map_err(problem)
    } else {
        Err(failure(req.error().ok().flatten(), "the request failed"))
    }
}

/// `Ok` once `tx` is committed; its error when it failed or was aborted.
async fn committed(tx: &IdbTransaction) -> Result<(), StorageProblem> {
    let succeeded = outcome(
        |ok, failed| {
            tx.set_oncomplete(Some(ok));
            tx.set_onerror(Some(failed));
            tx.set_onabort(Some(failed));
        },
        || {
            tx.set_oncomplete(None);
            tx.set_onerror(None);
            tx.set_onabort(None);
        },
    )
    .await;
    if succeeded {
        Ok(())
    } else {
        Err(failure(tx.error(), "the transaction was aborted"))
    }
}

/// The problem an error names, or `otherwise` when there is none.
fn failure(error: Option<web_sys::DomException>, otherwise: &str) -> StorageProblem {
    match error {
        Some(e) => problem(e.into()),
        None => StorageProblem::Failed(format!("the browser's database (IndexedDB): {otherwise}")),
    }
}

async fn open() -> Result<Connection, StorageProblem> {
    let factory = web_sys::window()
        .ok_or_else(|| StorageProblem::Unavailable("no window".into()))?
        .indexed_db()
        .map_err(problem)?
        .ok_or_else(|| {
            StorageProblem::Unavailable("the browser's database (IndexedDB) is disabled".into())
        })?;
    let req: IdbOpenDbRequest = factory
        .open_with_u32(&database_name(), 1)
        .map_err(problem)?;
    let upgrade: Handler = Closure::new({
        let req = req.clone();
        move |_: web_sys::Event| {
            if let Some(db) = req
                .result()
                .ok()
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let _upgrade = Attached {
        detach: || req.set_onupgradeneeded(None),
        _handlers: vec![upgrade],
    };
    let db = request(&req).await?;
    db.dyn_into::<IdbDatabase>()
        .map(Connection)
        .map_err(problem)
}

fn transaction(
    db: &Connection,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, web_sys::IdbObjectStore), StorageProblem> {
    let tx =
        db.0.transaction_with_str_and_mode(STORE, mode)
            .map_err(problem)?;
    let store = tx.object_store(STORE).map_err(problem)?;
    Ok((tx, store))
}

/// Store `parts` in one transaction; `Ok` once it is committed. Each is
/// stored as a Blob of its UTF-8 bytes: a string or a byte array would be
/// serialized by the database on the page's thread (about 50 ms for 20 MB
/// in Chromium), a Blob is only referenced. Each Blob is made of slices
/// of [`BLOB_SLICE`] bytes, each copied in a task of its own straight out
/// of the wasm memory, then joined (by reference); the transaction is
/// opened after, since one stays open only within the task that uses it.
pub async fn put(parts: &[Part]) -> Result<(), StorageProblem> {
    let mut blobs = Vec::with_capacity(parts.len());
    for part in parts {
        blobs.push(blob_of(&part.json).await.map_err(problem)?);
    }
    let db = open().await?;
    let (tx, store) = transaction(&db, IdbTransactionMode::Readwrite)?;
    for (part, blob) in parts.iter().zip(&blobs) {
        if let Err(e) = store.put_with_key(blob, &JsValue::from_str(&part.key)) {
            // Not some of the parts: none.
            let _ = tx.abort();
            return Err(problem(e));
        }
    }
    committed(&tx).await
}

/// Bytes copied into a Blob in one task: a 20 MB part copied at once was
/// a task of 55 ms on a slow machine.
const BLOB_SLICE: usize = 4 << 20;

/// A Blob of `text`'s UTF-8 bytes, a slice per task.
async fn blob_of(text: &str) -> Result<web_sys::Blob, JsValue> {
    let slices = Array::new();
    for slice in text.as_bytes().chunks(BLOB_SLICE) {
        gloo_timers::future::TimeoutFuture::new(0).await;
        // SAFETY: the view is read by the Blob constructor at once. The
        // wasm memory could still grow before (wasm-bindgen's externref
        // table takes a slot for the view and the array), which detaches
        // the view: the Blob's size tells, and the slice is then copied.
        let bytes = unsafe { js_sys::Uint8Array::view(slice) };
        let mut blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&bytes))?;
        if blob.size() as usize != slice.len() {
            let copied = js_sys::Uint8Array::from(slice);
            blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&copied))?;
        }
        slices.push(&blob);
    }
    web_sys::Blob::new_with_blob_sequence(&slices)
}

/// The parts stored under `keys` (absent ones are left out).
pub async fn get(
    keys: impl Iterator<Item = &str>,
) -> Result<HashMap<String, String>, StorageProblem> {
    let db = open().await?;
    let (tx, store) = transaction(&db, IdbTransactionMode::Readonly)?;
    // Every request is made while the transaction is active; they are
    // read once it completed (it completes after all of them succeeded).
    let mut pending = Vec::new();
    for key in keys {
        pending.push((
            key.to_owned(),
            store.get(&JsValue::from_str(key)).map_err(problem)?,
        ));
    }
    committed(&tx).await?;
    let mut found = HashMap::new();
    for (key, req) in pending {
        let stored = req.result().map_err(problem)?;
        let stored = match stored.dyn_into::<web_sys::Blob>() {
            Ok(blob) => JsFuture::from(blob.array_buffer())
                .await
                .map(|buf| js_sys::Uint8Array::new(&buf).into())
                .map_err(problem)?,
            Err(other) => other,
        };
        if let Some(text) = part_text(&stored) {
            found.insert(key, text);
        }
    }
    Ok(found)
}

/// A stored part's text: UTF-8 bytes (stored as a Blob, or as bytes), or a
/// string (as the first versions stored parts). Bytes that are not UTF-8 come back with replacement
/// characters, so reading the part names it as unreadable.
fn part_text(stored: &JsValue) -> Option<String> {
    if let Some(bytes) = stored.dyn_ref::<js_sys::Uint8Array>() {
        let bytes = bytes.to_vec();
        return Some(match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        });
    }
    stored.as_string()
}

/// When a part was made (milliseconds since the epoch), from its key.
fn made_at(key: &str) -> Option<f64> {
    let ms = key.split_once('-')?.0;
    u64::from_str_radix(ms, 16).ok().map(|ms| ms as f64)
}

/// Delete every part whose key is not in `keep` and that was made before
/// `before` (milliseconds since the epoch; a key of another form counts as
/// old).
pub async fn keep_only(keep: &HashSet<String>, before: f64) -> Result<(), StorageProblem> {
    let db = open().await?;
    let (_read, store) = transaction(&db, IdbTransactionMode::Readonly)?;
    let all = request(&store.get_all_keys().map_err(problem)?).await?;
    // A transaction of its own: the reading one may have ended.
    let (tx, store) = transaction(&db, IdbTransactionMode::Readwrite)?;
    for key in Array::from(&all).iter() {
        let old = |k: &str| made_at(k).is_none_or(|at| at < before);
        if key
            .as_string()
            .is_some_and(|k| !keep.contains(&k) && old(&k))
        {
            if let Err(e) = store.delete(&key) {
                let _ = tx.abort();
                return Err(problem(e));
            }
        }
    }
    committed(&tx).await
}
