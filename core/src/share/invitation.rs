//! Invitations: what a partner receives. Built from an explicit allow-list —
//! our company's name, website and contact, the ICP brief, the wording of
//! our scorecard criteria, the three alignment questions and, if asked, the
//! rules-of-engagement one-pager. Never our ratings, weights, gates, notes,
//! other partners, account lists or incentive figures.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::crypto::{SealEntropy, Secret, Stretched, Stretching};
use super::envelope::{self, Kind};
use super::error::ShareError;
use super::passphrase::{self, PassphraseError};
use super::records::{check_contact, ContactError, SentInvitation, SECRET_LEN};
use crate::alignment::QUESTIONS;
use crate::icp::brief::{brief, IcpBrief};
use crate::motion::one_pager::{one_pager, OnePager};
use crate::motion::{DealRegistration, JourneyStage, Motion, Ownership, Party, Sla, Step};
use crate::scorecard::Scorecard;
use crate::vocab::Vocabulary as _;
use crate::workspace::Workspace;
use crate::{Date, Id};

/// Most questions an invitation may hold (the default scorecard has 12).
pub const MAX_QUESTIONS: usize = 60;
/// Longest text of one question, section, brief line or name.
pub const MAX_TEXT: usize = 2_000;

/// One question: a scorecard criterion's wording. On the wire, wording
/// identical to the seed's default scorecard is left out (the respond page
/// has the same defaults), which keeps links short; [`open`] fills it in.
/// The default wording is therefore part of the link format (pinned by a test).
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

/// The invitation as the partner sees it: every section named and every
/// question worded, the alignment questions and the one-pager laid out.
/// What travels is shorter (see [`Wire`]); [`open`] turns it into this.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Invitation {
    pub id: String,
    /// base64url of the per-invitation secret.
    pub secret: String,
    pub created: String,
    pub expires: Option<String>,
    /// Our contact e-mail.
    pub contact: String,
    /// The partner's name, as we wrote it.
    pub to: String,
    pub brief: IcpBrief,
    pub sections: Vec<Section>,
    /// The three alignment questions, worded.
    pub alignment: Vec<String>,
    pub rules: Option<OnePager>,
}

/// The invitation as it travels (JSON inside the envelope). Link format 1
/// wrote every section and the one-pager laid out (`rules`); format 2 leaves
/// out what the partner's page can work out itself, which keeps the default
/// invitation under 2,000 characters:
/// - `sections` when they are the seed's default scorecard (ids, order and
///   wording), as single default wordings already were in format 1;
/// - the brief's long keys (`pain_triggers` is `pains`, and so on);
/// - the one-pager's layout: `motion` carries the rules it is laid out
///   from, and the partner's page lays them out with the workbench's own
///   [`one_pager`], so they read the same.
///
/// Both formats read through this one struct.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Wire {
    id: String,
    secret: String,
    created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expires: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    contact: String,
    to: String,
    brief: BriefWire,
    /// Absent: the default scorecard's sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sections: Option<Vec<Section>>,
    /// Absent or empty: the standard three questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    alignment: Vec<String>,
    /// Format 1: the one-pager, laid out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rules: Option<OnePager>,
    /// Format 2: what the one-pager is laid out from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    motion: Option<MotionWire>,
}

/// The ICP brief on the wire: format 2 writes shorter keys (format 1's are
/// read too).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct BriefWire {
    company: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        rename = "web",
        alias = "website"
    )]
    website: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    size: String,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        rename = "sectors",
        alias = "industries"
    )]
    industries: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        rename = "pains",
        alias = "pain_triggers"
    )]
    pain_triggers: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        rename = "buyers",
        alias = "committee"
    )]
    committee: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        rename = "unfit",
        alias = "not_a_fit"
    )]
    not_a_fit: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        rename = "good",
        alias = "good_examples"
    )]
    good_examples: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        rename = "bad",
        alias = "bad_examples"
    )]
    bad_examples: Vec<String>,
}

impl From<IcpBrief> for BriefWire {
    fn from(b: IcpBrief) -> BriefWire {
        BriefWire {
            company: b.company,
            website: b.website,
            size: b.size,
            industries: b.industries,
            pain_triggers: b.pain_triggers,
            committee: b.committee,
            not_a_fit: b.not_a_fit,
            good_examples: b.good_examples,
            bad_examples: b.bad_examples,
        }
    }
}

