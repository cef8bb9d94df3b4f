//! Account lists: a partner's list belongs to a partner of this workspace;
//! an account has a name or a domain.

use super::lists::{check_ref, each, ids_of, Ids, Known};
use crate::format::cursor::Place;
use crate::format::file::accounts::partial;
use crate::format::file::declare::file_key;
use crate::format::file::reader::{Part, PartialOf};
use crate::format::file::{AccountFile, AccountListFile, PopulationSourceKind};
use crate::format::file_form::{file_form, FromFile};
use crate::overlap::account::{Account, AccountList, ListOwner, PopulationSource};

file_form! {
    Account = AccountFile {
        line, name, domain, country, population, status, owner, industry, employees,
        annual_revenue_minor: annual_revenue,
    }
}

pub(super) const IDS: Ids<AccountListFile> = ids_of!(AccountListFile, "account list");

pub(super) fn account_list(
    p: PartialOf<AccountListFile>,
    at: &Place,
    partners: &Known,
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
    each(list, at, |a, at| {
        let account = Account::from_file(a.whole()?);
        if account.name.trim().is_empty() && account.domain.trim().is_empty() {
            at.report("an account needs a name or a domain");
            return None;
        }
        Some(account)
    })
}
