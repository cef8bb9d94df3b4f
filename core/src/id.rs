//! Record identifiers. The core never invents randomness: callers pass the
//! entropy in, so generating an id is a pure function.

use std::fmt;

/// Longest id accepted in a file.
pub const MAX_ID_LEN: usize = 64;

/// The id of a record in a workspace (partner, criterion, category, list…):
/// 1–64 characters from `A–Z a–z 0–9 _ - .`. Cheap to clone (shared text).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(std::sync::Arc<str>);

/// Why a text is not a valid id.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("an id cannot be empty")]
    Empty,
    #[error("an id is at most {MAX_ID_LEN} characters (this one has {0})")]
    TooLong(usize),
    #[error("an id may only contain letters, digits, '_', '-' and '.' (found {0:?})")]
    BadChar(char),
}

impl Id {
    /// Parse an id, checking its length and characters.
    pub fn parse(s: &str) -> Result<Id, IdError> {
        if s.is_empty() {
            return Err(IdError::Empty);
        }
        let len = s.chars().count();
        if len > MAX_ID_LEN {
            return Err(IdError::TooLong(len));
        }
        if let Some(c) = s
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
        {
            return Err(IdError::BadChar(c));
        }
        Ok(Id(s.into()))
    }

    /// An id made of a prefix and caller-supplied entropy, e.g. `p-1f3a9c`.
    pub fn generate(prefix: &str, entropy: u64) -> Id {
        let prefix: String = prefix
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .take(16)
            .collect();
        Id(format!("{prefix}-{entropy:x}").into())
    }

    /// A fresh id with `prefix` that is not in `taken`; `entropy` seeds it.
    pub fn fresh<'a>(prefix: &str, entropy: u64, taken: impl IntoIterator<Item = &'a Id>) -> Id {
        let taken: std::collections::HashSet<&Id> = taken.into_iter().collect();
        let mut e = entropy;
        loop {
            let id = Id::generate(prefix, e);
            if !taken.contains(&id) {
                return id;
            }
            e = e
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
        }
    }

    /// Whether two ids name the same record once case is set aside: a file
    /// refuses such pairs in one list (read aloud, typed, or compared by a
    /// spreadsheet they are the same), so an edit refuses to make one.
    pub fn collides(&self, other: &Id) -> bool {
        self.0.len() == other.0.len() && self.0.to_lowercase() == other.0.to_lowercase()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Id {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Id::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_and_rejects() {
        for (input, ok) in [
            ("p-1", true),
            ("icp_density", true),
            ("a.b", true),
            ("", false),
            ("has space", false),
            ("é", false),
            (&"x".repeat(65), false),
        ] {
            assert_eq!(Id::parse(input).is_ok(), ok, "{input:?}");
        }
    }

    #[test]
    fn fresh_avoids_taken_ids() {
        let taken = [Id::generate("p", 1)];
        let id = Id::fresh("p", 1, taken.iter());
        assert_ne!(id, taken[0]);
        assert!(Id::parse(id.as_str()).is_ok());
    }
}
