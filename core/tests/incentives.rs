//! Incentive models checked against examples worked by hand (in the comments).

use partnerfit_core::incentives::guardrails::{check_deal, ProposedDeal};
use partnerfit_core::incentives::model::{model, Flag};
use partnerfit_core::incentives::plan::*;
use partnerfit_core::incentives::scale::{scale, tornado};
use partnerfit_core::incentives::validate::{assumption_problems, plan_problems};
use partnerfit_core::partner::PartnerType;
use partnerfit_core::rate::Rate;
use partnerfit_core::{Currency, Id, Money};

fn eur(units: i64) -> Money {
    Money(units * 100)
}

fn referral(fee: i64) -> Plan {
    Plan {
        id: Id::parse("plan-r").unwrap(),
        name: "Referral".into(),
        terms: Terms::Referral(ReferralPlan {
            meeting_fee: eur(fee),
            closed_won: Payout::Percent(Rate(1_000)),
            quality: QualityRule {
                window: 10,
                max_rejection: Rate(5_000),
                fee_cut: Rate(5_000),
            },
        }),
    }
}

/// 10 submissions a quarter, 60% qualified, 25% won one quarter later,
/// 24,000 EUR first-year revenue, 90% retention, 1,500 EUR to serve a deal, 8 quarters.
fn assumptions() -> Assumptions {
    Assumptions {
        submissions: 10,
        qualification_rate: Rate(6_000),
        rejection_rate: Rate(2_000),
        win_rate: Rate(2_500),
        first_year_revenue: eur(24_000),
        cycle_quarters: 1,
        retention: Rate(9_000),
        cost_partner_deal: eur(1_500),
        cost_direct_deal: eur(2_500),
        direct_acquisition_cost: eur(6_000),
        discount: Rate(500),
        health: 70,
        adoption: Rate(6_000),
        quarters: 8,
    }
}

#[test]
fn referral_plan_by_hand() {
    // Each quarter: 6 qualified meetings × 500 = 3,000 in meeting fees.
    // From Q2: 1.5 deals won × 24,000 = 36,000 new revenue; 10% closed-won = 3,600.
    // Renewals from Q6: 0.9 × 1.5 = 1.35 deals × 24,000 = 32,400.
    // Q1: revenue 0, pay 3,000, contribution −3,000.
    // Q2–Q5: revenue 36,000, pay 6,600, net 29,400, serve 2,250, contribution 27,150.
    // Q6–Q8: revenue 68,400, pay 6,600, net 61,800, serve 2,250, contribution 59,550.
    let m = model(&referral(500), &assumptions(), 1);
    let q: Vec<(i64, i64, i64, i64)> = m
        .quarters
        .iter()
        .map(|q| {
            (
                q.revenue.0 / 100,
                q.we_pay.0 / 100,
                q.net_revenue.0 / 100,
                q.contribution.0 / 100,
            )
        })
        .collect();
    assert_eq!(
        q,
        [
            (0, 3_000, -3_000, -3_000),
            (36_000, 6_600, 29_400, 27_150),
            (36_000, 6_600, 29_400, 27_150),
            (36_000, 6_600, 29_400, 27_150),
            (36_000, 6_600, 29_400, 27_150),
            (68_400, 6_600, 61_800, 59_550),
            (68_400, 6_600, 61_800, 59_550),
            (68_400, 6_600, 61_800, 59_550),
        ]
    );
    // Totals: revenue 349,200; we pay 49,200; contribution 284,250 (81.4%).
    assert_eq!(m.totals.revenue, eur(349_200));
    assert_eq!(m.totals.we_pay, eur(49_200));
    assert_eq!(m.totals.partner_earns, eur(49_200));
    assert_eq!(m.totals.contribution, eur(284_250));
    assert_eq!(m.contribution_margin_bp, Some(8_140));
    // 10.5 deals: (49,200 + 15,750) / 10.5 = 6,185.71 per deal, against 8,500 direct.
    assert_eq!(m.totals.won_milli, 10_500);
    assert_eq!(m.partner_cost_per_deal, Some(Money(618_571)));
    assert_eq!(m.direct_cost_per_deal, eur(8_500));
    assert!(m.flags.is_empty(), "{:?}", m.flags);
}

#[test]
fn a_higher_meeting_fee_moves_earnings_and_margin() {
    // 800 instead of 500: 6 × 300 = 1,800 more per quarter, 14,400 over 8 quarters.
    let base = model(&referral(500), &assumptions(), 1);
    let more = model(&referral(800), &assumptions(), 1);
    assert_eq!(more.quarters[0].partner_earns, eur(4_800));
    assert_eq!(more.totals.contribution, eur(284_250 - 14_400));
    assert!(more.contribution_margin_bp < base.contribution_margin_bp);
}

#[test]
fn repeated_low_quality_halves_the_meeting_fee() {
    let mut a = assumptions();
    a.rejection_rate = Rate(5_500); // above the 50% rule
    let m = model(&referral(500), &a, 1);
    assert_eq!(m.quarters[0].we_pay, eur(1_500)); // 6 × 250
                                                  // 55% is 5 points from the 50% line: the cliff is flagged.
    assert!(m.flags.iter().any(|f| matches!(f, Flag::Cliff { .. })));
}

fn resell(certified: bool) -> Plan {
    let mut p = Plan::starter(Id::parse("plan-s").unwrap(), PartnerType::Resell);
    if let Terms::Resell(r) = &mut p.terms {
        r.certified = certified;
    }
    p
}

