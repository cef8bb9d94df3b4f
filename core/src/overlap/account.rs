//! Accounts and account lists: ours, or one partner's.

use super::columns::{Field, Mapping};
use super::csv_import::{BadRow, Table};
use super::population::Population;
use crate::date::Date;
use crate::id::Id;

/// One account from a CRM export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// 1-based line in the source file where the record starts.
    pub line: usize,
    pub name: String,
    /// As written (website, domain or e-mail).
    pub domain: String,
    pub country: String,
    pub population: Population,
    /// The status text the population came from.
    pub status: String,
    pub owner: String,
    pub industry: String,
    pub employees: String,
}

impl Account {
    /// An account with the fields matching uses; status, owner, industry and
    /// employees empty (synthetic and labelled test data).
    pub fn for_matching(
        line: usize,
        name: impl Into<String>,
        domain: impl Into<String>,
        country: impl Into<String>,
        population: Population,
    ) -> Account {
        Account {
            line,
            name: name.into(),
            domain: domain.into(),
            country: country.into(),
            population,
            status: String::new(),
            owner: String::new(),
            industry: String::new(),
            employees: String::new(),
        }
    }
}

/// Whose accounts a list holds.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ListOwner {
    Ours,
    Partner(Id),
}

/// How each account's population is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PopulationSource {
    /// From the mapped status column; rows whose status says nothing get the fallback.
    StatusColumn { fallback: Population },
    /// Every account of the list is in this population.
    Fixed(Population),
}

/// An imported list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountList {
    pub id: Id,
    pub owner: ListOwner,
    /// The source file's name.
    pub source: String,
    pub imported: Date,
    pub population: PopulationSource,
    pub accounts: Vec<Account>,
}

/// The result of turning a table into accounts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Built {
    pub accounts: Vec<Account>,
    /// Table problems and rows without a name or domain.
    pub bad: Vec<BadRow>,
}

/// Turn table rows into accounts with `mapping`. A row needs a company name
/// or a domain; others are reported by line and skipped.
pub fn build_accounts(table: &Table, mapping: &Mapping, population: PopulationSource) -> Built {
    let cell = |row: &[String], f: Field| -> String {
        mapping
            .get(f)
            .and_then(|i| row.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let mut bad = table.bad.clone();
    let mut accounts = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let name = cell(row, Field::Name);
        let domain = cell(row, Field::Domain);
        if name.is_empty() && domain.is_empty() {
            bad.push(BadRow {
                line: *line,
                reason: "no company name and no domain".into(),
            });
            continue;
        }
        if name.chars().count() > crate::format::limits::SHORT_TEXT {
            bad.push(BadRow {
                line: *line,
                reason: format!(
                    "company name longer than {} characters",
                    crate::format::limits::SHORT_TEXT
                ),
            });
            continue;
        }
        let status = cell(row, Field::Status);
        let pop = match population {
            PopulationSource::Fixed(p) => p,
            PopulationSource::StatusColumn { fallback } => {
                Population::from_status(&status).unwrap_or(fallback)
            }
        };
        let short =
            |s: String| -> String { s.chars().take(crate::format::limits::SHORT_TEXT).collect() };
        accounts.push(Account {
            line: *line,
            name,
            domain: short(domain),
            country: short(cell(row, Field::Country)),
            population: pop,
            status: short(status),
            owner: short(cell(row, Field::Owner)),
            industry: short(cell(row, Field::Industry)),
            employees: short(cell(row, Field::Employees)),
        });
    }
    bad.sort_by_key(|b| b.line);
    Built { accounts, bad }
}
