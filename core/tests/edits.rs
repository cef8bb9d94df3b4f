//! Edits: cascades, refusals, undo and redo, and the property that a
//! workspace changed only by edits always saves and reads back unchanged.

use std::sync::Arc;

use partnerfit_core::demo::demo;
use partnerfit_core::edit::history::History;
use partnerfit_core::edit::*;
use partnerfit_core::format;
use partnerfit_core::icp::{BuyingRole, CommitteeMember, Disqualifier, DisqualifierKind};
use partnerfit_core::money::exchange::ExchangeRate;
use partnerfit_core::overlap::account::{Account, AccountList, ListOwner, PopulationSource};
use partnerfit_core::overlap::population::Population;
use partnerfit_core::partner::{PartnerType, Score, Status};
use partnerfit_core::scorecard::Criterion;
use partnerfit_core::{Currency, Date, Id, Money, Workspace};

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

fn day() -> Date {
    Date::parse("2026-11-30").unwrap()
}

fn ratings_on(ws: &Workspace, criteria: &[&str]) -> usize {
    ws.partners
        .iter()
        .map(|p| {
            criteria
                .iter()
                .filter(|c| p.ratings.contains_key(&id(c)))
                .count()
        })
        .sum()
}

/// Apply `edit` to the demo; the summary and the workspace after it.
fn check(edit: Edit) -> (String, Workspace) {
    let mut ws = demo();
    let applied = ws.apply(edit).unwrap_or_else(|e| panic!("refused: {e}"));
    // Whatever an edit does, the result saves and reads back unchanged.
    let back = format::load(&format::save(&ws))
        .expect("reads back")
        .workspace;
    assert_eq!(back, ws, "{}", applied.summary);
    (applied.summary, ws)
}

#[test]
fn cascades_remove_what_pointed_at_the_removed_thing() {
    let ops_criteria = ["deal_registration", "pipeline_sharing", "responsiveness"];
    let ops_ratings = ratings_on(&demo(), &ops_criteria);
    assert!(ops_ratings > 0);
    let (summary, ws) = check(Edit::Scorecard(ScorecardEdit::RemoveCategory(id(
        "operational_readiness",
    ))));
    assert_eq!(
        summary,
        format!("remove category Operational readiness — {ops_ratings} ratings")
    );
    assert_eq!(ratings_on(&ws, &ops_criteria), 0);
    assert!(ws
        .scorecard
        .gates
        .values()
        .all(|g| !g.contains_key(&id("operational_readiness"))));

    let (summary, ws) = check(Edit::Icp(IcpEdit::Disqualifiers(RowEdit::Remove(0))));
    assert!(
        summary.starts_with("remove disqualifier 1 (Annual budget under"),
        "{summary}"
    );
    assert!(summary.ends_with("— clears 1 partner flag"), "{summary}");
    assert!(ws.partners.iter().all(|p| p.disqualifier_hits.is_empty()));

    let (summary, ws) = check(Edit::RemovePartner(id("p-northwind")));
    assert_eq!(
        summary,
        "delete partner Northwind Integrations — 1 meeting — 5 deals kept for the program — 1 account list (25 accounts)"
    );
    // Its meetings go with it; the program's own stay.
    assert_eq!(ws.program.meetings.len(), 2);
    let northwind = Some(id("p-northwind"));
    assert!(ws.program.meetings.iter().all(|m| m.partner != northwind));
    // Its deals stay, on no partner's page.
    assert_eq!(ws.pipeline.opportunities.len(), 11);
    assert!(ws
        .pipeline
        .opportunities
        .iter()
        .all(|o| o.partner != northwind));
    assert!(ws.list(&id("l-2")).is_none());

    let (summary, ws) = check(Edit::RemoveList(id("l-1")));
    assert_eq!(
        summary,
        "remove the list ours-hubspot.csv (40 accounts) — forgets the overlap figures of 1 partner"
    );
    assert!(ws.partners.iter().all(|p| p.overlap.measured.is_none()));

    let (summary, ws) = check(Edit::Scorecard(ScorecardEdit::RemoveCriterion(id(
        "icp_density",
    ))));
    assert!(
        summary.starts_with("remove criterion \"Density in your priority verticals\" — "),
        "{summary}"
    );
    assert_eq!(ratings_on(&ws, &["icp_density"]), 0);
}

#[test]
fn restoring_the_default_scorecard_removes_ratings_of_other_criteria() {
    let mut ws = demo();
    ws.apply(Edit::Scorecard(ScorecardEdit::AddCriterion {
        category: id("revenue_focus"),
        criterion: Criterion {
            id: id("crit-extra"),
            text: "Runs joint events".into(),
            weight: 1.0,
        },
    }))
    .unwrap();
    for p in ["p-northwind", "p-atlas"] {
        ws.apply(Edit::partner(
            &id(p),
            PartnerEdit::Rate(id("crit-extra"), Score::new(4)),
        ))
        .unwrap();
    }
    let applied = ws
        .apply(Edit::Scorecard(ScorecardEdit::RestoreDefault))
        .unwrap();
    assert_eq!(applied.summary, "restore the default scorecard — 2 ratings");
    assert_eq!(ratings_on(&ws, &["crit-extra"]), 0);
}

/// Rows: (what is tried, the edit, the message it is refused with).
#[test]
fn refused_edits_say_why_and_change_nothing() {
    let long = "x".repeat(301);
    let rows: Vec<(&str, Edit, &str)> = vec![
        (
            "a name too long",
            Edit::partner(
                &id("p-atlas"),
                PartnerEdit::Text(PartnerText::Name, long.clone()),
            ),
            "Name is 301 characters long; at most 300 are kept",
        ),
        (
            "the last criterion",
            {
                let mut ws = demo();
                ws.scorecard.categories.truncate(1);
                let _ = ws;
                Edit::Scorecard(ScorecardEdit::RemoveCriterion(id("nope")))
            },
            "criterion \"nope\" is no longer in this workspace",
        ),
        (
            "a rating on a criterion that is gone",
            Edit::partner(&id("p-atlas"), PartnerEdit::Rate(id("gone"), Score::new(3))),
            "criterion \"gone\" is no longer in this workspace",
        ),
        (
            "a partner that is gone",
            Edit::partner(&id("p-gone"), PartnerEdit::Archived(true)),
            "partner \"p-gone\" is no longer in this workspace",
        ),
        (
            "a gate outside 1–5",
            Edit::Scorecard(ScorecardEdit::Gate {
                kind: PartnerType::Referral,
                category: id("market_icp_fit"),
                threshold: Some(6.0),
            }),
            "Market and ICP fit gate for Referral: 6 is outside 1–5: category scores are 1–5",
        ),
        (
            "a negative weight",
            Edit::Scorecard(ScorecardEdit::CategoryWeight(id("revenue_focus"), -1.0)),
            "Category 3 weight: -1 is negative: weights are 0 or more",
        ),
        (
            "an inverted size range",
            Edit::Icp(IcpEdit::Employees(Bound::From, Some(9_999_999))),
            "Employees from: \"from\" would be larger than \"to\": change employees to first",
        ),
        (
            "a duplicate partner id",
            Edit::AddPartner {
                id: id("p-atlas"),
                name: "Again".into(),
                kind: PartnerType::Resell,
                today: day(),
            },
            "the partner id \"p-atlas\" is already used",
        ),
        (
            "a blank partner name",
            Edit::AddPartner {
                id: id("p-new"),
                name: "  ".into(),
                kind: PartnerType::Resell,
                today: day(),
            },
            "New partner name: give the partner a name",
        ),
        (
            "a row that is not there",
            Edit::Icp(IcpEdit::Committee(RowEdit::Remove(99))),
            "there is no committee member 100",
        ),
        (
            "an amount too large",
            Edit::Icp(IcpEdit::Revenue(Bound::To, Some(Money(i64::MAX)))),
            "Annual revenue to: that amount is too large",
        ),
        (
            "motion days out of range",
            Edit::partner(
                &id("p-atlas"),
                PartnerEdit::Motion(MotionEdit::Days(MotionDays::Protection, Some(4000))),
            ),
            "Protection period (days): 4000 is outside 0–3650",
        ),
    ];
    for (what, edit, message) in rows {
        let mut ws = demo();
        let before = ws.clone();
        let err = ws.apply(edit).expect_err(what);
        assert_eq!(err.to_string(), message, "{what}");
        assert_eq!(ws, before, "{what}: a refused edit changed the workspace");
    }
}

