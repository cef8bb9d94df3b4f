//! `partnerfit overlap --ours OURS.csv --theirs THEIRS.csv [--json] [--csv FILE]`:
//! the overlap matrix and the matched pairs of two CRM exports; `--csv`
//! also writes the matched accounts as a CSV file for the CRM
//! (`overlap::export::matched_accounts`, formula-looking cells escaped).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use partnerfit_core::overlap::account::{Account, Built};
use partnerfit_core::overlap::csv_import::BadRow;
use partnerfit_core::overlap::export::matched_accounts;
use partnerfit_core::overlap::figures::{decide, figures_of};
use partnerfit_core::overlap::import::{
    accounts, default_population, prepare, read_for_matching, Matchable,
};
use partnerfit_core::overlap::matching::match_all;
use partnerfit_core::overlap::normalize::Psl;
use partnerfit_core::overlap::population::Population;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::count;
use serde::Serialize;

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
    let built = read_built(path)?;
    report_skipped(path, &built.bad);
    Ok(built.accounts)
}

/// Read a CSV into full accounts, with the rows skipped.
fn read_built(path: &Path) -> Result<Built, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let prepared = prepare(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let population = default_population(&prepared.mapping);
    // No workspace, no currency: the overlap reads no revenue.
    accounts(&prepared, &prepared.mapping, population, None)
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn report_skipped(path: &Path, bad: &[BadRow]) {
    for b in bad {
        eprintln!("{}: skipped {b}", path.display());
    }
}

/// One side for matching: streamed from the CSV (only the cells matching
/// needs, no table of strings), or, when the matched accounts are exported
/// with all their fields, from full accounts.
fn read_side(psl: &Psl, path: &Path, full: bool) -> Result<(Matchable, Vec<Account>), String> {
    if full {
        let built = read_built(path)?;
        let mut side = Matchable::from_accounts(psl, &built.accounts);
        side.bad = built.bad;
        return Ok((side, built.accounts));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let side = read_for_matching(psl, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((side, Vec::new()))
}

/// The `--json` output (keys in the order serde_json sorts them).
#[derive(Serialize)]
struct JsonOut<'a> {
    greenfield: [usize; 3],
    matrix: [[usize; 3]; 3],
    ours: JsonFile,
    ours_total: [usize; 3],
    pairs: Vec<JsonPair<'a>>,
    populations: Vec<&'static str>,
    theirs: JsonFile,
    theirs_total: [usize; 3],
}

#[derive(Serialize)]
struct JsonFile {
    accounts: usize,
    file: String,
}

#[derive(Serialize)]
struct JsonPair<'a> {
    confidence: u8,
    key: String,
    ours_line: usize,
    ours_name: &'a str,
    reason: &'static str,
    theirs_line: usize,
    theirs_name: &'a str,
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let psl = Psl::embedded();
    let full = a.csv.is_some();
    // The two files are read on two threads (each is independent work);
    // their messages are printed afterwards, ours first, as before.
    let (ours, theirs) = std::thread::scope(|s| {
        let theirs = s.spawn(|| read_side(psl, &a.theirs, full));
        let ours = read_side(psl, &a.ours, full);
        (ours, theirs.join())
    });
    let (ours, ours_full) = ours?;
    report_skipped(&a.ours, &ours.bad);
    let (theirs, theirs_full) =
        theirs.map_err(|_| "reading the partner's file failed".to_owned())??;
    report_skipped(&a.theirs, &theirs.bad);
    let (ok, tk) = (&ours.keys, &theirs.keys);
    let pairs = decide(&match_all(ok, tk), ok, tk, &[]);
    let f = figures_of(&ours.populations, &theirs.populations, &pairs);
    if let Some(path) = &a.csv {
        let ours_refs: Vec<&Account> = ours_full.iter().collect();
        let theirs_refs: Vec<&Account> = theirs_full.iter().collect();
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
        let out = JsonOut {
            greenfield: f.greenfield,
            matrix: f.cells,
            ours: JsonFile {
                accounts: ours.len(),
                file: a.ours.display().to_string(),
            },
            ours_total: f.ours_total,
            pairs: pairs
                .iter()
                .map(|d| {
                    let (o, t) = (d.pair.ours as usize, d.pair.theirs as usize);
                    JsonPair {
                        confidence: d.pair.confidence,
                        key: ok[o].identity(),
                        ours_line: ours.lines[o],
                        ours_name: ours.name(o),
                        reason: d.pair.reason.key(),
                        theirs_line: theirs.lines[t],
                        theirs_name: theirs.name(t),
                    }
                })
                .collect(),
            populations: pops.iter().map(|p| p.key()).collect(),
            theirs: JsonFile {
                accounts: theirs.len(),
                file: a.theirs.display().to_string(),
            },
            theirs_total: f.theirs_total,
        };
        let mut w = std::io::BufWriter::new(std::io::stdout().lock());
        serde_json::to_writer_pretty(&mut w, &out)
            .map_err(|e| e.to_string())
            .and_then(|()| {
                writeln!(w)
                    .and_then(|()| w.flush())
                    .map_err(|e| e.to_string())
            })?;
        // The process ends here: hundreds of thousands of keys need not be
        // freed one by one first.
        std::mem::forget(out);
        std::mem::forget((pairs, ours, theirs));
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
        let (o, t) = (d.pair.ours as usize, d.pair.theirs as usize);
        println!(
            "  ours line {:>6} {:<32} ~ theirs line {:>6} {:<32} {} ({}%)",
            ours.lines[o],
            ours.name(o),
            theirs.lines[t],
            theirs.name(t),
            d.pair.reason.label(),
            d.pair.confidence
        );
    }
    Ok(ExitCode::SUCCESS)
}
