//! The fields of the scorecard that can have problems: where each is in the
//! file ([`ScorecardField::path`], derived from the file types' fields) and
//! what people call it ([`ScorecardField::label`]).

use crate::format::cursor::push_key;
use crate::format::file::declare::file_key;
use crate::format::file::{CategoryFile, CriterionFile, ScorecardFile};
use crate::id::Id;
use crate::partner::PartnerType;
use crate::vocab::Vocabulary;

/// A field of the scorecard. Categories and criteria are numbered by their
/// position (from 0).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ScorecardField {
    /// The list of categories.
    Categories,
    CategoryId(usize),
    CategoryName(usize),
    CategoryWeight(usize),
    /// The list of criteria of category `i`.
    CategoryCriteria(usize),
    /// Criterion `j` of category `i`.
    CriterionId(usize, usize),
    CriterionText(usize, usize),
    CriterionWeight(usize, usize),
    /// The gate of partners of a type on a category.
    Gate(PartnerType, Id),
}

impl ScorecardField {
    /// The field's path in the file relative to the scorecard object, e.g.
    /// `categories[1].criteria[0].weight` or `gates.resell.market_icp_fit`.
    pub fn path(&self) -> String {
        use ScorecardField::*;
        let categories = file_key!(ScorecardFile, categories);
        let category = |i: usize, key: &str| format!("{categories}[{i}].{key}");
        let criterion = |i: usize, j: usize, key: &str| {
            category(
                i,
                &format!("{}[{j}].{key}", file_key!(CategoryFile, criteria)),
            )
        };
        match self {
            Categories => categories.to_owned(),
            CategoryId(i) => category(*i, file_key!(CategoryFile, id)),
            CategoryName(i) => category(*i, file_key!(CategoryFile, name)),
            CategoryWeight(i) => category(*i, file_key!(CategoryFile, weight)),
            CategoryCriteria(i) => category(*i, file_key!(CategoryFile, criteria)),
            CriterionId(i, j) => criterion(*i, *j, file_key!(CriterionFile, id)),
            CriterionText(i, j) => criterion(*i, *j, file_key!(CriterionFile, text)),
            CriterionWeight(i, j) => criterion(*i, *j, file_key!(CriterionFile, weight)),
            Gate(kind, category) => {
                let mut path = file_key!(ScorecardFile, gates).to_owned();
                push_key(&mut path, kind.key());
                push_key(&mut path, category.as_str());
                path
            }
        }
    }

    /// What people call the field ("Category 2 weight").
    pub fn label(&self) -> String {
        use ScorecardField::*;
        match self {
            Categories => "Categories".to_owned(),
            CategoryId(i) => format!("Category {} id", i + 1),
            CategoryName(i) => format!("Category {} name", i + 1),
            CategoryWeight(i) => format!("Category {} weight", i + 1),
            CategoryCriteria(i) => format!("Category {} criteria", i + 1),
            CriterionId(i, j) => format!("Category {} criterion {} id", i + 1, j + 1),
            CriterionText(i, j) => format!("Category {} criterion {}", i + 1, j + 1),
            CriterionWeight(i, j) => format!("Category {} criterion {} weight", i + 1, j + 1),
            Gate(kind, category) => format!("{} gate on {category}", kind.label()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ScorecardField;
    use crate::id::Id;
    use crate::partner::PartnerType;

    /// Rows: (field, path relative to the scorecard, label).
    #[test]
    fn scorecard_fields_have_their_file_path_and_a_label() {
        let cat = Id::parse("market_icp_fit").unwrap();
        for (field, path, label) in [
            (ScorecardField::Categories, "categories", "Categories"),
            (
                ScorecardField::CategoryWeight(1),
                "categories[1].weight",
                "Category 2 weight",
            ),
            (
                ScorecardField::CriterionId(1, 3),
                "categories[1].criteria[3].id",
                "Category 2 criterion 4 id",
            ),
            (
                ScorecardField::CategoryCriteria(0),
                "categories[0].criteria",
                "Category 1 criteria",
            ),
            (
                ScorecardField::Gate(PartnerType::Resell, cat),
                "gates.resell.market_icp_fit",
                "Resell gate on market_icp_fit",
            ),
        ] {
            assert_eq!(
                (field.path().as_str(), field.label().as_str()),
                (path, label)
            );
        }
    }
}
