//! The ranking as a report: every partner with its verdict, reasons, tie note
//! and sensitivity, as data (serializable) and as text.

use serde::Serialize;

use super::{evaluate_all, format_score, rank, sensitivity, GateState, Verdict};
use crate::partner::{PartnerType, Status};
use crate::vocab::Vocabulary;
use crate::workspace::Workspace;

/// One category of one partner.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategoryLine {
    pub id: String,
    pub name: String,
    /// Weighted mean of the rated criteria, two decimals; absent when unrated.
    pub score: Option<f64>,
    pub gate: Option<f64>,
    /// The gate's per-criterion floor.
    pub floor: Option<u8>,
    /// "passed", "failed", "undetermined" or "no_gate".
    pub gate_state: &'static str,
    pub rated: usize,
    pub unrated: usize,
}

/// One ranked partner.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    pub position: usize,
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: PartnerType,
    pub status: Status,
    /// Weighted total, two decimals; absent when nothing is rated.
    pub score: Option<f64>,
    pub verdict: Verdict,
    /// Fails at least one gate: ranked below every partner that does not.
    pub fails_gate: bool,
    /// Reasons, the deciding ones first.
    pub reasons: Vec<String>,
    /// How many of `reasons` decide the verdict.
    pub deciding: usize,
    pub warnings: Vec<String>,
    pub tie: Option<String>,
    pub fragile: bool,
    pub sensitivity: Vec<String>,
    pub categories: Vec<CategoryLine>,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub company: String,
    pub ranked: usize,
    pub archived: usize,
    pub ranking: Vec<Entry>,
}

fn two_decimals(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Rank every active partner with verdicts, reasons and sensitivity.
pub fn report(ws: &Workspace) -> Report {
    let evals = evaluate_all(ws);
    let ranking = rank(&evals);
    let sens = sensitivity(ws, &evals, &ranking);
    let entries = ranking
        .iter()
        .zip(&sens)
        .map(|(r, s)| {
            let e = &evals[r.evaluation];
            let p = ws.partner(&e.partner);
            Entry {
                position: r.position,
                id: e.partner.to_string(),
                name: e.name.to_string(),
                kind: e.kind,
                status: p.map(|p| p.status()).unwrap_or(Status::Candidate),
                score: e.total.map(two_decimals),
                verdict: e.verdict,
                fails_gate: r.fails_gate,
                reasons: e.reasons.iter().map(|r| r.to_string()).collect(),
                deciding: e.deciding_reasons().count(),
                warnings: e.warnings.iter().map(|w| w.to_string()).collect(),
                tie: r.tie.as_ref().map(|t| t.to_string()),
                fragile: s.fragile(),
                sensitivity: s.sentences(),
                categories: e
                    .categories
                    .iter()
                    .map(|c| CategoryLine {
                        id: c.id.to_string(),
                        name: c.name.to_string(),
                        score: c.mean.map(two_decimals),
                        gate: c.gate,
                        floor: c.floor,
                        gate_state: match c.state {
                            GateState::Passed => "passed",
                            GateState::Failed => "failed",
                            GateState::Undetermined => "undetermined",
                            GateState::NoGate => "no_gate",
                        },
                        rated: c.rated,
                        unrated: c.unrated.len(),
                    })
                    .collect(),
            }
        })
        .collect();
    Report {
        company: ws.profile.name.clone(),
        ranked: ranking.len(),
        archived: ws.partners.iter().filter(|p| p.archived).count(),
        ranking: entries,
    }
}

/// The report as plain text for a terminal.
pub fn render_text(r: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let company = if r.company.is_empty() {
        "(no company name)"
    } else {
        &r.company
    };
    let _ = writeln!(
        out,
        "{company}: partner ranking ({} ranked, {} archived not ranked)",
        r.ranked, r.archived
    );
    let mut line_drawn = false;
    for e in &r.ranking {
        if e.fails_gate && !line_drawn {
            line_drawn = true;
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "  ---- below: {} a gate (gates are minimums: they rank last, whatever their score)",
                if r.ranking.iter().filter(|x| x.fails_gate).count() == 1 {
                    "the partner that fails"
                } else {
                    "partners that fail"
                }
            );
        }
        let score = e.score.map(format_score).unwrap_or_else(|| "–".into());
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{:>3}. {} ({}, {}) — score {score} — {}{}",
            e.position,
            e.name,
            e.kind.label(),
            e.status.label().to_lowercase(),
            e.verdict.label().to_uppercase(),
            if e.fragile { " (fragile)" } else { "" }
        );
        for (i, reason) in e.reasons.iter().enumerate() {
            let mark = if i < e.deciding { "*" } else { "-" };
            let _ = writeln!(out, "     {mark} {reason}");
        }
        for w in &e.warnings {
            let _ = writeln!(out, "     ! {w}");
        }
        if let Some(t) = &e.tie {
            let _ = writeln!(out, "     = {t}");
        }
        for s in &e.sensitivity {
            let _ = writeln!(out, "     ~ {s}");
        }
    }
    if r.ranking.is_empty() {
        let _ = writeln!(out, "\nNo active partners to rank.");
    }
    let _ = writeln!(
        out,
        "\n* decides the verdict   - other reason   ! warning   = tie   ~ sensitivity"
    );
    out
}
