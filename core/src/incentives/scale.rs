//! Whether the economics hold as volume grows (1×, 2×, 5×, 10×), which
//! assumption moves the result most (tornado), and two plans side by side.

use super::model::{model, ratio_bp, Model, Totals};
use super::plan::{Assumptions, Plan};
use crate::money::Money;
use crate::rate::Rate;

/// The volume multiples the scale table shows.
pub const VOLUMES: [u32; 4] = [1, 2, 5, 10];

/// One row of the scale table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScaleRow {
    pub volume: u32,
    pub totals: Totals,
    pub contribution_margin_bp: Option<i64>,
    /// The tier in effect in the last quarter.
    pub tier: Option<String>,
    pub model: Model,
    /// What changed compared with 1× that a reader must not miss.
    pub notes: Vec<String>,
}

/// The plan at every volume of [`VOLUMES`].
pub fn scale(plan: &Plan, a: &Assumptions) -> Vec<ScaleRow> {
    let rows: Vec<ScaleRow> = VOLUMES
        .iter()
        .map(|&v| {
            let m = model(plan, a, v);
            ScaleRow {
                volume: v,
                totals: m.totals.clone(),
                contribution_margin_bp: m.contribution_margin_bp,
                tier: m.quarters.last().and_then(|q| q.tier.clone()),
                model: m,
                notes: Vec::new(),
            }
        })
        .collect();
    let base_tier = rows[0].tier.clone();
    let base_margin = rows[0].contribution_margin_bp;
    rows.into_iter()
        .map(|mut r| {
            if r.volume > 1 && r.tier != base_tier {
                r.notes.push(format!(
                    "Tier jump: at {}× the partner reaches {}; our contribution margin moves from {} to {}.",
                    r.volume,
                    r.tier.clone().unwrap_or_else(|| "no tier".into()),
                    bp_text(base_margin),
                    bp_text(r.contribution_margin_bp)
                ));
            }
            if r.totals.contribution.0 < 0 {
                r.notes.push(format!("At {}× we lose money on this partner.", r.volume));
            }
            r
        })
        .collect()
}

/// What changes as volume grows, for the scale table: tier jumps and
/// cliffs, then every flag of a larger volume that the 1× model does not
/// already show (once, at the first volume it appears: "From 5×: …").
pub fn notes(base: &Model, rows: &[ScaleRow], currency: crate::money::Currency) -> Vec<String> {
    let mut seen: Vec<String> = base.flags.iter().map(|f| f.text(currency)).collect();
    let mut out: Vec<String> = rows.iter().flat_map(|r| r.notes.iter().cloned()).collect();
    for r in rows {
        for f in &r.model.flags {
            let t = f.text(currency);
            if !seen.contains(&t) {
                out.push(format!("From {}×: {t}", r.volume));
                seen.push(t);
            }
        }
    }
    out
}

/// "35.5%" for signed basis points.
pub fn bp_text(bp: Option<i64>) -> String {
    match bp {
        None => "–".into(),
        Some(b) => {
            let sign = if b < 0 { "-" } else { "" };
            let b = b.unsigned_abs();
            format!("{sign}{}.{}%", b / 100, (b % 100) / 10)
        }
    }
}

/// One bar of the tornado: the contribution with an assumption moved down and up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Swing {
    pub assumption: &'static str,
    pub low_label: String,
    pub high_label: String,
    pub low: Money,
    pub high: Money,
}

impl Swing {
    pub fn range(&self) -> i64 {
        (self.high.0 - self.low.0).abs()
    }
}

fn scaled(x: u32, pct: i64) -> u32 {
    (i64::from(x) * (100 + pct) / 100).max(0) as u32
}

fn scaled_rate(r: Rate, pct: i64) -> Rate {
    Rate(scaled(r.0, pct).min(10_000))
}

fn scaled_money(m: Money, pct: i64) -> Money {
    Money(m.0 * (100 + pct) / 100)
}

