//! Responses: the partner's self-assessment, sent back in the same envelope.
//!
//! The plaintext inside the envelope is a 32-byte HMAC-SHA256 tag followed
//! by the response's JSON; the tag is keyed by the invitation's secret (which
//! only the invitation and our workspace hold), so a response that does not
//! come from one of our invitations, or was altered on the way, is flagged.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::crypto::{self, SealEntropy, Secret, MAC_LEN};
use super::envelope::{self, Kind};
use super::error::ShareError;
use super::invitation::Opened;
use super::records::{ReceivedResponse, Verification};
use crate::alignment::Answers;
use crate::controls;
use crate::format::limits::SHORT_TEXT;
use crate::partner::{Rating, Score};
use crate::workspace::Workspace;
use crate::{Date, Id};

/// Domain separation for the tag.
const TAG_LABEL: &[u8] = b"partnerfit-response-1\n";
/// Longest evidence note or answer.
pub const MAX_ANSWER: usize = 4_000;
/// A response link longer than this is better sent as the file.
pub const LINK_BUDGET: usize = 8_000;

/// One self-rating.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfRating {
    /// 1–5, or none yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// What the partner is writing; autosaved in their browser as JSON, and
/// sent as the response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// By question (criterion) id.
    #[serde(default)]
    pub ratings: BTreeMap<String, SelfRating>,
    /// The three alignment answers.
    #[serde(default)]
    pub answers: [String; 3],
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comments: String,
}

/// The response as it travels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub invitation: String,
    pub submitted: String,
    #[serde(flatten)]
    pub draft: Draft,
}

/// What still needs an answer before sending, in words.
pub fn missing(inv: &Opened, draft: &Draft) -> Vec<String> {
    let mut out = Vec::new();
    if draft.name.trim().is_empty() {
        out.push("Your name".to_owned());
    }
    let unrated = inv
        .invitation
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .filter(|q| draft.ratings.get(&q.id).and_then(|r| r.score).is_none())
        .count();
    if unrated > 0 {
        out.push(format!(
            "{} without a rating",
            crate::words::count(unrated, "question", "questions")
        ));
    }
    out
}

/// Pack the response to invitation `inv`: tagged with its secret, sealed
/// with the invitation's passphrase if it had one (the key stretched to
/// open the invitation may seal it: same salt and count, a fresh nonce).
/// Returns the envelope text.
pub fn pack(
    inv: &Opened,
    draft: &Draft,
    today: Date,
    secret: Option<(Secret<'_>, SealEntropy)>,
) -> String {
    let known: std::collections::HashSet<&str> = inv
        .invitation
        .sections
        .iter()
        .flat_map(|s| s.questions.iter().map(|q| q.id.as_str()))
        .collect();
    let mut draft = draft.clone();
    // Only answers to questions asked, trimmed; empty entries dropped.
    draft.ratings.retain(|k, r| {
        known.contains(k.as_str()) && (r.score.is_some() || !r.evidence.trim().is_empty())
    });
    for r in draft.ratings.values_mut() {
        r.evidence = r.evidence.trim().to_owned();
    }
    // A name or address pasted with a tab or a direction mark would be
    // refused on our side (see `open`): sent with spaces instead.
    for text in [&mut draft.name, &mut draft.email] {
        if controls::first_control(text).is_some() {
            *text = text
                .chars()
                .map(|c| if controls::is_control(c) { ' ' } else { c })
                .collect::<String>()
                .trim()
                .to_owned();
        }
    }
    let response = Response {
        invitation: inv.id.to_string(),
        submitted: today.to_string(),
        draft,
    };
    let json = serde_json::to_vec(&response).expect("a response always serializes");
    let tag = crypto::mac(&inv.secret, TAG_LABEL, &json);
    let mut plain = tag.to_vec();
    plain.extend_from_slice(&json);
    envelope::pack(Kind::Response, &plain, secret)
}

/// A response opened (not yet matched to an invitation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenedResponse {
    pub response: Response,
    pub invitation: Id,
    pub submitted: Date,
    tag: [u8; MAC_LEN],
    json: Vec<u8>,
}

fn invalid(detail: impl Into<String>) -> ShareError {
    ShareError::Invalid {
        what: "response",
        detail: detail.into(),
    }
}

