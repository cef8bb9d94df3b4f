//! Reading input files with messages that say which file and why.

use std::path::Path;

use partnerfit_core::format::{self, ImportError, Loaded};

/// Read a file as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Read and load a workspace file; the error lists every problem.
pub fn load_workspace(path: &Path) -> Result<Result<Loaded, ImportError>, String> {
    let text = read_text(path)?;
    Ok(format::load(&text))
}