#[test]
fn the_last_criterion_and_the_last_category_stay() {
    let mut ws = demo();
    for c in ["market_icp_fit", "gtm_compatibility", "revenue_focus"] {
        ws.apply(Edit::Scorecard(ScorecardEdit::RemoveCategory(id(c))))
            .unwrap();
    }
    let err = ws
        .apply(Edit::Scorecard(ScorecardEdit::RemoveCategory(id(
            "operational_readiness",
        ))))
        .unwrap_err();
    assert_eq!(err, EditError::LastCategory);
    for c in ["deal_registration", "pipeline_sharing"] {
        ws.apply(Edit::Scorecard(ScorecardEdit::RemoveCriterion(id(c))))
            .unwrap();
    }
    let err = ws
        .apply(Edit::Scorecard(ScorecardEdit::RemoveCriterion(id(
            "responsiveness",
        ))))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "a category needs at least one criterion: remove the category \"Operational readiness\" instead"
    );
    // The weights of the categories left may not all be zero.
    let err = ws
        .apply(Edit::Scorecard(ScorecardEdit::CategoryWeight(
            id("operational_readiness"),
            0.0,
        )))
        .unwrap_err();
    assert!(err.to_string().contains("sum to zero"), "{err}");
}

#[test]
fn undo_and_redo_walk_the_history_and_name_each_step() {
    let mut ws = demo();
    let start = ws.clone();
    let mut h = History::default();
    h.apply(
        &mut ws,
        Edit::Scorecard(ScorecardEdit::RemoveCategory(id("revenue_focus"))),
        0,
    )
    .unwrap();
    let removed = ws.clone();
    h.apply(
        &mut ws,
        Edit::partner(&id("p-atlas"), PartnerEdit::Archived(true)),
        10,
    )
    .unwrap();
    assert_eq!(
        h.undo_summary(),
        Some("archive Atlas Software Distribution")
    );
    assert_eq!(
        h.undo(&mut ws).as_deref(),
        Some("archive Atlas Software Distribution")
    );
    assert_eq!(ws, removed);
    assert!(h
        .undo_summary()
        .unwrap()
        .starts_with("remove category Revenue potential and focus — "));
    h.undo(&mut ws);
    assert_eq!(ws, start);
    assert_eq!(h.undo(&mut ws), None);
    assert_eq!(
        h.redo(&mut ws)
            .as_deref()
            .map(|s| s.starts_with("remove category")),
        Some(true)
    );
    assert_eq!(ws, removed);
    // A new edit drops what could be redone.
    h.apply(
        &mut ws,
        Edit::partner(
            &id("p-atlas"),
            PartnerEdit::Brand(partnerfit_core::partner::BrandSize::Mid),
        ),
        20,
    )
    .unwrap();
    assert_eq!(h.redo_len(), 0);
    // A refused edit is not a step.
    let steps = h.undo_len();
    assert!(h
        .apply(&mut ws, Edit::RemovePartner(id("p-gone")), 30)
        .is_err());
    assert_eq!(h.undo_len(), steps);
}

#[test]
fn typing_in_one_field_is_one_step() {
    let mut ws = demo();
    let start = ws.clone();
    let mut h = History::default();
    let name = |s: &str| Edit::Profile(ProfileEdit::Text(ProfileText::Name, s.into()));
    for (i, text) in ["L", "Le", "Led", "Ledg"].iter().enumerate() {
        h.apply(&mut ws, name(text), i as u64 * 300).unwrap();
    }
    assert_eq!(h.undo_len(), 1);
    // After a pause, or in another field, a new step starts.
    h.apply(&mut ws, name("Ledge"), 5_000).unwrap();
    h.apply(
        &mut ws,
        Edit::Profile(ProfileEdit::Text(ProfileText::Website, "x".into())),
        5_100,
    )
    .unwrap();
    assert_eq!(h.undo_len(), 3);
    h.undo(&mut ws);
    h.undo(&mut ws);
    assert_eq!(ws.profile.name, "Ledg");
    h.undo(&mut ws);
    assert_eq!(ws, start);
}

/// The shell's value beside the workspace (where it came from) comes back
/// with undo and redo, and changing it alone is a step.
#[test]
fn the_value_kept_beside_the_workspace_follows_undo_and_redo() {
    let mut ws = demo();
    let mut origin = "demo";
    let mut h: History<&str> = History::default();
    let empty = Edit::Replace(
        Box::new(Workspace::empty("")),
        partnerfit_core::edit::Replacement::Empty,
    );
    h.apply_beside(&mut ws, &mut origin, Some("own"), empty, 0)
        .unwrap();
    assert_eq!(origin, "own");
    // A typed edit right after does not join the replacement.
    let name = |s: &str| Edit::Profile(ProfileEdit::Text(ProfileText::Name, s.into()));
    h.apply_beside(&mut ws, &mut origin, None, name("Mine"), 10)
        .unwrap();
    assert_eq!(h.undo_len(), 2);
    h.undo_beside(&mut ws, &mut origin);
    assert_eq!(origin, "own");
    h.undo_beside(&mut ws, &mut origin);
    assert_eq!((origin, &ws), ("demo", &demo()));
    h.redo_beside(&mut ws, &mut origin);
    assert_eq!(origin, "own");
    // Another tab's saves join one step (sticky), unless the origin changes.
    let theirs = |ws: &Workspace, name: &str| {
        let mut w = ws.clone();
        w.profile.name = name.into();
        Edit::Replace(Box::new(w), partnerfit_core::edit::Replacement::OtherTab)
    };
    let edit = theirs(&ws, "Tab 1");
    h.apply_beside(&mut ws, &mut origin, None, edit, 20)
        .unwrap();
    let edit = theirs(&ws, "Tab 2");
    h.apply_beside(&mut ws, &mut origin, None, edit, 30)
        .unwrap();
    assert_eq!(h.undo_len(), 2, "sticky: one step");
    let edit = theirs(&ws, "Tab 3");
    h.apply_beside(&mut ws, &mut origin, Some("demo"), edit, 40)
        .unwrap();
    assert_eq!(
        (origin, h.undo_len()),
        ("demo", 3),
        "a new origin: a new step"
    );
    // The same workspace under another origin is still a step.
    let same = Edit::Replace(
        Box::new(ws.clone()),
        partnerfit_core::edit::Replacement::Empty,
    );
    h.apply_beside(&mut ws, &mut origin, Some("own"), same, 50)
        .unwrap();
    assert_eq!((origin, h.undo_len()), ("own", 4));
    h.undo_beside(&mut ws, &mut origin);
    h.undo_beside(&mut ws, &mut origin);
    assert_eq!((origin, ws.profile.name.as_str()), ("own", "Tab 2"));
}

#[test]
fn the_history_keeps_at_most_its_limit() {
    let mut ws = demo();
    let mut h = History::new(100);
    for i in 0..150u64 {
        let archived = i % 2 == 0;
        h.apply(
            &mut ws,
            Edit::partner(&id("p-atlas"), PartnerEdit::Archived(archived)),
            i * 10_000,
        )
        .unwrap();
    }
    assert_eq!(h.undo_len(), 100);
}

