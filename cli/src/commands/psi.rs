//! `partnerfit psi start|show|answer|finish`: account overlap with a partner
//! without handing over either CRM list (private set intersection,
//! `overlap::private`). The three files are the core's wire format, which the
//! web app is to read and write too.
//!
//! What a side keeps between its steps (its secret, and which of its keys
//! it sent in which order) goes to a state directory, one file per session:
//! `--state DIR`, else `$PARTNERFIT_STATE`, else
//! `$XDG_DATA_HOME/partnerfit/psi`, else `~/.local/share/partnerfit/psi`.
//! It never leaves this machine.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use partnerfit_core::overlap::account::Account;
use partnerfit_core::overlap::matching::keys_of;
use partnerfit_core::overlap::normalize::Psl;
use partnerfit_core::overlap::population::Population;
use partnerfit_core::overlap::private::keys::KeySets;
use partnerfit_core::overlap::private::steps::{self, Answered, Asked, Outcome, DEFAULT_MIN_SIZE};
use partnerfit_core::overlap::private::wire::{check_name, decode, Message, Mode};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::count;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::overlap::read_accounts;
use crate::system::random;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    step: PsiStep,
}

#[derive(clap::Subcommand)]
enum PsiStep {
    /// Step 1 (the company that starts): blind our accounts' keys into a request file.
    Start(Start),
    /// Show what a request asks (who, the mode, the sizes) before answering it.
    Show(Show),
    /// Step 2 (the partner): answer a request with our own accounts.
    Answer(Answer),
    /// Step 3: finish with the partner's answer (the starting company, which
    /// also writes the result file for the partner), or read the result (the partner).
    Finish(Finish),
}

#[derive(clap::Args)]
struct Common {
    /// Who we are, as the other side will see it.
    #[arg(long, default_value = "")]
    from: String,
    /// Refuse lists with fewer accounts taking part (a tiny list could probe
    /// for single accounts).
    #[arg(long, default_value_t = DEFAULT_MIN_SIZE)]
    min_size: u32,
    /// Where this side keeps its session state (see the command's help).
    #[arg(long, value_name = "DIR")]
    state: Option<PathBuf>,
}

#[derive(clap::Args)]
struct Start {
    /// Our accounts (CSV export of a CRM or a spreadsheet).
    #[arg(long)]
    ours: PathBuf,
    /// counts: both sides learn only the number of shared accounts per pair
    /// of populations; accounts: each also learns which of its own are shared.
    #[arg(long, default_value = "counts", value_parser = parse_mode)]
    mode: Mode,
    /// The request file to send to the partner.
    #[arg(short, long)]
    output: PathBuf,
    #[command(flatten)]
    common: Common,
}

#[derive(clap::Args)]
struct Show {
    /// A request file.
    request: PathBuf,
}

#[derive(clap::Args)]
struct Answer {
    /// The request file received.
    request: PathBuf,
    /// Our accounts (CSV export).
    #[arg(long)]
    ours: PathBuf,
    /// Our populations taking part, comma-separated (customer,
    /// open_opportunity, prospect); all by default.
    #[arg(long, value_delimiter = ',', value_parser = parse_population)]
    populations: Vec<Population>,
    /// The answer file to send back.
    #[arg(short, long)]
    output: PathBuf,
    #[command(flatten)]
    common: Common,
}

#[derive(clap::Args)]
struct Finish {
    /// The partner's answer (we started), or the result (we answered).
    file: PathBuf,
    /// Where to write the result file for the partner (when finishing an
    /// answer); default: result.psi beside the answer.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Where this side keeps its session state.
    #[arg(long, value_name = "DIR")]
    state: Option<PathBuf>,
}

fn parse_mode(s: &str) -> Result<Mode, String> {
    Mode::from_key(s).ok_or_else(|| format!("expected {}", Mode::expected()))
}

