//! The envelope every shared link and file carries: a versioned header, then
//! deflate-compressed JSON (sealed with a passphrase if asked), in base64url.
//!
//! Text form: `pf1.<kind><mode>.<bytes>.<data>`
//! - `pf1`: Partnerfit link format 1;
//! - kind `i` (invitation) or `r` (response); mode `p` (plain) or `e`
//!   (encrypted with a passphrase, see [`super::crypto`]);
//! - `<bytes>`: the length of the decoded data, so a link cut off by an
//!   e-mail program is told apart from a damaged one;
//! - `<data>`: base64url without padding.
//!
//! It travels in a URL fragment (`…/respond/#pf1.ip.…`), which browsers never
//! send to a server, or in a small JSON file (see [`file_text`]).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use miniz_oxide::inflate::TINFLStatus;

use super::crypto::{self, OpenError, SealEntropy};
use super::error::ShareError;

/// The link format this version writes and reads.
pub const LINK_VERSION: u32 = 1;
pub use super::limits::{MAX_TEXT_CHARS, MAX_UNPACKED};
/// The `format` of a shared file.
pub const FILE_FORMAT: &str = "partnerfit-share";

/// What an envelope carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Invitation,
    Response,
}

impl Kind {
    fn letter(self) -> char {
        match self {
            Kind::Invitation => 'i',
            Kind::Response => 'r',
        }
    }
    /// "invitation" / "response".
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Invitation => "invitation",
            Kind::Response => "response",
        }
    }
}

/// A parsed envelope, not yet opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub kind: Kind,
    /// Needs a passphrase to open.
    pub sealed: bool,
    data: Vec<u8>,
}

fn header(kind: Kind, sealed: bool) -> String {
    format!(
        "pf{LINK_VERSION}.{}{}",
        kind.letter(),
        if sealed { 'e' } else { 'p' }
    )
}

/// Pack `json` into envelope text; with `passphrase`, sealed under it.
pub fn pack(kind: Kind, json: &[u8], passphrase: Option<(&str, SealEntropy)>) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(json, 10);
    let sealed = passphrase.is_some();
    let head = header(kind, sealed);
    let data = match passphrase {
        Some((p, e)) => crypto::seal(&packed, p, crypto::ITERATIONS, e, head.as_bytes()),
        None => packed,
    };
    format!("{head}.{}.{}", data.len(), URL_SAFE_NO_PAD.encode(&data))
}

/// The envelope text inside what a user pasted or opened: a whole link
/// (anything after the last `#`), a shared file's JSON, or the bare text.
/// Whitespace (e-mail line breaks) is ignored.
pub fn extract(input: &str) -> Result<String, ShareError> {
    if input.len() > MAX_TEXT_CHARS {
        return Err(ShareError::TooLong(input.chars().count()));
    }
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ShareError::Empty);
    }
    if trimmed.starts_with('{') {
        return from_file(trimmed);
    }
    let after_hash = trimmed.rsplit_once('#').map_or(trimmed, |(_, f)| f);
    let text: String = after_hash.chars().filter(|c| !c.is_whitespace()).collect();
    // Some mail programs percent-encode the fragment's dots.
    Ok(text.replace("%2E", ".").replace("%2e", "."))
}

fn from_file(text: &str) -> Result<String, ShareError> {
    let v: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| ShareError::BadFile(format!("it is not valid JSON ({e})")))?;
    if v.get("format").and_then(|f| f.as_str()) != Some(FILE_FORMAT) {
        return Err(ShareError::BadFile(format!(
            "its \"format\" is not \"{FILE_FORMAT}\""
        )));
    }
    match v.get("format_version").and_then(|f| f.as_u64()) {
        Some(1) => {}
        Some(n) if n > 1 => return Err(ShareError::NewerVersion(n)),
        _ => {
            return Err(ShareError::BadFile(
                "its \"format_version\" is missing or not 1".into(),
            ))
        }
    }
    v.get("envelope")
        .and_then(|e| e.as_str())
        .map(|e| e.chars().filter(|c| !c.is_whitespace()).collect())
        .ok_or_else(|| ShareError::BadFile("it has no \"envelope\" text".into()))
}

