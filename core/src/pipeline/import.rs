//! CRM opportunity exports (HubSpot deals, Salesforce opportunity reports,
//! Pipedrive deals) read into deal rows, which [`super::absorb`] then takes
//! into the pipeline.
//!
//! Rules:
//! - **The file** is read as account exports are (UTF-8 or Windows-1252,
//!   comma, semicolon or tab, a header row, line numbers: see
//!   [`crate::overlap::csv_import`]) and its columns guessed from their
//!   headers ([`super::columns`]); the user may map them otherwise. A file
//!   without a record id, deal name, created date or stage (or won/lost)
//!   column is refused, and so is one of more than `MAX_ITEMS` rows (with
//!   advice to split it).
//! - **Rows** need a record id, a name, a created date and a stage; a row
//!   without, or with a date, amount, stage or currency that cannot be
//!   read, is left out and reported by line with the reason ([`BadDeal`]);
//!   the other rows still import. A record id seen on an earlier row leaves
//!   the later row out.
//! - **Dates**: `2026-10-01` (a time after it is ignored:
//!   `2026-10-01 14:32:05`, `2026-10-01T14:32Z`), or day and month with
//!   `/`, `.` or `-` and a year of four (or two) digits. Which of the two
//!   numbers is the day is decided per column: a first number above 12
//!   anywhere in the column means day first; else a second number above 12
//!   means month first; else the decision of another date column of the
//!   file; else dots mean day first (`01.10.2026`) and slashes month first
//!   (`10/01/2026`, as US exports write), with a note saying so.
//! - **Amounts** are read by [`Money::parse`] (`$12,000.00`, `12 000,50`,
//!   `12.000,50`); an empty amount is zero, a negative one is refused. A
//!   currency other than the workspace's, in the currency column or written
//!   in the amount (`USD 12,000`, `12.000,00 €`), refuses the row, naming
//!   both.
//! - **Stages**: [`super::stages`] (every CRM's default names; won, closed
//!   and status columns override the stage).
//! - **Deal type**: renewal when it says renew; expansion for any other
//!   existing-customer deal ("existingbusiness", "Existing Customer -
//!   Upgrade", upsell, add-on); new otherwise.
//! - **Attribution**: the partner column names a workspace partner by its
//!   name (folded like company names) or its website's domain → sourced if
//!   the source column is empty or says partner, referral, channel,
//!   reseller or affiliate, influenced otherwise. A partner the workspace
//!   does not have, or a source saying partner with no partner named, gives
//!   a direct deal and a note by line. No partner: direct.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::columns::{looks_like_header, DealField, DealMapping};
use super::stages::{current_stage, fold, StageError};
use super::{Attribution, DealKind, Stage};
use crate::date::Date;
use crate::format::limits::{MAX_ITEMS, MAX_MINOR, SHORT_TEXT};
use crate::id::Id;
use crate::money::{group_digits, split_currency, Currency, Money, MoneyError};
use crate::overlap::csv_import::{list_headers, read_csv, CsvError, Table};
use crate::overlap::normalize::{host_of, name_key};

/// A deal export read and its columns guessed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedDeals {
    pub table: Table,
    pub mapping: DealMapping,
}

/// Read a CSV deal export and guess its column mapping.
pub fn prepare(bytes: &[u8]) -> Result<PreparedDeals, CsvError> {
    let table = read_csv(bytes, |r: &[String]| looks_like_header(r))?;
    let mapping = DealMapping::guess(&table.headers);
    Ok(PreparedDeals { table, mapping })
}

/// Why a whole export was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DealImportError {
    #[error("no column holds the {field} (headers: {headers}); choose it in the column mapping")]
    NoColumn { field: DealField, headers: String },
    #[error("no column holds the stage, nor whether a deal is won or lost (headers: {0}); choose one in the column mapping")]
    NoStageColumn(String),
    #[error("the file has {} deals and one import takes at most {}: export it in parts (by pipeline, owner or close quarter, say) and import each", group_digits(*rows as u64), group_digits(*limit as u64))]
    TooMany { rows: usize, limit: usize },
}

