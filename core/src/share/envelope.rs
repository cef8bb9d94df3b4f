//! The envelope every shared link and file carries: a versioned header, then
//! deflate-compressed JSON (sealed with a passphrase if asked), in base64url.
//!
//! Text form: `pf<version>.<kind><mode>.<bytes>.<data>`
//! - `pf1`, `pf2`: Partnerfit link format 1 or 2. Format 2 changed only what
//!   an invitation carries (see [`super::invitation`]): invitations are
//!   written in format 2, responses still in format 1, and every format up to
//!   [`LINK_VERSION`] is read, so links already sent keep opening;
//! - kind `i` (invitation) or `r` (response); mode `p` (plain) or `e`
//!   (encrypted with a passphrase, see [`super::crypto`]);
//! - `<bytes>`: the length of the decoded data, so a link cut off by an
//!   e-mail program is told apart from a damaged one;
//! - `<data>`: base64url without padding.
//!
//! It travels in a URL fragment (`…/respond/#pf2.ip.…`), which browsers never
//! send to a server, or in a small JSON file (see [`file_text`]).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use miniz_oxide::inflate::TINFLStatus;

use super::crypto::{self, OpenError, SealEntropy, Secret, Stretching};
use super::error::ShareError;

pub use super::limits::{LINK_VERSION, MAX_TEXT_CHARS, MAX_UNPACKED};
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
    /// The link format new envelopes of this kind are written in: an
    /// invitation's payload changed in format 2, a response's did not (so a
    /// workbench that reads only format 1 still reads new responses).
    pub fn version(self) -> u32 {
        match self {
            Kind::Invitation => 2,
            Kind::Response => 1,
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
    /// The link format it was written in.
    pub version: u32,
    data: Vec<u8>,
}

/// `pf2.ie`: authenticated alongside a sealed payload, so a sealed
/// invitation relabelled as a response (or as another format) does not open.
fn header(version: u32, kind: Kind, sealed: bool) -> String {
    format!(
        "pf{version}.{}{}",
        kind.letter(),
        if sealed { 'e' } else { 'p' }
    )
}

/// Pack `json` into envelope text; with a secret, sealed under it (see
/// [`crypto::seal`]).
pub fn pack(kind: Kind, json: &[u8], secret: Option<(Secret<'_>, SealEntropy)>) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(json, 10);
    let sealed = secret.is_some();
    let head = header(kind.version(), kind, sealed);
    let data = match secret {
        Some((s, e)) => crypto::seal(&packed, s, e, head.as_bytes()),
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
        .map_err(|e| ShareError::BadFile(format!("the file is not valid JSON: {e}")))?;
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

/// How the passphrase of a pasted link, file or text is stretched, if it
/// is sealed: what a shell stretches (off the page's thread) before
/// opening it with [`Secret::Stretched`].
pub fn stretching(input: &str) -> Result<Option<Stretching>, ShareError> {
    Ok(parse(&extract(input)?)?.stretching())
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
    let Ok(version @ 1..) = u32::try_from(version) else {
        return Err(ShareError::NotPartnerfit);
    };
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
    // Base64 without padding: 4 characters per 3 bytes. The declared length
    // comes from the link, so it is bounded before any arithmetic: nothing
    // above the unpacked limit's worth of sealed bytes can be honest.
    let expected_chars = (declared / 3)
        .checked_mul(4)
        .map(|c| c + [0, 2, 3][declared % 3])
        .filter(|c| *c <= MAX_TEXT_CHARS)
        .ok_or_else(|| {
            ShareError::Damaged(format!(
                "its header announces {declared} bytes, more than a link can hold"
            ))
        })?;
    if data.len() < expected_chars {
        return Err(ShareError::Truncated);
    }
    if data.len() > expected_chars {
        return Err(ShareError::Damaged(format!(
            "the data has {} characters; its header announces {declared} bytes, {expected_chars} characters",
            data.len()
        )));
    }
    let data = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|e| ShareError::Damaged(format!("the data is not base64url: {e}")))?;
    // What a sealed payload shows without the passphrase is checked now, so
    // a damaged link is named as such before anyone is asked for it.
    if sealed {
        crypto::check(&data).map_err(open_error)?;
    }
    Ok(Envelope {
        kind,
        sealed,
        version,
        data,
    })
}

fn open_error(e: OpenError) -> ShareError {
    match e {
        OpenError::Truncated => ShareError::Truncated,
        OpenError::Iterations(n) => ShareError::Iterations(n),
        OpenError::Rejected => ShareError::WrongPassphrase,
    }
}

impl Envelope {
    /// How a sealed envelope's passphrase is stretched (checked by [`parse`]).
    pub fn stretching(&self) -> Option<Stretching> {
        self.sealed
            .then(|| crypto::check(&self.data).ok())
            .flatten()
    }

    /// The JSON inside: unsealed with the secret if needed, inflated up to
    /// [`MAX_UNPACKED`] bytes.
    pub fn open(&self, secret: Option<Secret<'_>>) -> Result<Vec<u8>, ShareError> {
        let packed = if self.sealed {
            let s = secret
                .filter(|s| !s.is_empty())
                .ok_or(ShareError::NeedsPassphrase)?;
            let head = header(self.version, self.kind, true);
            crypto::open(&self.data, s, head.as_bytes()).map_err(open_error)?
        } else {
            self.data.clone()
        };
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED).map_err(|e| {
            match e.status {
                TINFLStatus::HasMoreOutput => ShareError::TooLarge,
                TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                    ShareError::Truncated
                }
                status => ShareError::Damaged(format!(
                    "the compressed data does not inflate ({status:?})"
                )),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const E: SealEntropy = SealEntropy {
        salt: [1; 16],
        nonce: [2; 12],
    };

    /// Same kind of error, same message (the detail may differ: it is
    /// checked where it matters).
    fn check(input: &str, passphrase: Option<&str>, expected: Result<(), ShareError>) {
        let got = extract(input)
            .and_then(|t| parse(&t))
            .and_then(|e| e.open(passphrase.map(Secret::from)))
            .map(|_| ());
        let same = match (&got, &expected) {
            (Err(g), Err(e)) => {
                std::mem::discriminant(g) == std::mem::discriminant(e)
                    && g.to_string() == e.to_string()
            }
            (g, e) => g == e,
        };
        assert!(same, "{input:?}: got {got:?}, expected {expected:?}");
    }

    /// `text` with its data replaced by `bytes` (the header's length too).
    fn with_data(text: &str, bytes: &[u8]) -> String {
        let head: Vec<&str> = text.splitn(3, '.').take(2).collect();
        format!(
            "{}.{}.{}",
            head.join("."),
            bytes.len(),
            URL_SAFE_NO_PAD.encode(bytes)
        )
    }

    fn data(text: &str) -> Vec<u8> {
        URL_SAFE_NO_PAD
            .decode(text.rsplit_once('.').unwrap().1)
            .unwrap()
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
    fn invitations_are_written_in_format_2_and_format_1_is_still_read() {
        let json = br#"{"a":1}"#;
        let text = pack(Kind::Invitation, json, None);
        assert!(text.starts_with("pf2.ip."), "{text}");
        let old = text.replacen("pf2.", "pf1.", 1);
        let env = parse(&old).unwrap();
        assert_eq!((env.kind, env.version), (Kind::Invitation, 1));
        assert_eq!(env.open(None).unwrap(), json);
        // The version is sealed with the payload: relabelled, it does not open.
        let sealed = pack(Kind::Invitation, json, Some(("open sesame".into(), E)));
        assert!(sealed.starts_with("pf2.ie."), "{sealed}");
        check(&sealed, Some("open sesame"), Ok(()));
        check(
            &sealed.replacen("pf2.", "pf1.", 1),
            Some("open sesame"),
            Err(ShareError::WrongPassphrase),
        );
    }

    #[test]
    fn bad_input_gets_a_specific_error() {
        let good = pack(Kind::Invitation, br#"{"a":1}"#, None);
        let (head, data64) = good.rsplit_once('.').unwrap();
        let mut flipped = data(&good);
        flipped[0] ^= 0xFF;
        let damaged = || Err(ShareError::Damaged(String::new()));
        for (input, expected) in [
            (String::new(), Err(ShareError::Empty)),
            (
                "https://example.com/#hello".into(),
                Err(ShareError::NotPartnerfit),
            ),
            ("pf0.ip.3.abcd".into(), Err(ShareError::NotPartnerfit)),
            ("pf9.ip.3.abcd".into(), Err(ShareError::NewerVersion(9))),
            (
                "pf1.xx.3.abcd".into(),
                Err(ShareError::BadHeader("xx".into())),
            ),
            (
                "pf1.ip.x3.abcd".into(),
                Err(ShareError::BadHeader("x3".into())),
            ),
            (
                good[..good.len() - 3].to_owned(),
                Err(ShareError::Truncated),
            ),
            ("pf1.ip".into(), Err(ShareError::Truncated)),
            ("pf1.ip.12".into(), Err(ShareError::Truncated)),
            // A declared length whose character count overflows (it
            // panicked in builds with overflow checks), and one merely huge.
            ("pf1.rp.18446744073709551615.AAAA".into(), damaged()),
            (format!("pf1.ip.{}.AAAA", usize::MAX / 3 * 3), damaged()),
            ("pf1.ip.99999999.AAAA".into(), damaged()),
            (
                format!("{head}.{}<{}", &data64[..2], &data64[3..]),
                Err(ShareError::BadCharacter {
                    position: 3,
                    character: '<',
                }),
            ),
            (format!("{good}AA"), damaged()),
            // Base64 whose last character carries bits no encoder writes.
            ("pf1.ip.1.AB".into(), damaged()),
            // Flipped bits inside the deflate stream.
            (with_data(&good, &flipped), damaged()),
            // Cut inside the deflate stream, the header's length adjusted.
            (
                with_data(&good, &data(&good)[..3]),
                Err(ShareError::Truncated),
            ),
        ] {
            check(&input, None, expected);
        }
    }

    #[test]
    fn technical_words_stay_in_the_detail() {
        let good = pack(Kind::Invitation, br#"{"a":1}"#, None);
        let cases: Vec<(String, &str)> = vec![
            (format!("{good}AA"), "its header announces"),
            ("pf1.ip.1.AB".into(), "not base64url"),
            ("{not json".into(), "not valid JSON"),
            ("pf9.ip.3.abcd".into(), "link format 9"),
        ];
        for (input, detail) in cases {
            let e = extract(&input)
                .and_then(|t| parse(&t))
                .and_then(|e| e.open(None))
                .unwrap_err();
            let (message, d) = (e.to_string(), e.detail().unwrap_or_default());
            assert!(d.contains(detail), "{input:?}: detail {d:?}");
            for word in [
                "base64", "JSON", "line", "column", "header", "format 9", "`",
            ] {
                assert!(!message.contains(word), "{input:?}: {word} in {message:?}");
            }
        }
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
        let text = pack(Kind::Invitation, b"{}", Some(("open sesame".into(), E)));
        let env = parse(&text).unwrap();
        assert_eq!(env.stretching(), Some(Stretching::new_link(E.salt)));
        assert_eq!(env.open(None), Err(ShareError::NeedsPassphrase));
        assert_eq!(env.open(Some("open sesame".into())).unwrap(), b"{}");
        assert_eq!(
            env.open(Some("open sesam".into())),
            Err(ShareError::WrongPassphrase)
        );
        // A sealed invitation relabelled as a response does not open.
        let relabelled = text.replacen("pf2.ie.", "pf2.re.", 1);
        assert_eq!(
            parse(&relabelled).unwrap().open(Some("open sesame".into())),
            Err(ShareError::WrongPassphrase)
        );
    }

    /// Damage to a sealed link is named before anyone is asked for the
    /// passphrase: everything here fails in `parse`.
    #[test]
    fn a_damaged_sealed_link_is_named_before_the_passphrase() {
        let text = pack(Kind::Invitation, b"{}", Some(("open sesame".into(), E)));
        let sealed = data(&text);
        let mut weak = sealed.clone();
        weak[..4].copy_from_slice(&1_000u32.to_be_bytes());
        let (head, data64) = text.rsplit_once('.').unwrap();
        for (input, expected) in [
            (text[..text.len() - 5].to_owned(), ShareError::Truncated),
            (with_data(&text, &sealed[..47]), ShareError::Truncated),
            (with_data(&text, &sealed[..4]), ShareError::Truncated),
            (with_data(&text, &weak), ShareError::Iterations(1_000)),
            (
                format!("{head}.{}*{}", &data64[..9], &data64[10..]),
                ShareError::BadCharacter {
                    position: 10,
                    character: '*',
                },
            ),
            (format!("{text}AAAA"), ShareError::Damaged(String::new())),
        ] {
            let got = parse(&input).map(|_| ());
            assert!(
                matches!(&got, Err(e) if std::mem::discriminant(e) == std::mem::discriminant(&expected) && e.to_string() == expected.to_string()),
                "{input:?}: got {got:?}, expected {expected:?}"
            );
        }
    }
}
