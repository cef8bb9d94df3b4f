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
}

vocabulary! {
    /// Whether a response provably answers one of our invitations.
    pub enum Verification ("response verification") {
        Verified = "verified" / "Verified: answers our invitation",
        Altered = "altered" / "Not verified: altered, or not made from our invitation",
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

/// A partner's invitations and responses, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SelfAssessment {
    pub invitations: Vec<SentInvitation>,
    pub responses: Vec<ReceivedResponse>,
}
