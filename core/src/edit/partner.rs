//! Edits of one partner: its profile and lifecycle, ratings and evidence,
//! alignment, disqualifier hits, and (in their own modules) account
//! mapping, rules of engagement and incentives; self-assessment records.
//!
//! A partner edit is carried out on a copy of the partner, which replaces
//! it only when the edit is accepted: a refused edit changes nothing.

use std::sync::Arc;

use super::check::{self, TextKind};
use super::fields::Question;
use super::{Applied, EditError, IncentivesEdit, MotionEdit, OverlapEdit};
use crate::alignment::Judgment;
use crate::date::Date;
use crate::id::Id;
use crate::partner::{BrandSize, Partner, PartnerType, Rating, Score, Status};
use crate::scorecard::verdict::Verdict;
use crate::share::limits::MAX_TEXT_CHARS;
use crate::share::records::{check_contact, ReceivedResponse, SentInvitation, Verification};
use crate::vocab::Vocabulary;
use crate::words::excerpt as short;
use crate::workspace::Workspace;

crate::fields! {
    /// A text of a partner.
    pub enum PartnerText in Partner => String {
        Name = "Name", Short => name,
        Website = "Website", Short => website,
        Owner = "Owner (on our side)", Short => owner,
        Notes = "Notes", Long => notes,
    }
}

/// The label of the name of a partner being added.
pub const NEW_PARTNER_NAME: &str = "New partner name";

/// The label of our contact e-mail on an invitation.
pub const CONTACT: &str = "Our contact e-mail (shown to the partner)";

/// The label of the evidence behind a rating on a criterion worded `text`.
pub fn evidence_label(text: &str) -> String {
    format!("Evidence: {text}")
}

/// The editor's label of the partner's answer to a question.
pub fn their_answer_label(q: Question) -> String {
    format!("Their answer: {}", q.label())
}

/// A change to one partner.
#[derive(Clone, Debug, PartialEq)]
pub enum PartnerEdit {
    Text(PartnerText, String),
    /// Their answer to an alignment question.
    Answer(Question, String),
    Kind(PartnerType),
    Brand(BrandSize),
    /// Archived partners stay in the file but leave lists and rankings.
    Archived(bool),
    /// Record a status change on a day (a no-op when already there); to
    /// pilot or active against a "do not onboard" verdict only once an
    /// override is recorded.
    Status(Status, Date),
    /// Record (or clear, `None`) why the partner goes ahead against a "do
    /// not onboard" verdict.
    Override(Option<String>, Date),
    Pilot(super::pilot::PilotEdit),
    /// Rate a criterion, or clear its rating (`None`; the evidence stays).
    Rate(Id, Option<Score>),
    Evidence(Id, String),
    /// Take a rating with its evidence (from the partner's self-assessment).
    Adopt(Id, Rating),
    /// Rate a criterion and set its evidence in one step (a rating the
    /// account data suggests, accepted with its basis).
    RateWith(Id, Rating),
    Judgment(Judgment),
    /// Whether an ICP disqualifier hits the partner's book of business.
    Hit(Id, bool),
    Overlap(OverlapEdit),
    Motion(MotionEdit),
    Incentives(IncentivesEdit),
    /// Record an invitation sent (with its secret).
    Invite(SentInvitation),
    /// Attach a response received to its invitation (not to one revoked).
    Respond(ReceivedResponse),
    /// Revoke an invitation from a day on: its responses are refused.
    Revoke(Id, Date),
    /// The enablement log.
    Enablement(super::RowEdit<crate::partner::Enablement>),
}

