//! The ICP section: spans in order, disqualifier ids unique.

use super::converted;
use super::lists::{ids, ids_of, unique, Ids, Known};
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::icp::partial;
use crate::format::file::reader::{Part, PartialOf, ReadJson};
use crate::format::file::{CommitteeMemberFile, DisqualifierFile, ExampleFile, IcpFile, SpanFile};
use crate::format::file_form::{file_form, FromFile};
use crate::icp::{CommitteeMember, Disqualifier, Example, Icp, Span};

file_form! {
    // Written field by field; read below (spans, disqualifier ids).
    Icp => IcpFile {
        industries, sub_verticals, employees, annual_revenue_minor: annual_revenue, pain_triggers,
        buying_committee: committee, disqualifiers, examples,
    }
    CommitteeMember = CommitteeMemberFile { role, title, notes }
    Disqualifier = DisqualifierFile { id, kind, text, amount_minor: amount }
    Example = ExampleFile { name, fit, why }
}

const IDS: Ids<DisqualifierFile> = ids_of!(DisqualifierFile, "disqualifier");

/// The ids of the disqualifiers that could be read.
pub(super) fn disqualifier_ids(icp: &Part<IcpFile>) -> Known {
    ids(&icp.as_partial()?.disqualifiers, &IDS)
}

pub(super) fn icp(p: PartialOf<IcpFile>, at: &Place) -> Option<Icp> {
    let partial::IcpFile {
        industries,
        sub_verticals,
        employees,
        annual_revenue_minor,
        pain_triggers,
        buying_committee,
        disqualifiers,
        examples,
    } = p;
    let employees = span(employees, &at.key(file_key!(IcpFile, employees)));
    let revenue = span(
        annual_revenue_minor,
        &at.key(file_key!(IcpFile, annual_revenue_minor)),
    );
    let disqualifiers = unique(
        disqualifiers,
        &at.key(file_key!(IcpFile, disqualifiers)),
        &IDS,
        |d, _| converted(d),
    );
    Some(Icp {
        industries: converted(industries)?,
        sub_verticals: converted(sub_verticals)?,
        employees: employees?,
        annual_revenue: revenue?,
        pain_triggers: converted(pain_triggers)?,
        committee: converted(buying_committee)?,
        disqualifiers: disqualifiers?,
        examples: converted(examples)?,
    })
}

/// A span whose ends, when both are given, are in order.
fn span<T: ReadJson, D>(span: Part<SpanFile<T>>, at: &Place) -> Option<Span<D>>
where
    Span<D>: FromFile<SpanFile<T>>,
    D: Copy + PartialOrd,
{
    let span: Span<D> = converted(span)?;
    if span.is_inverted() {
        at.report("min is larger than max");
        return None;
    }
    Some(span)
}
