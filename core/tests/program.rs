//! The program view: the number, concentration, tiers, inactive partners,
//! enablement against outcomes, the health check and the 30-60-90 plan, on
//! small hand-built portfolios whose figures are worked out in the comments,
//! and the demo's text report as a snapshot.
//!
//! Unless a test says otherwise, today is 2026-11-30 (in 2026 Q4) and
//! amounts are written in whole euros (`eur(50)` = 5,000 cents).

use std::sync::Arc;

use partnerfit_core::alignment::Judgment;
use partnerfit_core::demo::demo;
use partnerfit_core::edit::program::ProgramEdit;
use partnerfit_core::edit::Edit;
use partnerfit_core::icp::{Disqualifier, DisqualifierKind};
use partnerfit_core::incentives::plan::Plan;
use partnerfit_core::partner::{
    BrandSize, Enablement, EnablementKind, Partner, PartnerType, Score, Status,
};
use partnerfit_core::pilot::{Decided, Decision, Override, Pilot, Play};
use partnerfit_core::pipeline::{Attribution, DealKind, Opportunity, Stage, StageEntry};
use partnerfit_core::program::concentration::{concentration, hhi, pareto, top_count, Band};
use partnerfit_core::program::enablement::enablement;
use partnerfit_core::program::health::{health, record, Check, FixAt, PartnerPart};
use partnerfit_core::program::inactive::{inactive, InactiveReason};
use partnerfit_core::program::number::{number, quarters_to};
use partnerfit_core::program::plan::{plan, ByWhom, PlanState};
use partnerfit_core::program::report::report;
use partnerfit_core::program::tiers::{tier_sheet, tiers};
use partnerfit_core::program::{ClockTime, Meeting, MeetingKind, Number, PlanStep, Tier};
use partnerfit_core::rate::Rate;
use partnerfit_core::{Date, Id, Money, Workspace};

// ---------------------------------------------------------------- builder

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn today() -> Date {
    d("2026-11-30")
}

fn eur(units: i64) -> Money {
    Money(units * 100)
}

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

/// A partner named `name` (id = its lowercase name), of type services, in
/// `status` since `since` (a candidate from 2026-01-01 before).
fn partner(name: &str, status: Status, since: &str) -> Partner {
    let mut p = Partner::new(
        id(&name.to_lowercase()),
        name,
        PartnerType::Services,
        d("2026-01-01"),
    );
    p.set_status(status, d(since));
    p
}

fn add(ws: &mut Workspace, p: Partner) {
    ws.partners.push(Arc::new(p));
}

fn with(ws: &mut Workspace, name: &str, f: impl FnOnce(&mut Partner)) {
    let p = ws
        .partners
        .iter_mut()
        .find(|p| p.name == name)
        .expect("partner");
    f(Arc::make_mut(p));
}

/// A deal of `partner` (or direct with ""), created on `created`, in the
/// stages given (each with its day; the first is its creation stage).
fn deal(
    partner: &str,
    a: Attribution,
    amount: Money,
    created: &str,
    stages: &[(Stage, &str)],
) -> Opportunity {
    let mut history = vec![StageEntry {
        stage: Stage::Qualification,
        date: d(created),
    }];
    history.extend(stages.iter().map(|(s, day)| StageEntry {
        stage: *s,
        date: d(day),
    }));
    Opportunity {
        id: Id::generate("o", created.len() as u64 * 7919 + amount.0 as u64),
        crm_id: String::new(),
        name: format!("{partner} {created}"),
        account: format!("Account {}", amount.0),
        domain: String::new(),
        partner: (!partner.is_empty()).then(|| id(&partner.to_lowercase())),
        partner_text: String::new(),
        source: String::new(),
        attribution: a,
        kind: DealKind::New,
        amount,
        created: d(created),
        close: None,
        history,
        qualified: None,
        next_actions: Vec::new(),
    }
}

fn deals(ws: &mut Workspace, list: Vec<Opportunity>) {
    let pipeline = Arc::make_mut(&mut ws.pipeline);
    for (i, mut o) in list.into_iter().enumerate() {
        o.id = id(&format!("o-{}", pipeline.opportunities.len() + i + 1));
        pipeline.opportunities.push(Arc::new(o));
    }
}

use Attribution::{Direct, Influenced, Sourced};
use Stage::{Discovery, Lost, Won};

// ---------------------------------------------------------------- the number

