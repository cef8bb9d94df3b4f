//! Problems with a plan or assumptions, each with a path relative to the
//! plan (or the assumptions) and a message a user can act on.

use super::plan::{Assumptions, Payout, Plan, Terms};
use crate::rate::Rate;

/// One problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

fn push(out: &mut Vec<Problem>, path: &str, message: String) {
    out.push(Problem {
        path: path.to_owned(),
        message,
    });
}

fn check_rate(out: &mut Vec<Problem>, path: &str, r: Rate) {
    if r.0 > 10_000 {
        push(out, path, format!("{} is over 100%", r));
    }
}

fn check_money(out: &mut Vec<Problem>, path: &str, m: crate::money::Money) {
    if m.0 < 0 {
        push(out, path, "cannot be negative".into());
    }
}

/// The name a user sees for a problem's path, as the editor labels it
/// ("tiers[1].min_deals" → "Tier 2: tiers[1].min_deals" keeps the path for
/// anything not listed).
pub fn field_label(path: &str) -> String {
    let (tier, leaf) = match path.strip_prefix("tiers[").and_then(|r| r.split_once("].")) {
        Some((i, leaf)) => (i.parse::<usize>().ok().map(|i| i + 1), leaf),
        None => (None, path),
    };
    let name = match leaf {
        "meeting_fee" => "Fee per qualified meeting",
        "closed_won" => "Closed-won payment",
        "quality.max_rejection" => "If more are rejected than",
        "quality.fee_cut" => "Cut the meeting fee by",
        "quality.window" => "Over the last N submissions",
        "services_price" => "Services the partner bills per deal",
        "co_marketing" => "Co-marketing funds",
        "list_price" => "List price",
        "price_floor" => "Price floor",
        "max_discount" => "Largest discount",
        "renewal_rebate" => "Rebate on renewal revenue",
        "rebate_min_retention" => "Rebate: when retention reaches",
        "rebate_min_adoption" => "Rebate: and adoption reaches",
        "tiers" => "Tiers",
        "bonus" => "bonus",
        "min_health" => "minimum health",
        "min_deals" => "deals per quarter from",
        "margin" => "margin",
        "submissions" => "Submissions per quarter",
        "qualification_rate" => "Qualified",
        "rejection_rate" => "Rejected as low quality",
        "win_rate" => "Win rate",
        "retention" => "Yearly retention",
        "discount" => "Discount the partner gives",
        "adoption" => "Product adoption",
        "first_year_revenue" => "First-year revenue per deal",
        "cost_partner_deal" => "Our cost to serve a partner deal",
        "cost_direct_deal" => "Our cost to serve a direct deal",
        "direct_acquisition_cost" => "Our cost to win a deal directly",
        "quarters" => "Horizon",
        "cycle_quarters" => "Sales cycle",
        "health" => "Customer health score",
        other => other,
    };
    match tier {
        Some(n) => format!("Tier {n} {name}"),
        None => name.to_owned(),
    }
}

