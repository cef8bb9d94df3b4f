//! Step 3 of the method: alignment beyond "we sell to the same market".
//! Three questions, our answers beside the partner's, and a judgment.

use crate::vocabulary;

/// The three questions of the first serious conversation, in order.
pub const QUESTIONS: [&str; 3] = [
    "What problem do you solve, in your customer's words?",
    "When do customers feel urgency and allocate budget?",
    "What does a successful customer look like 90 days after purchase?",
];

/// Answers to the three alignment questions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// The problem solved, in the customer's words.
    pub problem: String,
    /// When customers feel urgency and allocate budget.
    pub urgency: String,
    /// What success looks like 90 days after purchase.
    pub success_90_days: String,
}

impl Answers {
    /// The answers in the order of [`QUESTIONS`].
    pub fn as_array(&self) -> [&str; 3] {
        [&self.problem, &self.urgency, &self.success_90_days]
    }

    /// Mutable access by question index (0–2).
    pub fn get_mut(&mut self, index: usize) -> Option<&mut String> {
        match index {
            0 => Some(&mut self.problem),
            1 => Some(&mut self.urgency),
            2 => Some(&mut self.success_90_days),
            _ => None,
        }
    }

    /// How many of the three are answered.
    pub fn answered(&self) -> usize {
        self.as_array()
            .iter()
            .filter(|a| !a.trim().is_empty())
            .count()
    }
}

vocabulary! {
    /// Our judgment of how the partner's answers map to our story.
    pub enum Judgment ("alignment judgment") {
        Unjudged = "unjudged" / "Not judged yet",
        MapsCleanly = "maps_cleanly" / "Maps cleanly",
        Partly = "partly" / "Maps partly",
        NotAtAll = "not_at_all" / "Does not map",
    }
}

/// A partner's side of the alignment check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartnerAlignment {
    pub answers: Answers,
    pub judgment: Judgment,
}
