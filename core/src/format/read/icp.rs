//! The ICP section: spans in order, disqualifier ids unique.

use std::collections::BTreeSet;

use super::{duplicates, every, ids, texts};
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::icp::partial;
use crate::format::file::leaf::Whole;
use crate::format::file::reader::{Part, PartialOf};
use crate::format::file::{CommitteeMemberFile, DisqualifierFile, ExampleFile, IcpFile, SpanFile};
use crate::icp::{CommitteeMember, Disqualifier, Example, Icp, Span};
use crate::id::Id;
use crate::money::Money;

/// The ids of the disqualifiers that could be read.
pub(super) fn disqualifier_ids(icp: &Part<IcpFile>) -> Option<BTreeSet<Id>> {
    ids(&icp.as_partial()?.disqualifiers, |d| d.id.as_partial())
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
    let employees = span(employees, &at.key(file_key!(IcpFile, employees))).map(|s| Span {
        min: s.min.map(|v| v as u32),
        max: s.max.map(|v| v as u32),
    });
    let revenue = span(
        annual_revenue_minor,
        &at.key(file_key!(IcpFile, annual_revenue_minor)),
    )
    .map(|s| Span {
        min: s.min.map(Money),
        max: s.max.map(Money),
    });
    let dq_at = at.key(file_key!(IcpFile, disqualifiers));
    let disqualifiers = disqualifiers.partial().and_then(|list| {
        duplicates(
            &dq_at,
            "disqualifier",
            file_key!(DisqualifierFile, id),
            list.iter().map(|d| d.as_partial()?.id.as_partial()),
        );
        every(list.into_iter().map(|d| d.whole().map(disqualifier)))
    });
    Some(Icp {
        industries: texts(industries)?,
        sub_verticals: texts(sub_verticals)?,
        employees: employees?,
        annual_revenue: revenue?,
        pain_triggers: texts(pain_triggers)?,
        committee: buying_committee
            .whole()?
            .into_iter()
            .map(committee_member)
            .collect(),
        disqualifiers: disqualifiers?,
        examples: examples.whole()?.into_iter().map(example).collect(),
    })
}

/// A span whose ends, when both are given, are in order.
fn span<const MAX: i64>(span: Part<SpanFile<Whole<i64, 0, MAX>>>, at: &Place) -> Option<Span<i64>> {
    let SpanFile { min, max } = span.whole()?;
    let span = Span {
        min: min.map(|v| v.0),
        max: max.map(|v| v.0),
    };
    if span.is_inverted() {
        at.report("min is larger than max");
        return None;
    }
    Some(span)
}

fn committee_member(m: CommitteeMemberFile) -> CommitteeMember {
    let CommitteeMemberFile { role, title, notes } = m;
    CommitteeMember {
        role,
        title: title.0,
        notes: notes.0,
    }
}

fn disqualifier(d: DisqualifierFile) -> Disqualifier {
    let DisqualifierFile {
        id,
        kind,
        text,
        amount_minor,
    } = d;
    Disqualifier {
        id,
        kind,
        text: text.0,
        amount: amount_minor.map(|m| Money(m.0)),
    }
}

fn example(e: ExampleFile) -> Example {
    let ExampleFile { name, fit, why } = e;
    Example {
        name: name.0,
        fit,
        why: why.0,
    }
}
