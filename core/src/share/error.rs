//! Everything that can go wrong with a shared link, in words a partner or a
//! revenue leader can act on.

use super::limits::{MAX_TEXT_CHARS, MAX_UNPACKED};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    #[error(
        "Nothing to open: paste the whole link (it contains \"#pf1.\") or choose the .json file."
    )]
    Empty,
    #[error("This text is {0} characters long; a Partnerfit link is at most {MAX_TEXT_CHARS}. It is not a Partnerfit link, or it was corrupted.")]
    TooLong(usize),
    #[error("This is not a Partnerfit link: the part after \"#\" should start with \"pf1.\".")]
    NotPartnerfit,
    #[error("This link was made by a newer version of Partnerfit (link format {0}); this one reads format 1. Open it with an up-to-date Partnerfit.")]
    NewerVersion(u64),
    #[error("The link is damaged: its header \"{0}\" is not one Partnerfit writes.")]
    BadHeader(String),
    #[error("The link is damaged: the character {character:?} at position {position} of its data cannot appear in a Partnerfit link (was it edited?).")]
    BadCharacter { position: usize, character: char },
    #[error("The link is incomplete: it was cut off, perhaps by an e-mail program breaking a long line. Copy the whole link, or ask for the .json file instead.")]
    Truncated,
    #[error("The link is damaged: {0}.")]
    Damaged(String),
    #[error("This link is protected by a passphrase. Enter the passphrase you were given (it is never in the link itself).")]
    NeedsPassphrase,
    #[error("Wrong passphrase, or the link was altered. Check the passphrase with whoever sent the link.")]
    WrongPassphrase,
    #[error("The link asks for {0} key-derivation rounds, outside what Partnerfit accepts (100,000 to 5,000,000).")]
    Iterations(u32),
    #[error("The link's content unpacks to more than {} KB; Partnerfit refuses it (nothing it writes is that large).", MAX_UNPACKED / 1024)]
    TooLarge,
    #[error("This file is not a Partnerfit invitation or response: {0}.")]
    BadFile(String),
    #[error("The link is damaged: its content is not a valid {what} ({detail}).")]
    Invalid { what: &'static str, detail: String },
    #[error("This invitation expired on {on}. Ask {from} for a new one.")]
    Expired { on: String, from: String },
    #[error("This response answers invitation {0}, which is not in this workspace. Open it in the workspace that sent the invitation.")]
    UnknownInvitation(String),
    #[error("This is {found} link, not {expected}: {hint}")]
    WrongKind {
        found: &'static str,
        expected: &'static str,
        hint: &'static str,
    },
}
