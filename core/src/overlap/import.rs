//! Importing one CRM export into an account list: read the CSV, guess (or
//! take) the column mapping, decide populations, report bad rows.

use super::account::{build_accounts, Account, AccountList, ListOwner, PopulationSource};
use super::columns::{looks_like_header, Field, Mapping};
use super::csv_import::{read_csv, BadRow, CsvError, Table};
use super::population::Population;
use crate::date::Date;
use crate::id::Id;

/// Why a CSV could not become an account list.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportListError {
    #[error(transparent)]
    Csv(#[from] CsvError),
    #[error("no column holds a company name or a domain (headers: {0}); choose one in the column mapping")]
    NoKeyColumn(String),
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

/// The accounts of a prepared CSV under `mapping` and `population`, with the
/// rows that were skipped.
pub fn accounts(
    prepared: &Prepared,
    mapping: &Mapping,
    population: PopulationSource,
) -> Result<(Vec<Account>, Vec<BadRow>), ImportListError> {
    if mapping.get(Field::Name).is_none() && mapping.get(Field::Domain).is_none() {
        return Err(ImportListError::NoKeyColumn(
            prepared.table.headers.join(", "),
        ));
    }
    let built = build_accounts(&prepared.table, mapping, population);
    Ok((built.accounts, built.bad))
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
