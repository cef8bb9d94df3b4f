//! The accounts behind one number of the overlap matrix, counted the way
//! [`figures`](super::figures::figures) counts them: a cell of the matrix
//! counts *their* accounts of one population that match at least one of our
//! accounts of another (rejected matches left out); greenfield counts their
//! accounts that match none of ours. So the rows behind a cell are exactly
//! as many as the number in it. Each row lists its proposed matches with
//! our accounts of the cell's population, rejected ones included, so a
//! reviewer sees what was decided.

use super::account::Account;
use super::figures::{population_index, Decided, Decision};

/// One number of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    /// Their accounts of population `theirs` (0–2) that are also in our
    /// accounts of population `ours`.
    Shared { ours: usize, theirs: usize },
    /// Their accounts of population `theirs` in none of our lists.
    Greenfield { theirs: usize },
}

/// One of their accounts behind a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellRow {
    /// Index in their accounts.
    pub theirs: u32,
    /// Its matches with our accounts of the cell's population (none for
    /// greenfield).
    pub matches: Vec<Decided>,
}

/// Their accounts behind `cell`, in their list's order.
pub fn behind(
    cell: Cell,
    ours: &[&Account],
    theirs: &[&Account],
    decided: &[Decided],
) -> Vec<CellRow> {
    let tp = match cell {
        Cell::Shared { theirs, .. } | Cell::Greenfield { theirs } => theirs,
    };
    let mut counted = vec![false; theirs.len()];
    let mut matches: Vec<Vec<Decided>> = vec![Vec::new(); theirs.len()];
    for d in decided {
        let j = d.pair.theirs as usize;
        let op = population_index(ours[d.pair.ours as usize].population);
        let kept = d.decision != Some(Decision::Rejected);
        match cell {
            Cell::Shared { ours: cell_op, .. } if op == cell_op => {
                counted[j] |= kept;
                matches[j].push(*d);
            }
            Cell::Greenfield { .. } => counted[j] |= kept,
            Cell::Shared { .. } => {}
        }
    }
    theirs
        .iter()
        .enumerate()
        .filter(|(j, a)| {
            population_index(a.population) == tp
                && match cell {
                    Cell::Shared { .. } => counted[*j],
                    Cell::Greenfield { .. } => !counted[*j],
                }
        })
        .map(|(j, _)| CellRow {
            theirs: j as u32,
            matches: match cell {
                Cell::Shared { .. } => std::mem::take(&mut matches[j]),
                Cell::Greenfield { .. } => Vec::new(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overlap::figures::figures;
    use crate::overlap::matching::{Pair, Reason};
    use crate::overlap::population::Population::{self, *};

    fn acc(i: usize, p: Population) -> Account {
        Account::for_matching(i + 2, format!("A{i}"), format!("a{i}.example"), "DE", p)
    }

    fn pair(o: u32, t: u32, decision: Option<Decision>) -> Decided {
        Decided {
            pair: Pair {
                ours: o,
                theirs: t,
                reason: Reason::SameDomain,
                confidence: 100,
            },
            decision,
        }
    }

    /// Every cell lists as many of their accounts as its number says,
    /// whatever the decisions.
    #[test]
    fn rows_behind_a_cell_are_as_many_as_its_number() {
        let ours: Vec<Account> = [Customer, Customer, Prospect, OpenOpportunity]
            .iter()
            .enumerate()
            .map(|(i, p)| acc(i, *p))
            .collect();
        let theirs: Vec<Account> = [Customer, Prospect, Prospect, Customer, OpenOpportunity]
            .iter()
            .enumerate()
            .map(|(i, p)| acc(10 + i, *p))
            .collect();
        // Their 0 meets our two customers (counts once), their 1 a prospect
        // of ours but rejected (greenfield), their 2 our prospect and our
        // open opportunity, their 3 nothing.
        let decided = vec![
            pair(0, 0, None),
            pair(1, 0, Some(Decision::Confirmed)),
            pair(2, 1, Some(Decision::Rejected)),
            pair(2, 2, None),
            pair(3, 2, None),
            pair(3, 4, Some(Decision::Rejected)),
        ];
        let (o, t): (Vec<&Account>, Vec<&Account>) =
            (ours.iter().collect(), theirs.iter().collect());
        let f = figures(&o, &t, &decided);
        for op in 0..3 {
            for tp in 0..3 {
                let rows = behind(
                    Cell::Shared {
                        ours: op,
                        theirs: tp,
                    },
                    &o,
                    &t,
                    &decided,
                );
                assert_eq!(rows.len(), f.cells[op][tp], "cell {op},{tp}");
            }
        }
        for tp in 0..3 {
            let rows = behind(Cell::Greenfield { theirs: tp }, &o, &t, &decided);
            assert_eq!(rows.len(), f.greenfield[tp], "greenfield {tp}");
        }
        let customers = behind(Cell::Shared { ours: 0, theirs: 0 }, &o, &t, &decided);
        assert_eq!(customers.len(), 1);
        assert_eq!(customers[0].matches.len(), 2, "both of our customers shown");
    }
}
