//! Heavy work off the page's thread: a Web Worker with its own wasm
//! (`partnerfit-worker`, built beside the workbench by the same Trunk build),
//! loaded the first time a job needs it.
//!
//! - [`protocol`]: the messages, chunked so no encode or decode on the page
//!   takes long;
//! - [`wire`]: their JS form, `[json, Uint32Array]`;
//! - [`client`]: the page's side (start, send, cancel, replies per job);
//! - [`deals`]: CRM deal exports read there, their rows sent back in chunks;
//! - [`handover`]: a whole workspace to and from the worker, in pieces
//!   (import, export, snapshots);
//! - [`psi`]: private comparisons' steps (`overlap::private`), with progress;
//! - [`host`]: the worker's side (runs the core's normalisation and matching,
//!   reads and writes workspace files).
//!
//! The worker's script `partnerfit-worker-loader.js` holds messages that
//! arrive while its wasm loads, and turns a failed load into an error the
//! page sees (the job stops with a message instead of waiting forever).

pub mod client;
pub mod deals;
pub mod handover;
pub mod host;
pub mod protocol;
pub mod psi;
pub mod wire;
