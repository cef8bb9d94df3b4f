//! `partnerfit metrics FILE [--by month|quarter] [--from D --to D] [--json]`:
//! the governance metrics of the program and of each partner.

use std::path::PathBuf;
use std::process::ExitCode;

use partnerfit_core::governance::{report, Period, Window};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Date;

use crate::input::valid_workspace;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file.
    workspace: PathBuf,
    /// Group by month or by quarter.
    #[arg(long, default_value = "month")]
    by: String,
    /// First day of the window (YYYY-MM-DD; default: the first deal's creation).
    #[arg(long)]
    from: Option<String>,
    /// Last day of the window (YYYY-MM-DD; default: the last day a deal shows).
    #[arg(long)]
    to: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let Some(ws) = valid_workspace(&a.workspace)? else {
        return Ok(ExitCode::from(1));
    };
    let period =
        Period::from_key(&a.by).ok_or_else(|| format!("--by: expected {}", Period::expected()))?;
    let day = |arg: &Option<String>, name: &str| -> Result<Option<Date>, String> {
        arg.as_deref()
            .map(|d| Date::parse(d).map_err(|e| format!("--{name}: {e}")))
            .transpose()
    };
    let (from, to) = (day(&a.from, "from")?, day(&a.to, "to")?);
    let fallback = Window::of_pipeline(&ws.pipeline);
    let window = match (from, to, fallback) {
        (Some(f), Some(t), _) => Window::new(f, t),
        (f, t, Some(w)) => Window::new(f.unwrap_or(w.from), t.unwrap_or(w.to)),
        (_, _, None) => {
            return Err(format!(
                "{} has no deals: take in a CRM export first (partnerfit add-deals), or give --from and --to",
                a.workspace.display()
            ))
        }
    };
    if window.from > window.to {
        return Err(format!(
            "--from {} is after --to {}",
            window.from, window.to
        ));
    }
    let r = report(&ws, window, period);
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
