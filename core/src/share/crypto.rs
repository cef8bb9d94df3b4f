//! The cryptography of shared links, all from RustCrypto crates:
//! PBKDF2-HMAC-SHA256 to turn a passphrase into a key, AES-256-GCM to seal a
//! payload, HMAC-SHA256 for a response's authentication tag.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// PBKDF2 iterations written into new links (OWASP's 2023 figure for
/// PBKDF2-HMAC-SHA256). The count travels in the link, so it can be raised
/// without breaking older links.
pub const ITERATIONS: u32 = 600_000;
/// Links asking for fewer iterations than this are refused (too weak), and
/// for more than [`MAX_ITERATIONS`]: a link chooses its own cost, and each
/// try of a passphrase runs it, so a hostile link could freeze the page for
/// seconds per attempt. The cap stays near [`ITERATIONS`] (room to raise it
/// once, not more).
pub const MIN_ITERATIONS: u32 = 100_000;
pub const MAX_ITERATIONS: u32 = 1_000_000;

pub const SALT_LEN: usize = 16;
pub const NONCE_LEN: usize = 12;
/// AES-GCM's tag.
pub const GCM_TAG_LEN: usize = 16;
/// HMAC-SHA256 output.
pub const MAC_LEN: usize = 32;

/// Caller-supplied randomness for sealing (the core has no random source).
#[derive(Clone, Copy, Debug)]
pub struct SealEntropy {
    pub salt: [u8; SALT_LEN],
    pub nonce: [u8; NONCE_LEN],
}

impl SealEntropy {
    /// Split 28 random bytes into salt and nonce.
    pub fn from_bytes(bytes: [u8; SALT_LEN + NONCE_LEN]) -> SealEntropy {
        let mut salt = [0; SALT_LEN];
        let mut nonce = [0; NONCE_LEN];
        salt.copy_from_slice(&bytes[..SALT_LEN]);
        nonce.copy_from_slice(&bytes[SALT_LEN..]);
        SealEntropy { salt, nonce }
    }
}

/// How a passphrase is stretched into a key: the salt and the PBKDF2
/// iteration count, written at the head of a sealed payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stretching {
    pub salt: [u8; SALT_LEN],
    pub iterations: u32,
}

impl Stretching {
    /// How a link written now is stretched: this salt, [`ITERATIONS`].
    pub fn new_link(salt: [u8; SALT_LEN]) -> Stretching {
        Stretching {
            salt,
            iterations: ITERATIONS,
        }
    }
}

/// A passphrase stretched into an AES-256 key for one [`Stretching`]. The
/// stretching is the slow part of sealing and opening (600,000 rounds of
/// HMAC-SHA256, about a second in a browser's wasm): [`Stretched::derive`]
/// runs it here; a shell may run the same PBKDF2-HMAC-SHA256 elsewhere (the
/// browser's Web Crypto, off the page's thread) and bring the key in with
/// [`Stretched::from_key`].
#[derive(Clone, PartialEq, Eq)]
pub struct Stretched {
    pub stretching: Stretching,
    key: [u8; 32],
}

impl std::fmt::Debug for Stretched {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stretched")
            .field("stretching", &self.stretching)
            .finish_non_exhaustive()
    }
}

impl Stretched {
    /// PBKDF2-HMAC-SHA256 of the passphrase's UTF-8 bytes, 32 bytes out.
    pub fn derive(passphrase: &str, stretching: Stretching) -> Stretched {
        let mut key = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(
            passphrase.as_bytes(),
            &stretching.salt,
            stretching.iterations,
            &mut key,
        );
        Stretched { stretching, key }
    }

    /// A key derived elsewhere by the same function as [`Stretched::derive`].
    pub fn from_key(stretching: Stretching, key: [u8; 32]) -> Stretched {
        Stretched { stretching, key }
    }
}

