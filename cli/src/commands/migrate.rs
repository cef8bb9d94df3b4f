use std::path::PathBuf;
use std::process::ExitCode;

use partnerfit_core::format;

use crate::input::load_workspace;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file to migrate.
    file: PathBuf,
    /// Where to write the migrated file (default: standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let loaded = match load_workspace(&a.file)? {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{}: cannot migrate an invalid file", a.file.display());
            for line in e.lines() {
                eprintln!("  {line}");
            }
            return Ok(ExitCode::from(1));
        }
    };
    let text = format::save(&loaded.workspace);
    match &a.output {
        Some(out) => {
            std::fs::write(out, text)
                .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            let from = loaded
                .migrated_from
                .map(|v| format!("from version {v} "))
                .unwrap_or_default();
            eprintln!(
                "wrote {} {from}as format version {}",
                out.display(),
                format::FORMAT_VERSION
            );
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
