//! Edits of the pipeline: opportunities entered, changed and removed by
//! hand, their stage, attribution, qualification and next actions, and the
//! expected days per stage. CRM exports come in through `Import`.
//!
//! Rules (the reader's): opportunity ids and CRM ids are unique, a deal's
//! partner is a partner of this workspace, a direct deal names no partner,
//! stage history stays in date order, amounts are within the file's range.

use std::sync::Arc;

use super::check::{self, TextKind};
use super::rows::{applied, RowEdit};
use super::take_in::{self, TakenIn};
use super::{Applied, EditError};
use crate::date::Date;
use crate::id::Id;
use crate::money::Money;
use crate::pipeline::import::DealRow;
use crate::pipeline::{Attribution, DealKind, NextAction, Opportunity, Pipeline, Stage};
use crate::vocab::Vocabulary;
use crate::workspace::Workspace;

pub use super::deal_fields::{OpportunityText, AMOUNT, CLOSE, CREATED, EXPECTED_DAYS, PARTNER};

crate::row_fields! {
    /// The fields of a next action on a deal.
    pub enum NextActionField for NextAction as "next action", titled text {
        Text = "Next action #" (Long => text),
        Owner = "Owner of next action #",
        Due = "Next action # due",
        Done = "Next action # done",
    }
}

/// A change to one opportunity.
#[derive(Clone, Debug, PartialEq)]
pub enum OpportunityEdit {
    Text(OpportunityText, String),
    Amount(Money),
    Created(Date),
    Close(Option<Date>),
    Kind(DealKind),
    /// Whose deal it is; a direct deal names no partner.
    Attribution(Attribution, Option<Id>),
    /// Moved to a stage on a day.
    Stage(Stage, Date),
    /// Judged against the motion's definition of qualified (`None`: not yet).
    Qualified(Option<bool>),
    NextActions(RowEdit<NextAction>),
}

/// A change to the pipeline.
#[derive(Clone, Debug, PartialEq)]
pub enum PipelineEdit {
    /// A deal entered by hand.
    Add(Opportunity),
    Remove(Id),
    Opportunity(Id, OpportunityEdit),
    /// Days expected in an open stage (`None`: back to the default).
    ExpectedDays(Stage, Option<u16>),
    /// A CRM export taken on `date`: its deals updated by CRM id, new ones
    /// added with ids seeded by `entropy` (see `pipeline::absorb`).
    Import {
        rows: Arc<Vec<DealRow>>,
        date: Date,
        file_name: String,
        entropy: u64,
    },
    /// The same, its rows taken in beforehand a slice at a time
    /// ([`TakingIn`](super::take_in::TakingIn)).
    TakeIn(Box<TakenIn>),
}

pub(super) fn apply(ws: &mut Workspace, edit: PipelineEdit) -> Result<Applied, EditError> {
    match edit {
        PipelineEdit::Add(o) => add(ws, o),
        PipelineEdit::Remove(id) => {
            let pipeline = Arc::make_mut(&mut ws.pipeline);
            let i = position(pipeline, &id)?;
            let o = pipeline.opportunities.remove(i);
            Ok(Applied::plain(format!("remove the deal {}", o.name)))
        }
        PipelineEdit::Opportunity(id, e) => {
            let i = position(&ws.pipeline, &id)?;
            let mut o = Opportunity::clone(&ws.pipeline.opportunities[i]);
            let done = change(ws, &mut o, e)?;
            Arc::make_mut(&mut ws.pipeline).opportunities[i] = Arc::new(o);
            Ok(done)
        }
        PipelineEdit::Import {
            rows,
            date,
            file_name,
            entropy,
        } => take_in::import(ws, &rows, date, &file_name, entropy),
        PipelineEdit::TakeIn(taken) => take_in::apply(ws, *taken),
        PipelineEdit::ExpectedDays(stage, days) => {
            if stage.is_closed() {
                return Err(EditError::invalid(
                    EXPECTED_DAYS,
                    "won and lost deals are not expected to move",
                ));
            }
            let pipeline = Arc::make_mut(&mut ws.pipeline);
            match days {
                Some(d) => {
                    check::within(|| EXPECTED_DAYS.into(), i64::from(d), 0, 3650)?;
                    pipeline.expected_days.insert(stage, d);
                }
                None => {
                    pipeline.expected_days.remove(&stage);
                }
            }
            Ok(Applied::keyed(
                format!(
                    "expect {} in {}",
                    crate::words::count(usize::from(pipeline.expected(stage)), "day", "days"),
                    stage.label().to_lowercase()
                ),
                format!("pipeline:days:{}", stage.key()),
            ))
        }
    }
}

fn position(pipeline: &Pipeline, id: &Id) -> Result<usize, EditError> {
    pipeline
        .opportunities
        .iter()
        .position(|o| &o.id == id)
        .ok_or_else(|| EditError::missing("deal", id))
}

