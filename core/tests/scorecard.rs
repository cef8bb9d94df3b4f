//! Scoring, gates, verdicts, ranking and sensitivity, as data.

use partnerfit_core::alignment::Judgment;
use partnerfit_core::icp::{Disqualifier, DisqualifierKind};
use partnerfit_core::partner::{Partner, PartnerType, Score, Status};
use partnerfit_core::scorecard::{self, Verdict};
use partnerfit_core::{Date, Id, Money, Workspace};

const CRITERIA: [&str; 12] = [
    "icp_density",
    "buyer_access",
    "use_case_match",
    "cycle_match",
    "deal_size_match",
    "delivery_handoffs",
    "named_champion",
    "prioritization_evidence",
    "opportunity_target",
    "deal_registration",
    "pipeline_sharing",
    "responsiveness",
];

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

/// A partner rated by category: `[a, b, c, d]` triples, 0 = unrated.
fn partner(name: &str, kind: PartnerType, ratings: [[u8; 3]; 4], judgment: Judgment) -> Partner {
    let mut p = Partner::new(
        id(&format!("p-{}", name.to_lowercase())),
        name,
        kind,
        Date::parse("2026-11-01").unwrap(),
    );
    for (i, v) in ratings.iter().flatten().enumerate() {
        if *v > 0 {
            p.rate(&id(CRITERIA[i]), Score::new(*v));
        }
    }
    p.alignment.judgment = judgment;
    p
}

fn workspace(partners: Vec<Partner>) -> Workspace {
    let mut ws = Workspace::empty("Test Co");
    ws.icp.disqualifiers.push(Disqualifier {
        id: id("dq-budget"),
        kind: DisqualifierKind::BudgetFloor,
        text: "Annual budget under 15,000 EUR".into(),
        amount: Some(Money(1_500_000)),
    });
    ws.partners = partners.into_iter().map(std::sync::Arc::new).collect();
    ws
}

/// Evaluate one partner; check its verdict and that each expected text is among its reasons.
fn check(p: Partner, verdict: Verdict, reasons: &[&str]) {
    let ws = workspace(vec![p]);
    let e = scorecard::evaluate(&ws, &ws.partners[0]);
    let texts: Vec<String> = e.reasons.iter().map(|r| r.to_string()).collect();
    assert_eq!(e.verdict, verdict, "reasons: {texts:#?}");
    for r in reasons {
        assert!(
            texts.iter().any(|t| t.contains(r)),
            "missing reason {r:?} in {texts:#?}"
        );
    }
    // The deciding reasons come first.
    assert_eq!(e.reasons[0].weight(), verdict, "{texts:#?}");
}

use Judgment::*;
use PartnerType::*;

#[test]
fn the_seeds_example_is_not_onboarded() {
    // "require 4 or higher on ICP fit and GTM compatibility, or you do not onboard":
    // ICP fit 3 and everything else 5 is not onboarded, whatever the type.
    for kind in [Referral, Services, Resell] {
        check(
            partner(
                "Seed",
                kind,
                [[3, 3, 3], [5, 5, 5], [5, 5, 5], [5, 5, 5]],
                MapsCleanly,
            ),
            Verdict::DoNotOnboard,
            &["Market and ICP fit 3 is below the gate of 4 (short by 1)"],
        );
    }
}