fn parse_population(s: &str) -> Result<Population, String> {
    Population::from_key(s.trim()).ok_or_else(|| format!("expected {}", Population::expected()))
}

/// What a side keeps: the core's state, and the accounts behind its keys
/// (to name its shared accounts in accounts mode).
#[derive(Serialize, Deserialize)]
struct Kept<T> {
    step: T,
    list: String,
    accounts: BTreeMap<String, Vec<(usize, String)>>,
}

fn state_dir(given: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(d) = given {
        return Ok(d.to_owned());
    }
    if let Some(d) = std::env::var_os("PARTNERFIT_STATE") {
        return Ok(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_DATA_HOME") {
        return Ok(PathBuf::from(d).join("partnerfit").join("psi"));
    }
    std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join(".local/share/partnerfit/psi"))
        .ok_or_else(|| "no state directory: give --state DIR".to_owned())
}

fn state_file(dir: &Path, session: &str, role: &str) -> PathBuf {
    dir.join(format!("{session}.{role}.json"))
}

fn save<T: Serialize>(dir: &Path, session: &str, role: &str, kept: &Kept<T>) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = state_file(dir, session, role);
    let text = serde_json::to_string(kept).map_err(|e| e.to_string())?;
    write_private(&path, text.as_bytes())
}

/// Write a file only its owner can read (it may hold a secret).
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    let mut f = o
        .open(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    // A file that existed keeps its mode on open: set it.
    #[cfg(unix)]
    std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .map_err(|e| format!("cannot protect {}: {e}", path.display()))?;
    f.write_all(bytes)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn load<T: for<'de> Deserialize<'de>>(
    dir: &Path,
    session: &str,
    role: &str,
) -> Result<Option<Kept<T>>, String> {
    let path = state_file(dir, session, role);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| format!("{}: the kept state cannot be read: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn key_sets(path: &Path, keep: &[Population]) -> Result<(Vec<Account>, KeySets), String> {
    let accounts = read_accounts(path)?;
    let keys = keys_of(Psl::embedded(), &accounts);
    let sets = KeySets::of(&accounts, &keys, keep);
    if sets.without_key > 0 {
        eprintln!(
            "{}: {} without a domain or a name left out",
            path.display(),
            count(sets.without_key, "account", "accounts")
        );
    }
    Ok((accounts, sets))
}

/// The accounts behind each key, kept to name shared accounts (accounts mode only).
fn accounts_by_key(
    mode: Mode,
    accounts: &[Account],
    sets: &KeySets,
) -> BTreeMap<String, Vec<(usize, String)>> {
    if mode == Mode::Counts {
        return BTreeMap::new();
    }
    sets.populations
        .iter()
        .flatten()
        .map(|e| {
            let a = e.accounts.iter().map(|i| {
                let a = &accounts[*i as usize];
                (a.line, a.name.clone())
            });
            (e.key.clone(), a.collect())
        })
        .collect()
}

fn sizes_text(sizes: &[Option<u32>; 3]) -> String {
    let parts: Vec<String> = Population::ALL
        .iter()
        .zip(sizes)
        .filter_map(|(p, n)| n.map(|n| p.count(n as usize)))
        .collect();
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join(", ")
    }
}

fn start(a: &Start) -> Result<ExitCode, String> {
    check_name(&a.common.from).map_err(|e| format!("--from: {e}"))?;
    let (accounts, sets) = key_sets(&a.ours, Population::ALL)?;
    let seed = random::<32>()?;
    let (file, asked) = steps::start(&sets, a.mode, &a.common.from, a.common.min_size, &seed)
        .map_err(|e| format!("{}: {e}", a.ours.display()))?;
    let dir = state_dir(a.common.state.as_deref())?;
    let session = asked.session.clone();
    let kept = Kept {
        accounts: accounts_by_key(a.mode, &accounts, &sets),
        list: a.ours.display().to_string(),
        step: asked,
    };
    save(&dir, &session, "asked", &kept)?;
    std::fs::write(&a.output, &file)
        .map_err(|e| format!("cannot write {}: {e}", a.output.display()))?;
    eprintln!(
        "wrote the request to {} ({}, {}; session {session}); send it to the partner, then run `partnerfit psi finish` on their answer",
        a.output.display(),
        a.mode.label(),
        sizes_text(&sets.taking_part()),
    );
    Ok(ExitCode::SUCCESS)
}

fn show(a: &Show) -> Result<ExitCode, String> {
    let r = steps::read_request(&read_file(&a.request)?)
        .map_err(|e| format!("{}: {e}", a.request.display()))?;
    let sizes = steps::sizes(&r.points);
    println!("Private comparison request, session {}", r.session);
    println!(
        "from:     {}",
        if r.from.is_empty() {
            "(unnamed)"
        } else {
            &r.from
        }
    );
    println!("mode:     {}", r.mode.label());
    println!("their list: {}", sizes_text(&sizes));
    println!("they refuse answers under {} accounts", r.min_size);
    println!(
        "{}",
        match r.mode {
            Mode::Counts => "With Partnerfit on both sides, both learn only how many accounts are shared per pair of populations (docs/private-overlap.md says what modified software could learn).",
            Mode::Accounts => "Both sides learn which of their own accounts are shared (never the other side's other accounts).",
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn answer(a: &Answer) -> Result<ExitCode, String> {
    check_name(&a.common.from).map_err(|e| format!("--from: {e}"))?;
    let request = read_file(&a.request)?;
    let r = steps::read_request(&request).map_err(|e| format!("{}: {e}", a.request.display()))?;
    let keep = if a.populations.is_empty() {
        Population::ALL
    } else {
        &a.populations[..]
    };
    let (accounts, sets) = key_sets(&a.ours, keep)?;
    let seed = random::<32>()?;
    let (file, answered) = steps::answer(&request, &sets, &a.common.from, a.common.min_size, &seed)
        .map_err(|e| format!("{}: {e}", a.request.display()))?;
    let dir = state_dir(a.common.state.as_deref())?;
    let session = answered.session.clone();
    let kept = Kept {
        accounts: accounts_by_key(r.mode, &accounts, &sets),
        list: a.ours.display().to_string(),
        step: answered,
    };
    save(&dir, &session, "answered", &kept)?;
    std::fs::write(&a.output, &file)
        .map_err(|e| format!("cannot write {}: {e}", a.output.display()))?;
    eprintln!(
        "answered {}'s request ({}) with {}; wrote {}: send it back",
        if r.from.is_empty() { "the" } else { &r.from },
        r.mode.label(),
        sizes_text(&sets.taking_part()),
        a.output.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn finish(a: &Finish) -> Result<ExitCode, String> {
    let bytes = read_file(&a.file)?;
    let at = |e: partnerfit_core::overlap::private::error::PsiError| {
        format!("{}: {e}", a.file.display())
    };
    let dir = state_dir(a.state.as_deref())?;
    let message = decode(&bytes).map_err(at)?;
    let (session, role) = match &message {
        Message::Answer(m) => (m.session.to_string(), "asked"),
        Message::Result(m) => (m.session.to_string(), "answered"),
        Message::Request(_) => {
            return Err(format!(
                "{}: this is the request of a private comparison: answer it with `partnerfit psi answer`, or finish with the answer or the result",
                a.file.display()
            ))
        }
    };
    let missing =
        || {
            format!(
            "{}: no comparison with session {session} was {} on this machine (state directory {})",
            a.file.display(),
            if role == "asked" { "started" } else { "answered" },
            dir.display()
        )
        };
    let (outcome, accounts) = if role == "asked" {
        let mut kept: Kept<Asked> = load(&dir, &session, role)?.ok_or_else(missing)?;
        let (result, outcome) = steps::finish(&kept.step, &bytes).map_err(at)?;
        let out = a
            .output
            .clone()
            .unwrap_or_else(|| a.file.parent().unwrap_or(Path::new(".")).join("result.psi"));
        std::fs::write(&out, &result)
            .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        // The secret has served: erase it, so no later answer can be read.
        kept.step.erase_secret();
        save(&dir, &session, role, &kept)?;
        eprintln!(
            "wrote the result to {}: send it to the partner",
            out.display()
        );
        (outcome, kept.accounts)
    } else {
        let kept: Kept<Answered> = load(&dir, &session, role)?.ok_or_else(missing)?;
        let outcome = steps::read_result(&kept.step, &bytes).map_err(at)?;
        if a.output.is_some() {
            eprintln!("--output is for finishing an answer; nothing to write for a result");
        }
        (outcome, kept.accounts)
    };
    print_outcome(&outcome, &accounts, a.json)?;
    Ok(ExitCode::SUCCESS)
}

fn print_outcome(
    o: &Outcome,
    accounts: &BTreeMap<String, Vec<(usize, String)>>,
    as_json: bool,
) -> Result<(), String> {
    let pops = Population::ALL;
    if as_json {
        let out = json!({
            "privately_computed": true,
            "session": o.session.to_string(),
            "mode": o.mode.key(),
            "requester": o.requester,
            "responder": o.responder,
            "populations": pops.iter().map(|p| p.key()).collect::<Vec<_>>(),
            "requester_sizes": o.requester_sizes,
            "responder_sizes": o.responder_sizes,
            "matrix": o.cells,
            "shared": o.shared.iter().map(|s| json!({
                "population": s.population.key(),
                "key": s.key,
                "accounts": accounts.get(&s.key).map(|v| v.iter().map(|(line, name)| json!({"line": line, "name": name})).collect::<Vec<_>>()).unwrap_or_default(),
                "theirs": s.theirs.iter().map(|p| p.key()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    let name = |s: &str| {
        if s.is_empty() {
            "(unnamed)".to_owned()
        } else {
            s.to_owned()
        }
    };
    println!(
        "Private comparison {} ({}), computed without either list leaving its owner",
        o.session,
        o.mode.label()
    );
    println!(
        "requester: {} ({})",
        name(&o.requester),
        sizes_text(&o.requester_sizes)
    );
    println!(
        "responder: {} ({})",
        name(&o.responder),
        sizes_text(&o.responder_sizes)
    );
    println!("\nShared accounts (rows: the requester's populations, columns: the responder's)\n");
    print!("{:<28}", "");
    for p in pops {
        print!("{:>20}", p.label());
    }
    println!();
    for (i, p) in pops.iter().enumerate() {
        print!("{:<28}", format!("requester: {}", p.label()));
        for j in 0..3 {
            let cell = if o.requester_sizes[i].is_some() && o.responder_sizes[j].is_some() {
                o.cells[i][j].to_string()
            } else {
                "-".to_owned()
            };
            print!("{cell:>20}");
        }
        println!();
    }
    if o.mode == Mode::Accounts {
        println!(
            "\n{} of ours:",
            count(o.shared.len(), "shared account", "shared accounts")
        );
        for s in &o.shared {
            let names: Vec<String> = accounts
                .get(&s.key)
                .map(|v| {
                    v.iter()
                        .map(|(line, n)| format!("{n} (line {line})"))
                        .collect()
                })
                .unwrap_or_default();
            let theirs: Vec<&str> = s.theirs.iter().map(|p| p.label()).collect();
            println!(
                "  {:<40} ours: {:<20} theirs: {}",
                names.join("; "),
                s.population.label(),
                theirs.join(", ")
            );
        }
    }
    Ok(())
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    match &a.step {
        PsiStep::Start(s) => start(s),
        PsiStep::Show(s) => show(s),
        PsiStep::Answer(s) => answer(s),
        PsiStep::Finish(s) => finish(s),
    }
}
