//! Figures kept apart by attribution, counts with amounts, and shares in
//! basis points.

use serde::Serialize;

use crate::money::Money;
use crate::pipeline::Attribution;
use crate::rate::{mul_div, Rate};

/// One figure for each attribution.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Split<T> {
    pub sourced: T,
    pub influenced: T,
    pub direct: T,
}

impl<T> Split<T> {
    pub fn get(&self, a: Attribution) -> &T {
        match a {
            Attribution::Sourced => &self.sourced,
            Attribution::Influenced => &self.influenced,
            Attribution::Direct => &self.direct,
        }
    }

    pub fn get_mut(&mut self, a: Attribution) -> &mut T {
        match a {
            Attribution::Sourced => &mut self.sourced,
            Attribution::Influenced => &mut self.influenced,
            Attribution::Direct => &mut self.direct,
        }
    }
}

/// How many deals, and their amounts summed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Amounts {
    pub count: u32,
    pub amount: Money,
}

impl Amounts {
    pub fn add(&mut self, amount: Money) {
        self.count += 1;
        self.amount = self.amount.saturating_add(amount);
    }

    /// Both together.
    pub fn plus(self, other: Amounts) -> Amounts {
        Amounts {
            count: self.count + other.count,
            amount: self.amount.saturating_add(other.amount),
        }
    }
}

/// `part` over `whole` in basis points, rounded half away from zero;
/// `None` when `whole` is zero. May exceed 100% (net retention).
pub fn share(part: i64, whole: i64) -> Option<Rate> {
    (whole > 0)
        .then(|| Rate(mul_div(part.max(0), 10_000, whole).clamp(0, i64::from(u32::MAX)) as u32))
}
