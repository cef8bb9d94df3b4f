//! Edits of a partner's pilot (step 7): starting one (against a "do not
//! onboard" verdict only with a reason), its dates, owners, accounts, plays
//! and targets, recording a weekly review, and the decision.
//!
//! Rules:
//! - A pilot starts only when none is running (the last one decided), and
//!   moves the partner to pilot. A partner the scorecard says not to onboard
//!   starts (or moves to pilot or active, expanding included) only with a
//!   reason, kept as its [`Override`].
//! - A reset lists what the next pilot must fix (never nothing: a pilot
//!   with fixes is a reset, and a reset that misses again is exited).
//! - The edits below change the current (last) pilot; a decided pilot is
//!   history and is not changed.
//! - Removing a pilot account takes it out of the plays that targeted it;
//!   renaming it renames it there.
//! - The decision moves the partner: expand → active, exit → exited (the
//!   reason is kept with the decision), reset → a new pilot from
//!   the decision's day with the same owners, accounts, plays and targets
//!   and the fixes listed.

use super::check::{self, TextKind};
use super::rows::{applied, RowEdit};
use super::{Applied, EditError};
use crate::date::Date;
use crate::partner::{Partner, Status};
use crate::pilot::{Decided, Decision, Override, Pilot, PilotAccount, Play, Review};
use crate::scorecard::verdict::Verdict;
use crate::vocab::Vocabulary;

crate::fields! {
    /// Who owns the pilot on each side.
    pub enum PilotText in Pilot => String {
        OurOwner = "Our owner", Short => our_owner,
        PartnerOwner = "The partner's owner", Short => partner_owner,
    }
}

crate::fields! {
    /// The pilot's targets.
    pub enum TargetField in crate::pilot::Targets => u16 {
        Qualified = "Qualified opportunities created" => qualified,
        Progressed = "Opportunities progressed" => progressed,
    }
}

impl TargetField {
    /// The most a target may be.
    pub const MAX: u16 = 10_000;
}

/// The label of the reason for piloting against the verdict.
pub const OVERRIDE_REASON: &str = "Reason to go ahead against the verdict";
/// The label of a pilot's start and end.
pub const START: &str = "Pilot start";
pub const END: &str = "Pilot end";
/// The label of the reason given with a decision.
pub const DECISION_REASON: &str = "Reason for the decision";

crate::row_fields! {
    /// The fields of a pilot account.
    pub enum PilotAccountField for PilotAccount as "pilot account", titled name {
        Name = "Account #" (Short => name),
        Domain = "Website of account #" (Short => domain),
        Source = "Picked from, account #",
    }
}

crate::row_fields! {
    /// The fields of a joint play.
    pub enum PlayField for Play as "play", titled name {
        Name = "Play # name" (Short => name),
        Trigger = "Play # trigger" (Long => trigger),
        Outcome = "Play # expected outcome" (Long => outcome),
        OurOwner = "Play # owner on our side" (Short => our_owner),
        PartnerOwner = "Play # owner at the partner" (Short => partner_owner),
        Accounts = "Play # accounts",
    }
}

/// A change to a partner's pilot.
#[derive(Clone, Debug, PartialEq)]
pub enum PilotEdit {
    /// Start a pilot on `start` (60 days); `reason` is required when the
    /// verdict is "do not onboard".
    Start {
        start: Date,
        reason: Option<String>,
    },
    Dates {
        start: Date,
        end: Date,
    },
    Text(PilotText, String),
    Accounts(RowEdit<PilotAccount>),
    /// Add accounts picked from the mapping (those already in are skipped).
    AddAccounts(Vec<PilotAccount>),
    Plays(RowEdit<Play>),
    /// Whether play `play` (0-based) targets the pilot account `account`.
    PlayAccount {
        play: usize,
        account: String,
        on: bool,
    },
    Target(TargetField, u16),
    /// Record a weekly review (see `pilot::review::record`).
    Review(Review),
    Decide {
        decision: Decision,
        date: Date,
        reason: String,
        /// What a reset asks the next pilot to fix.
        fixes: Vec<String>,
    },
}

