//! Step 6 of the method: incentives that match the motion, modelled so you
//! see whether the economics hold as volume grows.

pub mod eligibility;
pub mod fields;
pub mod guardrails;
pub mod model;
pub mod plan;
pub mod scale;
pub mod validate;
