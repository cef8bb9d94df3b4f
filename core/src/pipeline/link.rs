//! Opportunities linked to accounts (a pilot's mapped accounts, or any
//! list) through the same matching as account mapping
//! ([`crate::overlap::matching`]): the company's domain first, then its
//! folded name (an opportunity has no country, so a name alone links only
//! when one account alone has it). A missed link is preferred to a false
//! one.

use std::sync::Arc;

use super::Opportunity;
use crate::overlap::account::Account;
use crate::overlap::matching::{keys_of, Index, Keys, Reason};
use crate::overlap::normalize::Psl;
use crate::overlap::population::Population;

/// The account an opportunity was linked to, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// Index into the accounts given.
    pub account: usize,
    pub reason: Reason,
    /// 0–100.
    pub confidence: u8,
}

/// For each opportunity, the account it belongs to, if one matches: the
/// most confident match, the first account among equals.
pub fn link_accounts(
    psl: &Psl,
    opportunities: &[Arc<Opportunity>],
    accounts: &[Account],
) -> Vec<Option<Link>> {
    link_companies(
        psl,
        opportunities
            .iter()
            .map(|o| (o.account.as_str(), o.domain.as_str())),
        accounts,
    )
}

/// [`link_accounts`] for companies given as (name, website): what the web
/// app's background worker receives instead of whole opportunities.
pub fn link_companies<'a>(
    psl: &Psl,
    companies: impl IntoIterator<Item = (&'a str, &'a str)>,
    accounts: &[Account],
) -> Vec<Option<Link>> {
    let keys = keys_of(psl, accounts);
    let index = Index::build(&keys);
    let mut found = Vec::new();
    companies
        .into_iter()
        .map(|(name, domain)| {
            let as_account =
                Account::for_matching(0, name, domain, "", Population::OpenOpportunity);
            found.clear();
            index.match_one(&Keys::of(psl, &as_account), &mut found);
            found
                .iter()
                .min_by_key(|(i, _, conf)| (std::cmp::Reverse(*conf), *i))
                .map(|&(i, reason, confidence)| Link {
                    account: i as usize,
                    reason,
                    confidence,
                })
        })
        .collect()
}