/// Everything wrong with a plan.
pub fn plan_problems(p: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();
    match &p.terms {
        Terms::Referral(r) => {
            check_money(&mut out, "meeting_fee", r.meeting_fee);
            match r.closed_won {
                Payout::Flat(m) => check_money(&mut out, "closed_won", m),
                Payout::Percent(x) => check_rate(&mut out, "closed_won", x),
            }
            check_rate(&mut out, "quality.max_rejection", r.quality.max_rejection);
            check_rate(&mut out, "quality.fee_cut", r.quality.fee_cut);
            if r.quality.window == 0 {
                push(
                    &mut out,
                    "quality.window",
                    "must look at one submission or more".into(),
                );
            }
        }
        Terms::Services(s) => {
            check_money(&mut out, "services_price", s.services_price);
            check_money(&mut out, "co_marketing", s.co_marketing);
            for (i, t) in s.tiers.iter().enumerate() {
                check_rate(&mut out, &format!("tiers[{i}].bonus"), t.bonus);
                if t.min_health > 100 {
                    push(
                        &mut out,
                        &format!("tiers[{i}].min_health"),
                        format!("{} is outside 0–100", t.min_health),
                    );
                }
                if i > 0 && t.min_health <= s.tiers[i - 1].min_health {
                    push(
                        &mut out,
                        &format!("tiers[{i}].min_health"),
                        format!(
                            "tier table out of order: {} needs health {}, not above {} ({})",
                            t.name,
                            t.min_health,
                            s.tiers[i - 1].name,
                            s.tiers[i - 1].min_health
                        ),
                    );
                }
            }
        }
        Terms::Resell(r) => {
            check_money(&mut out, "list_price", r.list_price);
            check_money(&mut out, "price_floor", r.price_floor);
            if r.price_floor > r.list_price {
                push(
                    &mut out,
                    "price_floor",
                    "the price floor is above the list price: lower the floor or raise the price"
                        .into(),
                );
            }
            check_rate(&mut out, "max_discount", r.max_discount);
            check_rate(&mut out, "renewal_rebate", r.renewal_rebate);
            check_rate(&mut out, "rebate_min_retention", r.rebate_min_retention);
            check_rate(&mut out, "rebate_min_adoption", r.rebate_min_adoption);
            if r.tiers.is_empty() {
                push(&mut out, "tiers", "needs at least one margin tier".into());
            }
            for (i, t) in r.tiers.iter().enumerate() {
                check_rate(&mut out, &format!("tiers[{i}].margin"), t.margin);
                if i > 0 {
                    let prev = &r.tiers[i - 1];
                    if t.min_deals <= prev.min_deals {
                        push(&mut out, &format!("tiers[{i}].min_deals"), format!(
                            "tier table out of order: {} needs {} deals per quarter, not more than {} ({})",
                            t.name, t.min_deals, prev.name, prev.min_deals
                        ));
                    }
                    if t.margin < prev.margin {
                        push(
                            &mut out,
                            &format!("tiers[{i}].margin"),
                            format!(
                            "tier table out of order: {} gives a smaller margin ({}) than {} ({})",
                            t.name, t.margin, prev.name, prev.margin
                        ),
                        );
                    }
                }
            }
        }
    }
    out
}

/// Everything wrong with assumptions.
pub fn assumption_problems(a: &Assumptions) -> Vec<Problem> {
    let mut out = Vec::new();
    for (path, r) in [
        ("qualification_rate", a.qualification_rate),
        ("rejection_rate", a.rejection_rate),
        ("win_rate", a.win_rate),
        ("retention", a.retention),
        ("discount", a.discount),
        ("adoption", a.adoption),
    ] {
        check_rate(&mut out, path, r);
    }
    for (path, m) in [
        ("first_year_revenue", a.first_year_revenue),
        ("cost_partner_deal", a.cost_partner_deal),
        ("cost_direct_deal", a.cost_direct_deal),
        ("direct_acquisition_cost", a.direct_acquisition_cost),
    ] {
        check_money(&mut out, path, m);
    }
    if a.health > 100 {
        push(&mut out, "health", format!("{} is outside 0–100", a.health));
    }
    if !(4..=12).contains(&a.quarters) {
        push(
            &mut out,
            "quarters",
            format!("{} is outside 4–12 quarters", a.quarters),
        );
    }
    if a.cycle_quarters >= a.quarters {
        push(
            &mut out,
            "cycle_quarters",
            format!(
                "a {}-quarter sales cycle leaves no quarter to close deals in a {}-quarter horizon",
                a.cycle_quarters, a.quarters
            ),
        );
    }
    if a.submissions > 1_000_000 {
        push(
            &mut out,
            "submissions",
            "more than 1,000,000 per quarter".into(),
        );
    }
    out
}

#[cfg(test)]
mod label_tests {
    use super::field_label;

    #[test]
    fn problem_paths_read_as_the_editor_labels_them() {
        for (path, label) in [
            ("price_floor", "Price floor"),
            ("tiers[1].min_deals", "Tier 2 deals per quarter from"),
            ("tiers[0].margin", "Tier 1 margin"),
            ("quality.max_rejection", "If more are rejected than"),
            ("cycle_quarters", "Sales cycle"),
            ("something_new", "something_new"),
        ] {
            assert_eq!(field_label(path), label, "{path}");
        }
    }
}
