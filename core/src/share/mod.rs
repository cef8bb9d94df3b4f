//! Self-assessment by link, with no server: an invitation travels to the
//! partner inside a URL fragment, their answers travel back the same way,
//! and we compare their self-rating with ours.
//!
//! - [`envelope`]: the versioned, compressed (optionally sealed) link format;
//! - [`crypto`]: passphrase sealing and the response tag;
//! - [`passphrase`]: the minimum length, and generated passphrases;
//! - [`invitation`]: what a partner receives (an allow-list), and opening it;
//! - [`response`]: the partner's draft and response, opening and attaching it;
//! - [`records`]: what our workspace keeps;
//! - [`compare`]: their self-rating beside ours, gaps in words.
//!
//! Randomness (ids, secrets, salts, nonces) comes in as arguments.

pub mod compare;
pub mod crypto;
pub mod envelope;
pub mod error;
pub mod invitation;
pub mod limits;
pub mod passphrase;
pub mod records;
pub mod response;

pub use error::ShareError;
