//! Invariants over random workspaces: scores stay in range, verdicts are
//! never confident on missing data, files round-trip.

use partnerfit_core::alignment::Judgment;
use partnerfit_core::format;
use partnerfit_core::partner::{BrandSize, Partner, PartnerType, Score, Status};
use partnerfit_core::scorecard::{self, Verdict};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::{Date, Id, Workspace};
use proptest::prelude::*;

fn arb_partner(i: usize) -> impl Strategy<Value = Partner> {
    (
        prop::collection::vec(prop::option::of(1u8..=5), 12),
        0usize..3,
        0usize..4,
        0usize..3,
        "[a-zA-Z &<>\"'é]{0,20}",
        any::<bool>(),
        prop::collection::vec(0usize..5, 0..4),
    )
        .prop_map(
            move |(ratings, kind, judgment, brand, name, archived, statuses)| {
                let ws = Workspace::default();
                let mut p = Partner::new(
                    Id::parse(&format!("p-{i}")).unwrap(),
                    name,
                    PartnerType::ALL[kind],
                    Date::parse("2026-01-01").unwrap(),
                );
                for ((_, c), r) in ws.scorecard.criteria().zip(ratings) {
                    p.rate(&c.id, r.and_then(Score::new));
                    if r == Some(3) {
                        p.set_evidence(&c.id, format!("evidence for {}", c.id));
                    }
                }
                for (day, s) in statuses.into_iter().enumerate() {
                    p.set_status(
                        Status::ALL[s],
                        Date::parse("2026-01-01").unwrap().add_days(day as i64 + 1),
                    );
                }
                p.alignment.judgment = Judgment::ALL[judgment];
                p.brand = BrandSize::ALL[brand];
                p.archived = archived;
                p
            },
        )
}

fn arb_workspace() -> impl Strategy<Value = Workspace> {
    (0usize..8, prop::collection::vec(0.0f64..5.0, 16)).prop_flat_map(|(n, weights)| {
        let partners: Vec<_> = (0..n).map(arb_partner).collect();
        (partners, Just(weights)).prop_map(|(partners, weights)| {
            let mut ws = Workspace::empty("Prop Co");
            // Weights in quarters; zero allowed except where a file needs one
            // above zero (the first category, each category's first
            // criterion), so every generated scorecard is one a file keeps.
            for (i, cat) in ws.scorecard.categories.iter_mut().enumerate() {
                let w = (weights[i] * 4.0).round() / 4.0;
                cat.weight = if i == 0 { w.max(0.25) } else { w };
                for (j, k) in cat.criteria.iter_mut().enumerate() {
                    let w = (weights[4 + i * 3 + j] * 4.0).round() / 4.0;
                    k.weight = if j == 0 { w.max(0.25) } else { w };
                }
            }
            // A per-criterion floor (1–3) on the ICP-fit gate of every type, or none.
            if let Some(f) = Score::new(weights[0] as u8).filter(|f| f.get() <= 3) {
                let cat = ws.scorecard.categories[0].id.clone();
                for kind in partnerfit_core::partner::PartnerType::ALL {
                    ws.scorecard
                        .floors
                        .entry(*kind)
                        .or_default()
                        .insert(cat.clone(), f);
                }
            }
            ws.partners = partners.into_iter().map(std::sync::Arc::new).collect();
            ws
        })
    })
}

