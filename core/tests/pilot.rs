//! The pilot (step 7): its day, the three success criteria, the
//! recommendation and the weekly review, on small hand-built pipelines.
//!
//! Every pilot here runs from 2026-03-01 to 2026-04-30 (60 days: day 23 is
//! 03-23), targeting 5 qualified opportunities and 3 deals moved forward.
//! By day 23 that expects ceil(5 × 23 / 60) = ceil(1.92) = 2 qualified and
//! ceil(3 × 23 / 60) = ceil(1.15) = 2 moved forward.
//! Default expected days: qualification 14, discovery 14, solution 21.

use std::sync::Arc;

use partnerfit_core::pilot::evaluate::{evaluate, PilotState, Status};
use partnerfit_core::pilot::recommend::{recommend, Reason};
use partnerfit_core::pilot::review::{record, review};
use partnerfit_core::pilot::{Decision, Pilot};
use partnerfit_core::pipeline::{
    Attribution, DealKind, NextAction, Opportunity, Pipeline, Side, Stage, StageEntry,
};
use partnerfit_core::{Date, Id, Money};
use Stage::*;
use Status::*;

// ---------------------------------------------------------------- builder

const PARTNER: &str = "p-north";

/// "03-23" → 2026-03-23.
fn d(md: &str) -> Date {
    Date::parse(&format!("2026-{md}")).unwrap()
}

fn pilot() -> Pilot {
    Pilot::new(d("03-01"))
}

/// A deal of the partner, created on `created` in qualification.
fn deal(name: &str, created: &str) -> Deal {
    Deal(Opportunity {
        id: Id::parse(&name.to_lowercase()).unwrap(),
        crm_id: String::new(),
        name: name.into(),
        account: name.into(),
        domain: String::new(),
        partner: Some(Id::parse(PARTNER).unwrap()),
        partner_text: String::new(),
        source: String::new(),
        attribution: Attribution::Sourced,
        kind: DealKind::New,
        amount: Money(0),
        created: d(created),
        close: None,
        history: vec![StageEntry {
            stage: Qualification,
            date: d(created),
        }],
        qualified: None,
        next_actions: Vec::new(),
    })
}

struct Deal(Opportunity);

impl Deal {
    /// First seen in `stage` (instead of qualification).
    fn seen(mut self, stage: Stage) -> Deal {
        self.0.history[0].stage = stage;
        self
    }
    fn to(mut self, stage: Stage, date: &str) -> Deal {
        self.0.enter(stage, d(date));
        self
    }
    fn judged(mut self, qualified: bool) -> Deal {
        self.0.qualified = Some(qualified);
        self
    }
    fn of(mut self, partner: &str) -> Deal {
        self.0.partner = Some(Id::parse(partner).unwrap());
        self
    }
    /// `n` next actions owned by `owner`, done or not, due on `due`.
    fn acts(mut self, n: usize, owner: Side, done: bool, due: Option<&str>) -> Deal {
        for _ in 0..n {
            self.0.next_actions.push(NextAction {
                text: format!("Action {}", self.0.next_actions.len() + 1),
                owner,
                due: due.map(d),
                done,
            });
        }
        self
    }
}

fn pipeline(deals: Vec<Deal>) -> Pipeline {
    Pipeline {
        opportunities: deals.into_iter().map(|x| Arc::new(x.0)).collect(),
        ..Pipeline::default()
    }
}

fn state(pilot: &Pilot, pipe: &Pipeline, today: &str) -> PilotState {
    evaluate(pilot, pipe, &Id::parse(PARTNER).unwrap(), d(today))
}

/// The state as people read it: day, criteria, recommendation, fixes.
fn render(s: &PilotState) -> String {
    let mut out = format!(
        "{}{}, {} deals\n",
        s.day_text(),
        if s.ended { " (ended)" } else { "" },
        s.deals.len()
    );
    for (c, _, text) in s.criteria() {
        out += &format!("{c}: {text}\n");
    }
    let r = recommend(s);
    out += &format!("Recommendation: {}\n", r.decision);
    for reason in &r.reasons {
        out += &format!("- {reason}\n");
    }
    for fix in r.fixes() {
        out += &format!("Fix: {fix}\n");
    }
    out
}

// ---------------------------------------------------------------- the day

#[test]
fn the_pilot_day_is_clamped() {
    let p = pilot();
    let none = pipeline(vec![]);
    for (today, text, ended) in [
        ("02-20", "day 0 of 60", false),
        ("03-01", "day 1 of 60", false),
        ("03-23", "day 23 of 60", false),
        ("04-30", "day 60 of 60", false),
        ("05-10", "day 60 of 60", true),
    ] {
        let s = state(&p, &none, today);
        assert_eq!((s.day_text().as_str(), s.ended), (text, ended), "{today}");
    }
}

