//! Counts in words, with the right plural: "1 partner", "12 partners",
//! "200,000 accounts". Every count the app or the command line writes in a
//! sentence goes through [`count`].

use crate::money::group_digits;

/// `n` with its noun: `one` for exactly one, `many` otherwise; thousands
/// grouped.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        group_digits(n as u64),
        if n == 1 { one } else { many }
    )
}

/// The first words of a long text (40 characters, then "…"), to name it in
/// a short message.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 40;
    let mut s: String = text.trim().chars().take(MAX).collect();
    if text.trim().chars().count() > MAX {
        s.push('…');
    }
    s
}

/// `text` with its first letter in capitals ("remove a list" → "Remove a
/// list"), to start a sentence with a summary.
pub fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_read_as_words() {
        for (n, text) in [
            (0, "0 accounts"),
            (1, "1 account"),
            (2, "2 accounts"),
            (200_000, "200,000 accounts"),
        ] {
            assert_eq!(super::count(n, "account", "accounts"), text);
        }
        assert_eq!(super::count(1, "criterion", "criteria"), "1 criterion");
    }
}