proptest! {
    #[test]
    fn scores_stay_in_range_and_verdicts_need_data(ws in arb_workspace()) {
        for e in scorecard::evaluate_all(&ws) {
            if let Some(t) = e.total {
                prop_assert!((1.0..=5.0).contains(&t), "total {t}");
            }
            for c in &e.categories {
                prop_assert!(c.worst <= c.best + 1e-9);
                if let Some(m) = c.mean {
                    prop_assert!((1.0..=5.0).contains(&m));
                    prop_assert!(c.worst - 1e-9 <= m && m <= c.best + 1e-9);
                }
            }
            let (rated, total) = e.rated_count();
            if rated < total {
                prop_assert_ne!(e.verdict, Verdict::OnboardToPilot);
            }
        }
    }

    #[test]
    fn ranking_puts_failed_gates_last_then_sorts_by_total(ws in arb_workspace()) {
        let evals = scorecard::evaluate_all(&ws);
        let ranking = scorecard::rank(&evals);
        // Every partner in the running once; those that exited are not ranked.
        prop_assert_eq!(ranking.len(), evals.iter().filter(|e| e.in_the_running).count());
        for w in ranking.windows(2) {
            // Gates are minimums: no partner failing one above one that does not.
            prop_assert!(w[0].fails_gate <= w[1].fails_gate);
            prop_assert_eq!(w[0].fails_gate, evals[w[0].evaluation].fails_gate());
            if w[0].fails_gate != w[1].fails_gate {
                continue;
            }
            match (w[0].total, w[1].total) {
                (Some(a), Some(b)) => prop_assert!(a + 1e-9 >= b),
                (None, Some(_)) => prop_assert!(false, "unscored ranked above scored"),
                _ => {}
            }
        }
        let s = scorecard::sensitivity(&ws, &evals, &ranking);
        prop_assert_eq!(s.len(), ranking.len());
        for x in s {
            if let Some(d) = x.verdict_weight_shift {
                prop_assert!((0.0..=1.0 + 1e-9).contains(&d));
            }
        }
    }

    #[test]
    fn files_round_trip(ws in arb_workspace()) {
        let text = format::save(&ws);
        let back = format::load(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(format::file_len(&ws), text.len());
        prop_assert_eq!(back.workspace, ws);
    }

    /// The size of a file is counted right whatever its accounts' text holds.
    #[test]
    fn file_len_counts_any_account_text(
        lists in (arb_account_list(0), arb_account_list(1), arb_account_list(2))
    ) {
        let mut ws = partnerfit_core::demo::demo();
        ws.account_lists = vec![lists.0.into(), lists.1.into(), lists.2.into()];
        prop_assert_eq!(format::file_len(&ws), format::save(&ws).len());
    }

    /// Any JSON put anywhere in a valid file is read, or refused with every
    /// problem at a path: the reader never panics and never fails silently.
    #[test]
    fn the_reader_takes_any_value_anywhere(at in any::<prop::sample::Index>(), v in arb_json()) {
        let mut file: serde_json::Value =
            serde_json::from_str(include_str!("fixtures/workspace-v4.json")).unwrap();
        let mut places = Vec::new();
        pointers(&file, String::new(), &mut places);
        let place = at.get(&places);
        *file.pointer_mut(place).unwrap() = v;
        if let Err(problems) = format::read::read_workspace(&file) {
            prop_assert!(!problems.is_empty());
            prop_assert!(problems.iter().all(|p| !p.path.is_empty() && !p.message.is_empty()));
        }
    }

    /// The file layout writes any JSON back as the same JSON, at any depth.
    #[test]
    fn the_file_layout_keeps_any_json(v in arb_json()) {
        let mut out = Vec::new();
        format::layout::write(&mut out, &v).unwrap();
        let text = String::from_utf8(out).unwrap();
        let back: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
        prop_assert_eq!(back, v);
    }
}

/// Text with everything JSON escapes (quotes, backslashes, every control
/// character) and characters of one to four bytes.
fn arb_text() -> impl Strategy<Value = String> {
    "[a-z\"\\\u{0}-\u{1f}\u{7f}é€😀 ]{0,12}"
}

fn arb_account_list(
    i: usize,
) -> impl Strategy<Value = partnerfit_core::overlap::account::AccountList> {
    use partnerfit_core::overlap::account::{Account, AccountList, ListOwner, PopulationSource};
    use partnerfit_core::overlap::population::Population;
    let account = (
        1usize..usize::MAX / 2,
        [
            arb_text(),
            arb_text(),
            arb_text(),
            arb_text(),
            arb_text(),
            arb_text(),
            arb_text(),
        ],
        0..3usize,
        prop::option::of(0i64..=partnerfit_core::format::limits::MAX_MINOR),
    )
        .prop_map(
            |(line, [name, domain, country, status, owner, industry, employees], p, revenue)| {
                Account {
                    line,
                    name,
                    domain,
                    country,
                    population: Population::ALL[p],
                    status,
                    owner,
                    industry,
                    employees,
                    annual_revenue: revenue.map(partnerfit_core::Money),
                }
            },
        );
    prop::collection::vec(account, 0..6).prop_map(move |accounts| AccountList {
        id: Id::parse(&format!("l-{i}")).unwrap(),
        owner: ListOwner::Ours,
        source: "export.csv".into(),
        imported: Date::parse("2026-11-20").unwrap(),
        population: PopulationSource::Fixed(
            partnerfit_core::overlap::population::Population::Customer,
        ),
        accounts,
    })
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "[a-z\"\\\n é]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(8, 64, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,4}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The JSON pointer of every value in `v` (of the first items of long lists).
fn pointers(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            for (key, item) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                pointers(item, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().take(3).enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}
