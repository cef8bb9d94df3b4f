//! Edits of the scorecard: gates, categories and criteria, and restoring
//! the seed's scorecard. Removing a criterion (or a category, or restoring
//! the default) removes the ratings and evidence notes given on it; the
//! undo label says how many.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::check::{self, TextKind};
use super::{Applied, EditError};
use crate::format::limits::MAX_WEIGHT;
use crate::id::Id;
use crate::partner::{PartnerType, Score};
use crate::scorecard::config::GATE_RANGE;
use crate::scorecard::{format_score, Category, Criterion, Scorecard, ScorecardField};
use crate::vocab::Vocabulary;
use crate::words::{count, excerpt as short};
use crate::workspace::Workspace;

/// A change to the scorecard.
#[derive(Clone, Debug, PartialEq)]
pub enum ScorecardEdit {
    /// Set (or clear, with `None`) the minimum score of `category` for
    /// partners of `kind`.
    Gate {
        kind: PartnerType,
        category: Id,
        threshold: Option<f64>,
    },
    /// Set (or clear, with `None`) the per-criterion floor of that gate:
    /// the gate also fails when any one criterion is rated below it. Needs
    /// the gate; clearing the gate clears its floor.
    Floor {
        kind: PartnerType,
        category: Id,
        floor: Option<Score>,
    },
    AddCategory(Category),
    CategoryName(Id, String),
    CategoryWeight(Id, f64),
    RemoveCategory(Id),
    AddCriterion {
        category: Id,
        criterion: Criterion,
    },
    CriterionText(Id, String),
    CriterionWeight(Id, f64),
    RemoveCriterion(Id),
    /// Back to the seed's scorecard (ratings of other criteria go).
    RestoreDefault,
}

/// What restoring the seed's scorecard is called (the undo step, and the
/// snapshot taken before it).
pub const RESTORE_DEFAULT: &str = "restore the default scorecard";

/// The label of a gate's input.
pub fn gate_label(category_name: &str, kind: PartnerType) -> String {
    format!("{category_name} gate for {}", kind.label())
}

/// The label of a gate's per-criterion floor.
pub fn floor_label(category_name: &str, kind: PartnerType) -> String {
    format!(
        "{category_name} gate for {}: no criterion below",
        kind.label()
    )
}

fn missing(what: &'static str, id: &Id) -> EditError {
    EditError::missing(what, id)
}

fn check_weight(field: &str, w: f64) -> Result<(), EditError> {
    if !w.is_finite() {
        return Err(EditError::invalid(field, "a weight is a number"));
    }
    if w < 0.0 {
        return Err(EditError::invalid(
            field,
            format!("{} is negative: weights are 0 or more", format_score(w)),
        ));
    }
    if w > MAX_WEIGHT {
        return Err(EditError::invalid(
            field,
            format!("at most {}: weights are relative", format_score(MAX_WEIGHT)),
        ));
    }
    Ok(())
}

fn check_category(c: &Category, i: usize) -> Result<(), EditError> {
    check::text(
        || ScorecardField::CategoryName(i).label(),
        &c.name,
        TextKind::Short,
    )?;
    check_weight(&ScorecardField::CategoryWeight(i).label(), c.weight)?;
    c.criteria
        .iter()
        .enumerate()
        .try_for_each(|(j, k)| check_criterion(k, i, j))
}

fn check_criterion(c: &Criterion, i: usize, j: usize) -> Result<(), EditError> {
    check::text(
        || ScorecardField::CriterionText(i, j).label(),
        &c.text,
        TextKind::Long,
    )?;
    check_weight(&ScorecardField::CriterionWeight(i, j).label(), c.weight)
}

/// Where category `id` is.
fn category_at(card: &Scorecard, id: &Id) -> Result<usize, EditError> {
    card.categories
        .iter()
        .position(|c| &c.id == id)
        .ok_or_else(|| missing("category", id))
}

/// Where criterion `id` is: its category's position and its own.
fn criterion_at(card: &Scorecard, id: &Id) -> Result<(usize, usize), EditError> {
    card.categories
        .iter()
        .enumerate()
        .find_map(|(i, c)| c.criteria.iter().position(|k| &k.id == id).map(|j| (i, j)))
        .ok_or_else(|| missing("criterion", id))
}

