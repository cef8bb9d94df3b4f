//! Fuzz the shared-link decoders: any text as a link, and any bytes as the
//! payload of a well-formed envelope (so the fuzzer gets past the header
//! and base64 into inflate, JSON and validation). Nothing may panic, hang
//! or allocate without bound. Sealed links too: the same bytes as a sealed
//! payload, whose header (length, key-derivation rounds) is checked before
//! any passphrase; one passphrase is tried only when the rounds are the
//! minimum, so a try costs 100,000 PBKDF2 rounds at most, not a link's own
//! choice.
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
    // As a sealed invitation and response: header checks, then a passphrase
    // when the link asks for no more than the minimum rounds.
    for mode in ["ie", "re"] {
        let sealed = format!("pf1.{mode}.{}.{}", data.len(), URL_SAFE_NO_PAD.encode(data));
        if let Ok(e) = envelope::parse(&sealed) {
            if e.stretching().map(|s| s.iterations) == Some(partnerfit_core::share::crypto::MIN_ITERATIONS) {
                let _ = e.open(Some("correct horse battery".into()));
            }
        }
    }
    // And as a JSON body packed properly.
    let packed = envelope::pack(Kind::Response, data, None);
    let _ = response::open(&packed, None);
});

