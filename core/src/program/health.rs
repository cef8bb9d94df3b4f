//! The program health check: the seed's common mistakes, and a few more,
//! computed from the workspace. Each item passes or fails with its reason
//! (naming the partners or fields at fault, or why it passes) and the place
//! it is fixed at ([`FixAt`], which the app turns into a link).
//!
//! The checks, in order ("in the running" = not archived, not exited):
//! 1. **ICP disqualifiers**: the ICP lists at least one disqualifier.
//! 2. **Gates passed**: every partner in pilot or active (not archived) has
//!    the verdict "onboard to pilot"; one that does not fails the check,
//!    and one moved on against the verdict says so with its override.
//! 3. **Own type's rules**: every partner in the running is judged by gates
//!    set for its own type (the scorecard picks gates by the partner's
//!    type; a type without any gate is judged by no minimum at all) and is
//!    paid only with plans of its type (an incentive plan's terms are
//!    referral, services or resell).
//! 4. **Rules of engagement**: every active partner has a drafted motion.
//! 5. **Pilot targets and plays**: every partner in pilot has an undecided
//!    pilot with a non-zero target and at least one named play.
//! 6. **Big brands' focus**: no big-logo partner in the running has weak or
//!    unproven revenue focus (the verdict's warning: the "Revenue potential
//!    and focus" category below 3 or not fully rated, where "Evidence they
//!    can prioritize you" sits).
//! 7. **Enablement produces opportunities**: no partner (not archived) has
//!    enablement logged without a qualified opportunity, or hours growing
//!    while opportunities do not ([`super::enablement`]).
//! 8. **No inactive partners kept**: [`super::inactive`] lists none.
//! 9. **One owner for the number**: the program has an owner and a target.
//! 10. **QBRs scheduled**: every active partner has a quarterly business
//!     review in the rhythm.
//!
//! A check with nothing to judge passes and says so ("no active partners
//! yet"). The score is how many pass out of how many; [`record`] gives the
//! edit that keeps today's score in the history when it changed.

use std::collections::HashMap;

use serde::Serialize;

use super::enablement::{outcome, qualified_days};
use super::inactive::inactive;
use super::HealthPoint;
use crate::date::Date;
use crate::edit::program::ProgramEdit;
use crate::edit::Edit;
use crate::id::Id;
use crate::partner::{BrandSize, Partner, Status};
use crate::scorecard::config::ids::REVENUE_FOCUS;
use crate::scorecard::format_score;
use crate::scorecard::verdict::{evaluate_all, Evaluation, Verdict, Warning};
use crate::vocab::Vocabulary;
use crate::vocabulary;
use crate::words::count;
use crate::workspace::Workspace;

vocabulary! {
    /// The checks of the program health check, in order.
    pub enum Check ("health check") {
        IcpDisqualifiers = "icp_disqualifiers" / "The ICP has disqualifiers",
        GatesPassed = "gates_passed" / "Partners in pilot or active passed the gates",
        OwnTypeRules = "own_type_rules" / "Each partner is judged and paid by its own type's rules",
        RulesOfEngagement = "rules_of_engagement" / "Active partners have rules of engagement",
        PilotTargets = "pilot_targets" / "Pilots have targets and plays",
        BigBrandFocus = "big_brand_focus" / "Big brands show focus",
        EnablementOutcomes = "enablement_outcomes" / "Enablement produces opportunities",
        NoInactiveKept = "no_inactive_kept" / "No inactive partners kept",
        NumberOwner = "number_owner" / "One owner for the number, with a target",
        QbrScheduled = "qbr_scheduled" / "Active partners have a QBR scheduled",
    }
}

/// A part of the program's settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ProgramPart {
    Owner,
    Rhythm,
    Tiers,
    Plan,
}

/// A part of a partner's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum PartnerPart {
    Scorecard,
    Motion,
    Incentives,
    Pilot,
    Enablement,
    Status,
}

/// Where an item is fixed (the app maps it to a link).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum FixAt {
    Icp,
    Scorecard,
    /// The list of partners (a partner check with nobody at fault).
    Partners,
    Program(ProgramPart),
    /// The first partner at fault.
    Partner(Id, PartnerPart),
}

