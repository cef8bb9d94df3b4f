//! `partnerfit calendar FILE [-o rhythm.ics]`: the operating rhythm as an
//! iCalendar file (one recurring event per meeting) for Google Calendar,
//! Outlook or Apple Calendar.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::input::valid_workspace;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file.
    file: PathBuf,
    /// Where to write the .ics file (default: standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let Some(ws) = valid_workspace(&a.file)? else {
        return Ok(ExitCode::from(1));
    };
    if ws.program.meetings.is_empty() {
        eprintln!("the workspace has no meetings in its rhythm yet: add them on the Program page (a calendar needs at least one event)");
        return Ok(ExitCode::from(1));
    }
    let now = crate::system::now_unix_seconds()?;
    let text = partnerfit_ics::calendar(&ws, now);
    let meetings = partnerfit_core::words::count(ws.program.meetings.len(), "meeting", "meetings");
    match &a.output {
        None => print!("{text}"),
        Some(path) => {
            std::fs::write(path, &text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            eprintln!("wrote {} ({meetings})", path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
