//! Importing one CRM export into an account list: read the CSV, guess (or
//! take) the column mapping, decide populations, report bad rows.

use super::account::{build_accounts, Account, AccountList, Built, ListOwner, PopulationSource};
use super::columns::{looks_like_header, Field, Mapping};
use super::csv_import::{list_headers, read_csv, CsvError, Table};
use super::population::Population;
use crate::date::Date;
use crate::format::limits::MAX_ITEMS;
use crate::id::Id;
use crate::money::{group_digits, Currency};

/// Why a CSV could not become an account list.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportListError {
    #[error(transparent)]
    Csv(#[from] CsvError),
    #[error("no column holds a company name, a domain or a contact's e-mail address (headers: {0}); choose one in the column mapping")]
    NoKeyColumn(String),
    #[error("the file has {} accounts and a list holds at most {}: export it in parts (by country or owner, say) and import each as its own list", group_digits(*accounts as u64), group_digits(*limit as u64))]
    TooMany { accounts: usize, limit: usize },
}

/// A CSV read and mapped, before it becomes a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prepared {
    pub table: Table,
    pub mapping: Mapping,
}

/// Read a CSV and guess its column mapping.
pub fn prepare(bytes: &[u8]) -> Result<Prepared, CsvError> {
    let table = read_csv(bytes, |r: &[String]| looks_like_header(r))?;
    let mapping = Mapping::guess(&table.headers);
    Ok(Prepared { table, mapping })
}

/// The default population source: the status column when there is one.
pub fn default_population(mapping: &Mapping) -> PopulationSource {
    if mapping.get(Field::Status).is_some() {
        PopulationSource::StatusColumn {
            fallback: Population::Prospect,
        }
    } else {
        PopulationSource::Fixed(Population::Customer)
    }
}

/// The accounts of a prepared CSV under `mapping` and `population`
/// (revenues in `currency`, the workspace's; `None` reads none), with the
/// rows that were skipped and the revenues that could not be read.
pub fn accounts(
    prepared: &Prepared,
    mapping: &Mapping,
    population: PopulationSource,
    currency: Option<Currency>,
) -> Result<Built, ImportListError> {
    if [Field::Name, Field::Domain, Field::Email]
        .iter()
        .all(|f| mapping.get(*f).is_none())
    {
        return Err(ImportListError::NoKeyColumn(list_headers(
            &prepared.table.headers,
        )));
    }
    let built = build_accounts(&prepared.table, mapping, population, currency);
    // A longer list would be saved in a file that no import accepts.
    if built.accounts.len() > MAX_ITEMS {
        return Err(ImportListError::TooMany {
            accounts: built.accounts.len(),
            limit: MAX_ITEMS,
        });
    }
    Ok(built)
}

/// A finished list.
#[allow(clippy::too_many_arguments)]
pub fn make_list(
    id: Id,
    owner: ListOwner,
    source: &str,
    imported: Date,
    population: PopulationSource,
    accounts: Vec<Account>,
) -> AccountList {
    AccountList {
        id,
        owner,
        source: source
            .chars()
            .take(crate::format::limits::SHORT_TEXT)
            .collect(),
        imported,
        population,
        accounts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export(rows: usize) -> Vec<u8> {
        let mut csv = String::from("Company name,Website\n");
        for i in 0..rows {
            csv.push_str(&format!("Acme {i} GmbH,acme-{i}.de\n"));
        }
        csv.into_bytes()
    }

    /// A contact's e-mail address stands for an empty website; free-mail
    /// never is a domain key, so such an account keys on its name.
    #[cfg(feature = "embedded-psl")]
    #[test]
    fn an_e_mail_address_stands_for_an_empty_website() {
        use crate::overlap::matching::keys_of;
        use crate::overlap::normalize::{DomainKey, Psl};
        let csv = "Account Name,Website,Primary Contact Email,Country\n\
                   Acme,acme.com,jane@other.com,US\n\
                   Beta Ltda.,,joao@beta.com.br,BR\n\
                   Gamma Pvt Ltd,, ravi@gmail.com ,IN\n\
                   Delta,,,DE\n";
        let prepared = prepare(csv.as_bytes()).unwrap();
        let population = default_population(&prepared.mapping);
        let built = accounts(&prepared, &prepared.mapping, population, None).unwrap();
        let keys = keys_of(Psl::embedded(), &built.accounts);
        let domains: Vec<&DomainKey> = keys.iter().map(|k| &k.domain).collect();
        assert_eq!(
            domains,
            [
                &DomainKey::Key("acme.com".into()),
                &DomainKey::Key("beta.com.br".into()),
                &DomainKey::FreeMail("gmail.com".into()),
                &DomainKey::Missing,
            ]
        );
        // A file with only addresses and statuses is a list too.
        let prepared =
            prepare(b"Contact Email,Lifecycle Stage\nsales@acme.com,Customer\n").unwrap();
        let built = accounts(&prepared, &prepared.mapping, population, None).unwrap();
        assert_eq!(built.accounts[0].domain, "sales@acme.com");
    }

    /// Rows: (rows in the export, accepted).
    #[test]
    fn a_list_holds_at_most_as_many_accounts_as_a_file_can() {
        for (rows, accepted) in [(MAX_ITEMS, true), (MAX_ITEMS + 1, false)] {
            let prepared = prepare(&export(rows)).unwrap();
            let population = default_population(&prepared.mapping);
            match accounts(
                &prepared,
                &prepared.mapping,
                population,
                Some(Currency::EUR),
            ) {
                Ok(built) => {
                    assert!(accepted, "{rows} rows were accepted");
                    assert_eq!((built.accounts.len(), built.bad.len()), (rows, 0));
                }
                Err(e) => {
                    assert!(!accepted, "{rows} rows: {e}");
                    assert_eq!(
                        e.to_string(),
                        "the file has 100,001 accounts and a list holds at most 100,000: export it in parts (by country or owner, say) and import each as its own list"
                    );
                }
            }
        }
    }
}
