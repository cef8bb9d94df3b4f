//! The company that owns the workspace.

use crate::alignment::Answers;
use crate::money::Currency;

/// Who "we" are: the company choosing partners.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyProfile {
    pub name: String,
    pub website: String,
    /// Currency of every amount in the workspace.
    pub currency: Currency,
    /// Our own answers to the three alignment questions.
    pub answers: Answers,
}

impl Default for CompanyProfile {
    fn default() -> Self {
        CompanyProfile {
            name: String::new(),
            website: String::new(),
            currency: Currency::EUR,
            answers: Answers::default(),
        }
    }
}
