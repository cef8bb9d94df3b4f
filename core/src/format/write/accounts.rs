//! Account lists.

use crate::format::file::leaf::{Text, Whole};
use crate::format::file::{AccountFile, AccountListFile, PopulationSourceKind};
use crate::overlap::account::{Account, AccountList, ListOwner, PopulationSource};

pub(super) fn account_list(l: &AccountList, with_accounts: bool) -> AccountListFile {
    let (population_source, population) = match l.population {
        PopulationSource::StatusColumn { fallback } => {
            (PopulationSourceKind::StatusColumn, fallback)
        }
        PopulationSource::Fixed(p) => (PopulationSourceKind::Fixed, p),
    };
    AccountListFile {
        id: l.id.clone(),
        partner: match &l.owner {
            ListOwner::Ours => None,
            ListOwner::Partner(id) => Some(id.clone()),
        },
        source: Text(l.source.clone()),
        imported: l.imported,
        population_source,
        population,
        accounts: if with_accounts {
            accounts(l)
        } else {
            Vec::new()
        },
    }
}

/// The file form of a list's accounts.
pub(crate) fn accounts(l: &AccountList) -> Vec<AccountFile> {
    l.accounts.iter().map(account).collect()
}

fn account(a: &Account) -> AccountFile {
    AccountFile {
        line: Whole(a.line as u64),
        name: Text(a.name.clone()),
        domain: Text(a.domain.clone()),
        country: Text(a.country.clone()),
        population: a.population,
        status: Text(a.status.clone()),
        owner: Text(a.owner.clone()),
        industry: Text(a.industry.clone()),
        employees: Text(a.employees.clone()),
    }
}
