//! A partner's self-assessment records.

use crate::format::file::leaf::{Secret, Text};
use crate::format::file::{
    ReceivedResponseFile, SelfAssessmentFile, SelfRatingFile, SentInvitationFile,
};
use crate::share::records::SelfAssessment;

use super::profile::answers;

pub(super) fn self_assessment(s: &SelfAssessment) -> SelfAssessmentFile {
    SelfAssessmentFile {
        invitations: s
            .invitations
            .iter()
            .map(|i| SentInvitationFile {
                id: i.id.clone(),
                secret: Secret(i.secret),
                created: i.created,
                expires: i.expires,
                contact: Text(i.contact.clone()),
                protected: i.protected,
                link: Text(i.link.clone()),
            })
            .collect(),
        responses: s
            .responses
            .iter()
            .map(|r| ReceivedResponseFile {
                invitation: r.invitation.clone(),
                received: r.received,
                submitted: r.submitted,
                respondent: Text(r.respondent.clone()),
                email: Text(r.email.clone()),
                ratings: r
                    .ratings
                    .iter()
                    .map(|(id, x)| {
                        (
                            id.to_string(),
                            SelfRatingFile {
                                score: x.score,
                                evidence: Text(x.evidence.clone()),
                            },
                        )
                    })
                    .collect(),
                answers: answers(&r.answers),
                comments: Text(r.comments.clone()),
                verification: r.verification,
            })
            .collect(),
    }
}
