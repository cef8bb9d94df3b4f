//! Generated agendas for the operating rhythm.
//!
//! - **The weekly pipeline review** (the program's): partner deals that
//!   moved a stage in the last seven days, new ones, those stuck past their
//!   stage's expected days, and next actions overdue or without an owner —
//!   "active opportunities and blockers".
//! - **The quarterly business review** with one partner, revenue first (the
//!   seed: "QBRs with revenue-first agendas"): its sourced and influenced
//!   pipeline created and its wins over the last quarter (the 91 days up to
//!   the day), plan against actual; then its plays; then next quarter's
//!   commitments (its open deals expected to close next quarter, its open
//!   next actions, the pipeline to commit to).
//!
//! Both are plain sections of lines, shown on the page, printed one partner
//! per page, and written as Markdown.

use std::sync::Arc;

use crate::date::Date;
use crate::governance::{report, Period, Window};
use crate::id::Id;
use crate::markdown::escape as md;
use crate::money::Money;
use crate::partner::Partner;
use crate::pilot::evaluate::{deal_name, stage_at, stuck};
use crate::pipeline::{Attribution, Opportunity, Side};
use crate::vocab::Vocabulary;
use crate::words::count;
use crate::workspace::Workspace;

/// Days the weekly review looks back.
pub const WEEK: i64 = 7;
/// Days the quarterly review looks back.
pub const QUARTER: i64 = 91;

/// One section of an agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub lines: Vec<String>,
}

/// An agenda: a title, the day it is for, its sections in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agenda {
    pub title: String,
    pub day: Date,
    pub sections: Vec<Section>,
}

impl Agenda {
    /// As Markdown: the title, the day, each section as a list.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("# {}\n\n_{}_\n", md(&self.title), self.day);
        for (i, s) in self.sections.iter().enumerate() {
            out.push_str(&format!("\n## {}. {}\n\n", i + 1, md(&s.heading)));
            for l in &s.lines {
                out.push_str(&format!("- {}\n", md(l)));
            }
        }
        out
    }
}

fn partner_name(ws: &Workspace, id: &Option<Id>) -> String {
    id.as_ref()
        .and_then(|id| ws.partner(id))
        .map_or_else(|| "no partner".to_owned(), |p| p.name.clone())
}

/// The weekly pipeline review of the program on `today`.
pub fn weekly(ws: &Workspace, today: Date) -> Agenda {
    let since = today.add_days(-WEEK);
    let c = ws.profile.currency;
    let deals: Vec<Arc<Opportunity>> = ws
        .pipeline
        .opportunities
        .iter()
        .filter(|o| o.attribution != Attribution::Direct && o.created <= today)
        .cloned()
        .collect();
    let with = |o: &Opportunity| format!("{} ({})", deal_name(o), partner_name(ws, &o.partner));
    let mut moved = Vec::new();
    let mut new = Vec::new();
    for o in &deals {
        let now = stage_at(o, today);
        if o.created > since {
            new.push(format!(
                "{} — {}, {}",
                with(o),
                now.stage.label(),
                o.amount.display(c)
            ));
        } else if now.date > since {
            let before = stage_at(o, since).stage;
            if before != now.stage {
                moved.push(format!(
                    "{}: {} → {} on {}",
                    with(o),
                    before.label(),
                    now.stage.label(),
                    now.date
                ));
            }
        }
    }
    let stuck: Vec<String> = stuck(&deals, &ws.pipeline, today)
        .iter()
        .map(|s| {
            let o = deals.iter().find(|o| o.id == s.id);
            match o {
                Some(o) => format!("{s} — {}", partner_name(ws, &o.partner)),
                None => s.to_string(),
            }
        })
        .collect();
    let mut actions = Vec::new();
    for o in deals
        .iter()
        .filter(|o| !stage_at(o, today).stage.is_closed())
    {
        for a in o.next_actions.iter().filter(|a| !a.done) {
            let late = a.due.filter(|d| *d < today);
            if late.is_none() && a.owner != Side::Unassigned {
                continue;
            }
            let mut line = format!("{} — {}", with(o), a.text);
            if let Some(d) = late {
                line.push_str(&format!(
                    ", due {d} ({} late)",
                    count(d.days_until(today) as usize, "day", "days")
                ));
            }
            if a.owner == Side::Unassigned {
                line.push_str(", no owner yet");
            } else {
                line.push_str(&format!(", owner: {}", a.owner.label().to_lowercase()));
            }
            actions.push(line);
        }
    }
    let or_none = |mut lines: Vec<String>, none: &str| {
        if lines.is_empty() {
            lines.push(none.to_owned());
        }
        lines
    };
    Agenda {
        title: format!("Weekly pipeline review — {}", company(ws)),
        day: today,
        sections: vec![
            Section {
                heading: format!("What moved since {since}"),
                lines: or_none(moved, "No partner deal changed stage this week."),
            },
            Section {
                heading: "New partner deals".into(),
                lines: or_none(new, "No new partner deal this week."),
            },
            Section {
                heading: "Stuck past the stage's expected days".into(),
                lines: or_none(stuck, "No open partner deal is stuck."),
            },
            Section {
                heading: "Next actions overdue or without an owner".into(),
                lines: or_none(
                    actions,
                    "Every open next action has an owner and is on time.",
                ),
            },
        ],
    }
}

