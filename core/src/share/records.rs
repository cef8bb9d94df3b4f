//! What a workspace keeps about self-assessments: the invitations we sent
//! (with each one's secret, which never leaves the workspace except inside
//! its own invitation) and every response received.

use std::collections::BTreeMap;

use crate::alignment::Answers;
use crate::partner::rating::Rating;
use crate::vocabulary;
use crate::{Date, Id};

/// Length of an invitation's secret.
pub const SECRET_LEN: usize = 16;

/// Why our contact on an invitation cannot be kept.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    #[error("it has {chars} characters; at most {max}")]
    TooLong { chars: usize, max: usize },
    #[error("it holds a control character ({code}) at character {at}")]
    Control { at: usize, code: String },
}

/// Our contact is one line the file keeps: checked when an invitation is
/// created and when it is recorded, so nothing is written that the reader
/// would refuse.
pub fn check_contact(contact: &str) -> Result<(), ContactError> {
    let max = crate::format::limits::SHORT_TEXT;
    let chars = contact.chars().count();
    if chars > max {
        return Err(ContactError::TooLong { chars, max });
    }
    if let Some((at, c)) = crate::controls::first_control(contact) {
        return Err(ContactError::Control {
            at,
            code: crate::controls::code_point(c),
        });
    }
    Ok(())
}

/// An invitation we created for a partner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentInvitation {
    pub id: Id,
    /// Keys the response's authentication tag.
    pub secret: [u8; SECRET_LEN],
    pub created: Date,
    pub expires: Option<Date>,
    /// Where the partner can reach us (shown to them, used in their mailto).
    pub contact: String,
    /// Sealed with a passphrase (the passphrase itself is never stored).
    pub protected: bool,
    /// The link as created, to copy again later.
    pub link: String,
    /// The day we revoked it: responses to it are refused from then on
    /// (the partner's copy of the link cannot be recalled, so this is where
    /// revoking takes effect).
    pub revoked: Option<Date>,
}

vocabulary! {
    /// What a response's tag proves. The tag is keyed by the invitation's
    /// secret, which travels inside the invitation: for a sealed invitation
    /// only someone who knows its passphrase can read the secret, so a tag
    /// that verifies proves the response answers our invitation; for an
    /// unsealed one anyone who saw the link (a forwarded mail, a gateway
    /// that rewrites links) holds the secret too, so the tag proves only
    /// that whoever made it had the link.
    pub enum Verification ("response verification") {
        Verified = "verified" / "Verified: answers our sealed invitation (only someone with its passphrase could have made it)",
        MatchesLink = "matches_link" / "Matches the link, not verified: anyone holding the invitation link could have made it",
        Altered = "altered" / "Not verified: altered, or not made from our invitation",
    }
}

impl Verification {
    /// What the tag proved, from whether it verified and whether the
    /// invitation was sealed.
    pub fn judge(tag_verifies: bool, sealed: bool) -> Verification {
        match (tag_verifies, sealed) {
            (false, _) => Verification::Altered,
            (true, true) => Verification::Verified,
            (true, false) => Verification::MatchesLink,
        }
    }

    /// How adopted evidence says it was checked.
    pub fn provenance(self) -> &'static str {
        match self {
            Verification::Verified => "verified: answers our sealed invitation",
            Verification::MatchesLink => {
                "not verified: matches the link, which anyone holding it could have made"
            }
            Verification::Altered => "not verified: altered, or not made from our invitation",
        }
    }
}

/// A partner's self-assessment, as received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedResponse {
    pub invitation: Id,
    pub received: Date,
    /// When the partner sent it (their clock).
    pub submitted: Date,
    pub respondent: String,
    pub email: String,
    /// Their self-rating and evidence per criterion.
    pub ratings: BTreeMap<Id, Rating>,
    /// Their answers to the three alignment questions.
    pub answers: Answers,
    pub comments: String,
    pub verification: Verification,
}

impl ReceivedResponse {
    /// Their rating of `criterion` as we adopt it: the score, and evidence
    /// that says who self-assessed it, when it was sent and received, and
    /// what its verification proved (kept with the rating, so adopted
    /// evidence never reads as more verified than it was).
    pub fn adopted(&self, criterion: &Id) -> Option<Rating> {
        let theirs = self.ratings.get(criterion)?;
        Some(Rating {
            score: theirs.score,
            evidence: format!(
                "Self-assessed by {} (sent {}, received {}; {}): {}",
                self.respondent,
                self.submitted,
                self.received,
                self.verification.provenance(),
                theirs.evidence
            ),
        })
    }
}

/// A partner's invitations and responses, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SelfAssessment {
    pub invitations: Vec<SentInvitation>,
    pub responses: Vec<ReceivedResponse>,
}