#[test]
fn the_pilots_deals() {
    let pipe = pipeline(vec![
        deal("Open", "02-10").to(Discovery, "02-20"), // open at the start: in
        deal("Lostbefore", "02-10").to(Lost, "02-25"), // closed before: out
        deal("Wonafter", "02-10").to(Won, "03-01"),   // closed on the start: in
        deal("During", "04-30"),                      // created on the end: in
        deal("Later", "05-01"),                       // created after: out
        deal("Other", "03-05").of("p-other"),         // another partner: out
    ]);
    let s = state(&pilot(), &pipe, "03-23");
    let names: Vec<&str> = s.deals.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Open", "Wonafter", "During"]);
}

// ---------------------------------------------------------- the criteria

/// One row: deals, today, what a criterion says.
fn check(deals: Vec<Deal>, today: &str, expected: (Status, usize, usize), which: usize) {
    let s = state(&pilot(), &pipeline(deals), today);
    let got = match which {
        0 => (s.qualified.status, s.qualified.count, s.qualified.expected),
        1 => (
            s.progression.status,
            s.progression.progressed,
            s.progression.expected,
        ),
        _ => (s.mutual.status, s.mutual.completed, s.mutual.total),
    };
    assert_eq!(got, expected, "{}", render(&s));
}

fn qualified_mix(n_true: usize) -> Vec<Deal> {
    let mut v = vec![
        deal("Nojudge", "03-05").to(Discovery, "03-10"), // not judged, reached discovery: counts
        deal("Rejected", "03-05")
            .to(Proposal, "03-10")
            .judged(false), // never counts
        deal("Waiting", "03-06"),                        // not judged, still in qualification
        deal("Before", "02-20").judged(true),            // created before the start
    ];
    for i in 0..n_true {
        v.push(deal(&format!("Q{i}"), "03-07").judged(true));
    }
    v
}

#[test]
fn qualified_opportunities() {
    // Qualified: "Nojudge" + the deals judged qualified.
    // Day 23: 2 expected. 1 + 1 = 2 → on track; 1 + 0 = 1 → behind;
    // 1 + 4 = 5 → met; after the end (05-10): 1 + 3 = 4 of 5 → missed.
    check(qualified_mix(1), "03-23", (OnTrack, 2, 2), 0);
    check(qualified_mix(0), "03-23", (Behind, 1, 2), 0);
    check(qualified_mix(4), "03-23", (Met, 5, 2), 0);
    check(qualified_mix(3), "05-10", (Missed, 4, 5), 0);
    // Day 1: ceil(5 × 1 / 60) = 1 expected; 1 judged qualified → on track.
    // ("Nojudge", created 03-05, does not exist yet on 03-01.)
    let mut first = qualified_mix(0);
    first.push(deal("First", "03-01").judged(true));
    check(first, "03-01", (OnTrack, 1, 1), 0);
}

fn progressed_mix(n: usize) -> Vec<Deal> {
    let mut v = vec![
        deal("Early", "02-01").to(Discovery, "02-10"), // moved before the start only
        deal("Back", "03-02").seen(Solution).to(Discovery, "03-04"), // moved back
    ];
    let moves = [
        deal("M0", "02-10").seen(Discovery).to(Solution, "03-15"), // forward within
        deal("M1", "03-05").to(Discovery, "03-10"),
        deal("M2", "03-08").seen(Won), // first seen won, within the dates
        deal("M3", "03-02").to(Solution, "03-20"), // skipping a stage is one move
    ];
    v.extend(moves.into_iter().take(n));
    v
}

#[test]
fn stage_progression() {
    // Day 23 (03-23) expects 2. Early moved before the start, Back moved
    // backwards: neither counts. M0 (discovery → solution on 03-15) and M1
    // (→ discovery 03-10) moved: 2.
    // Open: Early (discovery since 02-10: 41 days > 14, stuck), Back
    // (discovery since 03-04: 19 > 14, stuck), M0 (solution, 8 ≤ 21), M1
    // (discovery, 13 ≤ 14): 2 stuck of 4, 2 × 4 = 8 > 4, more than a quarter
    // → behind although the count is on track.
    check(progressed_mix(2), "03-23", (Behind, 2, 2), 1);
    // Without Early and Back nothing is stuck: 2 moved of 2 expected → on track.
    let ok = |n: usize| progressed_mix(n).into_iter().skip(2).collect::<Vec<_>>();
    check(ok(2), "03-23", (OnTrack, 2, 2), 1);
    // 1 moved → behind.
    check(ok(1), "03-23", (Behind, 1, 2), 1);
    // 3 moved (M2, first seen won within the dates, counts) → met.
    check(ok(3), "03-23", (Met, 3, 2), 1);
    // After the end (05-10): 2 of 3 → missed, day 60 expects 3.
    check(ok(2), "05-10", (Missed, 2, 3), 1);
}