#[test]
fn the_number_this_quarter_and_the_last() {
    // Q4 2026 runs 10-01 to 12-31; Q3 07-01 to 09-30.
    let mut ws = Workspace::empty("Acme");
    add(&mut ws, partner("North", Status::Active, "2026-06-01"));
    deals(
        &mut ws,
        vec![
            // Sourced, created in Q4 on its first day: pipeline 100.
            deal("North", Sourced, eur(100), "2026-10-01", &[]),
            // Sourced, created in Q3 on its last day (pipeline Q3: 50), won
            // in Q4: sourced revenue 50.
            deal(
                "North",
                Sourced,
                eur(50),
                "2026-09-30",
                &[(Won, "2026-11-20")],
            ),
            // Influenced, won in Q4: partner revenue only (30).
            deal(
                "North",
                Influenced,
                eur(30),
                "2026-08-01",
                &[(Won, "2026-11-15")],
            ),
            // Influenced, won in Q3 (20): last quarter's partner revenue.
            deal(
                "North",
                Influenced,
                eur(20),
                "2026-07-01",
                &[(Won, "2026-09-30")],
            ),
            // Direct deals never count.
            deal("", Direct, eur(999), "2026-10-05", &[(Won, "2026-11-01")]),
            // Lost: not revenue.
            deal(
                "North",
                Sourced,
                eur(70),
                "2026-07-05",
                &[(Lost, "2026-10-10")],
            ),
        ],
    );
    ws.program.owner = "Mara".into();
    ws.program.target = eur(200);
    // (number, this quarter, last quarter, share of the 200 target)
    let table = [
        // Q4: 100 created; Q3: 50 + 70 created.
        (Number::SourcedPipeline, 100, 120, Some(5_000)),
        // Q4: 50 + 30 won; Q3: 20 won.
        (Number::PartnerRevenue, 80, 20, Some(4_000)),
        // Q4: 50 won sourced; Q3: none.
        (Number::SourcedRevenue, 50, 0, Some(2_500)),
    ];
    for (n, now, before, share) in table {
        ws.program.number = n;
        let v = number(&ws, today());
        assert_eq!(v.quarter.label, "2026 Q4");
        assert_eq!(
            (v.quarter.from, v.quarter.to),
            (d("2026-10-01"), d("2026-12-31"))
        );
        assert_eq!(v.previous.quarter.label, "2026 Q3");
        assert_eq!(
            (v.actual, v.previous.actual, v.share.map(|r| r.0)),
            (eur(now), eur(before), share),
            "{n:?}"
        );
        assert_eq!(v.owner, "Mara");
    }
    ws.program.target = Money(0);
    assert_eq!(number(&ws, today()).share, None, "no target, no share");
}

#[test]
fn quarters_run_back_from_today() {
    for (day, n, from) in [
        ("2026-11-30", 4, "2026-01-01"),
        ("2026-11-30", 2, "2026-07-01"),
        ("2026-11-30", 1, "2026-10-01"),
        ("2026-02-15", 2, "2025-10-01"),
        ("2026-01-01", 4, "2025-04-01"),
    ] {
        let w = quarters_to(d(day), n);
        assert_eq!((w.from, w.to), (d(from), d(day)), "{day} {n}");
    }
}

// ---------------------------------------------------------------- concentration

fn rows(amounts: &[i64]) -> Vec<(Id, String, Money)> {
    amounts
        .iter()
        .enumerate()
        .map(|(i, a)| (id(&format!("p-{i}")), format!("P{i}"), eur(*a)))
        .collect()
}

/// The Pareto of `amounts`: (top, top share bp, HHI, band).
fn check_pareto(amounts: &[i64], top: usize, top_share: u32, index: u32, band: Band) {
    let p = pareto(rows(amounts), "partner revenue", "bring");
    assert_eq!(
        (p.top, p.top_share.0, p.hhi, p.band),
        (top, top_share, index, band),
        "{amounts:?}"
    );
    assert_eq!(
        hhi(&amounts.iter().map(|a| eur(*a)).collect::<Vec<_>>()),
        index
    );
    if p.total.0 > 0 {
        assert_eq!(p.partners.last().unwrap().cumulative, Rate(10_000));
    }
}

#[test]
fn pareto_top_20_percent_and_hhi_by_hand() {
    // 6 partners: top = ⌈6 × 20 %⌉ = ⌈1.2⌉ = 2. Total 100; the top two
    // bring 50 + 30 = 80 → 80 %. HHI = 50² + 30² + 10² + 10² = 2,500 + 900
    // + 100 + 100 = 3,600: highly concentrated.
    check_pareto(&[10, 50, 0, 30, 10, 0], 2, 8_000, 3_600, Band::High);
    // 10 partners: top 2. 20,20,15,15,10,10,5,5,0,0 (total 100): top
    // share 40 %; HHI = 400 + 400 + 225 + 225 + 100 + 100 + 25 + 25 =
    // 1,500: the first moderately concentrated value.
    check_pareto(
        &[20, 20, 15, 15, 10, 10, 5, 5, 0, 0],
        2,
        4_000,
        1_500,
        Band::Moderate,
    );
    // 10 equal partners: top 2 bring 20 %; HHI = 10 × 10² = 1,000.
    check_pareto(&[7; 10], 2, 2_000, 1_000, Band::Unconcentrated);
    // 3 equal partners: top ⌈0.6⌉ = 1 brings 1/3 = 33.33 %; HHI = 3 ×
    // 33.33…² = 10,000 / 3 = 3,333.3 → 3,333.
    check_pareto(&[1, 1, 1], 1, 3_333, 3_333, Band::High);
    // One partner with everything: 100 %, HHI 10,000.
    check_pareto(&[5, 0, 0, 0, 0], 1, 10_000, 10_000, Band::High);
    // 51/49 split: HHI = 2,601 + 2,401 = 5,002; top 1 = 51 %.
    check_pareto(&[49, 51], 1, 5_100, 5_002, Band::High);
    // 25 partners, 4 % each: HHI 25 × 16 = 400; top 5 = 20 %.
    check_pareto(&[4; 25], 5, 2_000, 400, Band::Unconcentrated);
    // Nothing: no share, HHI 0.
    check_pareto(&[0, 0, 0], 1, 0, 0, Band::Unconcentrated);
}

#[test]
fn top_count_is_a_fifth_rounded_up_at_least_one() {
    for (n, top) in [
        (0, 0),
        (1, 1),
        (4, 1),
        (5, 1),
        (6, 2),
        (10, 2),
        (11, 3),
        (12, 3),
        (500, 100),
    ] {
        assert_eq!(top_count(n), top, "{n}");
    }
}