/// The reason to go ahead with a partner whose verdict is "do not onboard",
/// or a refusal asking for one.
pub(super) fn override_for(
    verdict: impl FnOnce(&Partner) -> Verdict,
    p: &Partner,
    status: Status,
    reason: Option<String>,
    date: Date,
) -> Result<Option<Override>, EditError> {
    let gated = matches!(status, Status::Pilot | Status::Active)
        && p.verdict_override.is_none()
        && verdict(p) == Verdict::DoNotOnboard;
    match given_reason(reason, date)? {
        Some(o) => Ok(Some(o)),
        None if gated => Err(EditError::invalid(
            OVERRIDE_REASON,
            format!(
                "the verdict on {} is \u{201c}do not onboard\u{201d}: say why to move it to {} anyway",
                p.name,
                status.label().to_lowercase()
            ),
        )),
        None => Ok(None),
    }
}

/// The reason given to go ahead against the verdict (`None` when blank).
pub(super) fn given_reason(
    reason: Option<String>,
    date: Date,
) -> Result<Option<Override>, EditError> {
    match reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty())
    {
        Some(reason) => {
            check::text(|| OVERRIDE_REASON.into(), &reason, TextKind::Long)?;
            Ok(Some(Override { date, reason }))
        }
        None => Ok(None),
    }
}

