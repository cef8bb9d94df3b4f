//! A partner's overlap as CSV files for re-import into a CRM, written by
//! [`crate::csv_export`] (formula-looking cells escaped):
//! - **matched accounts**: one row per match the overlap matrix counts
//!   (rejected matches left out), ordered by our account's place in our
//!   lists, then theirs; our account, their account, how they matched and
//!   whether the match was confirmed;
//! - **account map**: one row per mapped account, in the map's order.
//!
//! Columns are in a fixed order ([`MATCHED_COLUMNS`], [`MAP_COLUMNS`]); a
//! change is a change for everyone who re-imports the file.

use super::account::Account;
use super::assessment::MappedAccount;
use super::figures::{Decided, Decision};
use super::population::Population;
use crate::vocab::Vocabulary;

/// The matched accounts file's columns.
pub const MATCHED_COLUMNS: [&str; 13] = [
    "Our account",
    "Our domain",
    "Our country",
    "Our owner",
    "Our population",
    "Our line",
    "Their account",
    "Their domain",
    "Their population",
    "Their line",
    "Matched on",
    "Confidence (%)",
    "Decision",
];

/// The account map file's columns.
pub const MAP_COLUMNS: [&str; 6] = [
    "Account",
    "Domain",
    "Known relationships",
    "Current initiatives",
    "Who owns influence",
    "Their entry point",
];

/// One account's population, in the singular.
fn one(p: Population) -> &'static str {
    match p {
        Population::Customer => "Customer",
        Population::OpenOpportunity => "Open opportunity",
        Population::Prospect => "Prospect",
    }
}

/// The matched accounts of an overlap (`ours`, `theirs` and `decided` as
/// [`super::figures::figures`] takes them) as a CSV file.
pub fn matched_accounts(ours: &[&Account], theirs: &[&Account], decided: &[Decided]) -> Vec<u8> {
    let mut kept: Vec<&Decided> = decided
        .iter()
        .filter(|d| d.decision != Some(Decision::Rejected))
        .collect();
    kept.sort_by_key(|d| (d.pair.ours, d.pair.theirs));
    crate::csv_export::write(
        MATCHED_COLUMNS,
        kept.into_iter().map(|d| {
            let (o, t) = (ours[d.pair.ours as usize], theirs[d.pair.theirs as usize]);
            [
                o.name.clone(),
                o.domain.clone(),
                o.country.clone(),
                o.owner.clone(),
                one(o.population).to_owned(),
                o.line.to_string(),
                t.name.clone(),
                t.domain.clone(),
                one(t.population).to_owned(),
                t.line.to_string(),
                d.pair.reason.label().to_owned(),
                d.pair.confidence.to_string(),
                match d.decision {
                    Some(Decision::Confirmed) => "Confirmed",
                    _ => "To review",
                }
                .to_owned(),
            ]
        }),
    )
}

/// A partner's account map as a CSV file.
pub fn account_map(mapped: &[MappedAccount]) -> Vec<u8> {
    crate::csv_export::write(
        MAP_COLUMNS,
        mapped.iter().map(|m| {
            [
                m.name.clone(),
                m.domain.clone(),
                m.relationships.clone(),
                m.initiatives.clone(),
                m.influence.clone(),
                m.entry_point.clone(),
            ]
        }),
    )
}

/// The file name of an export: `<partner>-<what>-<date>.csv`.
pub fn file_name(partner: &str, what: &str, date: crate::Date) -> String {
    let slug = crate::format::slug(partner);
    let slug = if slug.is_empty() { "partner" } else { &slug };
    format!("{slug}-{what}-{date}.csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overlap::matching::{Pair, Reason};

    fn read(bytes: &[u8]) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes)
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    fn pair(ours: u32, theirs: u32, decision: Option<Decision>) -> Decided {
        Decided {
            pair: Pair {
                ours,
                theirs,
                reason: Reason::SameDomain,
                confidence: 100,
            },
            decision,
        }
    }

    #[test]
    fn matched_accounts_one_row_per_kept_match() {
        let mut acme = Account::for_matching(2, "=Acme", "acme.com", "DE", Population::Customer);
        acme.owner = "Ann, \"AE\"".into();
        let beta = Account::for_matching(3, "Beta", "beta.io", "", Population::Prospect);
        let theirs_acme = Account::for_matching(
            7,
            "ACME GmbH",
            "www.acme.com",
            "",
            Population::OpenOpportunity,
        );
        let theirs_beta = Account::for_matching(9, "Beta", "beta.io", "", Population::Customer);
        let ours = [&acme, &beta];
        let theirs = [&theirs_acme, &theirs_beta];
        // Out of order, and one rejected.
        let decided = [
            pair(1, 1, Some(Decision::Rejected)),
            pair(0, 0, Some(Decision::Confirmed)),
        ];
        let rows = read(&matched_accounts(&ours, &theirs, &decided));
        assert_eq!(rows[0], MATCHED_COLUMNS);
        assert_eq!(
            rows[1..],
            [[
                "'=Acme",
                "acme.com",
                "DE",
                "Ann, \"AE\"",
                "Customer",
                "2",
                "ACME GmbH",
                "www.acme.com",
                "Open opportunity",
                "7",
                "Same domain",
                "100",
                "Confirmed"
            ]]
        );
    }

    #[test]
    fn account_map_one_row_per_account() {
        let m = MappedAccount {
            name: "Acme".into(),
            domain: "acme.com".into(),
            relationships: "CFO knows their MD\nsince 2019".into(),
            initiatives: "-10 % cost".into(),
            influence: "@cfo".into(),
            entry_point: "finance".into(),
        };
        let rows = read(&account_map(&[m]));
        assert_eq!(rows[0], MAP_COLUMNS);
        assert_eq!(
            rows[1],
            [
                "Acme",
                "acme.com",
                "CFO knows their MD\nsince 2019",
                "'-10 % cost",
                "'@cfo",
                "finance"
            ]
        );
        assert_eq!(read(&account_map(&[])), [MAP_COLUMNS]);
    }

    #[test]
    fn file_names() {
        let d = crate::Date::parse("2026-11-30").unwrap();
        assert_eq!(
            file_name("Northwind Integrations", "matched-accounts", d),
            "northwind-integrations-matched-accounts-2026-11-30.csv"
        );
        assert_eq!(
            file_name("===", "account-map", d),
            "partner-account-map-2026-11-30.csv"
        );
    }
}
