//! Governance metrics checked against deal sets worked by hand (the
//! figures are in the comments). Amounts are whole euros unless noted.

use std::sync::Arc;

use partnerfit_core::governance::cycle::Cycle;
use partnerfit_core::governance::pipeline::Step;
use partnerfit_core::governance::plan_actual::Economics;
use partnerfit_core::governance::split::{Amounts, Split};
use partnerfit_core::governance::{report, MetricsReport, PartnerMetrics, Period, Window};
use partnerfit_core::incentives::plan::Plan;
use partnerfit_core::partner::{Partner, PartnerType, Status};
use partnerfit_core::pipeline::{Attribution, DealKind, Opportunity, Stage, StageEntry};
use partnerfit_core::rate::Rate;
use partnerfit_core::{Date, Id, Money, Workspace};

use Stage::*;

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn eur(units: i64) -> Money {
    Money(units * 100)
}

/// A deal: `who` is "s:partner-id" (sourced), "i:partner-id" (influenced)
/// or "d" (direct); the history's first entry is the creation day.
fn deal(who: &str, units: i64, history: &[(Stage, &str)]) -> Opportunity {
    let (attribution, partner) = match who.split_once(':') {
        Some(("s", p)) => (Attribution::Sourced, Some(Id::parse(p).unwrap())),
        Some(("i", p)) => (Attribution::Influenced, Some(Id::parse(p).unwrap())),
        _ => (Attribution::Direct, None),
    };
    Opportunity {
        id: Id::parse("o").unwrap(),
        crm_id: String::new(),
        name: format!("{who} {units}"),
        account: format!("Account {units}"),
        domain: String::new(),
        partner,
        partner_text: String::new(),
        source: String::new(),
        attribution,
        kind: DealKind::New,
        amount: eur(units),
        created: day(history[0].1),
        close: None,
        history: history
            .iter()
            .map(|&(stage, d)| StageEntry {
                stage,
                date: day(d),
            })
            .collect(),
        qualified: None,
        next_actions: Vec::new(),
    }
}

/// A renewal or expansion of `account`.
fn of_account(mut o: Opportunity, kind: DealKind, account: &str) -> Opportunity {
    o.kind = kind;
    o.account = account.into();
    o
}

/// Northwind (referral, with the starter referral plan on the default
/// assumptions) and Harbor (services, no plan), and `deals`.
fn workspace(deals: Vec<Opportunity>) -> Workspace {
    let mut ws = Workspace::empty("Ledgerline");
    let start = day("2025-01-01");
    let mut north = Partner::new(
        Id::parse("north").unwrap(),
        "Northwind",
        PartnerType::Referral,
        start,
    );
    north.incentives.plans = vec![Plan::starter(
        Id::parse("plan-r").unwrap(),
        PartnerType::Referral,
    )];
    let mut harbor = Partner::new(
        Id::parse("harbor").unwrap(),
        "Harbor",
        PartnerType::Services,
        start,
    );
    harbor.set_status(Status::Active, start);
    let quiet = Partner::new(
        Id::parse("quiet").unwrap(),
        "Quiet",
        PartnerType::Resell,
        start,
    );
    ws.partners = [north, harbor, quiet].into_iter().map(Arc::new).collect();
    let pipeline = Arc::make_mut(&mut ws.pipeline);
    pipeline.opportunities = deals
        .into_iter()
        .enumerate()
        .map(|(i, mut o)| {
            o.id = Id::parse(&format!("o-{i}")).unwrap();
            Arc::new(o)
        })
        .collect();
    ws
}

fn check(deals: Vec<Opportunity>, from: &str, to: &str, period: Period) -> MetricsReport {
    report(&workspace(deals), Window::new(day(from), day(to)), period)
}

fn partner<'a>(r: &'a MetricsReport, id: &str) -> &'a PartnerMetrics {
    r.partners.iter().find(|p| p.id.as_str() == id).unwrap()
}

