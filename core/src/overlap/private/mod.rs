//! Account overlap with a partner without handing over either CRM list:
//! Diffie–Hellman private set intersection over ristretto255, in three files.
//!
//! Each side reduces its list to exact keys ([`keys`]), blinds them with a
//! fresh secret per session ([`group`]), and the three files ([`wire`]) carry
//! only blinded points, the population sizes and, at the end, the matrix
//! ([`steps`]). The threat model (what each side learns in each mode, and
//! what a dishonest side could still do) is in `docs/private-overlap.md`.

pub mod error;
pub mod figures;
pub mod group;
pub mod keys;
pub mod steps;
pub mod terms;
pub mod wire;