impl From<BriefWire> for IcpBrief {
    fn from(b: BriefWire) -> IcpBrief {
        IcpBrief {
            company: b.company,
            website: b.website,
            size: b.size,
            industries: b.industries,
            pain_triggers: b.pain_triggers,
            committee: b.committee,
            not_a_fit: b.not_a_fit,
            good_examples: b.good_examples,
            bad_examples: b.bad_examples,
        }
    }
}

/// The rules of engagement as format 2 carries them: the fields of a
/// [`Motion`] that its one-pager shows, nothing else; empty ones left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct MotionWire {
    /// Our name on the one-pager, when it is not the brief's company name
    /// (a workspace without a company name: "Us" there, "Our company" in
    /// the brief).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    us: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    journey: Vec<StageWire>,
    /// Who leads and who supports each step of [`Step::ALL`], in order, a
    /// letter each: `u` us, `p` the partner, `j` jointly, `-` not decided.
    /// Empty when nothing is decided.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    own: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    qualified: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rejected: Vec<String>,
    /// First response, in business days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    respond: Option<u16>,
    /// Accept or reject, in business days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    decide: Option<u16>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    sla: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    eligible: String,
    /// Protection of a registered deal, in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    protect: Option<u16>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    expiry: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    dispute: String,
    /// Who decides disputes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    judge: String,
}

/// A journey stage on the wire.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct StageWire {
    name: String,
    /// Our product fits here.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    fit: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    notes: String,
}

fn party_letter(p: Party) -> char {
    match p {
        Party::Us => 'u',
        Party::Partner => 'p',
        Party::Joint => 'j',
        Party::Undecided => '-',
    }
}

fn letter_party(c: char) -> Option<Party> {
    Some(match c {
        'u' => Party::Us,
        'p' => Party::Partner,
        'j' => Party::Joint,
        '-' => Party::Undecided,
        _ => return None,
    })
}

impl MotionWire {
    fn new(us: &str, company: &str, m: &Motion) -> MotionWire {
        let own: String = Step::ALL
            .iter()
            .flat_map(|step| {
                let o = m.ownership.iter().find(|o| o.step == *step);
                [
                    o.map_or(Party::Undecided, |o| o.lead),
                    o.map_or(Party::Undecided, |o| o.support),
                ]
            })
            .map(party_letter)
            .collect();
        let r = &m.registration;
        MotionWire {
            us: (us.trim() != company).then(|| us.to_owned()),
            journey: m
                .journey
                .iter()
                .map(|s| StageWire {
                    name: s.name.clone(),
                    fit: s.we_fit,
                    notes: s.notes.clone(),
                })
                .collect(),
            own: if own.chars().all(|c| c == '-') {
                String::new()
            } else {
                own
            },
            qualified: m.qualified.clone(),
            rejected: m.rejected.clone(),
            respond: m.sla.first_response_days,
            decide: m.sla.qualification_days,
            sla: m.sla.notes.clone(),
            eligible: r.eligible.clone(),
            protect: r.protection_days,
            expiry: r.on_expiry.clone(),
            dispute: r.dispute_rule.clone(),
            judge: r.dispute_owner.clone(),
        }
    }

