//! Enablement against outcomes: the hours given to a partner beside the
//! qualified opportunities it produced ("training is only useful if it
//! produces deals").
//!
//! Rules:
//! - **Time** is kept in minutes (whole numbers; shown as hours and
//!   minutes). Entries dated after today do not count.
//! - **Qualified opportunities produced**: the partner's partner-sourced
//!   deals created on or before today and judged qualified — by the user,
//!   or, not judged yet, having reached discovery (the pilot's rule,
//!   [`crate::pilot::evaluate`]).
//! - **Minutes per qualified opportunity** = total minutes ÷ qualified,
//!   rounded half away from zero; none without a qualified opportunity.
//! - **Recent and previous**: the 90 days up to today (today included) and
//!   the 90 days before them; enablement by entry date, opportunities by
//!   creation day.
//! - **The flag** (the seed's reality check): recent minutes above the
//!   previous period's while recent qualified opportunities are not above
//!   theirs — hours grew and opportunities did not.

use serde::Serialize;

use super::sums::partner_index;
use crate::date::Date;
use crate::id::Id;
use crate::partner::Partner;
use crate::pilot::evaluate::is_qualified;
use crate::pipeline::{Attribution, Opportunity};
use crate::rate::mul_div;
use crate::workspace::Workspace;

/// Days in each of the two periods compared.
pub const PERIOD_DAYS: i64 = 90;

/// The seed's reality check, quoted in the flag.
pub const REALITY_CHECK: &str = "if you keep \u{2018}fixing\u{2019} partners with more training and more calls, the partner selection framework is doing too little filtering up front";

/// Enablement and qualified opportunities in one period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodFigures {
    pub from: Date,
    pub to: Date,
    pub minutes: u32,
    pub qualified: u32,
}

/// A partner's enablement beside its outcomes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EnablementOutcome {
    pub partner: Id,
    pub name: String,
    /// Every entry up to today.
    pub minutes_total: u32,
    /// "19 h", "1 h 30 min".
    pub hours_text: String,
    pub entries: usize,
    /// Qualified opportunities the partner produced (rule in the module doc).
    pub qualified: u32,
    pub minutes_per_qualified: Option<u32>,
    pub recent: PeriodFigures,
    pub previous: PeriodFigures,
    /// Hours grew and qualified opportunities did not, in words.
    pub flag: Option<String>,
}

/// Minutes as hours and minutes: "19 h", "1 h 30 min", "45 min".
pub fn hours_text(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// Whether `o` is a qualified opportunity the partner produced by `today`.
fn produced(o: &Opportunity, today: Date) -> bool {
    o.attribution == Attribution::Sourced && o.created <= today && is_qualified(o, today)
}

/// The creation days of the qualified opportunities each partner produced,
/// in the order of `ws.partners` (one pass over the pipeline).
pub(crate) fn qualified_days(ws: &Workspace, today: Date) -> Vec<Vec<Date>> {
    let index = partner_index(ws);
    let mut out = vec![Vec::new(); ws.partners.len()];
    for o in &ws.pipeline.opportunities {
        if let Some(&i) = o.partner.as_ref().and_then(|id| index.get(id)) {
            if produced(o, today) {
                out[i].push(o.created);
            }
        }
    }
    out
}

/// A partner's enablement against its outcomes on `today` (rules in the
/// module doc).
pub fn enablement(ws: &Workspace, partner: &Partner, today: Date) -> EnablementOutcome {
    let days: Vec<Date> = ws
        .pipeline
        .of_partner(&partner.id)
        .filter(|o| produced(o, today))
        .map(|o| o.created)
        .collect();
    outcome(partner, &days, today)
}

/// The outcome from the qualified opportunities' creation days.
pub(crate) fn outcome(p: &Partner, qualified: &[Date], today: Date) -> EnablementOutcome {
    let recent_from = today.add_days(1 - PERIOD_DAYS);
    let previous_from = recent_from.add_days(-PERIOD_DAYS);
    let period = |from: Date, to: Date| PeriodFigures {
        from,
        to,
        minutes: p
            .enablement
            .iter()
            .filter(|e| from <= e.date && e.date <= to)
            .fold(0u32, |t, e| t.saturating_add(e.minutes)),
        qualified: qualified
            .iter()
            .filter(|d| from <= **d && **d <= to)
            .count() as u32,
    };
    let recent = period(recent_from, today);
    let previous = period(previous_from, recent_from.add_days(-1));
    let counted = p.enablement.iter().filter(|e| e.date <= today);
    let minutes_total = counted
        .clone()
        .fold(0u32, |t, e| t.saturating_add(e.minutes));
    let n = qualified.len() as u32;
    let flag = (recent.minutes > previous.minutes && recent.qualified <= previous.qualified)
        .then(|| {
            format!(
                "Enablement grew from {} to {} in the last {PERIOD_DAYS} days while qualified opportunities went from {} to {}: the seed's reality check, \u{201c}{REALITY_CHECK}\u{201d}",
                hours_text(previous.minutes),
                hours_text(recent.minutes),
                previous.qualified,
                recent.qualified
            )
        });
    EnablementOutcome {
        partner: p.id.clone(),
        name: p.name.clone(),
        minutes_total,
        hours_text: hours_text(minutes_total),
        entries: counted.count(),
        qualified: n,
        minutes_per_qualified: (n > 0)
            .then(|| mul_div(i64::from(minutes_total), 1, i64::from(n)) as u32),
        recent,
        previous,
        flag,
    }
}
