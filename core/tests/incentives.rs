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

/// A referral plan pays "a second, larger amount for closed-won revenue":
/// what a won deal pays must exceed the meeting fee. A share is compared as
/// the amount it pays on the assumed first-year revenue (24,000 EUR).
/// Rows: closed-won payout, meeting fee (EUR), the problem's message or none.
#[test]
fn closed_won_must_pay_more_than_a_meeting() {
    use partnerfit_core::incentives::validate::payout_problems;
    for (payout, fee, problem) in [
        (Payout::Flat(eur(2_000)), 500, None),
        (
            Payout::Flat(eur(500)),
            500,
            Some("a won deal pays 500.00 EUR, not more than the meeting fee (500.00 EUR): closed-won revenue earns a second, larger amount"),
        ),
        // 10% of 24,000 = 2,400 > 500.
        (Payout::Percent(Rate(1_000)), 500, None),
        // 2% of 24,000 = 480 ≤ 500.
        (
            Payout::Percent(Rate(200)),
            500,
            Some("2% of the assumed first-year revenue (24,000.00 EUR) pays 480.00 EUR per won deal, not more than the meeting fee (500.00 EUR): closed-won revenue earns a second, larger amount"),
        ),
        // 2% = 480 > a 400 fee.
        (Payout::Percent(Rate(200)), 400, None),
    ] {
        let mut plan = referral(fee);
        if let Terms::Referral(r) = &mut plan.terms {
            r.closed_won = payout;
        }
        let got: Vec<(String, String)> = payout_problems(&plan, &assumptions(), Currency::EUR)
            .into_iter()
            .map(|p| (p.field.path(), p.message))
            .collect();
        let want: Vec<(String, String)> = problem
            .map(|m| ("closed_won".to_owned(), m.to_owned()))
            .into_iter()
            .collect();
        assert_eq!(got, want, "{payout:?}, fee {fee}");
    }
}

/// The low-quality rule looks at the last N submissions. Rows: window N,
/// submissions per quarter, rejection rate, the meeting fee paid per
/// qualified meeting in Q1–Q4 (EUR; 500, halved to 250 when cut).
#[test]
fn the_low_quality_rule_uses_its_window() {
    for (window, submissions, rejected, fees) in [
        // 55% of 10 = 5.5 → 6 rejected > 5 allowed; 10 submissions fill the window in Q1.
        (10, 10, 5_500, [250, 250, 250, 250]),
        // A 30-submission window fills in Q3: full fee before.
        (30, 10, 5_500, [500, 500, 250, 250]),
        // 52% of 10 = 5.2 → 5 rejected, not more than 5: a small window is coarse.
        (10, 10, 5_200, [500, 500, 500, 500]),
        // 52% of 50 = 26 > 25: cut once 50 submissions are in (Q5, outside Q1–Q4).
        (50, 10, 5_200, [500, 500, 500, 500]),
        // 52% of 50 with 25 submissions a quarter: the window fills in Q2.
        (50, 25, 5_200, [500, 250, 250, 250]),
        // 20% rejected: never cut.
        (10, 10, 2_000, [500, 500, 500, 500]),
    ] {
        let mut plan = referral(500);
        if let Terms::Referral(r) = &mut plan.terms {
            r.quality.window = window;
        }
        let mut a = assumptions();
        a.submissions = submissions;
        a.rejection_rate = Rate(rejected);
        let m = model(&plan, &a, 1);
        // Q1 has no won deals: what we pay is the meeting fees alone.
        let qualified = i64::from(submissions) * 6 / 10;
        let q1 = m.quarters[0].we_pay;
        assert_eq!(
            q1,
            eur(fees[0] * qualified),
            "N {window}, {submissions}/q, {rejected}bp"
        );
        // Later quarters: fees = what we pay − closed-won (10% of the new revenue).
        for (i, fee) in fees.iter().enumerate().skip(1) {
            let q = &m.quarters[i];
            let closed = Rate(1_000).of(partnerfit_core::incentives::model::deals_value(
                a.first_year_revenue,
                q.won_milli,
            ));
            assert_eq!(
                q.we_pay.0 - closed.0,
                eur(fee * qualified).0,
                "Q{} N {window}, {submissions}/q, {rejected}bp",
                i + 1
            );
        }
        let cut = m.flags.iter().find_map(|f| match f {
            Flag::FeeCut { from, rejected, .. } => Some((*from, *rejected)),
            _ => None,
        });
        let first_cut = fees.iter().position(|f| *f == 250).map(|q| q as u8 + 1);
        if let Some(from) = first_cut {
            assert_eq!(cut.map(|c| c.0), Some(from), "N {window}");
        }
    }
}

