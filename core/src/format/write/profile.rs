//! The profile section, and answers to the alignment questions.

use crate::alignment::Answers;
use crate::format::file::leaf::Text;
use crate::format::file::{AnswersFile, ProfileFile};
use crate::profile::CompanyProfile;

pub(super) fn answers(a: &Answers) -> AnswersFile {
    AnswersFile {
        problem: Text(a.problem.clone()),
        urgency: Text(a.urgency.clone()),
        success_90_days: Text(a.success_90_days.clone()),
    }
}

pub(super) fn profile(p: &CompanyProfile) -> ProfileFile {
    ProfileFile {
        name: Text(p.name.clone()),
        website: Text(p.website.clone()),
        currency: p.currency,
        alignment_answers: answers(&p.answers),
    }
}
