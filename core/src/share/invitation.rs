//! Invitations: what a partner receives. Built from an explicit allow-list —
//! our company's name, website and contact, the ICP brief, the wording of
//! our scorecard criteria, the three alignment questions and, if asked, the
//! rules-of-engagement one-pager. Never our ratings, weights, gates, notes,
//! other partners, account lists or incentive figures.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::crypto::SealEntropy;
use super::envelope::{self, Kind};
use super::error::ShareError;
use super::records::{SentInvitation, SECRET_LEN};
use crate::alignment::QUESTIONS;
use crate::icp::brief::{brief, IcpBrief};
use crate::motion::one_pager::{one_pager, OnePager};
use crate::scorecard::Scorecard;
use crate::workspace::Workspace;
use crate::{Date, Id};

/// Most questions an invitation may hold (the default scorecard has 12).
pub const MAX_QUESTIONS: usize = 60;
/// Longest text of one question, section, brief line or name.
pub const MAX_TEXT: usize = 2_000;

/// One question: a scorecard criterion's wording. On the wire, wording
/// identical to the seed's default scorecard is left out (the respond page
/// has the same defaults), which keeps links short; [`open`] fills it in.
/// The default wording is therefore part of link format 1 (pinned by a test).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A scorecard category's questions (its name left out on the wire when it
/// is the seed default of category `id`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub questions: Vec<Question>,
}

/// The invitation as it travels (JSON inside the envelope).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub id: String,
    /// base64url of the per-invitation secret.
    pub secret: String,
    pub created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// Our contact e-mail.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// The partner's name, as we wrote it.
    pub to: String,
    pub brief: IcpBrief,
    pub sections: Vec<Section>,
    /// The three alignment questions, worded; left out on the wire when they
    /// are the standard ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alignment: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<OnePager>,
}

/// What the user chose when creating an invitation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InviteOptions {
    pub expires: Option<Date>,
    pub contact: String,
    /// Include the rules-of-engagement one-pager.
    pub include_rules: bool,
    /// Seal the invitation (and the partner's response) with this passphrase.
    pub passphrase: Option<String>,
}

/// Randomness the shell supplies.
#[derive(Clone, Copy, Debug)]
pub struct InviteEntropy {
    pub id: u64,
    pub secret: [u8; SECRET_LEN],
    pub seal: SealEntropy,
}

/// The path of the respond page under the site's base URL: a directory of
/// its own, holding the partner's small app (the workbench also answers
/// `respond` without the slash, for hosts without that directory).
pub const RESPOND_PATH: &str = "respond/";
/// The path of the page that imports a response.
pub const RESPONSE_PATH: &str = "response";

/// `site` (the app's base URL) + path + `#` + envelope.
pub fn link(site: &str, path: &str, envelope: &str) -> String {
    let base = if site.ends_with('/') {
        site.to_owned()
    } else {
        format!("{site}/")
    };
    format!("{base}{path}#{envelope}")
}

/// Build the invitation for partner `partner` (allow-list only).
pub fn build(
    ws: &Workspace,
    partner: &Id,
    options: &InviteOptions,
    id: Id,
    secret: &[u8; SECRET_LEN],
    today: Date,
) -> Option<Invitation> {
    let p = ws.partner(partner)?;
    let defaults = Scorecard::default();
    let sections = ws
        .scorecard
        .categories
        .iter()
        .map(|c| Section {
            id: c.id.to_string(),
            name: match defaults.category(&c.id) {
                Some(d) if d.name == c.name => String::new(),
                _ => c.name.clone(),
            },
            questions: c
                .criteria
                .iter()
                .map(|q| Question {
                    id: q.id.to_string(),
                    text: match defaults.criterion(&q.id) {
                        Some((_, d)) if d.text == q.text => String::new(),
                        _ => q.text.clone(),
                    },
                })
                .collect(),
        })
        .collect();
    Some(Invitation {
        id: id.to_string(),
        secret: URL_SAFE_NO_PAD.encode(secret),
        created: today.to_string(),
        expires: options.expires.map(|d| d.to_string()),
        contact: options.contact.trim().to_owned(),
        to: p.name.clone(),
        brief: brief(&ws.profile, &ws.icp),
        sections,
        alignment: Vec::new(),
        rules: options
            .include_rules
            .then(|| one_pager(&ws.profile.name, &p.name, &p.motion)),
    })
}

