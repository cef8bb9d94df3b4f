//! The group operations of the private overlap, on ristretto255
//! (`curve25519-dalek`).
//!
//! - A key is hashed to the group as RFC 9380 defines `hash_to_ristretto255`:
//!   `expand_message_xmd` with SHA-512 (`hash2curve`) to 64 uniform bytes,
//!   then ristretto255's one-way map (`RistrettoPoint::from_uniform_bytes`,
//!   RFC 9496 §4.3.4), under Partnerfit's own domain separation tag.
//! - A side's secret is a scalar drawn from 32 random bytes the shell gives
//!   (`Secret::from_seed`): reduced from SHA-512 of a tag and the seed, so the
//!   public session id, derived from the same seed under another tag, says
//!   nothing about it.
//! - Blinding multiplies a point by the secret. Since `(H(k)·a)·b =
//!   (H(k)·b)·a`, two sides who blind each other's blinded keys get equal
//!   values exactly for equal keys, and neither can undo the other's factor
//!   (the decisional Diffie–Hellman assumption on ristretto255).
//! - Points travel compressed (32 bytes). A received encoding that is not a
//!   canonical ristretto255 point, or is the identity, is refused.
//!
//! Multiplications are constant time (the secret never drives a branch).

use std::num::NonZero;

use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::Identity;
use hash2curve::{ExpandMsg, ExpandMsgXmd, Expander};
use sha2::digest::typenum::U16;
use sha2::{Digest, Sha512};

/// The domain separation tag of Partnerfit's keys (RFC 9380 §3.1).
pub const DST: &[u8] = b"PARTNERFIT-PSI-V1-ristretto255_XMD:SHA-512_R255MAP_RO_";

/// A compressed ristretto255 point, as it travels.
pub type Wire = [u8; 32];

/// One side's secret factor for one session. Never written to a message.
#[derive(Clone)]
pub struct Secret(Scalar);

impl Secret {
    /// The secret drawn from a session's seed (32 random bytes).
    pub fn from_seed(seed: &[u8; 32]) -> Secret {
        let mut h = Sha512::new();
        h.update(b"partnerfit psi secret v1");
        h.update(seed);
        let wide: [u8; 64] = h.finalize().into();
        Secret(Scalar::from_bytes_mod_order_wide(&wide))
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        // curve25519-dalek's `zeroize` feature: a write the compiler keeps.
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

/// `hash_to_ristretto255(key)` under [`DST`] (RFC 9380 §6.8, §8.9 suite
/// `ristretto255_XMD:SHA-512_R255MAP_RO_`).
pub fn hash_to_group(key: &[u8]) -> RistrettoPoint {
    RistrettoPoint::from_uniform_bytes(&expand_64(key, DST))
}

/// `expand_message_xmd(msg, dst, 64)` with SHA-512 (RFC 9380 §5.3.1).
pub fn expand_64(msg: &[u8], dst: &[u8]) -> [u8; 64] {
    let mut out = [0u8; 64];
    let len = NonZero::new(64u16).expect("64 is not zero");
    let dst = [dst];
    let mut expander = <ExpandMsgXmd<Sha512> as ExpandMsg<U16>>::expand_message(&[msg], &dst, len)
        .expect("a 64-byte output and a short tag are within RFC 9380's limits");
    expander
        .fill_bytes(&mut out)
        .expect("64 bytes were asked for");
    out
}

/// A key hashed to the group and blinded by `secret`, compressed.
pub fn blind_key(secret: &Secret, key: &[u8]) -> Wire {
    (hash_to_group(key) * secret.0).compress().to_bytes()
}

/// Why a received point was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadPoint {
    /// Not the canonical encoding of a ristretto255 point.
    NotAPoint,
    /// The identity: no honest blinding gives it.
    Identity,
}

/// Blind an already blinded point again by `secret`.
pub fn reblind(secret: &Secret, point: &Wire) -> Result<Wire, BadPoint> {
    let p = CompressedRistretto(*point)
        .decompress()
        .ok_or(BadPoint::NotAPoint)?;
    if p == RistrettoPoint::identity() {
        return Err(BadPoint::Identity);
    }
    Ok((p * secret.0).compress().to_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// RFC 9380 appendix K.3: expand_message_xmd(SHA-512) test vectors.
    #[test]
    fn expander_is_rfc_9380s() {
        let dst = b"QUUX-V01-CS02-with-expander-SHA512-256";
        let len = NonZero::new(32u16).unwrap();
        let check = |msg: &[u8], want: &str| {
            let mut out = [0u8; 32];
            let dst = [&dst[..]];
            <ExpandMsgXmd<Sha512> as ExpandMsg<U16>>::expand_message(&[msg], &dst, len)
                .unwrap()
                .fill_bytes(&mut out)
                .unwrap();
            assert_eq!(hex(&out), want, "msg {:?}", String::from_utf8_lossy(msg));
        };
        check(
            b"",
            "6b9a7312411d92f921c6f68ca0b6380730a1a4d982c507211a90964c394179ba",
        );
        check(
            b"abc",
            "0da749f12fbe5483eb066a5f595055679b976e93abe9be6f0f6318bce7aca8dc",
        );
    }

    #[test]
    fn blinding_commutes_and_separates_keys() {
        let a = Secret::from_seed(&[1; 32]);
        let b = Secret::from_seed(&[2; 32]);
        let ab = reblind(&b, &blind_key(&a, b"d:acme.com")).unwrap();
        let ba = reblind(&a, &blind_key(&b, b"d:acme.com")).unwrap();
        assert_eq!(ab, ba);
        let other = reblind(&a, &blind_key(&b, b"d:acme.co")).unwrap();
        assert_ne!(ab, other);
        assert_ne!(blind_key(&a, b"d:acme.com"), blind_key(&b, b"d:acme.com"));
    }

    #[test]
    fn bad_points_are_refused() {
        let a = Secret::from_seed(&[1; 32]);
        assert_eq!(reblind(&a, &[0; 32]), Err(BadPoint::Identity));
        assert_eq!(reblind(&a, &[0xff; 32]), Err(BadPoint::NotAPoint));
    }
}
