//! Accounts and account lists: ours, or one partner's.
//!
//! An account's annual revenue, when the export has the column, is read as
//! an amount in the workspace's currency ([`Money::parse`]: `5000000`,
//! `5,000,000.00`, `USD 5,000,000`, `5.000.000 €`). A revenue that cannot be
//! read — not a number ("5M"), negative, too large, or written in another
//! currency — leaves the account without a revenue (it still counts for
//! matching) and is reported by line as a [`RevenueNote`].

use super::columns::{Field, Mapping};
use super::csv_import::{BadRow, Table};
use super::population::Population;
use crate::date::Date;
use crate::format::limits::MAX_MINOR;
use crate::id::Id;
use crate::money::{split_currency, Currency, Money, MoneyError};

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
    /// Annual revenue in the workspace's currency, when the export had it.
    pub annual_revenue: Option<Money>,
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
            annual_revenue: None,
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
    /// Accounts kept without their revenue, which could not be read.
    pub revenue_notes: Vec<RevenueNote>,
}

/// Why an annual revenue was not read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RevenueProblem {
    #[error(transparent)]
    Amount(#[from] MoneyError),
    #[error("\"{0}\" is negative")]
    Negative(String),
    #[error("it is in {found} and the workspace counts in {workspace}")]
    Currency { found: String, workspace: Currency },
}

/// An account kept without its annual revenue.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: annual revenue left out: {problem}")]
pub struct RevenueNote {
    pub line: usize,
    pub problem: RevenueProblem,
}

/// An annual revenue as an export writes it, in `currency`; `Ok(None)` when
/// the cell is empty.
pub fn parse_revenue(text: &str, currency: Currency) -> Result<Option<Money>, RevenueProblem> {
    let (amount, written) = split_currency(text);
    if amount.is_empty() {
        return Ok(None);
    }
    if let Some(found) = written {
        if !found.eq_ignore_ascii_case(currency.code()) {
            return Err(RevenueProblem::Currency {
                found: found.to_uppercase(),
                workspace: currency,
            });
        }
    }
    let m = Money::parse(amount, currency)?;
    if m.minor() < 0 {
        return Err(RevenueProblem::Negative(amount.to_owned()));
    }
    if m.minor() > MAX_MINOR {
        return Err(MoneyError::TooLarge(amount.to_owned()).into());
    }
    Ok(Some(m))
}

/// Turn table rows into accounts with `mapping`, revenues in `currency`
/// (the workspace's; `None` reads no revenue: an analysis outside a
/// workspace). A row needs a company name or a domain; others are reported
/// by line and skipped.
pub fn build_accounts(
    table: &Table,
    mapping: &Mapping,
    population: PopulationSource,
    currency: Option<Currency>,
) -> Built {
    let cell = |row: &[String], f: Field| -> String {
        mapping
            .get(f)
            .and_then(|i| row.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let mut bad = table.bad.clone();
    let mut accounts = Vec::with_capacity(table.rows.len());
    let mut revenue_notes = Vec::new();
    for (line, row) in &table.rows {
        let name = cell(row, Field::Name);
        // No website: a contact's e-mail address stands for it (its domain
        // is a key unless it is free-mail).
        let domain = match cell(row, Field::Domain) {
            d if d.trim().is_empty() => cell(row, Field::Email),
            d => d,
        };
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
        let revenue = currency.map(|c| parse_revenue(&cell(row, Field::Revenue), c));
        let annual_revenue = match revenue.transpose() {
            Ok(m) => m.flatten(),
            Err(problem) => {
                revenue_notes.push(RevenueNote {
                    line: *line,
                    problem,
                });
                None
            }
        };
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
            annual_revenue,
        });
    }
    bad.sort_by_key(|b| b.line);
    Built {
        accounts,
        bad,
        revenue_notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Result<Option<i64>, &str>) {
        let got = parse_revenue(text, Currency::EUR)
            .map(|m| m.map(Money::minor))
            .map_err(|e| e.to_string());
        assert_eq!(got, expected.map_err(str::to_owned), "{text:?}");
    }

    #[test]
    fn revenues_as_exports_write_them() {
        check("", Ok(None));
        check("  ", Ok(None));
        check("5000000", Ok(Some(500_000_000)));
        check("5,000,000.00", Ok(Some(500_000_000)));
        check("5.000.000 €", Ok(Some(500_000_000)));
        check("EUR 1,250,000", Ok(Some(125_000_000)));
        check(
            "USD 5,000,000",
            Err("it is in USD and the workspace counts in EUR"),
        );
        check("-20", Err("\"-20\" is negative"));
        check(
            "5M",
            Err("\"5M\" is not an amount: write digits with an optional decimal point, e.g. 1250 or 1250.50"),
        );
    }
}
