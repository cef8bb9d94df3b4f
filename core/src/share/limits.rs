//! What Partnerfit accepts of a link: its format, how much text and how much
//! unpacked payload (shared by the decoder and the messages that explain a
//! refusal).

/// The newest link format this version reads (it reads every older one too).
pub const LINK_VERSION: u32 = 2;

/// Longest text accepted as a link (a file may hold a longer envelope than
/// a link should, but nothing Partnerfit writes comes near this).
pub const MAX_TEXT_CHARS: usize = 200_000;
/// Largest unpacked payload: refused before inflating beyond it.
pub const MAX_UNPACKED: usize = 64 * 1024;