/// Created dates around a window from 2026-01-15 to 2026-05-20.
fn created_set() -> Vec<Opportunity> {
    vec![
        deal("s:north", 10_000, &[(Qualification, "2026-01-10")]), // before: out
        deal("s:north", 20_000, &[(Qualification, "2026-01-15")]), // first day: Jan
        deal("s:north", 5_000, &[(Discovery, "2026-02-28")]),      // Feb
        deal("i:north", 7_000, &[(Qualification, "2026-03-31")]),  // Mar, influenced
        deal("s:harbor", 12_000, &[(Qualification, "2026-04-01")]), // Apr
        deal("s:harbor", 3_000, &[(Qualification, "2026-05-20")]), // last day: May
        deal("s:north", 50_000, &[(Qualification, "2026-05-21")]), // after: out
        deal("d", 8_000, &[(Qualification, "2026-02-10")]),        // Feb, direct
        deal("d", 9_000, &[(Qualification, "2026-04-15")]),        // Apr, direct
    ]
}

/// (label, whole, [sourced count, amount], [influenced …], [direct …]) per period.
type Row<'a> = (&'a str, bool, [i64; 2], [i64; 2], [i64; 2]);

fn rows<'a>(r: &'a MetricsReport, created: &[Split<Amounts>]) -> Vec<Row<'a>> {
    let cell = |a: &Amounts| [i64::from(a.count), a.amount.0 / 100];
    r.periods
        .iter()
        .zip(created)
        .map(|(p, s)| {
            (
                p.label.as_str(),
                p.whole,
                cell(&s.sourced),
                cell(&s.influenced),
                cell(&s.direct),
            )
        })
        .collect()
}

#[test]
fn pipeline_created_by_month_cuts_the_window_at_both_ends() {
    // Jan 10 and May 21 fall outside 2026-01-15…2026-05-20; January and May
    // are cut by the window (not whole), February to April are whole.
    let r = check(created_set(), "2026-01-15", "2026-05-20", Period::Month);
    let expected: Vec<Row> = vec![
        ("2026-01", false, [1, 20_000], [0, 0], [0, 0]),
        ("2026-02", true, [1, 5_000], [0, 0], [1, 8_000]),
        ("2026-03", true, [0, 0], [1, 7_000], [0, 0]),
        ("2026-04", true, [1, 12_000], [0, 0], [1, 9_000]),
        ("2026-05", false, [1, 3_000], [0, 0], [0, 0]),
    ];
    assert_eq!(rows(&r, &r.program.created), expected);
    // Totals: sourced 4 deals, 20,000 + 5,000 + 12,000 + 3,000 = 40,000.
    let t = &r.program.created_total;
    assert_eq!((t.sourced.count, t.sourced.amount), (4, eur(40_000)));
    assert_eq!((t.influenced.count, t.influenced.amount), (1, eur(7_000)));
    assert_eq!((t.direct.count, t.direct.amount), (2, eur(17_000)));
    // Per partner: Northwind 20,000 (Jan) + 5,000 (Feb) sourced, 7,000 influenced (Mar).
    let north = partner(&r, "north");
    assert_eq!(north.created_total.sourced.amount, eur(25_000));
    assert_eq!(north.created_total.influenced.amount, eur(7_000));
    let harbor = partner(&r, "harbor");
    assert_eq!(
        rows(&r, &harbor.created)
            .iter()
            .map(|row| row.2)
            .collect::<Vec<_>>(),
        [[0, 0], [0, 0], [0, 0], [1, 12_000], [1, 3_000]]
    );
    // Quiet has no deal and is a candidate: not listed.
    assert!(r.partners.iter().all(|p| p.id.as_str() != "quiet"));
}