/// One check's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HealthItem {
    pub check: Check,
    pub pass: bool,
    /// Who or what is at fault, or why it passes.
    pub reason: String,
    pub fix: FixAt,
}

/// The whole check and its score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HealthCheck {
    pub items: Vec<HealthItem>,
    pub passing: u16,
    pub total: u16,
}

impl HealthCheck {
    /// The score as a point of the history on `today`.
    pub fn point(&self, today: Date) -> HealthPoint {
        HealthPoint {
            date: today,
            passing: self.passing,
            total: self.total,
        }
    }
}

/// Partners at fault: each with what is wrong, and where the first is fixed.
struct Faults {
    lines: Vec<String>,
    first: Option<(Id, PartnerPart)>,
}

impl Faults {
    fn new() -> Faults {
        Faults {
            lines: Vec::new(),
            first: None,
        }
    }

    fn add(&mut self, p: &Partner, part: PartnerPart, line: String) {
        self.first.get_or_insert_with(|| (p.id.clone(), part));
        self.lines.push(line);
    }

    fn add_at(&mut self, fix: (Id, PartnerPart), line: String) {
        self.first.get_or_insert(fix);
        self.lines.push(line);
    }

    /// The item: failing with the faults, or passing with `ok`.
    fn item(self, check: Check, ok: String) -> HealthItem {
        match self.first {
            Some((id, part)) => HealthItem {
                check,
                pass: false,
                reason: self.lines.join("; "),
                fix: FixAt::Partner(id, part),
            },
            None => HealthItem {
                check,
                pass: true,
                reason: ok,
                fix: FixAt::Partners,
            },
        }
    }
}

fn in_the_running(p: &Partner) -> bool {
    !p.archived && p.status() != Status::Exited
}

fn is(p: &Partner, s: Status) -> bool {
    !p.archived && p.status() == s
}

fn engaged(p: &Partner) -> bool {
    is(p, Status::Pilot) || is(p, Status::Active)
}

/// "2 active partners: all pass" or "No active partners yet", for checks
/// that pass.
fn partners(n: usize, one: &str, many: &str) -> String {
    if n == 0 {
        format!("No {many} yet")
    } else {
        format!("{}: all pass", count(n, one, many))
    }
}

/// The health check on `today` (checks in the module doc).
pub fn health(ws: &Workspace, today: Date) -> HealthCheck {
    let evals = evaluate_all(ws);
    let by_id: HashMap<&Id, &Evaluation> = evals.iter().map(|e| (&e.partner, e)).collect();
    let items = vec![
        icp(ws),
        gates(ws, &by_id),
        own_type(ws),
        rules(ws),
        pilots(ws),
        big_brands(ws, &by_id),
        enablement(ws, today),
        kept(ws, today),
        owner(ws),
        qbrs(ws),
    ];
    let passing = items.iter().filter(|i| i.pass).count() as u16;
    HealthCheck {
        total: items.len() as u16,
        passing,
        items,
    }
}

/// The edit recording today's score when it differs from the last one
/// recorded (none when it is the same, or a later day is already kept).
pub fn record(ws: &Workspace, today: Date) -> Option<Edit> {
    let point = health(ws, today).point(today);
    match ws.program.health.last() {
        Some(last) if last.date > today => None,
        Some(last) if last.passing == point.passing && last.total == point.total => None,
        _ => Some(Edit::Program(ProgramEdit::RecordHealth(point))),
    }
}

fn icp(ws: &Workspace) -> HealthItem {
    let n = ws
        .icp
        .disqualifiers
        .iter()
        .filter(|d| !d.text.trim().is_empty())
        .count();
    HealthItem {
        check: Check::IcpDisqualifiers,
        pass: n > 0,
        reason: if n > 0 {
            format!(
                "The ICP lists {}",
                count(n, "disqualifier", "disqualifiers")
            )
        } else {
            "The ICP has no disqualifiers: partners will send anything that vaguely matches".into()
        },
        fix: FixAt::Icp,
    }
}