#[test]
fn the_sentence_names_the_top_partners() {
    let p = pareto(rows(&[10, 50, 0, 30, 10, 0]), "partner revenue", "bring");
    assert_eq!(
        p.sentence,
        "2 of 6 partners (the top 20 %: P1, P3) bring 80% of partner revenue; HHI 3,600: highly concentrated."
    );
    assert_eq!(
        p.partners
            .iter()
            .map(|r| (r.name.as_str(), r.share.0, r.cumulative.0))
            .collect::<Vec<_>>(),
        // Ties (P0 and P4 at 10; P2 and P5 at 0) by name.
        [
            ("P1", 5_000, 5_000),
            ("P3", 3_000, 8_000),
            ("P0", 1_000, 9_000),
            ("P4", 1_000, 10_000),
            ("P2", 0, 10_000),
            ("P5", 0, 10_000)
        ]
    );
    let one = pareto(rows(&[9, 1, 0, 0, 0]), "partner revenue", "bring");
    assert!(
        one.sentence
            .starts_with("1 of 5 partners (the top 20 %: P0) brings 90%"),
        "{}",
        one.sentence
    );
}

#[test]
fn concentration_counts_the_portfolio_over_four_quarters() {
    // The window is 2026-01-01 to 2026-11-30. Five partners not archived
    // (one exited, one a candidate with nothing: they count in the 20 %),
    // one archived with revenue (left out).
    let mut ws = Workspace::empty("Acme");
    add(&mut ws, partner("Alpha", Status::Active, "2025-06-01"));
    add(&mut ws, partner("Beta", Status::Active, "2025-06-01"));
    add(&mut ws, partner("Gamma", Status::Exited, "2026-05-01"));
    add(&mut ws, partner("Delta", Status::Candidate, "2026-01-01"));
    add(&mut ws, partner("Eps", Status::Pilot, "2026-10-01"));
    let mut archived = partner("Zeta", Status::Active, "2025-01-01");
    archived.archived = true;
    add(&mut ws, archived);
    deals(
        &mut ws,
        vec![
            // Revenue: Alpha 60 (sourced) + 0, Beta 30 (influenced), Gamma 10.
            deal(
                "Alpha",
                Sourced,
                eur(60),
                "2025-11-01",
                &[(Won, "2026-01-01")],
            ),
            deal(
                "Alpha",
                Sourced,
                eur(500),
                "2025-10-01",
                &[(Won, "2025-12-31")],
            ), // before the window
            deal(
                "Beta",
                Influenced,
                eur(30),
                "2026-03-01",
                &[(Won, "2026-06-01")],
            ),
            deal(
                "Gamma",
                Sourced,
                eur(10),
                "2026-02-01",
                &[(Won, "2026-03-01")],
            ),
            deal(
                "Zeta",
                Sourced,
                eur(900),
                "2026-02-01",
                &[(Won, "2026-03-01")],
            ), // archived
            deal("", Direct, eur(900), "2026-02-01", &[(Won, "2026-03-01")]),
            // Pipeline created in the window, sourced only: Gamma 10, Eps 40.
            deal("Eps", Sourced, eur(40), "2026-11-30", &[]),
            deal("Eps", Influenced, eur(77), "2026-11-01", &[]),
        ],
    );
    let c = concentration(&ws, today());
    assert_eq!((c.window.from, c.window.to), (d("2026-01-01"), today()));
    // Revenue: 60, 30, 10, 0, 0 of 100; top ⌈5 × 0.2⌉ = 1 → 60 %; HHI =
    // 3,600 + 900 + 100 = 4,600.
    let r = &c.revenue;
    assert_eq!(
        (r.total, r.partners.len(), r.top, r.top_share.0, r.hhi),
        (eur(100), 5, 1, 6_000, 4_600)
    );
    assert_eq!(r.partners[0].name, "Alpha");
    // Pipeline: Eps 40, Gamma 10 of 50 → 80 %; HHI = 6,400 + 400 = 6,800.
    let p = &c.pipeline;
    assert_eq!((p.total, p.top_share.0, p.hhi), (eur(50), 8_000, 6_800));
    assert_eq!(p.partners[0].name, "Eps");
}

// ---------------------------------------------------------------- tiers

fn tier(name: &str, sourced: i64, won: i64, rate: u32) -> Tier {
    Tier {
        name: name.into(),
        min_sourced: eur(sourced),
        min_won: eur(won),
        min_win_rate: Rate(rate),
        benefits: vec![format!("{name} benefit")],
    }
}

