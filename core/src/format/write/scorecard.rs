//! The scorecard section.

use crate::format::file::leaf::{Text, Threshold, Weight};
use crate::format::file::{CategoryFile, CriterionFile, ScorecardFile};
use crate::scorecard::Scorecard;

pub(super) fn scorecard(card: &Scorecard) -> ScorecardFile {
    ScorecardFile {
        categories: card
            .categories
            .iter()
            .map(|c| CategoryFile {
                id: c.id.clone(),
                name: Text(c.name.clone()),
                weight: Weight(c.weight),
                criteria: c
                    .criteria
                    .iter()
                    .map(|k| CriterionFile {
                        id: k.id.clone(),
                        text: Text(k.text.clone()),
                        weight: Weight(k.weight),
                    })
                    .collect(),
            })
            .collect(),
        gates: card
            .gates
            .iter()
            .map(|(kind, g)| {
                (
                    *kind,
                    g.iter().map(|(c, t)| (c.clone(), Threshold(*t))).collect(),
                )
            })
            .collect(),
    }
}
