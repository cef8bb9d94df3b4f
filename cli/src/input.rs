//! Reading input files with messages that say which file and why.

use std::path::{Path, PathBuf};

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

/// Load a workspace file for a command that needs a valid one: on problems,
/// print them to stderr and return `None` (the command exits with 1).
pub fn valid_workspace(path: &Path) -> Result<Option<partnerfit_core::Workspace>, String> {
    match load_workspace(path)? {
        Ok(l) => Ok(Some(l.workspace)),
        Err(e) => {
            eprintln!("{}: invalid workspace file", path.display());
            for line in e.lines() {
                eprintln!("  {line}");
            }
            Ok(None)
        }
    }
}

/// Where the partner named by a `--partner` argument is in `ws.partners`.
fn partner_at(ws: &partnerfit_core::Workspace, file: &Path, id: &str) -> Result<usize, String> {
    let id = partnerfit_core::Id::parse(id).map_err(|e| format!("--partner: {e}"))?;
    ws.partners
        .iter()
        .position(|p| p.id == id)
        .ok_or_else(|| format!("--partner: no partner with id {id} in {}", file.display()))
}

/// The arguments of a command about one partner: the workspace file and
/// the partner's id.
#[derive(clap::Args)]
pub struct PartnerFile {
    /// The workspace file.
    pub file: PathBuf,
    /// The partner's id (see `partnerfit report`).
    #[arg(long)]
    pub partner: String,
}

impl PartnerFile {
    /// The workspace, valid, and the partner's place in it; `None` when the
    /// file is invalid (its problems printed: the command exits with 1).
    pub fn open(&self) -> Result<Option<(partnerfit_core::Workspace, usize)>, String> {
        let Some(ws) = valid_workspace(&self.file)? else {
            return Ok(None);
        };
        let at = partner_at(&ws, &self.file, &self.partner)?;
        Ok(Some((ws, at)))
    }
}

/// Write `ws` as a workspace file to `output`, or to standard output.
pub fn write_workspace(
    ws: &partnerfit_core::Workspace,
    output: Option<&Path>,
) -> Result<(), String> {
    let text = format::save(ws);
    match output {
        Some(out) => {
            std::fs::write(out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))
        }
        None => {
            print!("{text}");
            Ok(())
        }
    }
}