#[test]
fn verdict_table() {
    let full4 = [[4, 4, 4], [4, 4, 4], [4, 4, 4], [4, 4, 4]];
    let rows: Vec<(Partner, Verdict, Vec<&str>)> = vec![
        (partner("Solid", Services, full4, MapsCleanly), Verdict::OnboardToPilot,
            vec!["Market and ICP fit 4 meets the gate of 4", "GTM compatibility 4 meets the gate of 4", "map cleanly"]),
        (partner("Gtm", Services, [[4, 4, 4], [3, 4, 4], [4, 4, 4], [4, 4, 4]], MapsCleanly), Verdict::DoNotOnboard,
            vec!["GTM compatibility 3.67 is below the gate of 4 (short by 0.33)"]),
        (partner("Missing", Services, [[5, 5, 5], [5, 5, 5], [5, 5, 0], [5, 5, 5]], MapsCleanly), Verdict::NeedsEvidence,
            vec!["Not rated yet: A realistic target for opportunities per quarter"]),
        (partner("Hopeless", Services, [[2, 2, 0], [5, 5, 5], [5, 5, 5], [5, 5, 5]], MapsCleanly), Verdict::DoNotOnboard,
            vec!["Market and ICP fit stays below the gate of 4 even if its 1 unrated criterion scored 5 (best case 3)"]),
        (partner("Open", Services, [[5, 5, 0], [5, 5, 5], [5, 5, 5], [5, 5, 5]], MapsCleanly), Verdict::NeedsEvidence,
            vec!["Market and ICP fit cannot be judged against the gate of 4 yet: 1 unrated criterion (rated so far 5; could end between 3.67 and 5)"]),
        (partner("Blank", Referral, [[0; 3]; 4], Unjudged), Verdict::NeedsEvidence,
            vec!["cannot be judged against the gate of 4 yet: 3 unrated criteria (could end between 1 and 5)", "Alignment not judged yet"]),
        (partner("Misaligned", Services, full4, NotAtAll), Verdict::DoNotOnboard,
            vec!["do not map to our story"]),
        (partner("Partly", Services, full4, Partly), Verdict::NeedsEvidence,
            vec!["maps only partly"]),
        (partner("Unjudged", Services, full4, Unjudged), Verdict::NeedsEvidence,
            vec!["Alignment not judged yet"]),
        // Per-type gates: operational readiness 3.67 passes a referral partner's gate of 3
        // but fails a reseller's gate of 4.
        (partner("RefOps", Referral, [[4, 4, 4], [4, 4, 4], [4, 4, 4], [3, 4, 4]], MapsCleanly), Verdict::OnboardToPilot,
            vec!["Operational readiness 3.67 meets the gate of 3"]),
        (partner("ResOps", Resell, [[4, 4, 4], [4, 4, 4], [4, 4, 4], [3, 4, 4]], MapsCleanly), Verdict::DoNotOnboard,
            vec!["Operational readiness 3.67 is below the gate of 4 (short by 0.33)"]),
    ];
    for (p, verdict, reasons) in rows {
        check(p, verdict, &reasons);
    }
}

#[test]
fn a_disqualifier_hit_blocks_onboarding() {
    let mut p = partner("Small", Referral, [[5; 3]; 4], MapsCleanly);
    p.disqualifier_hits.insert(id("dq-budget"));
    check(
        p,
        Verdict::DoNotOnboard,
        &["Hits an ICP disqualifier (Budget floor): Annual budget under 15,000 EUR"],
    );
}

#[test]
fn crossing_a_gate_changes_the_verdict() {
    let mut ws = workspace(vec![partner(
        "Edge",
        Services,
        [[4, 4, 3], [4, 4, 4], [4, 4, 4], [4, 4, 4]],
        MapsCleanly,
    )]);
    assert_eq!(
        scorecard::evaluate(&ws, &ws.partners[0]).verdict,
        Verdict::DoNotOnboard
    );
    std::sync::Arc::make_mut(&mut ws.partners[0]).rate(&id("use_case_match"), Score::new(4));
    assert_eq!(
        scorecard::evaluate(&ws, &ws.partners[0]).verdict,
        Verdict::OnboardToPilot
    );
    // Lowering the gate instead also lets it through.
    std::sync::Arc::make_mut(&mut ws.partners[0]).rate(&id("use_case_match"), Score::new(3));
    ws.scorecard
        .gates
        .get_mut(&Services)
        .unwrap()
        .insert(id("market_icp_fit"), 3.5);
    assert_eq!(
        scorecard::evaluate(&ws, &ws.partners[0]).verdict,
        Verdict::OnboardToPilot
    );
}