/// Why one row was left out.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DealProblem {
    /// What the CSV reader said of a record it could not read.
    #[error("{0}")]
    Record(String),
    #[error("no record id: later exports find a deal by its id")]
    NoId,
    #[error("no deal name")]
    NoName,
    #[error("no created date")]
    NoCreated,
    #[error("{field} \"{text}\" is not a date: write 2026-10-01, 10/01/2026 or 01.10.2026")]
    Date { field: DealField, text: String },
    #[error(transparent)]
    Amount(MoneyError),
    #[error("the amount {0} is negative: a deal's amount is what it is worth")]
    Negative(String),
    #[error("the amount is in {found} and the workspace counts in {workspace}: export the report in {workspace}, or convert the amounts, before importing")]
    Currency { found: String, workspace: Currency },
    #[error(transparent)]
    Stage(#[from] StageError),
    #[error(
        "record id \"{crm_id}\" is already on line {first}: only the first row of a deal is read"
    )]
    Repeated { crm_id: String, first: usize },
}

/// A row left out, with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadDeal {
    pub line: usize,
    pub problem: DealProblem,
}

impl fmt::Display for BadDeal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

/// Which of two numbers of a date is the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

impl fmt::Display for DateOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateOrder::DayFirst => "day first (01/10/2026 is 1 October 2026)",
            DateOrder::MonthFirst => "month first (10/01/2026 is 1 October 2026)",
        })
    }
}

/// Something worth knowing about rows that were read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DealNote {
    /// The partner column names no workspace partner: the deal is direct.
    UnknownPartner { line: usize, partner: String },
    /// The source says partner but no partner is named: the deal is direct.
    NoPartnerNamed { line: usize, said: String },
    /// No date of the file tells day from month: `order` was assumed.
    DatesAssumed { field: DealField, order: DateOrder },
}

impl fmt::Display for DealNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DealNote::UnknownPartner { line, partner } => write!(
                f,
                "line {line}: partner \"{partner}\" is not in the workspace: the deal counts as direct"
            ),
            DealNote::NoPartnerNamed { line, said } => write!(
                f,
                "line {line}: the source says \"{said}\" but no partner is named: the deal counts as direct"
            ),
            DealNote::DatesAssumed { field, order } => write!(
                f,
                "{field}: no date has a number above 12 to tell the day from the month; read {order}"
            ),
        }
    }
}

/// One deal as the export describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DealRow {
    /// 1-based line where the record starts.
    pub line: usize,
    pub crm_id: String,
    pub name: String,
    pub account: String,
    pub domain: String,
    pub partner: Option<Id>,
    /// The partner and source cells, as written.
    pub partner_text: String,
    pub source: String,
    pub attribution: Attribution,
    pub kind: DealKind,
    pub amount: Money,
    pub created: Date,
    /// The close date; for a won deal, the day it was won when the export says.
    pub close: Option<Date>,
    pub stage: Stage,
    /// The day it entered its current stage, when the export says (for a
    /// won deal, the day it was won).
    pub stage_date: Option<Date>,
}

/// The rows of an export: those read, those left out, and notes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadDeals {
    pub rows: Vec<DealRow>,
    /// By line.
    pub bad: Vec<BadDeal>,
    /// Date assumptions first, then by line.
    pub notes: Vec<DealNote>,
    /// How the day-and-month dates of each date column were read.
    pub date_orders: BTreeMap<DealField, DateOrder>,
}

/// A date cell, before day and month are told apart.
#[derive(Clone, Copy, Debug)]
enum DateCell {
    /// Year first: year, month, day.
    Ymd(i32, u32, u32),
    /// Two numbers and a year, with their separator.
    Pair { a: u32, b: u32, year: i32, sep: u8 },
}