pub(super) fn apply(ws: &mut Workspace, edit: ScorecardEdit) -> Result<Applied, EditError> {
    let mut card = ws.scorecard.clone();
    let (summary, key, gone) = change(&mut card, edit)?;
    // The scorecard as a whole must stay usable (the reader's rules).
    if let Some(p) = card.problems().into_iter().next() {
        return Err(EditError::invalid(p.field.label(), p.message));
    }
    ws.scorecard = card;
    let removed = remove_ratings(ws, &gone);
    let summary = if removed > 0 {
        format!("{summary} — {}", count(removed, "rating", "ratings"))
    } else {
        summary
    };
    let done = Applied::plain(summary);
    Ok(match key {
        Some(k) => done.with_key(k),
        None => done,
    })
}

/// What a change did: its summary, the key grouping typing, and the
/// criteria that no longer exist.
type Changed = (String, Option<String>, BTreeSet<Id>);

/// A change typed in one field (`key`), which removes nothing.
fn typed(summary: impl Into<String>, key: String) -> Changed {
    (summary.into(), Some(key), BTreeSet::new())
}

/// A change that removes nothing and is not typed.
fn plain(summary: String) -> Changed {
    (summary, None, BTreeSet::new())
}

/// Apply `edit` to `card`.
fn change(card: &mut Scorecard, edit: ScorecardEdit) -> Result<Changed, EditError> {
    match edit {
        ScorecardEdit::Gate {
            kind,
            category,
            threshold,
        } => {
            let name = card
                .category(&category)
                .ok_or_else(|| missing("category", &category))?
                .name
                .clone();
            let gates = card.gates.entry(kind).or_default();
            match threshold {
                Some(t) if !(t.is_finite() && GATE_RANGE.contains(&t)) => {
                    return Err(EditError::invalid(
                        gate_label(&name, kind),
                        format!(
                            "{} is outside 1–5: category scores are 1–5",
                            format_score(t)
                        ),
                    ))
                }
                Some(t) => {
                    gates.insert(category.clone(), t);
                }
                None => {
                    gates.remove(&category);
                    // A floor belongs to its gate.
                    if let Some(f) = card.floors.get_mut(&kind) {
                        f.remove(&category);
                    }
                }
            }
            Ok(typed(
                format!(
                    "edit the gate of {name} for {}",
                    kind.label().to_lowercase()
                ),
                format!("gate:{kind:?}:{category}"),
            ))
        }
        ScorecardEdit::Floor {
            kind,
            category,
            floor,
        } => {
            let name = card
                .category(&category)
                .ok_or_else(|| missing("category", &category))?
                .name
                .clone();
            match floor {
                Some(f) => {
                    if card.gate(kind, &category).is_none() {
                        return Err(EditError::invalid(
                            floor_label(&name, kind),
                            format!(
                                "set a {} gate on {name} first: a floor belongs to a gate",
                                kind.label().to_lowercase()
                            ),
                        ));
                    }
                    card.floors
                        .entry(kind)
                        .or_default()
                        .insert(category.clone(), f);
                }
                None => {
                    if let Some(f) = card.floors.get_mut(&kind) {
                        f.remove(&category);
                    }
                }
            }
            card.floors.retain(|_, f| !f.is_empty());
            Ok(plain(format!(
                "{} the floor per criterion of {name} for {}",
                if floor.is_some() { "set" } else { "clear" },
                kind.label().to_lowercase()
            )))
        }
        ScorecardEdit::AddCategory(c) => {
            check_category(&c, card.categories.len())?;
            for id in std::iter::once(&c.id).chain(c.criteria.iter().map(|k| &k.id)) {
                if taken(card, id) {
                    return Err(EditError::Duplicate {
                        what: "scorecard",
                        id: id.to_string(),
                    });
                }
            }
            let summary = format!("add category {}", c.name);
            card.categories.push(c);
            Ok(plain(summary))
        }
        ScorecardEdit::CategoryName(id, name) => {
            let i = category_at(card, &id)?;
            check::text(
                || ScorecardField::CategoryName(i).label(),
                &name,
                TextKind::Short,
            )?;
            let c = category_mut(card, &id)?;
            c.name = name;
            Ok(typed(
                format!("rename category {}", c.name),
                format!("cat-name:{id}"),
            ))
        }
        ScorecardEdit::CategoryWeight(id, w) => {
            let i = category_at(card, &id)?;
            check_weight(&ScorecardField::CategoryWeight(i).label(), w)?;
            let c = category_mut(card, &id)?;
            c.weight = w;
            Ok(typed(
                format!("change the weight of {}", c.name),
                format!("cat-weight:{id}"),
            ))
        }
        ScorecardEdit::RemoveCategory(id) => {
            if card.category(&id).is_none() {
                return Err(missing("category", &id));
            }
            if card.categories.len() == 1 {
                return Err(EditError::LastCategory);
            }
            let i = card
                .categories
                .iter()
                .position(|c| c.id == id)
                .expect("found above");
            let c = card.categories.remove(i);
            for g in card.gates.values_mut() {
                g.remove(&id);
            }
            for f in card.floors.values_mut() {
                f.remove(&id);
            }
            card.floors.retain(|_, f| !f.is_empty());
            let gone = c.criteria.iter().map(|k| k.id.clone()).collect();
            Ok((format!("remove category {}", c.name), None, gone))
        }
        ScorecardEdit::AddCriterion {
            category,
            criterion,
        } => {
            let i = category_at(card, &category)?;
            let j = card.categories[i].criteria.len();
            check_criterion(&criterion, i, j)?;
            if taken(card, &criterion.id) {
                return Err(EditError::Duplicate {
                    what: "criterion",
                    id: criterion.id.to_string(),
                });
            }
            let c = category_mut(card, &category)?;
            let summary = format!("add a criterion to {}", c.name);
            c.criteria.push(criterion);
            Ok(plain(summary))
        }
        ScorecardEdit::CriterionText(id, text) => {
            let (i, j) = criterion_at(card, &id)?;
            check::text(
                || ScorecardField::CriterionText(i, j).label(),
                &text,
                TextKind::Long,
            )?;
            criterion_mut(card, &id)?.text = text;
            Ok(typed(
                "edit a criterion's wording",
                format!("crit-text:{id}"),
            ))
        }
        ScorecardEdit::CriterionWeight(id, w) => {
            let (i, j) = criterion_at(card, &id)?;
            check_weight(&ScorecardField::CriterionWeight(i, j).label(), w)?;
            let k = criterion_mut(card, &id)?;
            k.weight = w;
            Ok(typed(
                format!("change the weight of \"{}\"", short(&k.text)),
                format!("crit-weight:{id}"),
            ))
        }
        ScorecardEdit::RemoveCriterion(id) => {
            let (cat, _) = card
                .criterion(&id)
                .ok_or_else(|| missing("criterion", &id))?;
            if cat.criteria.len() == 1 {
                return Err(EditError::LastCriterion {
                    category: cat.name.clone(),
                });
            }
            let cat_id = cat.id.clone();
            let c = category_mut(card, &cat_id)?;
            let i = c
                .criteria
                .iter()
                .position(|k| k.id == id)
                .expect("found above");
            let k = c.criteria.remove(i);
            Ok((
                format!("remove criterion \"{}\"", short(&k.text)),
                None,
                BTreeSet::from([id]),
            ))
        }
        ScorecardEdit::RestoreDefault => {
            let seed = Scorecard::default();
            let keep: BTreeSet<&Id> = seed.criteria().map(|(_, c)| &c.id).collect();
            let gone = card
                .criteria()
                .map(|(_, c)| c.id.clone())
                .filter(|id| !keep.contains(id))
                .collect();
            *card = seed;
            Ok((RESTORE_DEFAULT.into(), None, gone))
        }
    }
}