/// Open a response from pasted text, a link or a file's text.
pub fn open(input: &str, secret: Option<Secret<'_>>) -> Result<OpenedResponse, ShareError> {
    let env = envelope::parse(&envelope::extract(input)?)?;
    if env.kind != Kind::Response {
        return Err(ShareError::WrongKind {
            found: "an invitation",
            expected: "a response",
            hint: "this is the link you sent to the partner; import the link they send back.",
        });
    }
    let plain = env.open(secret)?;
    if plain.len() <= MAC_LEN {
        return Err(ShareError::Truncated);
    }
    let (tag, json) = plain.split_at(MAC_LEN);
    let response: Response = serde_json::from_slice(json).map_err(|e| invalid(e.to_string()))?;
    let invitation =
        Id::parse(&response.invitation).map_err(|e| invalid(format!("invitation: {e}")))?;
    let submitted =
        Date::parse(&response.submitted).map_err(|e| invalid(format!("submitted: {e}")))?;
    for (k, r) in &response.draft.ratings {
        Id::parse(k).map_err(|e| invalid(format!("ratings.{k}: {e}")))?;
        if let Some(s) = r.score {
            Score::new(s)
                .ok_or_else(|| invalid(format!("ratings.{k}.score: {s} is outside 1–5")))?;
        }
        if r.evidence.chars().count() > MAX_ANSWER {
            return Err(invalid(format!(
                "ratings.{k}.evidence: longer than {MAX_ANSWER} characters"
            )));
        }
    }
    let d = &response.draft;
    for (what, text) in [("name", &d.name), ("email", &d.email)] {
        if text.chars().count() > SHORT_TEXT {
            return Err(invalid(format!(
                "{what}: longer than {SHORT_TEXT} characters"
            )));
        }
        // A terminal escape or a bidirectional override in a name can fake
        // or hide what is printed beside it.
        if let Some((at, c)) = controls::first_control(text) {
            return Err(invalid(format!(
                "{what}: a control character ({}) at character {at}",
                controls::code_point(c)
            )));
        }
    }
    if std::iter::once(&d.comments)
        .chain(d.answers.iter())
        .any(|t| t.chars().count() > MAX_ANSWER)
    {
        return Err(invalid(format!(
            "an answer is longer than {MAX_ANSWER} characters"
        )));
    }
    Ok(OpenedResponse {
        invitation,
        submitted,
        tag: tag.try_into().expect("split at MAC_LEN"),
        json: json.to_vec(),
        response,
    })
}

/// Where an opened response belongs in our workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub partner: Id,
    pub response: ReceivedResponse,
    /// Received after the invitation's expiry date.
    pub late: bool,
    /// The same response was imported before.
    pub duplicate: bool,
}

/// Match a response to the invitation it answers, verify its tag, and
/// prepare the record to attach. A response to an invitation this workspace
/// never sent, or revoked, is refused; one whose tag does not verify is
/// flagged; one to an unsealed invitation is only said to match the link
/// (see [`Verification`]). It is late when we receive it after the
/// invitation's last day: the date the partner wrote is their word.
pub fn attach(ws: &Workspace, r: &OpenedResponse, today: Date) -> Result<Attachment, ShareError> {
    let (partner, inv) = ws
        .partners
        .iter()
        .find_map(|p| {
            p.self_assessment
                .invitations
                .iter()
                .find(|i| i.id == r.invitation)
                .map(|i| (p, i))
        })
        .ok_or_else(|| ShareError::UnknownInvitation(r.invitation.to_string()))?;
    if let Some(on) = inv.revoked {
        return Err(ShareError::Revoked {
            invitation: inv.id.to_string(),
            on: on.to_string(),
        });
    }
    let verified = crypto::verify_mac(&inv.secret, TAG_LABEL, &r.json, &r.tag);
    let d = &r.response.draft;
    let ratings = d
        .ratings
        .iter()
        .filter_map(|(k, v)| {
            let score = Score::new(v.score?)?;
            Some((
                Id::parse(k).ok()?,
                Rating {
                    score,
                    evidence: v.evidence.clone(),
                },
            ))
        })
        .collect();
    let [problem, urgency, success] = d.answers.clone();
    let response = ReceivedResponse {
        invitation: r.invitation.clone(),
        received: today,
        submitted: r.submitted,
        respondent: d.name.trim().to_owned(),
        email: d.email.trim().to_owned(),
        ratings,
        answers: Answers {
            problem,
            urgency,
            success_90_days: success,
        },
        comments: d.comments.clone(),
        verification: Verification::judge(verified, inv.protected),
    };
    let duplicate = partner.self_assessment.responses.iter().any(|x| {
        x.invitation == response.invitation
            && x.submitted == response.submitted
            && x.ratings == response.ratings
            && x.answers == response.answers
            && x.comments == response.comments
    });
    Ok(Attachment {
        partner: partner.id.clone(),
        late: inv.expires.is_some_and(|e| today > e),
        duplicate,
        response,
    })
}
