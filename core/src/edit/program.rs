//! Edits of the program as a whole: the owner and the number, the operating
//! rhythm's meetings, tiers, the windows behind tiers and inactivity, the
//! 30-60-90 plan's hand-ticked steps and the health check's history.
//!
//! Rules:
//! - A meeting is the program's, or with one partner of the workspace (a
//!   quarterly business review usually is; a weekly review with a partner in
//!   pilot may be). Deleting a partner deletes its meetings (see
//!   `partner::remove`).
//! - Meeting ids are unique.
//! - The health history keeps one score per day, oldest first: recording a
//!   second score on the same day replaces the first, and a day before the
//!   last is refused.

use super::check::{self, TextKind};
use super::rows::{applied, Row, RowEdit};
use super::{Applied, EditError};
use crate::date::Date;
use crate::money::Money;
use crate::program::{HealthPoint, Meeting, Number, PlanStep, Tier};
use crate::vocab::Vocabulary;
use crate::workspace::Workspace;

crate::fields! {
    /// The program's texts.
    pub enum ProgramText in crate::program::Program => String {
        Owner = "Owner of the number", Short => owner,
    }
}

/// Labels of the program's other fields.
pub const NUMBER: &str = "The number";
pub const TARGET: &str = "Target per quarter";
pub const START: &str = "Program start (day 1 of the 30-60-90 plan)";
pub const TIER_QUARTERS: &str = "Quarters tiers are judged on";
pub const INACTIVE_DAYS: &str = "Days without new pipeline before a partner is inactive";
pub const HEALTH: &str = "Health check score";

/// The fields of a meeting of the rhythm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingField {
    Kind,
    Partner,
    First,
    Time,
    Minutes,
    Attendees,
}

impl MeetingField {
    /// The editor's label in row `number` (1-based).
    pub fn label(self, number: usize) -> String {
        let what = match self {
            MeetingField::Kind => "Meeting",
            MeetingField::Partner => "Partner of meeting",
            MeetingField::First => "First date of meeting",
            MeetingField::Time => "Time of meeting",
            MeetingField::Minutes => "Minutes of meeting",
            MeetingField::Attendees => "Attendees of meeting",
        };
        format!("{what} {number}")
    }
}

impl Row for Meeting {
    const WHAT: &'static str = "meeting";
    fn check(&self, n: usize) -> Result<(), EditError> {
        meeting_checks(self, n)
    }
    /// "Weekly pipeline review" (a review with a partner is named by the
    /// partner only where the workspace is at hand).
    fn title(&self) -> String {
        self.kind.label().to_owned()
    }
}

crate::row_fields! {
    /// The fields of a tier.
    pub enum TierField for Tier as "tier", titled name {
        Name = "Tier # name" (Short => name),
        MinSourced = "Tier # minimum sourced pipeline",
        MinWon = "Tier # minimum revenue won",
        MinWinRate = "Tier # minimum win rate",
        Benefits = "Tier # benefits",
    }
    also tier_checks
}

fn meeting_checks(m: &Meeting, n: usize) -> Result<(), EditError> {
    check::within(
        || MeetingField::Minutes.label(n),
        i64::from(m.minutes),
        5,
        1440,
    )?;
    check::lines(
        &MeetingField::Attendees.label(n),
        &m.attendees,
        TextKind::Short,
    )
}

fn tier_checks(t: &Tier, n: usize) -> Result<(), EditError> {
    check::amount(|| TierField::MinSourced.label(n), t.min_sourced)?;
    check::amount(|| TierField::MinWon.label(n), t.min_won)?;
    if t.min_win_rate.0 > 10_000 {
        return Err(EditError::invalid(
            TierField::MinWinRate.label(n),
            format!("{} is over 100%", t.min_win_rate),
        ));
    }
    check::lines(&TierField::Benefits.label(n), &t.benefits, TextKind::Long)
}

/// A change to the program.
#[derive(Clone, Debug, PartialEq)]
pub enum ProgramEdit {
    Text(ProgramText, String),
    Number(Number),
    Target(Money),
    Start(Option<Date>),
    Meetings(RowEdit<Meeting>),
    Tiers(RowEdit<Tier>),
    TierQuarters(u8),
    InactiveDays(u16),
    /// Tick a step of the 30-60-90 plan by hand on a day, or untick it.
    PlanDone(PlanStep, Option<Date>),
    /// Record the health check's score of a day.
    RecordHealth(HealthPoint),
}

