//! Reading a partner's self-assessment records (format version 4).

use std::collections::BTreeMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use super::cursor::{report_duplicates, At};
use crate::alignment::Answers;
use crate::date::Date;
use crate::id::Id;
use crate::partner::{Rating, Score};
use crate::share::envelope::MAX_TEXT_CHARS;
use crate::share::records::{ReceivedResponse, SelfAssessment, SentInvitation, SECRET_LEN};

pub(super) fn read_answers(at: &At) -> Option<Answers> {
    let o = at.object(&["problem", "urgency", "success_90_days"])?;
    let problem = o.req("problem").and_then(|a| a.long());
    let urgency = o.req("urgency").and_then(|a| a.long());
    let success = o.req("success_90_days").and_then(|a| a.long());
    Some(Answers {
        problem: problem?,
        urgency: urgency?,
        success_90_days: success?,
    })
}

fn read_date(at: &At) -> Option<Date> {
    at.parsed(Date::parse)
}

fn read_invitation(at: &At) -> Option<SentInvitation> {
    let o = at.object(&[
        "id",
        "secret",
        "created",
        "expires",
        "contact",
        "protected",
        "link",
    ])?;
    let id = o.req("id").and_then(|a| a.parsed(Id::parse));
    let secret = o.req("secret").and_then(|a| {
        let text = a.short()?;
        let bytes: Option<[u8; SECRET_LEN]> = URL_SAFE_NO_PAD
            .decode(&text)
            .ok()
            .and_then(|b| b.try_into().ok());
        if bytes.is_none() {
            a.report("expected 16 bytes in base64url (22 characters)");
        }
        bytes
    });
    let created = o.req("created").and_then(|a| read_date(&a));
    let expires = match o.opt("expires") {
        None => Some(None),
        Some(a) => read_date(&a).map(Some),
    };
    let contact = o.req("contact").and_then(|a| a.short());
    let protected = o.req("protected").and_then(|a| a.bool());
    let link = o.req("link").and_then(|a| a.text(MAX_TEXT_CHARS));
    Some(SentInvitation {
        id: id?,
        secret: secret?,
        created: created?,
        expires: expires?,
        contact: contact?,
        protected: protected?,
        link: link?,
    })
}

fn read_response(at: &At, invitations: &[Id]) -> Option<ReceivedResponse> {
    let o = at.object(&[
        "invitation",
        "received",
        "submitted",
        "respondent",
        "email",
        "ratings",
        "answers",
        "comments",
        "verification",
    ])?;
    let invitation = o.req("invitation").and_then(|a| {
        let id = a.parsed(Id::parse)?;
        if !invitations.contains(&id) {
            a.report(format!("\"{id}\" is not one of this partner's invitations"));
            return None;
        }
        Some(id)
    });
    let received = o.req("received").and_then(|a| read_date(&a));
    let submitted = o.req("submitted").and_then(|a| read_date(&a));
    let respondent = o.req("respondent").and_then(|a| a.short());
    let email = o.req("email").and_then(|a| a.short());
    // Ratings name the criteria as they were asked; a criterion deleted
    // since is kept here (the comparison shows current criteria only).
    let ratings = o.req("ratings").and_then(|a| {
        let mut map = BTreeMap::new();
        let mut ok = true;
        for (key, v) in a.entries()? {
            let rating = v.object(&["score", "evidence"]).and_then(|r| {
                let score = r
                    .req("score")
                    .and_then(|s| s.integer(i64::from(Score::MIN)..=i64::from(Score::MAX)))
                    .and_then(|n| Score::new(n as u8));
                let evidence = r.req("evidence").and_then(|e| e.long());
                Some(Rating {
                    score: score?,
                    evidence: evidence?,
                })
            });
            match (Id::parse(key), rating) {
                (Ok(id), Some(r)) => {
                    map.insert(id, r);
                }
                (Err(e), _) => {
                    v.report(format!("\"{key}\" is not a criterion id: {e}"));
                    ok = false;
                }
                _ => ok = false,
            }
        }
        ok.then_some(map)
    });
    let answers = o.req("answers").and_then(|a| read_answers(&a));
    let comments = o.req("comments").and_then(|a| a.long());
    let verification = o.req("verification").and_then(|a| a.choice());
    Some(ReceivedResponse {
        invitation: invitation?,
        received: received?,
        submitted: submitted?,
        respondent: respondent?,
        email: email?,
        ratings: ratings?,
        answers: answers?,
        comments: comments?,
        verification: verification?,
    })
}

/// A partner's `self_assessment` object.
pub(super) fn read_self_assessment(at: &At) -> Option<SelfAssessment> {
    let o = at.object(&["invitations", "responses"])?;
    let invitations = o.req("invitations").and_then(|a| {
        let list = a.list(|i| read_invitation(&i))?;
        report_duplicates(
            a.probs,
            "invitation",
            list.iter()
                .enumerate()
                .map(|(k, i)| (format!("{}[{k}].id", a.path()), i.id.as_str())),
        );
        Some(list)
    });
    let ids: Vec<Id> = invitations.iter().flatten().map(|i| i.id.clone()).collect();
    let responses = o
        .req("responses")
        .and_then(|a| a.list(|r| read_response(&r, &ids)));
    Some(SelfAssessment {
        invitations: invitations?,
        responses: responses?,
    })
}