/// What seals or opens a payload: the passphrase (stretched on the spot),
/// or a passphrase already stretched.
#[derive(Clone, Copy, Debug)]
pub enum Secret<'a> {
    Passphrase(&'a str),
    Stretched(&'a Stretched),
}

impl<'a> From<&'a str> for Secret<'a> {
    fn from(p: &'a str) -> Secret<'a> {
        Secret::Passphrase(p)
    }
}

impl<'a> From<&'a String> for Secret<'a> {
    fn from(p: &'a String) -> Secret<'a> {
        Secret::Passphrase(p)
    }
}

impl<'a> From<&'a Stretched> for Secret<'a> {
    fn from(k: &'a Stretched) -> Secret<'a> {
        Secret::Stretched(k)
    }
}

impl Secret<'_> {
    /// Nothing typed: an empty passphrase opens nothing.
    pub fn is_empty(&self) -> bool {
        matches!(self, Secret::Passphrase(p) if p.is_empty())
    }

    /// The key for `stretching`; `None` when a key stretched for another
    /// salt or count is offered (it cannot open this payload).
    fn key_for(&self, stretching: Stretching) -> Option<[u8; 32]> {
        match self {
            Secret::Passphrase(p) => Some(Stretched::derive(p, stretching).key),
            Secret::Stretched(k) => (k.stretching == stretching).then_some(k.key),
        }
    }
}

/// `iterations (4, big-endian) | salt | nonce | AES-256-GCM(plain)`, with
/// `aad` authenticated alongside. A passphrase is stretched with
/// `e.salt` and [`ITERATIONS`]; a key already stretched keeps its own salt
/// and count (only `e.nonce` is used: a fresh nonce under one key).
pub fn seal(plain: &[u8], secret: Secret<'_>, e: SealEntropy, aad: &[u8]) -> Vec<u8> {
    let (stretching, key) = match secret {
        Secret::Passphrase(p) => {
            let s = Stretched::derive(p, Stretching::new_link(e.salt));
            (s.stretching, s.key)
        }
        Secret::Stretched(k) => (k.stretching, k.key),
    };
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(key));
    let sealed = cipher
        .encrypt(&Nonce::from(e.nonce), Payload { msg: plain, aad })
        .expect("AES-GCM encryption of an in-memory buffer cannot fail");
    let mut out = Vec::with_capacity(4 + SALT_LEN + NONCE_LEN + sealed.len());
    out.extend_from_slice(&stretching.iterations.to_be_bytes());
    out.extend_from_slice(&stretching.salt);
    out.extend_from_slice(&e.nonce);
    out.extend_from_slice(&sealed);
    out
}

/// Why a sealed payload did not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Shorter than its header and tag.
    Truncated,
    /// An iteration count outside [MIN_ITERATIONS, MAX_ITERATIONS].
    Iterations(u32),
    /// Wrong passphrase, or the bytes were altered.
    Rejected,
}

/// What can be checked of a sealed payload without the passphrase: long
/// enough for its header and tag, and an iteration count in range. Returns
/// how its passphrase is stretched.
pub fn check(sealed: &[u8]) -> Result<Stretching, OpenError> {
    if sealed.len() < 4 + SALT_LEN + NONCE_LEN + GCM_TAG_LEN {
        return Err(OpenError::Truncated);
    }
    let iterations = u32::from_be_bytes([sealed[0], sealed[1], sealed[2], sealed[3]]);
    if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
        return Err(OpenError::Iterations(iterations));
    }
    let mut salt = [0; SALT_LEN];
    salt.copy_from_slice(&sealed[4..4 + SALT_LEN]);
    Ok(Stretching { salt, iterations })
}

/// Reverse [`seal`].
pub fn open(sealed: &[u8], secret: Secret<'_>, aad: &[u8]) -> Result<Vec<u8>, OpenError> {
    let stretching = check(sealed)?;
    let nonce = Nonce::try_from(&sealed[4 + SALT_LEN..4 + SALT_LEN + NONCE_LEN])
        .map_err(|_| OpenError::Truncated)?;
    let body = &sealed[4 + SALT_LEN + NONCE_LEN..];
    let key = secret.key_for(stretching).ok_or(OpenError::Rejected)?;
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(key));
    cipher
        .decrypt(&nonce, Payload { msg: body, aad })
        .map_err(|_| OpenError::Rejected)
}