#[test]
fn stuck_deals_follow_the_expected_days() {
    let deals = || {
        vec![
            deal("Disc", "03-01").to(Discovery, "03-05"), // 18 days at 03-23
            deal("Qual", "03-08"),                        // 15 days at 03-23
            deal("Sol", "03-10").to(Solution, "03-12"),   // 11 days
            deal("Done", "03-01").to(Won, "03-02"),       // closed: never stuck
        ]
    };
    let stuck = |pipe: &Pipeline| {
        let s = state(&pilot(), pipe, "03-23");
        s.progression.stuck_text()
    };
    let mut pipe = pipeline(deals());
    // Default: 18 > 14 and 15 > 14; 11 ≤ 21. 2 of 3 open, longest over first
    // (4 over, then 1 over).
    assert_eq!(
        stuck(&pipe),
        "2 of 3 open deals stuck past their stage's expected days (more than a quarter): \
         Disc (Discovery, 18 days of 14 expected), Qual (Qualification, 15 days of 14 expected)"
    );
    // Discovery edited to 20 days, qualification to 15: 18 ≤ 20, 15 is not > 15.
    pipe.expected_days.insert(Discovery, 20);
    pipe.expected_days.insert(Qualification, 15);
    assert_eq!(
        stuck(&pipe),
        "no open deal stuck past its stage's expected days"
    );
    // Solution edited to 10: 11 > 10, stuck; 1 of 3 open: 1 × 4 = 4 > 3,
    // more than a quarter.
    pipe.expected_days.insert(Solution, 10);
    let s = state(&pilot(), &pipe, "03-23");
    assert_eq!(s.progression.stuck.len(), 1);
    assert!(s.progression.too_many_stuck());
}

fn actions(owned: usize, completed: usize, total: usize) -> Vec<Deal> {
    // The partner's completed, then its open ones, then ours (done or not).
    vec![
        deal("A1", "03-02")
            .acts(completed, Side::Partner, true, None)
            .acts(owned - completed, Side::Partner, false, None),
        deal("A2", "03-03").acts(total - owned, Side::Ours, true, None),
    ]
}

#[test]
fn mutual_work() {
    // 2 of 17 owned, 1 completed: 1/17 = 5.9% < 30%, owned 2/17 = 11.8% < 30% → behind.
    check(actions(2, 1, 17), "03-23", (Behind, 1, 17), 2);
    check(actions(2, 1, 17), "05-10", (Missed, 1, 17), 2);
    // 3 of 10 owned (30%), 1 completed (10%) → on track.
    check(actions(3, 1, 10), "03-23", (OnTrack, 1, 10), 2);
    // 3 of 10 completed: exactly 30% → met.
    check(actions(4, 3, 10), "03-23", (Met, 3, 10), 2);
    // No next actions at all: not measurable (not passed).
    check(
        vec![deal("Quiet", "03-02")],
        "03-23",
        (NotMeasurable, 0, 0),
        2,
    );
    let s = state(&pilot(), &pipeline(actions(2, 1, 17)), "03-23");
    assert_eq!(
        s.mutual.text(),
        "Behind: the partner owned 2 of 17 next actions and completed 1 (5%; 30% needed)"
    );
}

// ------------------------------------------------------ recommendations

/// Five qualified (judged), three moved forward, nothing stuck at the end,
/// the partner completing 4 of 10 actions.
fn good() -> Vec<Deal> {
    vec![
        deal("G1", "03-02").judged(true).to(Discovery, "04-20"),
        deal("G2", "03-03").judged(true).to(Won, "04-01"),
        deal("G3", "03-04").judged(true).to(Won, "04-10"),
        deal("G4", "04-25").judged(true),
        deal("G5", "04-26")
            .judged(true)
            .acts(4, Side::Partner, true, None),
        deal("G6", "04-27").acts(6, Side::Ours, false, None),
    ]
}

fn decide(pilot: &Pilot, deals: Vec<Deal>) -> (Decision, String) {
    let s = state(pilot, &pipeline(deals), "05-10");
    (recommend(&s).decision, render(&s))
}

