//! ICP evidence from a partner's own account lists: how many of their
//! customers fall inside our ICP and in our priority verticals, how many
//! sit below our budget floor, and the 1–5 rating these shares suggest for
//! two criteria of the scorecard.
//!
//! **Population.** The partner's customers: every account of every list
//! the partner owns whose population is customer (open opportunities and
//! prospects are not their book of business yet). An account in two of
//! their lists (the same folded name and domain) counts once.
//!
//! **Conditions.** The ICP conditions account data can check, each only
//! when the ICP sets it:
//! - *industry*: the account's industry is one of our priority verticals
//!   (the ICP's industries and sub-verticals; matching below);
//! - *employees*: the employee count lies in our range. A count is a number
//!   ("250", "1,200") or a band as CRMs and LinkedIn write them ("51-200",
//!   "201 to 500", "10,001+", ">5000", "<50"): a band inside the range is
//!   inside, a band outside it is outside, a band straddling an end says
//!   nothing (no data);
//! - *annual revenue*: the account's revenue (read at import in the
//!   workspace's currency) lies in our revenue range.
//!
//! Countries are not checked: the ICP holds no countries or regions.
//! A condition is *checked* when at least half of the customers have the
//! data for it; a sparser column is reported and left out, so that a
//! column filled for a handful of accounts does not shrink the population
//! to that handful. The **ICP share** is then
//! `inside / judged`, where *judged* are the customers with data for every
//! checked condition and *inside* those meeting all of them. The
//! **vertical share** is `in our verticals / customers with an industry`.
//! Both are [`Rate`]s, rounded half away from zero to a basis point.
//!
//! **Industry matching** (no maintained taxonomy; kept small and visible):
//! both texts are folded — lower case; `-` and `'` joined ("E-Commerce" →
//! "ecommerce"); any other punctuation, `_` included (HubSpot's
//! "COMPUTER_SOFTWARE"), splits words; a trailing plural `s` dropped
//! ("Logistics" → "logistic"); [`SAME_WORDS`] mapped to one word ("SaaS" →
//! "software"); the [`GENERIC`] words ("services", "industry", "other"…)
//! dropped — and split into alternatives at "and", "&", "/" and ",":
//! "Logistics and freight" is "logistic" or "freight". An account's industry
//! is in a vertical when the words of one of its alternatives contain, or
//! are contained in, the words of one of the vertical's alternatives:
//! "Computer Software" is in "Software", "Wholesale" in "Wholesale
//! distribution", "Logistics & Supply Chain" in "Logistics and freight".
//! The rule errs towards counting a broader industry ("Food & Beverages" is
//! in "Food wholesale"), so the evidence lists the industry texts it
//! counted with their numbers ([`IcpFit::matched_industries`]) for the user
//! to judge.
//!
//! **Budget floor.** A budget floor is the least a customer must be able to
//! spend on us a year; the account data holds revenue, not budget. A
//! customer whose whole annual revenue is below the floor cannot have the
//! budget, so [`FloorCheck::below`] counts those: a lower bound of the
//! customers the disqualifier hits (a revenue above the floor shows
//! nothing about the budget).
//!
//! **Suggested rating.** A share maps to a score in five equal bands:
//! `score = min(5, 1 + ⌊share / 20 %⌋)` on the share as shown (basis
//! points): under 20 % → 1, 20 % to under 40 % → 2, 40 % → 3, 60 % → 4,
//! 80 % or more → 5. No score is suggested from fewer than
//! [`MIN_CUSTOMERS`] customers. The vertical share suggests the rating of
//! "Density in your priority verticals" (criterion id `icp_density` of the
//! default scorecard); the ICP share that of "Access to your target buyer
//! roles" (`buyer_access`): the buyer roles sit in ICP companies, and a
//! partner's customers inside the ICP are where the partner already
//! reaches them (the data cannot show which roles they know). Criteria are
//! known by id, so a renamed default criterion keeps its suggestion; a
//! criterion the user adds has a fresh id and gets none.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::account::{Account, AccountList, ListOwner};
use super::normalize::name_key;
use super::population::Population;
use crate::icp::{DisqualifierKind, Icp, Span};
use crate::id::Id;
use crate::money::{group_digits, Currency, Money};
use crate::partner::Score;
use crate::rate::{mul_div, Rate};
use crate::scorecard::config::ids;
use crate::words::count;

/// Fewer customers with the data than this suggest no rating.
pub const MIN_CUSTOMERS: usize = 10;

