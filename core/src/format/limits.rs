//! Limits of the workspace file, shared by the reader and the app's inputs so
//! that the app never stores what the reader would refuse.

/// Longest short text (names, titles, ids' labels), in characters.
pub const SHORT_TEXT: usize = 300;
/// Longest long text (notes, evidence, answers, criteria), in characters.
pub const LONG_TEXT: usize = 20_000;
/// Most items in one list.
pub const MAX_ITEMS: usize = 100_000;
/// Highest weight (weights are relative; this only stops nonsense).
pub const MAX_WEIGHT: f64 = 1_000_000.0;
/// Largest amount in minor units (10¹⁵, far beyond any company budget).
pub const MAX_MINOR: i64 = 1_000_000_000_000_000;
/// Largest employee count in an ICP size range.
pub const MAX_EMPLOYEES: u32 = 10_000_000;
