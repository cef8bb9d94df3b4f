//! Tiers by measured performance: each partner's tier with the figures
//! that put it there and, for partners, a one-page tier sheet.
//!
//! Rules:
//! - **Who is placed**: partners in pilot or active, not archived (a
//!   candidate has no performance to measure; an exited partner has left).
//! - **The window**: the program's `tier_quarters` calendar quarters up to
//!   today, the current one included ([`super::number::quarters_to`]).
//! - **The figures** (governance rules: created by creation day, closed by
//!   closing day): *sourced* = partner-sourced pipeline created in the
//!   window; *won* = revenue of won sourced and influenced deals closed in
//!   the window; *win rate* = won ÷ closed (won + lost) of the sourced and
//!   influenced deals closed in the window, in basis points rounded half
//!   away from zero; none without a closed deal.
//! - **A tier is reached** when every non-zero minimum is met (a figure
//!   equal to the minimum meets it); a minimum win rate is not met without
//!   a closed deal. Tiers are listed highest first: a partner is in the
//!   first tier it reaches.
//! - **Missed**: why the partner is not in the tier above its own (or, in
//!   none, the lowest tier), one line per minimum not met.
//! - **The tier sheet** is for partners: the tiers, what reaches each in
//!   plain words and their benefits. Nothing internal: no partner names,
//!   scores or figures of any partner.

use serde::Serialize;

use super::number::quarters_to;
use super::sums::sums;
use super::Tier;
use crate::date::Date;
use crate::governance::split::share;
use crate::governance::Window;
use crate::id::Id;
use crate::money::{Currency, Money};
use crate::partner::Status;
use crate::rate::Rate;
use crate::words::count;
use crate::workspace::Workspace;

/// A partner's figures over the tier window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TierFigures {
    pub sourced: Money,
    pub won: Money,
    pub won_deals: u32,
    pub closed_deals: u32,
    pub win_rate: Option<Rate>,
}

/// One partner's tier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TierPlacement {
    pub partner: Id,
    pub name: String,
    /// Index into `ws.program.tiers`; `None` when it reaches none.
    pub tier: Option<usize>,
    /// The tier's name, or empty.
    pub tier_name: String,
    pub figures: TierFigures,
    /// Why not the tier above, in words.
    pub missed: Vec<String>,
}

/// The window tiers are judged on, on `today`.
pub fn tier_window(ws: &Workspace, today: Date) -> Window {
    quarters_to(today, ws.program.tier_quarters)
}

/// Whether the partner takes part in tiers (rule in the module doc).
pub(crate) fn placed(p: &crate::partner::Partner) -> bool {
    !p.archived && matches!(p.status(), Status::Pilot | Status::Active)
}

/// Each placed partner's tier on `today`, in workspace order (rules in the
/// module doc).
pub fn tiers(ws: &Workspace, today: Date) -> Vec<TierPlacement> {
    let (_, per) = sums(ws, &tier_window(ws, today));
    let c = ws.profile.currency;
    let program = &ws.program;
    ws.partners
        .iter()
        .zip(&per)
        .filter(|(p, _)| placed(p))
        .map(|(p, s)| {
            let won = s.partner_won();
            let closed = s.partner_closed();
            let figures = TierFigures {
                sourced: s.created.sourced.amount,
                won: won.amount,
                won_deals: won.count,
                closed_deals: closed,
                win_rate: share(i64::from(won.count), i64::from(closed)),
            };
            let tier = program
                .tiers
                .iter()
                .position(|t| misses(t, &figures, c).is_empty());
            let above = match tier {
                Some(0) => None,
                Some(i) => Some(i - 1),
                None => program.tiers.len().checked_sub(1),
            };
            TierPlacement {
                partner: p.id.clone(),
                name: p.name.clone(),
                tier,
                tier_name: tier.map_or_else(String::new, |i| program.tiers[i].name.clone()),
                missed: above.map_or_else(Vec::new, |i| misses(&program.tiers[i], &figures, c)),
                figures,
            }
        })
        .collect()
}

