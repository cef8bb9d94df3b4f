//! The operating rhythm of a workspace as an iCalendar file (RFC 5545): one
//! `VEVENT` per meeting, recurring (`RRULE`), at a floating local time,
//! written with the maintained `icalendar` crate. The events themselves —
//! titles, recurrence rules, uids — come from the core
//! (`partnerfit_core::program::calendar`); this crate only writes them.
//!
//! It sits between the core and the shells because the writer depends on a
//! clock (chrono's), and the core never reads one: the time stamp of the
//! file (`DTSTAMP`) is an argument here too.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use icalendar::{Calendar, Component, EventLike};
use partnerfit_core::program::calendar::{events, CalendarEvent};
use partnerfit_core::Workspace;

pub use partnerfit_core::program::calendar::file_name;

/// The product identifier written in the file.
pub const PRODID: &str = "-//Partnerfit//Partner program rhythm//EN";

/// The rhythm of `ws` as the text of an `.ics` file, stamped `now` (seconds
/// since the Unix epoch, UTC).
pub fn calendar(ws: &Workspace, now_unix_seconds: i64) -> String {
    let stamp = DateTime::<Utc>::from_timestamp(now_unix_seconds, 0).unwrap_or_default();
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"));
    let name = if ws.profile.name.trim().is_empty() {
        "Partner program rhythm".to_owned()
    } else {
        format!("{} partner program rhythm", ws.profile.name.trim())
    };
    // The calendar's name is written as it is given (icalendar escapes only
    // the properties it types as text): escape it here, on one line.
    cal.name(&text_value(&name));
    for e in events(ws) {
        cal.push(event(&e, stamp));
    }
    cal.done().to_string()
}

/// A TEXT value (RFC 5545 3.3.11): backslashes, semicolons and commas
/// escaped, line breaks written `\n`, other control characters dropped.
fn text_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn event(e: &CalendarEvent, stamp: DateTime<Utc>) -> icalendar::Event {
    let mut ev = icalendar::Event::new();
    // A length rather than an end: a meeting late on the calendar's last day
    // would otherwise end in a year iCalendar cannot write.
    ev.uid(&e.uid)
        .timestamp(stamp)
        .summary(&e.title)
        .description(&e.description)
        .starts(local(e))
        .add_property("DURATION", format!("PT{}M", e.minutes))
        .add_property("RRULE", e.recurrence.rule());
    for email in e.emails() {
        ev.add_multi_property("ATTENDEE", &format!("mailto:{email}"));
    }
    ev.done()
}

/// The first occurrence as a floating local date-time.
fn local(e: &CalendarEvent) -> NaiveDateTime {
    let date =
        NaiveDate::from_ymd_opt(e.first.year(), e.first.month().into(), e.first.day().into())
            .expect("a Date is a calendar date");
    let time = NaiveTime::from_hms_opt(e.time.hour().into(), e.time.minute().into(), 0)
        .expect("a ClockTime is a time of day");
    date.and_time(time)
}