#[test]
fn pipeline_created_by_quarter() {
    // Q1 (Jan 15–Mar 31): sourced 20,000 + 5,000; influenced 7,000; direct 8,000.
    // Q2 (Apr 1–May 20): sourced 12,000 + 3,000; direct 9,000.
    let r = check(created_set(), "2026-01-15", "2026-05-20", Period::Quarter);
    let expected: Vec<Row> = vec![
        ("2026 Q1", false, [2, 25_000], [1, 7_000], [1, 8_000]),
        ("2026 Q2", false, [2, 15_000], [0, 0], [1, 9_000]),
    ];
    assert_eq!(rows(&r, &r.program.created), expected);
    // Quarters in the window: Q1 holds 17 + 28 + 31 = 76 of its 90 days
    // (0.8444 → 0.844), Q2 30 + 20 = 50 of 91 (0.5494 → 0.549): 1.393.
    assert_eq!(r.quarters_milli, 1_393);
    assert_eq!(r.periods[0].from, day("2026-01-15"));
    assert_eq!(r.periods[1].to, day("2026-05-20"));
}

#[test]
fn whole_quarters_count_one_each() {
    for (from, to, milli) in [
        ("2026-01-01", "2026-06-30", 2_000),
        ("2026-01-01", "2026-12-31", 4_000),
        ("2026-02-15", "2026-03-31", 500), // 45 of 90 days
        ("2026-03-01", "2026-02-01", 0),   // reversed: empty
    ] {
        assert_eq!(
            Window::new(day(from), day(to)).quarters_milli(),
            milli,
            "{from}…{to}"
        );
    }
}

#[test]
fn progression_per_stage() {
    // Partner deals created in 2026-H1:            reached
    //   1. qualification (open)                     Q
    //   2. qualification → discovery (open)          Q D
    //   3. → discovery → solution → lost             Q D S
    //   4. qualification → proposal → negotiation → won (skips D, S)
    //                                                Q D S P N W
    //   5. first seen in discovery → solution → proposal
    //                                                Q D S P
    //   6. first seen lost                           Q
    // A won partner deal created in 2025 is not in the funnel.
    // Reached: Q 6, D 4, S 3, P 2, N 1, W 1.
    // Moved on: Q 4/6 = 66.67%, D 3/4 = 75%, S 2/3 = 66.67%, P 1/2 = 50%, N 1/1 = 100%.
    // Direct: [Q, D, lost] and [Q … N, won]: Q 2→2 (100%), D 2→1 (50%),
    // S 1→1, P 1→1, N 1→1 (100%), W 1.
    let deals = vec![
        deal("s:north", 1, &[(Qualification, "2026-01-05")]),
        deal(
            "s:north",
            2,
            &[(Qualification, "2026-01-05"), (Discovery, "2026-01-20")],
        ),
        deal(
            "i:north",
            3,
            &[
                (Qualification, "2026-02-01"),
                (Discovery, "2026-02-10"),
                (Solution, "2026-03-01"),
                (Lost, "2026-03-20"),
            ],
        ),
        deal(
            "s:harbor",
            4,
            &[
                (Qualification, "2026-02-01"),
                (Proposal, "2026-02-20"),
                (Negotiation, "2026-03-01"),
                (Won, "2026-04-01"),
            ],
        ),
        deal(
            "s:harbor",
            5,
            &[
                (Discovery, "2026-03-01"),
                (Solution, "2026-03-10"),
                (Proposal, "2026-04-01"),
            ],
        ),
        deal("s:north", 6, &[(Lost, "2026-04-01")]),
        deal(
            "s:north",
            7,
            &[(Qualification, "2025-11-01"), (Won, "2026-02-01")],
        ),
        deal(
            "d",
            8,
            &[
                (Qualification, "2026-01-05"),
                (Discovery, "2026-01-20"),
                (Lost, "2026-02-01"),
            ],
        ),
        deal(
            "d",
            9,
            &[
                (Qualification, "2026-01-05"),
                (Discovery, "2026-01-10"),
                (Solution, "2026-01-20"),
                (Proposal, "2026-02-01"),
                (Negotiation, "2026-02-10"),
                (Won, "2026-03-01"),
            ],
        ),
    ];
    let r = check(deals, "2026-01-01", "2026-06-30", Period::Quarter);
    let table = |steps: &[Step]| -> Vec<(Stage, u32, Option<u32>, Option<u32>)> {
        steps
            .iter()
            .map(|s| (s.stage, s.reached, s.moved_on, s.rate.map(|r| r.0)))
            .collect()
    };
    assert_eq!(
        table(&r.program.funnel.partner),
        [
            (Qualification, 6, Some(4), Some(6_667)),
            (Discovery, 4, Some(3), Some(7_500)),
            (Solution, 3, Some(2), Some(6_667)),
            (Proposal, 2, Some(1), Some(5_000)),
            (Negotiation, 1, Some(1), Some(10_000)),
            (Won, 1, None, None),
        ]
    );
    assert_eq!(
        table(&r.program.funnel.direct),
        [
            (Qualification, 2, Some(2), Some(10_000)),
            (Discovery, 2, Some(1), Some(5_000)),
            (Solution, 1, Some(1), Some(10_000)),
            (Proposal, 1, Some(1), Some(10_000)),
            (Negotiation, 1, Some(1), Some(10_000)),
            (Won, 1, None, None),
        ]
    );
    // Harbor's own funnel: deals 4 and 5: Q 2→2, D 2→2, S 2→2, P 2→1, N 1→1.
    let harbor = table(&partner(&r, "harbor").funnel);
    assert_eq!(harbor[3], (Proposal, 2, Some(1), Some(5_000)));
}

