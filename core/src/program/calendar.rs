//! The operating rhythm as calendar events: one recurring event per meeting,
//! as data; the `partnerfit-ics` crate writes them as an iCalendar file
//! (RFC 5545) with a maintained writer.
//!
//! Rules:
//! - Times are floating local times (no time zone): a 09:30 review is at
//!   09:30 wherever the calendar is opened, which is what a team in one
//!   place expects and what Google Calendar, Outlook and Apple Calendar
//!   import without a time-zone definition.
//! - A weekly review recurs every week on the first date's weekday.
//! - A monthly or quarterly review recurs on the same weekday of the month
//!   as the first date ("the second Tuesday"): `BYDAY=2TU`, every 1 or 3
//!   months. A first date in the month's last seven days that is also past
//!   its 28th recurs on the month's last such weekday (`-1TU`), so no
//!   month is skipped.
//! - A meeting's uid is its id at the company's website host, stable across
//!   exports: importing the file again updates the events instead of adding
//!   copies.

use crate::date::Date;
use crate::program::{ClockTime, MeetingKind};
use crate::vocab::Vocabulary;
use crate::workspace::Workspace;

/// How an event recurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recurrence {
    /// Every week on `weekday` (Monday = 0).
    Weekly { weekday: u8 },
    /// Every `interval` months on the `ordinal`th `weekday` of the month
    /// (`-1`: the last).
    Monthly {
        interval: u8,
        ordinal: i8,
        weekday: u8,
    },
}

impl Recurrence {
    /// The `RRULE` value.
    pub fn rule(self) -> String {
        match self {
            Recurrence::Weekly { weekday } => {
                format!("FREQ=WEEKLY;BYDAY={}", DAY_CODES[weekday as usize])
            }
            Recurrence::Monthly {
                interval,
                ordinal,
                weekday,
            } => format!(
                "FREQ=MONTHLY;INTERVAL={interval};BYDAY={ordinal}{}",
                DAY_CODES[weekday as usize]
            ),
        }
    }

    /// In words: "every Monday", "every 3 months on the second Tuesday".
    pub fn text(self) -> String {
        match self {
            Recurrence::Weekly { weekday } => format!("every {}", DAY_NAMES[weekday as usize]),
            Recurrence::Monthly {
                interval,
                ordinal,
                weekday,
            } => {
                let nth = match ordinal {
                    1 => "first",
                    2 => "second",
                    3 => "third",
                    4 => "fourth",
                    _ => "last",
                };
                let every = if interval == 1 {
                    "every month".to_owned()
                } else {
                    format!("every {interval} months")
                };
                format!("{every} on the {nth} {}", DAY_NAMES[weekday as usize])
            }
        }
    }
}

const DAY_CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// One recurring event of the rhythm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable across exports (`meeting-id@host`).
    pub uid: String,
    pub title: String,
    pub description: String,
    pub first: Date,
    pub time: ClockTime,
    pub minutes: u16,
    pub recurrence: Recurrence,
    /// As written; those that look like e-mail addresses become attendees
    /// the calendar can invite, the others are listed in the description.
    pub attendees: Vec<String>,
}

impl CalendarEvent {
    /// Attendees written as e-mail addresses.
    pub fn emails(&self) -> impl Iterator<Item = &str> {
        self.attendees
            .iter()
            .map(|a| a.trim())
            .filter(|a| is_email(a))
    }
}

/// Whether `text` looks like one e-mail address.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || c == ',' || c == ';')
        && !domain.contains('@')
}

/// How a meeting of `kind` recurs from its `first` date.
pub fn recurrence(kind: MeetingKind, first: Date) -> Recurrence {
    let weekday = first.weekday();
    match kind.months_apart() {
        None => Recurrence::Weekly { weekday },
        Some(interval) => {
            let day = first.day();
            let ordinal = if day > 28 {
                -1
            } else {
                ((day - 1) / 7 + 1) as i8
            };
            Recurrence::Monthly {
                interval: interval as u8,
                ordinal,
                weekday,
            }
        }
    }
}

