//! `partnerfit invite FILE --partner ID --site URL`: create a self-assessment
//! invitation, record it (with its secret) in the workspace file, and print
//! the link to send. `--revoke INVITATION` revokes one instead: responses to
//! it are refused from then on.

use std::path::PathBuf;
use std::process::ExitCode;

use partnerfit_core::edit::{Edit, PartnerEdit};
use partnerfit_core::format;
use partnerfit_core::share::crypto::SealEntropy;
use partnerfit_core::share::invitation::{create, InviteEntropy, InviteOptions};
use partnerfit_core::share::passphrase;
use partnerfit_core::{Date, Id};

use crate::input::PartnerFile;
use crate::system;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file and the partner.
    #[command(flatten)]
    at: PartnerFile,
    /// Where the Partnerfit site is hosted, e.g. https://example.com/partnerfit/
    #[arg(long, required_unless_present = "revoke", default_value = "")]
    site: String,
    /// Last day the partner can answer (YYYY-MM-DD).
    #[arg(long)]
    expires: Option<String>,
    /// Our contact e-mail, shown to the partner.
    #[arg(long, default_value = "")]
    contact: String,
    /// Include the rules-of-engagement one-pager.
    #[arg(long)]
    rules: bool,
    /// Seal the invitation with the passphrase in this environment variable
    /// (at least 12 characters).
    #[arg(long, conflicts_with = "generate_passphrase")]
    passphrase_env: Option<String>,
    /// Seal the invitation with a generated passphrase (80 random bits),
    /// printed on standard error: send it apart from the link.
    #[arg(long)]
    generate_passphrase: bool,
    /// Revoke this invitation of the partner instead of creating one.
    #[arg(long, conflicts_with_all = ["expires", "rules", "passphrase_env", "generate_passphrase"])]
    revoke: Option<String>,
    /// Today's date (YYYY-MM-DD; default: the system date).
    #[arg(long)]
    date: Option<String>,
    /// Write the updated workspace (with the invitation) here instead of
    /// over FILE.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let Some((mut ws, at)) = a.at.open()? else {
        return Ok(ExitCode::from(1));
    };
    let id = ws.partners[at].id.clone();
    let today = system::today(a.date.as_deref())?;
    if let Some(invitation) = &a.revoke {
        let invitation = Id::parse(invitation).map_err(|e| format!("--revoke: {e}"))?;
        ws.apply(Edit::partner(
            &id,
            PartnerEdit::Revoke(invitation.clone(), today),
        ))
        .map_err(|e| format!("the invitation was not revoked: {e}"))?;
        let out = write(&ws, a)?;
        eprintln!(
            "invitation {invitation} revoked on {today}: its responses are refused; recorded in {}",
            out.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    if !(a.site.starts_with("https://") || a.site.starts_with("http://")) {
        return Err(format!(
            "--site: \"{}\" is not a web address (https://…)",
            a.site
        ));
    }
    let expires = match &a.expires {
        Some(d) => {
            let d = Date::parse(d).map_err(|e| format!("--expires: {e}"))?;
            if d < today {
                return Err(format!("--expires: {d} is already past"));
            }
            Some(d)
        }
        None => None,
    };
    let options = InviteOptions {
        expires,
        contact: a.contact.clone(),
        include_rules: a.rules,
        passphrase: if a.generate_passphrase {
            let p = passphrase::generate(system::random::<{ passphrase::GENERATED_BYTES }>()?);
            eprintln!("passphrase (send it apart from the link): {p}");
            Some(p)
        } else {
            system::passphrase(a.passphrase_env.as_deref())?
        },
        // Stretched by `create`, here: a command line has no page to freeze.
        stretched: None,
    };
    let entropy = InviteEntropy {
        id: u64::from_le_bytes(system::random::<8>()?),
        secret: system::random::<16>()?,
        seal: SealEntropy::from_bytes(system::random::<28>()?),
    };
    let sent = create(&ws, &id, &options, entropy, today, &a.site)
        .map_err(|e| format!("no invitation was created: {e}"))?;
    let link = sent.link.clone();
    ws.apply(Edit::partner(&id, PartnerEdit::Invite(sent)))
        .map_err(|e| format!("the invitation was not recorded: {e}"))?;
    let out = write(&ws, a)?;
    println!("{link}");
    eprintln!(
        "{} characters; the invitation is recorded in {}",
        link.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Write the workspace (checked to read back) to `--output` or over FILE,
/// through a temporary file so a failure leaves the old one whole.
fn write<'a>(ws: &partnerfit_core::Workspace, a: &'a Args) -> Result<&'a PathBuf, String> {
    format::check_size(ws).map_err(|e| format!("nothing was written: {e}"))?;
    let out = a.output.as_ref().unwrap_or(&a.at.file);
    let tmp = out.with_extension("json.partial");
    std::fs::write(&tmp, format::save(ws))
        .map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, out).map_err(|e| format!("cannot replace {}: {e}", out.display()))?;
    Ok(out)
}
