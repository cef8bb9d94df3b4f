use std::path::PathBuf;
use std::process::ExitCode;

use partnerfit_core::scorecard::report::{render_text, report};

use crate::input::valid_workspace;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file (.json).
    file: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let Some(ws) = valid_workspace(&a.file)? else {
        return Ok(ExitCode::from(1));
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
