//! Edits of a partner's account mapping: signals, notes, match decisions,
//! the account map for the pilot, and the figures the verdict uses.

use super::check::{self, TextKind};
use super::rows::{Row, RowEdit};
use super::{Applied, EditError};
use crate::overlap::account::ListOwner;
use crate::overlap::assessment::{MappedAccount, Measured, Signal};
use crate::overlap::figures::{Decision, MatchDecision};
use crate::partner::Partner;
use crate::vocab::Vocabulary;
use crate::workspace::Workspace;

/// The label of the notes on the overlap.
pub const NOTES: &str = "Notes on the overlap";

/// A change to a partner's account mapping.
#[derive(Clone, Debug, PartialEq)]
pub enum OverlapEdit {
    /// Tick or untick a healthy or risky signal.
    Signal(Signal, bool),
    Notes(String),
    /// Confirm or reject a proposed match (`None`: undecided again). Accounts
    /// are named by their identity (domain key, or "name|country").
    Decide {
        ours: String,
        theirs: String,
        decision: Option<Decision>,
    },
    /// The account map, row by row.
    Map(RowEdit<MappedAccount>),
    /// Put an account on the map (from a match); refused if it is there.
    MapAccount(MappedAccount),
    /// Use these figures in the verdict (`None`: forget them).
    Measured(Option<Measured>),
}

/// The field names of a mapped account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MappedField {
    Name,
    Relationships,
    Initiatives,
    Influence,
    EntryPoint,
}

impl MappedField {
    pub const ALL: [MappedField; 5] = [
        MappedField::Name,
        MappedField::Relationships,
        MappedField::Initiatives,
        MappedField::Influence,
        MappedField::EntryPoint,
    ];

    pub fn label(self, number: usize) -> String {
        let what = match self {
            MappedField::Name => "Account",
            MappedField::Relationships => "Known relationships",
            MappedField::Initiatives => "Current initiatives",
            MappedField::Influence => "Who owns influence",
            MappedField::EntryPoint => "Their entry point",
        };
        format!("{what} {number}")
    }

    pub fn kind(self) -> TextKind {
        match self {
            MappedField::Name => TextKind::Short,
            _ => TextKind::Long,
        }
    }

    pub fn get(self, m: &MappedAccount) -> &str {
        match self {
            MappedField::Name => &m.name,
            MappedField::Relationships => &m.relationships,
            MappedField::Initiatives => &m.initiatives,
            MappedField::Influence => &m.influence,
            MappedField::EntryPoint => &m.entry_point,
        }
    }

    pub fn set(self, m: &mut MappedAccount, text: String) {
        *match self {
            MappedField::Name => &mut m.name,
            MappedField::Relationships => &mut m.relationships,
            MappedField::Initiatives => &mut m.initiatives,
            MappedField::Influence => &mut m.influence,
            MappedField::EntryPoint => &mut m.entry_point,
        } = text;
    }
}

impl Row for MappedAccount {
    const WHAT: &'static str = "mapped account";
    fn check(&self, n: usize) -> Result<(), EditError> {
        check::text(|| "Domain".into(), &self.domain, TextKind::Short)?;
        MappedField::ALL
            .iter()
            .try_for_each(|f| check::text(|| f.label(n), f.get(self), f.kind()))
    }
    fn title(&self) -> String {
        self.name.clone()
    }
}

pub(super) fn apply(
    ws: &Workspace,
    p: &mut Partner,
    edit: OverlapEdit,
) -> Result<Applied, EditError> {
    let theirs_owner = ListOwner::Partner(p.id.clone());
    let o = &mut p.overlap;
    match edit {
        OverlapEdit::Signal(s, on) => {
            o.signals.retain(|x| *x != s);
            if on {
                o.signals.push(s);
            }
            Ok(Applied::plain(format!(
                "{} \"{}\"",
                if on { "tick" } else { "untick" },
                s.label()
            )))
        }
        OverlapEdit::Notes(text) => {
            check::text(|| NOTES.into(), &text, TextKind::Long)?;
            o.notes = text;
            Ok(Applied::keyed(
                "edit the notes on the overlap",
                "overlap-notes",
            ))
        }
        OverlapEdit::Decide {
            ours,
            theirs,
            decision,
        } => {
            check::text(|| "Our account".into(), &ours, TextKind::Short)?;
            check::text(|| "Their account".into(), &theirs, TextKind::Short)?;
            o.decisions
                .retain(|x| !(x.ours == ours && x.theirs == theirs));
            let what = match decision {
                Some(Decision::Confirmed) => "confirm",
                Some(Decision::Rejected) => "reject",
                None => "reopen",
            };
            let summary = format!("{what} the match {ours} ~ {theirs}");
            if let Some(decision) = decision {
                check::room("Match decisions", o.decisions.len())?;
                o.decisions.push(MatchDecision {
                    ours,
                    theirs,
                    decision,
                });
            }
            Ok(Applied::plain(summary))
        }
        OverlapEdit::Map(e) => super::rows::applied(e, &mut o.mapped, "map"),
        OverlapEdit::MapAccount(m) => {
            if o.mapped
                .iter()
                .any(|x| x.name == m.name && x.domain == m.domain)
            {
                return Err(EditError::invalid(
                    "Account map",
                    format!("{} is already on the account map", m.name),
                ));
            }
            let name = m.name.clone();
            RowEdit::Add(m).apply_to(&mut o.mapped)?;
            Ok(Applied::plain(format!("add {name} to the account map")))
        }
        OverlapEdit::Measured(m) => {
            if let Some(m) = &m {
                // Our lists on one side, this partner's on the other.
                let sides = [
                    (&m.ours_lists, &ListOwner::Ours),
                    (&m.theirs_lists, &theirs_owner),
                ];
                for (ids, owner) in sides {
                    for id in ids {
                        if ws.list(id).is_none_or(|l| &l.owner != owner) {
                            return Err(EditError::missing("account list", &id));
                        }
                    }
                }
            }
            let summary = if m.is_some() {
                "use the measured figures in the verdict"
            } else {
                "forget the measured figures"
            };
            o.measured = m;
            Ok(Applied::plain(summary))
        }
    }
}
