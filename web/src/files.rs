//! Files in and out of the browser: downloads and reading picked or dropped files.

use partnerfit_core::format::MAX_FILE_BYTES;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offer `text` as a download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    offer(
        name,
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts),
    )
}

/// Offer `bytes` as a download named `name` (a CSV export, say).
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download_array(name, mime, &js_sys::Uint8Array::from(bytes))
}

/// Offer bytes held outside the wasm memory as a download named `name`.
pub fn download_array(name: &str, mime: &str, bytes: &js_sys::Uint8Array) -> Result<(), String> {
    let parts = js_sys::Array::of1(bytes);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    offer(
        name,
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts),
    )
}

/// Start the download of a prepared blob.
fn offer(name: &str, blob: Result<web_sys::Blob, JsValue>) -> Result<(), String> {
    let fail = |what: &str, e: JsValue| format!("could not {what}: {e:?}");
    let blob = blob.map_err(|e| fail("prepare the file", e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|e| fail("prepare the file", e))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| fail("create a link", e))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Let the download start before releasing the blob.
    let url2 = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url2);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Read a picked or dropped file as text, refusing files over the workspace limit.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        return Err(format!(
            "{} is {:.1} MB; the limit is {:.0} MB",
            file.name(),
            size / 1e6,
            MAX_FILE_BYTES as f64 / 1e6
        ));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| format!("could not read {}: {e:?}", file.name()))?;
    text.as_string()
        .ok_or_else(|| format!("{} is not a text file", file.name()))
}

/// The first file of a file input or a drop.
pub fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|f| f.get(0))
}

/// Read a picked or dropped file as bytes, refusing files over `limit` bytes.
pub async fn read_bytes(file: web_sys::File, limit: usize) -> Result<Vec<u8>, String> {
    Ok(read_array(file, limit).await?.to_vec())
}

/// Read a picked or dropped file as a byte array outside the wasm memory
/// (to hand to the background worker), refusing files over `limit` bytes.
pub async fn read_array(file: web_sys::File, limit: usize) -> Result<js_sys::Uint8Array, String> {
    if file.size() > limit as f64 {
        return Err(format!(
            "{} is {:.1} MB; the limit is {:.0} MB",
            file.name(),
            file.size() / 1e6,
            limit as f64 / 1e6
        ));
    }
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("could not read {}: {e:?}", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buf))
}