/// Add a new candidate.
pub(super) fn add(
    ws: &mut Workspace,
    id: Id,
    name: String,
    kind: PartnerType,
    today: Date,
) -> Result<Applied, EditError> {
    if ws.partners.iter().any(|p| p.id.collides(&id)) {
        return Err(EditError::Duplicate {
            what: "partner",
            id: id.to_string(),
        });
    }
    let name = name.trim().to_owned();
    if name.is_empty() {
        return Err(EditError::invalid(
            NEW_PARTNER_NAME,
            "give the partner a name",
        ));
    }
    check::text(|| NEW_PARTNER_NAME.into(), &name, TextKind::Short)?;
    check::room("Partners", ws.partners.len())?;
    let summary = format!("add partner {name}");
    ws.partners
        .push(Arc::new(Partner::new(id, name, kind, today)));
    Ok(Applied::plain(summary))
}

/// Delete a partner and its account lists.
pub(super) fn remove(ws: &mut Workspace, id: &Id) -> Result<Applied, EditError> {
    let i = position(ws, id)?;
    let p = ws.partners.remove(i);
    let owner = crate::overlap::account::ListOwner::Partner(id.clone());
    let theirs: Vec<Id> = ws.lists_of(&owner).map(|l| l.id.clone()).collect();
    let accounts: usize = ws.lists_of(&owner).map(|l| l.accounts.len()).sum();
    // Their lists go as a removed list goes: figures measured on them too.
    for list in &theirs {
        super::lists::remove(ws, list)?;
    }
    // Their deals stay in the pipeline, counted for the program, on no
    // partner's page.
    let deals = ws.pipeline.of_partner(id).count();
    if deals > 0 {
        for o in &mut Arc::make_mut(&mut ws.pipeline).opportunities {
            if o.partner.as_ref() == Some(id) {
                Arc::make_mut(o).partner = None;
            }
        }
    }
    let meetings = super::program::forget_partner(ws, id);
    let mut summary = format!("delete partner {}", p.name);
    if meetings > 0 {
        summary.push_str(&format!(
            " — {}",
            crate::words::count(meetings, "meeting", "meetings")
        ));
    }
    if deals > 0 {
        summary.push_str(&format!(
            " — {} kept for the program",
            crate::words::count(deals, "deal", "deals")
        ));
    }
    if !theirs.is_empty() {
        summary.push_str(&format!(
            " — {} ({})",
            crate::words::count(theirs.len(), "account list", "account lists"),
            crate::words::count(accounts, "account", "accounts")
        ));
    }
    Ok(Applied::plain(summary))
}

fn position(ws: &Workspace, id: &Id) -> Result<usize, EditError> {
    ws.partners
        .iter()
        .position(|p| &p.id == id)
        .ok_or_else(|| EditError::missing("partner", &id))
}

pub(super) fn apply(ws: &mut Workspace, id: &Id, edit: PartnerEdit) -> Result<Applied, EditError> {
    let i = position(ws, id)?;
    let grows = matches!(edit, PartnerEdit::Invite(_) | PartnerEdit::Respond(_));
    let mut p = Partner::clone(&ws.partners[i]);
    let done = change(ws, &mut p, edit)?;
    let before = std::mem::replace(&mut ws.partners[i], Arc::new(p));
    // What adds records of its own (a link, a response) must leave a file
    // that can be imported again.
    if grows {
        if let Err(e) = crate::format::check_size(ws) {
            ws.partners[i] = before;
            return Err(EditError::TooLarge(e));
        }
    }
    Ok(done)
}

