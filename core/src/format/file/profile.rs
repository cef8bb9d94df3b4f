//! The file's profile section: the company that owns the workspace, and the
//! answers to the alignment questions (ours, a partner's, a response's).

use super::declare::file_types;
use super::leaf::{Long, Short};
use crate::money::Currency;

file_types! {
    /// Answers to the three alignment questions.
    pub struct AnswersFile {
        pub problem: Long,
        pub urgency: Long,
        pub success_90_days: Long,
    }

    /// The company that owns the workspace.
    pub struct ProfileFile {
        pub name: Short,
        pub website: Short,
        /// ISO 4217 code; every amount in the file is in its minor units.
        #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[A-Z]{3}$")))]
        pub currency: Currency,
        /// Our answers to the three alignment questions.
        pub alignment_answers: AnswersFile,
    }
}
