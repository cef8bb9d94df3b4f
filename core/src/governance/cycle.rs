//! Deal cycle time: days from a deal's creation to its closing day, for
//! the deals won in the window.
//!
//! - A deal closed the day before it was created (a data slip) counts 0
//!   days.
//! - **Median**: the days sorted; an odd count takes the middle one, an
//!   even count the mean of the two middle ones rounded half up to a whole
//!   day (10 and 13 → 11.5 → 12), so the median is always whole days.

use serde::Serialize;

/// Cycle times of won deals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Cycle {
    /// Deals won in the window.
    pub deals: u32,
    pub median_days: Option<u32>,
    pub shortest_days: Option<u32>,
    pub longest_days: Option<u32>,
}

impl Cycle {
    /// The figures of `days` (sorted in place).
    pub fn of(days: &mut [u32]) -> Cycle {
        days.sort_unstable();
        Cycle {
            deals: days.len() as u32,
            median_days: median(days),
            shortest_days: days.first().copied(),
            longest_days: days.last().copied(),
        }
    }
}

/// The median of sorted `days` (rule in the module doc).
pub fn median(sorted: &[u32]) -> Option<u32> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => {
            let (a, b) = (u64::from(sorted[n / 2 - 1]), u64::from(sorted[n / 2]));
            Some((a + b).div_ceil(2) as u32)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn medians() {
        for (days, m) in [
            (&[][..], None),
            (&[7][..], Some(7)),
            (&[3, 9, 40][..], Some(9)),
            (&[10, 13][..], Some(12)),
            (&[10, 12][..], Some(11)),
        ] {
            assert_eq!(super::median(days), m, "{days:?}");
        }
    }
}