/// Closed deals around 2026-H1 with known cycle times.
fn closed_set() -> Vec<Opportunity> {
    let mut on_close = deal(
        "s:north",
        1_000,
        &[(Qualification, "2026-01-01"), (Won, "2026-07-15")],
    );
    on_close.close = Some(day("2026-06-30")); // the close date decides: in, 180 days
    vec![
        // Partner-sourced won in the window: 10, 30 and 45 days; and the one
        // above (180 days).
        deal(
            "s:north",
            1_000,
            &[(Qualification, "2026-01-01"), (Won, "2026-01-11")],
        ),
        deal(
            "s:harbor",
            1_000,
            &[(Qualification, "2025-12-15"), (Won, "2026-01-14")],
        ),
        deal(
            "s:north",
            1_000,
            &[
                (Qualification, "2026-03-01"),
                (Discovery, "2026-03-05"),
                (Won, "2026-04-15"),
            ],
        ),
        on_close,
        // Influenced, won in 5 days: a partner win, not in the sourced cycle.
        deal(
            "i:north",
            1_000,
            &[(Qualification, "2026-02-01"), (Won, "2026-02-06")],
        ),
        // Partner lost in the window: 4.
        deal(
            "s:north",
            1_000,
            &[(Qualification, "2026-01-01"), (Lost, "2026-02-01")],
        ),
        deal(
            "s:north",
            1_000,
            &[(Qualification, "2026-01-01"), (Lost, "2026-03-01")],
        ),
        deal(
            "i:harbor",
            1_000,
            &[(Qualification, "2025-10-01"), (Lost, "2026-01-02")],
        ),
        deal("s:harbor", 1_000, &[(Lost, "2026-05-05")]),
        // Partner won outside the window: not counted.
        deal(
            "s:north",
            1_000,
            &[(Qualification, "2025-10-01"), (Won, "2025-12-31")],
        ),
        deal(
            "s:north",
            1_000,
            &[(Qualification, "2026-06-01"), (Won, "2026-07-01")],
        ),
        // Direct won: 20, 25, 40 and 61 days; lost: 2.
        deal(
            "d",
            1_000,
            &[(Qualification, "2026-01-01"), (Won, "2026-01-21")],
        ),
        deal(
            "d",
            1_000,
            &[(Qualification, "2026-02-01"), (Won, "2026-02-26")],
        ),
        deal(
            "d",
            1_000,
            &[(Qualification, "2026-03-01"), (Won, "2026-04-10")],
        ),
        deal(
            "d",
            1_000,
            &[(Qualification, "2026-04-01"), (Won, "2026-06-01")],
        ),
        deal(
            "d",
            1_000,
            &[(Qualification, "2026-04-01"), (Lost, "2026-05-01")],
        ),
        deal(
            "d",
            1_000,
            &[(Qualification, "2026-04-01"), (Lost, "2026-05-02")],
        ),
    ]
}

