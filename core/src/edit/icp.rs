//! Edits of the ICP: its lists, the size range, the buying committee, the
//! disqualifiers (removing one clears it from every partner) and the worked
//! examples.

use std::sync::Arc;

use super::check::{self, TextKind};
use super::rows::{Row, RowEdit};
use super::{Applied, EditError};
use crate::format::limits::MAX_EMPLOYEES;
use crate::icp::{CommitteeMember, Disqualifier, Example, Icp, Span};
use crate::money::Money;
use crate::words::count;
use crate::workspace::Workspace;

/// A list of short texts of the ICP, edited one item per line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IcpLines {
    Industries,
    SubVerticals,
    PainTriggers,
}

impl IcpLines {
    pub fn label(self) -> &'static str {
        match self {
            IcpLines::Industries => "Industries",
            IcpLines::SubVerticals => "Sub-verticals",
            IcpLines::PainTriggers => "Pain triggers",
        }
    }

    /// How long one line may be.
    pub fn kind(self) -> TextKind {
        match self {
            IcpLines::PainTriggers => TextKind::Long,
            _ => TextKind::Short,
        }
    }

    pub fn get(self, icp: &Icp) -> &[String] {
        match self {
            IcpLines::Industries => &icp.industries,
            IcpLines::SubVerticals => &icp.sub_verticals,
            IcpLines::PainTriggers => &icp.pain_triggers,
        }
    }

    fn slot(self, icp: &mut Icp) -> &mut Vec<String> {
        match self {
            IcpLines::Industries => &mut icp.industries,
            IcpLines::SubVerticals => &mut icp.sub_verticals,
            IcpLines::PainTriggers => &mut icp.pain_triggers,
        }
    }
}

/// One end of a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bound {
    From,
    To,
}

impl Bound {
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

/// The field names of a committee seat, numbered as the editor shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommitteeField {
    Role,
    Title,
    Notes,
}

impl CommitteeField {
    pub fn label(self, number: usize) -> String {
        match self {
            CommitteeField::Role => format!("Role {number}"),
            CommitteeField::Title => format!("Job title {number}"),
            CommitteeField::Notes => format!("Notes {number}"),
        }
    }
}

impl Row for CommitteeMember {
    const WHAT: &'static str = "committee member";
    fn check(&self, n: usize) -> Result<(), EditError> {
        check::text(
            || CommitteeField::Title.label(n),
            &self.title,
            TextKind::Short,
        )?;
        check::text(
            || CommitteeField::Notes.label(n),
            &self.notes,
            TextKind::Long,
        )
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

/// The field names of a worked example.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExampleField {
    Name,
    Fit,
    Why,
}

impl ExampleField {
    pub fn label(self, number: usize) -> String {
        match self {
            ExampleField::Name => format!("Example company {number}"),
            ExampleField::Fit => format!("Fit {number}"),
            ExampleField::Why => format!("Why {number}"),
        }
    }
}

impl Row for Example {
    const WHAT: &'static str = "example";
    fn check(&self, n: usize) -> Result<(), EditError> {
        check::text(|| ExampleField::Name.label(n), &self.name, TextKind::Short)?;
        check::text(|| ExampleField::Why.label(n), &self.why, TextKind::Long)
    }
    fn title(&self) -> String {
        self.name.clone()
    }
}

/// The field names of a disqualifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisqualifierField {
    Kind,
    Text,
    Amount,
}

impl DisqualifierField {
    pub fn label(self, number: usize) -> String {
        match self {
            DisqualifierField::Kind => format!("Kind {number}"),
            DisqualifierField::Text => format!("Disqualifier {number}"),
            DisqualifierField::Amount => format!("Budget floor {number}"),
        }
    }
}

impl Row for Disqualifier {
    const WHAT: &'static str = "disqualifier";
    fn check(&self, n: usize) -> Result<(), EditError> {
        check::text(
            || DisqualifierField::Text.label(n),
            &self.text,
            TextKind::Long,
        )?;
        if let Some(m) = self.amount {
            check::amount(|| DisqualifierField::Amount.label(n), m)?;
        }
        Ok(())
    }
    fn title(&self) -> String {
        crate::words::excerpt(&self.text)
    }
}

pub(super) fn apply(ws: &mut Workspace, edit: IcpEdit) -> Result<Applied, EditError> {
    match edit {
        IcpEdit::Lines(field, items) => {
            check::lines(field.label(), &items, field.kind())?;
            *field.slot(&mut ws.icp) = items;
            Ok(Applied::keyed(
                format!("edit {}", field.label().to_lowercase()),
                format!("icp:{field:?}"),
            ))
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
            if list.iter().any(|x| x.id == d.id) {
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
