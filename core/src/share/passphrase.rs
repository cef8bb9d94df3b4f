//! Passphrases that seal links. Anyone holding a sealed link can try
//! passphrases offline, as fast as their hardware runs PBKDF2, so length is
//! the defence: a passphrase shorter than [`MIN_CHARS`] characters is
//! refused, and [`generate`] offers one of 80 random bits (16 characters of
//! Crockford's base32 in four groups, easy to read aloud or type: no I, L,
//! O or U).

/// Fewest characters accepted in a passphrase a user types.
pub const MIN_CHARS: usize = 12;

/// Random bytes a generated passphrase needs (80 bits).
pub const GENERATED_BYTES: usize = 10;

/// Crockford's base32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Why a passphrase was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseError {
    #[error("the passphrase has {chars} characters; use at least {MIN_CHARS} (or the generated one): whoever holds the link can try passphrases offline, and short ones fall quickly")]
    TooShort { chars: usize },
}

/// `passphrase` is long enough to seal a link (counted as typed: the link
/// is sealed with exactly what was typed).
pub fn check(passphrase: &str) -> Result<(), PassphraseError> {
    let chars = passphrase.chars().count();
    if chars < MIN_CHARS {
        return Err(PassphraseError::TooShort { chars });
    }
    Ok(())
}

/// A passphrase from 80 random bits: `XXXX-XXXX-XXXX-XXXX`.
pub fn generate(random: [u8; GENERATED_BYTES]) -> String {
    let bits = random
        .iter()
        .fold(0u128, |acc, b| (acc << 8) | u128::from(*b));
    let symbols: Vec<char> = (0..16)
        .rev()
        .map(|i| char::from(ALPHABET[((bits >> (5 * i)) & 31) as usize]))
        .collect();
    symbols
        .chunks(4)
        .map(|g| g.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_length(passphrase: &str, ok: bool) {
        assert_eq!(check(passphrase).is_ok(), ok, "{passphrase:?}");
    }

    #[test]
    fn short_passphrases_are_refused() {
        for (p, ok) in [
            ("", false),
            ("hunter2", false),
            ("elevenchars", false),
            ("twelve chars", true),
            ("correct horse battery staple", true),
            ("ÅÄÖåäöÅÄÖåäö", true),
        ] {
            check_length(p, ok);
        }
        assert_eq!(
            check("hunter2"),
            Err(PassphraseError::TooShort { chars: 7 })
        );
    }

    #[test]
    fn generated_passphrases_carry_every_bit_and_pass() {
        assert_eq!(generate([0; GENERATED_BYTES]), "0000-0000-0000-0000");
        assert_eq!(generate([0xFF; GENERATED_BYTES]), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        // 0x01 in the last byte is the last symbol's lowest bit.
        let mut one = [0; GENERATED_BYTES];
        one[GENERATED_BYTES - 1] = 1;
        assert_eq!(generate(one), "0000-0000-0000-0001");
        // The first byte's top bit is the first symbol's top bit.
        let mut top = [0; GENERATED_BYTES];
        top[0] = 0x80;
        assert_eq!(generate(top), "G000-0000-0000-0000");
        let g = generate([0x5A; GENERATED_BYTES]);
        assert_eq!(g.len(), 19);
        check(&g).unwrap();
    }
}