#[test]
fn the_history_shares_account_lists_and_untouched_partners() {
    let mut ws = format::load(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/workspace-v5.json"
        ))
        .unwrap(),
    )
    .unwrap()
    .workspace;
    let mut h = History::default();
    let first = ws.partners[0].id.clone();
    h.apply(
        &mut ws,
        Edit::partner(&first, PartnerEdit::Archived(true)),
        0,
    )
    .unwrap();
    let kept = h.states().next().unwrap();
    for (a, b) in kept.account_lists.iter().zip(&ws.account_lists) {
        assert!(Arc::ptr_eq(a, b), "an account list was copied");
    }
    for (a, b) in kept.partners.iter().zip(&ws.partners).skip(1) {
        assert!(Arc::ptr_eq(a, b), "an untouched partner was copied");
    }
    assert!(!Arc::ptr_eq(&kept.partners[0], &ws.partners[0]));
}

/// Every amount of the file follows the currency: keys ending in `_minor`.
#[test]
fn changing_the_currency_converts_or_relabels_every_amount() {
    fn amounts(ws: &Workspace) -> Vec<(String, i64)> {
        fn walk(v: &serde_json::Value, path: String, out: &mut Vec<(String, i64)>) {
            match v {
                serde_json::Value::Object(m) => {
                    for (k, x) in m {
                        let p = format!("{path}.{k}");
                        if k.ends_with("_minor") {
                            // An amount, or a range of two.
                            let values: Vec<(String, &serde_json::Value)> = match x {
                                serde_json::Value::Object(span) => {
                                    span.iter().map(|(e, v)| (format!("{p}.{e}"), v)).collect()
                                }
                                v => vec![(p.clone(), v)],
                            };
                            out.extend(
                                values
                                    .into_iter()
                                    .filter_map(|(p, v)| Some((p, v.as_i64()?))),
                            );
                        }
                        walk(x, p, out);
                    }
                }
                serde_json::Value::Array(a) => {
                    for (i, x) in a.iter().enumerate() {
                        walk(x, format!("{path}[{i}]"), out);
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(&format::to_value(ws), String::new(), &mut out);
        out
    }
    let ws = demo();
    let before = amounts(&ws);
    assert!(before.len() > 20, "{before:?}");
    let jpy = Currency::parse("JPY").unwrap();
    // Relabelled EUR → JPY: 24,000.00 EUR is 24,000 JPY (minor units / 100).
    let mut relabelled = ws.clone();
    let applied = relabelled
        .apply(Edit::Profile(ProfileEdit::Currency(
            jpy,
            Conversion::Relabel,
        )))
        .unwrap();
    assert!(
        applied.summary.starts_with(&format!(
            "relabel {} amounts from EUR to JPY (figures kept",
            before.len()
        )),
        "{}",
        applied.summary
    );
    for ((path, a), (_, b)) in before.iter().zip(amounts(&relabelled)) {
        assert_eq!(b, (a + 50) / 100, "{path}");
    }
    // Converted at 2 USD per EUR: every amount doubles.
    let mut converted = ws.clone();
    converted
        .apply(Edit::Profile(ProfileEdit::Currency(
            Currency::USD,
            Conversion::At(ExchangeRate::parse("2").unwrap()),
        )))
        .unwrap();
    for ((path, a), (_, b)) in before.iter().zip(amounts(&converted)) {
        assert_eq!(b, a * 2, "{path}");
    }
    assert_eq!(converted.profile.currency, Currency::USD);
}

/// A list of `n` accounts of Atlas (a partner of the demo); the account at
/// `bad_at`, if any, has line 0, which the reader refuses.
fn atlas_list(id_: &str, n: usize, bad_at: Option<usize>) -> Arc<AccountList> {
    let mut accounts: Vec<Account> = (0..n)
        .map(|i| {
            Account::for_matching(
                i + 2,
                format!("Firm {i}"),
                format!("firm{i}.example"),
                "DE",
                Population::Customer,
            )
        })
        .collect();
    if let Some(b) = bad_at {
        accounts[b].line = 0;
    }
    Arc::new(AccountList {
        id: id(id_),
        owner: ListOwner::Partner(id("p-atlas")),
        source: "atlas.csv".into(),
        imported: day(),
        population: PopulationSource::Fixed(Population::Customer),
        accounts,
    })
}

#[test]
fn an_account_list_is_added_only_if_the_file_can_carry_it() {
    let mut ws = demo();
    let list = |id_: &str, n: usize| atlas_list(id_, n, None);
    let applied = ws.apply(Edit::AddList(list("l-atlas", 3))).unwrap();
    assert_eq!(
        applied.summary,
        "add atlas.csv to Atlas Software Distribution's accounts (3 accounts)"
    );
    assert!(matches!(
        ws.apply(Edit::AddList(list("l-atlas", 1))),
        Err(EditError::Duplicate { .. })
    ));
    // An account the reader would refuse (line 0) is refused with its path.
    let mut bad = (*list("l-bad", 1)).clone();
    bad.accounts[0].line = 0;
    let err = ws.apply(Edit::AddList(Arc::new(bad))).unwrap_err();
    assert!(
        err.to_string()
            .contains("account_lists[3].accounts[0].line"),
        "{err}"
    );
}

/// A list checked a slice at a time (as the browser does between frames)
/// is added as `AddList` adds it; a bad account is named by its place in
/// the list whatever the slice; every other rule still holds.
#[test]
fn a_list_checked_in_slices_is_added_as_a_list_checked_at_once() {
    use partnerfit_core::format::checked_list::{CheckedList, ListChecker};
    let list = atlas_list;
    // (accounts, bad account, slice) → the error's path, or added.
    let check = |n: usize, bad_at: Option<usize>, slice: usize, expected: Result<(), &str>| {
        let l = list("l-sliced", n, bad_at);
        let mut c = ListChecker::new(l.clone(), demo().account_lists.len());
        let mut steps = 0;
        let result = loop {
            steps += 1;
            match c.step(slice) {
                Ok(true) => break Ok(()),
                Ok(false) => assert_eq!(c.progress(), ((steps * slice).min(n), n)),
                Err(e) => break Err(e.to_string()),
            }
        };
        match (expected, result) {
            (Ok(()), Ok(())) => {
                let checked = c.finish().expect("every account checked");
                let (mut a, mut b) = (demo(), demo());
                a.apply(Edit::AddList(l)).unwrap();
                b.apply(Edit::AddCheckedList(checked)).unwrap();
                assert_eq!(a, b, "{n} accounts in slices of {slice}");
                assert_eq!(steps, n.div_ceil(slice).max(1));
            }
            (Err(path), Err(e)) => {
                assert!(
                    e.contains(path),
                    "{n} accounts, bad at {bad_at:?}, slices of {slice}: {e}"
                );
                assert!(c.finish().is_none(), "no checked list after a failed step");
                let at_once = demo()
                    .apply(Edit::AddList(list("l-sliced", n, bad_at)))
                    .unwrap_err();
                assert!(at_once.to_string().contains(path), "{at_once}");
            }
            (want, got) => panic!(
                "{n} accounts, bad at {bad_at:?}, slices of {slice}: wanted {want:?}, got {got:?}"
            ),
        }
    };
    check(10, None, 3, Ok(()));
    check(10, None, 10, Ok(()));
    check(10, None, 1, Ok(()));
    check(0, None, 4, Ok(()));
    check(10, Some(0), 3, Err("account_lists[2].accounts[0].line"));
    check(10, Some(7), 3, Err("account_lists[2].accounts[7].line"));
    check(10, Some(9), 4, Err("account_lists[2].accounts[9].line"));

    // Checked elsewhere, the other rules still apply: the same id twice.
    let mut ws = demo();
    let once = CheckedList::check(list("l-twice", 2, None), 2).unwrap();
    ws.apply(Edit::AddCheckedList(once.clone())).unwrap();
    assert!(matches!(
        ws.apply(Edit::AddCheckedList(once)),
        Err(EditError::Duplicate { .. })
    ));
    // Unfinished, a checker gives nothing to add.
    let mut half = ListChecker::new(list("l-half", 10, None), 2);
    assert!(!half.step(5).unwrap());
    assert!(half.finish().is_none());
}

#[test]
fn adding_rows_and_moving_them() {
    let mut ws = demo();
    let member = |t: &str| CommitteeMember {
        role: BuyingRole::Custom,
        title: t.into(),
        notes: String::new(),
    };
    let n = ws.icp.committee.len();
    ws.apply(Edit::Icp(IcpEdit::Committee(RowEdit::Add(member("COO")))))
        .unwrap();
    let applied = ws
        .apply(Edit::Icp(IcpEdit::Committee(RowEdit::Move {
            from: n,
            to: 0,
        })))
        .unwrap();
    assert_eq!(
        applied.summary,
        format!("move committee member {} (COO) to place 1", n + 1)
    );
    assert_eq!(ws.icp.committee[0].title, "COO");
    let d = Disqualifier {
        id: id("dq-new"),
        kind: DisqualifierKind::Other,
        text: "Franchises".into(),
        amount: None,
    };
    ws.apply(Edit::Icp(IcpEdit::Disqualifiers(RowEdit::Add(d.clone()))))
        .unwrap();
    let err = ws
        .apply(Edit::Icp(IcpEdit::Disqualifiers(RowEdit::Add(d))))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the disqualifier id \"dq-new\" is already used"
    );
}

#[test]
fn switching_the_payout_kind_keeps_what_a_deal_pays() {
    let mut ws = demo();
    let p = id("p-brightpath");
    let plan = ws.partner(&p).unwrap().incentives.plans[0].id.clone();
    let revenue = ws
        .partner(&p)
        .unwrap()
        .incentives
        .assumptions
        .first_year_revenue;
    let payout = |ws: &Workspace| match &ws.partner(&p).unwrap().incentives.plans[0].terms {
        partnerfit_core::incentives::plan::Terms::Referral(r) => r.closed_won,
        _ => unreachable!(),
    };
    let before = payout(&ws);
    ws.apply(Edit::partner(
        &p,
        PartnerEdit::Incentives(IncentivesEdit::Payout(plan.clone(), PayoutKind::Flat)),
    ))
    .unwrap();
    let flat = payout(&ws);
    let partnerfit_core::incentives::plan::Payout::Percent(r) = before else {
        panic!("the demo pays a share")
    };
    assert_eq!(
        flat,
        partnerfit_core::incentives::plan::Payout::Flat(r.of(revenue))
    );
    ws.apply(Edit::partner(
        &p,
        PartnerEdit::Incentives(IncentivesEdit::Payout(plan, PayoutKind::Percent)),
    ))
    .unwrap();
    assert_eq!(payout(&ws), before);
}

#[test]
fn a_status_change_is_recorded_with_its_day() {
    let (summary, ws) = check(Edit::partner(
        &id("p-atlas"),
        PartnerEdit::Status(Status::Exited, day()),
    ));
    assert_eq!(summary, "move Atlas Software Distribution to exited");
    let p = ws.partner(&id("p-atlas")).unwrap();
    assert_eq!(p.status(), Status::Exited);
    assert_eq!(p.status_since(), Some(day()));
}

mod random {
    //! Random sequences of edits on random workspaces.

    use super::*;
    use partnerfit_core::alignment::Judgment;
    use partnerfit_core::icp::{Example, ExampleFit};
    use partnerfit_core::incentives::plan::{MarginTier, Plan, Terms};
    use partnerfit_core::motion::{JourneyStage, Party, Step};
    use partnerfit_core::overlap::assessment::{MappedAccount, Measured, Method, Signal};
    use partnerfit_core::overlap::figures::Decision;
    use partnerfit_core::partner::{BrandSize, Enablement, EnablementKind};
    use partnerfit_core::program::{
        ClockTime, HealthPoint, Meeting, MeetingKind, Number, PlanStep, Tier,
    };
    use partnerfit_core::rate::Rate;
    use partnerfit_core::scorecard::Category;
    use partnerfit_core::share::records::{ReceivedResponse, SentInvitation, Verification};
    use partnerfit_core::vocab::Vocabulary;
    use proptest::prelude::*;

    /// One random edit, resolved against the workspace it is applied to.
    #[derive(Clone, Debug)]
    struct Op {
        kind: u8,
        a: usize,
        b: usize,
        n: i64,
        text: String,
        flag: bool,
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => "[a-zA-Z é&<>\"\n]{0,12}",
            1 => Just("x".repeat(301)),
            1 => Just("y".repeat(20_001)),
            1 => Just(String::new()),
        ]
    }

    fn op() -> impl Strategy<Value = Op> {
        (
            0u8..67,
            any::<usize>(),
            any::<usize>(),
            -3i64..12,
            text(),
            any::<bool>(),
        )
            .prop_map(|(kind, a, b, n, text, flag)| Op {
                kind,
                a,
                b,
                n,
                text,
                flag,
            })
    }

    /// The demo with `copies` more of each partner (new ids), their
    /// statuses, archiving and first ratings varied by `seed`.
    fn grown(copies: usize, seed: usize) -> Workspace {
        let mut ws = demo();
        let criteria: Vec<Id> = ws.scorecard.criteria().map(|(_, c)| c.id.clone()).collect();
        let originals = ws.partners.clone();
        for k in 0..copies {
            for (j, p) in originals.iter().enumerate() {
                let mut p = (**p).clone();
                let n = seed.wrapping_add(k * 7 + j * 3);
                p.id = id(&format!("{}-{k}", p.id.as_str()));
                p.name = format!("{} {k}", p.name);
                p.archived = n.is_multiple_of(5);
                p.set_status(Status::ALL[n % Status::ALL.len()], day().add_days(k as i64));
                if let Some(c) = criteria.get(n % criteria.len()) {
                    p.rate(c, Score::new((n % 5 + 1) as u8));
                }
                // Invitations and responses belong to the partner they were
                // made for; copies start without them.
                p.self_assessment = Default::default();
                p.overlap.measured = None;
                ws.partners.push(Arc::new(p));
            }
        }
        ws
    }

    fn start() -> impl Strategy<Value = Workspace> {
        prop_oneof![
            Just(demo()),
            (1usize..6, any::<usize>()).prop_map(|(copies, seed)| grown(copies, seed)),
            Just(Workspace::empty("Empty Co")),
            Just(
                format::load(
                    &std::fs::read_to_string(concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/tests/fixtures/workspace-v5.json"
                    ))
                    .unwrap()
                )
                .unwrap()
                .workspace
            ),
        ]
    }

    fn pick<T: Clone>(items: &[T], i: usize) -> Option<T> {
        (!items.is_empty()).then(|| items[i % items.len()].clone())
    }

    /// A partner and one of its invitations, or `fallback` and a missing
    /// invitation (about one time in 8, and when none was sent).
    fn sent_invitation(ws: &Workspace, i: usize, fallback: &Id) -> (Id, Id) {
        let sent: Vec<(Id, Id)> = ws
            .partners
            .iter()
            .flat_map(|x| {
                x.self_assessment
                    .invitations
                    .iter()
                    .map(|inv| (x.id.clone(), inv.id.clone()))
            })
            .collect();
        match pick(&sent, i) {
            Some(found) if i % 8 != 7 => found,
            _ => (fallback.clone(), id("inv-missing")),
        }
    }

    /// An id of `items`, or one that does not exist (about one time in 8).
    fn some_id(ids: Vec<Id>, i: usize) -> Id {
        if i % 8 == 7 || ids.is_empty() {
            id("x-missing")
        } else {
            ids[i % ids.len()].clone()
        }
    }

    /// A partner with a plan of `kind`, and that plan.
    fn with_plan(ws: &Workspace, kind: PartnerType, i: usize) -> (Id, Id) {
        let found: Vec<(Id, Id)> = ws
            .partners
            .iter()
            .flat_map(|p| {
                p.incentives
                    .plans
                    .iter()
                    .filter(|x| x.kind() == kind)
                    .map(|x| (p.id.clone(), x.id.clone()))
            })
            .collect();
        pick(&found, i).unwrap_or_else(|| (id("x-missing"), id("x-missing")))
    }

    fn pilot_account(k: usize) -> partnerfit_core::pilot::PilotAccount {
        partnerfit_core::pilot::PilotAccount {
            name: format!("Account {k}"),
            domain: format!("account{k}.example"),
            source: partnerfit_core::pilot::AccountSource::ALL[k % 3],
        }
    }

    fn deals(ws: &Workspace) -> Vec<Id> {
        ws.pipeline
            .opportunities
            .iter()
            .map(|o| o.id.clone())
            .collect()
    }

    fn action(op: &Op) -> partnerfit_core::pipeline::NextAction {
        partnerfit_core::pipeline::NextAction {
            text: op.text.clone(),
            owner: partnerfit_core::pipeline::Side::ALL[op.a % 3],
            due: op.flag.then(|| day().add_days(op.n)),
            done: op.n.rem_euclid(2) == 0,
        }
    }

    fn deal(id: Id, op: &Op, partner: Option<Id>) -> partnerfit_core::pipeline::Opportunity {
        use partnerfit_core::pipeline::{Attribution, DealKind, Opportunity, Stage, StageEntry};
        Opportunity {
            id,
            crm_id: if op.flag {
                format!("crm-{}", op.b % 5)
            } else {
                String::new()
            },
            name: op.text.clone(),
            account: "Acme".into(),
            domain: "acme.example".into(),
            attribution: if partner.is_some() {
                Attribution::Sourced
            } else {
                Attribution::ALL[op.b % 3]
            },
            partner,
            partner_text: String::new(),
            source: String::new(),
            kind: DealKind::ALL[op.a % 3],
            amount: Money(op.n * 100_000),
            created: day(),
            close: None,
            history: vec![StageEntry {
                stage: Stage::ALL[op.b % 7],
                date: day(),
            }],
            qualified: None,
            next_actions: vec![action(op)],
        }
    }

    fn edit_for(ws: &Workspace, op: &Op) -> Edit {
        let partners: Vec<Id> = ws.partners.iter().map(|p| p.id.clone()).collect();
        let criteria: Vec<Id> = ws.scorecard.criteria().map(|(_, c)| c.id.clone()).collect();
        let categories: Vec<Id> = ws.scorecard.category_ids();
        let lists: Vec<Id> = ws.account_lists.iter().map(|l| l.id.clone()).collect();
        let p = some_id(partners.clone(), op.a);
        let plans: Vec<Id> = ws
            .partner(&p)
            .map(|x| x.incentives.plans.iter().map(|x| x.id.clone()).collect())
            .unwrap_or_default();
        let fresh = |prefix: &str| id(&format!("{prefix}-{}", op.b % 1000));
        let score = Score::new(op.n.clamp(0, 6) as u8);
        let pe = |e: PartnerEdit| Edit::partner(&p, e);
        let row = op.b % 6;
        match op.kind {
            0 => Edit::Profile(match op.a % 3 {
                2 => ProfileEdit::Answer(Question::ALL[op.b % 3], op.text.clone()),
                k => ProfileEdit::Text(ProfileText::ALL[k], op.text.clone()),
            }),
            1 => Edit::Icp(IcpEdit::Lines(
                [
                    IcpLines::Industries,
                    IcpLines::SubVerticals,
                    IcpLines::PainTriggers,
                ][op.a % 3],
                op.text.lines().map(str::to_owned).collect(),
            )),
            2 => Edit::Icp(IcpEdit::Employees(
                if op.flag { Bound::From } else { Bound::To },
                (op.n >= 0).then(|| op.n as u32 * 100),
            )),
            3 => Edit::Icp(IcpEdit::Revenue(
                if op.flag { Bound::From } else { Bound::To },
                (op.n >= 0).then_some(Money(op.n * 1_000_000)),
            )),
            4 => Edit::Icp(IcpEdit::Committee(match op.a % 4 {
                0 => RowEdit::Add(CommitteeMember {
                    role: BuyingRole::ALL[op.b % BuyingRole::ALL.len()],
                    title: op.text.clone(),
                    notes: String::new(),
                }),
                1 => RowEdit::Remove(row),
                2 => RowEdit::Move {
                    from: row,
                    to: op.a % 3,
                },
                _ => RowEdit::Set(
                    row,
                    CommitteeMember {
                        role: BuyingRole::Champion,
                        title: String::new(),
                        notes: op.text.clone(),
                    },
                ),
            })),
            5 => Edit::Icp(IcpEdit::Examples(match op.a % 2 {
                0 => RowEdit::Add(Example {
                    name: op.text.clone(),
                    fit: ExampleFit::Good,
                    why: String::new(),
                }),
                _ => RowEdit::Remove(row),
            })),
            6 => Edit::Icp(IcpEdit::Disqualifiers(match op.a % 3 {
                0 => RowEdit::Add(Disqualifier {
                    id: fresh("dq"),
                    kind: DisqualifierKind::BudgetFloor,
                    text: op.text.clone(),
                    amount: (op.n > 0).then_some(Money(op.n * 100_000)),
                }),
                1 => RowEdit::Remove(row),
                _ => RowEdit::Move { from: row, to: 0 },
            })),
            7 => Edit::Scorecard(ScorecardEdit::Gate {
                kind: PartnerType::ALL[op.a % 3],
                category: some_id(categories, op.b),
                threshold: (op.n >= 0).then_some(op.n as f64 / 2.0),
            }),
            8 => Edit::Scorecard(ScorecardEdit::AddCategory(Category {
                id: fresh("cat"),
                name: op.text.clone(),
                weight: op.n as f64,
                criteria: vec![Criterion {
                    id: fresh("crit"),
                    text: "New criterion".into(),
                    weight: 1.0,
                }],
            })),
            9 => Edit::Scorecard(ScorecardEdit::RemoveCategory(some_id(categories, op.b))),
            10 => Edit::Scorecard(ScorecardEdit::CategoryWeight(
                some_id(categories, op.b),
                op.n as f64,
            )),
            11 => Edit::Scorecard(ScorecardEdit::AddCriterion {
                category: some_id(categories, op.b),
                criterion: Criterion {
                    id: fresh("k"),
                    text: op.text.clone(),
                    weight: op.n as f64 / 3.0,
                },
            }),
            12 => Edit::Scorecard(ScorecardEdit::RemoveCriterion(some_id(criteria, op.b))),
            13 => Edit::Scorecard(ScorecardEdit::CriterionWeight(
                some_id(criteria, op.b),
                op.n as f64,
            )),
            14 => Edit::Scorecard(if op.flag {
                ScorecardEdit::RestoreDefault
            } else {
                ScorecardEdit::CriterionText(some_id(criteria, op.b), op.text.clone())
            }),
            15 => Edit::AddPartner {
                id: fresh("p"),
                name: op.text.clone(),
                kind: PartnerType::ALL[op.a % 3],
                today: day(),
            },
            16 => Edit::RemovePartner(p),
            17 => pe(PartnerEdit::Rate(
                some_id(criteria, op.b),
                if op.flag { score } else { None },
            )),
            18 => pe(PartnerEdit::Evidence(
                some_id(criteria, op.b),
                op.text.clone(),
            )),
            19 => pe(match op.b % 5 {
                4 => PartnerEdit::Answer(Question::ALL[op.a % 3], op.text.clone()),
                k => PartnerEdit::Text(PartnerText::ALL[k], op.text.clone()),
            }),
            20 => pe(match op.b % 5 {
                0 => PartnerEdit::Kind(PartnerType::ALL[op.a % 3]),
                1 => PartnerEdit::Brand(BrandSize::ALL[op.a % 3]),
                2 => PartnerEdit::Archived(op.flag),
                3 => PartnerEdit::Judgment(Judgment::ALL[op.a % Judgment::ALL.len()]),
                _ => {
                    PartnerEdit::Status(Status::ALL[op.a % Status::ALL.len()], day().add_days(op.n))
                }
            }),
            21 => pe(PartnerEdit::Hit(
                some_id(
                    ws.icp.disqualifiers.iter().map(|d| d.id.clone()).collect(),
                    op.b,
                ),
                op.flag,
            )),
            22 => pe(PartnerEdit::Overlap(match op.b % 4 {
                0 => OverlapEdit::Signal(Signal::ALL[op.a % Signal::ALL.len()], op.flag),
                1 => OverlapEdit::Notes(op.text.clone()),
                2 => OverlapEdit::Decide {
                    ours: op.text.chars().take(8).collect(),
                    theirs: "acme.example".into(),
                    decision: op.flag.then_some(Decision::Confirmed),
                },
                _ => OverlapEdit::MapAccount(MappedAccount {
                    name: op.text.clone(),
                    ..Default::default()
                }),
            })),
            23 => pe(PartnerEdit::Overlap(OverlapEdit::Map(match op.a % 3 {
                0 => RowEdit::Add(MappedAccount {
                    influence: op.text.clone(),
                    ..Default::default()
                }),
                1 => RowEdit::Remove(row),
                _ => RowEdit::Set(
                    row,
                    MappedAccount {
                        name: op.text.clone(),
                        ..Default::default()
                    },
                ),
            }))),
            24 => pe(PartnerEdit::Motion(match op.b % 5 {
                0 => MotionEdit::Journey(RowEdit::Add(JourneyStage {
                    name: op.text.clone(),
                    we_fit: op.flag,
                    notes: String::new(),
                })),
                1 => MotionEdit::Journey(RowEdit::Remove(row)),
                2 => MotionEdit::Owner(
                    Step::ALL[op.a % 5],
                    if op.flag { Role::Lead } else { Role::Support },
                    Party::ALL[op.a % Party::ALL.len()],
                ),
                3 => MotionEdit::Text(
                    [
                        MotionText::SlaNotes,
                        MotionText::Eligible,
                        MotionText::DisputeOwner,
                    ][op.a % 3],
                    op.text.clone(),
                ),
                _ => MotionEdit::Days(
                    MotionDays::FirstResponse,
                    (op.n >= 0).then_some((op.n * 500) as u16),
                ),
            })),
            25 => pe(PartnerEdit::Motion(MotionEdit::Lines(
                if op.flag {
                    MotionLines::Qualified
                } else {
                    MotionLines::Rejected
                },
                vec![op.text.clone()],
            ))),
            26 => pe(PartnerEdit::Incentives(IncentivesEdit::AddPlan(
                Plan::starter(fresh("plan"), PartnerType::ALL[op.a % 3]),
            ))),
            27 => pe(PartnerEdit::Incentives(IncentivesEdit::RemovePlan(
                some_id(plans, op.b),
            ))),
            28 => {
                let (p, plan) = with_plan(ws, PartnerType::Referral, op.b);
                Edit::partner(
                    &p,
                    PartnerEdit::Incentives(IncentivesEdit::Payout(
                        plan,
                        if op.flag {
                            PayoutKind::Flat
                        } else {
                            PayoutKind::Percent
                        },
                    )),
                )
            }
            29 => {
                let (p, plan) = with_plan(ws, PartnerType::Resell, op.b);
                Edit::partner(
                    &p,
                    PartnerEdit::Incentives(IncentivesEdit::MarginTiers(
                        plan,
                        match op.a % 3 {
                            0 => RowEdit::Add(MarginTier {
                                name: op.text.clone(),
                                min_deals: (op.n * 10).max(0) as u32,
                                margin: partnerfit_core::rate::Rate((op.n * 1000).max(0) as u32),
                                requires_certification: op.flag,
                            }),
                            1 => RowEdit::Remove(row),
                            _ => RowEdit::Move { from: row, to: 0 },
                        },
                    )),
                )
            }
            30 => pe(PartnerEdit::Incentives(IncentivesEdit::Assumptions({
                let mut a = ws
                    .partner(&p)
                    .map(|x| x.incentives.assumptions.clone())
                    .unwrap_or_default();
                a.quarters = (4 + op.n.rem_euclid(10)) as u8;
                a.cycle_quarters = (op.a % 5) as u8;
                a.win_rate = partnerfit_core::rate::Rate((op.b % 12_000) as u32);
                a
            }))),
            31 => {
                let (p, plan_id) = with_plan(ws, PartnerType::ALL[op.a % 3], op.b);
                Edit::partner(
                    &p,
                    PartnerEdit::Incentives(IncentivesEdit::Terms(plan_id.clone(), {
                        let plan = ws.partner(&p).and_then(|x| {
                            x.incentives.plans.iter().find(|x| x.id == plan_id).cloned()
                        });
                        match plan.map(|x| x.terms) {
                            Some(Terms::Resell(mut r)) => {
                                r.price_floor = Money(op.n * 500_000);
                                Terms::Resell(r)
                            }
                            Some(t) => t,
                            None => Plan::starter(id("plan-x"), PartnerType::Referral).terms,
                        }
                    })),
                )
            }
            32 => Edit::RemoveList(some_id(lists, op.b)),
            34 => Edit::Profile(ProfileEdit::Currency(
                [
                    Currency::USD,
                    Currency::parse("JPY").unwrap(),
                    Currency::parse("KWD").unwrap(),
                ][op.b % 3],
                if op.flag {
                    Conversion::Relabel
                } else {
                    Conversion::At(ExchangeRate::parse(&format!("{}.5", op.n.max(0))).unwrap())
                },
            )),
            35 => pe(PartnerEdit::Incentives(IncentivesEdit::RenamePlan(
                some_id(plans, op.b),
                op.text.clone(),
            ))),
            36 => {
                let (p, plan) = with_plan(ws, PartnerType::Services, op.b);
                Edit::partner(
                    &p,
                    PartnerEdit::Incentives(IncentivesEdit::HealthTiers(
                        plan,
                        match op.a % 3 {
                            0 => RowEdit::Add(partnerfit_core::incentives::plan::HealthTier {
                                name: op.text.clone(),
                                min_health: (op.n * 10).clamp(0, 255) as u8,
                                min_adoption: partnerfit_core::rate::Rate(
                                    (op.n * 1_000).clamp(0, 12_000) as u32,
                                ),
                                bonus: partnerfit_core::rate::Rate(500),
                            }),
                            1 => RowEdit::Remove(row),
                            _ => RowEdit::Move { from: row, to: 1 },
                        },
                    )),
                )
            }
            37 => pe({
                let criterion = some_id(criteria, op.b);
                let rating = partnerfit_core::partner::Rating {
                    score: Score::new(op.n.clamp(1, 5) as u8).unwrap(),
                    evidence: op.text.clone(),
                };
                // Their self-rating adopted, or a suggested one accepted.
                if op.flag {
                    PartnerEdit::Adopt(criterion, rating)
                } else {
                    PartnerEdit::RateWith(criterion, rating)
                }
            }),
            38 => Edit::Replace(
                Box::new(if op.flag {
                    demo()
                } else {
                    Workspace::empty("Again")
                }),
                match op.a % 5 {
                    0 => Replacement::Demo,
                    1 => Replacement::Import {
                        file: format!("{}.json", op.text),
                    },
                    2 => Replacement::Merge {
                        file: "theirs.json".into(),
                    },
                    3 => Replacement::Snapshot {
                        taken: "yesterday".into(),
                    },
                    _ => Replacement::OtherTab,
                },
            ),
            39 => pe(PartnerEdit::Invite(SentInvitation {
                id: fresh("inv"),
                secret: [op.b as u8; 16],
                created: day(),
                expires: (op.n > 0).then(|| day().add_days(op.n)),
                contact: op.text.clone(),
                protected: op.flag,
                link: format!("https://partnerfit.example/respond#{}", op.text.len()),
                revoked: None,
            })),
            40 => {
                // A partner with an invitation, mostly (and a wrong one).
                let (p, invitation) = sent_invitation(ws, op.b, &p);
                Edit::partner(
                    &p,
                    PartnerEdit::Respond(ReceivedResponse {
                        invitation,
                        received: day(),
                        submitted: day().add_days(-op.n),
                        respondent: op.text.clone(),
                        email: "them@partner.example".into(),
                        ratings: criteria
                            .iter()
                            .take(op.a % 4)
                            .map(|c| {
                                (
                                    c.clone(),
                                    partnerfit_core::partner::Rating {
                                        score: Score::new(op.n.clamp(1, 5) as u8).unwrap(),
                                        evidence: op.text.clone(),
                                    },
                                )
                            })
                            .collect(),
                        answers: Default::default(),
                        comments: op.text.clone(),
                        verification: Verification::ALL[op.a % 2],
                    }),
                )
            }
            41 => pe(PartnerEdit::Overlap(OverlapEdit::Measured(op.flag.then(
                || {
                    let theirs = ws
                        .account_lists
                        .iter()
                        .filter(|l| l.owner == ListOwner::Partner(p.clone()))
                        .map(|l| l.id.clone())
                        .collect();
                    // Figures computed privately name no list of theirs.
                    let private = op.a % 3 == 2;
                    Measured {
                        date: day(),
                        method: if private {
                            Method::Private
                        } else {
                            Method::Matching
                        },
                        ours_lists: if op.a % 4 == 3 {
                            lists.clone()
                        } else {
                            ws.lists_of(&ListOwner::Ours)
                                .map(|l| l.id.clone())
                                .collect()
                        },
                        theirs_lists: if private { vec![] } else { theirs },
                        figures: demo().partners[0].overlap.measured.clone().unwrap().figures,
                    }
                },
            )))),
            42 => pe(PartnerEdit::Motion(MotionEdit::Days(
                MotionDays::ALL[op.a % MotionDays::ALL.len()],
                (op.n >= 0).then_some((op.n * 40) as u16),
            ))),
            43 => pe(PartnerEdit::Motion(MotionEdit::Text(
                MotionText::ALL[op.a % MotionText::ALL.len()],
                op.text.clone(),
            ))),
            44 => Edit::Scorecard(ScorecardEdit::CategoryName(
                some_id(categories, op.b),
                op.text.clone(),
            )),
            45 => Edit::Icp(IcpEdit::Examples(match op.a % 2 {
                0 => RowEdit::Set(
                    row,
                    Example {
                        name: op.text.clone(),
                        fit: if op.flag {
                            ExampleFit::Good
                        } else {
                            ExampleFit::NotAFit
                        },
                        why: String::new(),
                    },
                ),
                _ => RowEdit::Move {
                    from: row,
                    to: op.b % 3,
                },
            })),
            46 => pe(PartnerEdit::Overlap(OverlapEdit::Map(RowEdit::Move {
                from: row,
                to: op.a % 4,
            }))),
            47 => pe(PartnerEdit::Pilot(PilotEdit::Start {
                start: day().add_days(op.n),
                reason: op.flag.then(|| op.text.clone()),
            })),
            48 => pe(PartnerEdit::Pilot(match op.b % 4 {
                0 => PilotEdit::Dates {
                    start: day(),
                    end: day().add_days(op.n * 10),
                },
                1 => PilotEdit::Text(PilotText::ALL[op.a % 2], op.text.clone()),
                2 => PilotEdit::Target(TargetField::ALL[op.a % 2], (op.n.max(0) * 3) as u16),
                _ => PilotEdit::AddAccounts(
                    (0..(op.a % 5))
                        .map(|k| pilot_account(k + op.b % 3))
                        .collect(),
                ),
            })),
            49 => pe(PartnerEdit::Pilot(PilotEdit::Accounts(match op.a % 4 {
                0 => RowEdit::Add(pilot_account(op.b % 6)),
                1 => RowEdit::Remove(row % 3),
                2 => RowEdit::Set(row % 3, pilot_account(op.b % 6)),
                _ => RowEdit::Move {
                    from: 0,
                    to: row % 3,
                },
            }))),
            50 => pe(PartnerEdit::Pilot(match op.b % 3 {
                0 => PilotEdit::Plays(RowEdit::Set(
                    op.a % 3,
                    partnerfit_core::pilot::Play {
                        name: op.text.clone(),
                        accounts: vec![format!("Account {}", op.a % 4)],
                        ..Default::default()
                    },
                )),
                1 => PilotEdit::PlayAccount {
                    play: op.a % 3,
                    account: format!("Account {}", op.n.rem_euclid(4)),
                    on: op.flag,
                },
                _ => PilotEdit::Plays(RowEdit::Remove(op.a % 3)),
            })),
            51 => pe(PartnerEdit::Pilot(if op.flag {
                PilotEdit::Review(partnerfit_core::pilot::Review {
                    date: day().add_days(op.n),
                    notes: op.text.clone(),
                    seen: ws
                        .pipeline
                        .opportunities
                        .iter()
                        .take(op.a % 4)
                        .map(|o| (o.id.clone(), o.stage()))
                        .collect(),
                })
            } else {
                PilotEdit::Decide {
                    decision: partnerfit_core::pilot::Decision::ALL[op.a % 3],
                    date: day().add_days(op.n),
                    reason: op.text.clone(),
                    fixes: vec![op.text.clone()],
                }
            })),
            52 => pe(PartnerEdit::Override(
                op.flag.then(|| op.text.clone()),
                day(),
            )),
            53 => Edit::Pipeline(PipelineEdit::Add(deal(
                fresh("o"),
                op,
                if op.a.is_multiple_of(3) {
                    Some(p.clone())
                } else {
                    None
                },
            ))),
            54 => Edit::Pipeline(PipelineEdit::Remove(some_id(deals(ws), op.b))),
            55 => Edit::Pipeline(PipelineEdit::Opportunity(
                some_id(deals(ws), op.b),
                match op.a % 8 {
                    0 => OpportunityEdit::Text(OpportunityText::ALL[op.b % 4], op.text.clone()),
                    1 => OpportunityEdit::Amount(Money(op.n * 1_000_000_000_000_000)),
                    2 => OpportunityEdit::Stage(
                        partnerfit_core::pipeline::Stage::ALL[op.b % 7],
                        day().add_days(op.n),
                    ),
                    3 => OpportunityEdit::Attribution(
                        partnerfit_core::pipeline::Attribution::ALL[op.b % 3],
                        op.flag.then(|| p.clone()),
                    ),
                    4 => OpportunityEdit::Qualified(op.flag.then_some(op.n > 4)),
                    5 => OpportunityEdit::Close(op.flag.then(|| day().add_days(op.n))),
                    6 => OpportunityEdit::NextActions(RowEdit::Add(action(op))),
                    _ => OpportunityEdit::NextActions(match op.b % 3 {
                        0 => RowEdit::Set(row % 2, action(op)),
                        1 => RowEdit::Remove(row % 2),
                        _ => RowEdit::Move { from: 0, to: 1 },
                    }),
                },
            )),
            57 => {
                // A CRM export taken in, on a day that may come before the
                // deals' own dates (history stays in date order).
                let file = [
                    "hubspot-week1.csv",
                    "hubspot-week3.csv",
                    "salesforce.csv",
                    "pipedrive.csv",
                ][op.a % 4];
                let bytes = std::fs::read(format!(
                    "{}/tests/fixtures/deals/{file}",
                    env!("CARGO_MANIFEST_DIR")
                ))
                .unwrap();
                let prepared = partnerfit_core::pipeline::import::prepare(&bytes).unwrap();
                let partners: Vec<_> = ws
                    .partners
                    .iter()
                    .map(|p| (p.id.clone(), p.name.clone(), p.website.clone()))
                    .collect();
                let rows = partnerfit_core::pipeline::import::read_rows(
                    &prepared,
                    &prepared.mapping,
                    ws.profile.currency,
                    &partners,
                )
                .map(|r| r.rows)
                .unwrap_or_default();
                Edit::Pipeline(PipelineEdit::Import {
                    rows: Arc::new(rows),
                    date: day().add_days(op.n * 20),
                    file_name: file.into(),
                    entropy: op.b as u64,
                })
            }
            59 => Edit::Scorecard(ScorecardEdit::Floor {
                kind: PartnerType::ALL[op.a % 3],
                category: some_id(categories, op.b),
                floor: (op.n > 0).then(|| Score::new(op.n.clamp(1, 5) as u8).unwrap()),
            }),
            56 => Edit::Pipeline(PipelineEdit::ExpectedDays(
                partnerfit_core::pipeline::Stage::ALL[op.b % 7],
                (op.n >= 0).then_some((op.n * 400) as u16),
            )),
            // The program (kinds 60–64) and the enablement log (65).
            60 => Edit::Program(match op.a % 6 {
                0 => ProgramEdit::Text(ProgramText::Owner, op.text.clone()),
                1 => ProgramEdit::Number(Number::ALL[op.b % 3]),
                2 => ProgramEdit::Target(Money(op.n * 1_000_000)),
                3 => ProgramEdit::Start(op.flag.then(|| day().add_days(op.n * 10))),
                4 => ProgramEdit::TierQuarters(op.n.clamp(0, 9) as u8),
                _ => ProgramEdit::InactiveDays((op.n.max(0) * 40) as u16),
            }),
            61 => Edit::Program(ProgramEdit::Meetings(match op.a % 4 {
                0 | 1 => RowEdit::Add(Meeting {
                    id: fresh("m"),
                    kind: MeetingKind::ALL[op.b % 3],
                    partner: op.flag.then(|| p.clone()),
                    first: day().add_days(op.n),
                    time: ClockTime::new((op.b % 24) as u8, 30).unwrap(),
                    minutes: (op.n.max(0) * 20) as u16,
                    attendees: op.text.lines().map(str::to_owned).collect(),
                }),
                2 => RowEdit::Remove(row),
                _ => RowEdit::Move { from: row, to: 0 },
            })),
            62 => Edit::Program(ProgramEdit::Tiers({
                let tier = Tier {
                    name: op.text.clone(),
                    min_sourced: Money(op.n * 500_000),
                    min_won: Money(op.n.max(0) * 100_000),
                    min_win_rate: Rate((op.b % 12_000) as u32),
                    benefits: op.text.lines().map(str::to_owned).collect(),
                };
                match op.a % 4 {
                    0 => RowEdit::Add(tier),
                    1 => RowEdit::Set(row, tier),
                    2 => RowEdit::Remove(row),
                    _ => RowEdit::Move { from: row, to: 0 },
                }
            })),
            63 => Edit::Program(ProgramEdit::PlanDone(
                PlanStep::ALL[op.b % PlanStep::ALL.len()],
                op.flag.then(|| day().add_days(op.n)),
            )),
            64 => Edit::Program(ProgramEdit::RecordHealth(HealthPoint {
                date: day().add_days(op.n),
                passing: op.n.max(0) as u16,
                total: (op.b % 12) as u16,
            })),
            65 => pe(PartnerEdit::Enablement({
                let entry = Enablement {
                    date: day().add_days(-op.n * 7),
                    kind: EnablementKind::ALL[op.b % EnablementKind::ALL.len()],
                    minutes: (op.n.max(0) * 15_000) as u32,
                    note: op.text.clone(),
                };
                match op.a % 4 {
                    0 => RowEdit::Add(entry),
                    1 => RowEdit::Set(row, entry),
                    2 => RowEdit::Remove(row),
                    _ => RowEdit::Move { from: row, to: 0 },
                }
            })),
            66 => {
                // Revoke one of the invitations sent (or a missing one).
                let (p, invitation) = sent_invitation(ws, op.b, &p);
                Edit::partner(&p, PartnerEdit::Revoke(invitation, day().add_days(op.n)))
            }
            _ => Edit::AddList(Arc::new(AccountList {
                id: fresh("l"),
                owner: if op.flag {
                    ListOwner::Ours
                } else {
                    ListOwner::Partner(p)
                },
                source: op.text.clone(),
                imported: day(),
                population: PopulationSource::Fixed(Population::Prospect),
                accounts: vec![Account::for_matching(
                    2,
                    "Acme",
                    "acme.example",
                    "DE",
                    Population::Prospect,
                )],
            })),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Applied or refused, every edit leaves a workspace that saves and
        /// reads back unchanged; refused ones change nothing; undoing every
        /// step gives the start back, and redoing them the end.
        #[test]
        fn edits_keep_the_workspace_readable(ws in start(), ops in prop::collection::vec(op(), 1..40)) {
            let mut ws = ws;
            let original = ws.clone();
            let mut h = History::new(1_000);
            for (i, op) in ops.iter().enumerate() {
                let edit = edit_for(&ws, op);
                let before = ws.clone();
                match h.apply(&mut ws, edit.clone(), i as u64 * 10_000) {
                    Ok(_) => {
                        let text = format::save(&ws);
                        let back = format::load(&text)
                            .map_err(|e| TestCaseError::fail(format!("{edit:?} made an unreadable workspace: {e}")))?;
                        prop_assert_eq!(&back.workspace, &ws, "{:?}", edit);
                    }
                    Err(_) => prop_assert_eq!(&ws, &before, "a refused edit changed the workspace: {:?}", edit),
                }
            }
            let end = ws.clone();
            while h.undo(&mut ws).is_some() {}
            prop_assert_eq!(&ws, &original);
            while h.redo(&mut ws).is_some() {}
            prop_assert_eq!(&ws, &end);
        }
    }
}

/// Meeting ids stay unique: a row changed to another meeting's id is
/// refused, as the reader would refuse the file.
#[test]
fn a_meeting_cannot_take_another_meetings_id() {
    use partnerfit_core::edit::ProgramEdit;
    let mut ws = partnerfit_core::demo::demo();
    let mut second = ws.program.meetings[1].clone();
    second.id = ws.program.meetings[0].id.clone();
    let before = ws.clone();
    let refused = ws.apply(Edit::Program(ProgramEdit::Meetings(RowEdit::Set(
        1, second,
    ))));
    assert!(
        matches!(
            refused,
            Err(partnerfit_core::edit::EditError::Duplicate {
                what: "meeting",
                ..
            })
        ),
        "{refused:?}"
    );
    assert_eq!(ws, before);
    // Its own id is its own.
    let same = ws.program.meetings[1].clone();
    ws.apply(Edit::Program(ProgramEdit::Meetings(RowEdit::Set(1, same))))
        .unwrap();
}