pub(super) fn apply(ws: &mut Workspace, edit: ProgramEdit) -> Result<Applied, EditError> {
    if let ProgramEdit::Meetings(RowEdit::Add(m) | RowEdit::Set(_, m)) = &edit {
        if let Some(p) = &m.partner {
            if ws.partner(p).is_none() {
                return Err(EditError::Missing {
                    what: "partner",
                    id: p.to_string(),
                });
            }
        }
    }
    let taken = |m: &Meeting, row: Option<usize>| {
        ws.program
            .meetings
            .iter()
            .enumerate()
            .any(|(j, x)| Some(j) != row && x.id == m.id)
    };
    let duplicate = match &edit {
        ProgramEdit::Meetings(RowEdit::Add(m)) => Some((m, None)),
        ProgramEdit::Meetings(RowEdit::Set(i, m)) => Some((m, Some(*i))),
        _ => None,
    };
    if let Some((m, row)) = duplicate {
        if taken(m, row) {
            return Err(EditError::Duplicate {
                what: "meeting",
                id: m.id.to_string(),
            });
        }
    }
    let program = &mut ws.program;
    match edit {
        ProgramEdit::Text(f, text) => super::fields::set_text(
            f.slot(program),
            text,
            f.label(),
            f.kind(),
            format!("program:{f:?}"),
        ),
        ProgramEdit::Number(n) => {
            program.number = n;
            Ok(Applied::plain(format!(
                "make the number {}",
                n.label().to_lowercase()
            )))
        }
        ProgramEdit::Target(m) => {
            check::amount(|| TARGET.into(), m)?;
            program.target = m;
            Ok(Applied::keyed(
                "change the target per quarter",
                "program:target",
            ))
        }
        ProgramEdit::Start(d) => {
            program.start = d;
            Ok(Applied::keyed(
                match d {
                    Some(d) => format!("start the program on {d}"),
                    None => "clear the program's start".into(),
                },
                "program:start",
            ))
        }
        ProgramEdit::Meetings(e) => applied(e, &mut program.meetings, "program:meetings"),
        ProgramEdit::Tiers(e) => applied(e, &mut program.tiers, "program:tiers"),
        ProgramEdit::TierQuarters(q) => {
            check::within(|| TIER_QUARTERS.into(), i64::from(q), 1, 8)?;
            program.tier_quarters = q;
            Ok(Applied::keyed(
                format!(
                    "judge tiers on {}",
                    crate::words::count(q.into(), "quarter", "quarters")
                ),
                "program:tier_quarters",
            ))
        }
        ProgramEdit::InactiveDays(d) => {
            check::within(|| INACTIVE_DAYS.into(), i64::from(d), 7, 3650)?;
            program.inactive_days = d;
            Ok(Applied::keyed(
                format!("call partners inactive after {d} days without new pipeline"),
                "program:inactive_days",
            ))
        }
        ProgramEdit::PlanDone(step, day) => {
            let summary = match day {
                Some(_) => format!("tick \u{201c}{}\u{201d}", step.label()),
                None => format!("untick \u{201c}{}\u{201d}", step.label()),
            };
            match day {
                Some(d) => program.plan_done.insert(step, d),
                None => program.plan_done.remove(&step),
            };
            Ok(Applied::plain(summary))
        }
        ProgramEdit::RecordHealth(point) => {
            if point.passing > point.total || point.total > 1000 {
                return Err(EditError::invalid(
                    HEALTH,
                    format!(
                        "{} passing out of {} is not a score",
                        point.passing, point.total
                    ),
                ));
            }
            match program.health.last_mut() {
                Some(last) if last.date == point.date => *last = point,
                Some(last) if last.date > point.date => {
                    return Err(EditError::invalid(
                        HEALTH,
                        format!(
                            "a score is already recorded on {}, after {}",
                            last.date, point.date
                        ),
                    ))
                }
                _ => program.health.push(point),
            }
            Ok(Applied::keyed(
                format!(
                    "record the health check ({} of {})",
                    point.passing, point.total
                ),
                "program:health",
            ))
        }
    }
}

/// Deleting a partner deletes the meetings with it; how many.
pub(super) fn forget_partner(ws: &mut Workspace, partner: &crate::id::Id) -> usize {
    let before = ws.program.meetings.len();
    ws.program
        .meetings
        .retain(|m| m.partner.as_ref() != Some(partner));
    before - ws.program.meetings.len()
}

crate::row_fields! {
    /// The fields of an enablement entry.
    pub enum EnablementField for crate::partner::Enablement as "enablement entry", titled note {
        Date = "Date of entry #",
        Kind = "Kind of entry #",
        Hours = "Hours of entry #",
        Note = "Note of entry #" (Long => note),
    }
    also enablement_checks
}

fn enablement_checks(e: &crate::partner::Enablement, n: usize) -> Result<(), EditError> {
    check::within(
        || EnablementField::Hours.label(n),
        i64::from(e.minutes),
        0,
        60_000,
    )
}