/// Words that say nothing about which vertical a company is in.
pub const GENERIC: &[&str] = &[
    "the",
    "of",
    "for",
    "in",
    "other",
    "general",
    "misc",
    "miscellaneous",
    "service",
    "industry",
    "industrie",
    "sector",
    "company",
    "companie",
    "business",
    "solution",
    "product",
    "related",
];

/// Words meaning the same vertical: the first is read as the second (both
/// after a plural `s` is dropped).
pub const SAME_WORDS: &[(&str, &str)] = &[
    ("saa", "software"), // "SaaS" once its "s" is dropped
    ("it", "technology"),
    ("tech", "technology"),
    ("healthcare", "health"),
    ("financial", "finance"),
    ("fintech", "finance"),
    ("banking", "bank"),
    ("insurer", "insurance"),
    ("manufacturer", "manufacturing"),
    ("wholesaler", "wholesale"),
    ("distributor", "distribution"),
    ("retailer", "retail"),
    ("transport", "transportation"),
    ("3pl", "logistic"),
    ("warehousing", "warehouse"),
    ("accountant", "accounting"),
    ("accountancy", "accounting"),
    ("pharmaceutical", "pharma"),
];

/// An ICP condition account data can check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Condition {
    Industry,
    Employees,
    Revenue,
}

impl Condition {
    pub const ALL: [Condition; 3] = [
        Condition::Industry,
        Condition::Employees,
        Condition::Revenue,
    ];

    /// "industry", as the evidence names it.
    pub fn label(self) -> &'static str {
        match self {
            Condition::Industry => "industry",
            Condition::Employees => "employees",
            Condition::Revenue => "annual revenue",
        }
    }
}

/// How far a condition could be checked on the partner's customers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// The ICP does not set it.
    NotInIcp,
    /// Fewer than half of the customers have the data: left out of the
    /// ICP share (`inside` of the `with_data` meet it).
    Sparse { with_data: usize, inside: usize },
    /// Checked: `inside` of the `with_data` customers meet it.
    Checked { with_data: usize, inside: usize },
}

/// A budget floor of the ICP against the customers' revenues.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FloorCheck {
    /// The disqualifier.
    pub disqualifier: Id,
    pub floor: Money,
    /// Customers with an annual revenue.
    pub with_revenue: usize,
    /// Of those, the ones whose whole revenue is below the floor.
    pub below: usize,
}

/// The evidence from one partner's customers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcpFit {
    /// The partner's customers (after duplicates across lists).
    pub customers: usize,
    /// Each condition in [`Condition::ALL`] order.
    pub conditions: Vec<(Condition, Coverage)>,
    /// Customers with data for every checked condition.
    pub judged: usize,
    /// Of those, the ones meeting every checked condition.
    pub inside: usize,
    /// Industry texts counted as our verticals, with how many customers
    /// have each, most first (then by text).
    pub matched_industries: Vec<(String, usize)>,
    /// Each budget floor with an amount.
    pub floors: Vec<FloorCheck>,
}

/// Which share a criterion's suggestion is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Customers in our priority verticals.
    Verticals,
    /// Customers inside the ICP.
    Icp,
}

impl Measure {
    /// The criterion of the default scorecard each share speaks to.
    pub const CRITERIA: [(&'static str, Measure); 2] = [
        (ids::ICP_DENSITY, Measure::Verticals),
        (ids::BUYER_ACCESS, Measure::Icp),
    ];

    /// The share that suggests a rating of `criterion`, if any.
    pub fn of(criterion: &Id) -> Option<Measure> {
        Self::CRITERIA
            .iter()
            .find(|(c, _)| criterion.as_str() == *c)
            .map(|(_, m)| *m)
    }
}

/// Why no rating is suggested.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoSuggestion {
    #[error(
        "no customer list of this partner yet: import their CRM export on the account mapping page"
    )]
    NoCustomers,
    #[error("the ICP names no industries or sub-verticals yet")]
    NoVerticals,
    #[error("the ICP sets no industry, employee range or revenue range yet")]
    NoConditions,
    #[error("fewer than half of their {} have the industry, employees or annual revenue your ICP sets: nothing to check", count(*customers, "customer", "customers"))]
    Unchecked { customers: usize },
    #[error("only {} {what}: too few to suggest a rating ({MIN_CUSTOMERS} needed)", count(*n, "customer has", "customers have"))]
    TooFew { n: usize, what: &'static str },
}

/// A rating the data suggests, with its basis in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub score: Score,
    pub share: Rate,
    /// "62% of their 340 customers … → suggests 4 (…)", starting with
    /// [`BASIS_MARK`].
    pub basis: String,
}

/// How every basis starts, so that accepting again replaces the old one.
pub const BASIS_MARK: &str = "From their account data: ";

