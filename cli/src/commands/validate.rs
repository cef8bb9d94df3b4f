use std::path::PathBuf;
use std::process::ExitCode;

use crate::input::load_workspace;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file (.json).
    file: PathBuf,
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    match load_workspace(&a.file)? {
        Ok(loaded) => {
            let migrated = loaded
                .migrated_from
                .map(|v| format!(" (format version {v}; `partnerfit migrate` updates it)"))
                .unwrap_or_default();
            println!("ok: {}{migrated}", loaded.workspace.summary());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{}: invalid workspace file", a.file.display());
            for line in e.lines() {
                eprintln!("  {line}");
            }
            Ok(ExitCode::from(1))
        }
    }
}
