//! Which column holds what: guessed from header synonyms used by real CRM
//! exports (HubSpot, Salesforce, Pipedrive, spreadsheets), editable by the user.

use crate::vocabulary;

vocabulary! {
    /// An account attribute read from a CSV column.
    pub enum Field ("account field") {
        Name = "name" / "Company name",
        Domain = "domain" / "Domain or website",
        /// A contact's e-mail address: its domain is the account's domain key
        /// when the website cell is empty (free-mail domains never are).
        Email = "email" / "Contact e-mail (when no website)",
        Status = "status" / "Status / lifecycle stage / type",
        Owner = "owner" / "Owner",
        Industry = "industry" / "Industry",
        Employees = "employees" / "Employees",
        Country = "country" / "Country",
        Revenue = "annual_revenue" / "Annual revenue",
    }
}

/// Header texts that mean each field (compared case-insensitively, ignoring
/// punctuation). Earlier entries win. Written cleaned (lower case, words
/// separated by one space: a test checks), so a header is compared without
/// cleaning every synonym again.
const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::Name,
        &[
            "company name",
            "account name",
            "organization name",
            "organisation name",
            "company",
            "account",
            "organization",
            "organisation",
            "name",
        ],
    ),
    (
        Field::Domain,
        &[
            "company domain name",
            "domain",
            "website",
            "website url",
            "web site",
            "url",
            "domain name",
            "email domain",
        ],
    ),
    (
        Field::Email,
        &[
            "email",
            "e mail",
            "email address",
            "primary contact email",
            "contact email",
            "primary email",
            "work email",
            "business email",
        ],
    ),
    (
        Field::Status,
        &[
            "lifecycle stage",
            "account type",
            "type",
            "status",
            "stage",
            "relationship",
            "customer status",
        ],
    ),
    (
        Field::Owner,
        &[
            "company owner",
            "account owner",
            "owner",
            "owner name",
            "hubspot owner",
            "account manager",
        ],
    ),
    (Field::Industry, &["industry", "sector", "vertical"]),
    (
        Field::Employees,
        &[
            "number of employees",
            "employees",
            "employee count",
            "company size",
            "headcount",
            "size",
        ],
    ),
    (
        Field::Country,
        &[
            "country region",
            "country",
            "billing country",
            "address country",
            "hq country",
            "nation",
        ],
    ),
    (
        Field::Revenue,
        &[
            "annual revenue",
            // Salesforce's API name, as data loaders write it.
            "annualrevenue",
            // A Salesforce report in the user's currency.
            "annual revenue converted",
            "yearly revenue",
            "revenue",
            "annual turnover",
            "turnover",
        ],
    ),
];