#[test]
fn tiers_by_measured_performance() {
    // Two quarters: 2026-07-01 to 2026-11-30. Gold: 100 sourced, 50 won,
    // 50 % win rate. Silver: 50 sourced. Registered: nothing.
    let mut ws = Workspace::empty("Acme");
    ws.program.tiers = vec![
        tier("Gold", 100, 50, 5_000),
        tier("Silver", 50, 0, 0),
        tier("Registered", 0, 0, 0),
    ];
    for (name, status) in [
        ("Exact", Status::Active),
        ("Short", Status::Active),
        ("Losing", Status::Pilot),
        ("Quiet", Status::Active),
        ("Early", Status::Active),
        ("Cand", Status::Candidate),
    ] {
        add(&mut ws, partner(name, status, "2026-06-01"));
    }
    deals(
        &mut ws,
        vec![
            // Exact: exactly every Gold minimum. Sourced 100 created on the
            // window's first day; won 50 of 1 won + 1 lost = 50 %.
            deal("Exact", Sourced, eur(100), "2026-07-01", &[]),
            deal(
                "Exact",
                Influenced,
                eur(50),
                "2026-05-01",
                &[(Won, "2026-08-01")],
            ),
            deal(
                "Exact",
                Sourced,
                eur(1),
                "2026-05-01",
                &[(Lost, "2026-08-01")],
            ),
            // Short: 99.99 sourced → Silver, short on sourced only.
            deal(
                "Short",
                Sourced,
                Money(9_999),
                "2026-07-01",
                &[(Won, "2026-09-01")],
            ),
            deal(
                "Short",
                Influenced,
                eur(50),
                "2026-05-01",
                &[(Won, "2026-09-01")],
            ),
            // Losing: 100 sourced, 50 won, but 1 won of 3 closed = 33.33 %.
            deal("Losing", Sourced, eur(100), "2026-07-02", &[]),
            deal(
                "Losing",
                Sourced,
                eur(50),
                "2026-05-01",
                &[(Won, "2026-10-01")],
            ),
            deal(
                "Losing",
                Sourced,
                eur(5),
                "2026-05-01",
                &[(Lost, "2026-10-01")],
            ),
            deal(
                "Losing",
                Sourced,
                eur(5),
                "2026-05-01",
                &[(Lost, "2026-10-01")],
            ),
            // Early: created the day before the window: nothing counts.
            deal("Early", Sourced, eur(500), "2026-06-30", &[]),
            // A candidate is not placed.
            deal("Cand", Sourced, eur(500), "2026-08-01", &[]),
        ],
    );
    let placed = tiers(&ws, today());
    let got: Vec<(&str, Option<usize>, Vec<String>)> = placed
        .iter()
        .map(|t| (t.name.as_str(), t.tier, t.missed.clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("Exact", Some(0), vec![]),
            (
                "Short",
                Some(1),
                vec![
                    "99.99 EUR of partner-sourced pipeline created, Gold asks 100.00 EUR"
                        .to_owned(),
                    // Short won both its closed deals: 100 %, and 149.99 won.
                ]
            ),
            (
                "Losing",
                Some(1),
                vec!["a win rate of 33.33% (1 won of 3 closed), Gold asks 50%".to_owned()]
            ),
            (
                "Quiet",
                Some(2),
                vec![
                    "0.00 EUR of partner-sourced pipeline created, Silver asks 50.00 EUR"
                        .to_owned()
                ]
            ),
            (
                "Early",
                Some(2),
                vec![
                    "0.00 EUR of partner-sourced pipeline created, Silver asks 50.00 EUR"
                        .to_owned()
                ]
            ),
        ]
    );
    let exact = &placed[0].figures;
    assert_eq!(
        (
            exact.sourced,
            exact.won,
            exact.won_deals,
            exact.closed_deals,
            exact.win_rate
        ),
        (eur(100), eur(50), 1, 2, Some(Rate(5_000)))
    );
    // Without a Registered tier, Quiet reaches none and is told why not
    // the lowest.
    ws.program.tiers.pop();
    let quiet = tiers(&ws, today())
        .into_iter()
        .find(|t| t.name == "Quiet")
        .unwrap();
    assert_eq!((quiet.tier, quiet.missed.len()), (None, 1));
    // A win-rate minimum without any closed deal is not met.
    ws.program.tiers = vec![tier("Rate", 0, 0, 1)];
    let quiet = tiers(&ws, today())
        .into_iter()
        .find(|t| t.name == "Quiet")
        .unwrap();
    assert_eq!(quiet.tier, None);
    assert_eq!(
        quiet.missed,
        ["no closed deal to give a win rate, Rate asks 0.01%"]
    );
}

#[test]
fn the_tier_sheet() {
    insta::assert_snapshot!(tier_sheet(&demo()).to_markdown());
}

#[test]
fn the_tier_sheet_carries_nothing_internal() {
    let ws = demo();
    let text = tier_sheet(&ws).to_markdown();
    for p in &ws.partners {
        assert!(!text.contains(&p.name), "{} on the sheet:\n{text}", p.name);
    }
    let figures: Vec<String> = tiers(&ws, today())
        .iter()
        .flat_map(|t| [t.figures.sourced, t.figures.won])
        .filter(|m| m.0 != 0)
        .map(|m| m.amount_text(ws.profile.currency))
        .collect();
    for f in figures {
        assert!(!text.contains(&f), "partner figure {f} on the sheet");
    }
    let lower = text.to_lowercase();
    for internal in [
        "score", "verdict", "override", "inactive", "hhi", "health", "owner",
    ] {
        assert!(
            !lower.contains(internal),
            "{internal:?} on the sheet:\n{text}"
        );
    }
}

// ---------------------------------------------------------------- inactive

