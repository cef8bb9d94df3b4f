//! How concentrated the program is (the seed: "on average 80 % of
//! channel-sourced revenue comes from 20 % of partners"): a Pareto of
//! partner revenue and of partner-sourced pipeline, the share of the top
//! 20 % of partners, and the Herfindahl–Hirschman index.
//!
//! Rules:
//! - **The window** is the trailing four calendar quarters: the current
//!   quarter up to today and the three before
//!   ([`super::number::quarters_to`]).
//! - **The portfolio** is every partner not archived, whatever its status,
//!   including those with nothing in the window: the 20 % is of all of
//!   them. Deals of archived partners, or of partners not in the workspace,
//!   are not in the Pareto (they are in the program's number).
//! - **Revenue**: won partner-sourced and partner-influenced deals closed in
//!   the window. **Pipeline**: partner-sourced deals created in the window.
//! - **Order**: by amount, highest first; ties by name, then id.
//! - **The top 20 %** is ⌈20 % × partners⌉, at least 1 (12 partners: ⌈2.4⌉
//!   = 3). Its share is the sum of its amounts over the total.
//! - **Shares** (each row's, the cumulative one, the top's) are exact
//!   quotients in basis points rounded half away from zero; the cumulative
//!   share is computed from the cumulative amount, not by adding rounded
//!   shares, so the last row is exactly 100 %.
//! - **HHI** = Σ (share in percent)², 0–10,000, computed exactly as
//!   10,000 × Σ amount² ÷ total² (128-bit, rounded half away from zero).
//!   Bands, from the US DoJ/FTC Horizontal Merger Guidelines (2010): under
//!   1,500 unconcentrated, 1,500 to 2,500 moderately concentrated, over
//!   2,500 highly concentrated.
//! - **The sentence** names the top partners (the first five, then how
//!   many more).

use serde::Serialize;

use super::number::{quarters_to, window_text};
use super::sums::sums;
use crate::date::Date;
use crate::governance::split::share;
use crate::governance::Window;
use crate::id::Id;
use crate::money::{group_digits, Money};
use crate::rate::Rate;
use crate::vocab::Vocabulary;
use crate::vocabulary;
use crate::words::count;
use crate::workspace::Workspace;

/// Names a sentence lists before "and N more".
const NAMED: usize = 5;

vocabulary! {
    /// How concentrated, by HHI (bands in the module doc).
    pub enum Band ("concentration") {
        Unconcentrated = "unconcentrated" / "Unconcentrated",
        Moderate = "moderate" / "Moderately concentrated",
        High = "high" / "Highly concentrated",
    }
}

impl Band {
    /// The band of an HHI.
    pub fn of(hhi: u32) -> Band {
        match hhi {
            0..=1_499 => Band::Unconcentrated,
            1_500..=2_500 => Band::Moderate,
            _ => Band::High,
        }
    }
}

/// One partner in a Pareto.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParetoRow {
    pub partner: Id,
    pub name: String,
    pub amount: Money,
    /// Of the total.
    pub share: Rate,
    /// This row and every row above it, of the total.
    pub cumulative: Rate,
}

/// One figure's Pareto over the portfolio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pareto {
    pub total: Money,
    /// Highest first.
    pub partners: Vec<ParetoRow>,
    /// How many partners are the top 20 %.
    pub top: usize,
    pub top_share: Rate,
    pub hhi: u32,
    pub band: Band,
    pub sentence: String,
}

/// Revenue and pipeline concentration over the window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Concentration {
    pub window: Window,
    /// "2025 Q4 to 2026-11-30 (the current quarter to today and the three
    /// before)".
    pub window_text: String,
    pub revenue: Pareto,
    pub pipeline: Pareto,
}

/// The concentration of the program on `today` (rules in the module doc).
pub fn concentration(ws: &Workspace, today: Date) -> Concentration {
    let window = quarters_to(today, 4);
    let (_, per) = sums(ws, &window);
    let rows = |f: &dyn Fn(&super::sums::Sums) -> Money| {
        ws.partners
            .iter()
            .zip(&per)
            .filter(|(p, _)| !p.archived)
            .map(|(p, s)| (p.id.clone(), p.name.clone(), f(s)))
            .collect::<Vec<_>>()
    };
    Concentration {
        window_text: format!(
            "{} (the current quarter to today and the three before)",
            window_text(&window)
        ),
        window,
        revenue: pareto(
            rows(&|s| s.partner_won().amount),
            "partner revenue",
            "bring",
        ),
        pipeline: pareto(
            rows(&|s| s.created.sourced.amount),
            "partner-sourced pipeline",
            "create",
        ),
    }
}

/// ⌈20 % of `n`⌉, at least 1 (0 for no partners).
pub fn top_count(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        n.div_ceil(5).max(1)
    }
}

/// Σ (share in percent)² from amounts, exactly (rule in the module doc).
pub fn hhi(amounts: &[Money]) -> u32 {
    let total: i128 = amounts.iter().map(|a| i128::from(a.0.max(0))).sum();
    if total == 0 {
        return 0;
    }
    let squares: i128 = amounts
        .iter()
        .map(|a| i128::from(a.0.max(0)).saturating_pow(2))
        .fold(0, i128::saturating_add);
    let d = total.saturating_mul(total);
    let n = squares.saturating_mul(10_000);
    let (q, r) = (n / d, n % d);
    let q = if r.saturating_mul(2) >= d { q + 1 } else { q };
    q.clamp(0, 10_000) as u32
}

/// The Pareto of `(partner, name, amount)` rows; `what` names the figure in
/// the sentence ("partner revenue"), `verb` what the top does with it.
pub fn pareto(mut rows: Vec<(Id, String, Money)>, what: &str, verb: &str) -> Pareto {
    rows.sort_by(|a, b| {
        b.2.cmp(&a.2)
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    let total = rows
        .iter()
        .fold(Money(0), |t, r| t.saturating_add(Money(r.2 .0.max(0))));
    let of = |m: Money| share(m.0, total.0).unwrap_or(Rate(0));
    let mut running = Money(0);
    let partners: Vec<ParetoRow> = rows
        .into_iter()
        .map(|(partner, name, amount)| {
            running = running.saturating_add(Money(amount.0.max(0)));
            ParetoRow {
                partner,
                name,
                amount,
                share: of(amount),
                cumulative: of(running),
            }
        })
        .collect();
    let top = top_count(partners.len());
    let top_share = partners[..top].last().map_or(Rate(0), |r| r.cumulative);
    let hhi = hhi(&partners.iter().map(|r| r.amount).collect::<Vec<_>>());
    let band = Band::of(hhi);
    let sentence = if partners.is_empty() {
        "No partners in the portfolio yet.".to_owned()
    } else if total.0 == 0 {
        format!("No {what} in the window yet: nothing to measure.")
    } else {
        let names: Vec<&str> = partners[..top]
            .iter()
            .take(NAMED)
            .map(|r| r.name.as_str())
            .collect();
        let more = if top > NAMED {
            format!(" and {} more", top - NAMED)
        } else {
            String::new()
        };
        let verb = if top == 1 {
            format!("{verb}s")
        } else {
            verb.to_owned()
        };
        format!(
            "{top} of {} (the top 20 %: {}{more}) {verb} {top_share} of {what}; HHI {}: {}.",
            count(partners.len(), "partner", "partners"),
            names.join(", "),
            group_digits(u64::from(hhi)),
            band.label().to_lowercase()
        )
    };
    Pareto {
        total,
        partners,
        top,
        top_share,
        hhi,
        band,
        sentence,
    }
}