fn category_mut<'a>(card: &'a mut Scorecard, id: &Id) -> Result<&'a mut Category, EditError> {
    card.categories
        .iter_mut()
        .find(|c| &c.id == id)
        .ok_or_else(|| missing("category", id))
}

fn criterion_mut<'a>(card: &'a mut Scorecard, id: &Id) -> Result<&'a mut Criterion, EditError> {
    card.categories
        .iter_mut()
        .flat_map(|c| c.criteria.iter_mut())
        .find(|k| &k.id == id)
        .ok_or_else(|| missing("criterion", id))
}

/// Remove every rating and evidence note on `gone`; how many ratings went.
fn remove_ratings(ws: &mut Workspace, gone: &BTreeSet<Id>) -> usize {
    if gone.is_empty() {
        return 0;
    }
    let mut removed = 0;
    for p in &mut ws.partners {
        let touches = gone
            .iter()
            .any(|k| p.ratings.contains_key(k) || p.pending_evidence.contains_key(k));
        if touches {
            let p = Arc::make_mut(p);
            for k in gone {
                removed += usize::from(p.ratings.remove(k).is_some());
                p.pending_evidence.remove(k);
            }
        }
    }
    removed
}

/// Whether `id` (or an id differing from it only in case) names a category
/// or criterion of `card` already.
fn taken(card: &crate::scorecard::Scorecard, id: &Id) -> bool {
    card.categories
        .iter()
        .any(|c| c.id.collides(id) || c.criteria.iter().any(|k| k.id.collides(id)))
}