#[test]
fn inactive_after_exactly_n_days() {
    // 90 days by default: 2026-09-01 is 90 days before 2026-11-30.
    let mut ws = Workspace::empty("Acme");
    add(&mut ws, partner("Ninety", Status::Active, "2026-06-01"));
    add(&mut ws, partner("Eightynine", Status::Active, "2026-06-01"));
    add(&mut ws, partner("Bare", Status::Pilot, "2026-09-01"));
    add(&mut ws, partner("Fresh", Status::Pilot, "2026-09-02"));
    add(&mut ws, partner("Cand", Status::Candidate, "2026-01-05"));
    add(&mut ws, partner("Stalled", Status::Pilot, "2026-09-01"));
    with(&mut ws, "Stalled", |p| {
        let mut pilot = Pilot::new(d("2026-09-01"));
        pilot.end = d("2026-10-31");
        p.pilots.push(pilot);
    });
    deals(
        &mut ws,
        vec![
            deal("Ninety", Sourced, eur(1), "2026-09-01", &[]),
            deal("Ninety", Sourced, eur(1), "2026-12-15", &[]), // after today: not yet
            deal("Eightynine", Influenced, eur(1), "2026-09-02", &[]),
            deal("Cand", Sourced, eur(1), "2025-01-01", &[]),
            // Stalled brings a deal after its pilot ended: not movement in
            // the pilot, but new pipeline.
            deal(
                "Stalled",
                Sourced,
                eur(1),
                "2026-11-01",
                &[(Discovery, "2026-11-10")],
            ),
        ],
    );
    let got: Vec<(String, Option<Date>, Option<u32>, InactiveReason)> = inactive(&ws, today())
        .into_iter()
        .map(|i| (i.name, i.last_pipeline, i.days, i.reason))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Ninety".to_owned(),
                Some(d("2026-09-01")),
                Some(90),
                InactiveReason::NoNewPipeline
            ),
            (
                "Bare".to_owned(),
                None,
                Some(90),
                InactiveReason::NoNewPipeline
            ),
            (
                "Stalled".to_owned(),
                Some(d("2026-11-01")),
                Some(29),
                InactiveReason::PilotWithoutMovement
            ),
        ]
    );
    let all = inactive(&ws, today());
    assert!(
        all[0].suggestion.starts_with("Exit Ninety"),
        "{}",
        all[0].suggestion
    );
    assert!(
        all[2]
            .evidence
            .iter()
            .any(|e| e.contains("ended without movement")),
        "{:?}",
        all[2].evidence
    );
    // With 120 days, only the stalled pilot is left.
    ws.program.inactive_days = 120;
    assert_eq!(inactive(&ws, today()).len(), 1);
}

#[test]
fn the_demo_flags_kestrel() {
    let ws = demo();
    let found = inactive(&ws, today());
    assert_eq!(found.len(), 1, "{found:?}");
    // Its last deal was created on 2026-08-03: 119 days before 11-30.
    assert_eq!(
        (found[0].name.as_str(), found[0].days),
        ("Kestrel ERP Consulting", Some(119))
    );
}

// ---------------------------------------------------------------- enablement

fn entry(day: &str, minutes: u32) -> Enablement {
    Enablement {
        date: d(day),
        kind: EnablementKind::Training,
        minutes,
        note: String::new(),
    }
}

/// Minutes and qualified opportunities of a period.
type Period = (u32, u32);
/// (total minutes, qualified, minutes per qualified, recent, previous, flagged).
type Outcome = (u32, u32, Option<u32>, Period, Period, bool);

/// The enablement outcome of "North" with `log` and its deals.
fn check_enablement(log: &[(&str, u32)], opportunities: Vec<Opportunity>, expect: Outcome) {
    let mut ws = Workspace::empty("Acme");
    let mut p = partner("North", Status::Active, "2026-01-01");
    p.enablement = log.iter().map(|(day, m)| entry(day, *m)).collect();
    add(&mut ws, p);
    deals(&mut ws, opportunities);
    let o = enablement(&ws, &ws.partners[0], today());
    assert_eq!(
        (
            o.minutes_total,
            o.qualified,
            o.minutes_per_qualified,
            (o.recent.minutes, o.recent.qualified),
            (o.previous.minutes, o.previous.qualified),
            o.flag.is_some()
        ),
        expect,
        "{log:?}"
    );
}

fn qualified(mut o: Opportunity, q: Option<bool>) -> Opportunity {
    o.qualified = q;
    o
}

#[test]
fn enablement_against_qualified_opportunities() {
    // Recent = 2026-09-02 to 11-30; previous = 2026-06-04 to 09-01.
    // Hours grew (0 → 600 min), no qualified opportunity: flagged.
    check_enablement(
        &[("2026-10-01", 240), ("2026-11-01", 360)],
        vec![],
        (600, 0, None, (600, 0), (0, 0), true),
    );
    // Grew 120 → 600 min, qualified grew 1 → 2: not flagged. 720 min over
    // 3 qualified = 240 each. The influenced deal and the one judged not
    // qualified do not count; an unjudged one past qualification does.
    check_enablement(
        &[("2026-09-01", 120), ("2026-09-02", 600)],
        vec![
            qualified(
                deal("North", Sourced, eur(1), "2026-08-01", &[]),
                Some(true),
            ),
            qualified(
                deal("North", Sourced, eur(1), "2026-10-01", &[]),
                Some(true),
            ),
            deal(
                "North",
                Sourced,
                eur(1),
                "2026-11-01",
                &[(Discovery, "2026-11-05")],
            ),
            qualified(
                deal("North", Sourced, eur(1), "2026-11-01", &[]),
                Some(false),
            ),
            qualified(
                deal("North", Influenced, eur(1), "2026-11-02", &[]),
                Some(true),
            ),
            deal("North", Sourced, eur(1), "2026-11-03", &[]), // unjudged, still in qualification
        ],
        (720, 3, Some(240), (600, 2), (120, 1), false),
    );
    // Grew 60 → 90 min while qualified stayed at 1: flagged.
    check_enablement(
        &[("2026-08-01", 60), ("2026-11-01", 90)],
        vec![
            qualified(
                deal("North", Sourced, eur(1), "2026-08-01", &[]),
                Some(true),
            ),
            qualified(
                deal("North", Sourced, eur(1), "2026-11-01", &[]),
                Some(true),
            ),
        ],
        (150, 2, Some(75), (90, 1), (60, 1), true),
    );
    // Fewer hours recently: not flagged. The same hours: not flagged. An
    // entry after today does not count.
    check_enablement(
        &[("2026-08-01", 120), ("2026-11-01", 60)],
        vec![],
        (180, 0, None, (60, 0), (120, 0), false),
    );
    check_enablement(
        &[("2026-08-01", 60), ("2026-11-01", 60), ("2026-12-01", 600)],
        vec![],
        (120, 0, None, (60, 0), (60, 0), false),
    );
}

