//! Edits of the rules of engagement with one partner (step 5).

use super::check;
use super::fields::{set_lines, set_text};
use super::rows::RowEdit;
use super::{Applied, EditError};
use crate::motion::{JourneyStage, Motion, Party, Step};
use crate::partner::Partner;
use crate::vocab::Vocabulary;

crate::fields! {
    /// Lines of criteria: what "qualified" means, what gets rejected.
    pub enum MotionLines in Motion => Vec<String> {
        Qualified = "What \u{201c}qualified\u{201d} means", Long => qualified,
        Rejected = "What gets rejected", Long => rejected,
    }
}

crate::fields! {
    /// A text of the SLAs and of deal registration.
    pub enum MotionText in Motion => String {
        SlaNotes = "SLA notes", Long => sla.notes,
        Eligible = "What can be registered", Long => registration.eligible,
        OnExpiry = "What happens on expiry", Long => registration.on_expiry,
        DisputeRule = "How direct-versus-partner disputes are resolved", Long => registration.dispute_rule,
        DisputeOwner = "Who decides disputes", Short => registration.dispute_owner,
    }
}

crate::fields! {
    /// A number of days (empty: not decided).
    pub enum MotionDays in Motion => Option<u16> {
        FirstResponse = "First response (business days)" => sla.first_response_days,
        Qualification = "Accept or reject (business days)" => sla.qualification_days,
        Protection = "Protection period (days)" => registration.protection_days,
    }
}

impl MotionDays {
    /// The most days the file keeps.
    pub const MAX: u16 = 3650;
}

/// Who leads a sales step, or who supports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Lead,
    Support,
}

impl Role {
    pub fn label(self, step: Step) -> String {
        match self {
            Role::Lead => format!("{} led by", step.label()),
            Role::Support => format!("{} supported by", step.label()),
        }
    }
}

crate::row_fields! {
    /// The fields of a stage of the partner's customer journey.
    pub enum StageField for JourneyStage as "stage", titled name {
        Name = "Stage #" (Short => name),
        WeFit = "We fit at stage #",
        Notes = "Notes on stage #" (Long => notes),
    }
}

/// A change to the rules of engagement.
#[derive(Clone, Debug, PartialEq)]
pub enum MotionEdit {
    /// Their customer journey, stage by stage.
    Journey(RowEdit<JourneyStage>),
    Owner(Step, Role, Party),
    Lines(MotionLines, Vec<String>),
    Text(MotionText, String),
    Days(MotionDays, Option<u16>),
}

pub(super) fn apply(p: &mut Partner, edit: MotionEdit) -> Result<Applied, EditError> {
    let m = &mut p.motion;
    match edit {
        MotionEdit::Journey(e) => super::rows::applied(e, &mut m.journey, "journey"),
        MotionEdit::Owner(step, role, party) => {
            let o = m
                .ownership
                .iter_mut()
                .find(|o| o.step == step)
                .ok_or(EditError::NoRow {
                    what: "sales step",
                    number: Step::ALL.iter().position(|s| *s == step).unwrap_or(0) + 1,
                })?;
            match role {
                Role::Lead => o.lead = party,
                Role::Support => o.support = party,
            }
            Ok(Applied::plain(format!(
                "set {} to {}",
                role.label(step).to_lowercase(),
                party.label().to_lowercase()
            )))
        }
        MotionEdit::Lines(f, items) => {
            let key = format!("motion:{f:?}");
            set_lines(f.slot(m), items, f.label(), f.kind(), key)
        }
        MotionEdit::Text(f, text) => {
            let key = format!("motion:{f:?}");
            set_text(f.slot(m), text, f.label(), f.kind(), key)
        }
        MotionEdit::Days(field, days) => {
            if let Some(d) = days {
                check::within(
                    || field.label().into(),
                    i64::from(d),
                    0,
                    i64::from(MotionDays::MAX),
                )?;
            }
            *field.slot(m) = days;
            Ok(Applied::keyed(
                format!("edit {}", field.label().to_lowercase()),
                format!("motion:{field:?}"),
            ))
        }
    }
}