fn clean(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A header without a leading entity word ("Organization - Owner" → "owner"),
/// as Pipedrive and some spreadsheets write them.
fn without_entity(h: &str) -> Option<&str> {
    [
        "organization ",
        "organisation ",
        "company ",
        "account ",
        "org ",
    ]
    .iter()
    .find_map(|p| h.strip_prefix(p))
}

/// Does cleaned header `h` mean the synonym `n` (itself cleaned)?
fn means(h: &str, n: &str) -> bool {
    h == n || without_entity(h) == Some(n)
}

/// Endings that name a field when no synonym does ("Billing Contact Email").
const ENDINGS: &[(Field, &[&str])] = &[(Field::Email, &[" email", " e mail", " email address"])];

fn ends_like(h: &str, field: Field) -> bool {
    ENDINGS
        .iter()
        .filter(|(f, _)| *f == field)
        .any(|(_, ends)| ends.iter().any(|e| h.ends_with(e)))
}

/// The field a header names, if any.
pub fn field_of(header: &str) -> Option<Field> {
    let h = clean(header);
    SYNONYMS
        .iter()
        .find(|(_, names)| names.iter().any(|n| means(&h, n)))
        .map(|(f, _)| *f)
        .or_else(|| ENDINGS.iter().map(|(f, _)| *f).find(|f| ends_like(&h, *f)))
}

/// Does this record look like a header row (two known headers or more)?
pub fn looks_like_header(cells: &[String]) -> bool {
    cells.iter().filter(|c| field_of(c).is_some()).count() >= 2
        || cells
            .iter()
            .any(|c| matches!(field_of(c), Some(Field::Name)))
            && cells
                .iter()
                .all(|c| !c.contains('.') || field_of(c).is_some())
}

/// Column index per field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping(pub std::collections::BTreeMap<Field, usize>);

impl Mapping {
    pub fn get(&self, f: Field) -> Option<usize> {
        self.0.get(&f).copied()
    }

    pub fn set(&mut self, f: Field, column: Option<usize>) {
        match column {
            Some(c) => {
                self.0.insert(f, c);
            }
            None => {
                self.0.remove(&f);
            }
        }
    }

    /// Guess from headers: for each field, the best-ranked synonym present.
    pub fn guess(headers: &[String]) -> Mapping {
        let cleaned: Vec<String> = headers.iter().map(|h| clean(h)).collect();
        let mut used = std::collections::BTreeSet::new();
        let mut m = Mapping::default();
        for (field, names) in SYNONYMS {
            let found = names.iter().find_map(|n| {
                cleaned
                    .iter()
                    .enumerate()
                    .find(|(i, h)| means(h, n) && !used.contains(i))
                    .map(|(i, _)| i)
            });
            if let Some(i) = found {
                used.insert(i);
                m.0.insert(*field, i);
            }
        }
        for (field, _) in ENDINGS {
            if m.get(*field).is_none() {
                let found = (0..cleaned.len())
                    .find(|i| !used.contains(i) && ends_like(&cleaned[*i], *field));
                if let Some(i) = found {
                    used.insert(i);
                    m.0.insert(*field, i);
                }
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(headers: &[&str]) -> Vec<(Field, &'static str)> {
        let hs: Vec<String> = headers.iter().map(|s| s.to_string()).collect();
        Mapping::guess(&hs)
            .0
            .into_iter()
            .map(|(f, i)| (f, header_static(headers[i])))
            .collect()
    }

    fn header_static(s: &str) -> &'static str {
        Box::leak(s.to_owned().into_boxed_str())
    }

    #[test]
    fn synonyms_are_written_cleaned() {
        for (_, names) in SYNONYMS {
            for n in *names {
                assert_eq!(clean(n), *n);
            }
        }
    }

    #[test]
    fn real_crm_exports() {
        // HubSpot companies export.
        assert_eq!(
            guess(&[
                "Record ID",
                "Company name",
                "Company Domain Name",
                "Lifecycle Stage",
                "Company owner",
                "Industry",
                "Number of Employees",
                "Country/Region",
                "Annual Revenue"
            ]),
            [
                (Field::Name, "Company name"),
                (Field::Domain, "Company Domain Name"),
                (Field::Status, "Lifecycle Stage"),
                (Field::Owner, "Company owner"),
                (Field::Industry, "Industry"),
                (Field::Employees, "Number of Employees"),
                (Field::Country, "Country/Region"),
                (Field::Revenue, "Annual Revenue"),
            ]
        );
        // Salesforce accounts report.
        assert_eq!(
            guess(&[
                "Account Name",
                "Website",
                "Type",
                "Account Owner",
                "Billing Country",
                "Employees",
                "AnnualRevenue"
            ]),
            [
                (Field::Name, "Account Name"),
                (Field::Domain, "Website"),
                (Field::Status, "Type"),
                (Field::Owner, "Account Owner"),
                (Field::Employees, "Employees"),
                (Field::Country, "Billing Country"),
                (Field::Revenue, "AnnualRevenue"),
            ]
        );
        // Pipedrive organizations.
        assert_eq!(
            guess(&[
                "Organization - ID",
                "Organization - Name",
                "Organization - Owner",
                "Organization - Website",
                "Organization - Address country",
                "Organization - Annual revenue"
            ]),
            [
                (Field::Name, "Organization - Name"),
                (Field::Domain, "Organization - Website"),
                (Field::Owner, "Organization - Owner"),
                (Field::Country, "Organization - Address country"),
                (Field::Revenue, "Organization - Annual revenue"),
            ]
        );
        // Plain spreadsheet.
        assert_eq!(
            guess(&["Name", "Domain"]),
            [(Field::Name, "Name"), (Field::Domain, "Domain")]
        );
        // A partner's export with a contact's address beside the website.
        assert_eq!(
            guess(&[
                "Account Name",
                "Website",
                "Primary Contact Email",
                "Country"
            ]),
            [
                (Field::Name, "Account Name"),
                (Field::Domain, "Website"),
                (Field::Email, "Primary Contact Email"),
                (Field::Country, "Country"),
            ]
        );
        // Any column ending in "email", and an address column alone.
        assert_eq!(
            guess(&["Company", "Billing Contact E-mail"]),
            [
                (Field::Name, "Company"),
                (Field::Email, "Billing Contact E-mail")
            ]
        );
        assert_eq!(
            guess(&["Name", "Email"]),
            [(Field::Name, "Name"), (Field::Email, "Email")]
        );
    }
}