#[test]
fn the_demo_flags_kestrels_enablement() {
    let ws = demo();
    let k = ws.partner(&id("p-kestrel")).unwrap();
    let o = enablement(&ws, k, today());
    // 240 + 60 + 360 + 480 = 1,140 minutes = 19 h; its only sourced deal was
    // judged not qualified.
    assert_eq!(
        (o.minutes_total, o.hours_text.as_str(), o.qualified),
        (1_140, "19 h", 0)
    );
    assert!(o
        .flag
        .unwrap()
        .contains("doing too little filtering up front"));
}

// ---------------------------------------------------------------- health

/// A workspace where every check passes: an ICP disqualifier, an owner and
/// a target, one active services partner rated 5 everywhere with aligned
/// answers, a drafted motion, a QBR and a fresh qualified deal.
fn healthy() -> Workspace {
    let mut ws = Workspace::empty("Acme");
    ws.icp.disqualifiers.push(Disqualifier {
        id: id("dq-1"),
        kind: DisqualifierKind::Other,
        text: "Public sector".into(),
        amount: None,
    });
    ws.program.owner = "Mara".into();
    ws.program.target = eur(1_000);
    let mut p = partner("North", Status::Active, "2026-10-01");
    let criteria: Vec<Id> = ws.scorecard.criteria().map(|(_, c)| c.id.clone()).collect();
    for c in &criteria {
        p.rate(c, Score::new(5));
    }
    p.alignment.judgment = Judgment::MapsCleanly;
    p.motion
        .qualified
        .push("A finance-ops project with a budget".into());
    add(&mut ws, p);
    ws.program.meetings.push(Meeting {
        id: id("m-qbr"),
        kind: MeetingKind::QuarterlyBusiness,
        partner: Some(id("north")),
        first: d("2027-01-12"),
        time: ClockTime::new(14, 0).unwrap(),
        minutes: 60,
        attendees: vec![],
    });
    deals(
        &mut ws,
        vec![qualified(
            deal("North", Sourced, eur(10), "2026-11-01", &[]),
            Some(true),
        )],
    );
    ws
}

fn check_health(name: &str, change: fn(&mut Workspace), check: Check, pass: bool, reason: &str) {
    let mut ws = healthy();
    change(&mut ws);
    let h = health(&ws, today());
    let item = h.items.iter().find(|i| i.check == check).unwrap();
    assert_eq!(item.pass, pass, "{name}: {item:?}");
    assert!(
        item.reason.contains(reason),
        "{name}: {:?} lacks {reason:?}",
        item.reason
    );
}

#[test]
fn the_healthy_workspace_passes_every_check() {
    let h = health(&healthy(), today());
    assert_eq!((h.passing, h.total), (10, 10), "{h:#?}");
}

