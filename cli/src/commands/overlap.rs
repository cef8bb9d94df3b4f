//! `partnerfit overlap --ours OURS.csv --theirs THEIRS.csv [--json] [--csv FILE]`:
//! the overlap matrix and the matched pairs of two CRM exports; `--csv`
//! also writes the matched accounts as a CSV file for the CRM
//! (`overlap::export::matched_accounts`, formula-looking cells escaped).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use partnerfit_core::overlap::account::Account;
use partnerfit_core::overlap::export::matched_accounts;
use partnerfit_core::overlap::figures::{decide, figures};
use partnerfit_core::overlap::import::{accounts, default_population, prepare};
use partnerfit_core::overlap::matching::{keys_of, match_all};
use partnerfit_core::overlap::normalize::Psl;
use partnerfit_core::overlap::population::Population;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::count;
use serde_json::json;

#[derive(clap::Args)]
pub struct Args {
    /// Our accounts (CSV export of a CRM or a spreadsheet).
    #[arg(long)]
    ours: PathBuf,
    /// The partner's accounts.
    #[arg(long)]
    theirs: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Also write the matched accounts to this CSV file (one row per match).
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
}

/// Read a CSV into accounts, printing skipped rows to stderr.
pub fn read_accounts(path: &Path) -> Result<Vec<Account>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let prepared = prepare(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let population = default_population(&prepared.mapping);
    // No workspace, no currency: the overlap reads no revenue.
    let built = accounts(&prepared, &prepared.mapping, population, None)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    for b in &built.bad {
        eprintln!("{}: skipped {b}", path.display());
    }
    Ok(built.accounts)
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let ours = read_accounts(&a.ours)?;
    let theirs = read_accounts(&a.theirs)?;
    let psl = Psl::embedded();
    let ok = keys_of(psl, &ours);
    let tk = keys_of(psl, &theirs);
    let pairs = decide(&match_all(&ok, &tk), &ok, &tk, &[]);
    let ours_refs: Vec<&Account> = ours.iter().collect();
    let theirs_refs: Vec<&Account> = theirs.iter().collect();
    let f = figures(&ours_refs, &theirs_refs, &pairs);
    if let Some(path) = &a.csv {
        std::fs::write(path, matched_accounts(&ours_refs, &theirs_refs, &pairs))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!(
            "wrote {} to {}",
            count(f.matches, "match", "matches"),
            path.display()
        );
    }
    let pops = Population::ALL;
    if a.json {
        let out = json!({
            "ours": { "file": a.ours.display().to_string(), "accounts": ours.len() },
            "theirs": { "file": a.theirs.display().to_string(), "accounts": theirs.len() },
            "populations": pops.iter().map(|p| p.key()).collect::<Vec<_>>(),
            "matrix": f.cells,
            "greenfield": f.greenfield,
            "theirs_total": f.theirs_total,
            "ours_total": f.ours_total,
            "pairs": pairs.iter().map(|d| {
                let (o, t) = (&ours[d.pair.ours as usize], &theirs[d.pair.theirs as usize]);
                json!({
                    "ours_line": o.line, "theirs_line": t.line,
                    "ours_name": o.name, "theirs_name": t.name,
                    "reason": d.pair.reason.key(), "confidence": d.pair.confidence,
                    "key": ok[d.pair.ours as usize].identity(),
                })
            }).collect::<Vec<_>>(),
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "ours: {} ({})   theirs: {} ({})",
        a.ours.display(),
        count(ours.len(), "account", "accounts"),
        a.theirs.display(),
        count(theirs.len(), "account", "accounts")
    );
    println!(
        "\nOverlap matrix (their accounts matching ours; rows: our populations, columns: theirs)\n"
    );
    print!("{:<22}", "");
    for p in pops {
        print!("{:>20}", p.label());
    }
    println!();
    for (i, op) in pops.iter().enumerate() {
        print!("{:<22}", format!("ours: {}", op.label()));
        for j in 0..3 {
            print!("{:>20}", f.cells[i][j]);
        }
        println!();
    }
    print!("{:<22}", "greenfield");
    for j in 0..3 {
        print!("{:>20}", f.greenfield[j]);
    }
    println!();
    print!("{:<22}", "their total");
    for j in 0..3 {
        print!("{:>20}", f.theirs_total[j]);
    }
    println!(
        "\n\n{}:",
        count(pairs.len(), "matched pair", "matched pairs")
    );
    for d in &pairs {
        let (o, t) = (&ours[d.pair.ours as usize], &theirs[d.pair.theirs as usize]);
        println!(
            "  ours line {:>6} {:<32} ~ theirs line {:>6} {:<32} {} ({}%)",
            o.line,
            o.name,
            t.line,
            t.name,
            d.pair.reason.label(),
            d.pair.confidence
        );
    }
    Ok(ExitCode::SUCCESS)
}