/// Create an invitation: the record our workspace keeps and the link to send.
pub fn create(
    ws: &Workspace,
    partner: &Id,
    options: &InviteOptions,
    entropy: InviteEntropy,
    today: Date,
    site: &str,
) -> Option<SentInvitation> {
    let taken: Vec<Id> = ws
        .partners
        .iter()
        .flat_map(|p| p.self_assessment.invitations.iter().map(|i| i.id.clone()))
        .collect();
    let id = Id::fresh("inv", entropy.id, taken.iter());
    let inv = build(ws, partner, options, id.clone(), &entropy.secret, today)?;
    let json = serde_json::to_vec(&inv).expect("an invitation always serializes");
    let passphrase = options
        .passphrase
        .as_deref()
        .filter(|p| !p.is_empty())
        .map(|p| (p, entropy.seal));
    let text = envelope::pack(Kind::Invitation, &json, passphrase);
    Some(SentInvitation {
        id,
        secret: entropy.secret,
        created: today,
        expires: options.expires,
        contact: options.contact.trim().to_owned(),
        protected: passphrase.is_some(),
        link: link(site, RESPOND_PATH, &text),
    })
}

/// An invitation opened and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub invitation: Invitation,
    pub id: Id,
    pub secret: [u8; SECRET_LEN],
    pub expires: Option<Date>,
    /// Opened with a passphrase (the response will be sealed with it too).
    pub sealed: bool,
}

fn invalid(detail: impl Into<String>) -> ShareError {
    ShareError::Invalid {
        what: "invitation",
        detail: detail.into(),
    }
}

/// Open an invitation from pasted text or a link; refuses responses,
/// expired invitations and anything malformed.
pub fn open(input: &str, passphrase: Option<&str>, today: Date) -> Result<Opened, ShareError> {
    let env = envelope::parse(&envelope::extract(input)?)?;
    if env.kind != Kind::Invitation {
        return Err(ShareError::WrongKind {
            found: "a response",
            expected: "an invitation",
            hint: "open it in the Partnerfit workspace of the company that sent the invitation.",
        });
    }
    let json = env.open(passphrase)?;
    let inv: Invitation = serde_json::from_slice(&json).map_err(|e| invalid(e.to_string()))?;
    let id = Id::parse(&inv.id).map_err(|e| invalid(format!("id: {e}")))?;
    let secret: [u8; SECRET_LEN] = URL_SAFE_NO_PAD
        .decode(&inv.secret)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| invalid("secret: not 16 bytes of base64url"))?;
    Date::parse(&inv.created).map_err(|e| invalid(format!("created: {e}")))?;
    let expires = match &inv.expires {
        Some(d) => Some(Date::parse(d).map_err(|e| invalid(format!("expires: {e}")))?),
        None => None,
    };
    let count: usize = inv.sections.iter().map(|s| s.questions.len()).sum();
    if count == 0 || count > MAX_QUESTIONS {
        return Err(invalid(format!(
            "it has {count} questions (1 to {MAX_QUESTIONS} expected)"
        )));
    }
    let mut inv = inv;
    let defaults = Scorecard::default();
    let mut seen = std::collections::HashSet::new();
    for (s, section) in inv.sections.iter_mut().enumerate() {
        if section.name.is_empty() {
            let cat = Id::parse(&section.id)
                .ok()
                .and_then(|id| defaults.category(&id).map(|c| c.name.clone()));
            section.name = cat.ok_or_else(|| {
                invalid(format!(
                    "sections[{s}]: no name, and \"{}\" is not a standard category",
                    section.id
                ))
            })?;
        }
        for (q, question) in section.questions.iter_mut().enumerate() {
            let id = Id::parse(&question.id)
                .map_err(|e| invalid(format!("sections[{s}].questions[{q}].id: {e}")))?;
            if !seen.insert(question.id.clone()) {
                return Err(invalid(format!(
                    "sections[{s}].questions[{q}].id: {} appears twice",
                    question.id
                )));
            }
            if question.text.is_empty() {
                question.text = defaults
                    .criterion(&id)
                    .map(|(_, c)| c.text.clone())
                    .ok_or_else(|| invalid(format!("sections[{s}].questions[{q}]: no wording, and \"{id}\" is not a standard criterion")))?;
            }
        }
    }
    if inv.alignment.is_empty() {
        inv.alignment = QUESTIONS.iter().map(|q| (*q).to_owned()).collect();
    }
    if inv.alignment.len() != QUESTIONS.len() {
        return Err(invalid(format!(
            "alignment: {} questions, 3 expected",
            inv.alignment.len()
        )));
    }
    let too_long = std::iter::once(&inv.to)
        .chain(
            inv.sections
                .iter()
                .flat_map(|s| std::iter::once(&s.name).chain(s.questions.iter().map(|q| &q.text))),
        )
        .chain(inv.alignment.iter())
        .any(|t| t.chars().count() > MAX_TEXT);
    if too_long {
        return Err(invalid(format!(
            "a text is longer than {MAX_TEXT} characters"
        )));
    }
    if let Some(e) = expires {
        if e < today {
            return Err(ShareError::Expired {
                on: e.to_string(),
                from: inv.brief.company.clone(),
            });
        }
    }
    Ok(Opened {
        invitation: inv,
        id,
        secret,
        expires,
        sealed: env.sealed,
    })
}