#[test]
fn win_rate_of_deals_closed_in_the_window() {
    // Partner: won 4 sourced + 1 influenced = 5, lost 4: 5 / 9 = 55.56%.
    // Direct: won 4, lost 2: 4 / 6 = 66.67%.
    let r = check(closed_set(), "2026-01-01", "2026-06-30", Period::Month);
    let w = &r.program.win_rate;
    assert_eq!(
        (w.partner.won, w.partner.lost, w.partner.rate),
        (5, 4, Some(Rate(5_556)))
    );
    assert_eq!(
        (w.direct.won, w.direct.lost, w.direct.rate),
        (4, 2, Some(Rate(6_667)))
    );
    // Northwind: won 10-day, 45-day, 180-day (sourced) + 5-day (influenced) = 4,
    // lost 2: 4 / 6 = 66.67%. Harbor: won 1, lost 2: 33.33%.
    let north = &partner(&r, "north").win_rate;
    assert_eq!(
        (north.won, north.lost, north.rate),
        (4, 2, Some(Rate(6_667)))
    );
    assert_eq!(partner(&r, "harbor").win_rate.rate, Some(Rate(3_333)));
}

#[test]
fn median_cycle_time_odd_and_even_partner_and_direct() {
    type Cyc = (u32, Option<u32>, Option<u32>, Option<u32>);
    let figures = |c: &Cycle| -> Cyc { (c.deals, c.median_days, c.shortest_days, c.longest_days) };
    let rows: [(&str, &str, Cyc, Cyc); 3] = [
        // To June 29. Sourced: 10, 30, 45 → odd: 30 (the 180-day deal closes
        // June 30). Direct: 20, 25, 40, 61 → even: (25 + 40) / 2 = 32.5 → 33.
        (
            "2026-01-01",
            "2026-06-29",
            (3, Some(30), Some(10), Some(45)),
            (4, Some(33), Some(20), Some(61)),
        ),
        // To June 30 the close-dated deal comes in: 10, 30, 45, 180 → even:
        // (30 + 45) / 2 = 37.5 → 38.
        (
            "2026-01-01",
            "2026-06-30",
            (4, Some(38), Some(10), Some(180)),
            (4, Some(33), Some(20), Some(61)),
        ),
        // Q1 only. Sourced: 10, 30 → 20. Direct: 20, 25 → 22.5 → 23.
        (
            "2026-01-01",
            "2026-03-31",
            (2, Some(20), Some(10), Some(30)),
            (2, Some(23), Some(20), Some(25)),
        ),
    ];
    for (from, to, sourced, direct) in rows {
        let r = check(closed_set(), from, to, Period::Month);
        assert_eq!(figures(&r.program.cycle.partner), sourced, "{from}…{to}");
        assert_eq!(figures(&r.program.cycle.direct), direct, "{from}…{to}");
    }
    // Feb 1 – Jun 1: sourced 45 (one deal: itself); direct 25, 40, 61 → odd: 40.
    let r = check(closed_set(), "2026-02-01", "2026-06-01", Period::Month);
    assert_eq!(
        figures(&r.program.cycle.partner),
        (1, Some(45), Some(45), Some(45))
    );
    assert_eq!(
        figures(&r.program.cycle.direct),
        (3, Some(40), Some(25), Some(61))
    );
    // Northwind's sourced deals in the half year: 10, 45, 180 → 45.
    let r = check(closed_set(), "2026-01-01", "2026-06-30", Period::Month);
    assert_eq!(partner(&r, "north").cycle.median_days, Some(45));
}