/// The file form of an envelope: small JSON with the link beside it.
pub fn file_text(kind: Kind, envelope: &str, link: &str) -> String {
    let v = serde_json::json!({
        "format": FILE_FORMAT,
        "format_version": 1,
        "kind": kind.noun(),
        "link": link,
        "envelope": envelope,
    });
    serde_json::to_string_pretty(&v).expect("a JSON value always serializes") + "\n"
}

/// Parse envelope text (see [`extract`] for pasted input).
pub fn parse(text: &str) -> Result<Envelope, ShareError> {
    if text.len() > MAX_TEXT_CHARS {
        return Err(ShareError::TooLong(text.chars().count()));
    }
    let Some(rest) = text.strip_prefix("pf") else {
        return Err(ShareError::NotPartnerfit);
    };
    let mut parts = rest.splitn(4, '.');
    let (version, mode, len, data) = (parts.next(), parts.next(), parts.next(), parts.next());
    let version: u64 = match version.and_then(|v| v.parse().ok()) {
        Some(v) => v,
        None => return Err(ShareError::NotPartnerfit),
    };
    if version > u64::from(LINK_VERSION) {
        return Err(ShareError::NewerVersion(version));
    }
    if version != u64::from(LINK_VERSION) {
        return Err(ShareError::NotPartnerfit);
    }
    let (kind, sealed) = match mode {
        Some("ip") => (Kind::Invitation, false),
        Some("ie") => (Kind::Invitation, true),
        Some("rp") => (Kind::Response, false),
        Some("re") => (Kind::Response, true),
        Some(other) => return Err(ShareError::BadHeader(other.chars().take(8).collect())),
        None => return Err(ShareError::Truncated),
    };
    let (Some(len), Some(data)) = (len, data) else {
        return Err(ShareError::Truncated);
    };
    let declared: usize = len
        .parse()
        .map_err(|_| ShareError::BadHeader(len.chars().take(8).collect()))?;
    if let Some((pos, c)) = data
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(ShareError::BadCharacter {
            position: pos + 1,
            character: c,
        });
    }
    // Base64 without padding: 4 characters per 3 bytes.
    let expected_chars = declared / 3 * 4 + [0, 2, 3][declared % 3];
    if data.len() < expected_chars {
        return Err(ShareError::Truncated);
    }
    if data.len() > expected_chars {
        return Err(ShareError::Damaged(
            "it is longer than its header says".into(),
        ));
    }
    let data = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|e| ShareError::Damaged(format!("its data is not base64url ({e})")))?;
    Ok(Envelope { kind, sealed, data })
}

impl Envelope {
    /// The PBKDF2 iteration count a sealed envelope asks for.
    pub fn iterations(&self) -> Option<u32> {
        self.sealed
            .then(|| crypto::iterations_of(&self.data))
            .flatten()
    }