#[test]
fn expand_when_all_three_are_met() {
    // Qualified 5 of 5; moved: G1, G2, G3 = 3 of 3; open at 04-30: G1
    // (discovery 10 days), G4, G5, G6 (≤ 5 days): none stuck; 4 of 10 = 40%.
    let (decision, text) = decide(&pilot(), good());
    assert_eq!(decision, Decision::Expand, "{text}");
    insta::assert_snapshot!("expand", text);
}

#[test]
fn reset_with_a_fix_per_failed_criterion() {
    // Few qualified: G4, G5 judged not qualified → 3 of 5.
    let mut few = good();
    few[3].0.qualified = Some(false);
    few[4].0.qualified = Some(false);
    // One-sided: G5 gets 1 partner action done and 1 open, G6 15 of ours:
    // the partner owned 2 of 17 and completed 1 (5% < 30%).
    let mut one_sided = good();
    one_sided[4] = deal("G5", "04-26")
        .judged(true)
        .acts(1, Side::Partner, true, None)
        .acts(1, Side::Partner, false, None);
    one_sided[5] = deal("G6", "04-27").acts(15, Side::Ours, false, None);
    // Stuck: two more deals in discovery since 03-05 (56 days > 14 on
    // 04-30): open G1, G4, G5, G6, S2, S3, 2 stuck: 2 × 4 = 8 > 6.
    let mut stuck = good();
    stuck.push(deal("S2", "03-05").seen(Discovery));
    stuck.push(deal("S3", "03-05").seen(Discovery));
    for (name, deals, reasons) in [
        ("reset_qualified", few, 1),
        ("reset_one_sided", one_sided, 1),
        ("reset_stuck", stuck, 1),
    ] {
        let s = state(&pilot(), &pipeline(deals), "05-10");
        let r = recommend(&s);
        assert_eq!(r.decision, Decision::Reset, "{name}\n{}", render(&s));
        assert_eq!(r.fixes().len(), reasons, "{name}\n{}", render(&s));
        assert_eq!(r.fixes_for_reset(), r.fixes(), "{name}");
        insta::assert_snapshot!(name, render(&s));
    }
}

#[test]
fn exit_when_nothing_moves() {
    // Two deals judged not qualified, never moved: no movement.
    let deals = vec![
        deal("N1", "03-02")
            .judged(false)
            .acts(3, Side::Partner, true, None),
        deal("N2", "03-03").judged(false),
    ];
    let s = state(&pilot(), &pipeline(deals), "05-10");
    let r = recommend(&s);
    assert_eq!(r.decision, Decision::Exit);
    assert_eq!(r.reasons[0], Reason::NoMovement);
    assert!(r.fixes().is_empty());
    // A user who resets anyway lists what was found: never a reset without
    // fixes (which would count as a first pilot and could repeat forever).
    let fixes = r.fixes_for_reset();
    assert!(!fixes.is_empty());
    assert!(
        fixes[0].starts_with("0 qualified opportunities of the 5 targeted"),
        "{fixes:?}"
    );
    insta::assert_snapshot!("exit_no_movement", render(&s));
}

#[test]
fn exit_when_a_reset_misses_again() {
    let mut p = pilot();
    p.fixes = vec!["2 qualified opportunities of the 5 targeted: tighten the ICP brief".into()];
    let mut deals = good();
    deals[3].0.qualified = Some(false); // 4 of 5
    let s = state(&p, &pipeline(deals), "05-10");
    let r = recommend(&s);
    assert_eq!(r.decision, Decision::Exit, "{}", render(&s));
    assert_eq!(r.reasons[0], Reason::ResetMissed { fixes: 1 });
    insta::assert_snapshot!("exit_failed_reset", render(&s));
    // The same pilot meeting everything expands.
    assert_eq!(
        recommend(&state(&p, &pipeline(good()), "05-10")).decision,
        Decision::Expand
    );
}

#[test]
fn day_23_in_words() {
    // Asked on day 23, as if it ended today. Qualified: Nojudge + Q0 = 2 of
    // 2 expected (on track); moved: Nojudge and Rejected (03-10) = 2 of 2
    // expected, but 5 of 7 open deals stuck (in qualification since 02-20,
    // 03-02, 03-03, 03-06, 03-07: 31, 21, 20, 17, 16 days > 14) → behind;
    // actions: 2 of 17 owned, 1 completed → behind.
    let mut deals = qualified_mix(1);
    deals.extend(actions(2, 1, 17));
    let s = state(&pilot(), &pipeline(deals), "03-23");
    insta::assert_snapshot!("day_23", render(&s));
}

// ------------------------------------------------------- weekly review

