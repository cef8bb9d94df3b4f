//! ICP evidence from a partner's account lists: hand-worked lists, every
//! share computed by hand in the comments.

use partnerfit_core::icp::{Disqualifier, DisqualifierKind, Icp, Span};
use partnerfit_core::overlap::account::{Account, AccountList, ListOwner, PopulationSource};
use partnerfit_core::overlap::icp_fit::{
    employee_band, evidence_with, icp_fit, score_of, Condition, Coverage, FloorCheck, IcpFit,
    Measure, NoSuggestion, BASIS_MARK, SCALE,
};
use partnerfit_core::overlap::population::Population::{self, *};
use partnerfit_core::rate::Rate;
use partnerfit_core::scorecard::Scorecard;
use partnerfit_core::{Currency, Date, Id, Money};

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

const EUR: i64 = 100;
const MILLION: i64 = 1_000_000 * EUR;

/// (name, industry, employees, revenue in minor units, population)
type Row<'a> = (&'a str, &'a str, &'a str, Option<i64>, Population);

fn list(list_id: &str, owner: ListOwner, rows: &[Row]) -> AccountList {
    AccountList {
        id: id(list_id),
        owner,
        source: format!("{list_id}.csv"),
        imported: Date::parse("2026-11-01").unwrap(),
        population: PopulationSource::Fixed(Customer),
        accounts: rows
            .iter()
            .enumerate()
            .map(
                |(i, (name, industry, employees, revenue, population))| Account {
                    industry: (*industry).into(),
                    employees: (*employees).into(),
                    annual_revenue: revenue.map(Money),
                    ..Account::for_matching(
                        i + 2,
                        *name,
                        format!("{}.example", name.to_lowercase().replace(' ', "-")),
                        "DE",
                        *population,
                    )
                },
            )
            .collect(),
    }
}

fn partner() -> ListOwner {
    ListOwner::Partner(id("p-1"))
}

fn check(icp: &Icp, lists: &[AccountList], expected: IcpFit) {
    let lists: Vec<&AccountList> = lists.iter().collect();
    assert_eq!(icp_fit(icp, &lists, &id("p-1")), expected);
}

/// Ledgerline's ICP: two verticals, 100–1,000 employees, 20–500 million EUR
/// of revenue, a budget floor of 15,000 EUR (and one without an amount).
fn ledgerline() -> Icp {
    Icp {
        industries: vec![
            "Logistics and freight".into(),
            "Wholesale distribution".into(),
        ],
        sub_verticals: vec!["Food wholesale".into()],
        employees: Span {
            min: Some(100),
            max: Some(1000),
        },
        annual_revenue: Span {
            min: Some(Money(20 * MILLION)),
            max: Some(Money(500 * MILLION)),
        },
        disqualifiers: vec![
            Disqualifier {
                id: id("dq-budget"),
                kind: DisqualifierKind::BudgetFloor,
                text: "Under 15,000 EUR a year".into(),
                amount: Some(Money(15_000 * EUR)),
            },
            Disqualifier {
                id: id("dq-vague"),
                kind: DisqualifierKind::BudgetFloor,
                text: "No budget".into(),
                amount: None,
            },
        ],
        ..Icp::default()
    }
}

