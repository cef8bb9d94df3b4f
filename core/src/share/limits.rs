//! How much link text and unpacked payload Partnerfit accepts (shared by the
//! decoder and the messages that explain a refusal).

/// Longest text accepted as a link (a file may hold a longer envelope than
/// a link should, but nothing Partnerfit writes comes near this).
pub const MAX_TEXT_CHARS: usize = 200_000;
/// Largest unpacked payload: refused before inflating beyond it.
pub const MAX_UNPACKED: usize = 64 * 1024;
