//! Everything that can go wrong with a shared link, in words a partner or a
//! revenue leader can act on. What a parser, the base64 decoder or the
//! decompressor said is never in the message: it is kept apart, for whoever
//! wants it, in [`ShareError::detail`].

use std::fmt;

use super::crypto::{MAX_ITERATIONS, MIN_ITERATIONS};
use super::limits::{LINK_VERSION, MAX_TEXT_CHARS, MAX_UNPACKED};
use crate::money::group_digits;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing was pasted.
    Empty,
    /// Longer than any link (its length in characters).
    TooLong(usize),
    /// No `pf<version>.` where the link's fragment should start.
    NotPartnerfit,
    /// Written in a link format newer than this version reads.
    NewerVersion(u64),
    /// The kind and mode after the version are not ones Partnerfit writes.
    BadHeader(String),
    /// A character base64url never uses (position counted from 1 in the data).
    BadCharacter {
        position: usize,
        character: char,
    },
    /// Cut off: shorter than its header says, or too short for what it holds.
    Truncated,
    /// Damaged in a way the envelope notices (the technical detail).
    Damaged(String),
    NeedsPassphrase,
    WrongPassphrase,
    /// A sealed link asks for a key-derivation cost outside the accepted range.
    Iterations(u32),
    /// Unpacks to more than [`MAX_UNPACKED`] bytes.
    TooLarge,
    /// A file that is not a shared Partnerfit file (the technical detail).
    BadFile(String),
    /// The envelope opened, but its content is not a valid `what`
    /// ("invitation" or "response"); `detail` says where.
    Invalid {
        what: &'static str,
        detail: String,
    },
    Expired {
        on: String,
        from: String,
    },
    UnknownInvitation(String),
    /// A response to an invitation we revoked (its id, the day).
    Revoked {
        invitation: String,
        on: String,
    },
    WrongKind {
        found: &'static str,
        expected: &'static str,
        hint: &'static str,
    },
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NEW_LINK: &str = "Ask whoever sent it for a new link.";
        match self {
            ShareError::Empty => write!(
                f,
                "Nothing to open: paste the whole link (it contains \"#pf\") or choose the .json file."
            ),
            ShareError::TooLong(n) => write!(
                f,
                "This text is {} characters long, more than any Partnerfit link (at most {}). It is not a Partnerfit link, or it was corrupted.",
                group_digits(*n as u64),
                group_digits(MAX_TEXT_CHARS as u64)
            ),
            ShareError::NotPartnerfit => write!(
                f,
                "This is not a Partnerfit link, or only part of one. Copy the whole link you were sent: the part after \"#\" starts with \"pf\"."
            ),
            ShareError::NewerVersion(_) => write!(
                f,
                "This link was made by a newer version of Partnerfit than this page. Open it with an up-to-date Partnerfit, or ask whoever sent it where to open it."
            ),
            ShareError::BadHeader(_) => {
                write!(f, "The link is damaged: its beginning was changed. {NEW_LINK}")
            }
            ShareError::BadCharacter { .. } => write!(
                f,
                "The link is damaged: it contains a character no Partnerfit link has, perhaps added by an e-mail program or an edit. Copy the whole link again, or ask whoever sent it for a new one."
            ),
            ShareError::Truncated => write!(
                f,
                "The link is incomplete: it was cut off, perhaps by an e-mail program breaking a long line. Copy the whole link, or ask for the .json file instead."
            ),
            ShareError::Damaged(_) => write!(
                f,
                "The link is damaged: part of it is missing or changed. {NEW_LINK}"
            ),
            ShareError::NeedsPassphrase => write!(
                f,
                "This link is protected by a passphrase. Enter the passphrase you were given (it is never in the link itself)."
            ),
            ShareError::WrongPassphrase => write!(
                f,
                "Wrong passphrase, or the link was altered. Check the passphrase with whoever sent the link."
            ),
            ShareError::Iterations(_) => write!(
                f,
                "The link is damaged: its protection is not set up the way Partnerfit does it. {NEW_LINK}"
            ),
            ShareError::TooLarge => write!(
                f,
                "This link holds far more than any Partnerfit invitation or response, so it is not opened: it was changed, or not made by Partnerfit."
            ),
            ShareError::BadFile(_) => write!(
                f,
                "This file is not a Partnerfit invitation or response, or it was changed. Choose the .json file Partnerfit made, or paste the link instead."
            ),
            ShareError::Invalid { what, .. } => match *what {
                "response" => write!(
                    f,
                    "The response is damaged: part of it is missing or changed. Ask the partner to send it again."
                ),
                "invitation" => write!(
                    f,
                    "The link is damaged: part of the invitation is missing or changed. Ask for a new link."
                ),
                other => write!(
                    f,
                    "The link is damaged: part of the {other} is missing or changed. {NEW_LINK}"
                ),
            },
            ShareError::Expired { on, from } => {
                write!(f, "This invitation expired on {on}. Ask {from} for a new one.")
            }
            ShareError::UnknownInvitation(id) => write!(
                f,
                "This response answers invitation {id}, which is not in this workspace. Open it in the workspace that sent the invitation."
            ),
            ShareError::Revoked { invitation, on } => write!(
                f,
                "This response answers invitation {invitation}, which was revoked on {on}: it is not taken in. Send the partner a new invitation if you still want their answers."
            ),
            ShareError::WrongKind {
                found,
                expected,
                hint,
            } => write!(f, "This is {found} link, not {expected}: {hint}"),
        }
    }
}

impl std::error::Error for ShareError {}

impl ShareError {
    /// What exactly is wrong, for whoever wants to know (a support request, a
    /// developer): parser, decoder and decompressor words live here, never in
    /// the message. `None` when the message says it all.
    pub fn detail(&self) -> Option<String> {
        match self {
            ShareError::NewerVersion(n) => Some(format!(
                "link format {n}; this version reads formats 1 to {LINK_VERSION}"
            )),
            ShareError::BadHeader(h) => {
                Some(format!("header \"{h}\" is not one Partnerfit writes"))
            }
            ShareError::BadCharacter {
                position,
                character,
            } => Some(format!(
                "character {character:?} (U+{:04X}) at position {position} of the data",
                u32::from(*character)
            )),
            ShareError::Damaged(d) | ShareError::BadFile(d) => Some(d.clone()),
            ShareError::Iterations(n) => Some(format!(
                "it asks for {} key-derivation rounds; Partnerfit accepts {} to {}",
                group_digits(u64::from(*n)),
                group_digits(u64::from(MIN_ITERATIONS)),
                group_digits(u64::from(MAX_ITERATIONS))
            )),
            ShareError::TooLarge => Some(format!(
                "its content unpacks to more than {} KB",
                MAX_UNPACKED / 1024
            )),
            ShareError::Invalid { what, detail } => Some(format!("not a valid {what}: {detail}")),
            ShareError::Empty
            | ShareError::TooLong(_)
            | ShareError::NotPartnerfit
            | ShareError::Truncated
            | ShareError::NeedsPassphrase
            | ShareError::WrongPassphrase
            | ShareError::Expired { .. }
            | ShareError::UnknownInvitation(_)
            | ShareError::Revoked { .. }
            | ShareError::WrongKind { .. } => None,
        }
    }
}
