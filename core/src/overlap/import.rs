//! Importing one CRM export into an account list: read the CSV, guess (or
//! take) the column mapping, decide populations, report bad rows.

use rustc_hash::FxHashMap;

use super::account::{build_accounts, Account, AccountList, Built, ListOwner, PopulationSource};
use super::columns::{looks_like_header, Field, Mapping};
use super::country::country_key;
use super::csv_import::{
    list_headers, read_csv, stream_csv, BadRow, CsvError, Table, MAX_CSV_BYTES,
};
use super::matching::{keys_of, Keys};
use super::normalize::{domain_key, name_key, Psl};
use super::population::Population;
use crate::date::Date;
use crate::format::limits::MAX_ITEMS;
use crate::format::limits::SHORT_TEXT;
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

/// One side of an overlap as matching and its report need it: per account,
/// its line, name, population and keys, read by [`read_for_matching`]
/// without a table of every cell or full [`Account`]s.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matchable {
    /// 1-based line where each account's record starts.
    pub lines: Vec<usize>,
    pub populations: Vec<Population>,
    /// Each account's match keys (as [`keys_of`] makes them).
    pub keys: Vec<Keys>,
    /// The names, one after the other; `name_ends[i]` is where name i ends.
    names: String,
    name_ends: Vec<usize>,
    /// The rows skipped, by line (as [`Built::bad`]).
    pub bad: Vec<BadRow>,
}

impl Matchable {
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Account `i`'s company name, as written.
    pub fn name(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.name_ends[i - 1] };
        &self.names[start..self.name_ends[i]]
    }

    fn push(&mut self, line: usize, name: &str, population: Population, keys: Keys) {
        self.lines.push(line);
        self.populations.push(population);
        self.keys.push(keys);
        self.names.push_str(name);
        self.name_ends.push(self.names.len());
    }

    /// The same for accounts already built (the rows skipped are not known).
    pub fn from_accounts(psl: &Psl, accounts: &[Account]) -> Matchable {
        let mut m = Matchable {
            keys: keys_of(psl, accounts),
            ..Matchable::default()
        };
        for a in accounts {
            m.lines.push(a.line);
            m.populations.push(a.population);
            m.names.push_str(&a.name);
            m.name_ends.push(m.names.len());
        }
        m
    }
}

/// The first `max` characters of `s` (as `s.chars().take(max)`, without a copy).
fn first_chars(s: &str, max: usize) -> &str {
    if s.len() <= max {
        // No more characters than bytes.
        return s;
    }
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// At most this many distinct status texts are remembered with their population.
const STATUS_CACHE: usize = 1024;

/// A CSV read straight into what matching needs: the same accounts, keys and
/// skipped rows as [`prepare`], [`accounts`] (guessed mapping, default
/// population, no revenue) and [`keys_of`], and the same errors, but
/// streamed ([`stream_csv`]): only the mapped name, domain, e-mail, country
/// and status cells of one row are looked at, its keys made, and the row
/// dropped, so a large export costs its keys rather than a table of
/// strings and full accounts.
pub fn read_for_matching(psl: &Psl, bytes: &[u8]) -> Result<Matchable, ImportListError> {
    const WANTED: [Field; 5] = [
        Field::Name,
        Field::Domain,
        Field::Email,
        Field::Country,
        Field::Status,
    ];
    let population = std::cell::Cell::new(None::<PopulationSource>);
    let mut out = Matchable::default();
    // About one account a line: room made once rather than grown.
    let lines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
    let lines = lines.min(MAX_ITEMS + 1);
    out.lines.reserve(lines);
    out.populations.reserve(lines);
    out.keys.reserve(lines);
    out.name_ends.reserve(lines);
    out.names.reserve(bytes.len().min(MAX_CSV_BYTES) / 3);
    let mut bad = Vec::new();
    let mut countries: FxHashMap<String, std::sync::Arc<str>> = FxHashMap::default();
    let mut statuses: FxHashMap<String, Option<Population>> = FxHashMap::default();
    let mut has_key_column = false;
    let shape = stream_csv(
        bytes,
        |r: &[String]| looks_like_header(r),
        |headers| {
            let mapping = Mapping::guess(headers);
            population.set(Some(default_population(&mapping)));
            has_key_column = WANTED[..3].iter().any(|f| mapping.get(*f).is_some());
            WANTED
                .iter()
                .map(|f| mapping.get(*f).unwrap_or(usize::MAX))
                .collect()
        },
        |line, cells| {
            let Some(source) = population.get() else {
                return;
            };
            let [name, domain, email, country, status] = [0, 1, 2, 3, 4].map(|i| cells[i]);
            // As build_accounts: no website, the contact's e-mail address.
            let domain = if domain.trim().is_empty() {
                email
            } else {
                domain
            };
            if name.is_empty() && domain.is_empty() {
                bad.push(BadRow {
                    line,
                    reason: "no company name and no domain".into(),
                });
                return;
            }
            if name.chars().count() > SHORT_TEXT {
                bad.push(BadRow {
                    line,
                    reason: format!("company name longer than {SHORT_TEXT} characters"),
                });
                return;
            }
            let pop = match source {
                PopulationSource::Fixed(p) => p,
                PopulationSource::StatusColumn { fallback } => match statuses.get(status) {
                    Some(p) => p.unwrap_or(fallback),
                    None => {
                        let p = Population::from_status(status);
                        if statuses.len() < STATUS_CACHE {
                            statuses.insert(status.to_owned(), p);
                        }
                        p.unwrap_or(fallback)
                    }
                },
            };
            let country = first_chars(country, SHORT_TEXT);
            let country = match countries.get(country) {
                Some(c) => c.clone(),
                None => {
                    let c: std::sync::Arc<str> = if country.is_empty() {
                        "".into()
                    } else {
                        country_key(country).into()
                    };
                    countries.insert(country.to_owned(), c.clone());
                    c
                }
            };
            let keys = Keys {
                domain: domain_key(psl, first_chars(domain, SHORT_TEXT)),
                name: name_key(name),
                country,
            };
            out.push(line, name, pop, keys);
        },
    )?;
    if !has_key_column {
        return Err(ImportListError::NoKeyColumn(list_headers(&shape.headers)));
    }
    if out.len() > MAX_ITEMS {
        return Err(ImportListError::TooMany {
            accounts: out.len(),
            limit: MAX_ITEMS,
        });
    }
    out.bad = shape.bad;
    out.bad.extend(bad);
    out.bad.sort_by_key(|b| b.line);
    Ok(out)
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
