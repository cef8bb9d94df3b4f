//! `partnerfit add-deals FILE export.csv --date D [-o OUT]`: take a CRM
//! deal export (HubSpot, Salesforce, Pipedrive) into a workspace file, as
//! the app does: deals updated by CRM id, stage history from the
//! differences, bad rows reported by line.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use partnerfit_core::edit::{Edit, PipelineEdit};
use partnerfit_core::pipeline::import::{prepare, read_rows};
use partnerfit_core::words::capitalised;
use partnerfit_core::Date;

use crate::input::{valid_workspace, write_workspace};

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file.
    workspace: PathBuf,
    /// The CRM's deal or opportunity export (CSV).
    csv: PathBuf,
    /// The day the export was taken from the CRM (YYYY-MM-DD): stages it
    /// shows were entered on or before it.
    #[arg(long)]
    date: String,
    /// Where to write the workspace (default: standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let Some(mut ws) = valid_workspace(&a.workspace)? else {
        return Ok(ExitCode::from(1));
    };
    let date = Date::parse(&a.date).map_err(|e| format!("--date: {e}"))?;
    let bytes =
        std::fs::read(&a.csv).map_err(|e| format!("cannot read {}: {e}", a.csv.display()))?;
    let prepared = prepare(&bytes).map_err(|e| format!("{}: {e}", a.csv.display()))?;
    let partners: Vec<_> = ws
        .partners
        .iter()
        .map(|p| (p.id.clone(), p.name.clone(), p.website.clone()))
        .collect();
    let read = read_rows(&prepared, &prepared.mapping, ws.profile.currency, &partners)
        .map_err(|e| format!("{}: {e}", a.csv.display()))?;
    for b in &read.bad {
        eprintln!("{}: skipped {b}", a.csv.display());
    }
    for n in &read.notes {
        eprintln!("{}: note: {n}", a.csv.display());
    }
    let name = a
        .csv
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let entropy = ws.pipeline.opportunities.len() as u64 + u64::from(date.year().unsigned_abs());
    let applied = ws
        .apply(Edit::Pipeline(PipelineEdit::Import {
            rows: Arc::new(read.rows),
            date,
            file_name: name.clone(),
            entropy,
        }))
        .map_err(|e| format!("{name} was not taken in: {e}"))?;
    eprintln!("{}", capitalised(&applied.summary));
    write_workspace(&ws, a.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
