//! The scorecard section: the scorecard's own rules (ids unique, weights
//! that do not sum to zero, gates on known categories), reported at the
//! file's paths of its [`ScorecardField`](crate::scorecard::fields::ScorecardField)s.

use std::collections::BTreeSet;

use crate::format::cursor::Place;
use crate::format::file::reader::{Part, PartialOf};
use crate::format::file::scorecard::partial;
use crate::format::file::{CategoryFile, CriterionFile, ScorecardFile};
use crate::id::Id;
use crate::scorecard::{Category, Criterion, Scorecard};

/// The ids of the criteria that could be read.
pub(super) fn criterion_ids(card: &Part<ScorecardFile>) -> Option<BTreeSet<Id>> {
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

pub(super) fn scorecard(p: PartialOf<ScorecardFile>, at: &Place) -> Option<Scorecard> {
    let partial::ScorecardFile { categories, gates } = p;
    let card = Scorecard {
        categories: categories.whole()?.into_iter().map(category).collect(),
        gates: gates
            .whole()?
            .into_iter()
            .map(|(kind, gates)| (kind, gates.into_iter().map(|(c, t)| (c, t.0)).collect()))
            .collect(),
    };
    for p in card.problems() {
        at.within(&p.field.path()).report(p.message);
    }
    Some(card)
}

fn category(c: CategoryFile) -> Category {
    let CategoryFile {
        id,
        name,
        weight,
        criteria,
    } = c;
    Category {
        id,
        name: name.0,
        weight: weight.0,
        criteria: criteria.into_iter().map(criterion).collect(),
    }
}

fn criterion(c: CriterionFile) -> Criterion {
    let CriterionFile { id, text, weight } = c;
    Criterion {
        id,
        text: text.0,
        weight: weight.0,
    }
}
