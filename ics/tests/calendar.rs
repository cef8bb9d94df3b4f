//! The rhythm's .ics file, read back with the maintained iCalendar parser
//! (`icalendar`'s): every meeting is one recurring event with the fields a
//! calendar app imports.

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use partnerfit_core::edit::{Edit, PartnerEdit, PartnerText, ProgramEdit, RowEdit};
use partnerfit_core::program::{ClockTime, Meeting, MeetingKind};
use partnerfit_core::{demo, Date, Id, Workspace};

/// 2026-11-30T12:00:00Z.
const NOW: i64 = 1_796_040_000;

fn demo_ws() -> Workspace {
    demo::demo()
}

fn parsed(text: &str) -> Calendar {
    text.parse::<Calendar>().expect("the file parses")
}

fn events(cal: &Calendar) -> Vec<&icalendar::Event> {
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

/// One row per meeting of the demo: title, start, end, rule, attendees invited.
#[test]
fn every_meeting_is_one_recurring_event() {
    let ws = demo_ws();
    let text = partnerfit_ics::calendar(&ws, NOW);
    let cal = parsed(&text);
    assert_eq!(cal.property_value("VERSION"), Some("2.0"));
    assert_eq!(cal.property_value("PRODID"), Some(partnerfit_ics::PRODID));
    assert_eq!(cal.get_name(), Some("Ledgerline partner program rhythm"));
    let evs = events(&cal);
    assert_eq!(evs.len(), ws.program.meetings.len());
    let check = |i: usize, summary: &str, start: &str, length: &str, rule: &str| {
        let e = evs[i];
        assert_eq!(e.get_summary(), Some(summary), "event {i}");
        let floating = |p: Option<DatePerhapsTime>| match p {
            Some(DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Floating(t))) => {
                t.format("%Y%m%dT%H%M%S").to_string()
            }
            other => panic!("event {i}: not a floating time: {other:?}"),
        };
        assert_eq!(floating(e.get_start()), start, "event {i}");
        assert_eq!(e.property_value("DURATION"), Some(length), "event {i}");
        assert_eq!(e.property_value("RRULE"), Some(rule), "event {i}");
        assert!(
            e.get_uid().unwrap().ends_with("@ledgerline.example"),
            "event {i}"
        );
        assert_eq!(
            e.get_timestamp().unwrap().timestamp(),
            NOW,
            "event {i}: stamped with the time given"
        );
    };
    check(
        0,
        "Weekly pipeline review — Ledgerline partners",
        "20261102T093000",
        "PT30M",
        "FREQ=WEEKLY;BYDAY=MO",
    );
    check(
        1,
        "Monthly performance review — Ledgerline partners",
        "20261105T150000",
        "PT60M",
        "FREQ=MONTHLY;INTERVAL=1;BYDAY=1TH",
    );
    check(
        2,
        "Quarterly business review — Northwind Integrations",
        "20270112T140000",
        "PT60M",
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU",
    );
    assert!(evs[2]
        .get_description()
        .unwrap()
        .contains("revenue outcomes first"));
    // The same workspace gives the same file (stable uids: importing it
    // again updates the events).
    assert_eq!(partnerfit_ics::calendar(&ws, NOW), text);
}

/// Lines end in CRLF and are folded at 75 octets; text with commas,
/// semicolons, newlines and non-ASCII comes back as written; only e-mail
/// addresses become attendees.
#[test]
fn text_is_escaped_and_folded_and_reads_back() {
    let mut ws = demo_ws();
    let name =
        "Harbør & Quay; Accountants, Ltd — a very long partner name that needs folding \u{1F600}";
    ws.apply(Edit::partner(
        &Id::parse("p-harbor").unwrap(),
        PartnerEdit::Text(PartnerText::Name, name.into()),
    ))
    .unwrap();
    ws.apply(Edit::Program(ProgramEdit::Meetings(RowEdit::Add(
        Meeting {
            id: Id::parse("m-qbr-harbor").unwrap(),
            kind: MeetingKind::QuarterlyBusiness,
            partner: Some(Id::parse("p-harbor").unwrap()),
            first: Date::parse("2027-01-29").unwrap(),
            time: ClockTime::new(8, 5).unwrap(),
            minutes: 45,
            attendees: vec![
                "ana@harbor-quay.example".into(),
                "Dana Whitfield".into(),
                "partners@ledgerline.example".into(),
            ],
        },
    ))))
    .unwrap();
    let text = partnerfit_ics::calendar(&ws, NOW);
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
        assert!(!line.contains('\n'), "bare newline in {line:?}");
    }
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let cal = parsed(&text);
    let e = *events(&cal).last().unwrap();
    assert_eq!(
        e.get_summary().map(str::to_owned),
        Some(format!("Quarterly business review — {name}"))
    );
    assert_eq!(
        e.property_value("RRULE"),
        Some("FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR"),
        "29 January 2027 is the last Friday"
    );
    let attendees: Vec<&str> = e
        .multi_properties()
        .get("ATTENDEE")
        .into_iter()
        .flatten()
        .map(|p| p.value())
        .collect();
    assert_eq!(
        attendees,
        [
            "mailto:ana@harbor-quay.example",
            "mailto:partners@ledgerline.example"
        ]
    );
    assert!(e
        .get_description()
        .unwrap()
        .contains("Attendees: Dana Whitfield."));
}

/// A company name cannot add lines to the file.
#[test]
fn the_calendar_name_is_escaped() {
    let mut ws = demo_ws();
    ws.profile.name = "Evil\r\nBEGIN:VEVENT\r\nSUMMARY:injected; x, y".into();
    let text = partnerfit_ics::calendar(&ws, NOW);
    assert!(
        !text.contains("\r\nBEGIN:VEVENT\r\nSUMMARY:injected"),
        "{text}"
    );
    let cal = parsed(&text);
    assert_eq!(events(&cal).len(), 3);
}

#[test]
fn a_workspace_without_meetings_is_an_empty_calendar() {
    let ws = Workspace::empty("");
    let cal = parsed(&partnerfit_ics::calendar(&ws, NOW));
    assert!(events(&cal).is_empty());
    assert_eq!(cal.get_name(), Some("Partner program rhythm"));
    assert_eq!(partnerfit_ics::file_name(&ws), "partner-rhythm.ics");
    assert_eq!(
        partnerfit_ics::file_name(&demo_ws()),
        "ledgerline-partner-rhythm.ics"
    );
}
