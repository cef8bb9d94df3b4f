//! What changed between two states of a workspace, in words: "partner
//! Northwind Integrations changed (ratings, notes)", "account list
//! crm.csv added". Shown beside a snapshot ("since then") before it is
//! restored.

use std::collections::BTreeMap;
use std::fmt;

use crate::id::Id;
use crate::merge::partner_differences;
use crate::partner::Partner;
use crate::workspace::Workspace;

/// One difference between an earlier state and now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Our company (name, website, currency, answers).
    Company(Vec<&'static str>),
    Icp,
    Scorecard,
    PartnerAdded(String),
    PartnerRemoved(String),
    PartnerChanged {
        name: String,
        what: Vec<&'static str>,
    },
    ListAdded(String),
    ListRemoved(String),
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Company(what) => write!(f, "our company changed ({})", what.join(", ")),
            Change::Icp => f.write_str("the ICP changed"),
            Change::Scorecard => f.write_str("the scorecard changed"),
            Change::PartnerAdded(n) => write!(f, "partner {n} added"),
            Change::PartnerRemoved(n) => write!(f, "partner {n} deleted"),
            Change::PartnerChanged { name, what } => {
                write!(f, "partner {name} changed ({})", what.join(", "))
            }
            Change::ListAdded(s) => write!(f, "account list {s} added"),
            Change::ListRemoved(s) => write!(f, "account list {s} removed"),
        }
    }
}

/// What changed from `then` to `now`, companies first, then the ICP, the
/// scorecard, partners (in `now`'s order, then the deleted ones) and lists.
pub fn changes(then: &Workspace, now: &Workspace) -> Vec<Change> {
    let mut out = Vec::new();
    let (a, b) = (&then.profile, &now.profile);
    let company: Vec<&'static str> = [
        (a.name != b.name, "name"),
        (a.website != b.website, "website"),
        (a.currency != b.currency, "currency"),
        (a.answers != b.answers, "answers to the alignment questions"),
    ]
    .into_iter()
    .filter_map(|(differs, what)| differs.then_some(what))
    .collect();
    if !company.is_empty() {
        out.push(Change::Company(company));
    }
    if then.icp != now.icp {
        out.push(Change::Icp);
    }
    if then.scorecard != now.scorecard {
        out.push(Change::Scorecard);
    }
    let before: BTreeMap<&Id, &Partner> = then.partners.iter().map(|p| (&p.id, &**p)).collect();
    for p in &now.partners {
        match before.get(&p.id) {
            None => out.push(Change::PartnerAdded(p.name.clone())),
            Some(old) if *old != &**p => out.push(Change::PartnerChanged {
                name: p.name.clone(),
                what: partner_differences(old, p),
            }),
            Some(_) => {}
        }
    }
    for p in &then.partners {
        if now.partner(&p.id).is_none() {
            out.push(Change::PartnerRemoved(p.name.clone()));
        }
    }
    for l in &now.account_lists {
        if then.list(&l.id).is_none() {
            out.push(Change::ListAdded(l.source.clone()));
        }
    }
    for l in &then.account_lists {
        if now.list(&l.id).is_none() {
            out.push(Change::ListRemoved(l.source.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, PartnerEdit, PartnerText};

    #[test]
    fn changes_read_as_sentences() {
        let then = crate::demo::demo();
        let mut now = then.clone();
        let id = |s: &str| Id::parse(s).unwrap();
        now.apply(Edit::partner(
            &id("p-atlas"),
            PartnerEdit::Text(PartnerText::Notes, "Called.".into()),
        ))
        .unwrap();
        now.apply(Edit::RemovePartner(id("p-northwind"))).unwrap();
        let text: Vec<String> = changes(&then, &now).iter().map(|c| c.to_string()).collect();
        assert_eq!(
            text,
            [
                "partner Atlas Software Distribution changed (notes)",
                "partner Northwind Integrations deleted",
                "account list northwind-salesforce.csv removed",
            ]
        );
        assert!(changes(&then, &then).is_empty());
    }
}
