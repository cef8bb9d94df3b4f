//! The shell's clock and entropy: the core never reads either, it is given them.

use partnerfit_core::Date;

/// Today's local date.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::from_ymd(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or_else(|| Date::from_ymd(2026, 1, 1).expect("valid date"))
}

/// Entropy for new ids (not for secrets).
pub fn entropy() -> u64 {
    let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let lo = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (hi << 32) | lo
}

/// Seconds since the Unix epoch (a calendar file's time stamp).
pub fn unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// A sortable timestamp for backup keys, e.g. `2026-11-25T15:04:05`.
pub fn stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{}T{:02}:{:02}:{:02}",
        today(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// A sortable timestamp to the millisecond, e.g. `2026-11-25T15:04:05.123`.
pub fn stamp_ms() -> String {
    let d = js_sys::Date::new_0();
    format!("{}.{:03}", stamp(), d.get_milliseconds())
}

/// Milliseconds from the page's time origin (for measurements).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

/// `N` bytes from the browser's cryptographic random source (secrets,
/// salts, nonces). Fails only without `window.crypto`.
pub fn secure_random<const N: usize>() -> Result<[u8; N], String> {
    let mut out = [0u8; N];
    web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(|e| format!("no cryptographic random source: {e:?}"))?
        .get_random_values_with_u8_array(&mut out)
        .map_err(|e| format!("no cryptographic random source: {e:?}"))?;
    Ok(out)
}