fn date_cell(text: &str) -> Option<DateCell> {
    let t = text.trim();
    let t = &t[..t.find(char::is_whitespace).unwrap_or(t.len())];
    let t = match t.find('T') {
        Some(10) => &t[..10],
        _ => t,
    };
    let sep = *t
        .as_bytes()
        .iter()
        .find(|b| matches!(b, b'-' | b'/' | b'.'))?;
    let mut parts = t.split(char::from(sep));
    let (p1, p2, p3) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let num = |p: &str| -> Option<u32> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let (n1, n2, n3) = (num(p1)?, num(p2)?, num(p3)?);
    if p1.len() == 4 {
        return (p2.len() <= 2 && p3.len() <= 2).then_some(DateCell::Ymd(n1 as i32, n2, n3));
    }
    if p1.len() > 2 || p2.len() > 2 {
        return None;
    }
    let year = match p3.len() {
        4 => n3 as i32,
        2 => 2000 + n3 as i32,
        _ => return None,
    };
    Some(DateCell::Pair {
        a: n1,
        b: n2,
        year,
        sep,
    })
}

fn to_date(cell: DateCell, order: DateOrder) -> Option<Date> {
    let (y, m, d) = match (cell, order) {
        (DateCell::Ymd(y, m, d), _) => (y, m, d),
        (DateCell::Pair { a, b, year, .. }, DateOrder::MonthFirst) => (year, a, b),
        (DateCell::Pair { a, b, year, .. }, DateOrder::DayFirst) => (year, b, a),
    };
    Date::from_ymd(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// What a column's dates say of their order (a number above 12 decides),
/// and the separator of its first day-and-month date.
fn evidence(table: &Table, col: usize) -> (Option<DateOrder>, Option<u8>) {
    let (mut month_first, mut first_sep) = (false, None);
    for (_, row) in &table.rows {
        if let Some(DateCell::Pair { a, b, sep, .. }) = row.get(col).and_then(|c| date_cell(c)) {
            first_sep.get_or_insert(sep);
            if a > 12 {
                return (Some(DateOrder::DayFirst), first_sep);
            }
            month_first |= b > 12;
        }
    }
    (month_first.then_some(DateOrder::MonthFirst), first_sep)
}

const DATE_FIELDS: [DealField; 4] = [
    DealField::Created,
    DealField::Close,
    DealField::WonOn,
    DealField::StageDate,
];

/// The order of each date column with day-and-month dates, and notes for
/// those assumed.
fn date_orders(
    table: &Table,
    mapping: &DealMapping,
) -> (BTreeMap<DealField, DateOrder>, Vec<DealNote>) {
    let seen: Vec<(DealField, Option<DateOrder>, Option<u8>)> = DATE_FIELDS
        .iter()
        .filter_map(|f| mapping.get(*f).map(|c| (*f, c)))
        .map(|(f, c)| {
            let (order, sep) = evidence(table, c);
            (f, order, sep)
        })
        .collect();
    let file = seen.iter().find_map(|(_, o, _)| *o);
    let (mut orders, mut notes) = (BTreeMap::new(), Vec::new());
    for (field, order, sep) in seen {
        let Some(sep) = sep else { continue };
        let order = order.or(file).unwrap_or_else(|| {
            let order = if sep == b'.' {
                DateOrder::DayFirst
            } else {
                DateOrder::MonthFirst
            };
            notes.push(DealNote::DatesAssumed { field, order });
            order
        });
        orders.insert(field, order);
    }
    (orders, notes)
}

/// The workspace's partners, found by folded name or website host.
struct Partners<'a> {
    by_name: HashMap<String, &'a Id>,
    by_host: HashMap<String, &'a Id>,
}

impl<'a> Partners<'a> {
    fn new(partners: &'a [(Id, String, String)]) -> Partners<'a> {
        let (mut by_name, mut by_host) = (HashMap::new(), HashMap::new());
        for (id, name, website) in partners {
            let key = name_key(name);
            if !key.is_empty() {
                by_name.entry(key).or_insert(id);
            }
            if let Ok(Some(host)) = host_of(website) {
                by_host.entry(host).or_insert(id);
            }
        }
        Partners { by_name, by_host }
    }

    /// The partner a cell names: by name, else by its domain or a parent
    /// domain of it ("eu.northwind.io" finds northwind.io).
    fn find(&self, text: &str) -> Option<&'a Id> {
        if let Some(id) = self.by_name.get(&name_key(text)) {
            return Some(id);
        }
        let host = host_of(text).ok()??;
        let mut h = host.as_str();
        loop {
            if let Some(id) = self.by_host.get(h) {
                return Some(id);
            }
            match h.split_once('.') {
                Some((_, rest)) if rest.contains('.') => h = rest,
                _ => return None,
            }
        }
    }
}

/// Does a source cell say the deal came through a partner?
fn says_partner(source: &str) -> bool {
    source
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|w| {
            ["partner", "referr", "channel", "resell", "affiliate"]
                .iter()
                .any(|p| w.starts_with(p))
                || w == "var"
                || w == "msp"
        })
}