fn gates(ws: &Workspace, evals: &HashMap<&Id, &Evaluation>) -> HealthItem {
    let mut f = Faults::new();
    let mut n = 0;
    for p in ws.partners.iter().filter(|p| engaged(p)) {
        n += 1;
        let Some(e) = evals.get(&p.id) else { continue };
        if e.verdict == Verdict::OnboardToPilot {
            continue;
        }
        let status = if p.status() == Status::Pilot {
            "in pilot"
        } else {
            "active"
        };
        let line = match &p.verdict_override {
            Some(o) => format!(
                "{} is {status} on an override of \u{201c}{}\u{201d} ({}: {})",
                p.name,
                e.verdict.label().to_lowercase(),
                o.date,
                o.reason
            ),
            None => format!(
                "{} is {status} with the verdict \u{201c}{}\u{201d}",
                p.name,
                e.verdict.label().to_lowercase()
            ),
        };
        f.add(p, PartnerPart::Scorecard, line);
    }
    f.item(
        Check::GatesPassed,
        partners(
            n,
            "partner in pilot or active",
            "partners in pilot or active",
        ),
    )
}

fn own_type(ws: &Workspace) -> HealthItem {
    let mut f = Faults::new();
    let mut n = 0;
    for p in ws.partners.iter().filter(|p| in_the_running(p)) {
        n += 1;
        let kind = p.kind.label();
        if ws.scorecard.gates.get(&p.kind).is_none_or(|g| g.is_empty()) {
            f.add(
                p,
                PartnerPart::Scorecard,
                format!(
                    "{} ({kind}) is judged without gates for its type: the scorecard sets none for {kind} partners",
                    p.name
                ),
            );
        }
        for plan in p.incentives.plans.iter().filter(|x| x.kind() != p.kind) {
            f.add(
                p,
                PartnerPart::Incentives,
                format!(
                    "{} ({kind}) is paid with the {} plan \u{201c}{}\u{201d}",
                    p.name,
                    plan.kind().label().to_lowercase(),
                    plan.name
                ),
            );
        }
    }
    f.item(
        Check::OwnTypeRules,
        partners(n, "partner in the running", "partners in the running"),
    )
}

fn rules(ws: &Workspace) -> HealthItem {
    let mut f = Faults::new();
    let mut n = 0;
    for p in ws.partners.iter().filter(|p| is(p, Status::Active)) {
        n += 1;
        if !p.motion.is_drafted() {
            f.add(
                p,
                PartnerPart::Motion,
                format!("{} is active without rules of engagement", p.name),
            );
        }
    }
    f.item(
        Check::RulesOfEngagement,
        partners(n, "active partner", "active partners"),
    )
}

fn pilots(ws: &Workspace) -> HealthItem {
    let mut f = Faults::new();
    let mut n = 0;
    for p in ws.partners.iter().filter(|p| is(p, Status::Pilot)) {
        n += 1;
        let Some(pilot) = p.pilot().filter(|x| x.decided.is_none()) else {
            f.add(
                p,
                PartnerPart::Pilot,
                format!("{} is in pilot without a pilot set up", p.name),
            );
            continue;
        };
        let mut missing = Vec::new();
        if pilot.targets.qualified == 0 && pilot.targets.progressed == 0 {
            missing.push("targets");
        }
        if !pilot.plays.iter().any(|x| !x.name.trim().is_empty()) {
            missing.push("plays");
        }
        if !missing.is_empty() {
            f.add(
                p,
                PartnerPart::Pilot,
                format!("{}'s pilot has no {}", p.name, missing.join(" and no ")),
            );
        }
    }
    f.item(
        Check::PilotTargets,
        partners(n, "partner in pilot", "partners in pilot"),
    )
}

