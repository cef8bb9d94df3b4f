//! A 1–5 score and our rating of one criterion (also a partner's
//! self-rating in a self-assessment).

/// A 1–5 rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(u8);

impl Score {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn new(v: u8) -> Option<Score> {
        (Self::MIN..=Self::MAX).contains(&v).then_some(Score(v))
    }
    pub fn get(self) -> u8 {
        self.0
    }
}

/// Our rating of one criterion, with the evidence behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rating {
    pub score: Score,
    pub evidence: String,
}
