//! Which column of a deal export holds what: guessed from the headers
//! HubSpot, Salesforce and Pipedrive write (Pipedrive's "Deal - " prefix
//! dropped), editable by the user, as [`crate::overlap::columns`] does for
//! accounts.

use std::collections::{BTreeMap, BTreeSet};

use crate::vocabulary;

vocabulary! {
    /// A deal attribute read from a CSV column.
    pub enum DealField ("deal field") {
        CrmId = "crm_id" / "Record ID",
        Name = "name" / "Deal name",
        Account = "account" / "Company",
        Domain = "domain" / "Website or domain",
        Amount = "amount" / "Amount",
        Currency = "currency" / "Currency",
        Stage = "stage" / "Stage",
        Status = "status" / "Status (open, won, lost)",
        Won = "won" / "Won (yes or no)",
        Closed = "closed" / "Closed (yes or no)",
        Created = "created" / "Created date",
        Close = "close" / "Close date",
        WonOn = "won_on" / "Won date",
        StageDate = "stage_date" / "Date entered current stage",
        Kind = "kind" / "Deal type",
        Source = "source" / "Source",
        Partner = "partner" / "Partner",
    }
}

/// Header texts that mean each field (compared case-insensitively, ignoring
/// punctuation). Earlier entries win; no text means two fields.
const SYNONYMS: &[(DealField, &[&str])] = &[
    (
        DealField::CrmId,
        &[
            "record id",
            "deal id",
            "opportunity id",
            "opportunity id 18",
            "id",
        ],
    ),
    (
        DealField::Name,
        &[
            "deal name",
            "opportunity name",
            "deal title",
            "title",
            "name",
        ],
    ),
    (
        DealField::Account,
        &[
            "associated company",
            "associated company primary",
            "account name",
            "organization",
            "organisation",
            "organization name",
            "company",
            "company name",
            "account",
        ],
    ),
    (
        DealField::Domain,
        &[
            "website",
            "domain",
            "company domain name",
            "associated company domain",
            "organization website",
            "company website",
            "account website",
            "website url",
            "web site",
            "url",
        ],
    ),
    (
        DealField::Amount,
        &[
            "amount",
            "value",
            "deal value",
            "deal amount",
            "opportunity amount",
        ],
    ),
    (
        DealField::Currency,
        &[
            "currency",
            "amount currency",
            "deal currency code",
            "currency code",
            "opportunity currency",
            "deal currency",
        ],
    ),
    (
        DealField::Stage,
        &[
            "deal stage",
            "stage",
            "opportunity stage",
            "sales stage",
            "stage name",
            "pipeline stage",
        ],
    ),
    (
        DealField::Status,
        &["status", "deal status", "opportunity status"],
    ),
    (
        DealField::Won,
        &["won", "closed won", "is won", "iswon", "is closed won"],
    ),
    (DealField::Closed, &["closed", "is closed", "isclosed"]),
    (
        DealField::Created,
        &[
            "create date",
            "created date",
            "deal created",
            "created",
            "created on",
            "creation date",
            "date created",
            "created at",
            "add time",
        ],
    ),
    (
        DealField::Close,
        &[
            "close date",
            "expected close date",
            "closed date",
            "closing date",
            "expected close",
            "close",
        ],
    ),
    (
        DealField::WonOn,
        &[
            "won time",
            "won date",
            "date won",
            "closed won date",
            "won on",
        ],
    ),
    (
        DealField::StageDate,
        &[
            "last stage change date",
            "stage date",
            "date entered current stage",
            "last stage change",
            "last stage change time",
            "stage change date",
            "stage change time",
            "stage changed",
            "stage entered",
        ],
    ),
    (
        DealField::Kind,
        &["deal type", "type", "opportunity type", "business type"],
    ),
    (
        DealField::Source,
        &[
            "lead source",
            "opportunity source",
            "source",
            "deal source",
            "original source",
            "original source type",
            "source channel",
            "source origin",
        ],
    ),
    (
        DealField::Partner,
        &[
            "partner",
            "partner account",
            "partner name",
            "partner company",
            "primary partner",
            "referral partner",
            "channel partner",
            "partner organization",
        ],
    ),
];

/// Lower case, words of letters and digits separated by one space.
fn clean(header: &str) -> String {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Does cleaned header `h` mean the cleaned synonym `n`? Also without a
/// leading entity word ("Deal - Value" → "value").
fn means(h: &str, n: &str) -> bool {
    h == n
        || ["deal ", "opportunity "]
            .iter()
            .any(|p| h.strip_prefix(p) == Some(n))
}

/// The field a header names, if any.
pub fn field_of(header: &str) -> Option<DealField> {
    let h = clean(header);
    SYNONYMS
        .iter()
        .find(|(_, names)| names.iter().any(|n| means(&h, n)))
        .map(|(f, _)| *f)
}

/// Does this record look like the header row of a deal export (two known
/// headers or more)?
pub fn looks_like_header(cells: &[String]) -> bool {
    cells.iter().filter(|c| field_of(c).is_some()).count() >= 2
}

/// Column index per field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealMapping(pub BTreeMap<DealField, usize>);

impl DealMapping {
    pub fn get(&self, f: DealField) -> Option<usize> {
        self.0.get(&f).copied()
    }

    /// Map `f` to `column`, or to no column.
    pub fn set(&mut self, f: DealField, column: Option<usize>) {
        match column {
            Some(c) => {
                self.0.insert(f, c);
            }
            None => {
                self.0.remove(&f);
            }
        }
    }

    /// Guess from headers: for each field, the best-ranked synonym present
    /// in a column no other field took.
    pub fn guess(headers: &[String]) -> DealMapping {
        let cleaned: Vec<String> = headers.iter().map(|h| clean(h)).collect();
        let mut used = BTreeSet::new();
        let mut m = DealMapping::default();
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
        m
    }
}