fn add(ws: &mut Workspace, o: Opportunity) -> Result<Applied, EditError> {
    if ws
        .pipeline
        .opportunities
        .iter()
        .any(|x| x.id.collides(&o.id))
    {
        return Err(EditError::Duplicate {
            what: "deal",
            id: o.id.to_string(),
        });
    }
    if o.name.trim().is_empty() {
        return Err(EditError::invalid(
            OpportunityText::Name.label(),
            "give the deal a name",
        ));
    }
    if o.history.is_empty() || o.history.windows(2).any(|w| w[1].date < w[0].date) {
        return Err(EditError::invalid(
            "Stage",
            "stages must be in date order, at least one",
        ));
    }
    check::room("Deals", ws.pipeline.opportunities.len())?;
    for f in OpportunityText::ALL {
        check::text(|| f.label().into(), f.get(&o), f.kind())?;
    }
    for t in [&o.partner_text, &o.source] {
        check::text(|| PARTNER.into(), t, TextKind::Short)?;
    }
    check::amount(|| AMOUNT.into(), o.amount)?;
    check_crm_id(&ws.pipeline, &o.crm_id, &o.id)?;
    check_partner(ws, o.attribution, o.partner.as_ref())?;
    for (i, a) in o.next_actions.iter().enumerate() {
        super::rows::Row::check(a, i + 1)?;
    }
    let summary = format!("add the deal {}", o.name);
    Arc::make_mut(&mut ws.pipeline)
        .opportunities
        .push(Arc::new(o));
    Ok(Applied::plain(summary))
}

fn check_crm_id(pipeline: &Pipeline, crm_id: &str, own: &Id) -> Result<(), EditError> {
    if !crm_id.is_empty()
        && pipeline
            .opportunities
            .iter()
            .any(|o| o.crm_id == crm_id && &o.id != own)
    {
        return Err(EditError::invalid(
            OpportunityText::CrmId.label(),
            format!("another deal has the CRM id \u{201c}{crm_id}\u{201d}"),
        ));
    }
    Ok(())
}

fn check_partner(ws: &Workspace, a: Attribution, partner: Option<&Id>) -> Result<(), EditError> {
    match partner {
        Some(_) if a == Attribution::Direct => Err(EditError::invalid(
            PARTNER,
            "a direct deal names no partner",
        )),
        Some(id) if ws.partner(id).is_none() => Err(EditError::missing("partner", id)),
        _ => Ok(()),
    }
}

fn change(
    ws: &Workspace,
    o: &mut Opportunity,
    edit: OpportunityEdit,
) -> Result<Applied, EditError> {
    let key = |what: &str| format!("deal:{}:{what}", o.id);
    let name = o.name.clone();
    let of = |what: String| format!("{what} of {name}");
    Ok(match edit {
        OpportunityEdit::Text(f, text) => {
            if f == OpportunityText::CrmId {
                check_crm_id(&ws.pipeline, &text, &o.id)?;
            }
            if f == OpportunityText::Name && text.trim().is_empty() {
                return Err(EditError::invalid(f.label(), "give the deal a name"));
            }
            let k = key(&format!("{f:?}"));
            let done = super::fields::set_text(f.slot(o), text, f.label(), f.kind(), k)?;
            Applied {
                summary: of(done.summary),
                ..done
            }
        }
        OpportunityEdit::Amount(m) => {
            check::amount(|| AMOUNT.into(), m)?;
            o.amount = m;
            Applied::keyed(of("edit the amount".into()), key("amount"))
        }
        OpportunityEdit::Created(d) => {
            o.created = d;
            Applied::keyed(of(format!("set the creation day to {d}")), key("created"))
        }
        OpportunityEdit::Close(d) => {
            o.close = d;
            Applied::keyed(of("edit the close date".into()), key("close"))
        }
        OpportunityEdit::Kind(k) => {
            o.kind = k;
            Applied::plain(of(format!("make it {}", k.label().to_lowercase())))
        }
        OpportunityEdit::Attribution(a, partner) => {
            check_partner(ws, a, partner.as_ref())?;
            o.attribution = a;
            o.partner = partner;
            Applied::plain(of(format!("attribute it as {}", a.label().to_lowercase())))
        }
        OpportunityEdit::Stage(stage, date) => {
            o.enter(stage, date);
            Applied::plain(of(format!("move it to {}", stage.label().to_lowercase())))
        }
        OpportunityEdit::Qualified(q) => {
            o.qualified = q;
            Applied::plain(of(match q {
                Some(true) => "judge it qualified".into(),
                Some(false) => "judge it not qualified".into(),
                None => "clear the qualification judgment".into(),
            }))
        }
        OpportunityEdit::NextActions(e) => {
            let area = key("actions");
            let done = applied(e, &mut o.next_actions, &area)?;
            Applied {
                summary: of(done.summary),
                ..done
            }
        }
    })
}
