//! A partner's self-assessment records: invitation ids unique, responses to
//! this partner's invitations.

use std::collections::BTreeSet;

use super::converted;
use super::lists::{each, entries, ids, ids_of, unique, Ids};
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::reader::PartialOf;
use crate::format::file::share::partial;
use crate::format::file::{
    ReceivedResponseFile, SelfAssessmentFile, SelfRatingFile, SentInvitationFile,
};
use crate::format::file_form::{file_form, FromFile};
use crate::id::Id;
use crate::partner::Rating;
use crate::share::records::{ReceivedResponse, SelfAssessment, SentInvitation, Verification};

file_form! {
    // Written field by field; read below (invitation ids, responses to them).
    SelfAssessment => SelfAssessmentFile { invitations, responses }
    ReceivedResponse => ReceivedResponseFile {
        invitation, received, submitted, respondent, email, ratings, answers, comments,
        verification,
    }
    SentInvitation = SentInvitationFile {
        id, secret, created, expires, contact, protected, link, revoked,
    }
    Rating = SelfRatingFile { score, evidence }
}

const IDS: Ids<SentInvitationFile> = ids_of!(SentInvitationFile, "invitation");

pub(super) fn self_assessment(
    p: PartialOf<SelfAssessmentFile>,
    at: &Place,
) -> Option<SelfAssessment> {
    let partial::SelfAssessmentFile {
        invitations,
        responses,
    } = p;
    // Responses to a list that could not be read are to none of its invitations.
    let sent = ids(&invitations, &IDS).unwrap_or_default();
    // Only a sealed invitation's responses can be verified (see
    // `Verification`): a file saying otherwise is refused, not believed.
    let sealed: BTreeSet<Id> = invitations
        .as_partial()
        .into_iter()
        .flatten()
        .filter_map(|i| i.as_partial())
        .filter(|i| i.protected.as_partial() == Some(&true))
        .filter_map(|i| i.id.as_partial().cloned())
        .collect();
    let invitations = unique(
        invitations,
        &at.key(file_key!(SelfAssessmentFile, invitations)),
        &IDS,
        |i, _| converted(i),
    );
    let responses_at = at.key(file_key!(SelfAssessmentFile, responses));
    let responses = responses.partial().and_then(|list| {
        each(list, &responses_at, |r, at| {
            response(r.partial()?, at, &sent, &sealed)
        })
    });
    Some(SelfAssessment {
        invitations: invitations?,
        responses: responses?,
    })
}

fn response(
    p: PartialOf<ReceivedResponseFile>,
    at: &Place,
    invitations: &BTreeSet<Id>,
    sealed: &BTreeSet<Id>,
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
    let ratings = entries(ratings, &ratings_at, |at, key| {
        Id::parse(key)
            .map_err(|err| at.report(format!("\"{key}\" is not a criterion id: {err}")))
            .ok()
    });
    let verification = verification.whole().filter(|v| {
        let claimed = *v == Verification::Verified
            && invitation.as_ref().is_some_and(|i| !sealed.contains(i));
        if claimed {
            at.key(file_key!(ReceivedResponseFile, verification)).report(
                "\"verified\", but its invitation was not sealed: a response to it can only match the link (\"matches_link\")",
            );
        }
        !claimed
    });
    Some(ReceivedResponse {
        invitation: invitation?,
        received: received.whole()?,
        submitted: submitted.whole()?,
        respondent: converted(respondent)?,
        email: converted(email)?,
        ratings: ratings?
            .into_iter()
            .map(|(id, r)| (id, Rating::from_file(r)))
            .collect(),
        answers: converted(answers)?,
        comments: converted(comments)?,
        verification: verification?,
    })
}
