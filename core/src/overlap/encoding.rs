//! The text encoding of a CRM export, decided from its bytes.
//!
//! Rules:
//! - A UTF-16 byte order mark (`FF FE` little endian, `FE FF` big endian:
//!   what Excel's "Unicode Text" export writes) means UTF-16. Its text is
//!   decoded strictly: an unpaired surrogate, or a file ending in the middle
//!   of a code unit, refuses the file with the byte offset of the fault
//!   ([`EncodingError`]); nothing is replaced by U+FFFD, so a damaged file is
//!   never imported with silently altered names.
//! - A UTF-8 byte order mark means UTF-8 (the mark dropped; invalid sequences
//!   after it become U+FFFD, as before).
//! - Otherwise valid UTF-8 is UTF-8, and anything else Windows-1252 (the
//!   usual encoding of CSVs saved by Excel on Windows).

use std::borrow::Cow;

/// Why a file marked as UTF-16 could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EncodingError {
    #[error("the file says it is {encoding} but has a broken character (an unpaired surrogate) at byte offset {offset}: export it again from the spreadsheet")]
    UnpairedSurrogate {
        encoding: &'static str,
        offset: usize,
    },
    #[error("the file says it is {encoding} but ends in the middle of a character (byte offset {offset}): it may be cut short; export it again")]
    Truncated {
        encoding: &'static str,
        offset: usize,
    },
}

/// Text decoded from bytes, with the name of the encoding it was read in.
pub type Decoded<'a> = (Cow<'a, str>, &'static str);

pub const UTF16_LE: &str = "UTF-16 LE with BOM";
pub const UTF16_BE: &str = "UTF-16 BE with BOM";

/// Windows-1252 bytes 0x80–0x9F (the WHATWG Encoding Standard's table;
/// bytes it leaves undefined map to the C1 control of the same value).
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// Decode Windows-1252.
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Decode UTF-16 code units after a byte order mark (`body` starts at byte
/// offset 2 of the file), strictly.
fn decode_utf16(
    body: &[u8],
    big_endian: bool,
    encoding: &'static str,
) -> Result<String, EncodingError> {
    const BOM: usize = 2;
    if body.len() % 2 == 1 {
        return Err(EncodingError::Truncated {
            encoding,
            offset: BOM + body.len() - 1,
        });
    }
    let units = body.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut text = String::with_capacity(body.len() / 2);
    // `decode_utf16` yields one item per character; count code units to
    // know where a fault is.
    let mut unit = 0usize;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                unit += c.len_utf16();
                text.push(c);
            }
            Err(_) => {
                return Err(EncodingError::UnpairedSurrogate {
                    encoding,
                    offset: BOM + 2 * unit,
                })
            }
        }
    }
    Ok(text)
}

/// The text of a file marked as UTF-16 by its byte order mark, decoded
/// strictly, with the encoding's name; `None` without such a mark.
pub fn utf16_marked(bytes: &[u8]) -> Option<Result<(String, &'static str), EncodingError>> {
    let (rest, big_endian, name) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, false, UTF16_LE),
        [0xFE, 0xFF, rest @ ..] => (rest, true, UTF16_BE),
        _ => return None,
    };
    Some(decode_utf16(rest, big_endian, name).map(|text| (text, name)))
}

/// Decode a file's bytes by the rules of the module.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, EncodingError> {
    if let Some(marked) = utf16_marked(bytes) {
        return marked.map(|(text, name)| (Cow::Owned(text), name));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok((String::from_utf8_lossy(rest), "UTF-8 with BOM"));
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), "UTF-8"),
        Err(_) => (Cow::Owned(decode_windows_1252(bytes)), "Windows-1252"),
    })
}

/// Is the file marked as UTF-16 (where zero bytes are part of the text)?
pub fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// `text` in UTF-16 with a byte order mark.
#[cfg(test)]
pub(crate) fn encode_utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_matches_the_reference() {
        let all: Vec<u8> = (0..=255).collect();
        let (reference, _, _) = encoding_rs::WINDOWS_1252.decode(&all);
        assert_eq!(decode_windows_1252(&all), reference);
    }

    fn check(bytes: &[u8], expected: Result<(&str, &str), &str>) {
        let got = decode(bytes)
            .map(|(t, e)| (t.into_owned(), e))
            .map_err(|e| e.to_string());
        let expected = expected
            .map(|(t, e)| (t.to_owned(), e))
            .map_err(str::to_owned);
        assert_eq!(got, expected, "{bytes:?}");
    }

    #[test]
    fn encodings_by_their_marks() {
        check(b"Name", Ok(("Name", "UTF-8")));
        check(b"\xEF\xBB\xBFM\xC3\xBC", Ok(("Mü", "UTF-8 with BOM")));
        check(b"M\xFCller", Ok(("Müller", "Windows-1252")));
        check(
            &encode_utf16("Name\tMüller 🦀", false),
            Ok(("Name\tMüller 🦀", UTF16_LE)),
        );
        check(
            &encode_utf16("Name\tMüller 🦀", true),
            Ok(("Name\tMüller 🦀", UTF16_BE)),
        );
        // The reference decoder agrees on both byte orders.
        let le = encode_utf16("a,€,𝄞", false);
        assert_eq!(encoding_rs::UTF_16LE.decode(&le).0, "a,€,𝄞");
        let be = encode_utf16("a,€,𝄞", true);
        assert_eq!(encoding_rs::UTF_16BE.decode(&be).0, "a,€,𝄞");
        // A lone high surrogate (D800) after "a" at byte offset 4.
        check(
            b"\xFF\xFEa\x00\x00\xD8b\x00",
            Err("the file says it is UTF-16 LE with BOM but has a broken character (an unpaired surrogate) at byte offset 4: export it again from the spreadsheet"),
        );
        // A lone low surrogate (DC00) first, big endian.
        check(
            b"\xFE\xFF\xDC\x00\x00a",
            Err("the file says it is UTF-16 BE with BOM but has a broken character (an unpaired surrogate) at byte offset 2: export it again from the spreadsheet"),
        );
        check(
            b"\xFF\xFEa\x00b",
            Err("the file says it is UTF-16 LE with BOM but ends in the middle of a character (byte offset 4): it may be cut short; export it again"),
        );
    }
}