/// A services plan: 15,000 EUR of services billed per deal, 2,500 EUR of
/// co-marketing a quarter, tiers Healthy (health 60, adoption 40%, 5%) and
/// Thriving (health 80, adoption 60%, 10%).
fn services(demand_generation: bool) -> Plan {
    Plan {
        id: Id::parse("plan-s").unwrap(),
        name: "Services".into(),
        terms: Terms::Services(ServicesPlan {
            package: "Migration + AP automation".into(),
            scope: "Migration, workflows, training".into(),
            services_price: eur(15_000),
            co_marketing: eur(2_500),
            demand_generation,
            tiers: vec![
                HealthTier {
                    name: "Healthy".into(),
                    min_health: 60,
                    min_adoption: Rate(4_000),
                    bonus: Rate(500),
                },
                HealthTier {
                    name: "Thriving".into(),
                    min_health: 80,
                    min_adoption: Rate(6_000),
                    bonus: Rate(1_000),
                },
            ],
        }),
    }
}

/// Tiers depend on customer health AND adoption. Rows: health, adoption,
/// the tier granted.
#[test]
fn services_tiers_need_health_and_adoption() {
    for (health, adoption, tier) in [
        (85, 7_000, Some("Thriving")),
        // Health for Thriving, adoption only for Healthy.
        (85, 5_000, Some("Healthy")),
        // Health alone does not buy a tier.
        (85, 3_000, None),
        (70, 7_000, Some("Healthy")),
        (50, 9_000, None),
    ] {
        let mut a = assumptions();
        a.health = health;
        a.adoption = Rate(adoption);
        let m = model(&services(true), &a, 1);
        assert_eq!(
            m.quarters[1].tier.as_deref(),
            tier,
            "health {health}, adoption {adoption}"
        );
    }
    // Adoption 58%, 2 points under Thriving's 60% with health met: a cliff.
    let mut a = assumptions();
    a.health = 85;
    a.adoption = Rate(5_800);
    let m = model(&services(true), &a, 1);
    assert!(m.flags.iter().any(|f| {
        f.text(Currency::EUR)
        == "Cliff: tier Thriving needs health 80 and adoption 60%; the assumptions are 85 and 58%"
    }));
}

/// Co-marketing funds go only to partners that run demand generation; the
/// package's services price is what the partner earns per deal.
#[test]
fn co_marketing_needs_demand_generation_and_the_package_price_is_earned() {
    // Health 70, adoption 60%: Healthy (5%). 1.5 deals won a quarter from Q2.
    // Q2: bonus 5% × 36,000 = 1,800; services 1.5 × 15,000 = 22,500.
    // Over 8 quarters: 10.5 deals; co-marketing 8 × 2,500 = 20,000; bonuses
    // 7 × 1,800 = 12,600; services 157,500. The partner earns 190,100, or
    // 18,104.76 per deal; without demand generation 170,100, or 16,200.
    for (demand_generation, q1_pay, q2_pay, earns, per_deal, flagged) in [
        (true, 2_500, 4_300, 190_100, Money(1_810_476), false),
        (false, 0, 1_800, 170_100, eur(16_200), true),
    ] {
        let m = model(&services(demand_generation), &assumptions(), 1);
        assert_eq!(m.quarters[0].we_pay, eur(q1_pay));
        assert_eq!(m.quarters[1].we_pay, eur(q2_pay));
        assert_eq!(
            m.quarters[1].partner_earns,
            eur(q2_pay + 22_500),
            "the services billed are the partner's"
        );
        assert_eq!(m.totals.partner_earns, eur(earns));
        assert_eq!(m.partner_earns_per_deal, Some(per_deal));
        assert_eq!(
            m.flags.iter().any(|f| f.text(Currency::EUR)
                == "Co-marketing funds (2,500.00 EUR per quarter) are not paid: they go only to partners that run demand generation, and this partner does not."),
            flagged
        );
    }
    // The package's price moves what the partner earns per deal, not what we pay.
    let mut dearer = services(true);
    if let Terms::Services(s) = &mut dearer.terms {
        s.services_price = eur(20_000);
    }
    let m = model(&dearer, &assumptions(), 1);
    // 5,000 more on each of 10.5 deals: 52,500 more.
    assert_eq!(m.totals.partner_earns, eur(190_100 + 52_500));
    assert_eq!(
        m.totals.we_pay,
        model(&services(true), &assumptions(), 1).totals.we_pay
    );
}

