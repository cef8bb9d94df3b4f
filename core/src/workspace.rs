//! The workspace: everything one company keeps.
//!
//! Partners and account lists are shared (`Arc`): cloning a workspace copies
//! the profile, the ICP and the scorecard and bumps a counter per partner and
//! per list, so the undo history and snapshots keep earlier states without
//! copying 200,000 accounts. A change to one partner copies that partner only
//! (`Arc::make_mut`).

use std::sync::Arc;

use crate::icp::Icp;
use crate::id::Id;
use crate::money::group_digits;
use crate::overlap::account::{AccountList, ListOwner};
use crate::partner::Partner;
use crate::pipeline::Pipeline;
use crate::profile::CompanyProfile;
use crate::program::Program;
use crate::scorecard::Scorecard;
use crate::words::count as counted;

/// Everything one company keeps: its profile, the ICP, the scorecard, the
/// partners and the imported account lists.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Workspace {
    pub profile: CompanyProfile,
    pub icp: Icp,
    pub scorecard: Scorecard,
    pub partners: Vec<Arc<Partner>>,
    pub account_lists: Vec<Arc<AccountList>>,
    /// Opportunities from CRM exports and by hand (pilots, governance).
    pub pipeline: Arc<Pipeline>,
    /// The program as a whole: owner and number, rhythm, tiers, the
    /// 30-60-90 plan.
    pub program: Program,
}

/// Counts that describe a workspace ("what an import will do").
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Summary {
    pub company: String,
    pub partners: usize,
    pub archived: usize,
    pub ratings: usize,
    pub criteria: usize,
    pub disqualifiers: usize,
    pub examples: usize,
    pub account_lists: usize,
    pub accounts: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let company = if self.company.is_empty() {
            "(no company name)"
        } else {
            &self.company
        };
        write!(
            f,
            "{company}: {} ({} archived), {} on {}, {}, {}, {} ({})",
            counted(self.partners, "partner", "partners"),
            group_digits(self.archived as u64),
            counted(self.ratings, "rating", "ratings"),
            counted(self.criteria, "criterion", "criteria"),
            counted(self.disqualifiers, "disqualifier", "disqualifiers"),
            counted(self.examples, "ICP example", "ICP examples"),
            counted(self.account_lists, "account list", "account lists"),
            counted(self.accounts, "account", "accounts"),
        )
    }
}

impl Workspace {
    /// An empty workspace for `company`, with the seed's scorecard.
    pub fn empty(company: impl Into<String>) -> Workspace {
        let mut ws = Workspace::default();
        ws.profile.name = company.into();
        ws
    }

    pub fn partner(&self, id: &Id) -> Option<&Partner> {
        self.partners.iter().find(|p| &p.id == id).map(|p| &**p)
    }

    /// The partner with `id`, to change (copied first if an earlier state
    /// of the workspace still shares it).
    pub fn partner_mut(&mut self, id: &Id) -> Option<&mut Partner> {
        self.partners
            .iter_mut()
            .find(|p| &p.id == id)
            .map(Arc::make_mut)
    }

    /// The account list with `id`.
    pub fn list(&self, id: &Id) -> Option<&AccountList> {
        self.account_lists
            .iter()
            .find(|l| &l.id == id)
            .map(|l| &**l)
    }

    /// A partner id not used yet; `entropy` comes from the caller.
    pub fn fresh_partner_id(&self, entropy: u64) -> Id {
        Id::fresh("p", entropy, self.partners.iter().map(|p| &p.id))
    }

    /// The account lists of `owner`.
    pub fn lists_of<'a>(
        &'a self,
        owner: &'a ListOwner,
    ) -> impl Iterator<Item = &'a AccountList> + 'a {
        self.account_lists
            .iter()
            .map(|l| &**l)
            .filter(move |l| &l.owner == owner)
    }

    /// A list id not used yet; `entropy` comes from the caller.
    pub fn fresh_list_id(&self, entropy: u64) -> Id {
        Id::fresh("l", entropy, self.account_lists.iter().map(|l| &l.id))
    }

    pub fn summary(&self) -> Summary {
        Summary {
            company: self.profile.name.clone(),
            partners: self.partners.len(),
            archived: self.partners.iter().filter(|p| p.archived).count(),
            ratings: self.partners.iter().map(|p| p.ratings.len()).sum(),
            criteria: self.scorecard.criteria().count(),
            disqualifiers: self.icp.disqualifiers.len(),
            examples: self.icp.examples.len(),
            account_lists: self.account_lists.len(),
            accounts: self.account_lists.iter().map(|l| l.accounts.len()).sum(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Summary;

    #[test]
    fn a_summary_counts_in_words() {
        let rows = [
            (
                Summary::default(),
                "(no company name): 0 partners (0 archived), 0 ratings on 0 criteria, 0 disqualifiers, 0 ICP examples, 0 account lists (0 accounts)",
            ),
            (
                Summary {
                    company: "Acme".into(),
                    partners: 1,
                    archived: 1,
                    ratings: 1,
                    criteria: 1,
                    disqualifiers: 1,
                    examples: 1,
                    account_lists: 1,
                    accounts: 1,
                },
                "Acme: 1 partner (1 archived), 1 rating on 1 criterion, 1 disqualifier, 1 ICP example, 1 account list (1 account)",
            ),
            (
                Summary {
                    company: "Big".into(),
                    partners: 1_200,
                    ratings: 14_400,
                    criteria: 12,
                    account_lists: 2,
                    accounts: 200_000,
                    ..Summary::default()
                },
                "Big: 1,200 partners (0 archived), 14,400 ratings on 12 criteria, 0 disqualifiers, 0 ICP examples, 2 account lists (200,000 accounts)",
            ),
        ];
        for (summary, expected) in rows {
            assert_eq!(summary.to_string(), expected);
        }
    }
}