/// The minimums of `t` the figures do not meet, in words.
fn misses(t: &Tier, f: &TierFigures, c: Currency) -> Vec<String> {
    let mut out = Vec::new();
    let name = if t.name.trim().is_empty() {
        "the tier"
    } else {
        t.name.trim()
    };
    if t.min_sourced.0 > 0 && f.sourced < t.min_sourced {
        out.push(format!(
            "{} of partner-sourced pipeline created, {name} asks {}",
            f.sourced.display(c),
            t.min_sourced.display(c)
        ));
    }
    if t.min_won.0 > 0 && f.won < t.min_won {
        out.push(format!(
            "{} of revenue won, {name} asks {}",
            f.won.display(c),
            t.min_won.display(c)
        ));
    }
    if t.min_win_rate.0 > 0 {
        match f.win_rate {
            None => out.push(format!(
                "no closed deal to give a win rate, {name} asks {}",
                t.min_win_rate
            )),
            Some(r) if r < t.min_win_rate => out.push(format!(
                "a win rate of {r} ({} won of {} closed), {name} asks {}",
                f.won_deals, f.closed_deals, t.min_win_rate
            )),
            Some(_) => {}
        }
    }
    out
}

/// One tier on the sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SheetTier {
    pub name: String,
    /// What reaches it, one line per minimum.
    pub reach: Vec<String>,
    pub benefits: Vec<String>,
}

/// The one-page tier sheet for partners (nothing internal on it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TierSheet {
    pub title: String,
    pub intro: String,
    /// Highest first.
    pub tiers: Vec<SheetTier>,
    pub closing: String,
}

/// The tier sheet of the workspace's program (rules in the module doc).
pub fn tier_sheet(ws: &Workspace) -> TierSheet {
    let c = ws.profile.currency;
    let company = if ws.profile.name.trim().is_empty() {
        "us"
    } else {
        ws.profile.name.trim()
    };
    let quarters = count(
        usize::from(ws.program.tier_quarters.max(1)),
        "quarter",
        "quarters",
    );
    TierSheet {
        title: format!("Partner tiers with {company}"),
        intro: format!(
            "Tiers are earned by measured results, not by signing up: what you bring over the \
             last {quarters} (the current quarter included), reviewed every quarter. A tier is \
             reached when every one of its minimums is met; you are in the highest tier you reach."
        ),
        tiers: ws
            .program
            .tiers
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut reach = Vec::new();
                if t.min_sourced.0 > 0 {
                    reach.push(format!(
                        "At least {} of new pipeline you bring us (opportunities you source)",
                        t.min_sourced.display_whole(c)
                    ));
                }
                if t.min_won.0 > 0 {
                    reach.push(format!(
                        "At least {} of revenue won together (deals you source or work on with us)",
                        t.min_won.display_whole(c)
                    ));
                }
                if t.min_win_rate.0 > 0 {
                    reach.push(format!(
                        "A win rate of at least {} on the deals closed together",
                        t.min_win_rate
                    ));
                }
                if reach.is_empty() {
                    reach.push("Every partner in our program".into());
                }
                SheetTier {
                    // An unnamed tier still has a heading.
                    name: if t.name.trim().is_empty() {
                        format!("Tier {}", i + 1)
                    } else {
                        t.name.clone()
                    },
                    reach,
                    benefits: t
                        .benefits
                        .iter()
                        .filter(|b| !b.trim().is_empty())
                        .cloned()
                        .collect(),
                }
            })
            .collect(),
        closing: "Your partner manager shares where you stand at each quarterly business review."
            .into(),
    }
}

impl TierSheet {
    /// As Markdown: the title, the intro, a section per tier.
    pub fn to_markdown(&self) -> String {
        use crate::markdown::escape as md;
        let mut out = format!("# {}\n\n{}\n", md(&self.title), md(&self.intro));
        if self.tiers.is_empty() {
            out.push_str("\nNo tiers yet.\n");
        }
        for t in &self.tiers {
            out.push_str(&format!("\n## {}\n\n**How to reach it**\n\n", md(&t.name)));
            for r in &t.reach {
                out.push_str(&format!("- {}\n", md(r)));
            }
            out.push_str("\n**What you get**\n\n");
            if t.benefits.is_empty() {
                out.push_str("- To be announced.\n");
            }
            for b in &t.benefits {
                out.push_str(&format!("- {}\n", md(b)));
            }
        }
        out.push_str(&format!("\n{}\n", md(&self.closing)));
        out
    }
}