/// A partner's eligibility from its real submissions: its sourced deals
/// with a qualified judgment, the last N by creation day. Rows: window,
/// judgments oldest first (Y qualified, N rejected, ? undecided, I
/// influenced and rejected), then judged, rejected, cut.
#[test]
fn eligibility_comes_from_the_last_judged_submissions() {
    use partnerfit_core::incentives::eligibility::eligibility;
    use partnerfit_core::pipeline::{Attribution, DealKind, Opportunity, Stage, StageEntry};
    use partnerfit_core::Date;
    let partner = Id::parse("p-ref").unwrap();
    let deal = |i: usize, c: char| Opportunity {
        id: Id::parse(&format!("d-{i:02}")).unwrap(),
        crm_id: String::new(),
        name: format!("Deal {i}"),
        account: format!("Account {i}"),
        domain: String::new(),
        partner: Some(partner.clone()),
        partner_text: String::new(),
        source: String::new(),
        attribution: if c == 'I' {
            Attribution::Influenced
        } else {
            Attribution::Sourced
        },
        kind: DealKind::New,
        amount: Money(0),
        created: Date::parse("2026-09-01").unwrap().add_days(i as i64),
        close: None,
        history: vec![StageEntry {
            stage: Stage::Qualification,
            date: Date::parse("2026-09-01").unwrap(),
        }],
        qualified: match c {
            'Y' => Some(true),
            'N' | 'I' => Some(false),
            _ => None,
        },
        next_actions: Vec::new(),
    };
    for (window, judgments, judged, rejected, cut) in [
        // 4 rejected of the last 4 judged, window 4 allows 2 (50%): cut.
        (4, "YYNNNN", 4, 4, true),
        // The old rejections fall out of the window: 1 of the last 4.
        (4, "NNNNYYYN", 4, 1, false),
        // Undecided and influenced deals are not submissions judged.
        (4, "YN?I?NN", 4, 3, true),
        // Fewer judged than the window: no full window, full fee.
        (10, "NNNN", 4, 4, false),
        // Exactly at the limit (2 of 4) is not above it.
        (4, "NNYY", 4, 2, false),
    ] {
        let deals: Vec<Opportunity> = judgments
            .chars()
            .enumerate()
            .map(|(i, c)| deal(i, c))
            .collect();
        let rule = QualityRule {
            window,
            max_rejection: Rate(5_000),
            fee_cut: Rate(5_000),
        };
        let e = eligibility(&rule, eur(500), &partner, &deals).unwrap();
        assert_eq!(
            (e.judged, e.rejected, e.cut),
            (judged, rejected, cut),
            "{window} {judgments}"
        );
        assert_eq!(e.fee, if cut { eur(250) } else { eur(500) });
    }
    let e = eligibility(
        &QualityRule {
            window: 4,
            max_rejection: Rate(5_000),
            fee_cut: Rate(5_000),
        },
        eur(500),
        &partner,
        &[deal(0, 'N'), deal(1, 'N'), deal(2, 'N'), deal(3, 'Y')],
    )
    .unwrap();
    assert_eq!(
        e.text(Currency::EUR),
        "3 of the last 4 judged submissions were rejected, more than the 2 allowed: the meeting fee is cut to 250.00 EUR."
    );
    assert!(eligibility(
        &QualityRule {
            window: 4,
            max_rejection: Rate(5_000),
            fee_cut: Rate(5_000)
        },
        eur(500),
        &partner,
        &[deal(0, '?')]
    )
    .is_none());
}
