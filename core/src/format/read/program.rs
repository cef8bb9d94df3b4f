//! The program section: meeting ids unique, a meeting's partner is a partner
//! of this workspace, the health history one score per day in date order,
//! never more passing than in all; and a partner's enablement log.

use super::converted;
use super::lists::{check_ref, ids_of, unique, Ids, Known};
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::program::partial;
use crate::format::file::reader::PartialOf;
use crate::format::file::{EnablementFile, HealthPointFile, MeetingFile, ProgramFile, TierFile};
use crate::format::file_form::file_form;
use crate::format::file_form::FromFile;
use crate::partner::Enablement;
use crate::program::{HealthPoint, Meeting, Program, Tier};

file_form! {
    // Written field by field; read below (references, order).
    Program => ProgramFile {
        owner, number, target_minor: target, start, meetings, tiers, tier_quarters,
        inactive_days, plan_done, health,
    }
    Meeting => MeetingFile { id, kind, partner, first, time, minutes, attendees }
    Tier = TierFile {
        name, min_sourced_minor: min_sourced, min_won_minor: min_won,
        min_win_rate_bp: min_win_rate, benefits,
    }
    HealthPoint = HealthPointFile { date, passing, total }
    Enablement = EnablementFile { date, kind, minutes, note }
}

const IDS: Ids<MeetingFile> = ids_of!(MeetingFile, "meeting");

pub(super) fn program(p: PartialOf<ProgramFile>, at: &Place, partners: &Known) -> Option<Program> {
    let partial::ProgramFile {
        owner,
        number,
        target_minor,
        start,
        meetings,
        tiers,
        tier_quarters,
        inactive_days,
        plan_done,
        health,
    } = p;
    let meetings = unique(
        meetings,
        &at.key(file_key!(ProgramFile, meetings)),
        &IDS,
        |m, at| meeting(m.partial()?, at, partners),
    );
    let health_at = at.key(file_key!(ProgramFile, health));
    let health = health.whole().and_then(|list| {
        if list.windows(2).any(|w| w[1].date <= w[0].date) {
            health_at.report("one score per day, oldest first");
            return None;
        }
        for (i, h) in list.iter().enumerate() {
            if h.passing.0 > h.total.0 {
                health_at
                    .index(i)
                    .key(file_key!(HealthPointFile, passing))
                    .report(format!(
                        "{} items passing out of {}: cannot be more than the total",
                        h.passing.0, h.total.0
                    ));
                return None;
            }
        }
        Some(Vec::from_file(list))
    });
    Some(Program {
        owner: converted(owner)?,
        number: number.whole()?,
        target: target_minor.whole()?,
        start: start.whole()?,
        meetings: meetings?,
        tiers: converted(tiers)?,
        tier_quarters: tier_quarters.whole()?.0,
        inactive_days: inactive_days.whole()?.0,
        plan_done: plan_done.whole()?,
        health: health?,
    })
}

fn meeting(p: PartialOf<MeetingFile>, at: &Place, partners: &Known) -> Option<Meeting> {
    let partial::MeetingFile {
        id,
        kind,
        partner,
        first,
        time,
        minutes,
        attendees,
    } = p;
    let partner_at = at.key(file_key!(MeetingFile, partner));
    let partner = partner.whole().and_then(|partner| match partner {
        Some(id) => check_ref(&partner_at, partners, &id, "partner").then_some(Some(id)),
        None => Some(None),
    });
    Some(Meeting {
        id: id.whole()?,
        kind: kind.whole()?,
        partner: partner?,
        first: first.whole()?,
        time: time.whole()?,
        minutes: minutes.whole()?.0,
        attendees: converted(attendees)?,
    })
}