/// The scale in words.
pub const SCALE: &str = "1: under 20%, 2: 20–40%, 3: 40–60%, 4: 60–80%, 5: 80% or more";

/// `part` of `whole` as a rate, rounded half away from zero.
fn share(part: usize, whole: usize) -> Rate {
    Rate(mul_div(part as i64, 10_000, whole.max(1) as i64) as u32)
}

/// The score a share suggests (see the module doc).
pub fn score_of(share: Rate) -> Score {
    let s = (1 + share.0 / 2_000).min(5) as u8;
    Score::new(s).expect("1 to 5")
}

/// The partner's customers in `lists` (theirs only), once each.
fn customers<'a>(lists: &'a [&'a AccountList], partner: &Id) -> Vec<&'a Account> {
    let owner = ListOwner::Partner(partner.clone());
    let mut seen = HashSet::new();
    lists
        .iter()
        .filter(|l| l.owner == owner)
        .flat_map(|l| &l.accounts)
        .filter(|a| a.population == Population::Customer)
        .filter(|a| seen.insert((name_key(&a.name), a.domain.trim().to_lowercase())))
        .collect()
}

/// The evidence of `partner`'s customers in `lists` against `icp`.
pub fn icp_fit(icp: &Icp, lists: &[&AccountList], partner: &Id) -> IcpFit {
    let customers = customers(lists, partner);
    let verticals = Verticals::new(icp);
    let mut matches: HashMap<&str, bool> = HashMap::new();
    let mut matched: BTreeMap<&str, usize> = BTreeMap::new();
    // Per customer and condition: None without data, else inside or not.
    let rows: Vec<[Option<bool>; 3]> = customers
        .iter()
        .map(|a| {
            let industry = (!verticals.is_empty() && !a.industry.trim().is_empty()).then(|| {
                let text = a.industry.trim();
                let hit = *matches
                    .entry(text)
                    .or_insert_with(|| verticals.contains(text));
                if hit {
                    *matched.entry(text).or_default() += 1;
                }
                hit
            });
            let employees = (!icp.employees.is_empty())
                .then(|| employees_in(&a.employees, icp.employees))
                .flatten();
            let revenue = (!icp.annual_revenue.is_empty())
                .then(|| a.annual_revenue.map(|r| within(r, icp.annual_revenue)))
                .flatten();
            [industry, employees, revenue]
        })
        .collect();
    let n = customers.len();
    let set = [
        !verticals.is_empty(),
        !icp.employees.is_empty(),
        !icp.annual_revenue.is_empty(),
    ];
    let conditions: Vec<(Condition, Coverage)> = Condition::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let with_data = rows.iter().filter(|r| r[i].is_some()).count();
            let inside = rows.iter().filter(|r| r[i] == Some(true)).count();
            let coverage = if !set[i] {
                Coverage::NotInIcp
            } else if n == 0 || 2 * with_data < n {
                Coverage::Sparse { with_data, inside }
            } else {
                Coverage::Checked { with_data, inside }
            };
            (*c, coverage)
        })
        .collect();
    let checked: Vec<usize> = (0..3)
        .filter(|i| matches!(conditions[*i].1, Coverage::Checked { .. }))
        .collect();
    let (mut judged, mut inside) = (0, 0);
    if !checked.is_empty() {
        for r in &rows {
            if checked.iter().all(|i| r[*i].is_some()) {
                judged += 1;
                inside += usize::from(checked.iter().all(|i| r[*i] == Some(true)));
            }
        }
    }
    let mut matched_industries: Vec<(String, usize)> = matched
        .into_iter()
        .map(|(t, k)| (t.to_owned(), k))
        .collect();
    matched_industries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let revenues: Vec<Money> = customers.iter().filter_map(|a| a.annual_revenue).collect();
    let floors = icp
        .disqualifiers
        .iter()
        .filter(|d| d.kind == DisqualifierKind::BudgetFloor)
        .filter_map(|d| {
            let floor = d.amount?;
            Some(FloorCheck {
                disqualifier: d.id.clone(),
                floor,
                with_revenue: revenues.len(),
                below: revenues.iter().filter(|r| **r < floor).count(),
            })
        })
        .collect();
    IcpFit {
        customers: n,
        conditions,
        judged,
        inside,
        matched_industries,
        floors,
    }
}

impl IcpFit {
    pub fn coverage(&self, c: Condition) -> Coverage {
        self.conditions
            .iter()
            .find(|(x, _)| *x == c)
            .map_or(Coverage::NotInIcp, |(_, cov)| *cov)
    }

    /// The share of judged customers inside the ICP.
    pub fn icp_share(&self) -> Option<Rate> {
        (self.judged > 0).then(|| share(self.inside, self.judged))
    }

