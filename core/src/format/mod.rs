//! The workspace file: a versioned JSON document with its own types,
//! explicit migrations, validation that reports every problem, and a JSON
//! Schema generated from the types.
//!
//! Loading: size check → JSON syntax → `format` tag → `format_version`
//! (newer is refused) → migrations to the current version → full validation
//! (the file's types read the JSON, [`read`] converts and cross-checks).
//! Nothing is returned unless everything is valid.

pub mod checked_list;
pub mod cursor;
pub mod errors;
pub mod file;
pub(crate) mod file_form;
pub mod layout;
pub mod limits;
pub mod migrate;
pub mod pieces;
pub mod read;
pub mod size;
pub mod stored;
pub mod stored_encoder;
pub mod stored_parts;
pub mod strict_json;
pub mod write;

use serde_json::Value;

pub use errors::{FieldError, ImportError};
pub use size::{check_size, check_size_within, file_len, TooLargeToSave};

use crate::workspace::Workspace;

pub use file::{FORMAT_TAG, FORMAT_VERSION};
/// Oldest version this code still reads.
pub const OLDEST_VERSION: u32 = 1;
/// Files larger than this are refused before parsing (64 MB: a workspace
/// with two lists of 100,000 CRM accounts each is about 42 MB). The app never
/// grows a workspace past what it could export and import again
/// ([`check_size`]).
pub const MAX_FILE_BYTES: usize = 64 * 1000 * 1000;

/// A successfully read workspace file.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub workspace: Workspace,
    /// The version the file had, when it was older than the current one.
    pub migrated_from: Option<u32>,
}

/// Read a workspace file (any supported version).
pub fn load(text: &str) -> Result<Loaded, ImportError> {
    load_within(text, MAX_FILE_BYTES)
}

/// Read a workspace file from its bytes, as picked or dropped: UTF-8 (a
/// byte order mark is dropped) or UTF-16 with a byte order mark (what some
/// editors save as "Unicode"). Bytes that are neither are refused with the
/// offset of the first one that is not text; the size limit applies to the
/// bytes, before anything is decoded.
pub fn load_bytes(bytes: &[u8]) -> Result<Loaded, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    use crate::overlap::encoding::{utf16_marked, EncodingError};
    let text = match utf16_marked(bytes) {
        Some(Ok((text, _))) => text,
        Some(Err(
            EncodingError::UnpairedSurrogate { offset, .. }
            | EncodingError::Truncated { offset, .. },
        )) => {
            return Err(ImportError::NotText {
                offset: Some(offset),
                why: "it is marked as UTF-16 but holds a broken character",
            })
        }
        None => std::str::from_utf8(bytes)
            .map_err(|e| ImportError::NotText {
                offset: Some(e.valid_up_to()),
                why: "it is not UTF-8 text",
            })?
            .to_owned(),
    };
    load(&text)
}

/// [`load`] with another size limit (tests use small ones).
pub fn load_within(text: &str, limit: usize) -> Result<Loaded, ImportError> {
    if text.len() > limit {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = strict_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        message: json_message(&e),
    })?;
    let loaded = load_value(value)?;
    // What is imported can be exported and imported again. Our layout adds
    // at most a few bytes of indentation to a value, so a file under an
    // eighth of the limit cannot come out over it: only large files pay for
    // the count.
    if text.len() > limit / 8 {
        check_size_within(&loaded.workspace, limit).map_err(|e| ImportError::TooLargeToSave {
            bytes: e.bytes,
            limit: e.limit,
        })?;
    }
    Ok(loaded)
}

/// Read an already parsed workspace file (any supported version).
pub fn load_value(value: Value) -> Result<Loaded, ImportError> {
    let tag = value.get("format");
    match tag {
        Some(Value::String(s)) if s == FORMAT_TAG => {}
        Some(Value::String(s)) => {
            return Err(ImportError::NotAWorkspace {
                found: Some(s.clone()),
            })
        }
        Some(other) => {
            return Err(ImportError::NotAWorkspace {
                found: Some(other.to_string()),
            })
        }
        None => return Err(ImportError::NotAWorkspace { found: None }),
    }
    let version = match value.get("format_version") {
        Some(v) => match v.as_u64() {
            Some(n) if n >= u64::from(OLDEST_VERSION) => n,
            _ => {
                return Err(ImportError::BadVersion {
                    found: v.to_string(),
                })
            }
        },
        None => {
            return Err(ImportError::BadVersion {
                found: "missing".into(),
            })
        }
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(ImportError::TooNew {
            version,
            supported: FORMAT_VERSION,
        });
    }
    let version = version as u32;
    let value = migrate::migrate(value, version);
    let workspace = read::read_workspace(&value).map_err(ImportError::Invalid)?;
    Ok(Loaded {
        workspace,
        migrated_from: (version < FORMAT_VERSION).then_some(version),
    })
}

/// The workspace file in the current version: indented JSON with one line
/// per record (see [`layout`]), ending with a newline.
pub fn save(ws: &Workspace) -> String {
    let mut out = Vec::with_capacity(4096);
    layout::write(&mut out, &write::to_file(ws)).expect("workspace file types always serialize");
    out.push(b'\n');
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// The workspace as a JSON value in the current version.
pub fn to_value(ws: &Workspace) -> Value {
    serde_json::to_value(write::to_file(ws)).expect("workspace file types always serialize")
}

fn json_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line X column Y"; the position is reported separately.
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// The JSON Schema of the current file version.
#[cfg(feature = "schema")]
pub fn schema() -> Value {
    let schema = schemars::schema_for!(file::WorkspaceFile);
    serde_json::to_value(schema).expect("schema serializes")
}

/// `text` reduced to a safe file name part: lower case ASCII letters and
/// digits, accents dropped, other characters one `-`, at most 60
/// characters; empty when nothing is left.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ß' => 's',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').chars().take(60).collect()
}

/// The name of an exported workspace: `<company>-partnerfit-<date>.json`,
/// with the company name reduced to a safe slug.
pub fn export_file_name(company: &str, date: crate::Date) -> String {
    let slug = slug(company);
    let slug = if slug.is_empty() {
        "workspace"
    } else {
        slug.as_str()
    };
    format!("{slug}-partnerfit-{date}.json")
}

#[cfg(test)]
mod tests {
    #[test]
    fn export_names() {
        let d = crate::Date::parse("2026-11-25").unwrap();
        for (company, name) in [
            ("Ledgerline", "ledgerline-partnerfit-2026-11-25.json"),
            (
                "Müller & Söhne GmbH",
                "muller-sohne-gmbh-partnerfit-2026-11-25.json",
            ),
            ("", "workspace-partnerfit-2026-11-25.json"),
            ("../../etc/passwd", "etc-passwd-partnerfit-2026-11-25.json"),
        ] {
            assert_eq!(super::export_file_name(company, d), name);
        }
    }
}
