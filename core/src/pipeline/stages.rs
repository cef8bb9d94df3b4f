//! What a CRM's stage, status, won and closed columns say about where a
//! deal stands.
//!
//! Rules:
//! - Stage names are compared in lower case with everything but letters and
//!   digits left out, so HubSpot's internal values ("decisionmakerboughtin")
//!   read like its labels ("Decision maker bought-in"); a trailing
//!   "(Sales Pipeline)" is ignored.
//! - Every CRM's default stages map onto the ladder ([`STAGE_NAMES`]);
//!   another stage name is refused, naming the ones read.
//! - A won column saying yes, or a status saying won, makes the deal won; a
//!   closed column saying yes (and not won), or a status saying lost, makes
//!   it lost, whatever the stage column says (Pipedrive keeps the last open
//!   stage of a won deal). Only then is the stage column read.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Stage;
use crate::vocab::Vocabulary;

/// Every CRM's default stage names, and where each stands on the ladder.
pub const STAGE_NAMES: &[(&str, Stage)] = &[
    // HubSpot's default sales pipeline (its internal values fold the same).
    ("Appointment scheduled", Stage::Qualification),
    ("Qualified to buy", Stage::Discovery),
    ("Presentation scheduled", Stage::Solution),
    ("Decision maker bought-in", Stage::Proposal),
    ("Contract sent", Stage::Negotiation),
    ("Closed won", Stage::Won),
    ("Closed lost", Stage::Lost),
    // Salesforce's default opportunity stages.
    ("Prospecting", Stage::Qualification),
    ("Qualification", Stage::Qualification),
    ("Needs Analysis", Stage::Discovery),
    ("Value Proposition", Stage::Solution),
    ("Id. Decision Makers", Stage::Solution),
    ("Perception Analysis", Stage::Solution),
    ("Proposal/Price Quote", Stage::Proposal),
    ("Negotiation/Review", Stage::Negotiation),
    // Pipedrive's default pipeline, older and newer.
    ("Lead In", Stage::Qualification),
    ("Qualified", Stage::Qualification),
    ("Contact Made", Stage::Discovery),
    ("Needs Defined", Stage::Discovery),
    ("Demo Scheduled", Stage::Solution),
    ("Proposal Made", Stage::Proposal),
    ("Negotiations Started", Stage::Negotiation),
    // Partnerfit's own words.
    ("Discovery", Stage::Discovery),
    ("Solution", Stage::Solution),
    ("Solution and demo", Stage::Solution),
    ("Proposal", Stage::Proposal),
    ("Negotiation", Stage::Negotiation),
    ("Won", Stage::Won),
    ("Lost", Stage::Lost),
];

/// Why a row's stage could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StageError {
    #[error("unknown stage \"{0}\": the stages read are {names}; rename it in the CRM, or set the won and closed columns", names = accepted())]
    Unknown(String),
    #[error("no stage (and no won, closed or status column saying won or lost)")]
    Missing,
}

/// The stage names read, for messages: "Appointment scheduled, …, Lost".
pub fn accepted() -> String {
    STAGE_NAMES
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Lower case, letters and digits only.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn table() -> &'static HashMap<String, Stage> {
    static TABLE: OnceLock<HashMap<String, Stage>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: HashMap<String, Stage> =
            STAGE_NAMES.iter().map(|(n, s)| (fold(n), *s)).collect();
        for s in Stage::ALL {
            t.entry(fold(s.key())).or_insert(*s);
            t.entry(fold(s.label())).or_insert(*s);
        }
        t
    })
}

/// The stage a stage name means, if it is one of [`STAGE_NAMES`] (or
/// Partnerfit's key or label of a stage).
pub fn stage_of(text: &str) -> Option<Stage> {
    let t = table();
    t.get(&fold(text)).copied().or_else(|| {
        // "Closed Won (Sales Pipeline)": HubSpot names the pipeline too.
        let (before, _) = text.rsplit_once('(')?;
        t.get(&fold(before)).copied()
    })
}

/// A yes/no cell: `Some(true)` for true, yes, 1, x, y; `Some(false)` for
/// false, no, 0, n; `None` when empty or anything else.
pub fn yes_no(text: &str) -> Option<bool> {
    if text.is_empty() {
        return None;
    }
    match fold(text).as_str() {
        "true" | "yes" | "1" | "x" | "y" | "wahr" | "ja" | "oui" => Some(true),
        "false" | "no" | "0" | "n" | "falsch" | "nein" | "non" => Some(false),
        _ => None,
    }
}

/// Where a deal stands, from its stage, status, won and closed cells (empty
/// when the export has no such column).
pub fn current_stage(
    stage: &str,
    status: &str,
    won: &str,
    closed: &str,
) -> Result<Stage, StageError> {
    let status = fold(status);
    let won = yes_no(won);
    if won == Some(true) || status == "won" {
        return Ok(Stage::Won);
    }
    let named = stage_of(stage);
    let closed = yes_no(closed) == Some(true);
    if status == "lost" || (closed && (won == Some(false) || named != Some(Stage::Won))) {
        return Ok(Stage::Lost);
    }
    match named {
        Some(s) => Ok(s),
        None if stage.trim().is_empty() => Err(StageError::Missing),
        None => Err(StageError::Unknown(stage.trim().to_owned())),
    }
}
