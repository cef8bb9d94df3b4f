//! Account lists: a partner's list belongs to a partner of this workspace;
//! an account has a name or a domain.

use std::collections::BTreeSet;

use super::{check_ref, every};
use crate::format::cursor::Place;
use crate::format::file::accounts::partial;
use crate::format::file::declare::file_key;
use crate::format::file::reader::{Part, PartialOf};
use crate::format::file::{AccountFile, AccountListFile, PopulationSourceKind};
use crate::id::Id;
use crate::overlap::account::{Account, AccountList, ListOwner, PopulationSource};

pub(super) fn account_list(
    p: PartialOf<AccountListFile>,
    at: &Place,
    partners: &Option<BTreeSet<Id>>,
) -> Option<AccountList> {
    let partial::AccountListFile {
        id,
        partner,
        source,
        imported,
        population_source,
        population,
        accounts,
    } = p;
    let owner = partner.whole().and_then(|p| match p {
        None => Some(ListOwner::Ours),
        Some(id) => check_ref(
            &at.key(file_key!(AccountListFile, partner)),
            partners,
            &id,
            "partner",
        )
        .then_some(ListOwner::Partner(id)),
    });
    let accounts = accounts
        .partial()
        .and_then(|list| self::accounts(list, &at.key(file_key!(AccountListFile, accounts))));
    let population = population.whole()?;
    Some(AccountList {
        id: id.whole()?,
        owner: owner?,
        source: source.whole()?.0,
        imported: imported.whole()?,
        population: match population_source.whole()? {
            PopulationSourceKind::StatusColumn => PopulationSource::StatusColumn {
                fallback: population,
            },
            PopulationSourceKind::Fixed => PopulationSource::Fixed(population),
        },
        accounts: accounts?,
    })
}

/// The accounts of a list (`at`: the list's `accounts`).
pub(super) fn accounts(list: Vec<Part<AccountFile>>, at: &Place) -> Option<Vec<Account>> {
    every(
        list.into_iter()
            .enumerate()
            .map(|(i, a)| account(a.partial()?, &at.index(i))),
    )
}

fn account(p: PartialOf<AccountFile>, at: &Place) -> Option<Account> {
    let partial::AccountFile {
        line,
        name,
        domain,
        country,
        population,
        status,
        owner,
        industry,
        employees,
    } = p;
    let account = Account {
        line: line.whole()?.0 as usize,
        name: name.whole()?.0,
        domain: domain.whole()?.0,
        country: country.whole()?.0,
        population: population.whole()?,
        status: status.whole()?.0,
        owner: owner.whole()?.0,
        industry: industry.whole()?.0,
        employees: employees.whole()?.0,
    };
    if account.name.trim().is_empty() && account.domain.trim().is_empty() {
        at.report("an account needs a name or a domain");
        return None;
    }
    Some(account)
}
