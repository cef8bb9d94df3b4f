//! Stretching a passphrase into a sealing key off the page's thread.
//!
//! Sealing and opening a link stretch its passphrase with PBKDF2-HMAC-SHA256
//! (600,000 rounds, up to `crypto::MAX_ITERATIONS` for a link we did not
//! write): about a second of frozen page when the core does it in wasm. The
//! browser's Web Crypto runs the same function (`deriveBits`) on its own
//! threads, natively, and answers with a promise, so the page keeps
//! painting and answering keys meanwhile. The key it gives equals the
//! core's [`Stretched::derive`] (a browser test checks it), and the core
//! then seals or opens with [`Secret::Stretched`].
//!
//! Web Crypto exists only in secure contexts (https, localhost): elsewhere
//! the core stretches on the page, after a pause that lets "Unlocking…"
//! paint.
//!
//! [`Secret::Stretched`]: partnerfit_core::share::crypto::Secret::Stretched

use js_sys::{Array, Object, Uint8Array};
use partnerfit_core::share::crypto::{Stretched, Stretching};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, Pbkdf2Params, SubtleCrypto};

/// `passphrase` stretched for `stretching`.
pub async fn stretch(passphrase: &str, stretching: Stretching) -> Stretched {
    if let Some(subtle) = subtle() {
        match by_web_crypto(&subtle, passphrase, stretching).await {
            Ok(key) => return key,
            Err(e) => {
                web_sys::console::warn_2(&"Web Crypto could not stretch the passphrase:".into(), &e)
            }
        }
    }
    gloo_timers::future::TimeoutFuture::new(30).await;
    Stretched::derive(passphrase, stretching)
}

/// The page's Web Crypto, when it has one.
pub fn subtle() -> Option<SubtleCrypto> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let subtle = js_sys::Reflect::get(&crypto, &JsValue::from_str("subtle")).ok()?;
    subtle.dyn_into::<SubtleCrypto>().ok()
}

/// `passphrase` stretched by Web Crypto's PBKDF2, and nothing else.
pub async fn by_web_crypto(
    subtle: &SubtleCrypto,
    passphrase: &str,
    stretching: Stretching,
) -> Result<Stretched, JsValue> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages = Array::of1(&JsValue::from_str("deriveBits"));
    let base = subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages)?;
    let base: CryptoKey = JsFuture::from(base).await?.dyn_into()?;
    let salt = Uint8Array::from(&stretching.salt[..]);
    let params = Pbkdf2Params::new(
        "PBKDF2",
        &JsValue::from_str("SHA-256"),
        stretching.iterations,
        &Object::from(salt),
    );
    let bits = subtle.derive_bits_with_object(&params, &base, 256)?;
    let bits = Uint8Array::new(&JsFuture::from(bits).await?);
    let mut key = [0u8; 32];
    if bits.length() != 32 {
        return Err(JsValue::from_str(
            "Web Crypto gave a key of the wrong length",
        ));
    }
    bits.copy_to(&mut key);
    Ok(Stretched::from_key(stretching, key))
}
