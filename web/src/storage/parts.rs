//! IndexedDB: the parts of a workspace too large for localStorage (see
//! `partnerfit_core::format::stored_parts`). One database per deployment,
//! named with the storage prefix (`partnerfit@<dir>/:parts`), holding one
//! object store, `parts`: key → the part's JSON text. Parts are only ever
//! added under new keys and deleted when no stored head names them.

use std::collections::{HashMap, HashSet};

use js_sys::{Array, Promise};
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

/// Settle when `target` fires `ok` (with `value()`) or one of `fail`
/// (with `error()`).
async fn settle(
    target: &web_sys::EventTarget,
    ok: &str,
    fail: &[&str],
    value: impl Fn() -> JsValue + 'static,
    error: impl Fn() -> JsValue + 'static,
) -> Result<JsValue, StorageProblem> {
    let (mut value, mut error) = (Some(value), Some(error));
    // The executor runs once, at once.
    let promise = Promise::new(&mut |resolve, reject| {
        let (Some(value), Some(error)) = (value.take(), error.take()) else {
            return;
        };
        let done = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &value());
        });
        let _ = target.add_event_listener_with_callback(ok, done.unchecked_ref());
        let failed = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &error());
        });
        for event in fail {
            let _ = target.add_event_listener_with_callback(event, failed.unchecked_ref());
        }
    });
    JsFuture::from(promise).await.map_err(problem)
}

async fn request(req: IdbRequest) -> Result<JsValue, StorageProblem> {
    let (r, e) = (req.clone(), req.clone());
    settle(
        &req.clone().into(),
        "success",
        &["error"],
        move || r.result().unwrap_or(JsValue::UNDEFINED),
        move || {
            e.error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL)
        },
    )
    .await
}

async fn committed(tx: IdbTransaction) -> Result<(), StorageProblem> {
    let e = tx.clone();
    settle(
        &tx.clone().into(),
        "complete",
        &["error", "abort"],
        || JsValue::UNDEFINED,
        move || e.error().map(JsValue::from).unwrap_or(JsValue::NULL),
    )
    .await
    .map(|_| ())
}

async fn open() -> Result<IdbDatabase, StorageProblem> {
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
    let upgrade = Closure::once_into_js({
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
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = request(req.into()).await?;
    db.dyn_into::<IdbDatabase>().map_err(problem)
}

fn transaction(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, web_sys::IdbObjectStore), StorageProblem> {
    let tx = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(problem)?;
    let store = tx.object_store(STORE).map_err(problem)?;
    Ok((tx, store))
}

/// Store `parts` in one transaction; `Ok` once it is committed.
pub async fn put(parts: &[Part]) -> Result<(), StorageProblem> {
    let db = open().await?;
    let (tx, store) = transaction(&db, IdbTransactionMode::Readwrite)?;
    for part in parts {
        store
            .put_with_key(
                &JsValue::from_str(&part.json),
                &JsValue::from_str(&part.key),
            )
            .map_err(problem)?;
    }
    let done = committed(tx).await;
    db.close();
    done
}

/// The parts stored under `keys` (absent ones are left out).
pub async fn get(
    keys: impl Iterator<Item = &str>,
) -> Result<HashMap<String, String>, StorageProblem> {
    let db = open().await?;
    let (_tx, store) = transaction(&db, IdbTransactionMode::Readonly)?;
    // Every request is made while the transaction is active, then awaited.
    let mut pending = Vec::new();
    for key in keys {
        pending.push((
            key.to_owned(),
            store.get(&JsValue::from_str(key)).map_err(problem)?,
        ));
    }
    let mut found = HashMap::new();
    for (key, req) in pending {
        if let Some(text) = request(req).await?.as_string() {
            found.insert(key, text);
        }
    }
    db.close();
    Ok(found)
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
    let all = request(store.get_all_keys().map_err(problem)?).await?;
    // A transaction of its own: the reading one may have ended.
    let (tx, store) = transaction(&db, IdbTransactionMode::Readwrite)?;
    for key in Array::from(&all).iter() {
        let old = |k: &str| made_at(k).is_none_or(|at| at < before);
        if key
            .as_string()
            .is_some_and(|k| !keep.contains(&k) && old(&k))
        {
            store.delete(&key).map_err(problem)?;
        }
    }
    let done = committed(tx).await;
    db.close();
    done
}