#[test]
fn weights_shape_category_means_and_totals() {
    let mut ws = workspace(vec![partner(
        "W",
        Services,
        [[5, 3, 3], [4, 4, 4], [2, 2, 2], [4, 4, 4]],
        MapsCleanly,
    )]);
    let e = scorecard::evaluate(&ws, &ws.partners[0]);
    assert!((e.categories[0].mean.unwrap() - 11.0 / 3.0).abs() < 1e-9);
    assert!((e.total.unwrap() - (11.0 / 3.0 + 4.0 + 2.0 + 4.0) / 4.0).abs() < 1e-9);
    ws.scorecard.categories[0].criteria[0].weight = 2.0; // (10 + 3 + 3) / 4 = 4
    ws.scorecard.categories[2].weight = 0.0; // revenue focus no longer counts in the total
    let e = scorecard::evaluate(&ws, &ws.partners[0]);
    assert!((e.categories[0].mean.unwrap() - 4.0).abs() < 1e-9);
    assert!((e.total.unwrap() - 4.0).abs() < 1e-9);
}

#[test]
fn ranking_orders_by_total_and_explains_ties() {
    let ws = workspace(vec![
        partner("Beta", Services, [[4; 3]; 4], Unjudged), // 4.0, needs evidence
        partner("Alpha", Services, [[4; 3]; 4], MapsCleanly), // 4.0, onboard
        partner("Top", Services, [[5; 3]; 4], MapsCleanly), // 5.0
        partner("Gamma", Services, [[4; 3]; 4], Unjudged), // 4.0, needs evidence, ties Beta on everything
        partner("Nothing", Referral, [[0; 3]; 4], Unjudged),
    ]);
    let evals = scorecard::evaluate_all(&ws);
    let ranking = scorecard::rank(&evals);
    let names: Vec<&str> = ranking
        .iter()
        .map(|r| ws.partner(&r.partner).unwrap().name.as_str())
        .collect();
    assert_eq!(names, ["Top", "Alpha", "Beta", "Gamma", "Nothing"]);
    assert_eq!(
        ranking.iter().map(|r| r.position).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert!(ranking[0].tie.is_none());
    assert_eq!(
        ranking[1].tie.as_ref().unwrap().to_string(),
        "Tied at 4 with Beta; placed above on verdict (Onboard to pilot vs Needs evidence)"
    );
    assert_eq!(
        ranking[2].tie.as_ref().unwrap().to_string(),
        "Tied at 4 with Gamma; placed above by name, as nothing else separates them (Beta vs Gamma)"
    );
    assert_eq!(
        ranking[3].tie.as_ref().unwrap().to_string(),
        "Tied at 4 with Beta; placed below by name, as nothing else separates them (Gamma vs Beta)"
    );
    assert!(
        ranking[4].tie.is_none(),
        "the only unscored partner has no tie"
    );
}

/// Gates are minimums: a partner that fails one ranks below every partner
/// that does not, whatever the totals. Rows: partners (name, ratings), the
/// expected order, and which fail a gate.
#[test]
fn partners_failing_a_gate_rank_below_the_others() {
    fn check(partners: Vec<Partner>, order: &[&str], failing: &[&str]) {
        let ws = workspace(partners);
        let evals = scorecard::evaluate_all(&ws);
        let ranking = scorecard::rank(&evals);
        let names: Vec<&str> = ranking
            .iter()
            .map(|r| ws.partner(&r.partner).unwrap().name.as_str())
            .collect();
        assert_eq!(names, order);
        let fails: Vec<&str> = ranking
            .iter()
            .filter(|r| r.fails_gate)
            .map(|r| ws.partner(&r.partner).unwrap().name.as_str())
            .collect();
        assert_eq!(fails, failing);
        // Failing partners form one block at the bottom.
        let first_fail = ranking.iter().position(|r| r.fails_gate);
        if let Some(f) = first_fail {
            assert!(ranking[f..].iter().all(|r| r.fails_gate));
        }
    }
    // Strong (ICP fit 3 < gate 4, total 4.5) outscores Steady (4.0) but fails a gate.
    let strong = || {
        partner(
            "Strong",
            Services,
            [[3; 3], [5; 3], [5; 3], [5; 3]],
            MapsCleanly,
        )
    };
    let steady = || partner("Steady", Services, [[4; 3]; 4], MapsCleanly);
    // Unrated ICP fit: its gate is undetermined, not failed; total 5 over the rest.
    let unproven = || {
        partner(
            "Unproven",
            Services,
            [[0; 3], [5; 3], [5; 3], [5; 3]],
            Unjudged,
        )
    };
    // Weak fails two gates with a lower total (2.75).
    let weak = || {
        partner(
            "Weak",
            Services,
            [[2; 3], [2; 3], [2; 3], [5; 3]],
            MapsCleanly,
        )
    };
    check(vec![strong(), steady()], &["Steady", "Strong"], &["Strong"]);
    check(
        vec![weak(), strong(), unproven(), steady()],
        &["Unproven", "Steady", "Strong", "Weak"],
        &["Strong", "Weak"],
    );
    check(vec![steady(), unproven()], &["Unproven", "Steady"], &[]);
    // Same total on both sides of the line: no tie note across it.
    let ws = workspace(vec![
        partner("Passes", Services, [[4; 3]; 4], MapsCleanly), // 4.0
        partner(
            "Fails",
            Services,
            [[3; 3], [5; 3], [4; 3], [4; 3]],
            MapsCleanly,
        ), // 4.0, ICP fit 3
    ]);
    let ranking = scorecard::rank(&scorecard::evaluate_all(&ws));
    assert_eq!(ranking[0].partner.as_str(), "p-passes");
    assert!(ranking.iter().all(|r| r.tie.is_none()));
}

/// A rating move that lifts a failing gate over its threshold passes the
/// partner above, even with a lower total.
#[test]
fn rank_sensitivity_crosses_the_gate_line() {
    let ws = workspace(vec![
        partner(
            "Leader",
            Services,
            [[4; 3], [4; 3], [1; 3], [1; 3]],
            MapsCleanly,
        ), // 2.5
        partner(
            "Chaser",
            Services,
            [[4, 4, 3], [5; 3], [5; 3], [5; 3]],
            MapsCleanly,
        ), // ICP fit 3.67 < 4
    ]);
    let s = sensitivities(&ws);
    let names: Vec<&str> = s.iter().map(|s| s.partner.as_str()).collect();
    assert_eq!(names, ["p-leader", "p-chaser"]);
    // 4 → 5 on icp_density (the first one-point move found): ICP fit
    // (5 + 4 + 3) / 3 = 4, the gate passes; Chaser moves above Leader.
    let m = s[1].rank_rating_move.as_ref().unwrap();
    assert_eq!((m.criterion.as_str(), m.from, m.to), ("icp_density", 4, 5));
    assert_eq!(m.passes, Some(("Leader".into(), true)));
    // Category weights cannot reorder partners across the gate line.
    assert!(s[1].rank_weight_shift.is_none());
}

/// A gate may carry a floor for every single criterion: one criterion rated
/// below it fails the gate, whatever the mean, with a reason naming the
/// criterion. Rows: floor on the ICP-fit gate, ICP-fit ratings (0 =
/// unrated; other categories all 5, alignment clean), verdict, a reason.
#[test]
fn a_gates_floor_fails_it_on_one_criterion() {
    for (floor, icp, verdict, reason) in [
        // Mean 4.33 passes the gate of 4, but buyer access 3 < floor 4.
        (
            4,
            [5, 3, 5],
            Verdict::DoNotOnboard,
            "Market and ICP fit fails its gate's floor of 4 for every criterion: “Access to your target buyer roles” is rated 3",
        ),
        // Two below: both named.
        (
            5,
            [5, 4, 4],
            Verdict::DoNotOnboard,
            "“Access to your target buyer roles” is rated 4; “Clear use cases that match your highest-win scenarios” is rated 4",
        ),
        // Every criterion at the floor: passes.
        (4, [4, 4, 4], Verdict::OnboardToPilot, "Market and ICP fit 4 meets the gate of 4"),
        // No criterion below 2, and 5, 5, 2 averages 4: passes.
        (2, [5, 5, 2], Verdict::OnboardToPilot, "Market and ICP fit 4 meets the gate of 4"),
        // An unrated criterion could still fall below the floor.
        (
            2,
            [5, 5, 0],
            Verdict::NeedsEvidence,
            "Market and ICP fit cannot be judged against its gate's floor of 2 yet: 1 unrated criterion could still be rated below it",
        ),
        // A rated criterion below the floor decides, even with unrated ones left.
        (
            3,
            [2, 5, 0],
            Verdict::DoNotOnboard,
            "“Density in your priority verticals” is rated 2",
        ),
    ] {
        let mut p = partner("Floored", Referral, [[5; 3]; 4], MapsCleanly);
        for (k, v) in CRITERIA.iter().zip(icp) {
            p.rate(&id(k), Score::new(v));
        }
        let mut ws = workspace(vec![p]);
        ws.scorecard
            .floors
            .entry(Referral)
            .or_default()
            .insert(id("market_icp_fit"), Score::new(floor).unwrap());
        let e = scorecard::evaluate(&ws, &ws.partners[0]);
        let texts: Vec<String> = e.reasons.iter().map(|r| r.to_string()).collect();
        assert_eq!(e.verdict, verdict, "floor {floor}, {icp:?}: {texts:#?}");
        assert!(
            texts.iter().any(|t| t.contains(reason)),
            "floor {floor}, {icp:?}: missing {reason:?} in {texts:#?}"
        );
        assert_eq!(e.reasons[0].weight(), verdict, "{texts:#?}");
        // A floor failing the gate ranks the partner with those failing a gate.
        assert_eq!(
            e.fails_gate(),
            verdict == Verdict::DoNotOnboard,
            "floor {floor}, {icp:?}"
        );
    }
    // A floor without its gate counts for nothing: services have no
    // operational-readiness gate.
    let mut ws = workspace(vec![partner(
        "S",
        Services,
        [[5; 3], [5; 3], [5; 3], [1, 5, 5]],
        MapsCleanly,
    )]);
    ws.scorecard
        .floors
        .entry(Services)
        .or_default()
        .insert(id("operational_readiness"), Score::new(3).unwrap());
    assert_eq!(
        scorecard::evaluate(&ws, &ws.partners[0]).verdict,
        Verdict::OnboardToPilot
    );
}

/// Archived partners, and partners that exited, leave the ranking of
/// candidates; the others keep their order.
#[test]
fn archived_and_exited_partners_leave_the_ranking() {
    let mut ws = workspace(vec![
        partner("A", Services, [[4; 3]; 4], MapsCleanly),
        partner("B", Services, [[5; 3]; 4], MapsCleanly),
        partner("C", Services, [[3; 3]; 4], MapsCleanly),
    ]);
    std::sync::Arc::make_mut(&mut ws.partners[1]).archived = true;
    let day = Date::parse("2026-11-30").unwrap();
    std::sync::Arc::make_mut(&mut ws.partners[2]).set_status(Status::Exited, day);
    let evals = scorecard::evaluate_all(&ws);
    let ranking = scorecard::rank(&evals);
    let names: Vec<&str> = ranking.iter().map(|r| r.partner.as_str()).collect();
    assert_eq!(names, [ws.partners[0].id.as_str()]);
    // The partner that exited keeps its verdict; it is just not ranked.
    let exited = evals
        .iter()
        .find(|e| e.partner == ws.partners[2].id)
        .unwrap();
    assert!(!exited.in_the_running);
}

fn sensitivities(ws: &Workspace) -> Vec<scorecard::Sensitivity> {
    let evals = scorecard::evaluate_all(ws);
    let ranking = scorecard::rank(&evals);
    scorecard::sensitivity(ws, &evals, &ranking)
}

#[test]
fn weight_sensitivity_matches_hand_computation() {
    // ICP fit (5, 5, 3): mean 4.33 vs gate 4. Weights 1−δ on the 5s, 1+δ on the 3:
    // (10(1−δ) + 3(1+δ)) / (3 − δ) = 4  ⇒  δ = 1/3.
    let ws = workspace(vec![partner(
        "S",
        Services,
        [[5, 5, 3], [5, 5, 5], [5, 5, 5], [5, 5, 5]],
        MapsCleanly,
    )]);
    let s = &sensitivities(&ws)[0];
    assert_eq!(s.verdict, Verdict::OnboardToPilot);
    assert!((s.verdict_weight_shift.unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert!(s.sentences()[0].contains("holds with every criterion weight ±20%; it takes ±33%"));
    // The 3 → 2 move fails the gate: (5 + 5 + 2) / 3 = 4 still passes, 3 → 1 fails.
    let m = s.verdict_rating_move.as_ref().unwrap();
    assert_eq!(
        (m.from, m.to, m.verdict),
        (5, 3, Some(Verdict::DoNotOnboard))
    );
    assert!(!s.fragile());
}

#[test]
fn a_verdict_on_the_gate_is_fragile() {
    let ws = workspace(vec![partner(
        "Edge",
        Services,
        [[5, 4, 3], [4, 4, 4], [4, 4, 4], [4, 4, 4]],
        MapsCleanly,
    )]);
    let s = &sensitivities(&ws)[0];
    assert_eq!(s.verdict_weight_shift, Some(0.0));
    assert!(s.fragile());
    let m = s.verdict_rating_move.as_ref().unwrap();
    assert_eq!(m.from.abs_diff(m.to), 1);
}

#[test]
fn a_failed_gate_reports_what_would_rescue_it() {
    // GTM (3, 4, 4) = 3.67 fails 4; raising cycle_match to 4 passes.
    let ws = workspace(vec![partner(
        "G",
        Services,
        [[4; 3], [3, 4, 4], [4; 3], [4; 3]],
        MapsCleanly,
    )]);
    let s = &sensitivities(&ws)[0];
    assert_eq!(s.verdict, Verdict::DoNotOnboard);
    let m = s.verdict_rating_move.as_ref().unwrap();
    assert_eq!((m.criterion.as_str(), m.from, m.to), ("cycle_match", 3, 4));
    // Weights: A = −1 over S = 1 ⇒ δ = 1: only zeroing the weight of the 3
    // would pass the gate, which is not a shift; the verdict holds whatever the weights.
    assert_eq!(s.verdict_weight_shift, None);
    assert!(s.sentences()[0].contains("holds whatever the criterion weights"));
}

#[test]
fn disqualified_verdicts_do_not_move_with_weights() {
    let mut p = partner("D", Services, [[5; 3]; 4], MapsCleanly);
    p.disqualifier_hits.insert(id("dq-budget"));
    let ws = workspace(vec![p]);
    let s = &sensitivities(&ws)[0];
    assert_eq!(s.verdict_weight_shift, None);
    assert!(s.verdict_rating_move.is_none());
}

#[test]
fn rank_sensitivity_names_the_neighbour() {
    let ws = workspace(vec![
        partner(
            "First",
            Services,
            [[5; 3], [5; 3], [3; 3], [4; 3]],
            MapsCleanly,
        ), // 4.25
        partner(
            "Second",
            Services,
            [[4; 3], [4; 3], [4; 3], [4; 3]],
            MapsCleanly,
        ), // 4.0
    ]);
    let s = sensitivities(&ws);
    // d = (1, 1, −1, 0): A = 1, S = 3 ⇒ a one-third shift of category weights swaps them.
    let (d, name) = s[0].rank_weight_shift.clone().unwrap();
    assert!((d - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(&*name, "Second");
    // Every single move of Second's all-4 ratings adds at most 1/12: not enough.
    assert!(s[1].rank_rating_move.is_none());

    let ws = workspace(vec![
        partner("Leader", Services, [[4; 3]; 4], MapsCleanly), // 4.0
        partner(
            "Chaser",
            Services,
            [[4; 3], [4; 3], [4; 3], [4, 4, 1]],
            MapsCleanly,
        ), // 3.75
    ]);
    let s = sensitivities(&ws);
    // 1 → 5 on responsiveness: operational readiness 4.33, total 4.08 > 4.
    let m = s[1].rank_rating_move.as_ref().unwrap();
    assert_eq!(
        (m.criterion.as_str(), m.from, m.to),
        ("responsiveness", 1, 5)
    );
    assert_eq!(m.passes, Some(("Leader".into(), true)));
    assert!(s[1]
        .sentences()
        .iter()
        .any(|t| t.contains("would move it above Leader")));
}

#[test]
fn demo_report_snapshot() {
    let ws = partnerfit_core::demo::demo();
    let report = scorecard::report::report(&ws);
    insta::assert_snapshot!("demo_report_text", scorecard::report::render_text(&report));
    insta::assert_json_snapshot!("demo_report_json", report);
}