/// The host that makes uids unique to this company ("ledgerline.example"),
/// from its website; "partnerfit.invalid" without one.
fn host(ws: &Workspace) -> String {
    let site = ws.profile.website.trim();
    let rest = site.split_once("://").map_or(site, |(_, r)| r);
    let host: String = rest
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    if host.is_empty() {
        "partnerfit.invalid".into()
    } else {
        host
    }
}

/// The events of the rhythm of `ws`, one per meeting, in the order set.
pub fn events(ws: &Workspace) -> Vec<CalendarEvent> {
    let host = host(ws);
    let company = if ws.profile.name.trim().is_empty() {
        "Partner program".to_owned()
    } else {
        ws.profile.name.trim().to_owned()
    };
    ws.program
        .meetings
        .iter()
        .map(|m| {
            let partner = m.partner.as_ref().and_then(|id| ws.partner(id));
            let title = match partner {
                Some(p) => format!("{} — {}", m.kind.label(), p.name),
                None => format!("{} — {company} partners", m.kind.label()),
            };
            let recurrence = recurrence(m.kind, m.first);
            let mut description = format!(
                "{}.\nRecurs {}.",
                m.kind.purpose(),
                recurrence.text()
            );
            if m.kind == MeetingKind::QuarterlyBusiness {
                description.push_str(
                    "\nAgenda: revenue outcomes first (sourced pipeline, wins, plan against actual), then plays, then next quarter's commitments.",
                );
            }
            if !ws.program.owner.trim().is_empty() {
                description.push_str(&format!("\nOwner of the number: {}.", ws.program.owner.trim()));
            }
            let names: Vec<&str> = m
                .attendees
                .iter()
                .map(|a| a.trim())
                .filter(|a| !a.is_empty() && !is_email(a))
                .collect();
            if !names.is_empty() {
                description.push_str(&format!("\nAttendees: {}.", names.join(", ")));
            }
            CalendarEvent {
                uid: format!("{}@{host}", m.id),
                title,
                description,
                first: m.first,
                time: m.time,
                minutes: m.minutes,
                recurrence,
                attendees: m.attendees.clone(),
            }
        })
        .collect()
}

/// The file name of the calendar export ("ledgerline-partner-rhythm.ics").
pub fn file_name(ws: &Workspace) -> String {
    let slug: String = ws
        .profile
        .name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "partner-rhythm.ics".into()
    } else {
        format!("{slug}-partner-rhythm.ics")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_recur_on_their_weekday() {
        use MeetingKind::*;
        for (kind, first, rule, text) in [
            (
                WeeklyPipeline,
                "2026-11-02",
                "FREQ=WEEKLY;BYDAY=MO",
                "every Monday",
            ),
            (
                MonthlyPerformance,
                "2026-11-05",
                "FREQ=MONTHLY;INTERVAL=1;BYDAY=1TH",
                "every month on the first Thursday",
            ),
            (
                QuarterlyBusiness,
                "2027-01-12",
                "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU",
                "every 3 months on the second Tuesday",
            ),
            (
                MonthlyPerformance,
                "2026-12-28",
                "FREQ=MONTHLY;INTERVAL=1;BYDAY=4MO",
                "every month on the fourth Monday",
            ),
            (
                MonthlyPerformance,
                "2026-12-31",
                "FREQ=MONTHLY;INTERVAL=1;BYDAY=-1TH",
                "every month on the last Thursday",
            ),
        ] {
            let r = recurrence(kind, Date::parse(first).unwrap());
            assert_eq!(
                (r.rule().as_str(), r.text().as_str()),
                (rule, text),
                "{first}"
            );
        }
    }

    #[test]
    fn only_addresses_are_invited() {
        for (text, email) in [
            ("dana@ledgerline.example", true),
            (" dana@ledgerline.example ", true),
            ("Dana Whitfield", false),
            ("Dana <dana@ledgerline.example>", false),
            ("dana@localhost", false),
            ("a@b@c.de", false),
            ("@ledgerline.example", false),
        ] {
            assert_eq!(is_email(text.trim()), email, "{text}");
        }
    }
}
