//! Fuzz the shared-link decoders: any text as a link, and any bytes as the
//! payload of a well-formed envelope (so the fuzzer gets past the header
//! and base64 into inflate, JSON and validation). Nothing may panic, hang
//! or allocate without bound. (No passphrase is tried: each try would run
//! 600,000 PBKDF2 rounds; sealed envelopes stop at "needs a passphrase".)
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use partnerfit_core::share::envelope::{self, Kind};
use partnerfit_core::share::{invitation, response};
use partnerfit_core::Date;

fuzz_target!(|data: &[u8]| {
    let today = Date::from_ymd(2026, 11, 25).expect("a date");
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = invitation::open(text, None, today);
        let _ = response::open(text, None);
    }
    // The same bytes as a deflate stream inside a valid envelope header.
    let wrapped = format!(
        "pf1.ip.{}.{}",
        data.len(),
        URL_SAFE_NO_PAD.encode(data)
    );
    let _ = envelope::parse(&wrapped).and_then(|e| e.open(None));
    let _ = invitation::open(&wrapped, None, today);
    let _ = response::open(&wrapped.replacen("pf1.ip", "pf1.rp", 1), None);
    // And as a JSON body packed properly.
    let packed = envelope::pack(Kind::Response, data, None);
    let _ = response::open(&packed, None);
});

