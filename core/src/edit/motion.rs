//! Edits of the rules of engagement with one partner (step 5).

use super::check::{self, TextKind};
use super::rows::{Row, RowEdit};
use super::{Applied, EditError};
use crate::motion::{JourneyStage, Motion, Party, Step};
use crate::partner::Partner;
use crate::vocab::Vocabulary;

/// Lines of criteria: what "qualified" means, what gets rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MotionLines {
    Qualified,
    Rejected,
}

impl MotionLines {
    pub fn label(self) -> &'static str {
        match self {
            MotionLines::Qualified => "What \u{201c}qualified\u{201d} means",
            MotionLines::Rejected => "What gets rejected",
        }
    }

    pub fn get(self, m: &Motion) -> &[String] {
        match self {
            MotionLines::Qualified => &m.qualified,
            MotionLines::Rejected => &m.rejected,
        }
    }
}

/// A text of the SLAs and of deal registration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MotionText {
    SlaNotes,
    Eligible,
    OnExpiry,
    DisputeRule,
    DisputeOwner,
}

impl MotionText {
    pub fn label(self) -> &'static str {
        match self {
            MotionText::SlaNotes => "SLA notes",
            MotionText::Eligible => "What can be registered",
            MotionText::OnExpiry => "What happens on expiry",
            MotionText::DisputeRule => "How direct-versus-partner disputes are resolved",
            MotionText::DisputeOwner => "Who decides disputes",
        }
    }

    pub fn kind(self) -> TextKind {
        match self {
            MotionText::DisputeOwner => TextKind::Short,
            _ => TextKind::Long,
        }
    }

    pub fn get(self, m: &Motion) -> &str {
        match self {
            MotionText::SlaNotes => &m.sla.notes,
            MotionText::Eligible => &m.registration.eligible,
            MotionText::OnExpiry => &m.registration.on_expiry,
            MotionText::DisputeRule => &m.registration.dispute_rule,
            MotionText::DisputeOwner => &m.registration.dispute_owner,
        }
    }

    fn slot(self, m: &mut Motion) -> &mut String {
        match self {
            MotionText::SlaNotes => &mut m.sla.notes,
            MotionText::Eligible => &mut m.registration.eligible,
            MotionText::OnExpiry => &mut m.registration.on_expiry,
            MotionText::DisputeRule => &mut m.registration.dispute_rule,
            MotionText::DisputeOwner => &mut m.registration.dispute_owner,
        }
    }
}

/// A number of days (empty: not decided).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MotionDays {
    FirstResponse,
    Qualification,
    Protection,
}

impl MotionDays {
    /// The most days the file keeps.
    pub const MAX: u16 = 3650;

    pub fn label(self) -> &'static str {
        match self {
            MotionDays::FirstResponse => "First response (business days)",
            MotionDays::Qualification => "Accept or reject (business days)",
            MotionDays::Protection => "Protection period (days)",
        }
    }

    pub fn get(self, m: &Motion) -> Option<u16> {
        match self {
            MotionDays::FirstResponse => m.sla.first_response_days,
            MotionDays::Qualification => m.sla.qualification_days,
            MotionDays::Protection => m.registration.protection_days,
        }
    }

    fn slot(self, m: &mut Motion) -> &mut Option<u16> {
        match self {
            MotionDays::FirstResponse => &mut m.sla.first_response_days,
            MotionDays::Qualification => &mut m.sla.qualification_days,
            MotionDays::Protection => &mut m.registration.protection_days,
        }
    }
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

/// The field names of a journey stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageField {
    Name,
    WeFit,
    Notes,
}

impl StageField {
    pub fn label(self, number: usize) -> String {
        match self {
            StageField::Name => format!("Stage {number}"),
            StageField::WeFit => format!("We fit at stage {number}"),
            StageField::Notes => format!("Notes on stage {number}"),
        }
    }
}

impl Row for JourneyStage {
    const WHAT: &'static str = "stage";
    fn check(&self, n: usize) -> Result<(), EditError> {
        check::text(|| StageField::Name.label(n), &self.name, TextKind::Short)?;
        check::text(|| StageField::Notes.label(n), &self.notes, TextKind::Long)
    }
    fn title(&self) -> String {
        self.name.clone()
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
        MotionEdit::Lines(field, items) => {
            check::lines(field.label(), &items, TextKind::Long)?;
            match field {
                MotionLines::Qualified => m.qualified = items,
                MotionLines::Rejected => m.rejected = items,
            }
            Ok(Applied::keyed(
                format!("edit {}", field.label().to_lowercase()),
                format!("motion:{field:?}"),
            ))
        }
        MotionEdit::Text(field, text) => {
            check::text(|| field.label().into(), &text, field.kind())?;
            *field.slot(m) = text;
            Ok(Applied::keyed(
                format!("edit {}", field.label().to_lowercase()),
                format!("motion:{field:?}"),
            ))
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
