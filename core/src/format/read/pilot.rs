//! A partner's pilots: each ends after it starts, its reviews are in date
//! order, its plays target accounts of the pilot.

use std::collections::BTreeSet;

use super::converted;
use super::lists::each;
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::pilot::partial;
use crate::format::file::reader::{Part, PartialOf};
use crate::format::file::{
    DecidedFile, OverrideFile, PilotAccountFile, PilotFile, PlayFile, ReviewFile, TargetsFile,
};
use crate::format::file_form::file_form;
use crate::pilot::{Decided, Override, Pilot, PilotAccount, Play, Review, Targets};

file_form! {
    // Written field by field; read below (dates, reviews, plays' accounts).
    Pilot => PilotFile {
        start, end, our_owner, partner_owner, accounts, plays, targets, fixes, reviews, decided,
    }
    Review => ReviewFile { date, notes, seen }
    PilotAccount = PilotAccountFile { name, domain, source }
    Play = PlayFile { name, trigger, outcome, our_owner, partner_owner, accounts }
    Targets = TargetsFile { qualified, progressed }
    Decided = DecidedFile { decision, date, reason }
    Override = OverrideFile { date, reason }
}

pub(super) fn pilots(list: Vec<Part<PilotFile>>, at: &Place) -> Option<Vec<Pilot>> {
    each(list, at, |p, at| pilot(p.partial()?, at))
}

fn pilot(p: PartialOf<PilotFile>, at: &Place) -> Option<Pilot> {
    let partial::PilotFile {
        start,
        end,
        our_owner,
        partner_owner,
        accounts,
        plays,
        targets,
        fixes,
        reviews,
        decided,
    } = p;
    let (start, end) = (start.whole(), end.whole());
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            at.key(file_key!(PilotFile, end)).report(format!(
                "the pilot ends on {end}, not after it starts ({start})"
            ));
        }
    }
    let accounts: Option<Vec<PilotAccount>> = converted(accounts);
    let names: Option<BTreeSet<&str>> = accounts
        .as_ref()
        .map(|a| a.iter().map(|a| a.name.as_str()).collect());
    let plays_at = at.key(file_key!(PilotFile, plays));
    let plays = plays.partial().and_then(|list| {
        each(list, &plays_at, |play, at| {
            let play: Play = converted(play)?;
            if let Some(names) = &names {
                if let Some(missing) = play.accounts.iter().find(|a| !names.contains(a.as_str())) {
                    at.key(file_key!(PlayFile, accounts))
                        .report(format!("\"{missing}\" is not one of the pilot's accounts"));
                    return None;
                }
            }
            Some(play)
        })
    });
    let reviews_at = at.key(file_key!(PilotFile, reviews));
    let reviews = reviews.whole().and_then(|list| {
        if list.windows(2).any(|w| w[1].date < w[0].date) {
            reviews_at.report("reviews must be in date order, oldest first");
            return None;
        }
        let mut out = Vec::with_capacity(list.len());
        for (i, r) in list.into_iter().enumerate() {
            let seen = r
                .seen
                .into_iter()
                .map(|(id, stage)| match crate::id::Id::parse(&id) {
                    Ok(id) => Some((id, stage)),
                    Err(e) => {
                        reviews_at
                            .index(i)
                            .key(file_key!(ReviewFile, seen))
                            .key(&id)
                            .report(e.to_string());
                        None
                    }
                })
                .collect::<Option<_>>()?;
            out.push(Review {
                date: r.date,
                notes: r.notes.0,
                seen,
            });
        }
        Some(out)
    });
    Some(Pilot {
        start: start?,
        end: end?,
        our_owner: converted(our_owner)?,
        partner_owner: converted(partner_owner)?,
        accounts: accounts?,
        plays: plays?,
        targets: converted(targets)?,
        fixes: converted(fixes)?,
        reviews: reviews?,
        decided: converted(decided)?,
    })
}
