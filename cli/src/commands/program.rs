//! `partnerfit program FILE [--json] [--date YYYY-MM-DD]`: the program
//! view — the owner and the number, concentration, tiers, inactive
//! partners, enablement against outcomes, the health check and the
//! 30-60-90 plan's progress.

use std::path::PathBuf;
use std::process::ExitCode;

use partnerfit_core::program::report::report;

use crate::input::valid_workspace;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file.
    workspace: PathBuf,
    /// The day to look from (YYYY-MM-DD; default: today, UTC).
    #[arg(long)]
    date: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let Some(ws) = valid_workspace(&a.workspace)? else {
        return Ok(ExitCode::from(1));
    };
    let today = crate::system::today(a.date.as_deref())?;
    let r = report(&ws, today);
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&r).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", r.text());
    }
    Ok(ExitCode::SUCCESS)
}
