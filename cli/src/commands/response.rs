//! `partnerfit response LINK_OR_FILE [--workspace FILE]`: decode and validate
//! a partner's response; with the workspace, check that it answers one of
//! our invitations and compare it with our ratings.
//!
//! Everything the partner wrote is printed with its control characters
//! escaped (`\u{1b}`): a terminal escape in a response cannot print a fake
//! "Verified" line or hide the real one. Exit status: 0 verified (a sealed
//! invitation's response), 3 matches the link only (an unsealed invitation:
//! anyone holding the link could have made it), 4 read but not checked (no
//! `--workspace`), 1 altered or refused.

use std::path::PathBuf;
use std::process::ExitCode;

use partnerfit_core::controls;
use partnerfit_core::share::compare::compare;
use partnerfit_core::share::crypto::Secret;
use partnerfit_core::share::records::Verification;
use partnerfit_core::share::response::{attach, open};
use partnerfit_core::vocab::Vocabulary;

use crate::input::{read_text, valid_workspace};
use crate::system;

#[derive(clap::Args)]
pub struct Args {
    /// The response link (or the envelope text), or a path to the response file.
    input: String,
    /// Our workspace: verify the response against our invitations.
    #[arg(long)]
    workspace: Option<PathBuf>,
    /// The passphrase (for sealed responses) is in this environment variable.
    #[arg(long)]
    passphrase_env: Option<String>,
    /// Today's date (YYYY-MM-DD; default: the system date).
    #[arg(long)]
    date: Option<String>,
}

/// What the partner wrote, safe to print on one line.
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    controls::escape(text, false)
}

fn score(s: Option<u8>) -> String {
    s.map_or_else(|| "–".to_owned(), |s| s.to_string())
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let path = std::path::Path::new(&a.input);
    let text = if !a.input.contains('#') && !a.input.starts_with("pf") && path.exists() {
        read_text(path)?
    } else {
        a.input.clone()
    };
    let passphrase = system::passphrase(a.passphrase_env.as_deref())?;
    let r = match open(&text, passphrase.as_deref().map(Secret::from)) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("invalid response: {e}");
            if let Some(detail) = e.detail() {
                eprintln!("  (detail: {})", shown(&detail));
            }
            return Ok(ExitCode::from(1));
        }
    };
    let d = &r.response.draft;
    println!(
        "Response to invitation {} from {} ({}), sent {}",
        r.invitation,
        shown(&d.name),
        if d.email.is_empty() {
            "no e-mail".into()
        } else {
            shown(&d.email)
        },
        r.submitted
    );
    let Some(ws_path) = &a.workspace else {
        for (id, x) in &d.ratings {
            println!("  {id}: {} {}", score(x.score), shown(&x.evidence));
        }
        println!("(not verified: pass --workspace to check it against our invitations)");
        return Ok(ExitCode::from(4));
    };
    let Some(ws) = valid_workspace(ws_path)? else {
        return Ok(ExitCode::from(1));
    };
    let today = system::today(a.date.as_deref())?;
    let att = match attach(&ws, &r, today) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(1));
        }
    };
    let p = ws.partner(&att.partner).expect("attach found the partner");
    println!("{}: {}", shown(&p.name), att.response.verification.label());
    if att.late {
        println!("Received after the invitation expired.");
    }
    if att.duplicate {
        println!("Already imported.");
    }
    println!("{:<70} {:>6} {:>6}", "Criterion", "Theirs", "Ours");
    for row in compare(&ws.scorecard, p, &att.response) {
        let flag = row
            .gap_text()
            .map(|t| format!("  ← {}", shown(&t)))
            .unwrap_or_default();
        println!(
            "{:<70} {:>6} {:>6}{flag}",
            shown(&row.text.chars().take(70).collect::<String>()),
            score(row.theirs),
            score(row.ours)
        );
    }
    Ok(match att.response.verification {
        Verification::Verified => ExitCode::SUCCESS,
        Verification::MatchesLink => ExitCode::from(3),
        Verification::Altered => ExitCode::from(1),
    })
}