#[test]
fn retention_of_partner_influenced_accounts_against_direct() {
    use DealKind::{Expansion, Renewal};
    let won = |who, units, account, kind| {
        of_account(
            deal(
                who,
                units,
                &[(Qualification, "2026-01-10"), (Won, "2026-03-01")],
            ),
            kind,
            account,
        )
    };
    let lost = |who, units, account, kind| {
        of_account(
            deal(
                who,
                units,
                &[(Qualification, "2026-01-10"), (Lost, "2026-03-01")],
            ),
            kind,
            account,
        )
    };
    let mut acme_new = deal(
        "s:north",
        40_000,
        &[(Qualification, "2024-03-01"), (Won, "2024-05-01")],
    );
    acme_new.account = "Acme GmbH".into();
    let deals = vec![
        // Acme: Northwind sourced its first deal in 2024, so Acme is
        // partner-influenced; its renewal and expansion are direct deals of
        // "ACME" (the same account once folded).
        acme_new,
        won("d", 100_000, "ACME", Renewal),
        won("d", 20_000, "Acme", Expansion),
        // Beta: a renewal Harbor influenced, lost.
        lost("i:harbor", 50_000, "Beta Corp", Renewal),
        // Gamma: direct only.
        won("d", 80_000, "Gamma Ltd", Renewal),
        lost("d", 20_000, "Gamma Ltd", Renewal),
        won("d", 30_000, "Gamma Ltd", Expansion),
        lost("d", 5_000, "Gamma Ltd", Expansion), // counts in neither ratio
        // A renewal closed before the window: not counted.
        of_account(
            deal(
                "d",
                70_000,
                &[(Qualification, "2025-01-01"), (Won, "2025-06-01")],
            ),
            Renewal,
            "Gamma Ltd",
        ),
    ];
    let r = check(deals, "2026-01-01", "2026-06-30", Period::Quarter);
    // Partner-influenced (Acme, Beta): renewals won 100,000, lost 50,000;
    // expansions won 20,000.
    //   gross = 100,000 / 150,000 = 66.67%; net = 120,000 / 150,000 = 80%.
    // Direct (Gamma): renewals won 80,000, lost 20,000; expansions won 30,000.
    //   gross = 80,000 / 100,000 = 80%; net = 110,000 / 100,000 = 110%.
    let ret = &r.program.retention;
    assert_eq!(
        (ret.partner.gross, ret.partner.net),
        (Some(Rate(6_667)), Some(Rate(8_000)))
    );
    assert_eq!(ret.partner.renewals_lost.amount, eur(50_000));
    assert_eq!(
        (ret.direct.gross, ret.direct.net),
        (Some(Rate(8_000)), Some(Rate(11_000)))
    );
    assert_eq!(ret.direct.expansions_lost.count, 1);
    // Per partner: Northwind's account Acme: 100,000 kept of 100,000, plus
    // 20,000: gross 100%, net 120%. Harbor's Beta: 0 of 50,000: 0%, 0%.
    let north = &partner(&r, "north").retention;
    assert_eq!(
        (north.gross, north.net),
        (Some(Rate(10_000)), Some(Rate(12_000)))
    );
    let harbor = &partner(&r, "harbor").retention;
    assert_eq!((harbor.gross, harbor.net), (Some(Rate(0)), Some(Rate(0))));
    // A window with no renewal closed: no ratio.
    let r = check(Vec::new(), "2026-01-01", "2026-06-30", Period::Quarter);
    assert_eq!(
        (
            r.program.retention.partner.gross,
            r.program.retention.direct.net
        ),
        (None, None)
    );
}

/// Northwind's new business closed in 2026-H1: won 20,000, 16,000 and
/// 24,000; lost five of 10,000. A won renewal (not new business) and a win
/// after the window do not count; Harbor won one deal.
fn plan_set() -> Vec<Opportunity> {
    let won =
        |units, created, closed| deal("s:north", units, &[(Qualification, created), (Won, closed)]);
    let mut deals = vec![
        won(20_000, "2025-12-01", "2026-02-10"),
        won(16_000, "2026-01-05", "2026-03-01"),
        won(24_000, "2026-02-01", "2026-05-15"),
        won(99_000, "2026-05-01", "2026-07-02"),
        of_account(
            won(30_000, "2026-01-01", "2026-03-01"),
            DealKind::Renewal,
            "Renewing AG",
        ),
        deal(
            "s:harbor",
            15_000,
            &[(Qualification, "2026-01-01"), (Won, "2026-02-01")],
        ),
    ];
    for d in [
        "2026-01-20",
        "2026-02-20",
        "2026-03-20",
        "2026-04-20",
        "2026-05-20",
    ] {
        deals.push(deal(
            "s:north",
            10_000,
            &[(Qualification, "2026-01-02"), (Lost, d)],
        ));
    }
    deals
}