#[test]
fn every_check_fails_and_passes() {
    use Check::*;
    type Row = (&'static str, fn(&mut Workspace), Check, bool, &'static str);
    let table: &[Row] = &[
        ("disqualifiers", |ws| ws.icp.disqualifiers.clear(), IcpDisqualifiers, false, "no disqualifiers"),
        ("blank disqualifier", |ws| ws.icp.disqualifiers[0].text = " ".into(), IcpDisqualifiers, false, "no disqualifiers"),
        ("a failed gate", |ws| with(ws, "North", |p| p.rate(&id("icp_density"), Score::new(1))), GatesPassed, false, "North is active with the verdict \u{201c}do not onboard\u{201d}"),
        (
            "on an override",
            |ws| with(ws, "North", |p| {
                p.rate(&id("icp_density"), Score::new(1));
                p.verdict_override = Some(Override { date: d("2026-10-01"), reason: "Board mandate".into() });
            }),
            GatesPassed,
            false,
            "on an override of \u{201c}do not onboard\u{201d} (2026-10-01: Board mandate)",
        ),
        ("unrated in pilot", |ws| add(ws, partner("Pil", Status::Pilot, "2026-11-01")), GatesPassed, false, "Pil is in pilot with the verdict \u{201c}needs evidence\u{201d}"),
        ("no partners engaged", |ws| ws.partners.clear(), GatesPassed, true, "No partners in pilot or active yet"),
        ("another type's plan", |ws| with(ws, "North", |p| p.incentives.plans.push(Plan::starter(id("plan-r"), PartnerType::Referral))), OwnTypeRules, false, "North (Services) is paid with the referral plan"),
        ("no gates for its type", |ws| { ws.scorecard.gates.remove(&PartnerType::Services); }, OwnTypeRules, false, "judged without gates for its type"),
        ("its own plan", |ws| with(ws, "North", |p| p.incentives.plans.push(Plan::starter(id("plan-s"), PartnerType::Services))), OwnTypeRules, true, "1 partner in the running: all pass"),
        ("no motion", |ws| with(ws, "North", |p| p.motion = Default::default()), RulesOfEngagement, false, "North is active without rules of engagement"),
        ("no active partners", |ws| with(ws, "North", |p| p.set_status(Status::Exited, d("2026-11-01"))), RulesOfEngagement, true, "No active partners yet"),
        ("pilot without a pilot", |ws| add(ws, partner("Pil", Status::Pilot, "2026-11-01")), PilotTargets, false, "Pil is in pilot without a pilot set up"),
        (
            "pilot without targets or plays",
            |ws| {
                let mut p = partner("Pil", Status::Pilot, "2026-11-01");
                let mut pilot = Pilot::new(d("2026-11-01"));
                pilot.targets.qualified = 0;
                pilot.targets.progressed = 0;
                p.pilots.push(pilot);
                add(ws, p);
            },
            PilotTargets,
            false,
            "Pil's pilot has no targets and no plays",
        ),
        (
            "pilot with targets and a play",
            |ws| {
                let mut p = partner("Pil", Status::Pilot, "2026-11-01");
                let mut pilot = Pilot::new(d("2026-11-01"));
                pilot.plays[0] = Play { name: "Finance-ops refresh".into(), ..Play::default() };
                p.pilots.push(pilot);
                add(ws, p);
            },
            PilotTargets,
            true,
            "1 partner in pilot: all pass",
        ),
        ("a focused big logo", |ws| with(ws, "North", |p| p.brand = BrandSize::BigLogo), BigBrandFocus, true, "1 big-logo partner: all pass"),
        (
            "an unfocused big logo",
            |ws| with(ws, "North", |p| {
                p.brand = BrandSize::BigLogo;
                p.rate(&id("prioritization_evidence"), Score::new(1));
                p.rate(&id("named_champion"), Score::new(2));
                p.rate(&id("opportunity_target"), Score::new(2));
            }),
            BigBrandFocus,
            false,
            "North is a big logo with weak or unproven focus (Revenue potential and focus 1.67, below 3)",
        ),
        (
            "a big logo not rated on prioritization",
            |ws| with(ws, "North", |p| {
                p.brand = BrandSize::BigLogo;
                p.rate(&id("prioritization_evidence"), None);
            }),
            BigBrandFocus,
            false,
            "not rated: \u{201c}Evidence they can prioritize you",
        ),
        ("enablement with a qualified deal", |ws| with(ws, "North", |p| p.enablement.push(entry("2026-10-01", 60))), EnablementOutcomes, true, "1 partner with enablement: all pass"),
        (
            "enablement without opportunities",
            |ws| {
                with(ws, "North", |p| p.enablement.push(entry("2026-10-01", 90)));
                Arc::make_mut(&mut Arc::make_mut(&mut ws.pipeline).opportunities[0]).qualified = Some(false);
            },
            EnablementOutcomes,
            false,
            "North: 1 h 30 min of enablement and no qualified opportunity",
        ),
        (
            "growing enablement, flat opportunities",
            |ws| {
                with(ws, "North", |p| p.enablement.extend([entry("2026-08-01", 60), entry("2026-11-01", 120)]));
                deals(ws, vec![qualified(deal("North", Sourced, eur(10), "2026-08-15", &[]), Some(true))]);
            },
            EnablementOutcomes,
            false,
            "enablement grew from 1 h to 2 h while qualified opportunities went from 1 to 1",
        ),
        (
            "an inactive partner",
            |ws| Arc::make_mut(&mut Arc::make_mut(&mut ws.pipeline).opportunities[0]).created = d("2026-08-01"),
            NoInactiveKept,
            false,
            "North is inactive",
        ),
        ("no owner", |ws| ws.program.owner.clear(), NumberOwner, false, "Nobody owns the number"),
        ("no target", |ws| ws.program.target = Money(0), NumberOwner, false, "The number has no target per quarter"),
        ("owner and target", |_| {}, NumberOwner, true, "Mara owns partner-sourced pipeline created, with a target of 1,000.00 EUR a quarter"),
        ("no QBR", |ws| ws.program.meetings.clear(), QbrScheduled, false, "No QBR scheduled with North"),
    ];
    for (name, change, check, pass, reason) in table {
        check_health(name, *change, *check, *pass, reason);
    }
}

#[test]
fn a_failing_item_links_to_the_first_partner_at_fault() {
    let mut ws = healthy();
    with(&mut ws, "North", |p| p.motion = Default::default());
    let h = health(&ws, today());
    let item = h
        .items
        .iter()
        .find(|i| i.check == Check::RulesOfEngagement)
        .unwrap();
    assert_eq!(item.fix, FixAt::Partner(id("north"), PartnerPart::Motion));
    assert_eq!(h.passing, 9);
}

#[test]
fn the_score_is_recorded_when_it_changes() {
    let mut ws = healthy();
    let edit = record(&ws, today()).expect("nothing recorded yet");
    assert!(
        matches!(&edit, Edit::Program(ProgramEdit::RecordHealth(p)) if p.passing == 10 && p.total == 10)
    );
    ws = {
        let mut next = ws.clone();
        next.apply(edit).unwrap();
        next
    };
    assert_eq!(record(&ws, today()), None, "the same score");
    assert_eq!(
        record(&ws, d("2026-12-01")),
        None,
        "the same score the next day"
    );
    ws.program.owner.clear();
    let edit = record(&ws, d("2026-12-01")).expect("the score dropped");
    ws.apply(edit).unwrap();
    assert_eq!(ws.program.health.len(), 2);
    assert_eq!(ws.program.health[1].passing, 9);
    assert_eq!(
        record(&ws, d("2026-11-30")),
        None,
        "a later day is already kept"
    );
}

// ---------------------------------------------------------------- plan