fn change(ws: &Workspace, p: &mut Partner, edit: PartnerEdit) -> Result<Applied, EditError> {
    let pid = p.id.to_string();
    let name = p.name.clone();
    let keyed = |what: String, key: String| {
        Applied::keyed(format!("{what} of {name}"), format!("partner:{pid}:{key}"))
    };
    let plain = |what: String| Applied::plain(format!("{what} of {name}"));
    let adopt = matches!(edit, PartnerEdit::Adopt(..));
    match edit {
        PartnerEdit::Text(field, text) => {
            check::text(|| field.label().to_owned(), &text, field.kind())?;
            *field.slot(p) = text;
            let label = field.label().to_lowercase();
            Ok(keyed(format!("edit the {label}"), format!("{field:?}")))
        }
        PartnerEdit::Answer(q, text) => {
            check::text(|| their_answer_label(q), &text, q.kind())?;
            *q.slot(&mut p.alignment.answers) = text;
            Ok(keyed("edit their answer".into(), format!("{q:?}")))
        }
        PartnerEdit::Kind(k) => {
            p.kind = k;
            Ok(plain(format!(
                "set the type to {}",
                k.label().to_lowercase()
            )))
        }
        PartnerEdit::Brand(b) => {
            p.brand = b;
            Ok(plain(format!(
                "set the brand size to {}",
                b.label().to_lowercase()
            )))
        }
        PartnerEdit::Archived(on) => {
            p.archived = on;
            Ok(Applied::plain(format!(
                "{} {name}",
                if on { "archive" } else { "unarchive" }
            )))
        }
        PartnerEdit::Status(status, today) => {
            super::pilot::override_for(|p| verdict(ws, p), p, status, None, today)?;
            p.set_status(status, today);
            Ok(Applied::plain(format!(
                "move {name} to {}",
                status.label().to_lowercase()
            )))
        }
        PartnerEdit::Rate(criterion, score) => {
            let text = criterion_text(ws, &criterion)?;
            p.rate(&criterion, score);
            let what = match score {
                Some(s) => format!("rate \"{text}\" {}", s.get()),
                None => format!("clear the rating of \"{text}\""),
            };
            Ok(plain(what))
        }
        PartnerEdit::Evidence(criterion, text) => {
            let c = criterion_text(ws, &criterion)?;
            check::text(|| evidence_label(&c), &text, TextKind::Long)?;
            p.set_evidence(&criterion, text);
            Ok(keyed(
                format!("edit the evidence on \"{c}\""),
                format!("evidence:{criterion}"),
            ))
        }
        PartnerEdit::Adopt(criterion, rating) | PartnerEdit::RateWith(criterion, rating) => {
            let c = criterion_text(ws, &criterion)?;
            check::text(|| evidence_label(&c), &rating.evidence, TextKind::Long)?;
            let score = rating.score.get();
            p.pending_evidence.remove(&criterion);
            p.ratings.insert(criterion, rating);
            Ok(plain(if adopt {
                format!("adopt their {score} on \"{c}\"")
            } else {
                format!("rate \"{c}\" {score} with its evidence")
            }))
        }
        PartnerEdit::Judgment(j) => {
            p.alignment.judgment = j;
            Ok(plain("judge the alignment".into()))
        }
        PartnerEdit::Hit(dq, on) => {
            let d = ws
                .icp
                .disqualifiers
                .iter()
                .find(|d| d.id == dq)
                .ok_or_else(|| EditError::missing("disqualifier", &dq))?;
            let what = format!(
                "{} disqualifier \"{}\"",
                if on { "flag" } else { "unflag" },
                short(&d.text)
            );
            if on {
                p.disqualifier_hits.insert(dq);
            } else {
                p.disqualifier_hits.remove(&dq);
            }
            Ok(plain(what))
        }
        PartnerEdit::Override(reason, today) => {
            p.verdict_override = super::pilot::given_reason(reason, today)?;
            Ok(plain(if p.verdict_override.is_some() {
                "record the reason to go ahead against the verdict".into()
            } else {
                "clear the reason to go ahead against the verdict".into()
            }))
        }
        PartnerEdit::Pilot(e) => {
            super::pilot::apply(|p| verdict(ws, p), p, e).map(|d| d.of(&name, &pid))
        }
        PartnerEdit::Overlap(e) => super::overlap::apply(ws, p, e).map(|d| d.of(&name, &pid)),
        PartnerEdit::Motion(e) => super::motion::apply(p, e).map(|d| d.of(&name, &pid)),
        PartnerEdit::Incentives(e) => {
            super::incentives::apply(p, e, ws.profile.currency).map(|d| d.of(&name, &pid))
        }
        PartnerEdit::Invite(inv) => {
            if p.self_assessment
                .invitations
                .iter()
                .any(|i| i.id.collides(&inv.id))
            {
                return Err(EditError::Duplicate {
                    what: "invitation",
                    id: inv.id.to_string(),
                });
            }
            check_contact(&inv.contact).map_err(|e| EditError::invalid(CONTACT, e.to_string()))?;
            if inv.link.chars().count() > MAX_TEXT_CHARS {
                return Err(EditError::TooLong {
                    field: "Invitation link".into(),
                    len: inv.link.chars().count(),
                    max: MAX_TEXT_CHARS,
                });
            }
            check::room("Invitations", p.self_assessment.invitations.len())?;
            p.self_assessment.invitations.push(inv);
            Ok(plain("invite".into()))
        }
        PartnerEdit::Respond(r) => {
            if !p
                .self_assessment
                .invitations
                .iter()
                .any(|i| i.id == r.invitation)
            {
                return Err(EditError::missing("invitation", &r.invitation));
            }
            let sealed = p
                .self_assessment
                .invitations
                .iter()
                .any(|i| i.id == r.invitation && i.protected);
            if r.verification == Verification::Verified && !sealed {
                return Err(EditError::invalid(
                    "Response",
                    format!(
                        "invitation {} was not sealed: a response to it can only match the link",
                        r.invitation
                    ),
                ));
            }
            if let Some(on) = revoked_on(p, &r.invitation) {
                return Err(EditError::invalid(
                    "Response",
                    format!("invitation {} was revoked on {on}", r.invitation),
                ));
            }
            for (field, text) in [
                ("Respondent", &r.respondent),
                ("Respondent e-mail", &r.email),
            ] {
                check::text(|| field.into(), text, TextKind::Short)?;
                if let Some((at, c)) = crate::controls::first_control(text) {
                    return Err(EditError::invalid(
                        field,
                        format!(
                            "a control character ({}) at character {at}",
                            crate::controls::code_point(c)
                        ),
                    ));
                }
            }
            check::text(|| "Comments".into(), &r.comments, TextKind::Long)?;
            for a in r.answers.as_array() {
                check::text(|| "Their answer".into(), a, TextKind::Long)?;
            }
            for x in r.ratings.values() {
                check::text(|| "Their evidence".into(), &x.evidence, TextKind::Long)?;
            }
            check::room("Responses", p.self_assessment.responses.len())?;
            let who = r.respondent.clone();
            p.self_assessment.responses.push(r);
            Ok(plain(format!("attach the response from {who}")))
        }
        PartnerEdit::Revoke(invitation, today) => {
            let inv = p
                .self_assessment
                .invitations
                .iter_mut()
                .find(|i| i.id == invitation)
                .ok_or_else(|| EditError::missing("invitation", &invitation))?;
            if let Some(on) = inv.revoked {
                return Err(EditError::invalid(
                    "Invitation",
                    format!("{invitation} was already revoked on {on}"),
                ));
            }
            inv.revoked = Some(today);
            Ok(plain(format!("revoke invitation {invitation}")))
        }
        PartnerEdit::Enablement(e) => {
            super::rows::applied(e, &mut p.enablement, "enablement").map(|d| d.of(&name, &pid))
        }
    }
}

/// The day `invitation` of `p` was revoked, if it was.
fn revoked_on(p: &Partner, invitation: &Id) -> Option<Date> {
    p.self_assessment
        .invitations
        .iter()
        .find(|i| &i.id == invitation)
        .and_then(|i| i.revoked)
}

/// The wording of a criterion of the scorecard (it must exist).
/// The scorecard's verdict on `p` as it stands (before the edit).
fn verdict(ws: &Workspace, p: &Partner) -> Verdict {
    crate::scorecard::verdict::evaluate(ws, p).verdict
}

fn criterion_text(ws: &Workspace, id: &Id) -> Result<String, EditError> {
    ws.scorecard
        .criterion(id)
        .map(|(_, c)| short(&c.text))
        .ok_or_else(|| EditError::missing("criterion", &id))
}
