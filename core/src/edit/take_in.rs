//! Taking a CRM export's deals in (`PipelineEdit::Import`), whole or a
//! slice at a time.
//!
//! Rules: every row is checked as the reader would check the deal it
//! makes (texts within their length, amounts within range, a named partner
//! one of the workspace's, a direct deal naming none), then absorbed
//! (`pipeline::absorb`); the pipeline must still have room and the
//! workspace still fit in a file.
//!
//! [`TakingIn`] does the work in steps of a few thousand rows: the checks,
//! the absorbing, then counting what the resulting opportunities (the
//! pipeline's and the new ones) add to the file (`format::size`). Its result is an edit, [`TakenIn`], applied like any
//! other: it takes effect only if the pipeline is still the one the work
//! started from and the partners the rows name are all still there, so an
//! edit made meanwhile is never lost. The command line takes an export in
//! whole through the same steps.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::check::{self, TextKind};
use super::deal_fields::{OpportunityText, AMOUNT, PARTNER};
use super::{Applied, EditError};
use crate::date::Date;
use crate::format::size::{known, Records};
use crate::id::Id;
use crate::pipeline::absorb::{Absorbed, Absorbing};
use crate::pipeline::import::DealRow;
use crate::pipeline::{Attribution, Pipeline};
use crate::words::count;
use crate::workspace::Workspace;

/// An export's deals, taken in: the pipeline they make of the one they
/// were taken into.
#[derive(Clone, Debug, PartialEq)]
pub struct TakenIn {
    /// The pipeline the rows were taken into (compared by pointer).
    from: Arc<Pipeline>,
    absorbed: Arc<Pipeline>,
    taken: crate::pipeline::ExportTaken,
    file_name: String,
    /// The partners the rows name.
    partners: BTreeSet<Id>,
}

/// Where a [`TakingIn`] stands.
#[derive(Clone, Copy, Debug)]
enum Phase {
    Checking { next: usize },
    Absorbing,
    Counting { next: usize, records: Records },
}

/// An export's rows being checked, absorbed and counted, a few thousand at
/// a time (see the module's rules).
pub struct TakingIn<'a> {
    ws: &'a Workspace,
    rows: &'a [DealRow],
    file_name: &'a str,
    absorbing: Absorbing<'a>,
    partners: BTreeSet<Id>,
    phase: Phase,
}

impl<'a> TakingIn<'a> {
    /// Start taking `rows` (an export taken on `date`, named `file_name`)
    /// into `ws`'s pipeline; `entropy` seeds the new deals' ids.
    pub fn new(
        ws: &'a Workspace,
        rows: &'a [DealRow],
        date: Date,
        file_name: &'a str,
        entropy: u64,
    ) -> Result<Self, EditError> {
        check::text(|| "File name".into(), file_name, TextKind::Short)?;
        Ok(TakingIn {
            ws,
            rows,
            file_name,
            absorbing: Absorbing::new(&ws.pipeline, rows, date, file_name, entropy),
            partners: BTreeSet::new(),
            phase: Phase::Checking { next: 0 },
        })
    }

    /// Work done and in all (rows checked, rows absorbed, deals counted).
    pub fn progress(&self) -> (usize, usize) {
        let rows = self.rows.len();
        let deals = self.absorbing.opportunities().len();
        let done = match self.phase {
            Phase::Checking { next } => next,
            Phase::Absorbing => rows + self.absorbing.progress().0,
            Phase::Counting { next, .. } => 2 * rows + next,
        };
        (done, (2 * rows + deals).max(1))
    }

    /// Take up to `n` more steps (a row checked or absorbed, a deal
    /// counted); `Ok(false)` once the work is done, `Err` for a row the
    /// reader would refuse.
    pub fn step(&mut self, n: usize) -> Result<bool, EditError> {
        match &mut self.phase {
            Phase::Checking { next } => {
                let end = next.saturating_add(n).min(self.rows.len());
                for r in &self.rows[*next..end] {
                    check_row(self.ws, r)?;
                    self.partners.extend(r.partner.clone());
                }
                *next = end;
                if end == self.rows.len() {
                    self.phase = Phase::Absorbing;
                }
            }
            Phase::Absorbing => {
                if !self.absorbing.step(n) {
                    self.phase = Phase::Counting {
                        next: 0,
                        records: Records::default(),
                    };
                }
            }
            Phase::Counting { next, records } => {
                let all = self.absorbing.opportunities();
                let end = next.saturating_add(n).min(all.len());
                records.add_opportunities(&all[*next..end]);
                *next = end;
                return Ok(end < all.len());
            }
        }
        Ok(true)
    }

