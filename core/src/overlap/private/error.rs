//! Why a private-overlap step or file was refused. Each message says what,
//! where and why; a refusal changes nothing on either side.

use super::terms::Step;

/// Whose list a size refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The company that started the comparison.
    Requester,
    /// The partner who answers it.
    Responder,
}

impl Side {
    fn list(self) -> &'static str {
        match self {
            Side::Requester => "the requesting company's list",
            Side::Responder => "the answering company's list",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PsiError {
    #[error("this is not a Partnerfit private-comparison file (it does not start with \"PARTNERFIT-PSI\")")]
    NotPsiFile,
    #[error("this private-comparison file was made by a newer Partnerfit (format {found}; this one reads format {reads}): update Partnerfit to read it")]
    NewerFormat { found: u32, reads: u32 },
    #[error("the file is cut short: {expected} bytes were expected, it has {found}")]
    Truncated { expected: usize, found: usize },
    #[error("the file was changed after it was written: its checksum does not match (ask for it again, sent as is)")]
    Altered,
    #[error("the file's header cannot be read: {0}")]
    Header(String),
    #[error("this is the {found} of a private comparison, but the {expected} is needed here")]
    WrongStep { expected: Step, found: Step },
    #[error("this file belongs to another comparison (session {found}, expected {expected}): use the file of this comparison")]
    OtherSession { expected: String, found: String },
    #[error("this {found} answers another {expected} of the same comparison (it was made for a different file): use the answer to the request you sent")]
    NotForThis { expected: Step, found: Step },
    #[error("{population} holds {declared} declared in the header, but {found} in the file")]
    SizeMismatch {
        population: &'static str,
        declared: u32,
        found: usize,
    },
    #[error("{population}, element {position}: {why}")]
    BadPoint {
        population: &'static str,
        position: usize,
        why: &'static str,
    },
    #[error("{population}, element {position}, repeats an element of the file: the file was not made by Partnerfit or was changed")]
    Repeated {
        population: &'static str,
        position: usize,
    },
    #[error("{} has {count} accounts with a key taking part, under the minimum of {min}: a tiny list could probe for single accounts, so Partnerfit refuses it", .side.list())]
    TooFew { side: Side, count: usize, min: u32 },
    #[error(
        "no population takes part: choose at least one of customers, open opportunities, prospects"
    )]
    NoPopulation,
    #[error("the answer re-blinded {found} of our {population}, but the request sent {sent}")]
    AnswerSize {
        population: &'static str,
        sent: usize,
        found: usize,
    },
    #[error("the result names element {position}, but the answer sent {sent}")]
    ResultPosition { position: u32, sent: usize },
    #[error("the result names shared accounts, but the comparison is counts only: it was not made by Partnerfit")]
    SharedInCounts,
    #[error("the sender's name is {why}: at most 200 characters, no control characters")]
    BadName { why: &'static str },
    #[error("this comparison was finished already: its secret was erased, so another answer cannot be read (start a new comparison)")]
    Finished,
    #[error("no answer made here waits for a result: this side answers a request before it can read a result")]
    NothingAnswered,
    #[error("this result is for comparison {session}, which no answer made here waits for: it was read already, forgotten, or answered in another browser")]
    NoAnswerFor { session: String },
    #[error("the result's mode is {found}, but this comparison was started in {expected}")]
    ModeMismatch {
        expected: &'static str,
        found: &'static str,
    },
}
