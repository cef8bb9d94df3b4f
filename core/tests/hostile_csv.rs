//! The hostile CSV corpus (`tests/hostile/accounts-csv/`,
//! `tests/hostile/deals-csv/`, written by `tests/hostile/make_csv_corpus.py`)
//! through the imports the app and the command line use: `prepare`, then
//! `accounts` (account lists) or `read_rows` (deal exports).
//!
//! Every file either is refused with a typed error whose message names
//! where (a line or a byte offset, when there is a place to name), or
//! imports with every text cell kept exactly as the file wrote it (markup,
//! formulas and invisible characters stay literal text). The tables below
//! say which, so a change in behaviour fails the test. Files too large to
//! commit (300,000 columns, over 50 MB, over 100,000 rows) are generated
//! here.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use partnerfit_core::format::limits::{MAX_ITEMS, SHORT_TEXT};
use partnerfit_core::overlap::columns::Field;
use partnerfit_core::overlap::csv_import::{CsvError, MAX_COLUMNS, MAX_CSV_BYTES};
use partnerfit_core::overlap::import::{self as list, ImportListError};
use partnerfit_core::pipeline::columns::DealField;
use partnerfit_core::pipeline::import as deals;
use partnerfit_core::{Currency, Id};

/// What an import of one file does.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    /// Refused: the error's message.
    Refused(String),
    /// Imported: records read, rows left out (by line).
    Imported { rows: usize, bad: usize },
}