/// HMAC-SHA256 of `message` under `secret`, after a domain-separation label.
pub fn mac(secret: &[u8], label: &[u8], message: &[u8]) -> [u8; MAC_LEN] {
    let mut m =
        <Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("HMAC takes keys of any length");
    m.update(label);
    m.update(message);
    m.finalize().into_bytes().into()
}

/// Constant-time check of a tag made by [`mac`].
pub fn verify_mac(secret: &[u8], label: &[u8], message: &[u8], tag: &[u8]) -> bool {
    let mut m =
        <Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("HMAC takes keys of any length");
    m.update(label);
    m.update(message);
    m.verify_slice(tag).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const E: SealEntropy = SealEntropy {
        salt: [7; SALT_LEN],
        nonce: [9; NONCE_LEN],
    };

    #[test]
    fn seal_and_open() {
        let stretching = Stretching {
            salt: E.salt,
            iterations: MIN_ITERATIONS,
        };
        let key = Stretched::derive("correct horse", stretching);
        let sealed = seal(b"hello", Secret::Stretched(&key), E, b"pf1.ie");
        assert_eq!(check(&sealed), Ok(stretching));
        assert_eq!(
            open(&sealed, "correct horse".into(), b"pf1.ie").unwrap(),
            b"hello"
        );
        assert_eq!(open(&sealed, (&key).into(), b"pf1.ie").unwrap(), b"hello");
        let other_salt = Stretched::derive(
            "correct horse",
            Stretching {
                salt: [8; SALT_LEN],
                ..stretching
            },
        );
        assert_eq!(
            open(&sealed, (&other_salt).into(), b"pf1.ie"),
            Err(OpenError::Rejected)
        );
        assert_eq!(
            open(&sealed, "wrong horse".into(), b"pf1.ie"),
            Err(OpenError::Rejected)
        );
        assert_eq!(
            open(&sealed, "correct horse".into(), b"pf1.re"),
            Err(OpenError::Rejected)
        );
        let mut flipped = sealed.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert_eq!(
            open(&flipped, "correct horse".into(), b"pf1.ie"),
            Err(OpenError::Rejected)
        );
        assert_eq!(
            open(&sealed[..20], "correct horse".into(), b"pf1.ie"),
            Err(OpenError::Truncated)
        );
        let mut weak = sealed;
        weak[..4].copy_from_slice(&1000u32.to_be_bytes());
        assert_eq!(
            open(&weak, "correct horse".into(), b"pf1.ie"),
            Err(OpenError::Iterations(1000))
        );
    }

    #[test]
    fn pbkdf2_matches_the_published_vector() {
        // RFC 7914 §11 / pbkdf2 crate docs: "password", "salt", 600,000 → 669cfe52…
        let mut out = [0u8; 20];
        pbkdf2::pbkdf2_hmac::<Sha256>(b"password", b"salt", 600_000, &mut out);
        assert_eq!(
            out,
            [
                0x66, 0x9c, 0xfe, 0x52, 0x48, 0x21, 0x16, 0xfd, 0xa1, 0xaa, 0x2c, 0xbe, 0x40, 0x9b,
                0x2f, 0x56, 0xc8, 0xe4, 0x56, 0x37
            ]
        );
    }

    #[test]
    fn mac_verifies_only_the_same_message() {
        let tag = mac(b"secret", b"label", b"message");
        assert!(verify_mac(b"secret", b"label", b"message", &tag));
        assert!(!verify_mac(b"secret", b"label", b"messagf", &tag));
        assert!(!verify_mac(b"other", b"label", b"message", &tag));
    }
}
