//! The profile section, and answers to the alignment questions.

use crate::alignment::Answers;
use crate::format::file::{AnswersFile, ProfileFile};
use crate::profile::CompanyProfile;

pub(super) fn answers(a: AnswersFile) -> Answers {
    let AnswersFile {
        problem,
        urgency,
        success_90_days,
    } = a;
    Answers {
        problem: problem.0,
        urgency: urgency.0,
        success_90_days: success_90_days.0,
    }
}

pub(super) fn profile(p: ProfileFile) -> CompanyProfile {
    let ProfileFile {
        name,
        website,
        currency,
        alignment_answers,
    } = p;
    CompanyProfile {
        name: name.0,
        website: website.0,
        currency,
        answers: answers(alignment_answers),
    }
}
