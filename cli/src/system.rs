//! The command line's clock and randomness (the core takes both as arguments).

use partnerfit_core::Date;

/// Today (UTC), or `--date` when given.
pub fn today(date: Option<&str>) -> Result<Date, String> {
    if let Some(d) = date {
        return Date::parse(d).map_err(|e| format!("--date: {e}"));
    }
    let secs = now_unix_seconds()?;
    let epoch = Date::from_ymd(1970, 1, 1).expect("1970-01-01 is a date");
    Ok(epoch.add_days(secs / 86_400))
}

/// Seconds since the Unix epoch, now (UTC).
pub fn now_unix_seconds() -> Result<i64, String> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| format!("the system clock is before 1970: {e}"))?
        .as_secs();
    i64::try_from(secs).map_err(|_| "the system clock is past the year 292 billion".to_owned())
}

/// `N` bytes from the operating system's random source.
pub fn random<const N: usize>() -> Result<[u8; N], String> {
    let mut out = [0u8; N];
    getrandom::fill(&mut out).map_err(|e| format!("no random source: {e}"))?;
    Ok(out)
}

/// A passphrase from the environment variable named by `--passphrase-env`
/// (never from the command line, where other users can see it).
pub fn passphrase(var: Option<&str>) -> Result<Option<String>, String> {
    match var {
        None => Ok(None),
        Some(v) => std::env::var(v)
            .map(Some)
            .map_err(|_| format!("--passphrase-env: the environment variable {v} is not set")),
    }
}