#[test]
fn plan_against_actual_for_a_referral_partner() {
    let r = check(plan_set(), "2026-01-01", "2026-06-30", Period::Quarter);
    let pa = &partner(&r, "north").plan;
    assert_eq!(pa.plan.as_deref(), Some("Referral plan"));
    // Plan (starter referral plan: 500 per qualified meeting, 10% of
    // closed-won revenue; default assumptions): 10 submissions × 60% × 25% =
    // 1.5 deals a quarter, 25% win rate, 24,000 deal size. Over 8 quarters
    // (worked in tests/incentives.rs): we pay 49,200, contribution 284,250,
    // (49,200 + 15,750) / 10.5 = 6,185.71 per deal.
    let plan = pa.at_plan.unwrap();
    assert_eq!(plan.figures.deals_per_quarter_milli, 1_500);
    assert_eq!(
        (plan.figures.win_rate, plan.figures.deal_size),
        (Rate(2_500), eur(24_000))
    );
    assert_eq!(
        (plan.we_pay, plan.partner_earns),
        (eur(49_200), eur(49_200))
    );
    assert_eq!(plan.contribution, eur(284_250));
    assert_eq!(plan.cost_per_deal, Some(Money(618_571)));
    // Actual (2.000 quarters): won 3 (60,000), lost 5 → 1.5 a quarter,
    // 3 / 8 = 37.5%, 60,000 / 3 = 20,000 a deal.
    let a = &pa.actual;
    assert_eq!((a.won.count, a.lost, a.won.amount), (3, 5, eur(60_000)));
    assert_eq!(a.deals_per_quarter_milli, Some(1_500));
    assert_eq!(
        (a.win_rate, a.deal_size),
        (Some(Rate(3_750)), Some(eur(20_000)))
    );
    // At actuals: 8 decided deals / 2 quarters = 4 qualified a quarter →
    // 4 submissions, 100% qualified, 37.5% won: 1.5 deals a quarter at 20,000.
    //   Each quarter: 4 meetings × 500 = 2,000 in fees.
    //   Q2–Q8: 1.5 × 20,000 = 30,000 new revenue, 10% = 3,000 closed-won fee.
    //   Renewals from Q6: 90% × 1.5 = 1.35 deals × 20,000 = 27,000.
    //   Q1: pay 2,000, contribution −2,000.
    //   Q2–Q5: revenue 30,000, pay 5,000, serve 1.5 × 1,500 = 2,250 → 22,750.
    //   Q6–Q8: revenue 57,000, pay 5,000, serve 2,250 → 49,750.
    //   We pay 2,000 + 7 × 5,000 = 37,000; contribution −2,000 + 4 × 22,750
    //   + 3 × 49,750 = 238,250; per deal (37,000 + 7 × 2,250) / 10.5 =
    //   52,750 / 10.5 = 5,023.81.
    let act = pa.at_actuals.unwrap();
    assert_eq!(act.figures.submissions, 4);
    assert_eq!(act.figures.qualification_rate, Rate(10_000));
    assert_eq!(act.figures.win_rate, Rate(3_750));
    assert_eq!(act.figures.deal_size, eur(20_000));
    assert_eq!(act.figures.deals_per_quarter_milli, 1_500);
    assert_eq!(act.won_milli, 10_500);
    assert_eq!((act.we_pay, act.partner_earns), (eur(37_000), eur(37_000)));
    assert_eq!(act.contribution, eur(238_250));
    assert_eq!(act.cost_per_deal, Some(Money(502_381)));
    // 238,250 at actuals is positive but below the 284,250 planned.
    assert_eq!(
        pa.economics(),
        Economics::HoldInPart {
            actual: eur(238_250),
            planned: eur(284_250)
        }
    );
    // Harbor has no plan for its type: actuals only, too early to judge.
    let h = &partner(&r, "harbor").plan;
    assert_eq!(
        (h.plan.as_deref(), h.at_plan, h.at_actuals),
        (None, None, None)
    );
    assert_eq!(h.economics(), Economics::TooEarly);
    assert_eq!(h.actual.deal_size, Some(eur(15_000)));
}