/// What a file must do: refused with a message holding this text, or
/// imported with so many rows and bad rows.
enum Expect {
    Refused(&'static str),
    Imported(usize, usize),
}
use Expect::{Imported, Refused};

const ACCOUNTS: &[(&str, Expect)] = &[
    ("blank-lines-only.csv", Refused("the file is empty")),
    ("blank-lines.csv", Imported(2, 0)),
    ("control-characters.csv", Imported(2, 0)),
    ("cr-only.csv", Imported(2, 0)),
    ("crlf.csv", Imported(2, 0)),
    ("duplicate-accounts.csv", Imported(3, 0)),
    ("duplicate-headers.csv", Imported(1, 0)),
    ("emoji-and-combining.csv", Imported(2, 0)),
    ("empty.csv", Refused("the file is empty")),
    ("formula-injection.csv", Imported(6, 0)),
    ("header-only-no-newline.csv", Imported(0, 0)),
    ("header-only.csv", Imported(0, 0)),
    ("html-entities.csv", Imported(2, 0)),
    ("huge-numbers.csv", Imported(2, 0)),
    ("invalid-utf8-after-bom.csv", Imported(2, 0)),
    ("invalid-utf8.csv", Imported(2, 0)),
    ("javascript-urls.csv", Imported(4, 0)),
    ("long-name.csv", Imported(1, 1)),
    ("long-row.csv", Imported(2, 1)),
    ("mixed-line-endings.csv", Imported(3, 0)),
    ("nan-like.csv", Imported(9, 0)),
    ("negative-numbers.csv", Imported(2, 0)),
    (
        "no-key-column.csv",
        Refused("no column holds a company name, a domain or a contact's e-mail address (headers: Foo, Bar)"),
    ),
    ("nul-byte.csv", Refused("a zero byte at offset 176")),
    ("nul-in-header.csv", Refused("a zero byte at offset 7")),
    ("rtl-override-names.csv", Imported(3, 0)),
    ("script-tags.csv", Imported(4, 0)),
    ("semicolon-quoted-newlines.csv", Imported(1, 0)),
    ("short-row.csv", Imported(2, 0)),
    (
        "single-column.csv",
        Refused("no line has two or more columns"),
    ),
    ("stray-quote-inside-cell.csv", Imported(2, 0)),
    ("title-lines-above-header.csv", Imported(1, 0)),
    ("truncated-after-header.csv", Imported(0, 0)),
    ("truncated-mid-record.csv", Imported(2, 0)),
    ("unterminated-quote-at-end.csv", Imported(1, 1)),
    ("unterminated-quote-middle.csv", Imported(1, 1)),
    ("utf16be-bom-tabs.csv", Imported(1, 0)),
    ("utf16le-bom-tabs.csv", Imported(2, 0)),
    (
        "utf16le-lone-surrogate.csv",
        Refused("unpaired surrogate) at byte offset 224"),
    ),
    ("utf16le-nul-char.csv", Refused("a zero byte at offset 228")),
    (
        "utf16le-odd-length.csv",
        Refused("ends in the middle of a character (byte offset 352)"),
    ),
    (
        "utf16le-without-bom.csv",
        Refused("a zero byte at offset 1"),
    ),
    ("utf8-bom-crlf.csv", Imported(1, 0)),
    ("whitespace-only.csv", Refused("the file is empty")),
    (
        "wide-header-1001-columns.csv",
        Refused("line 1 has 1,001 columns"),
    ),
    (
        "wide-row-1500-fields.csv",
        Refused("line 3 has 1,500 columns"),
    ),
    ("windows-1252.csv", Imported(2, 0)),
    ("wrong-types.csv", Imported(2, 0)),
    ("zero-width-names.csv", Imported(3, 0)),
    ("zip-file.csv", Refused("a zero byte at offset 5")),
];

const DEALS: &[(&str, Expect)] = &[
    ("bad-dates.csv", Imported(1, 4)),
    ("blank-lines.csv", Imported(2, 0)),
    ("control-characters.csv", Imported(1, 0)),
    ("cr-only.csv", Imported(2, 0)),
    ("crlf.csv", Imported(2, 0)),
    ("duplicate-ids.csv", Imported(1, 2)),
    ("empty.csv", Refused("the file is empty")),
    ("formula-amounts.csv", Imported(0, 3)),
    ("formula-injection.csv", Imported(6, 0)),
    ("header-only.csv", Imported(0, 0)),
    ("huge-amounts.csv", Imported(0, 3)),
    ("invalid-utf8.csv", Imported(2, 0)),
    ("javascript-urls.csv", Imported(4, 0)),
    ("long-row.csv", Imported(1, 1)),
    ("long-texts.csv", Imported(1, 0)),
    ("missing-cells.csv", Imported(0, 3)),
    ("nan-like-amounts.csv", Imported(0, 9)),
    ("negative-amounts.csv", Imported(1, 2)),
    (
        "no-id-column.csv",
        Refused(
            "no column holds the Record ID (headers: Deal Name, Deal Stage, Amount, Create Date)",
        ),
    ),
    (
        "no-stage-column.csv",
        Refused("no column holds the stage, nor whether a deal is won or lost"),
    ),
    ("nul-byte.csv", Refused("a zero byte at offset 241")),
    // "USD 100" is refused; "100 ¥" is read as 100 in the workspace's
    // currency (`Money::parse` drops $, €, £ and ¥ as display symbols).
    ("other-currency.csv", Imported(1, 1)),
    ("rtl-override-names.csv", Imported(1, 0)),
    ("script-in-id.csv", Imported(2, 0)),
    ("script-tags.csv", Imported(4, 0)),
    ("semicolon-quoted-newlines.csv", Imported(1, 0)),
    (
        "single-column.csv",
        Refused("no line has two or more columns"),
    ),
    ("stray-quote-inside-cell.csv", Imported(1, 0)),
    ("title-lines-above-header.csv", Imported(1, 0)),
    (
        "truncated-after-header.csv",
        Refused("no column holds the Created date"),
    ),
    ("truncated-mid-record.csv", Imported(1, 1)),
    ("unknown-stages.csv", Imported(0, 3)),
    ("unterminated-quote.csv", Imported(1, 1)),
    ("utf16be-bom-tabs.csv", Imported(1, 0)),
    (
        "utf16be-odd-length.csv",
        Refused("ends in the middle of a character (byte offset 474)"),
    ),
    ("utf16le-bom-tabs.csv", Imported(2, 0)),
    (
        "utf16le-lone-surrogate.csv",
        Refused("unpaired surrogate) at byte offset 242"),
    ),
    (
        "utf16le-without-bom.csv",
        Refused("a zero byte at offset 1"),
    ),
    ("whitespace-only.csv", Refused("the file is empty")),
    (
        "wide-header-1001-columns.csv",
        Refused("line 1 has 1,001 columns"),
    ),
    (
        "wide-row-1500-fields.csv",
        Refused("line 3 has 1,500 columns"),
    ),
    ("windows-1252.csv", Imported(2, 0)),
    ("won-closed-garbage.csv", Imported(0, 1)),
    ("wrong-types.csv", Imported(0, 4)),
    ("zero-width-names.csv", Imported(1, 0)),
    ("zip-file.csv", Refused("a zero byte at offset 5")),
];

fn corpus(dir: &str) -> Vec<(String, Vec<u8>)> {
    let dir: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "tests", "hostile", dir]
        .iter()
        .collect();
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// A text as the import keeps it: at most `SHORT_TEXT` characters.
fn short(s: &str) -> String {
    s.chars().take(SHORT_TEXT).collect()
}

/// Does the message say where: a line or a byte offset?
fn names_a_place(message: &str) -> bool {
    message.contains("line ") || message.contains("offset ")
}

/// A refusal's message, checked: short, and naming a place when the error
/// is about one.
fn refused(e: &dyn std::error::Error, at_a_place: bool) -> Outcome {
    let m = e.to_string();
    assert!(
        m.len() < 1_500,
        "a long message ({} bytes): {m:.200}",
        m.len()
    );
    if at_a_place {
        assert!(names_a_place(&m), "no place named: {m}");
    }
    Outcome::Refused(m)
}

/// Whether a CSV error is about a place in the file.
fn csv_error_at_a_place(e: &CsvError) -> bool {
    matches!(
        e,
        CsvError::Binary(_) | CsvError::Encoding(_) | CsvError::TooManyColumns { .. }
    )
}

/// The account-list import, as the list import of the app runs it; an
/// import's text cells are checked against the table it was read from.
fn import_accounts(bytes: &[u8]) -> Outcome {
    let prepared = match list::prepare(bytes) {
        Ok(p) => p,
        Err(e) => return refused(&e, csv_error_at_a_place(&e)),
    };
    let population = list::default_population(&prepared.mapping);
    let built = match list::accounts(
        &prepared,
        &prepared.mapping,
        population,
        Some(Currency::EUR),
    ) {
        Ok(b) => b,
        Err(e @ ImportListError::Csv(_)) => return refused(&e, true),
        Err(e) => return refused(&e, false),
    };
    let table = &prepared.table;
    let cell = |cells: &[String], f: Field| -> String {
        prepared
            .mapping
            .get(f)
            .and_then(|i| cells.get(i))
            .cloned()
            .unwrap_or_default()
    };
    for a in &built.accounts {
        let (_, cells) = table
            .rows
            .iter()
            .find(|(line, _)| *line == a.line)
            .expect("an account comes from a row");
        assert_eq!(a.name, cell(cells, Field::Name));
        for (field, kept) in [
            (Field::Domain, &a.domain),
            (Field::Status, &a.status),
            (Field::Owner, &a.owner),
            (Field::Industry, &a.industry),
            (Field::Employees, &a.employees),
            (Field::Country, &a.country),
        ] {
            assert_eq!(
                *kept,
                short(&cell(cells, field)),
                "{field:?} line {}",
                a.line
            );
        }
    }
    for b in &built.bad {
        assert!(b.line >= 1 && b.to_string().starts_with("line "), "{b}");
    }
    for n in &built.revenue_notes {
        assert!(n.to_string().starts_with("line "), "{n}");
    }
    Outcome::Imported {
        rows: built.accounts.len(),
        bad: built.bad.len(),
    }
}

fn partners() -> Vec<(Id, String, String)> {
    vec![(
        Id::parse("p-northwind").unwrap(),
        "Northwind Integrations".into(),
        "https://northwind.io".into(),
    )]
}

/// The deal import, as the app's deal import runs it; an import's text
/// cells are checked against the table it was read from.
fn import_deals(bytes: &[u8]) -> Outcome {
    let prepared = match deals::prepare(bytes) {
        Ok(p) => p,
        Err(e) => return refused(&e, csv_error_at_a_place(&e)),
    };
    let read = match deals::read_rows(&prepared, &prepared.mapping, Currency::EUR, &partners()) {
        Ok(r) => r,
        // A missing column or too many rows: about the whole file.
        Err(e) => return refused(&e, false),
    };
    let table = &prepared.table;
    let cell = |cells: &[String], f: DealField| -> String {
        prepared
            .mapping
            .get(f)
            .and_then(|i| cells.get(i))
            .cloned()
            .unwrap_or_default()
    };
    for d in &read.rows {
        let (_, cells) = table
            .rows
            .iter()
            .find(|(line, _)| *line == d.line)
            .expect("a deal comes from a row");
        for (field, kept) in [
            (DealField::CrmId, &d.crm_id),
            (DealField::Name, &d.name),
            (DealField::Account, &d.account),
            (DealField::Domain, &d.domain),
            (DealField::Partner, &d.partner_text),
            (DealField::Source, &d.source),
        ] {
            assert_eq!(
                *kept,
                short(&cell(cells, field)),
                "{field:?} line {}",
                d.line
            );
        }
        assert!(d.amount.minor() >= 0, "line {}", d.line);
    }
    for b in &read.bad {
        assert!(b.line >= 1 && b.to_string().starts_with("line "), "{b}");
    }
    Outcome::Imported {
        rows: read.rows.len(),
        bad: read.bad.len(),
    }
}

/// Run every file of `dir` through `import` (no panic allowed) and compare
/// with `table`, which must name every file.
fn check(dir: &str, table: &[(&str, Expect)], import: fn(&[u8]) -> Outcome) {
    let files = corpus(dir);
    assert!(files.len() >= 40, "{dir}: {} files", files.len());
    let mut wrong = Vec::new();
    for (name, bytes) in &files {
        let got = catch_unwind(AssertUnwindSafe(|| import(bytes)))
            .unwrap_or_else(|_| panic!("{dir}/{name}: the import panicked"));
        let ok = match table.iter().find(|(n, _)| n == name).map(|(_, e)| e) {
            Some(Refused(text)) => matches!(&got, Outcome::Refused(m) if m.contains(text)),
            Some(Imported(rows, bad)) => {
                got == Outcome::Imported {
                    rows: *rows,
                    bad: *bad,
                }
            }
            None => false,
        };
        if !ok {
            wrong.push(format!("{name}: {got:?}"));
        }
    }
    for (name, _) in table {
        assert!(
            files.iter().any(|(n, _)| n == name),
            "{dir}/{name} is in the table but not in the corpus"
        );
    }
    assert!(
        wrong.is_empty(),
        "{dir}: unexpected outcomes:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn hostile_account_exports() {
    check("accounts-csv", ACCOUNTS, import_accounts);
}

#[test]
fn hostile_deal_exports() {
    check("deals-csv", DEALS, import_deals);
}

/// Markup and formulas are data: imported, they are the same characters.
#[test]
fn markup_and_formulas_stay_literal_text() {
    let files = corpus("accounts-csv");
    let bytes = |name: &str| &files.iter().find(|(n, _)| n == name).unwrap().1;
    let p = list::prepare(bytes("script-tags.csv")).unwrap();
    let built = list::accounts(&p, &p.mapping, list::default_population(&p.mapping), None).unwrap();
    assert_eq!(built.accounts[0].name, "<script>alert(1)</script>");
    assert_eq!(built.accounts[0].owner, "<script>alert(1)</script>");
    let p = list::prepare(bytes("formula-injection.csv")).unwrap();
    let built = list::accounts(&p, &p.mapping, list::default_population(&p.mapping), None).unwrap();
    assert_eq!(
        built.accounts[0].name,
        "=HYPERLINK(\"http://evil.example\",\"click\")"
    );
}

/// Deals keep their texts too: markup in the id, name, company and partner.
#[test]
fn deal_texts_stay_literal() {
    let files = corpus("deals-csv");
    let bytes = |name: &str| &files.iter().find(|(n, _)| n == name).unwrap().1;
    let p = deals::prepare(bytes("script-in-id.csv")).unwrap();
    let read = deals::read_rows(&p, &p.mapping, Currency::EUR, &partners()).unwrap();
    assert_eq!(read.rows[0].crm_id, "<script>alert(1)</script>");
    assert_eq!(read.rows[1].crm_id, "javascript:alert(1)");
    let p = deals::prepare(bytes("script-tags.csv")).unwrap();
    let read = deals::read_rows(&p, &p.mapping, Currency::EUR, &partners()).unwrap();
    assert_eq!(read.rows[0].name, "<script>alert(1)</script>");
    assert_eq!(read.rows[0].partner_text, "<script>alert(1)</script>");
    // A partner's name with a zero-width space inside is not the partner.
    let p = deals::prepare(bytes("zero-width-names.csv")).unwrap();
    let read = deals::read_rows(&p, &p.mapping, Currency::EUR, &partners()).unwrap();
    assert_eq!(read.rows[0].name, "Be\u{200b}ta deal");
    assert_eq!(read.rows[0].partner_text, "North\u{200b}wind Integrations");
    assert_eq!(read.rows[0].partner, None);
}

/// A header row of `columns` names, then one record.
fn wide(columns: usize) -> Vec<u8> {
    let mut csv: String = (0..columns)
        .map(|i| format!("Column {i}"))
        .collect::<Vec<_>>()
        .join(",");
    csv.push_str("\nAcme,acme.com\n");
    csv.into_bytes()
}

#[test]
fn a_300000_column_header_is_refused_with_a_short_message() {
    let bytes = wide(300_000);
    for e in [
        list::prepare(&bytes).unwrap_err(),
        deals::prepare(&bytes).unwrap_err(),
    ] {
        assert_eq!(
            e,
            CsvError::TooManyColumns {
                line: 1,
                columns: 300_000,
                limit: MAX_COLUMNS
            }
        );
        let m = e.to_string();
        assert!(m.len() < 500, "{m}");
        assert!(m.starts_with("line 1 has 300,000 columns"), "{m}");
    }
}

#[test]
fn files_over_the_limits_are_refused() {
    // Over the byte limit: refused before anything is read.
    let mut big = b"Company name,Website\n".to_vec();
    big.resize(MAX_CSV_BYTES + 1, b'a');
    for e in [
        list::prepare(&big).unwrap_err(),
        deals::prepare(&big).unwrap_err(),
    ] {
        assert_eq!(
            e,
            CsvError::TooLarge {
                bytes: MAX_CSV_BYTES + 1,
                limit: MAX_CSV_BYTES
            }
        );
    }
    // Over the row limit.
    let mut accounts = String::from("Company name,Website\n");
    let mut deal_rows = String::from("Record ID,Deal Name,Deal Stage,Create Date\n");
    for i in 0..=MAX_ITEMS {
        accounts.push_str(&format!("Acme {i},acme-{i}.de\n"));
        deal_rows.push_str(&format!("{i},Deal {i},closedwon,2026-01-05\n"));
    }
    assert_eq!(
        import_accounts(accounts.as_bytes()),
        Outcome::Refused("the file has 100,001 accounts and a list holds at most 100,000: export it in parts (by country or owner, say) and import each as its own list".into())
    );
    assert_eq!(
        import_deals(deal_rows.as_bytes()),
        Outcome::Refused("the file has 100,001 deals and one import takes at most 100,000: export it in parts (by pipeline, owner or close quarter, say) and import each".into())
    );
}
