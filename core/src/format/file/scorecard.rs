//! The file's scorecard section: categories with criteria, gates and their
//! per-criterion floors.

use std::collections::BTreeMap;

use super::declare::file_types;
use super::leaf::{Long, Short, Threshold, Weight};
use crate::id::Id;
use crate::partner::{PartnerType, Score};

file_types! {
    pub struct CriterionFile {
        pub id: Id,
        pub text: Long,
        #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
        pub weight: Weight,
    }

    pub struct CategoryFile {
        pub id: Id,
        pub name: Short,
        #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
        pub weight: Weight,
        pub criteria: Vec<CriterionFile>,
    }

    /// Categories with criteria, and gates: partner type → category id → minimum (1–5).
    pub struct ScorecardFile {
        pub categories: Vec<CategoryFile>,
        pub gates: BTreeMap<PartnerType, BTreeMap<Id, Threshold>>,
        /// Per-criterion floors of gates: partner type → category id → the
        /// lowest rating (1–5) any one criterion of the category may have.
        /// Counts only where the same type has a gate on the category.
        pub floors: BTreeMap<PartnerType, BTreeMap<Id, Score>>,
    }
}
