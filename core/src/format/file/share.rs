//! The file's record of self-assessment by link: invitations sent and
//! responses received.

use std::collections::BTreeMap;

use super::declare::file_types;
use super::leaf::{Long, Secret, Short, Text};
use super::profile::AnswersFile;
use crate::date::Date;
use crate::id::Id;
use crate::partner::Score;
use crate::share::limits::MAX_TEXT_CHARS;
use crate::share::records::Verification;

file_types! {
    /// An invitation we sent. Its secret keys the response's tag: keep the
    /// file private.
    pub struct SentInvitationFile {
        pub id: Id,
        /// 16 bytes, base64url without padding.
        #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[A-Za-z0-9_-]{22}$")))]
        pub secret: Secret,
        /// YYYY-MM-DD.
        pub created: Date,
        pub expires: Option<Date>,
        pub contact: Short,
        /// Sealed with a passphrase (never stored).
        pub protected: bool,
        pub link: Text<MAX_TEXT_CHARS>,
        /// The day it was revoked (its responses are refused), or null.
        pub revoked: Option<Date>,
    }

    /// A self-rating with its evidence.
    pub struct SelfRatingFile {
        /// 1–5.
        pub score: Score,
        pub evidence: Long,
    }

    /// A partner's response, as received.
    pub struct ReceivedResponseFile {
        /// The id of one of this partner's invitations.
        pub invitation: Id,
        pub received: Date,
        pub submitted: Date,
        pub respondent: Short,
        pub email: Short,
        /// Criterion id → their self-rating.
        pub ratings: BTreeMap<String, SelfRatingFile>,
        pub answers: AnswersFile,
        pub comments: Long,
        pub verification: Verification,
    }

    pub struct SelfAssessmentFile {
        pub invitations: Vec<SentInvitationFile>,
        pub responses: Vec<ReceivedResponseFile>,
    }
}