/// Twelve customers, worked by hand (✓ inside, ✗ outside, – no data):
///
/// | # | industry | employees | revenue |
/// |---|---|---|---|
/// | 1 | Logistics & Supply Chain ✓ | 250 ✓ | 50M ✓ |
/// | 2 | WHOLESALE ✓ | 51-200 – (straddles 100) | 30M ✓ |
/// | 3 | Computer Software ✗ | 500 ✓ | 100M ✓ |
/// | 4 | Freight ✓ | 1,200 ✗ | 80M ✓ |
/// | 5 | Retail ✗ | 300 ✓ | – |
/// | 6 | – | 400 ✓ | 25M ✓ |
/// | 7 | 3PL ✓ | 201-500 ✓ | 10M ✗ |
/// | 8 | Transportation/Trucking/Railroad ✗ | 10,001+ ✗ | 900M ✗ |
/// | 9 | Food wholesale ✓ | 150 ✓ | 40M ✓ |
/// | 10 | Wholesale distribution ✓ | about 300 – | 60M ✓ |
/// | 11 | Logistics ✓ | 800 ✓ | 10,000 EUR ✗ |
/// | 12 | Financial Services ✗ | 120 ✓ | 22M ✓ |
///
/// Industry: 11 with data (all but 6), 7 inside (1, 2, 4, 7, 9, 10, 11).
/// Employees: 10 with data (not 2, 10), 8 inside (1, 3, 5, 6, 7, 9, 11, 12).
/// Revenue: 11 with data (not 5), 8 inside (1, 2, 3, 4, 6, 9, 10, 12).
/// Judged on all three: 1, 3, 4, 7, 8, 9, 11, 12 = 8; inside all: 1, 9 = 2.
/// Budget floor 15,000 EUR: of 11 revenues, only 11's (10,000 EUR) is below.
fn twelve() -> Vec<AccountList> {
    let m = |n: i64| Some(n * MILLION);
    vec![
        list(
            "l-1",
            partner(),
            &[
                ("Acme", "Logistics & Supply Chain", "250", m(50), Customer),
                ("Bravo", "WHOLESALE", "51-200", m(30), Customer),
                ("Cobalt", "Computer Software", "500", m(100), Customer),
                ("Delta", "Freight", "1,200", m(80), Customer),
                ("Echo", "Retail", "300", None, Customer),
                ("Fox", "", "400", m(25), Customer),
                ("Golf", "3PL", "201-500", m(10), Customer),
                (
                    "Hotel",
                    "Transportation/Trucking/Railroad",
                    "10,001+",
                    m(900),
                    Customer,
                ),
                ("India", "Food wholesale", "150", m(40), Customer),
                (
                    "Juliet",
                    "Wholesale distribution",
                    "about 300",
                    m(60),
                    Customer,
                ),
                ("Kilo", "Logistics", "800", Some(10_000 * EUR), Customer),
                ("Lima", "Financial Services", "120", m(22), Customer),
                // Not customers: left out.
                ("Mike", "Logistics", "300", m(50), Prospect),
                ("November", "Logistics", "300", m(50), OpenOpportunity),
            ],
        ),
        // The same customer exported again: counted once.
        list(
            "l-2",
            partner(),
            &[("Acme", "Logistics & Supply Chain", "250", m(50), Customer)],
        ),
        // Another partner's and our own customers: not theirs.
        list(
            "l-3",
            ListOwner::Partner(id("p-2")),
            &[("Oscar", "Logistics", "300", m(50), Customer)],
        ),
        list(
            "l-4",
            ListOwner::Ours,
            &[("Papa", "Logistics", "300", m(50), Customer)],
        ),
    ]
}

#[test]
fn twelve_customers_worked_by_hand() {
    let expected = IcpFit {
        customers: 12,
        conditions: vec![
            (
                Condition::Industry,
                Coverage::Checked {
                    with_data: 11,
                    inside: 7,
                },
            ),
            (
                Condition::Employees,
                Coverage::Checked {
                    with_data: 10,
                    inside: 8,
                },
            ),
            (
                Condition::Revenue,
                Coverage::Checked {
                    with_data: 11,
                    inside: 8,
                },
            ),
        ],
        judged: 8,
        inside: 2,
        // One customer each, so by text (capitals sort first).
        matched_industries: [
            "3PL",
            "Food wholesale",
            "Freight",
            "Logistics",
            "Logistics & Supply Chain",
            "WHOLESALE",
            "Wholesale distribution",
        ]
        .iter()
        .map(|t| (t.to_string(), 1))
        .collect(),
        floors: vec![FloorCheck {
            disqualifier: id("dq-budget"),
            floor: Money(15_000 * EUR),
            with_revenue: 11,
            below: 1,
        }],
    };
    check(&ledgerline(), &twelve(), expected);
}

