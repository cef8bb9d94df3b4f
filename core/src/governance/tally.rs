//! The one pass over the opportunities: every figure of the report is
//! summed here, for the program and for the partner a deal is attributed
//! to (found through a map, never by scanning the pipeline again).
//!
//! A deal's **closing day** is its close date when it is won or lost and
//! has one (a CRM export states when the deal closed, while the history
//! may only know the export's day), else the day it entered won or lost.

use rustc_hash::FxHashMap;

use super::pipeline::Reached;
use super::retention::Retention;
use super::split::{Amounts, Split};
use super::window::{Periods, Window};
use crate::date::Date;
use crate::id::Id;
use crate::money::Money;
use crate::overlap::normalize::name_key;
use crate::pipeline::{DealKind, Opportunity, Stage};
use crate::workspace::Workspace;

/// The day a won or lost deal closed (rule in the module doc).
pub fn closed_on(o: &Opportunity) -> Option<Date> {
    o.stage()
        .is_closed()
        .then(|| o.close.unwrap_or_else(|| o.stage_since()))
}

/// Sums for one partner, or for the whole program.
#[derive(Clone, Debug, Default)]
pub struct Group {
    /// Created in each period.
    pub created: Vec<Split<Amounts>>,
    /// The funnel of the deals created in the window.
    pub reached: Split<Reached>,
    /// Closed in the window.
    pub won: Split<Amounts>,
    pub lost: Split<Amounts>,
    /// Days from creation to closing of the deals won in the window.
    pub cycle_days: Split<Vec<u32>>,
    /// New business won and lost in the window (what the incentive model
    /// counts as deals; renewals are its retention).
    pub new_won: Amounts,
    pub new_lost: u32,
    pub retention: Retention,
    /// Deals attributed, of any date.
    pub deals: u32,
}

impl Group {
    fn new(periods: usize) -> Group {
        Group {
            created: vec![Split::default(); periods],
            ..Group::default()
        }
    }

    fn add(&mut self, o: &Opportunity, f: &Facts) {
        let a = o.attribution;
        self.deals += 1;
        if let Some(p) = f.period {
            self.created[p].get_mut(a).add(o.amount);
            self.reached.get_mut(a).add(o);
        }
        match f.closed {
            Some(Stage::Won) => {
                self.won.get_mut(a).add(o.amount);
                self.cycle_days.get_mut(a).push(f.cycle_days);
                if o.kind == DealKind::New {
                    self.new_won.add(o.amount);
                }
            }
            Some(_) => {
                self.lost.get_mut(a).add(o.amount);
                if o.kind == DealKind::New {
                    self.new_lost += 1;
                }
            }
            None => {}
        }
    }
}

/// What one deal contributes, worked out once.
struct Facts {
    period: Option<usize>,
    /// Won or lost, when closed in the window.
    closed: Option<Stage>,
    cycle_days: u32,
}

/// A renewal or expansion closed in the window, kept until every account's
/// partners are known.
struct Renewal {
    account: Option<u32>,
    partner: Option<usize>,
    is_partner: bool,
    kind: DealKind,
    won: bool,
    amount: Money,
}

/// Accounts by folded name: which are partner-influenced, and by whom.
#[derive(Default)]
struct Accounts<'a> {
    raw: FxHashMap<&'a str, Option<u32>>,
    keys: FxHashMap<String, u32>,
    partners: Vec<Vec<usize>>,
    influenced: Vec<bool>,
}

impl<'a> Accounts<'a> {
    /// The account named `name`; `None` for a name that folds to nothing
    /// (such a deal is an account of its own).
    fn of(&mut self, name: &'a str) -> Option<u32> {
        if let Some(&id) = self.raw.get(name) {
            return id;
        }
        let key = name_key(name);
        let id = (!key.is_empty()).then(|| {
            let next = self.keys.len() as u32;
            let id = *self.keys.entry(key).or_insert(next);
            if id == next {
                self.partners.push(Vec::new());
                self.influenced.push(false);
            }
            id
        });
        self.raw.insert(name, id);
        id
    }
}

/// Everything summed.
pub struct Tally<'a> {
    pub program: Group,
    /// The workspace's partners in order, then partner ids no partner has.
    pub ids: Vec<&'a Id>,
    pub partners: Vec<Group>,
    /// Renewals and expansions of partner-influenced accounts, and of the others.
    pub influenced_accounts: Retention,
    pub direct_accounts: Retention,
}

/// Sum the pipeline of `ws` over `window`, cut into `periods`.
pub fn tally<'a>(ws: &'a Workspace, window: &Window, periods: &Periods, n: usize) -> Tally<'a> {
    let mut ids: Vec<&Id> = ws.partners.iter().map(|p| &p.id).collect();
    let mut index: FxHashMap<&Id, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut partners: Vec<Group> = (0..ids.len()).map(|_| Group::new(n)).collect();
    let mut program = Group::new(n);
    let mut accounts = Accounts::default();
    let mut renewals = Vec::new();
    for o in &ws.pipeline.opportunities {
        let is_partner = o.attribution.is_partner();
        let partner = o.partner.as_ref().filter(|_| is_partner).map(|id| {
            *index.entry(id).or_insert_with(|| {
                ids.push(id);
                partners.push(Group::new(n));
                ids.len() - 1
            })
        });
        let closed = closed_on(o).filter(|d| window.contains(*d));
        let facts = Facts {
            period: window
                .contains(o.created)
                .then(|| periods.index(o.created))
                .flatten(),
            closed: closed.map(|_| o.stage()),
            cycle_days: closed.map_or(0, |d| {
                o.created.days_until(d).clamp(0, i64::from(u32::MAX)) as u32
            }),
        };
        program.add(o, &facts);
        if let Some(p) = partner {
            partners[p].add(o, &facts);
        }
        let renewal = o.kind != DealKind::New && closed.is_some();
        if is_partner || renewal {
            let account = accounts.of(&o.account);
            if let (Some(a), true) = (account, is_partner) {
                let a = a as usize;
                accounts.influenced[a] = true;
                if let Some(p) = partner.filter(|p| !accounts.partners[a].contains(p)) {
                    accounts.partners[a].push(p);
                }
            }
            if renewal {
                renewals.push(Renewal {
                    account,
                    partner,
                    is_partner,
                    kind: o.kind,
                    won: o.stage() == Stage::Won,
                    amount: o.amount,
                });
            }
        }
    }
    let (mut influenced, mut direct) = (Retention::default(), Retention::default());
    for r in &renewals {
        let (is_influenced, by) = match r.account {
            Some(a) => (
                accounts.influenced[a as usize],
                &accounts.partners[a as usize][..],
            ),
            None => (r.is_partner, r.partner.as_slice()),
        };
        let side = if is_influenced {
            &mut influenced
        } else {
            &mut direct
        };
        side.add(r.kind, r.won, r.amount);
        for &p in by {
            partners[p].retention.add(r.kind, r.won, r.amount);
        }
    }
    Tally {
        program,
        ids,
        partners,
        influenced_accounts: influenced.finished(),
        direct_accounts: direct.finished(),
    }
}

/// Sourced and influenced together.
pub fn partner_side<T: Copy>(s: &Split<T>, plus: impl Fn(T, T) -> T) -> T {
    plus(s.sourced, s.influenced)
}