/// Which assumption moves total contribution most: each moved by ±20% (the
/// sales cycle by ±1 quarter), sorted by the size of the swing.
pub fn tornado(plan: &Plan, a: &Assumptions, currency: crate::money::Currency) -> Vec<Swing> {
    type Variant = (
        &'static str,
        Box<dyn Fn(&mut Assumptions, bool)>,
        Box<dyn Fn(&Assumptions) -> String>,
    );
    let variants: Vec<Variant> = vec![
        (
            "Submissions per quarter",
            Box::new(|a, up| a.submissions = scaled(a.submissions, if up { 20 } else { -20 })),
            Box::new(|a| a.submissions.to_string()),
        ),
        (
            "Qualification rate",
            Box::new(|a, up| {
                a.qualification_rate = scaled_rate(a.qualification_rate, if up { 20 } else { -20 })
            }),
            Box::new(|a| a.qualification_rate.to_string()),
        ),
        (
            "Win rate",
            Box::new(|a, up| a.win_rate = scaled_rate(a.win_rate, if up { 20 } else { -20 })),
            Box::new(|a| a.win_rate.to_string()),
        ),
        (
            "First-year revenue per deal",
            Box::new(|a, up| {
                a.first_year_revenue = scaled_money(a.first_year_revenue, if up { 20 } else { -20 })
            }),
            Box::new(move |a| a.first_year_revenue.display(currency)),
        ),
        (
            "Retention",
            Box::new(|a, up| a.retention = scaled_rate(a.retention, if up { 20 } else { -20 })),
            Box::new(|a| a.retention.to_string()),
        ),
        (
            "Cost to serve a partner deal",
            Box::new(|a, up| {
                a.cost_partner_deal = scaled_money(a.cost_partner_deal, if up { 20 } else { -20 })
            }),
            Box::new(move |a| a.cost_partner_deal.display(currency)),
        ),
        (
            "Rejected submissions",
            Box::new(|a, up| {
                a.rejection_rate = scaled_rate(a.rejection_rate, if up { 20 } else { -20 })
            }),
            Box::new(|a| a.rejection_rate.to_string()),
        ),
        (
            "Partner discount",
            Box::new(|a, up| a.discount = scaled_rate(a.discount, if up { 20 } else { -20 })),
            Box::new(|a| a.discount.to_string()),
        ),
        (
            "Sales cycle (quarters)",
            Box::new(|a, up| {
                a.cycle_quarters = if up {
                    a.cycle_quarters.saturating_add(1)
                } else {
                    a.cycle_quarters.saturating_sub(1)
                }
            }),
            Box::new(|a| a.cycle_quarters.to_string()),
        ),
    ];
    let mut out: Vec<Swing> = variants
        .into_iter()
        .map(|(name, apply, label)| {
            let (mut lo, mut hi) = (a.clone(), a.clone());
            apply(&mut lo, false);
            apply(&mut hi, true);
            Swing {
                assumption: name,
                low_label: label(&lo),
                high_label: label(&hi),
                low: model(plan, &lo, 1).totals.contribution,
                high: model(plan, &hi, 1).totals.contribution,
            }
        })
        .collect();
    out.sort_by(|x, y| {
        y.range()
            .cmp(&x.range())
            .then(x.assumption.cmp(y.assumption))
    });
    out
}

/// Two plans on the same assumptions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub left: Model,
    pub right: Model,
    /// right − left.
    pub contribution_delta: Money,
}

pub fn compare(left: &Plan, right: &Plan, a: &Assumptions) -> Comparison {
    let (l, r) = (model(left, a, 1), model(right, a, 1));
    Comparison {
        contribution_delta: r.totals.contribution.saturating_sub(l.totals.contribution),
        left: l,
        right: r,
    }
}

/// Contribution margin in signed basis points for totals.
pub fn margin_of(t: &Totals) -> Option<i64> {
    ratio_bp(t.contribution, t.revenue)
}