#[test]
fn the_twelve_suggest_a_rating_for_verticals_but_are_too_few_for_the_icp() {
    let lists = twelve();
    let refs: Vec<&AccountList> = lists.iter().collect();
    let fit = icp_fit(&ledgerline(), &refs, &id("p-1"));
    // 7 of 11 = 63.636…% → 6,364 bp → 1 + ⌊6,364 / 2,000⌋ = 4.
    let v = fit.suggest(Measure::Verticals).unwrap();
    assert_eq!((v.share, v.score.get()), (Rate(6364), 4));
    assert_eq!(
        v.basis,
        format!("{BASIS_MARK}63.64% of the 11 of their 12 customers with an industry are in your priority verticals → suggests 4 (scale {SCALE})")
    );
    // 8 judged: fewer than ten.
    assert_eq!(
        fit.suggest(Measure::Icp).unwrap_err(),
        NoSuggestion::TooFew {
            n: 8,
            what: "the data"
        }
    );
    assert_eq!(
        fit.suggest(Measure::Icp).unwrap_err().to_string(),
        "only 8 customers have the data: too few to suggest a rating (10 needed)"
    );
    assert_eq!(
        fit.floor_lines(Currency::EUR),
        ["Budget floor 15,000 EUR: 1 of the 11 customers with an annual revenue is below it (their whole revenue is under the floor; a revenue above it says nothing of the budget)"]
    );
    assert_eq!(
        fit.condition_lines(),
        [
            "Industry: 7 of the 11 customers with the data are in your verticals",
            "Employees: 8 of the 10 customers with the data are in your employee range",
            "Annual revenue: 8 of the 11 customers with the data are in your revenue range",
            "Country: not checked, the ICP names no countries or regions",
        ]
    );
}

/// Twenty customers, the ICP set by employees alone (50–500): 13 inside
/// (60, 70 … 180), 7 outside (600 … 1,200). 13 / 20 = 65% → 1 + ⌊6,500 /
/// 2,000⌋ = 4. No industry in the ICP: no vertical suggestion.
#[test]
fn an_icp_of_employees_alone_suggests_from_twenty_customers() {
    let names: Vec<String> = (0..20).map(|i| format!("Firm {i}")).collect();
    let employees: Vec<String> = (0..20)
        .map(|i| {
            if i < 13 {
                60 + 10 * i
            } else {
                600 + 100 * (i - 13)
            }
            .to_string()
        })
        .collect();
    let rows: Vec<Row> = (0..20)
        .map(|i| (names[i].as_str(), "", employees[i].as_str(), None, Customer))
        .collect();
    let icp = Icp {
        employees: Span {
            min: Some(50),
            max: Some(500),
        },
        ..Icp::default()
    };
    let lists = [list("l-1", partner(), &rows)];
    let refs: Vec<&AccountList> = lists.iter().collect();
    let fit = icp_fit(&icp, &refs, &id("p-1"));
    assert_eq!((fit.judged, fit.inside), (20, 13));
    let s = fit.suggest(Measure::Icp).unwrap();
    assert_eq!((s.share, s.score.get()), (Rate(6500), 4));
    assert_eq!(
        s.basis,
        format!("{BASIS_MARK}65% of their 20 customers are inside your ICP (employees checked) → suggests 4 (scale {SCALE})")
    );
    assert_eq!(
        fit.suggest(Measure::Verticals).unwrap_err(),
        NoSuggestion::NoVerticals
    );
}

