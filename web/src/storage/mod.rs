//! Browser storage: typed keys, safe access that survives disabled storage,
//! and the persistence service (autosave, recovery, two-tab safety).

pub mod keys;
pub mod leave_guard;
pub mod local;
pub mod parts;
pub mod persist;
pub mod psi;
pub mod quota;
pub mod snapshots;

pub use keys::StorageKey;
pub use persist::{Persistence, SaveState};
