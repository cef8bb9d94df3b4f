//! Control characters in text that came from someone else (a partner's
//! response, an imported file): found, to refuse them where a name or an
//! address is expected, and escaped, wherever such text is printed to a
//! terminal.
//!
//! The rule: a *control* is any character of Unicode category Cc (C0, DEL,
//! C1: ESC starts terminal escape sequences, CR rewrites the current line),
//! plus the bidirectional overrides and isolates (U+202A–U+202E,
//! U+2066–U+2069), which reorder what is shown. In a name or an e-mail
//! address none of them has a use, so they are refused. In longer text
//! (evidence, comments) line breaks and tabs are kept; every other control
//! is shown escaped (`\u{1b}`) when printed.

use std::borrow::Cow;

/// A bidirectional override or isolate (reorders text as displayed).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is a control character in the sense of this module.
pub fn is_control(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The first control character of `text`, with its position counted in
/// characters from 1.
pub fn first_control(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|(_, c)| is_control(*c))
        .map(|(i, c)| (i + 1, c))
}

/// How a control character is named in a message: `U+001B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// `text` safe to print on a terminal: every control escaped as `\u{…}`
/// except line breaks and tabs when `multiline` (a `\r` is always escaped:
/// it returns to the start of the line and can overprint it).
pub fn escape(text: &str, multiline: bool) -> Cow<'_, str> {
    let keep = |c: char| multiline && (c == '\n' || c == '\t');
    if !text.chars().any(|c| is_control(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_control(c) && !keep(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, multiline: bool, escaped: &str, first: Option<(usize, char)>) {
        assert_eq!(escape(text, multiline), escaped, "{text:?}");
        assert_eq!(first_control(text), first, "{text:?}");
    }

    #[test]
    fn controls_are_found_and_escaped() {
        for (text, multiline, escaped, first) in [
            ("Dana Reyes", false, "Dana Reyes", None),
            ("Zoë Ñúñez 山田", false, "Zoë Ñúñez 山田", None),
            (
                "Eve\u{1b}[2K\rVerified",
                false,
                "Eve\\u{1b}[2K\\u{d}Verified",
                Some((4, '\u{1b}')),
            ),
            ("a\nb\tc", true, "a\nb\tc", Some((2, '\n'))),
            ("a\nb", false, "a\\u{a}b", Some((2, '\n'))),
            ("a\r\nb", true, "a\\u{d}\nb", Some((2, '\r'))),
            (
                "evil\u{202E}gnp.exe",
                false,
                "evil\\u{202e}gnp.exe",
                Some((5, '\u{202E}')),
            ),
            ("x\u{2066}y", true, "x\\u{2066}y", Some((2, '\u{2066}'))),
            ("\u{7f}\u{9b}", false, "\\u{7f}\\u{9b}", Some((1, '\u{7f}'))),
            // Zero-width characters are not controls: shown as they are.
            ("a\u{200B}b", false, "a\u{200B}b", None),
        ] {
            check(text, multiline, escaped, first);
        }
        assert_eq!(code_point('\u{1b}'), "U+001B");
    }
}
