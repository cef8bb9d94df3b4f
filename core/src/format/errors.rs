//! Why a workspace file could not be imported.

use std::fmt;

/// One problem at one place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// JSON path, e.g. `partners[3].ratings.icp_density`.
    pub path: String,
    /// The reason, e.g. `7 is outside 1–5`.
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why a file was refused. Nothing is imported when any of these occurs.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is {} and the limit is {}: is it really a Partnerfit workspace?", megabytes(*bytes), megabytes(*limit))]
    TooLarge { bytes: usize, limit: usize },
    #[error("the workspace in this file would be saved as {} and a workspace file holds at most {}, so it could not be exported and imported again", megabytes(*bytes), megabytes(*limit))]
    TooLargeToSave { bytes: usize, limit: usize },
    #[error("the file is empty")]
    Empty,
    #[error("this is not a workspace file: {why}{}; a Partnerfit workspace is UTF-8 JSON", offset.map(|o| format!(" (byte {o})")).unwrap_or_default())]
    NotText {
        offset: Option<usize>,
        why: &'static str,
    },
    #[error("the file is not valid JSON (line {line}, column {column}): {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}", not_a_workspace(found))]
    NotAWorkspace { found: Option<String> },
    #[error("format_version: {found} is not a version number (expected a whole number such as 1)")]
    BadVersion { found: String },
    #[error("this file is format version {version}, made by a newer Partnerfit; this one reads versions up to {supported}. Update Partnerfit to open it.")]
    TooNew { version: u64, supported: u32 },
    #[error("the file has {} problem{}:\n{}", .0.len(), if .0.len() == 1 { "" } else { "s" }, list(.0))]
    Invalid(Vec<FieldError>),
    /// A workspace stored in parts (`stored_parts`) whose part is gone.
    #[error(
        "the {what} of the saved workspace are missing from the browser's database (IndexedDB)"
    )]
    PartMissing { what: String },
    #[error("the {what} of the saved workspace in the browser's database (IndexedDB) cannot be read: {message}")]
    PartUnreadable { what: String, message: String },
}

impl ImportError {
    /// Every problem on its own line (one line unless the file is invalid).
    pub fn lines(&self) -> Vec<String> {
        match self {
            ImportError::Invalid(errs) => errs.iter().map(|e| e.to_string()).collect(),
            other => vec![other.to_string()],
        }
    }
}

pub(crate) fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

fn not_a_workspace(found: &Option<String>) -> String {
    match found {
        Some(tag) => format!(
            "this is not a Partnerfit workspace: its \"format\" is \"{tag}\" instead of \"{}\"",
            super::FORMAT_TAG
        ),
        None => format!(
            "this is not a Partnerfit workspace: it has no \"format\": \"{}\" field",
            super::FORMAT_TAG
        ),
    }
}

fn list(errs: &[FieldError]) -> String {
    errs.iter()
        .map(|e| format!("  {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}
