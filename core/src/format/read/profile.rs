//! The profile section, and answers to the alignment questions: both
//! convert field by field.

use crate::alignment::Answers;
use crate::format::file::{AnswersFile, ProfileFile};
use crate::format::file_form::file_form;
use crate::profile::CompanyProfile;

file_form! {
    Answers = AnswersFile { problem, urgency, success_90_days }
    CompanyProfile = ProfileFile { name, website, currency, alignment_answers: answers }
}