    /// The share of customers with an industry that are in our verticals.
    pub fn vertical_share(&self) -> Option<Rate> {
        match self.coverage(Condition::Industry) {
            Coverage::Checked { with_data, inside } | Coverage::Sparse { with_data, inside }
                if with_data > 0 =>
            {
                Some(share(inside, with_data))
            }
            _ => None,
        }
    }

    /// What each condition came to, in words ("Industry: 130 of the 212
    /// customers with the data are in your verticals"), countries last.
    pub fn condition_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .conditions
            .iter()
            .map(|(c, cov)| {
                let what = match c {
                    Condition::Industry => "in your verticals".to_owned(),
                    Condition::Employees => "in your employee range".to_owned(),
                    Condition::Revenue => "in your revenue range".to_owned(),
                };
                match cov {
                    Coverage::NotInIcp => format!(
                        "{}: not checked, the ICP does not set it",
                        capital(c.label())
                    ),
                    Coverage::Sparse { with_data, .. } => format!(
                        "{}: not checked, only {} of {} {} it (half needed)",
                        capital(c.label()),
                        group_digits(*with_data as u64),
                        group_digits(self.customers as u64),
                        if self.customers == 1 {
                            "customer has"
                        } else {
                            "customers have"
                        },
                    ),
                    Coverage::Checked { with_data, inside } => format!(
                        "{}: {} of the {} with the data {} {what}",
                        capital(c.label()),
                        group_digits(*inside as u64),
                        count(*with_data, "customer", "customers"),
                        if *inside == 1 { "is" } else { "are" },
                    ),
                }
            })
            .collect();
        lines.push("Country: not checked, the ICP names no countries or regions".to_owned());
        lines
    }

    /// Each budget floor against the customers' revenues, in words.
    pub fn floor_lines(&self, currency: Currency) -> Vec<String> {
        self.floors
            .iter()
            .map(|f| {
                if f.with_revenue == 0 {
                    format!(
                        "Budget floor {}: not checked, no customer has an annual revenue in their export",
                        f.floor.display_whole(currency)
                    )
                } else {
                    format!(
                        "Budget floor {}: {} of the {} with an annual revenue {} below it (their whole revenue is under the floor; a revenue above it says nothing of the budget)",
                        f.floor.display_whole(currency),
                        group_digits(f.below as u64),
                        count(f.with_revenue, "customer", "customers"),
                        if f.below == 1 { "is" } else { "are" },
                    )
                }
            })
            .collect()
    }

    /// The rating `measure`'s share suggests, with its basis.
    pub fn suggest(&self, measure: Measure) -> Result<Suggestion, NoSuggestion> {
        if self.customers == 0 {
            return Err(NoSuggestion::NoCustomers);
        }
        let (n, part, what, statement) = match measure {
            Measure::Verticals => {
                let (with_data, inside) = match self.coverage(Condition::Industry) {
                    Coverage::NotInIcp => return Err(NoSuggestion::NoVerticals),
                    Coverage::Sparse { with_data, inside }
                    | Coverage::Checked { with_data, inside } => (with_data, inside),
                };
                (
                    with_data,
                    inside,
                    "an industry",
                    "in your priority verticals".to_owned(),
                )
            }
            Measure::Icp => {
                let checked: Vec<&str> = self
                    .conditions
                    .iter()
                    .filter(|(_, c)| matches!(c, Coverage::Checked { .. }))
                    .map(|(c, _)| c.label())
                    .collect();
                if checked.is_empty() {
                    let set = self
                        .conditions
                        .iter()
                        .any(|(_, c)| !matches!(c, Coverage::NotInIcp));
                    return Err(if set {
                        NoSuggestion::Unchecked {
                            customers: self.customers,
                        }
                    } else {
                        NoSuggestion::NoConditions
                    });
                }
                (
                    self.judged,
                    self.inside,
                    "the data",
                    format!("inside your ICP ({} checked)", list_words(&checked)),
                )
            }
        };
        if n < MIN_CUSTOMERS {
            return Err(NoSuggestion::TooFew { n, what });
        }
        let share = share(part, n);
        let score = score_of(share);
        let of = if n == self.customers {
            format!("their {}", count(n, "customer", "customers"))
        } else {
            format!(
                "the {} of their {} with {what}",
                group_digits(n as u64),
                count(self.customers, "customer", "customers")
            )
        };
        let basis = format!(
            "{BASIS_MARK}{} of {of} are {statement} → suggests {} (scale {SCALE})",
            share.percent_text(),
            score.get()
        );
        Ok(Suggestion {
            score,
            share,
            basis,
        })
    }
}

