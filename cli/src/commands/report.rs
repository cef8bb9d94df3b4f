use std::path::PathBuf;
use std::process::ExitCode;

use partnerfit_core::scorecard::report::{render_text, report};

use crate::input::load_workspace;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file (.json).
    file: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let ws = match load_workspace(&a.file)? {
        Ok(l) => l.workspace,
        Err(e) => {
            eprintln!("{}: invalid workspace file", a.file.display());
            for line in e.lines() {
                eprintln!("  {line}");
            }
            return Ok(ExitCode::from(1));
        }
    };
    let r = report(&ws);
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&r).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", render_text(&r));
    }
    Ok(ExitCode::SUCCESS)
}