/// The deal type a CRM's type cell means.
pub fn kind_of(text: &str) -> DealKind {
    let f = fold(text);
    if f.contains("renew") {
        DealKind::Renewal
    } else if [
        "existing",
        "upgrade",
        "upsell",
        "expan",
        "crosssell",
        "addon",
    ]
    .iter()
    .any(|w| f.contains(w))
    {
        DealKind::Expansion
    } else {
        DealKind::New
    }
}

fn short(s: &str) -> String {
    s.chars().take(SHORT_TEXT).collect()
}

/// Read the rows of a prepared export under `mapping`, in the workspace's
/// `currency`, attributing deals to `partners` (id, name, website).
pub fn read_rows(
    prepared: &PreparedDeals,
    mapping: &DealMapping,
    currency: Currency,
    partners: &[(Id, String, String)],
) -> Result<ReadDeals, DealImportError> {
    let table = &prepared.table;
    let headers = || list_headers(&table.headers);
    for field in [DealField::CrmId, DealField::Name, DealField::Created] {
        if mapping.get(field).is_none() {
            return Err(DealImportError::NoColumn {
                field,
                headers: headers(),
            });
        }
    }
    if [
        DealField::Stage,
        DealField::Status,
        DealField::Won,
        DealField::Closed,
    ]
    .iter()
    .all(|f| mapping.get(*f).is_none())
    {
        return Err(DealImportError::NoStageColumn(headers()));
    }
    if table.rows.len() > MAX_ITEMS {
        return Err(DealImportError::TooMany {
            rows: table.rows.len(),
            limit: MAX_ITEMS,
        });
    }
    let (date_orders, mut notes) = date_orders(table, mapping);
    let mut bad: Vec<BadDeal> = table
        .bad
        .iter()
        .map(|b| BadDeal {
            line: b.line,
            problem: DealProblem::Record(b.reason.clone()),
        })
        .collect();
    let finder = Partners::new(partners);
    let mut found: HashMap<&str, Option<&Id>> = HashMap::new();
    let mut first_line: HashMap<&str, usize> = HashMap::with_capacity(table.rows.len());
    let mut rows = Vec::with_capacity(table.rows.len());
    for (line, cells) in &table.rows {
        let cell = |f: DealField| -> &str {
            mapping
                .get(f)
                .and_then(|i| cells.get(i))
                .map_or("", String::as_str)
        };
        let date = |f: DealField| -> Result<Option<Date>, DealProblem> {
            let text = cell(f);
            if text.is_empty() {
                return Ok(None);
            }
            let order = date_orders
                .get(&f)
                .copied()
                .unwrap_or(DateOrder::MonthFirst);
            date_cell(text)
                .and_then(|c| to_date(c, order))
                .map(Some)
                .ok_or_else(|| DealProblem::Date {
                    field: f,
                    text: text.to_owned(),
                })
        };
        let read = || -> Result<DealRow, DealProblem> {
            let crm_id = cell(DealField::CrmId);
            if crm_id.is_empty() {
                return Err(DealProblem::NoId);
            }
            let name = cell(DealField::Name);
            if name.is_empty() {
                return Err(DealProblem::NoName);
            }
            let created = date(DealField::Created)?.ok_or(DealProblem::NoCreated)?;
            let close = date(DealField::Close)?;
            let won_on = date(DealField::WonOn)?;
            let stage_date = date(DealField::StageDate)?;
            let stage = current_stage(
                cell(DealField::Stage),
                cell(DealField::Status),
                cell(DealField::Won),
                cell(DealField::Closed),
            )?;
            let (amount_text, written) = split_currency(cell(DealField::Amount));
            let said = Some(cell(DealField::Currency).trim())
                .filter(|c| !c.is_empty())
                .or(written);
            if let Some(found) = said {
                if !found.eq_ignore_ascii_case(currency.code()) {
                    return Err(DealProblem::Currency {
                        found: found.to_uppercase(),
                        workspace: currency,
                    });
                }
            }
            let amount = if amount_text.is_empty() {
                Money::ZERO
            } else {
                Money::parse(amount_text, currency).map_err(DealProblem::Amount)?
            };
            if amount.minor() < 0 {
                return Err(DealProblem::Negative(amount_text.to_owned()));
            }
            if amount.minor() > MAX_MINOR {
                return Err(DealProblem::Amount(MoneyError::TooLarge(
                    amount_text.to_owned(),
                )));
            }
            let won = stage == Stage::Won;
            Ok(DealRow {
                line: *line,
                crm_id: short(crm_id),
                name: short(name),
                account: short(cell(DealField::Account)),
                domain: short(cell(DealField::Domain)),
                partner: None,
                partner_text: short(cell(DealField::Partner)),
                source: short(cell(DealField::Source)),
                attribution: Attribution::Direct,
                kind: kind_of(cell(DealField::Kind)),
                amount,
                created,
                close: won_on.filter(|_| won).or(close),
                stage,
                stage_date: stage_date.or(won_on.filter(|_| won)),
            })
        };
        let mut row = match read() {
            Ok(row) => row,
            Err(problem) => {
                bad.push(BadDeal {
                    line: *line,
                    problem,
                });
                continue;
            }
        };
        let crm_id = cell(DealField::CrmId);
        if let Some(first) = first_line.get(crm_id) {
            bad.push(BadDeal {
                line: *line,
                problem: DealProblem::Repeated {
                    crm_id: row.crm_id,
                    first: *first,
                },
            });
            continue;
        }
        first_line.insert(crm_id, *line);
        let partner_cell = cell(DealField::Partner);
        let partner = if partner_cell.is_empty() {
            None
        } else {
            *found
                .entry(partner_cell)
                .or_insert_with(|| finder.find(partner_cell))
        };
        let via_partner = says_partner(&row.source);
        row.attribution = match partner {
            Some(_) if row.source.is_empty() || via_partner => Attribution::Sourced,
            Some(_) => Attribution::Influenced,
            None => Attribution::Direct,
        };
        row.partner = partner.cloned();
        if partner.is_none() && !row.partner_text.is_empty() {
            notes.push(DealNote::UnknownPartner {
                line: *line,
                partner: row.partner_text.clone(),
            });
        } else if partner.is_none() && via_partner {
            notes.push(DealNote::NoPartnerNamed {
                line: *line,
                said: row.source.clone(),
            });
        }
        rows.push(row);
    }
    bad.sort_by_key(|b| b.line);
    Ok(ReadDeals {
        rows,
        bad,
        notes,
        date_orders,
    })
}