#[test]
fn resell_margins_by_hand_and_tier_jumps_with_volume() {
    // List 24,000, discount 5%: customers pay 22,800. 1.5 deals a quarter: tier
    // Registered (15%), we get 20,400 per deal, the partner keeps 2,400.
    let m = model(&resell(false), &assumptions(), 1);
    let q2 = &m.quarters[1];
    assert_eq!(q2.tier.as_deref(), Some("Registered"));
    assert_eq!(q2.revenue, eur(34_200)); // 1.5 × 22,800
    assert_eq!(q2.partner_earns, eur(3_600)); // 1.5 × 2,400
    assert_eq!(q2.net_revenue, eur(30_600)); // 1.5 × 20,400
                                             // Renewal rebate: retention 90% ≥ 85% and adoption 60% ≥ 50%: 5% of renewal
                                             // revenue at our price, from Q6: 1.35 × 20,400 × 5% = 1,377.
    assert_eq!(m.quarters[5].we_pay, eur(1_377));

    let rows = scale(&resell(false), &assumptions());
    // 2×: 3 deals a quarter, Silver (20%). 10×: 15 deals, Gold needs certification: still Silver.
    let tiers: Vec<Option<&str>> = rows.iter().map(|r| r.tier.as_deref()).collect();
    assert_eq!(
        tiers,
        [
            Some("Registered"),
            Some("Silver"),
            Some("Silver"),
            Some("Silver")
        ]
    );
    assert!(
        rows[1].notes[0].starts_with("Tier jump: at 2× the partner reaches Silver"),
        "{:?}",
        rows[1].notes
    );
    let certified = scale(&resell(true), &assumptions());
    assert_eq!(certified[3].tier.as_deref(), Some("Gold"));
    assert!(certified[3].contribution_margin_bp < certified[0].contribution_margin_bp);
}

#[test]
fn guardrails_name_what_a_deal_breaks() {
    let Terms::Resell(plan) = resell(false).terms else {
        unreachable!()
    };
    let broken = check_deal(
        &plan,
        &ProposedDeal {
            list_price: eur(24_000),
            discount: Rate(2_000),
            tier: 2,
        },
        Currency::EUR,
    );
    assert_eq!(
        broken,
        [
            "Discount 20% is over the maximum of 10%.",
            "Price after discount 19,200.00 EUR is below the floor of 20,000.00 EUR.",
            "Tier Gold requires certification, which the partner does not have.",
        ]
    );
    assert!(check_deal(
        &plan,
        &ProposedDeal {
            list_price: eur(24_000),
            discount: Rate(800),
            tier: 1
        },
        Currency::EUR
    )
    .is_empty());
    // A discount above the partner's margin: it would sell at a loss.
    let loss = check_deal(
        &plan,
        &ProposedDeal {
            list_price: eur(24_000),
            discount: Rate(1_000),
            tier: 0,
        },
        Currency::EUR,
    );
    assert!(loss.is_empty(), "10% is within the 15% margin: {loss:?}");
    let mut a = assumptions();
    a.discount = Rate(1_800);
    let m = model(&resell(false), &a, 1);
    assert!(m
        .flags
        .iter()
        .any(|f| matches!(f, Flag::PartnerLosesMoney { .. })));
    assert!(m
        .flags
        .iter()
        .any(|f| matches!(f, Flag::PriceBelowFloor { .. })));
}

#[test]
fn bad_plans_and_assumptions_get_clear_messages() {
    let mut p = resell(false);
    if let Terms::Resell(r) = &mut p.terms {
        r.price_floor = eur(30_000);
        r.tiers[2].min_deals = 2;
        r.max_discount = Rate(12_000);
    }
    let problems: Vec<String> = plan_problems(&p)
        .iter()
        .map(|x| format!("{}: {}", x.field.path(), x.message))
        .collect();
    assert_eq!(
        problems,
        [
            "price_floor_minor: the price floor is above the list price: lower the floor or raise the price",
            "max_discount_bp: 120% is over 100%",
            "tiers[2].min_deals: tier table out of order: Gold needs 2 deals per quarter, not more than Silver (3)",
        ]
    );
    let mut a = assumptions();
    a.win_rate = Rate(15_000);
    a.first_year_revenue = eur(-1);
    a.cycle_quarters = 9;
    let problems: Vec<String> = assumption_problems(&a)
        .iter()
        .map(|x| format!("{}: {}", x.field.path(), x.message))
        .collect();
    assert_eq!(
        problems,
        [
            "win_rate_bp: 150% is over 100%",
            "first_year_revenue_minor: cannot be negative",
            "cycle_quarters: a 9-quarter sales cycle leaves no quarter to close deals in a 8-quarter horizon",
        ]
    );
}

#[test]
fn the_tornado_puts_the_biggest_lever_first() {
    let t = tornado(&referral(500), &assumptions(), Currency::EUR);
    assert_eq!(t.len(), 9);
    for w in t.windows(2) {
        assert!(w[0].range() >= w[1].range());
    }
    // Revenue per deal and win rate move contribution far more than the cost to serve.
    let pos = |name: &str| t.iter().position(|s| s.assumption == name).unwrap();
    assert!(pos("First-year revenue per deal") < pos("Cost to serve a partner deal"));
    assert_eq!(
        t[pos("Partner discount")].range(),
        0,
        "no discount in a referral plan"
    );
}