/// The state of `step` as (done, by the workspace, automatic, overdue).
fn check_plan(ws: &Workspace, day: &str, step: PlanStep, expect: (bool, bool, bool, bool)) {
    let p = plan(ws, d(day));
    let item = p.items.iter().find(|i| i.step == step).unwrap();
    let got = (
        item.state != PlanState::Open,
        matches!(
            item.state,
            PlanState::Done {
                by: ByWhom::Workspace(_),
                ..
            }
        ),
        item.automatic,
        item.overdue,
    );
    assert_eq!(got, expect, "{step:?} on {day}: {item:?}");
}

#[test]
fn the_plan_ticks_itself_and_shows_what_is_overdue() {
    use PlanStep::*;
    // Day 1 is 2026-09-01: days 1–30 are due 09-30, 31–60 10-30, 61–90 11-29.
    let mut ws = Workspace::empty("Acme");
    ws.program.start = Some(d("2026-09-01"));
    let p = plan(&ws, d("2026-09-30"));
    assert_eq!(p.day, Some(30));
    assert_eq!(p.items[0].due, Some(d("2026-09-30")));
    // (done, by workspace, automatic, overdue)
    check_plan(&ws, "2026-09-30", FinalizeIcp, (false, false, true, false));
    check_plan(&ws, "2026-10-01", FinalizeIcp, (false, false, true, true));
    // The default scorecard has gates: built.
    check_plan(&ws, "2026-10-01", BuildScorecard, (true, true, true, false));
    check_plan(&ws, "2026-10-31", AlignComp, (false, false, false, true));
    ws.program.plan_done.insert(AlignComp, d("2026-10-20"));
    check_plan(&ws, "2026-10-31", AlignComp, (true, false, false, false));
    // A hand tick on an automatic step counts too.
    ws.program.plan_done.insert(FinalizeIcp, d("2026-09-20"));
    check_plan(&ws, "2026-10-01", FinalizeIcp, (true, false, true, false));
    // Nine rated candidates are not ten.
    for i in 0..10 {
        let mut p = partner(&format!("P{i}"), Status::Evaluating, "2026-09-10");
        if i > 0 {
            p.rate(&id("icp_density"), Score::new(3));
        }
        add(&mut ws, p);
    }
    check_plan(&ws, "2026-10-31", Recruit, (false, false, true, true));
    with(&mut ws, "P0", |p| p.rate(&id("icp_density"), Score::new(4)));
    check_plan(&ws, "2026-10-31", Recruit, (true, true, true, false));
    check_plan(&ws, "2026-10-31", ChooseTypes, (true, true, true, false));
    // Tiers without benefits are not published.
    ws.program.tiers.push(Tier {
        benefits: vec![],
        ..tier("Gold", 1, 0, 0)
    });
    check_plan(&ws, "2026-11-30", PublishTiers, (false, false, true, true));
    ws.program.tiers[0]
        .benefits
        .push("A partner manager".into());
    check_plan(&ws, "2026-11-30", PublishTiers, (true, true, true, false));
    // Pilots: one launched with targets, ended without movement and still
    // running → not exited; decided "expand" → doubled down.
    check_plan(&ws, "2026-11-30", LaunchPilots, (false, false, true, true));
    with(&mut ws, "P1", |p| {
        p.set_status(Status::Pilot, d("2026-09-15"));
        p.pilots.push(Pilot::new(d("2026-09-15")));
    });
    check_plan(&ws, "2026-10-30", LaunchPilots, (true, true, true, false));
    check_plan(&ws, "2026-11-30", ExitPilots, (false, false, true, true));
    check_plan(&ws, "2026-11-30", DoubleDown, (false, false, true, true));
    with(&mut ws, "P1", |p| {
        p.set_status(Status::Exited, d("2026-11-14"));
        p.pilots[0].decided = Some(Decided {
            decision: Decision::Exit,
            date: d("2026-11-14"),
            reason: "No movement".into(),
        });
    });
    check_plan(&ws, "2026-11-30", ExitPilots, (true, true, true, false));
    with(&mut ws, "P2", |p| {
        p.set_status(Status::Active, d("2026-11-10"));
        let mut pilot = Pilot::new(d("2026-09-10"));
        pilot.decided = Some(Decided {
            decision: Decision::Expand,
            date: d("2026-11-10"),
            reason: "Met".into(),
        });
        p.pilots.push(pilot);
    });
    check_plan(&ws, "2026-11-30", DoubleDown, (true, true, true, false));
    // QBRs: the active partner has none, then one.
    check_plan(&ws, "2026-11-30", InstallQbrs, (false, false, true, true));
    ws.program.meetings.push(Meeting {
        id: id("m-qbr"),
        kind: MeetingKind::QuarterlyBusiness,
        partner: Some(id("p2")),
        first: d("2027-01-12"),
        time: ClockTime::new(14, 0).unwrap(),
        minutes: 60,
        attendees: vec![],
    });
    check_plan(&ws, "2026-11-30", InstallQbrs, (true, true, true, false));
    // Without a start: no due dates, nothing overdue.
    ws.program.start = None;
    let p = plan(&ws, d("2027-06-01"));
    assert!(p.items.iter().all(|i| i.due.is_none() && !i.overdue));
    assert_eq!(p.day, None);
}

// ---------------------------------------------------------------- report

#[test]
fn the_demo_report() {
    insta::assert_snapshot!(report(&demo(), today()).text());
}

#[test]
fn the_demo_report_serializes() {
    let json = serde_json::to_value(report(&demo(), today())).unwrap();
    assert_eq!(json["number"]["quarter"]["label"], "2026 Q4");
    assert_eq!(json["health"]["total"], 10);
}
