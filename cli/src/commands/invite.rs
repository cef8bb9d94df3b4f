//! `partnerfit invite FILE --partner ID --site URL`: create a self-assessment
//! invitation, record it (with its secret) in the workspace file, and print
//! the link to send.

use std::path::PathBuf;
use std::process::ExitCode;

use partnerfit_core::edit::{Edit, PartnerEdit};
use partnerfit_core::format;
use partnerfit_core::share::crypto::SealEntropy;
use partnerfit_core::share::invitation::{create, InviteEntropy, InviteOptions};
use partnerfit_core::Date;

use crate::input::PartnerFile;
use crate::system;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file and the partner.
    #[command(flatten)]
    at: PartnerFile,
    /// Where the Partnerfit site is hosted, e.g. https://example.com/partnerfit/
    #[arg(long)]
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
    /// Seal the invitation with the passphrase in this environment variable.
    #[arg(long)]
    passphrase_env: Option<String>,
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
    if !(a.site.starts_with("https://") || a.site.starts_with("http://")) {
        return Err(format!(
            "--site: \"{}\" is not a web address (https://…)",
            a.site
        ));
    }
    let today = system::today(a.date.as_deref())?;
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
        passphrase: system::passphrase(a.passphrase_env.as_deref())?,
    };
    let entropy = InviteEntropy {
        id: u64::from_le_bytes(system::random::<8>()?),
        secret: system::random::<16>()?,
        seal: SealEntropy::from_bytes(system::random::<28>()?),
    };
    let sent = create(&ws, &id, &options, entropy, today, &a.site).expect("the partner exists");
    let link = sent.link.clone();
    ws.apply(Edit::partner(&id, PartnerEdit::Invite(sent)))
        .map_err(|e| format!("the invitation was not recorded: {e}"))?;
    format::check_size(&ws).map_err(|e| format!("the invitation was not recorded: {e}"))?;
    let out = a.output.as_ref().unwrap_or(&a.at.file);
    let tmp = out.with_extension("json.partial");
    std::fs::write(&tmp, format::save(&ws))
        .map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, out).map_err(|e| format!("cannot replace {}: {e}", out.display()))?;
    println!("{link}");
    eprintln!(
        "{} characters; the invitation is recorded in {}",
        link.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
