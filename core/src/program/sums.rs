//! One pass over the pipeline for a window: the program's figures and each
//! partner's, found through a map (never by scanning the pipeline per
//! partner). The counting rules are the governance metrics' (created by
//! creation day, closed by closing day: [`closed_on`]).

use rustc_hash::FxHashMap;

use crate::governance::split::{Amounts, Split};
use crate::governance::tally::closed_on;
use crate::governance::Window;
use crate::id::Id;
use crate::pipeline::Stage;
use crate::workspace::Workspace;

/// What a window holds, for the program or one partner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sums {
    /// Deals created in the window.
    pub created: Split<Amounts>,
    /// Deals won, and lost, closed in the window.
    pub won: Split<Amounts>,
    pub lost: Split<Amounts>,
}

impl Sums {
    /// Won partner deals (sourced and influenced).
    pub fn partner_won(&self) -> Amounts {
        self.won.sourced.plus(self.won.influenced)
    }

    /// Closed partner deals (sourced and influenced), won or lost.
    pub fn partner_closed(&self) -> u32 {
        self.partner_won().count + self.lost.sourced.count + self.lost.influenced.count
    }
}

/// The program's sums and each partner's, in the order of
/// `ws.partners` (a partner deal counts for the partner it names).
pub(crate) fn sums(ws: &Workspace, window: &Window) -> (Sums, Vec<Sums>) {
    let index = partner_index(ws);
    let mut partners = vec![Sums::default(); ws.partners.len()];
    let mut program = Sums::default();
    for o in &ws.pipeline.opportunities {
        let a = o.attribution;
        let at = o
            .partner
            .as_ref()
            .filter(|_| a.is_partner())
            .and_then(|id| index.get(id).copied());
        let created = window.contains(o.created);
        let closed = closed_on(o).filter(|d| window.contains(*d));
        if !created && closed.is_none() {
            continue;
        }
        for s in std::iter::once(&mut program).chain(at.map(|i| &mut partners[i])) {
            if created {
                s.created.get_mut(a).add(o.amount);
            }
            if closed.is_some() {
                match o.stage() {
                    Stage::Won => s.won.get_mut(a).add(o.amount),
                    _ => s.lost.get_mut(a).add(o.amount),
                }
            }
        }
    }
    (program, partners)
}

/// Each partner's position in `ws.partners`, by id.
pub(crate) fn partner_index(ws: &Workspace) -> FxHashMap<&Id, usize> {
    ws.partners
        .iter()
        .enumerate()
        .map(|(i, p)| (&p.id, i))
        .collect()
}
