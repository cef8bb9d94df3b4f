//! A partner's self-assessment records: invitation ids unique, responses to
//! this partner's invitations.

use std::collections::BTreeMap;

use super::{duplicates, every};
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::reader::PartialOf;
use crate::format::file::share::partial;
use crate::format::file::{
    ReceivedResponseFile, SelfAssessmentFile, SelfRatingFile, SentInvitationFile,
};
use crate::id::Id;
use crate::partner::Rating;
use crate::share::records::{ReceivedResponse, SelfAssessment, SentInvitation};

pub(super) fn self_assessment(
    p: PartialOf<SelfAssessmentFile>,
    at: &Place,
) -> Option<SelfAssessment> {
    let partial::SelfAssessmentFile {
        invitations,
        responses,
    } = p;
    let sent = invitations.partial();
    let ids: Vec<Id> = sent
        .iter()
        .flatten()
        .filter_map(|i| i.as_partial()?.id.as_partial().cloned())
        .collect();
    if let Some(sent) = &sent {
        duplicates(
            &at.key(file_key!(SelfAssessmentFile, invitations)),
            "invitation",
            file_key!(SentInvitationFile, id),
            sent.iter().map(|i| i.as_partial()?.id.as_partial()),
        );
    }
    let invitations =
        sent.and_then(|list| every(list.into_iter().map(|i| i.whole().map(invitation))));
    let responses_at = at.key(file_key!(SelfAssessmentFile, responses));
    let responses = responses.partial().and_then(|list| {
        every(
            list.into_iter()
                .enumerate()
                .map(|(i, r)| response(r.partial()?, &responses_at.index(i), &ids)),
        )
    });
    Some(SelfAssessment {
        invitations: invitations?,
        responses: responses?,
    })
}

fn invitation(i: SentInvitationFile) -> SentInvitation {
    let SentInvitationFile {
        id,
        secret,
        created,
        expires,
        contact,
        protected,
        link,
    } = i;
    SentInvitation {
        id,
        secret: secret.0,
        created,
        expires,
        contact: contact.0,
        protected,
        link: link.0,
    }
}

fn response(
    p: PartialOf<ReceivedResponseFile>,
    at: &Place,
    invitations: &[Id],
) -> Option<ReceivedResponse> {
    let partial::ReceivedResponseFile {
        invitation,
        received,
        submitted,
        respondent,
        email,
        ratings,
        answers,
        comments,
        verification,
    } = p;
    let invitation = invitation.whole().filter(|id| {
        let known = invitations.contains(id);
        if !known {
            at.key(file_key!(ReceivedResponseFile, invitation))
                .report(format!("\"{id}\" is not one of this partner's invitations"));
        }
        known
    });
    // Ratings name the criteria as they were asked; a criterion deleted
    // since is kept here (the comparison shows current criteria only).
    let ratings_at = at.key(file_key!(ReceivedResponseFile, ratings));
    let ratings = ratings.partial().and_then(|entries| {
        every(entries.into_iter().map(|e| {
            let id = Id::parse(&e.key)
                .map_err(|err| {
                    ratings_at
                        .key(&e.key)
                        .report(format!("\"{}\" is not a criterion id: {err}", e.key))
                })
                .ok();
            let rating = e
                .value
                .whole()
                .map(|SelfRatingFile { score, evidence }| Rating {
                    score,
                    evidence: evidence.0,
                });
            Some((id?, rating?))
        }))
    });
    Some(ReceivedResponse {
        invitation: invitation?,
        received: received.whole()?,
        submitted: submitted.whole()?,
        respondent: respondent.whole()?.0,
        email: email.whole()?.0,
        ratings: ratings?.into_iter().collect::<BTreeMap<_, _>>(),
        answers: answers.whole().map(super::profile::answers)?,
        comments: comments.whole()?.0,
        verification: verification.whole()?,
    })
}