    /// The edit that takes the rows in (every step done: else the
    /// remaining ones are done here).
    pub fn finish(mut self) -> Result<TakenIn, EditError> {
        while self.step(usize::MAX)? {}
        let Phase::Counting { records, .. } = self.phase else {
            unreachable!("every step is done")
        };
        let Absorbed { pipeline, taken } = self.absorbing.finish();
        let absorbed = Arc::new(pipeline);
        known::remember_opportunities(&absorbed, records);
        Ok(TakenIn {
            from: Arc::clone(&self.ws.pipeline),
            absorbed,
            taken,
            file_name: self.file_name.to_owned(),
            partners: self.partners,
        })
    }
}

impl TakenIn {
    /// The pipeline the deals make.
    pub fn pipeline(&self) -> &Arc<Pipeline> {
        &self.absorbed
    }

    /// Whether a deal was created or updated (else the edit changes
    /// nothing).
    pub fn changes_anything(&self) -> bool {
        self.taken.created > 0 || self.taken.updated > 0
    }
}

/// A row checked as the reader would check the deal it makes.
fn check_row(ws: &Workspace, r: &DealRow) -> Result<(), EditError> {
    let at = |label: &str| format!("line {}: {label}", r.line);
    for (label, text) in [
        (OpportunityText::Name.label(), &r.name),
        (OpportunityText::Account.label(), &r.account),
        (OpportunityText::Domain.label(), &r.domain),
        (OpportunityText::CrmId.label(), &r.crm_id),
        (PARTNER, &r.partner_text),
        ("Source", &r.source),
    ] {
        check::text(|| at(label), text, TextKind::Short)?;
    }
    check::amount(|| at(AMOUNT), r.amount)?;
    if let Some(id) = &r.partner {
        if r.attribution == Attribution::Direct || ws.partner(id).is_none() {
            return Err(EditError::invalid(
                at(PARTNER),
                format!("\"{id}\" is no longer in this workspace"),
            ));
        }
    }
    Ok(())
}

/// Take the rows in whole.
pub(super) fn import(
    ws: &mut Workspace,
    rows: &[DealRow],
    date: Date,
    file_name: &str,
    entropy: u64,
) -> Result<Applied, EditError> {
    let taken = TakingIn::new(ws, rows, date, file_name, entropy)?.finish()?;
    apply(ws, taken)
}

/// Apply an export taken in: only over the pipeline it was taken into,
/// with every partner its rows name.
pub(super) fn apply(ws: &mut Workspace, t: TakenIn) -> Result<Applied, EditError> {
    if !Arc::ptr_eq(&ws.pipeline, &t.from) {
        return Err(EditError::invalid(
            "Deals",
            format!(
                "the deals changed while {} was being taken in: take it in again",
                t.file_name
            ),
        ));
    }
    if let Some(gone) = t.partners.iter().find(|id| ws.partner(id).is_none()) {
        return Err(EditError::invalid(
            PARTNER,
            format!("\"{gone}\" is no longer in this workspace"),
        ));
    }
    let taken = &t.taken;
    if !t.changes_anything() {
        return Ok(Applied::plain(format!(
            "take in {} — nothing changed",
            t.file_name
        )));
    }
    check::room("Deals", t.absorbed.opportunities.len().saturating_sub(1))?;
    let before = std::mem::replace(&mut ws.pipeline, Arc::clone(&t.absorbed));
    if let Err(e) = crate::format::check_size(ws) {
        ws.pipeline = before;
        return Err(EditError::TooLarge(e));
    }
    Ok(Applied::plain(format!(
        "take in {} — new: {}, updated: {}",
        t.file_name,
        count(taken.created as usize, "deal", "deals"),
        count(taken.updated as usize, "deal", "deals")
    )))
}
