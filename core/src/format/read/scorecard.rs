//! The scorecard section: the scorecard's own rules (ids unique, weights
//! that do not sum to zero, gates on known categories), reported at the
//! file's paths of its [`ScorecardField`](crate::scorecard::fields::ScorecardField)s.

use super::lists::Known;
use crate::format::cursor::Place;
use crate::format::file::reader::Part;
use crate::format::file::{CategoryFile, CriterionFile, ScorecardFile};
use crate::format::file_form::{file_form, FromFile};
use crate::scorecard::{Category, Criterion, Scorecard};

file_form! {
    Scorecard = ScorecardFile { categories, gates, floors }
    Category = CategoryFile { id, name, weight, criteria }
    Criterion = CriterionFile { id, text, weight }
}

/// The ids of the criteria that could be read.
pub(super) fn criterion_ids(card: &Part<ScorecardFile>) -> Known {
    let categories = card.as_partial()?.categories.as_partial()?;
    Some(
        categories
            .iter()
            .filter_map(|c| c.as_partial()?.criteria.as_partial())
            .flatten()
            .filter_map(|k| k.as_partial()?.id.as_partial())
            .cloned()
            .collect(),
    )
}

/// The scorecard, with its problems reported (it is kept: the problems
/// make the read fail).
pub(super) fn scorecard(file: ScorecardFile, at: &Place) -> Scorecard {
    let card = Scorecard::from_file(file);
    for p in card.problems() {
        at.within(&p.field.path()).report(p.message);
    }
    card
}