/// Rows: (customers, with revenue, coverage, ICP suggestion). A column
/// filled for fewer than half of the customers is not checked.
#[test]
fn a_sparse_column_is_left_out() {
    let icp = Icp {
        annual_revenue: Span {
            min: Some(Money(MILLION)),
            max: None,
        },
        ..Icp::default()
    };
    for (n, with, coverage, suggestion) in [
        // 9 of 20 < half: left out, nothing else checked.
        (
            20,
            9,
            Coverage::Sparse {
                with_data: 9,
                inside: 9,
            },
            Err(NoSuggestion::Unchecked { customers: 20 }),
        ),
        // 10 of 20 = half: checked, 10 of 10 inside → 100% → 5.
        (
            20,
            10,
            Coverage::Checked {
                with_data: 10,
                inside: 10,
            },
            Ok(5),
        ),
        // No customers at all.
        (
            0,
            0,
            Coverage::Sparse {
                with_data: 0,
                inside: 0,
            },
            Err(NoSuggestion::NoCustomers),
        ),
    ] {
        let names: Vec<String> = (0..n).map(|i| format!("Firm {i}")).collect();
        let rows: Vec<Row> = (0..n)
            .map(|i| {
                (
                    names[i].as_str(),
                    "",
                    "",
                    (i < with).then_some(2 * MILLION),
                    Customer,
                )
            })
            .collect();
        let lists = [list("l-1", partner(), &rows)];
        let refs: Vec<&AccountList> = lists.iter().collect();
        let fit = icp_fit(&icp, &refs, &id("p-1"));
        assert_eq!(fit.coverage(Condition::Revenue), coverage, "{n}, {with}");
        assert_eq!(
            fit.suggest(Measure::Icp).map(|s| s.score.get()),
            suggestion,
            "{n}, {with}"
        );
    }
}

/// Rows: (our verticals, their industry, counted as ours).
#[test]
fn industries_match_tolerantly() {
    for (verticals, industry, expected) in [
        ("Software", "Computer Software", true),
        ("Software", "COMPUTER_SOFTWARE", true),
        ("Software", "SaaS", true),
        ("Software", "Hardware", false),
        ("Logistics and freight", "Logistics & Supply Chain", true),
        ("Logistics and freight", "freight", true),
        (
            "Logistics and freight",
            "Transportation/Trucking/Railroad",
            false,
        ),
        ("Logistics and freight", "3PL", true),
        ("Wholesale distribution", "Wholesale", true),
        ("Wholesale distribution", "Wholesalers", true),
        ("Wholesale distribution", "Software distribution", false),
        ("Financial services", "Finance", true),
        ("Financial services", "Professional Services", false),
        ("Health care", "Healthcare", true),
        ("Healthcare", "Hospital & Health Care", true),
        ("E-commerce", "Ecommerce", true),
        ("IT services", "Information Technology and Services", true),
        ("Retail", "Other", false),
    ] {
        let icp = Icp {
            industries: vec![verticals.into()],
            ..Icp::default()
        };
        let lists = [list(
            "l-1",
            partner(),
            &[("Acme", industry, "", None, Customer)],
        )];
        let refs: Vec<&AccountList> = lists.iter().collect();
        let fit = icp_fit(&icp, &refs, &id("p-1"));
        let counted = fit.matched_industries == [(industry.to_owned(), 1)];
        assert_eq!(counted, expected, "{industry:?} in {verticals:?}");
    }
}

/// Rows: (employees as exported, lowest, highest).
#[test]
fn employee_counts_and_bands() {
    for (text, expected) in [
        ("250", Some((250, 250))),
        (" 1,200 ", Some((1200, 1200))),
        ("1.200", Some((1200, 1200))),
        ("51-200", Some((51, 200))),
        ("201 – 500", Some((201, 500))),
        ("201 to 500", Some((201, 500))),
        ("10,001+", Some((10_001, u32::MAX))),
        ("> 5000", Some((5001, u32::MAX))),
        ("<50", Some((0, 49))),
        ("about 300", None),
        ("500-200", None),
        ("", None),
    ] {
        assert_eq!(employee_band(text), expected, "{text:?}");
    }
}

/// Rows: (share in basis points, score): five equal bands.
#[test]
fn shares_map_to_scores_in_five_bands() {
    for (bp, score) in [
        (0, 1),
        (1999, 1),
        (2000, 2),
        (3999, 2),
        (4000, 3),
        (5999, 3),
        (6000, 4),
        (7999, 4),
        (8000, 5),
        (10_000, 5),
    ] {
        assert_eq!(score_of(Rate(bp)).get(), score, "{bp}");
    }
}