    /// The one-pager, laid out as the workbench lays it out.
    fn one_pager(self, company: &str, partner: &str) -> Result<OnePager, ShareError> {
        let letters: Vec<char> = self.own.chars().collect();
        if letters.len() > 2 * Step::ALL.len() || !letters.len().is_multiple_of(2) {
            return Err(invalid(format!(
                "motion.own: {} letters, {} expected",
                letters.len(),
                2 * Step::ALL.len()
            )));
        }
        let mut parties = letters.iter().map(|c| {
            letter_party(*c).ok_or_else(|| invalid(format!("motion.own: unknown party {c:?}")))
        });
        let mut ownership = Vec::new();
        for step in Step::ALL {
            ownership.push(Ownership {
                step: *step,
                lead: parties.next().transpose()?.unwrap_or_default(),
                support: parties.next().transpose()?.unwrap_or_default(),
            });
        }
        let motion = Motion {
            journey: self
                .journey
                .into_iter()
                .map(|s| JourneyStage {
                    name: s.name,
                    we_fit: s.fit,
                    notes: s.notes,
                })
                .collect(),
            ownership,
            qualified: self.qualified,
            rejected: self.rejected,
            sla: Sla {
                first_response_days: self.respond,
                qualification_days: self.decide,
                notes: self.sla,
            },
            registration: DealRegistration {
                eligible: self.eligible,
                protection_days: self.protect,
                on_expiry: self.expiry,
                dispute_rule: self.dispute,
                dispute_owner: self.judge,
            },
        };
        Ok(one_pager(
            self.us.as_deref().unwrap_or(company),
            partner,
            &motion,
        ))
    }
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
    /// That passphrase already stretched as [`Stretching::new_link`] of
    /// `InviteEntropy::seal`'s salt (by the browser's Web Crypto, off the
    /// page's thread). Without it, or for another salt or count, [`create`]
    /// stretches the passphrase here.
    pub stretched: Option<Stretched>,
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

/// A scorecard's sections as they travel: wording identical to the seed's
/// default left out.
fn wire_sections(scorecard: &Scorecard) -> Vec<Section> {
    let defaults = Scorecard::default();
    scorecard
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
        .collect()
}

/// What travels for partner `partner` (allow-list only).
fn wire(
    ws: &Workspace,
    partner: &Id,
    options: &InviteOptions,
    id: Id,
    secret: &[u8; SECRET_LEN],
    today: Date,
) -> Option<Wire> {
    let p = ws.partner(partner)?;
    let brief = brief(&ws.profile, &ws.icp);
    let sections = wire_sections(&ws.scorecard);
    Some(Wire {
        id: id.to_string(),
        secret: URL_SAFE_NO_PAD.encode(secret),
        created: today.to_string(),
        expires: options.expires.map(|d| d.to_string()),
        contact: options.contact.trim().to_owned(),
        to: p.name.clone(),
        sections: (sections != wire_sections(&Scorecard::default())).then_some(sections),
        alignment: Vec::new(),
        rules: None,
        motion: options
            .include_rules
            .then(|| MotionWire::new(&ws.profile.name, &brief.company, &p.motion)),
        brief: brief.into(),
    })
}

/// The invitation partner `partner` will see (allow-list only), laid out
/// from our workspace directly: what [`open`] makes of the link [`create`]
/// writes (tested on every demo partner).
pub fn build(
    ws: &Workspace,
    partner: &Id,
    options: &InviteOptions,
    id: Id,
    secret: &[u8; SECRET_LEN],
    today: Date,
) -> Option<Invitation> {
    let p = ws.partner(partner)?;
    Some(Invitation {
        id: id.to_string(),
        secret: URL_SAFE_NO_PAD.encode(secret),
        created: today.to_string(),
        expires: options.expires.map(|d| d.to_string()),
        contact: options.contact.trim().to_owned(),
        to: p.name.clone(),
        brief: brief(&ws.profile, &ws.icp),
        sections: ws
            .scorecard
            .categories
            .iter()
            .map(|c| Section {
                id: c.id.to_string(),
                name: c.name.clone(),
                questions: c
                    .criteria
                    .iter()
                    .map(|q| Question {
                        id: q.id.to_string(),
                        text: q.text.clone(),
                    })
                    .collect(),
            })
            .collect(),
        alignment: QUESTIONS.iter().map(|q| (*q).to_owned()).collect(),
        rules: options
            .include_rules
            .then(|| one_pager(&ws.profile.name, &p.name, &p.motion)),
    })
}

/// Why an invitation was not created (nothing was written).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InviteError {
    #[error("this partner ({0}) is not in the workspace")]
    UnknownPartner(String),
    #[error("our contact e-mail: {0}")]
    Contact(#[from] ContactError),
    #[error("{0}")]
    Passphrase(#[from] PassphraseError),
}

/// Create an invitation: the record our workspace keeps and the link to
/// send. Our contact and the passphrase are checked first (the passphrase
/// against [`passphrase::MIN_CHARS`]).
pub fn create(
    ws: &Workspace,
    partner: &Id,
    options: &InviteOptions,
    entropy: InviteEntropy,
    today: Date,
    site: &str,
) -> Result<SentInvitation, InviteError> {
    check_contact(options.contact.trim())?;
    if let Some(p) = options.passphrase.as_deref().filter(|p| !p.is_empty()) {
        passphrase::check(p)?;
    }
    let taken: Vec<Id> = ws
        .partners
        .iter()
        .flat_map(|p| p.self_assessment.invitations.iter().map(|i| i.id.clone()))
        .collect();
    let id = Id::fresh("inv", entropy.id, taken.iter());
    let inv = wire(ws, partner, options, id.clone(), &entropy.secret, today)
        .ok_or_else(|| InviteError::UnknownPartner(partner.to_string()))?;
    let json = serde_json::to_vec(&inv).expect("an invitation always serializes");
    let passphrase = options
        .passphrase
        .as_deref()
        .filter(|p| !p.is_empty())
        .map(|p| {
            let ready = options
                .stretched
                .as_ref()
                .filter(|k| k.stretching == Stretching::new_link(entropy.seal.salt));
            (
                ready.map_or(Secret::Passphrase(p), Secret::Stretched),
                entropy.seal,
            )
        });
    let text = envelope::pack(Kind::Invitation, &json, passphrase);
    Ok(SentInvitation {
        id,
        secret: entropy.secret,
        created: today,
        expires: options.expires,
        contact: options.contact.trim().to_owned(),
        protected: passphrase.is_some(),
        link: link(site, RESPOND_PATH, &text),
        revoked: None,
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
pub fn open(input: &str, secret: Option<Secret<'_>>, today: Date) -> Result<Opened, ShareError> {
    let env = envelope::parse(&envelope::extract(input)?)?;
    if env.kind != Kind::Invitation {
        return Err(ShareError::WrongKind {
            found: "a response",
            expected: "an invitation",
            hint: "open it in the Partnerfit workspace of the company that sent the invitation.",
        });
    }
    let json = env.open(secret)?;
    let wire: Wire = serde_json::from_slice(&json).map_err(|e| invalid(e.to_string()))?;
    let (inv, id, secret, expires) = read(wire)?;
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

/// Check what travelled and fill in what was left out.
fn read(w: Wire) -> Result<(Invitation, Id, [u8; SECRET_LEN], Option<Date>), ShareError> {
    let id = Id::parse(&w.id).map_err(|e| invalid(format!("id: {e}")))?;
    let secret: [u8; SECRET_LEN] = URL_SAFE_NO_PAD
        .decode(&w.secret)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| invalid("secret: not 16 bytes of base64url"))?;
    Date::parse(&w.created).map_err(|e| invalid(format!("created: {e}")))?;
    let expires = match &w.expires {
        Some(d) => Some(Date::parse(d).map_err(|e| invalid(format!("expires: {e}")))?),
        None => None,
    };
    let defaults = Scorecard::default();
    let mut sections = w.sections.unwrap_or_else(|| wire_sections(&defaults));
    let count: usize = sections.iter().map(|s| s.questions.len()).sum();
    if count == 0 || count > MAX_QUESTIONS {
        return Err(invalid(format!(
            "it has {} (1 to {MAX_QUESTIONS} expected)",
            crate::words::count(count, "question", "questions")
        )));
    }
    let mut seen = std::collections::HashSet::new();
    for (s, section) in sections.iter_mut().enumerate() {
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
    let alignment = if w.alignment.is_empty() {
        QUESTIONS.iter().map(|q| (*q).to_owned()).collect()
    } else {
        w.alignment
    };
    if alignment.len() != QUESTIONS.len() {
        return Err(invalid(format!(
            "alignment: {}, {} expected",
            crate::words::count(alignment.len(), "question", "questions"),
            QUESTIONS.len()
        )));
    }
    let too_long = std::iter::once(&w.to)
        .chain(
            sections
                .iter()
                .flat_map(|s| std::iter::once(&s.name).chain(s.questions.iter().map(|q| &q.text))),
        )
        .chain(alignment.iter())
        .any(|t| t.chars().count() > MAX_TEXT);
    if too_long {
        return Err(invalid(format!(
            "a text is longer than {MAX_TEXT} characters"
        )));
    }
    let rules = match (w.rules, w.motion) {
        (Some(r), _) => Some(r),
        (None, Some(m)) => Some(m.one_pager(&w.brief.company, &w.to)?),
        (None, None) => None,
    };
    let inv = Invitation {
        id: w.id,
        secret: w.secret,
        created: w.created,
        expires: w.expires,
        contact: w.contact,
        to: w.to,
        brief: w.brief.into(),
        sections,
        alignment,
        rules,
    };
    Ok((inv, id, secret, expires))
}
