//! The workspace file reader against a corpus of hostile files
//! (`tests/hostile/workspace-json/`, written by
//! `tests/hostile/make_workspace_corpus.py` from the demo): each one is
//! refused with a message that names what is wrong and where, or imported
//! with every text kept exactly as written (shown as text by the app, which
//! has no `inner_html`). None panics. The table below pins the outcome of
//! every file, and every file has a row.

use std::collections::BTreeSet;

use partnerfit_core::format::{self, ImportError, MAX_FILE_BYTES};
use partnerfit_core::{Id, Workspace};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/hostile/workspace-json"
);
const SCRIPT: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>";

enum Expect {
    /// Refused; the message holds every one of these.
    Refused(&'static [&'static str]),
    /// Imported; the check holds.
    Loaded(fn(&Workspace)),
}
use Expect::{Loaded, Refused};

fn northwind(ws: &Workspace) -> &str {
    &ws.partner(&Id::parse("p-northwind").unwrap()).unwrap().name
}

fn same_as_demo(ws: &Workspace) {
    assert_eq!(ws, &partnerfit_core::demo::demo());
}

const TABLE: &[(&str, Expect)] = &[
    (
        "array.json",
        Refused(&["not a Partnerfit workspace", "no \"format\""]),
    ),
    (
        "comments.json",
        Refused(&["not valid JSON (line 1, column 1)"]),
    ),
    (
        "csv-instead.json",
        Refused(&["not valid JSON (line 1, column 2)"]),
    ),
    (
        "date-garbage.json",
        Refused(&["partners[0].status_history[0].date: \"9999-99-99\""]),
    ),
    (
        "date-impossible.json",
        Refused(&["partners[0].status_history[0].date: \"2026-02-30\""]),
    ),
    (
        "duplicate-keys.json",
        Refused(&["line 3", "the key \"format_version\" appears twice"]),
    ),
    (
        "duplicate-partner-ids.json",
        Refused(&["partners[1].id: duplicate partner id \"p-northwind\""]),
    ),
    ("empty-object.json", Refused(&["no \"format\""])),
    ("empty.json", Refused(&["the file is empty"])),
    (
        "formula-injection.json",
        Loaded(|ws| {
            assert_eq!(
                northwind(ws),
                "=HYPERLINK(\"http://evil.example\",\"Click\")"
            );
        }),
    ),
    (
        "id-with-spaces.json",
        Refused(&["partners[1].id", "found ' '"]),
    ),
    (
        "ids-case-fold.json",
        Refused(&[
            "partners[1].id: partner id \"P-NORTHWIND\" differs from \"p-northwind\" only in case",
        ]),
    ),
    ("invalid-utf8.json", Refused(&["not UTF-8 text (byte "])),
    (
        "javascript-urls.json",
        Loaded(|ws| {
            let p = ws.partner(&Id::parse("p-northwind").unwrap()).unwrap();
            assert_eq!(p.website, "javascript:alert(document.cookie)");
            assert_eq!(ws.profile.website, "javascript:alert(document.cookie)");
        }),
    ),
    (
        "long-name.json",
        Refused(&["partners[0].name: text of 100000 characters is longer than the 300 allowed"]),
    ),
    (
        "money-huge.json",
        Refused(&["program.target_minor: 1e+30 is not a whole number"]),
    ),
    (
        "money-negative.json",
        Refused(&["program.target_minor: -500 is negative"]),
    ),
    (
        "money-string.json",
        Refused(&["program.target_minor: expected a whole number, found text"]),
    ),
    (
        "nested-arrays-100000.json",
        Refused(&["not valid JSON (line 1, column 128): recursion limit exceeded"]),
    ),
    (
        "nested-in-notes.json",
        Refused(&["recursion limit exceeded"]),
    ),
    (
        "nested-objects-100000.json",
        Refused(&["recursion limit exceeded"]),
    ),
    ("nul-byte.json", Refused(&["not valid JSON (line "])),
    (
        "nul-escaped-in-name.json",
        Loaded(|ws| assert_eq!(northwind(ws), "North\u{0}wind")),
    ),
    ("null.json", Refused(&["no \"format\""])),
    ("number.json", Refused(&["no \"format\""])),
    (
        "partner-name-number.json",
        Refused(&["partners[0].name: expected text, found a number"]),
    ),
    (
        "partners-missing.json",
        Refused(&["partners: missing required field"]),
    ),
    (
        "partners-object.json",
        Refused(&["partners: expected a list, found an object"]),
    ),
    (
        "rtl-override-name.json",
        Loaded(|ws| assert_eq!(northwind(ws), "Northwind \u{202e}gnitlusnoC")),
    ),
    (
        "score-1e309.json",
        Refused(&["not valid JSON", "number out of range"]),
    ),
    (
        "score-fraction.json",
        Refused(&["partners[0].ratings.buyer_access: 3.5 is not a whole number"]),
    ),
    (
        "score-nan-string.json",
        Refused(&["partners[0].ratings.buyer_access: expected a whole number, found text"]),
    ),
    (
        "score-negative.json",
        Refused(&["partners[0].ratings.buyer_access: -1 is outside 1–5"]),
    ),
    (
        "score-seven.json",
        Refused(&["partners[0].ratings.buyer_access: 7 is outside 1–5"]),
    ),
    (
        "script-everywhere.json",
        Loaded(|ws| {
            assert_eq!(northwind(ws), SCRIPT);
            assert_eq!(ws.profile.name, SCRIPT);
            let p = ws.partner(&Id::parse("p-northwind").unwrap()).unwrap();
            assert!(p
                .ratings
                .values()
                .all(|r| r.evidence == SCRIPT || r.evidence.is_empty()));
        }),
    ),
    (
        "secret-short.json",
        Refused(&["partners[0].self_assessment.invitations[1].secret"]),
    ),
    ("trailing-garbage.json", Refused(&["trailing characters"])),
    ("truncated-half.json", Refused(&["EOF while parsing"])),
    (
        "truncated-in-string.json",
        Refused(&["EOF while parsing a string"]),
    ),
    (
        "truncated-last-brace.json",
        Refused(&["EOF while parsing an object"]),
    ),
    ("unknown-field.json", Refused(&["telemetry: unknown field"])),
    ("utf16be-bom.json", Loaded(same_as_demo)),
    ("utf16le-bom.json", Loaded(same_as_demo)),
    (
        "utf16le-lone-surrogate.json",
        Refused(&["marked as UTF-16 but holds a broken character"]),
    ),
    (
        "utf16le-odd-byte.json",
        Refused(&["marked as UTF-16 but holds a broken character"]),
    ),
    ("utf8-bom.json", Loaded(same_as_demo)),
    (
        "verified-unsealed.json",
        Refused(&["partners[0].self_assessment.responses[0].verification: \"verified\", but its invitation was not sealed"]),
    ),
    (
        "version-400-digits.json",
        Refused(&["not valid JSON (line 3", "number out of range"]),
    ),
    (
        "version-fraction.json",
        Refused(&["format_version: 6.5 is not a version number"]),
    ),
    (
        "version-future.json",
        Refused(&["format version 999", "newer Partnerfit"]),
    ),
    ("version-huge.json", Refused(&["number out of range"])),
    (
        "version-nan.json",
        Refused(&["not valid JSON (line 3, column 20)"]),
    ),
    (
        "version-negative.json",
        Refused(&["format_version: -1 is not a version number"]),
    ),
    (
        "version-string.json",
        Refused(&["format_version: \"7\" is not a version number"]),
    ),
    (
        "version-zero.json",
        Refused(&["format_version: 0 is not a version number"]),
    ),
    ("whitespace.json", Refused(&["the file is empty"])),
    (
        "wrong-format-tag.json",
        Refused(&["its \"format\" is \"other-workspace\""]),
    ),
    (
        "zero-width-name.json",
        Loaded(|ws| {
            assert_eq!(
                northwind(ws),
                "North\u{200b}wind\u{200d} Integrations\u{feff}"
            );
        }),
    ),
];

