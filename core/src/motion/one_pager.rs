//! The one-pager handed to a partner: the rules of engagement in words, with
//! "To agree." wherever a rule is missing and nothing internal (no scores, no
//! verdict, no overlap figures) on it. The web page renders it and exports it
//! as Markdown; the command line prints the Markdown.

use serde::{Deserialize, Serialize};

use super::{Motion, Party};
use crate::markdown::escape as md;
use crate::vocab::Vocabulary as _;

/// Shown wherever the motion has no rule yet.
pub const TO_AGREE: &str = "To agree.";

/// Who does one step, in the partner's words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepLine {
    pub step: String,
    pub lead: String,
    pub support: String,
}

/// The one-pager as text blocks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnePager {
    pub title: String,
    /// Journey stages, "where we fit" marked in the text.
    pub journey: Vec<String>,
    pub ownership: Vec<StepLine>,
    pub qualified: Vec<String>,
    pub rejected: Vec<String>,
    pub response_times: String,
    pub sla_notes: String,
    pub eligible: String,
    pub protection: String,
    pub on_expiry: String,
    pub disputes: String,
}

/// Lay out the motion for `partner`, written from `us` (the workspace's
/// company name; "Us" when it has none).
pub fn one_pager(us: &str, partner: &str, m: &Motion) -> OnePager {
    let us = if us.trim().is_empty() {
        "Us"
    } else {
        us.trim()
    };
    let party = |x: Party| match x {
        Party::Us => us.to_owned(),
        Party::Partner => partner.to_owned(),
        Party::Joint => "Both".to_owned(),
        Party::Undecided => "To agree".to_owned(),
    };
    let lines = |items: &[String]| -> Vec<String> {
        items
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let text = |s: &str| {
        let s = s.trim();
        if s.is_empty() {
            TO_AGREE.to_owned()
        } else {
            s.to_owned()
        }
    };
    let days = |d: Option<u16>, unit: &str| match d {
        Some(d) => format!("{d} {unit}"),
        None => "to agree".to_owned(),
    };
    let r = &m.registration;
    let mut disputes = text(&r.dispute_rule);
    if !r.dispute_owner.trim().is_empty() {
        if !disputes.ends_with(['.', '!', '?']) {
            disputes.push('.');
        }
        disputes.push_str(&format!(" Decided by {}.", r.dispute_owner.trim()));
    }
    OnePager {
        title: format!("{us} × {partner}: rules of engagement"),
        journey: m
            .journey
            .iter()
            .filter(|s| !s.name.trim().is_empty())
            .map(|s| {
                let mut line = s.name.trim().to_owned();
                if s.we_fit {
                    line.push_str(&format!(" — where {us} fits"));
                }
                if !s.notes.trim().is_empty() {
                    line.push_str(&format!(": {}", s.notes.trim()));
                }
                line
            })
            .collect(),
        ownership: m
            .ownership
            .iter()
            .map(|o| StepLine {
                step: o.step.label().to_owned(),
                lead: party(o.lead),
                support: party(o.support),
            })
            .collect(),
        qualified: lines(&m.qualified),
        rejected: lines(&m.rejected),
        response_times: format!(
            "First response: {}. Accept or reject: {}.",
            days(m.sla.first_response_days, "business day(s)"),
            days(m.sla.qualification_days, "business day(s)")
        ),
        sla_notes: m.sla.notes.trim().to_owned(),
        eligible: text(&r.eligible),
        protection: match r.protection_days {
            Some(d) => format!("{d} days"),
            None => TO_AGREE.to_owned(),
        },
        on_expiry: text(&r.on_expiry),
        disputes,
    }
}

impl OnePager {
    /// The one-pager as Markdown, for e-mail or a shared document. Text from
    /// the workspace is escaped so it reads as written, not as markup.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("# {}\n\n## Customer journey\n\n", md(&self.title));
        list(&mut out, &self.journey, true);
        out.push_str("\n## Who does what\n\n| Step | Leads | Supports |\n|---|---|---|\n");
        for s in &self.ownership {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                md(&s.step),
                md(&s.lead),
                md(&s.support)
            ));
        }
        out.push_str("\n## Qualified means\n\n");
        list(&mut out, &self.qualified, false);
        out.push_str("\n## Rejected\n\n");
        list(&mut out, &self.rejected, false);
        out.push_str(&format!(
            "\n## Response times\n\n{}\n",
            md(&self.response_times)
        ));
        if !self.sla_notes.is_empty() {
            out.push_str(&format!("\n{}\n", md(&self.sla_notes)));
        }
        out.push_str(&format!(
            "\n## Deal registration\n\n- **Eligible:** {}\n- **Protection:** {}\n- **On expiry:** {}\n- **Disputes:** {}\n",
            md(&self.eligible),
            md(&self.protection),
            md(&self.on_expiry),
            md(&self.disputes)
        ));
        out
    }
}

fn list(out: &mut String, items: &[String], numbered: bool) {
    if items.is_empty() {
        out.push_str(TO_AGREE);
        out.push('\n');
    }
    for (i, item) in items.iter().enumerate() {
        if numbered {
            out.push_str(&format!("{}. {}\n", i + 1, md(item)));
        } else {
            out.push_str(&format!("- {}\n", md(item)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::motion::{DealRegistration, JourneyStage};

    #[test]
    fn an_empty_motion_says_to_agree_everywhere() {
        let p = one_pager("", "Northwind", &Motion::default());
        assert_eq!(p.title, "Us × Northwind: rules of engagement");
        assert!(p.journey.is_empty());
        assert!(p.ownership.iter().all(|s| s.lead == "To agree"));
        assert_eq!(p.disputes, TO_AGREE);
        assert_eq!(
            p.response_times,
            "First response: to agree. Accept or reject: to agree."
        );
    }

    #[test]
    fn markdown_escapes_partner_text() {
        let mut m = Motion::default();
        m.journey.push(JourneyStage {
            name: "Kick*off* <script>".into(),
            we_fit: true,
            notes: "line\nbreak".into(),
        });
        m.registration = DealRegistration {
            dispute_rule: "First | registered".into(),
            dispute_owner: "Head of partnerships".into(),
            ..DealRegistration::default()
        };
        let text = one_pager("Acme", "Northwind", &m).to_markdown();
        assert!(text.contains("1. Kick\\*off\\* \\<script\\> — where Acme fits: line break\n"));
        assert!(text
            .contains("- **Disputes:** First \\| registered. Decided by Head of partnerships.\n"));
    }
}