#[test]
fn uneven_actuals_round_to_whole_submissions() {
    // Window Q1 only (1.000 quarter): Northwind decided 2 won + 3 lost = 5
    // (the lost ones of Jan, Feb, Mar are 3), so 5 submissions at 100%;
    // won 2 of 5 = 40% → 2.0 deals a quarter, deal size (20,000 + 16,000) / 2 = 18,000.
    let r = check(plan_set(), "2026-01-01", "2026-03-31", Period::Month);
    let pa = &partner(&r, "north").plan;
    let f = pa.at_actuals.unwrap().figures;
    assert_eq!(
        (f.submissions, f.qualification_rate, f.win_rate),
        (5, Rate(10_000), Rate(4_000))
    );
    assert_eq!(
        (f.deals_per_quarter_milli, f.deal_size),
        (2_000, eur(18_000))
    );
    // Two quarters with 9 decided would be 4.5 a quarter: 5 submissions at 90%.
    let mut deals = plan_set();
    deals.push(deal(
        "s:north",
        10_000,
        &[(Qualification, "2026-01-02"), (Lost, "2026-06-01")],
    ));
    let r = check(deals, "2026-01-01", "2026-06-30", Period::Month);
    let f = partner(&r, "north").plan.at_actuals.unwrap().figures;
    // 3 / 9 = 33.33%: 4.5 × 0.3333 = 1.49985 → 1.500 deals a quarter.
    assert_eq!(
        (f.submissions, f.qualification_rate, f.win_rate),
        (5, Rate(9_000), Rate(3_333))
    );
    assert_eq!(f.deals_per_quarter_milli, 1_500);
}

#[test]
fn charts_carry_the_series() {
    let r = check(created_set(), "2026-01-15", "2026-05-20", Period::Quarter);
    let c = r.pipeline_chart(None, false).unwrap();
    assert_eq!(c.labels, ["2026 Q1", "2026 Q2"]);
    assert_eq!(c.series[0].values, [Some(2_500_000), Some(1_500_000)]);
    let c = r
        .pipeline_chart(Some(&Id::parse("north").unwrap()), true)
        .unwrap();
    assert_eq!(c.series[1].values, [Some(1), Some(0)]);
    let r = check(plan_set(), "2026-01-01", "2026-06-30", Period::Quarter);
    let c = r.plan_chart(&Id::parse("north").unwrap()).unwrap();
    assert_eq!(
        c.series[1].values,
        [Some(3_700_000), Some(3_700_000), Some(23_825_000)]
    );
    assert_eq!(r.funnel_chart().labels.len(), 6);
    assert_eq!(r.cycle_chart().series[0].values.len(), 2);
}

#[test]
fn text_report() {
    let mut deals = created_set();
    deals.extend(closed_set());
    deals.extend(plan_set());
    let r = check(deals, "2026-01-01", "2026-06-30", Period::Quarter);
    insta::assert_snapshot!(r.text());
}

/// A window that reaches the calendar's end (CRMs write 9999-12-31 as "no
/// close date") ends there instead of failing.
#[test]
fn a_window_to_the_end_of_the_calendar() {
    let d = |s: &str| Date::parse(s).unwrap();
    let w = Window::new(d("9999-11-15"), d("9999-12-31"));
    let months = w.spans(Period::Month);
    assert_eq!(months.len(), 2);
    assert_eq!(months[1].to, d("9999-12-31"));
    assert_eq!(w.spans(Period::Quarter).len(), 1);
    // 9999 Q4 is 92 days; 47 of them are in the window: 47/92 = 0.511.
    assert_eq!(w.quarters_milli(), 511);
}