pub(super) fn apply(
    verdict: impl FnOnce(&Partner) -> Verdict,
    p: &mut Partner,
    edit: PilotEdit,
) -> Result<Applied, EditError> {
    if let PilotEdit::Start { start, reason } = edit {
        if p.pilots.last().is_some_and(|x| x.decided.is_none()) {
            return Err(EditError::invalid(
                START,
                "a pilot is running: record its decision before starting another",
            ));
        }
        let pilot = Pilot::new(start);
        if pilot.end <= pilot.start {
            return Err(EditError::invalid(
                START,
                "a pilot cannot start at the calendar's end",
            ));
        }
        if let Some(o) = override_for(verdict, p, Status::Pilot, reason, start)? {
            p.verdict_override = Some(o);
        }
        p.pilots.push(pilot);
        p.set_status(Status::Pilot, start);
        return Ok(Applied::plain(format!("start a pilot on {start}")));
    }
    // Expanding makes the partner active: against a "do not onboard"
    // verdict only with a reason recorded.
    if let PilotEdit::Decide {
        decision: Decision::Expand,
        date,
        ..
    } = &edit
    {
        override_for(verdict, p, Status::Active, None, *date)?;
    }
    let Some(pilot) = p.pilots.last_mut().filter(|x| x.decided.is_none()) else {
        return Err(EditError::invalid(
            "Pilot",
            "no pilot is running: start one first",
        ));
    };
    match edit {
        PilotEdit::Start { .. } => unreachable!("handled above"),
        PilotEdit::Dates { start, end } => {
            if end <= start {
                return Err(EditError::invalid(
                    END,
                    format!("the pilot must end after it starts ({start})"),
                ));
            }
            pilot.start = start;
            pilot.end = end;
            Ok(Applied::keyed(
                format!("set the pilot's dates to {start} – {end}"),
                "pilot:dates",
            ))
        }
        PilotEdit::Text(f, text) => super::fields::set_text(
            f.slot(pilot),
            text,
            f.label(),
            f.kind(),
            format!("pilot:{f:?}"),
        ),
        PilotEdit::Accounts(e) => {
            // A renamed account stays in the plays that target it.
            let renamed = match &e {
                RowEdit::Set(i, row) => pilot
                    .accounts
                    .get(*i)
                    .filter(|old| old.name != row.name)
                    .map(|old| (old.name.clone(), row.name.clone())),
                _ => None,
            };
            let done = applied(e, &mut pilot.accounts, "pilot:accounts")?;
            if let Some((old, new)) = renamed {
                for play in &mut pilot.plays {
                    for a in &mut play.accounts {
                        if *a == old {
                            a.clone_from(&new);
                        }
                    }
                }
            }
            forget_gone_accounts(pilot);
            Ok(done)
        }
        PilotEdit::AddAccounts(list) => {
            let mut added = 0usize;
            for a in list {
                if pilot.accounts.iter().any(|b| b.name == a.name) {
                    continue;
                }
                RowEdit::Add(a).apply_to(&mut pilot.accounts)?;
                added += 1;
            }
            Ok(Applied::plain(format!(
                "add {} to the pilot",
                crate::words::count(added, "account", "accounts")
            )))
        }
        PilotEdit::Plays(e) => {
            let done = applied(e, &mut pilot.plays, "pilot:plays")?;
            forget_gone_accounts(pilot);
            Ok(done)
        }
        PilotEdit::PlayAccount { play, account, on } => {
            if !pilot.accounts.iter().any(|a| a.name == account) {
                return Err(EditError::invalid(
                    PlayField::Accounts.label(play + 1),
                    format!("\u{201c}{account}\u{201d} is not one of the pilot's accounts"),
                ));
            }
            let row = pilot.plays.get_mut(play).ok_or(EditError::NoRow {
                what: "play",
                number: play + 1,
            })?;
            row.accounts.retain(|a| a != &account);
            if on {
                row.accounts.push(account.clone());
            }
            Ok(Applied::plain(format!(
                "{} {account} {} play {}",
                if on { "add" } else { "take" },
                if on { "to" } else { "out of" },
                play + 1
            )))
        }
        PilotEdit::Target(f, n) => {
            check::within(
                || f.label().into(),
                i64::from(n),
                0,
                i64::from(TargetField::MAX),
            )?;
            *f.slot(&mut pilot.targets) = n;
            Ok(Applied::keyed(
                format!("set the target {} to {n}", f.label().to_lowercase()),
                format!("pilot:{f:?}"),
            ))
        }
        PilotEdit::Review(r) => {
            if pilot.reviews.last().is_some_and(|last| last.date > r.date) {
                return Err(EditError::invalid(
                    "Review date",
                    "a review cannot be dated before the last one",
                ));
            }
            check::text(|| "Review notes".into(), &r.notes, TextKind::Long)?;
            let date = r.date;
            pilot.reviews.push(r);
            Ok(Applied::plain(format!(
                "record the weekly review of {date}"
            )))
        }
        PilotEdit::Decide {
            decision,
            date,
            reason,
            fixes,
        } => {
            check::text(|| DECISION_REASON.into(), &reason, TextKind::Long)?;
            check::lines("Fixes", &fixes, TextKind::Long)?;
            if date < pilot.start {
                return Err(EditError::invalid(
                    "Decision date",
                    format!("the pilot started on {}", pilot.start),
                ));
            }
            if decision == Decision::Reset && fixes.is_empty() {
                return Err(EditError::invalid(
                    "Fixes",
                    "a reset lists what the next pilot must fix",
                ));
            }
            if decision == Decision::Reset && date.add_days(crate::pilot::DEFAULT_DAYS) <= date {
                return Err(EditError::invalid(
                    "Decision date",
                    "a new pilot cannot start at the calendar's end",
                ));
            }
            let next = (decision == Decision::Reset).then(|| Pilot {
                start: date,
                end: date.add_days(crate::pilot::DEFAULT_DAYS),
                fixes,
                reviews: Vec::new(),
                decided: None,
                ..pilot.clone()
            });
            pilot.decided = Some(Decided {
                decision,
                date,
                reason,
            });
            match decision {
                Decision::Expand => p.set_status(Status::Active, date),
                Decision::Exit => p.set_status(Status::Exited, date),
                Decision::Reset => p.pilots.extend(next),
            }
            Ok(Applied::plain(format!(
                "decide to {} the pilot",
                decision.label().to_lowercase()
            )))
        }
    }
}

/// Plays target only accounts of the pilot.
fn forget_gone_accounts(pilot: &mut Pilot) {
    let names: std::collections::BTreeSet<&str> =
        pilot.accounts.iter().map(|a| a.name.as_str()).collect();
    for play in &mut pilot.plays {
        play.accounts.retain(|a| names.contains(a.as_str()));
    }
}
