//! `partnerfit add-list WORKSPACE CSV [--partner ID] [--population P] -o OUT`:
//! import a CRM export into a workspace file, as the app does.

use std::path::PathBuf;
use std::process::ExitCode;

use std::sync::Arc;

use partnerfit_core::edit::Edit;
use partnerfit_core::overlap::account::{ListOwner, PopulationSource};
use partnerfit_core::overlap::import::{accounts, default_population, make_list, prepare};
use partnerfit_core::overlap::population::Population;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::capitalised;
use partnerfit_core::{Date, Id};

use crate::input::{valid_workspace, write_workspace};

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file.
    workspace: PathBuf,
    /// The CSV export to add.
    csv: PathBuf,
    /// The partner whose accounts these are (default: ours).
    #[arg(long)]
    partner: Option<String>,
    /// Put every account in this population (customer, open_opportunity,
    /// prospect) instead of reading the status column.
    #[arg(long)]
    population: Option<String>,
    /// The import date (YYYY-MM-DD).
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
    let date = Date::parse(&a.date).map_err(|e| e.to_string())?;
    let owner = match &a.partner {
        None => ListOwner::Ours,
        Some(p) => {
            let id = Id::parse(p).map_err(|e| format!("--partner: {e}"))?;
            if ws.partner(&id).is_none() {
                return Err(format!(
                    "--partner: no partner with id {id} in {}",
                    a.workspace.display()
                ));
            }
            ListOwner::Partner(id)
        }
    };
    let bytes =
        std::fs::read(&a.csv).map_err(|e| format!("cannot read {}: {e}", a.csv.display()))?;
    let prepared = prepare(&bytes).map_err(|e| format!("{}: {e}", a.csv.display()))?;
    let population = match &a.population {
        None => default_population(&prepared.mapping),
        Some(p) => PopulationSource::Fixed(
            Population::from_key(p)
                .ok_or_else(|| format!("--population: expected {}", Population::expected()))?,
        ),
    };
    let built = accounts(
        &prepared,
        &prepared.mapping,
        population,
        Some(ws.profile.currency),
    )
    .map_err(|e| e.to_string())?;
    for b in &built.bad {
        eprintln!("{}: skipped {b}", a.csv.display());
    }
    for n in &built.revenue_notes {
        eprintln!("{}: {n}", a.csv.display());
    }
    let accs = built.accounts;
    let name = a
        .csv
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let seed = ws.account_lists.len() as u64 + 1;
    let id = ws.fresh_list_id(seed);
    // The file written must be one that can be imported again: the edit
    // refuses a list that would make it too large.
    let list = make_list(id.clone(), owner, &name, date, population, accs);
    let applied = ws
        .apply(Edit::AddList(Arc::new(list)))
        .map_err(|e| format!("{name} was not added: {e}"))?;
    eprintln!("{} (list {id})", capitalised(&applied.summary));
    write_workspace(&ws, a.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
