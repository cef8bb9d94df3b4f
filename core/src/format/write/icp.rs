//! The ICP section.

use crate::format::file::leaf::{Text, Whole};
use crate::format::file::{CommitteeMemberFile, DisqualifierFile, ExampleFile, IcpFile, SpanFile};
use crate::icp::{Icp, Span};

fn span<T: Copy, const MAX: i64>(
    s: &Span<T>,
    f: impl Fn(T) -> i64,
) -> SpanFile<Whole<i64, 0, MAX>> {
    SpanFile {
        min: s.min.map(|v| Whole(f(v))),
        max: s.max.map(|v| Whole(f(v))),
    }
}

fn texts<const MAX: usize>(list: &[String]) -> Vec<Text<MAX>> {
    list.iter().map(|s| Text(s.clone())).collect()
}

pub(super) fn icp(icp: &Icp) -> IcpFile {
    IcpFile {
        industries: texts(&icp.industries),
        sub_verticals: texts(&icp.sub_verticals),
        employees: span(&icp.employees, i64::from),
        annual_revenue_minor: span(&icp.annual_revenue, |m| m.minor()),
        pain_triggers: texts(&icp.pain_triggers),
        buying_committee: icp
            .committee
            .iter()
            .map(|m| CommitteeMemberFile {
                role: m.role,
                title: Text(m.title.clone()),
                notes: Text(m.notes.clone()),
            })
            .collect(),
        disqualifiers: icp
            .disqualifiers
            .iter()
            .map(|d| DisqualifierFile {
                id: d.id.clone(),
                kind: d.kind,
                text: Text(d.text.clone()),
                amount_minor: d.amount.map(|m| Whole(m.minor())),
            })
            .collect(),
        examples: icp
            .examples
            .iter()
            .map(|e| ExampleFile {
                name: Text(e.name.clone()),
                fit: e.fit,
                why: Text(e.why.clone()),
            })
            .collect(),
    }
}
