//! A referral partner's current eligibility under its plan's low-quality
//! rule, from the real pipeline rather than the assumptions.
//!
//! Rule: the partner's submissions are its partner-sourced opportunities
//! that have been judged against the motion's definition of qualified
//! (`qualified` is yes or no; undecided ones are not counted yet), newest
//! last by the day they were created (then by id, so the order is stable).
//! The last N of them (N = the rule's `window`) are looked at: R of them
//! were rejected (judged not qualified). The meeting fee is cut by the
//! rule's `fee_cut` when R / N is above `max_rejection`, i.e. when
//! R × 10,000 > max_rejection (basis points) × N. With fewer than N judged
//! submissions there is no full window yet and the fee is paid in full —
//! the same rule the model applies to the assumptions.

use super::plan::QualityRule;
use crate::id::Id;
use crate::money::Money;
use crate::pipeline::{Attribution, Opportunity};

/// Where a partner stands under the low-quality rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Eligibility {
    /// The rule's window (N).
    pub window: u16,
    /// Judged submissions looked at (at most N).
    pub judged: usize,
    /// Of those, rejected.
    pub rejected: usize,
    /// The most rejections the rule allows in a full window.
    pub allowed: usize,
    /// The meeting fee is cut.
    pub cut: bool,
    /// The meeting fee the partner earns now.
    pub fee: Money,
    /// The opportunities looked at, oldest first.
    pub looked_at: Vec<Id>,
}

impl Eligibility {
    /// The window is full: the rule can judge.
    pub fn full(&self) -> bool {
        self.judged >= usize::from(self.window)
    }

    /// The partner's standing in words.
    pub fn text(&self, currency: crate::money::Currency) -> String {
        let fee = self.fee.display(currency);
        if !self.full() {
            format!(
                "{} of the {} submissions the rule looks at are judged so far ({} rejected): the meeting fee is paid in full ({fee}) until there are {}.",
                self.judged, self.window, self.rejected, self.window
            )
        } else if self.cut {
            format!(
                "{} of the last {} judged submissions were rejected, more than the {} allowed: the meeting fee is cut to {fee}.",
                self.rejected, self.window, self.allowed
            )
        } else {
            format!(
                "{} of the last {} judged submissions were rejected ({} allowed): the partner earns the full meeting fee ({fee}).",
                self.rejected, self.window, self.allowed
            )
        }
    }
}

/// The eligibility of `partner` under `rule` with a `meeting_fee`, from
/// `deals` (rules in the module doc); `None` when none of its sourced
/// submissions is judged yet.
pub fn eligibility<'a>(
    rule: &QualityRule,
    meeting_fee: Money,
    partner: &Id,
    deals: impl IntoIterator<Item = &'a Opportunity>,
) -> Option<Eligibility> {
    let mut judged: Vec<&Opportunity> = deals
        .into_iter()
        .filter(|o| o.partner.as_ref() == Some(partner))
        .filter(|o| o.attribution == Attribution::Sourced && o.qualified.is_some())
        .collect();
    if judged.is_empty() {
        return None;
    }
    judged.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
    let n = usize::from(rule.window.max(1));
    let last = &judged[judged.len().saturating_sub(n)..];
    let rejected = last.iter().filter(|o| o.qualified == Some(false)).count();
    let allowed = (u64::from(rule.max_rejection.0) * n as u64 / 10_000) as usize;
    let cut = last.len() >= n && rejected > allowed;
    Some(Eligibility {
        window: rule.window,
        judged: last.len(),
        rejected,
        allowed,
        cut,
        fee: if cut {
            rule.fee_cut.complement().of(meeting_fee)
        } else {
            meeting_fee
        },
        looked_at: last.iter().map(|o| o.id.clone()).collect(),
    })
}