/// Rows: (evidence before, evidence after accepting `basis`).
#[test]
fn accepting_keeps_what_was_written_and_replaces_an_old_basis() {
    let basis = format!("{BASIS_MARK}70% … → suggests 4");
    let old = format!("{BASIS_MARK}50% … → suggests 3");
    for (before, after) in [
        (String::new(), basis.clone()),
        (
            "Sells to IT buyers.".to_owned(),
            format!("Sells to IT buyers. · {basis}"),
        ),
        (old.clone(), basis.clone()),
        (
            format!("Sells to IT buyers. · {old}"),
            format!("Sells to IT buyers. · {basis}"),
        ),
    ] {
        assert_eq!(evidence_with(&before, &basis), after, "{before:?}");
    }
}

#[test]
fn the_default_scorecard_has_the_criteria_the_data_speaks_to() {
    let card = Scorecard::default();
    for (criterion, measure) in Measure::CRITERIA {
        let (_, c) = card.criterion(&id(criterion)).expect(criterion);
        assert_eq!(Measure::of(&c.id), Some(measure));
    }
    assert_eq!(Measure::of(&id("use_case_match")), None);
}

/// The demo's Northwind: 14 customers (lines 2–26 of its export).
/// Verticals: 10 (Logistics & Supply Chain ×4, Wholesale ×4, Food &
/// Beverages ×2; not Farming, Maritime, Shipbuilding, Automotive) of 14 =
/// 71.43% → 4. ICP: all 14 have every datum; inside every condition 8 (the
/// ten in our verticals but lines 2 and 3, under 100 employees; Farming
/// and Automotive are also under 20M EUR) → 57.14% → 3. Accepting rates it
/// in one step, keeping the evidence written before.
#[test]
fn the_demo_partner_is_rated_from_its_export_in_one_step() {
    use partnerfit_core::edit::{Edit, PartnerEdit};
    use partnerfit_core::partner::Rating;
    let mut ws = partnerfit_core::demo::demo();
    let northwind = id("p-northwind");
    let fit = {
        let lists: Vec<&AccountList> = ws.account_lists.iter().map(|l| &**l).collect();
        icp_fit(&ws.icp, &lists, &northwind)
    };
    assert_eq!((fit.customers, fit.judged, fit.inside), (14, 14, 8));
    let verticals = fit.suggest(Measure::Verticals).unwrap();
    let icp = fit.suggest(Measure::Icp).unwrap();
    assert_eq!((verticals.share, verticals.score.get()), (Rate(7143), 4));
    assert_eq!((icp.share, icp.score.get()), (Rate(5714), 3));
    assert_eq!(
        icp.basis,
        format!("{BASIS_MARK}57.14% of their 14 customers are inside your ICP (industry, employees and annual revenue checked) → suggests 3 (scale {SCALE})")
    );
    assert_eq!(fit.floors[0].below, 0);
    let criterion = id("buyer_access");
    let before = ws
        .partner(&northwind)
        .unwrap()
        .evidence(&criterion)
        .to_owned();
    let evidence = evidence_with(&before, &icp.basis);
    let applied = ws
        .apply(Edit::partner(
            &northwind,
            PartnerEdit::RateWith(
                criterion.clone(),
                Rating {
                    score: icp.score,
                    evidence: evidence.clone(),
                },
            ),
        ))
        .unwrap();
    assert_eq!(
        applied.summary,
        "rate \"Access to your target buyer roles\" 3 with its evidence of Northwind Integrations"
    );
    let rating = &ws.partner(&northwind).unwrap().ratings[&criterion];
    assert_eq!(
        (rating.score.get(), rating.evidence.as_str()),
        (3, evidence.as_str())
    );
    assert!(evidence.ends_with(&icp.basis));
}
