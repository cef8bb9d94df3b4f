//! Edits of the ICP: its lists, the size range, the buying committee, the
//! disqualifiers (removing one clears it from every partner) and the worked
//! examples.

use std::sync::Arc;

use super::check;
use super::fields::set_lines;
use super::rows::RowEdit;
use super::{Applied, EditError};
use crate::format::limits::MAX_EMPLOYEES;
use crate::icp::{CommitteeMember, Disqualifier, Example, Icp, Span};
use crate::money::Money;
use crate::words::count;
use crate::workspace::Workspace;

crate::fields! {
    /// A list of texts of the ICP, edited one item per line (`kind`: how
    /// long one line may be).
    pub enum IcpLines in Icp => Vec<String> {
        Industries = "Industries", Short => industries,
        SubVerticals = "Sub-verticals", Short => sub_verticals,
        PainTriggers = "Pain triggers", Long => pain_triggers,
    }
}

/// One end of a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bound {
    From,
    To,
}

impl Bound {
    /// This end of `span`.
    pub fn of<T: Copy>(self, span: Span<T>) -> Option<T> {
        match self {
            Bound::From => span.min,
            Bound::To => span.max,
        }
    }

    fn word(self) -> &'static str {
        match self {
            Bound::From => "from",
            Bound::To => "to",
        }
    }
}

/// The company size range of the ICP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SizeField {
    Employees(Bound),
    Revenue(Bound),
}

impl SizeField {
    pub fn label(self) -> String {
        match self {
            SizeField::Employees(b) => format!("Employees {}", b.word()),
            SizeField::Revenue(b) => format!("Annual revenue {}", b.word()),
        }
    }
}

/// A change to the ICP.
#[derive(Clone, Debug, PartialEq)]
pub enum IcpEdit {
    Lines(IcpLines, Vec<String>),
    Employees(Bound, Option<u32>),
    Revenue(Bound, Option<Money>),
    Committee(RowEdit<CommitteeMember>),
    Examples(RowEdit<Example>),
    /// Removing a disqualifier clears it from every partner it hit.
    Disqualifiers(RowEdit<Disqualifier>),
}

crate::row_fields! {
    /// The fields of a seat of the buying committee.
    pub enum CommitteeField for CommitteeMember as "committee member", titled title {
        Role = "Role #",
        Title = "Job title #" (Short => title),
        Notes = "Notes #" (Long => notes),
    }
}

crate::row_fields! {
    /// The fields of a worked example.
    pub enum ExampleField for Example as "example", titled name {
        Name = "Example company #" (Short => name),
        Fit = "Fit #",
        Why = "Why #" (Long => why),
    }
}

crate::row_fields! {
    /// The fields of a disqualifier.
    pub enum DisqualifierField for Disqualifier as "disqualifier", titled text {
        Kind = "Kind #",
        Text = "Disqualifier #" (Long => text),
        Amount = "Budget floor #",
    }
    also budget_floor
}

/// A disqualifier's budget floor is an amount the file keeps.
fn budget_floor(d: &Disqualifier, n: usize) -> Result<(), EditError> {
    match d.amount {
        Some(m) => check::amount(|| DisqualifierField::Amount.label(n), m),
        None => Ok(()),
    }
}

pub(super) fn apply(ws: &mut Workspace, edit: IcpEdit) -> Result<Applied, EditError> {
    match edit {
        IcpEdit::Lines(f, items) => {
            let key = format!("icp:{f:?}");
            set_lines(f.slot(&mut ws.icp), items, f.label(), f.kind(), key)
        }
        IcpEdit::Employees(bound, n) => {
            if let Some(n) = n {
                check::within(
                    || SizeField::Employees(bound).label(),
                    i64::from(n),
                    0,
                    i64::from(MAX_EMPLOYEES),
                )?;
            }
            let span = with_bound(ws.icp.employees, bound, n);
            check_span(span, SizeField::Employees(bound))?;
            ws.icp.employees = span;
            Ok(size_done(SizeField::Employees(bound)))
        }
        IcpEdit::Revenue(bound, m) => {
            if let Some(m) = m {
                check::amount(|| SizeField::Revenue(bound).label(), m)?;
            }
            let span = with_bound(ws.icp.annual_revenue, bound, m);
            check_span(span, SizeField::Revenue(bound))?;
            ws.icp.annual_revenue = span;
            Ok(size_done(SizeField::Revenue(bound)))
        }
        IcpEdit::Committee(e) => super::rows::applied(e, &mut ws.icp.committee, "icp:committee"),
        IcpEdit::Examples(e) => super::rows::applied(e, &mut ws.icp.examples, "icp:examples"),
        IcpEdit::Disqualifiers(e) => disqualifiers(ws, e),
    }
}

fn with_bound<T: Copy>(span: Span<T>, bound: Bound, v: Option<T>) -> Span<T> {
    match bound {
        Bound::From => Span { min: v, ..span },
        Bound::To => Span { max: v, ..span },
    }
}

fn check_span<T: Copy + PartialOrd>(span: Span<T>, field: SizeField) -> Result<(), EditError> {
    if span.is_inverted() {
        let other = match field {
            SizeField::Employees(Bound::From) => SizeField::Employees(Bound::To),
            SizeField::Employees(Bound::To) => SizeField::Employees(Bound::From),
            SizeField::Revenue(Bound::From) => SizeField::Revenue(Bound::To),
            SizeField::Revenue(Bound::To) => SizeField::Revenue(Bound::From),
        };
        return Err(EditError::invalid(
            field.label(),
            format!(
                "\"from\" would be larger than \"to\": change {} first",
                other.label().to_lowercase()
            ),
        ));
    }
    Ok(())
}

fn size_done(field: SizeField) -> Applied {
    Applied::keyed(
        format!("edit {}", field.label().to_lowercase()),
        format!("icp:{field:?}"),
    )
}

fn disqualifiers(ws: &mut Workspace, e: RowEdit<Disqualifier>) -> Result<Applied, EditError> {
    let list = &ws.icp.disqualifiers;
    match &e {
        RowEdit::Add(d) => {
            if list.iter().any(|x| x.id.collides(&d.id)) {
                return Err(EditError::Duplicate {
                    what: "disqualifier",
                    id: d.id.to_string(),
                });
            }
        }
        RowEdit::Set(i, d) => {
            if list.get(*i).is_some_and(|x| x.id != d.id) {
                return Err(EditError::invalid(
                    DisqualifierField::Text.label(i + 1),
                    "a disqualifier keeps its id",
                ));
            }
        }
        RowEdit::Remove(_) | RowEdit::Move { .. } => {}
    }
    let gone = match &e {
        RowEdit::Remove(i) => list.get(*i).map(|d| d.id.clone()),
        _ => None,
    };
    let mut done = super::rows::applied(e, &mut ws.icp.disqualifiers, "icp:disqualifiers")?;
    if let Some(id) = gone {
        let mut cleared = 0;
        for p in &mut ws.partners {
            if p.disqualifier_hits.contains(&id) {
                Arc::make_mut(p).disqualifier_hits.remove(&id);
                cleared += 1;
            }
        }
        if cleared > 0 {
            done.summary = format!(
                "{} — clears {}",
                done.summary,
                count(cleared, "partner flag", "partner flags")
            );
        }
    }
    Ok(done)
}
