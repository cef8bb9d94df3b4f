//! A synthetic pipeline for the metrics budget: opportunities spread over
//! two years, at every stage, of every attribution and kind, attributed to
//! the workspace's partners (deterministic: the same [`Lcg`] sequence).

use std::sync::Arc;

use partnerfit_core::incentives::plan::Plan;
use partnerfit_core::pipeline::{Attribution, DealKind, Opportunity, Stage, StageEntry};
use partnerfit_core::{Date, Id, Money, Workspace};

use crate::Lcg;

/// The first day deals are created on; they spread over the two years
/// from here.
pub fn first_day() -> Date {
    Date::parse("2025-01-01").expect("valid date")
}

/// [`crate::workspace`] with `partners` partners, each with the starter
/// plan of its type, and `deals` opportunities over 2025 and 2026: 40 %
/// partner-sourced, 20 % influenced, 40 % direct; 70 % new business, 20 %
/// renewals, 10 % expansions; on 20,000 accounts.
pub fn pipeline_workspace(partners: usize, deals: usize, seed: u64) -> Workspace {
    let mut ws = crate::workspace(partners, seed);
    for p in &mut ws.partners {
        let p = Arc::make_mut(p);
        let plan = Id::parse(&format!("plan-{}", p.id)).expect("valid id");
        p.incentives.plans = vec![Plan::starter(plan, p.kind)];
    }
    let ids: Vec<Id> = ws.partners.iter().map(|p| p.id.clone()).collect();
    let mut rng = Lcg::new(seed ^ 0x5eed);
    let start = first_day();
    let opportunities = (0..deals)
        .map(|i| Arc::new(opportunity(i, &ids, start, &mut rng)))
        .collect();
    Arc::make_mut(&mut ws.pipeline).opportunities = opportunities;
    ws
}

fn opportunity(i: usize, partners: &[Id], start: Date, rng: &mut Lcg) -> Opportunity {
    let attribution = match rng.below(10) {
        0..=3 => Attribution::Sourced,
        4..=5 => Attribution::Influenced,
        _ => Attribution::Direct,
    };
    let kind = match rng.below(10) {
        0..=6 => DealKind::New,
        7..=8 => DealKind::Renewal,
        _ => DealKind::Expansion,
    };
    let created = start.add_days(rng.below(730) as i64);
    // Climb the ladder to a random place, then maybe close.
    let top = rng.below(5) as usize;
    let mut history = Vec::with_capacity(top + 2);
    let mut date = created;
    for stage in &Stage::OPEN[..=top] {
        history.push(StageEntry {
            stage: *stage,
            date,
        });
        date = date.add_days(3 + rng.below(20) as i64);
    }
    match rng.below(3) {
        0 => history.push(StageEntry {
            stage: Stage::Won,
            date,
        }),
        1 => history.push(StageEntry {
            stage: Stage::Lost,
            date,
        }),
        _ => {}
    }
    let account = rng.below(20_000);
    let partner = attribution
        .is_partner()
        .then(|| partners[rng.below(partners.len() as u64) as usize].clone());
    Opportunity {
        id: Id::parse(&format!("o-{i}")).expect("valid id"),
        crm_id: format!("{}", 9_000_000 + i),
        name: format!("Deal {i}"),
        account: format!("Company {account} GmbH"),
        domain: format!("company-{account}.example"),
        partner,
        partner_text: String::new(),
        source: String::new(),
        attribution,
        kind,
        amount: Money(100_000 + rng.below(5_000_000) as i64),
        created,
        close: None,
        history,
        qualified: None,
        next_actions: Vec::new(),
    }
}

/// [`pipeline_workspace`] as a running program: a third of the partners
/// active and a third in pilot (each with a pilot and a few hours of
/// enablement), the demo's tiers, and an owner with a target — what the
/// program view's budget speaks of.
pub fn program_workspace(partners: usize, deals: usize, seed: u64) -> Workspace {
    use partnerfit_core::partner::{Enablement, EnablementKind, Status};
    use partnerfit_core::pilot::Pilot;
    let mut ws = pipeline_workspace(partners, deals, seed);
    let start = Date::parse("2026-06-01").expect("valid date");
    for (i, p) in ws.partners.iter_mut().enumerate() {
        let p = Arc::make_mut(p);
        match i % 3 {
            0 => p.set_status(Status::Active, start),
            1 => {
                p.set_status(Status::Pilot, start);
                p.pilots.push(Pilot::new(start));
            }
            _ => continue,
        }
        p.enablement = (0..4)
            .map(|k| Enablement {
                date: start.add_days(30 * k),
                kind: EnablementKind::Training,
                minutes: 60 + 30 * k as u32,
                note: String::new(),
            })
            .collect();
    }
    ws.program.owner = "Mara Jensen".into();
    ws.program.target = Money(50_000_000);
    ws
}