fn big_brands(ws: &Workspace, evals: &HashMap<&Id, &Evaluation>) -> HealthItem {
    let mut f = Faults::new();
    let mut n = 0;
    let focus = ws
        .scorecard
        .category(&Id::parse(REVENUE_FOCUS).expect("a valid id"));
    for p in ws
        .partners
        .iter()
        .filter(|p| in_the_running(p) && p.brand == BrandSize::BigLogo)
    {
        n += 1;
        let Some(e) = evals.get(&p.id) else { continue };
        if !e.warnings.contains(&Warning::BigLogoWeakFocus) {
            continue;
        }
        let score = e
            .categories
            .iter()
            .find(|c| c.id.as_str() == REVENUE_FOCUS)
            .map(|c| {
                let mean = c.mean.map_or_else(|| "unrated".into(), format_score);
                let unrated: Vec<String> = focus
                    .map(|cat| {
                        cat.criteria
                            .iter()
                            .filter(|k| c.unrated.contains(&k.id))
                            .map(|k| format!("\u{201c}{}\u{201d}", k.text))
                            .collect()
                    })
                    .unwrap_or_default();
                match (c.mean, unrated.is_empty()) {
                    (_, true) => format!("{} {mean}, below 3", c.name),
                    (None, false) => format!("{} not rated: {}", c.name, unrated.join(", ")),
                    (Some(_), false) => {
                        format!("{} {mean}, not rated: {}", c.name, unrated.join(", "))
                    }
                }
            })
            .unwrap_or_default();
        f.add(
            p,
            PartnerPart::Scorecard,
            format!(
                "{} is a big logo with weak or unproven focus ({score})",
                p.name
            ),
        );
    }
    f.item(
        Check::BigBrandFocus,
        partners(n, "big-logo partner", "big-logo partners"),
    )
}

fn enablement(ws: &Workspace, today: Date) -> HealthItem {
    let mut f = Faults::new();
    let mut n = 0;
    let days = qualified_days(ws, today);
    for (p, q) in ws.partners.iter().zip(&days) {
        if p.archived || !p.enablement.iter().any(|e| e.date <= today) {
            continue;
        }
        n += 1;
        let o = outcome(p, q, today);
        if o.qualified == 0 {
            f.add(
                p,
                PartnerPart::Enablement,
                format!(
                    "{}: {} of enablement and no qualified opportunity",
                    p.name, o.hours_text
                ),
            );
        } else if o.flag.is_some() {
            f.add(
                p,
                PartnerPart::Enablement,
                format!(
                    "{}: enablement grew from {} to {} while qualified opportunities went from {} to {}",
                    p.name,
                    super::enablement::hours_text(o.previous.minutes),
                    super::enablement::hours_text(o.recent.minutes),
                    o.previous.qualified,
                    o.recent.qualified
                ),
            );
        }
    }
    f.item(
        Check::EnablementOutcomes,
        partners(n, "partner with enablement", "partners with enablement"),
    )
}

fn kept(ws: &Workspace, today: Date) -> HealthItem {
    let mut f = Faults::new();
    let n = ws.partners.iter().filter(|p| engaged(p)).count();
    for i in inactive(ws, today) {
        let what = i.evidence.last().cloned().unwrap_or_default();
        f.add_at(
            (i.partner.clone(), PartnerPart::Status),
            format!("{} is inactive: {}", i.name, what.to_lowercase()),
        );
    }
    f.item(
        Check::NoInactiveKept,
        partners(
            n,
            "partner in pilot or active",
            "partners in pilot or active",
        ),
    )
}

fn owner(ws: &Workspace) -> HealthItem {
    let p = &ws.program;
    let mut faults = Vec::new();
    if p.owner.trim().is_empty() {
        faults.push("Nobody owns the number".to_owned());
    }
    if p.target.0 <= 0 {
        faults.push("the number has no target per quarter".into());
    }
    HealthItem {
        check: Check::NumberOwner,
        pass: faults.is_empty(),
        reason: if faults.is_empty() {
            format!(
                "{} owns {}, with a target of {} a quarter",
                p.owner.trim(),
                p.number.label().to_lowercase(),
                p.target.display(ws.profile.currency)
            )
        } else {
            crate::words::capitalised(&faults.join("; "))
        },
        fix: FixAt::Program(ProgramPart::Owner),
    }
}

fn qbrs(ws: &Workspace) -> HealthItem {
    let active: Vec<&Partner> = ws
        .partners
        .iter()
        .filter(|p| is(p, Status::Active))
        .map(|p| &**p)
        .collect();
    let missing: Vec<&str> = active
        .iter()
        .filter(|p| ws.program.qbr_with(&p.id).is_none())
        .map(|p| p.name.as_str())
        .collect();
    HealthItem {
        check: Check::QbrScheduled,
        pass: missing.is_empty(),
        reason: if missing.is_empty() {
            partners(active.len(), "active partner", "active partners")
        } else {
            format!("No QBR scheduled with {}", missing.join(", "))
        },
        fix: FixAt::Program(ProgramPart::Rhythm),
    }
}