/// `existing` evidence with `basis` recorded: an earlier basis (from
/// [`BASIS_MARK`] on) is replaced, what the user wrote before it is kept.
pub fn evidence_with(existing: &str, basis: &str) -> String {
    let own = match existing.find(BASIS_MARK) {
        Some(i) => &existing[..i],
        None => existing,
    };
    let own = own.trim_end().trim_end_matches('·').trim_end();
    if own.is_empty() {
        basis.to_owned()
    } else {
        format!("{own} · {basis}")
    }
}

fn capital(s: &str) -> String {
    crate::words::capitalised(s)
}

/// "a, b and c".
fn list_words(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn within<T: PartialOrd + Copy>(v: T, span: Span<T>) -> bool {
    span.min.is_none_or(|m| v >= m) && span.max.is_none_or(|m| v <= m)
}

/// Whether an employee count (or band) lies in `span`; `None` when it
/// cannot be read or the band straddles an end of the span.
pub fn employees_in(text: &str, span: Span<u32>) -> Option<bool> {
    let (lo, hi) = employee_band(text)?;
    let inside = span.min.is_none_or(|m| lo >= m) && span.max.is_none_or(|m| hi <= m);
    let outside = span.min.is_some_and(|m| hi < m) || span.max.is_some_and(|m| lo > m);
    if inside {
        Some(true)
    } else if outside {
        Some(false)
    } else {
        None
    }
}

/// An employee count or band as `(lowest, highest)`; an open band's top
/// is `u32::MAX`.
pub fn employee_band(text: &str) -> Option<(u32, u32)> {
    // Thousands separators between digits go; dashes and "to" separate.
    let t = text.trim().to_lowercase();
    let chars: Vec<char> = t.chars().collect();
    let mut s = String::with_capacity(t.len());
    for (i, c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        match c {
            ',' | '.' | '\'' | ' ' | '\u{a0}' if between_digits => {}
            '–' | '—' => s.push('-'),
            c => s.push(*c),
        }
    }
    let number = |s: &str| s.trim().parse::<u32>().ok();
    if let Some(n) = number(&s) {
        return Some((n, n));
    }
    if let Some(rest) = s.strip_suffix('+') {
        return Some((number(rest)?, u32::MAX));
    }
    // "> 50" excludes 50, ">= 50" includes it; "<" and "<=" alike.
    if let Some(rest) = s.strip_prefix(">=") {
        return Some((number(rest)?, u32::MAX));
    }
    if let Some(rest) = s.strip_prefix('>') {
        return Some((number(rest)?.saturating_add(1), u32::MAX));
    }
    if let Some(rest) = s.strip_prefix("<=") {
        return Some((0, number(rest)?));
    }
    if let Some(rest) = s.strip_prefix('<') {
        return Some((0, number(rest)?.saturating_sub(1)));
    }
    let (a, b) = s.split_once('-').or_else(|| s.split_once(" to "))?;
    let (a, b) = (number(a)?, number(b)?);
    (a <= b).then_some((a, b))
}

/// Our priority verticals, folded into alternatives of words.
struct Verticals(Vec<Vec<String>>);

impl Verticals {
    fn new(icp: &Icp) -> Verticals {
        Verticals(
            icp.industries
                .iter()
                .chain(&icp.sub_verticals)
                .flat_map(|t| alternatives(t))
                .collect(),
        )
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Is an account's industry text in one of them?
    fn contains(&self, industry: &str) -> bool {
        let subset = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
        alternatives(industry)
            .iter()
            .any(|alt| self.0.iter().any(|v| subset(alt, v) || subset(v, alt)))
    }
}

/// An industry text folded (see the module doc) into its alternatives,
/// each a non-empty list of words.
pub fn alternatives(text: &str) -> Vec<Vec<String>> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '-' | '\'' | '’' => {}
            '&' | '/' | ',' | '+' | ';' => folded.push_str(" and "),
            c if c.is_alphanumeric() => folded.extend(c.to_lowercase()),
            _ => folded.push(' '),
        }
    }
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for w in folded.split_whitespace() {
        if w == "and" || w == "or" {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let w = singular(w);
        let w = SAME_WORDS
            .iter()
            .find(|(from, _)| *from == w)
            .map_or(w, |(_, to)| to);
        if !GENERIC.contains(&w) && !current.iter().any(|x| x == w) {
            current.push(w.to_owned());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A word without a trailing plural `s` ("logistics" → "logistic"; "glass",
/// "bus" and short words kept).
fn singular(w: &str) -> &str {
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        &w[..w.len() - 1]
    } else {
        w
    }
}