    /// The JSON inside: unsealed with `passphrase` if needed, inflated up to
    /// [`MAX_UNPACKED`] bytes.
    pub fn open(&self, passphrase: Option<&str>) -> Result<Vec<u8>, ShareError> {
        let packed = if self.sealed {
            let p = passphrase
                .filter(|p| !p.is_empty())
                .ok_or(ShareError::NeedsPassphrase)?;
            let head = header(self.kind, true);
            crypto::open(&self.data, p, head.as_bytes()).map_err(|e| match e {
                OpenError::Truncated => ShareError::Truncated,
                OpenError::Iterations(n) => ShareError::Iterations(n),
                OpenError::Rejected => ShareError::WrongPassphrase,
            })?
        } else {
            self.data.clone()
        };
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED).map_err(|e| {
            match e.status {
                TINFLStatus::HasMoreOutput => ShareError::TooLarge,
                TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                    ShareError::Truncated
                }
                _ => ShareError::Damaged("its compressed data is corrupt".into()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<(), ShareError>) {
        let got = extract(input)
            .and_then(|t| parse(&t))
            .and_then(|e| e.open(None))
            .map(|_| ());
        assert_eq!(got, expected, "{input:?}");
    }

    #[test]
    fn round_trip_plain_and_each_way_of_pasting() {
        let json = br#"{"hello":"world"}"#;
        let text = pack(Kind::Response, json, None);
        assert!(text.starts_with("pf1.rp."), "{text}");
        let link = format!("https://example.com/partnerfit/response#{text}");
        let wrapped = format!("{}\n  {}", &link[..40], &link[40..]);
        let file = file_text(Kind::Response, &text, &link);
        for input in [
            text.as_str(),
            link.as_str(),
            wrapped.as_str(),
            file.as_str(),
        ] {
            let env = parse(&extract(input).unwrap()).unwrap();
            assert_eq!(env.kind, Kind::Response);
            assert_eq!(env.open(None).unwrap(), json);
        }
    }

    #[test]
    fn bad_input_gets_a_specific_error() {
        let good = pack(Kind::Invitation, br#"{"a":1}"#, None);
        let cut = &good[..good.len() - 3];
        let (head, data) = good.rsplit_once('.').unwrap();
        check("", Err(ShareError::Empty));
        check("https://example.com/#hello", Err(ShareError::NotPartnerfit));
        check("pf9.ip.3.abcd", Err(ShareError::NewerVersion(9)));
        check("pf1.xx.3.abcd", Err(ShareError::BadHeader("xx".into())));
        check(cut, Err(ShareError::Truncated));
        check("pf1.ip", Err(ShareError::Truncated));
        check(
            &format!("{head}.{}<{}", &data[..2], &data[3..]),
            Err(ShareError::BadCharacter {
                position: 3,
                character: '<',
            }),
        );
        check(
            &format!("{good}AA"),
            Err(ShareError::Damaged(
                "it is longer than its header says".into(),
            )),
        );
        // Flipped bits inside the deflate stream.
        let mut bytes = URL_SAFE_NO_PAD.decode(data).unwrap();
        bytes[0] ^= 0xFF;
        let garbled = format!("{head}.{}", URL_SAFE_NO_PAD.encode(&bytes));
        assert!(matches!(
            parse(&garbled).and_then(|e| e.open(None)),
            Err(ShareError::Damaged(_) | ShareError::Truncated)
        ));
    }

    #[test]
    fn a_decompression_bomb_is_refused() {
        let bomb = vec![b'a'; MAX_UNPACKED * 20];
        let text = pack(Kind::Response, &bomb, None);
        assert!(text.len() < 2_000, "a bomb is small: {}", text.len());
        assert_eq!(parse(&text).unwrap().open(None), Err(ShareError::TooLarge));
    }

    #[test]
    fn sealed_needs_the_passphrase() {
        let e = SealEntropy {
            salt: [1; 16],
            nonce: [2; 12],
        };
        let text = pack(Kind::Invitation, b"{}", Some(("open sesame", e)));
        assert!(text.starts_with("pf1.ie."));
        let env = parse(&text).unwrap();
        assert_eq!(env.iterations(), Some(crypto::ITERATIONS));
        assert_eq!(env.open(None), Err(ShareError::NeedsPassphrase));
        assert_eq!(env.open(Some("open sesame")).unwrap(), b"{}");
        assert_eq!(
            env.open(Some("open sesam")),
            Err(ShareError::WrongPassphrase)
        );
        // A sealed invitation relabelled as a response does not open.
        let relabelled = text.replacen("pf1.ie.", "pf1.re.", 1);
        assert_eq!(
            parse(&relabelled).unwrap().open(Some("open sesame")),
            Err(ShareError::WrongPassphrase)
        );
    }
}
