//! Text written into Markdown (the one-pager, the tier sheet, the agendas):
//! what partners and CRMs typed is shown as written, never as markup.

/// Escape Markdown's inline markup (`\\`, backtick, `*`, `_`, brackets,
/// angle brackets, `#`, `|`) and keep the text on one line.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}
