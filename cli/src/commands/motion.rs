//! `partnerfit motion FILE --partner ID`: the rules-of-engagement one-pager
//! as Markdown (what the partner receives; no internal scores), and its gaps
//! on stderr.

use std::process::ExitCode;

use partnerfit_core::motion::one_pager::one_pager;

use crate::input::PartnerFile;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file and the partner.
    #[command(flatten)]
    at: PartnerFile,
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let Some((ws, at)) = a.at.open()? else {
        return Ok(ExitCode::from(1));
    };
    let p = &ws.partners[at];
    print!(
        "{}",
        one_pager(&ws.profile.name, &p.name, &p.motion).to_markdown()
    );
    let gaps = p.motion.gaps();
    if !gaps.is_empty() {
        eprintln!(
            "{} in the rules of engagement:",
            partnerfit_core::words::count(gaps.len(), "gap", "gaps")
        );
        for g in gaps {
            eprintln!("  - {}", g.message);
        }
    }
    Ok(ExitCode::SUCCESS)
}
