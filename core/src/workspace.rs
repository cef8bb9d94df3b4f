//! The workspace: everything one company keeps.

use crate::icp::Icp;
use crate::id::Id;
use crate::overlap::account::{AccountList, ListOwner};
use crate::partner::Partner;
use crate::profile::CompanyProfile;
use crate::scorecard::Scorecard;

/// Everything one company keeps: its profile, the ICP, the scorecard, the
/// partners and the imported account lists.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Workspace {
    pub profile: CompanyProfile,
    pub icp: Icp,
    pub scorecard: Scorecard,
    pub partners: Vec<Partner>,
    pub account_lists: Vec<AccountList>,
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
            "{company}: {} partners ({} archived), {} ratings on {} criteria, {} disqualifiers, {} ICP examples, {} account lists ({} accounts)",
            self.partners, self.archived, self.ratings, self.criteria, self.disqualifiers, self.examples,
            self.account_lists, self.accounts
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
        self.partners.iter().find(|p| &p.id == id)
    }

    pub fn partner_mut(&mut self, id: &Id) -> Option<&mut Partner> {
        self.partners.iter_mut().find(|p| &p.id == id)
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
        self.account_lists.iter().filter(move |l| &l.owner == owner)
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
