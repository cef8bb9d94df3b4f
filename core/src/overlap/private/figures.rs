//! A private comparison's outcome as the overlap figures a partner's
//! assessment reads (`cells[ours][theirs]`, greenfield, totals), seen from
//! either side.
//!
//! Each key is sent once, in one population per side, and a shared key
//! counts once in one cell. So the partner's shared accounts in population
//! `j` are `Σᵢ cells[i][j]`, and its greenfield there is its size minus
//! that. Populations that did not take part count 0. There is no review of
//! exact matches: every match counts, none is "confirmed".

use super::error::Side;
use super::steps::Outcome;
use crate::overlap::figures::Figures;

/// The figures of an outcome for the side `we` are: ours are the rows.
pub fn figures(outcome: &Outcome, we: Side) -> Figures {
    outcome_figures(
        &outcome.cells,
        outcome.requester_sizes,
        outcome.responder_sizes,
        we,
    )
}

/// The figures of an outcome's matrix (`cells[requester][responder]`) and
/// sizes, for the side `we` are.
pub fn outcome_figures(
    cells: &[[u32; 3]; 3],
    requester: [Option<u32>; 3],
    responder: [Option<u32>; 3],
    we: Side,
) -> Figures {
    let requester = requester.map(|s| s.unwrap_or(0) as usize);
    let responder = responder.map(|s| s.unwrap_or(0) as usize);
    let c = *cells;
    let (cells, ours_total, theirs_total) = match we {
        Side::Requester => (c.map(|row| row.map(|n| n as usize)), requester, responder),
        Side::Responder => (
            std::array::from_fn(|i| std::array::from_fn(|j| c[j][i] as usize)),
            responder,
            requester,
        ),
    };
    let greenfield = std::array::from_fn(|j| {
        let shared: usize = cells.iter().map(|row| row[j]).sum();
        theirs_total[j].saturating_sub(shared)
    });
    Figures {
        cells,
        greenfield,
        theirs_total,
        ours_total,
        matches: cells.iter().flatten().sum(),
        confirmed: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overlap::private::terms::Mode;
    use crate::overlap::private::wire::SessionId;

    fn outcome(cells: [[u32; 3]; 3], req: [Option<u32>; 3], resp: [Option<u32>; 3]) -> Outcome {
        Outcome {
            session: SessionId([0; 16]),
            mode: Mode::Counts,
            requester: "Us".into(),
            responder: "Them".into(),
            requester_sizes: req,
            responder_sizes: resp,
            cells,
            shared: Vec::new(),
        }
    }

    /// (outcome, side, cells, greenfield, ours_total, theirs_total, matches)
    type Row = (
        Outcome,
        Side,
        [[usize; 3]; 3],
        [usize; 3],
        [usize; 3],
        [usize; 3],
        usize,
    );

    fn check(rows: Vec<Row>) {
        for (i, (o, side, cells, green, ours, theirs, matches)) in rows.into_iter().enumerate() {
            let f = figures(&o, side);
            assert_eq!(f.cells, cells, "row {i}: cells");
            assert_eq!(f.greenfield, green, "row {i}: greenfield");
            assert_eq!(f.ours_total, ours, "row {i}: ours");
            assert_eq!(f.theirs_total, theirs, "row {i}: theirs");
            assert_eq!(f.matches, matches, "row {i}: matches");
            assert_eq!(f.confirmed, 0, "row {i}: nothing confirmed");
            assert_eq!(
                f.shared() + f.greenfield.iter().sum::<usize>(),
                f.theirs(),
                "row {i}"
            );
        }
    }

    #[test]
    fn each_side_sees_its_own_rows() {
        let cells = [[5, 1, 0], [0, 2, 0], [3, 0, 4]];
        let sizes_us = [Some(40), Some(10), Some(30)];
        let sizes_them = [Some(25), Some(5), Some(60)];
        check(vec![
            (
                outcome(cells, sizes_us, sizes_them),
                Side::Requester,
                [[5, 1, 0], [0, 2, 0], [3, 0, 4]],
                [17, 2, 56],
                [40, 10, 30],
                [25, 5, 60],
                15,
            ),
            (
                outcome(cells, sizes_us, sizes_them),
                Side::Responder,
                [[5, 0, 3], [1, 2, 0], [0, 0, 4]],
                [34, 8, 23],
                [25, 5, 60],
                [40, 10, 30],
                15,
            ),
            (
                outcome([[0; 3]; 3], [Some(20), None, None], [Some(20), None, None]),
                Side::Requester,
                [[0; 3]; 3],
                [20, 0, 0],
                [20, 0, 0],
                [20, 0, 0],
                0,
            ),
        ]);
    }
}