#[test]
fn weekly_review_and_record() {
    let partner = Id::parse(PARTNER).unwrap();
    let mut p = pilot();
    let pipe = pipeline(vec![
        deal("Acme", "03-02").to(Discovery, "03-18"), // moved since the review
        deal("Bolt", "03-02")
            .to(Discovery, "03-05") // unmoved, 18 days > 14: stuck
            .acts(1, Side::Partner, false, Some("03-20")) // 3 days overdue
            .acts(1, Side::Ours, false, Some("03-23")), // due today: not overdue
        deal("Core", "03-02")
            .to(Proposal, "03-06")
            .to(Won, "03-19") // moved; closed: its actions are not listed
            .acts(1, Side::Unassigned, false, Some("03-10")),
        deal("Dune", "03-20").acts(1, Side::Unassigned, false, None), // new, unowned
        deal("Echo", "03-15").acts(1, Side::Unassigned, true, Some("03-10")), // done: not listed
    ]);
    // Recorded on 03-16: Acme in qualification, Bolt in discovery, Core in
    // proposal, Echo in qualification; Dune did not exist yet.
    p.reviews
        .push(record(&p, &pipe, &partner, d("03-16"), "first week"));
    assert_eq!(p.reviews[0].seen.len(), 4);

    let w = review(&p, &pipe, &partner, d("03-23"));
    insta::assert_snapshot!(
        "weekly_review",
        format!("{}\n{}", w.since_text(), w.lines().join("\n"))
    );
    assert_eq!(w.moved.len(), 3); // Acme, Core, Dune (new)
    assert_eq!(w.stuck.len(), 1); // Bolt
    assert_eq!(w.overdue.len(), 1); // Bolt's, 3 days
    assert_eq!(w.overdue[0].days_overdue, 3);
    assert_eq!(w.unowned.len(), 1); // Dune's

    // Recorded now, the next review sees no movement.
    p.reviews
        .push(record(&p, &pipe, &partner, d("03-23"), "second week"));
    let w = review(&p, &pipe, &partner, d("03-23"));
    assert!(w.moved.is_empty(), "{:?}", w.moved);
    assert_eq!(w.since_text(), "Since the review of 2026-03-23");
}

#[test]
fn a_first_review_sees_every_deal_as_new() {
    let pipe = pipeline(vec![deal("Acme", "03-02"), deal("Bolt", "03-03")]);
    let w = review(&pilot(), &pipe, &Id::parse(PARTNER).unwrap(), d("03-05"));
    assert_eq!(
        w.lines(),
        ["New: Acme, in Qualification", "New: Bolt, in Qualification"]
    );
}

/// A deal is on a pilot account when the account mapping's matching finds
/// its company among the pilot's accounts (by website, else by name).
#[test]
fn deals_are_linked_to_pilot_accounts_by_the_mapping_s_matching() {
    use partnerfit_core::overlap::normalize::Psl;
    use partnerfit_core::pilot::{accounts_of_deals, AccountSource, Pilot, PilotAccount};
    use partnerfit_core::pipeline::{Attribution, DealKind, Opportunity, Stage, StageEntry};
    use partnerfit_core::{Date, Id, Money};
    let day = Date::parse("2026-11-02").unwrap();
    let mut pilot = Pilot::new(day);
    for (name, domain) in [
        ("Elbe Containerdienst GmbH", "elbe-container.de"),
        ("Saxon Parts Supply GmbH", ""),
    ] {
        pilot.accounts.push(PilotAccount {
            name: name.into(),
            domain: domain.into(),
            source: AccountSource::Shared,
        });
    }
    let deal = |id: &str, account: &str, domain: &str| {
        std::sync::Arc::new(Opportunity {
            id: Id::parse(id).unwrap(),
            crm_id: String::new(),
            name: id.into(),
            account: account.into(),
            domain: domain.into(),
            partner: None,
            partner_text: String::new(),
            source: String::new(),
            attribution: Attribution::Direct,
            kind: DealKind::New,
            amount: Money(0),
            created: day,
            close: None,
            history: vec![StageEntry {
                stage: Stage::Qualification,
                date: day,
            }],
            qualified: None,
            next_actions: Vec::new(),
        })
    };
    let deals = [
        // By website, whatever the company is called in the CRM.
        deal("d-1", "Elbe Container", "https://www.elbe-container.de/"),
        // By name, folded (legal form and case).
        deal("d-2", "saxon parts supply", ""),
        // Neither.
        deal("d-3", "Oder Agrar Handel GmbH", "oder-agrar.de"),
    ];
    assert_eq!(
        accounts_of_deals(Psl::embedded(), &pilot.accounts, &deals),
        vec![Some(0), Some(1), None]
    );
}
