//! `partnerfit pilot FILE --partner ID [--date D] [--json]`: the partner's
//! current pilot on a day — its day, the three success criteria, the
//! recommendation and its reasons.

use std::process::ExitCode;

use partnerfit_core::pilot::evaluate::evaluate;
use partnerfit_core::pilot::recommend::recommend;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::capitalised;
use partnerfit_core::Date;

use crate::input::PartnerFile;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file and the partner.
    #[command(flatten)]
    at: PartnerFile,
    /// The day to judge the pilot on (YYYY-MM-DD; default: its end).
    #[arg(long)]
    date: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(a: &Args) -> Result<ExitCode, String> {
    let Some((ws, at)) = a.at.open()? else {
        return Ok(ExitCode::from(1));
    };
    let p = &ws.partners[at];
    let Some(pilot) = p.pilot() else {
        return Err(format!(
            "{} has no pilot: start one in the app first",
            p.name
        ));
    };
    let today = match &a.date {
        Some(d) => Date::parse(d).map_err(|e| format!("--date: {e}"))?,
        None => pilot.end,
    };
    let state = evaluate(pilot, &ws.pipeline, &p.id, today);
    let rec = recommend(&state);
    if a.json {
        let criteria: Vec<_> = state
            .criteria()
            .iter()
            .map(|(c, s, text)| {
                serde_json::json!({"criterion": c.key(), "status": s.key(), "text": text})
            })
            .collect();
        let out = serde_json::json!({
            "partner": p.id.as_str(),
            "date": today.to_string(),
            "day": state.day,
            "days": state.days,
            "ended": state.ended,
            "criteria": criteria,
            "recommendation": rec.decision.key(),
            "reasons": rec.reasons.iter().map(|r| r.text()).collect::<Vec<_>>(),
            "fixes": rec.fixes(),
            "decided": pilot.decided.as_ref().map(|d| serde_json::json!({
                "decision": d.decision.key(), "date": d.date.to_string(), "reason": d.reason,
            })),
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} — pilot {} to {}, {}",
        p.name,
        pilot.start,
        pilot.end,
        state.day_text()
    );
    for (c, _, text) in state.criteria() {
        println!("  {}: {text}", c.label());
    }
    println!("Recommendation: {}", rec.decision.label());
    for r in &rec.reasons {
        println!("  - {}", capitalised(&r.text()));
    }
    for f in rec.fixes() {
        println!("  fix: {f}");
    }
    if let Some(d) = &pilot.decided {
        println!(
            "Decided on {}: {} — {}",
            d.date,
            d.decision.label(),
            d.reason
        );
    }
    Ok(ExitCode::SUCCESS)
}
