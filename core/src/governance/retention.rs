//! Retention and expansion of accounts, from the renewal and expansion
//! deals closed in the window.
//!
//! - An account is **partner-influenced** when any of its deals, of any
//!   date, is partner-sourced or partner-influenced; the other accounts are
//!   direct. Accounts are the same when their names fold to the same key
//!   ([`crate::overlap::normalize::name_key`]).
//! - **Gross revenue retention** = won renewals ÷ (won + lost renewals),
//!   in amounts; **net revenue retention** = (won renewals + won
//!   expansions) ÷ (won + lost renewals). A lost expansion is revenue not
//!   gained, not revenue lost: it counts in neither. Both in basis points,
//!   rounded half away from zero; `None` when no renewal closed (nothing was
//!   up for renewal).

use serde::Serialize;

use super::split::{share, Amounts};
use crate::money::Money;
use crate::pipeline::DealKind;
use crate::rate::Rate;

/// Renewals and expansions closed in the window, and the two ratios.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Retention {
    pub renewals_won: Amounts,
    pub renewals_lost: Amounts,
    pub expansions_won: Amounts,
    pub expansions_lost: Amounts,
    pub gross: Option<Rate>,
    pub net: Option<Rate>,
}

impl Retention {
    /// Count a renewal or expansion deal closed in the window.
    pub fn add(&mut self, kind: DealKind, won: bool, amount: Money) {
        let cell = match (kind, won) {
            (DealKind::Renewal, true) => &mut self.renewals_won,
            (DealKind::Renewal, false) => &mut self.renewals_lost,
            (DealKind::Expansion, true) => &mut self.expansions_won,
            (DealKind::Expansion, false) => &mut self.expansions_lost,
            (DealKind::New, _) => return,
        };
        cell.add(amount);
    }

    /// With the ratios worked out.
    pub fn finished(mut self) -> Retention {
        let up = self.renewals_won.amount.0 + self.renewals_lost.amount.0;
        let kept = self.renewals_won.amount.0;
        let any = self.renewals_won.count + self.renewals_lost.count > 0;
        self.gross = share(kept, up).filter(|_| any);
        self.net = share(kept + self.expansions_won.amount.0, up).filter(|_| any);
        self
    }
}