fn company(ws: &Workspace) -> String {
    if ws.profile.name.trim().is_empty() {
        "partner program".into()
    } else {
        ws.profile.name.trim().to_owned()
    }
}

/// The first day of the calendar quarter after the one holding `day`.
fn next_quarter_start(day: Date) -> Date {
    let q = day.quarter();
    if q == 4 {
        Date::from_ymd(day.year().saturating_add(1), 1, 1)
    } else {
        Date::from_ymd(day.year(), q * 3 + 1, 1)
    }
    .unwrap_or(day)
}

/// The quarterly business review with `partner` on `today`.
pub fn qbr(ws: &Workspace, partner: &Partner, today: Date) -> Agenda {
    let c = ws.profile.currency;
    let from = today.add_days(-(QUARTER - 1));
    let window = Window::new(from, today);
    let figures = report(ws, window, Period::Quarter);
    let mine = figures.partners.iter().find(|m| m.id == partner.id);
    let mut revenue = Vec::new();
    match mine {
        Some(m) => {
            let t = &m.created_total;
            revenue.push(format!(
                "Partner-sourced pipeline created: {} ({})",
                t.sourced.amount.display(c),
                count(t.sourced.count as usize, "deal", "deals")
            ));
            revenue.push(format!(
                "Partner-influenced pipeline created: {} ({})",
                t.influenced.amount.display(c),
                count(t.influenced.count as usize, "deal", "deals")
            ));
            let won = m.plan.actual.won;
            revenue.push(format!(
                "Won: {} ({}), lost: {}{}",
                won.amount.display(c),
                count(won.count as usize, "deal", "deals"),
                m.win_rate.lost,
                match m.win_rate.rate {
                    Some(r) => format!(", win rate {}", r.percent_text()),
                    None => String::new(),
                }
            ));
            revenue.push(match m.plan.plan {
                Some(_) => format!("Plan against actual: {}", m.plan.economics().text(c)),
                None => {
                    "Plan against actual: no incentive plan for their type yet, nothing to compare."
                        .into()
                }
            });
        }
        None => {
            revenue.push("No deal with them in the quarter: no revenue outcome to review.".into())
        }
    }
    let plays: Vec<String> = match partner.pilots.last() {
        Some(pilot) if !pilot.plays.is_empty() => pilot
            .plays
            .iter()
            .map(|p| {
                let mut line = format!("{}: when {} → {}", p.name, p.trigger, p.outcome);
                if !p.accounts.is_empty() {
                    line.push_str(&format!(
                        " ({})",
                        count(p.accounts.len(), "account", "accounts")
                    ));
                }
                line
            })
            .collect(),
        _ => vec![
            "No joint plays recorded: agree two, each with a clear trigger and outcome.".into(),
        ],
    };
    let next_from = next_quarter_start(today);
    let next_to = next_quarter_start(next_from).add_days(-1);
    let mut commitments = Vec::new();
    let mut closing = Money(0);
    for o in ws.pipeline.of_partner(&partner.id) {
        let open = !stage_at(o, today).stage.is_closed();
        if open && o.close.is_some_and(|d| d >= next_from && d <= next_to) {
            closing = closing.saturating_add(o.amount);
            commitments.push(format!(
                "Close {} — {}, {} by {}",
                deal_name(o),
                stage_at(o, today).stage.label(),
                o.amount.display(c),
                o.close.map(|d| d.to_string()).unwrap_or_default()
            ));
        }
        if open {
            for a in o.next_actions.iter().filter(|a| !a.done) {
                commitments.push(format!(
                    "{} — {} ({})",
                    deal_name(o),
                    a.text,
                    a.owner.label().to_lowercase()
                ));
            }
        }
    }
    let sourced = mine.map_or(Money(0), |m| m.created_total.sourced.amount);
    commitments.push(format!(
        "Agree the partner-sourced pipeline for {} – {} (sourced in the last quarter: {}; open deals expected to close then: {})",
        next_from,
        next_to,
        sourced.display(c),
        closing.display(c)
    ));
    Agenda {
        title: format!(
            "Quarterly business review — {} and {}",
            partner.name,
            company(ws)
        ),
        day: today,
        sections: vec![
            Section {
                heading: format!("Revenue outcomes, {from} – {today}"),
                lines: revenue,
            },
            Section {
                heading: "Plays".into(),
                lines: plays,
            },
            Section {
                heading: "Next quarter's commitments".into(),
                lines: commitments,
            },
        ],
    }
}