fn check(name: &str, bytes: &[u8], expect: &Expect) {
    match (format::load_bytes(bytes), expect) {
        (Err(e), Refused(parts)) => {
            let message = e.to_string();
            for part in *parts {
                assert!(
                    message.contains(part),
                    "{name}: {part:?} not in {message:?}"
                );
            }
            // Short enough to read: never the file echoed back.
            assert!(
                message.len() < 2_000,
                "{name}: a message of {} bytes",
                message.len()
            );
        }
        (Ok(loaded), Loaded(holds)) => {
            holds(&loaded.workspace);
            // What was imported exports and imports again unchanged.
            let again = format::load(&format::save(&loaded.workspace)).unwrap();
            assert_eq!(again.workspace, loaded.workspace, "{name}");
        }
        (Ok(_), Refused(_)) => panic!("{name}: imported, but must be refused"),
        (Err(e), Loaded(_)) => panic!("{name}: refused ({e}), but must be imported"),
    }
}

#[test]
fn every_hostile_workspace_file_is_refused_clearly_or_imported_as_written() {
    let files: BTreeSet<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let rows: BTreeSet<String> = TABLE.iter().map(|(n, _)| (*n).to_owned()).collect();
    assert_eq!(
        files, rows,
        "every corpus file has a row, and every row a file"
    );
    assert!(files.len() >= 40, "{} files", files.len());
    for (name, expect) in TABLE {
        let bytes = std::fs::read(format!("{DIR}/{name}")).unwrap();
        check(name, &bytes, expect);
    }
}

/// A file over the limit is refused by its size, before it is read.
#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let bytes = vec![b' '; MAX_FILE_BYTES + 1];
    assert_eq!(
        format::load_bytes(&bytes).unwrap_err(),
        ImportError::TooLarge {
            bytes: MAX_FILE_BYTES + 1,
            limit: MAX_FILE_BYTES
        }
    );
}

/// What the reader refuses, no edit makes: a partner whose id differs from
/// another's only in case is refused (plans, invitations, lists, deals and
/// scorecard entries go through the same `Id::collides`).
#[test]
fn no_edit_makes_ids_that_differ_only_in_case() {
    use partnerfit_core::edit::Edit;
    use partnerfit_core::partner::PartnerType;
    let mut ws = partnerfit_core::demo::demo();
    let before = ws.clone();
    let refused = ws
        .apply(Edit::AddPartner {
            id: Id::parse("P-NORTHWIND").unwrap(),
            name: "Northwind again".into(),
            kind: PartnerType::Referral,
            today: partnerfit_core::Date::parse("2026-11-25").unwrap(),
        })
        .unwrap_err();
    assert!(refused.to_string().contains("P-NORTHWIND"), "{refused}");
    assert_eq!(ws, before);
    assert!(Id::parse("p-a")
        .unwrap()
        .collides(&Id::parse("P-A").unwrap()));
    assert!(!Id::parse("p-a")
        .unwrap()
        .collides(&Id::parse("p-b").unwrap()));
}
