//! The link decoders against a corpus of hostile invitations and responses
//! (`tests/hostile/links/`, written by `tests/hostile/make_link_corpus.py`
//! from the format 1 links kept as fixtures): links, pasted text and files.
//! Each is refused with a message in plain words whose detail names what is
//! wrong, or opened with its text kept exactly as written. None panics, and
//! every file has a row in the table.

use std::collections::BTreeSet;

use partnerfit_core::share::{invitation, response, ShareError};
use partnerfit_core::Date;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/hostile/links");
const SCRIPT: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>";

enum Expect {
    /// Refused; the message and its detail together hold this.
    Refused(&'static str),
    /// Opened; the invitation's addressee or the respondent's name, as written.
    Opens(&'static str),
}
use Expect::{Opens, Refused};

const DAMAGED: &str = "The link is damaged";
const INCOMPLETE: &str = "The link is incomplete";
const NOT_OURS: &str = "This is not a Partnerfit link";
const BAD_CHARACTER: &str = "a character no Partnerfit link has";
const ROUNDS: &str = "key-derivation rounds; Partnerfit accepts 100,000 to 1,000,000";

const TABLE: &[(&str, Expect)] = &[
    (
        "inv-bad-character.txt",
        Refused("character '<' (U+003C) at position 11"),
    ),
    (
        "inv-bad-mode.txt",
        Refused("header \"xx\" is not one Partnerfit writes"),
    ),
    (
        "inv-contact-javascript.txt",
        Opens("Northwind Integrations"),
    ),
    (
        "inv-created-impossible.txt",
        Refused("created: \"2026-02-30\" is not a date"),
    ),
    (
        "inv-deflate-bomb.txt",
        Refused("unpacks to more than 64 KB"),
    ),
    ("inv-empty.txt", Refused("Nothing to open")),
    (
        "inv-expired.txt",
        Refused("This invitation expired on 2026-01-01"),
    ),
    (
        "inv-extra-data.txt",
        Refused("its header announces 1740 bytes"),
    ),
    (
        "inv-file-broken-json.json",
        Refused("the file is not valid JSON"),
    ),
    ("inv-file-good.json", Opens("Northwind Integrations")),
    (
        "inv-file-newer.json",
        Refused("link format 2; this version reads formats 1 to 2"),
    ),
    (
        "inv-file-no-envelope.json",
        Refused("it has no \"envelope\" text"),
    ),
    (
        "inv-file-wrong-format.json",
        Refused("its \"format\" is not \"partnerfit-share\""),
    ),
    ("inv-formula-company.txt", Opens("Northwind Integrations")),
    ("inv-id-spaces.txt", Refused("id: an id may only contain")),
    (
        "inv-is-a-response.txt",
        Refused("This is a response link, not an invitation"),
    ),
    ("inv-json-array.txt", Refused("not a valid invitation")),
    (
        "inv-json-duplicate-key.txt",
        Refused("duplicate field `id`"),
    ),
    ("inv-json-nested.txt", Refused("unpacks to more than 64 KB")),
    (
        "inv-json-null.txt",
        Refused("not a valid invitation: invalid type: null"),
    ),
    ("inv-length-exponent.txt", Refused("header \"1e9\"")),
    ("inv-length-nan.txt", Refused("header \"NaN\"")),
    ("inv-length-negative.txt", Refused("header \"-1\"")),
    (
        "inv-length-overflow.txt",
        Refused("announces 18446744073709551615 bytes, more than a link can hold"),
    ),
    ("inv-line-wrapped.txt", Opens("Northwind Integrations")),
    ("inv-missing-length.txt", Refused(INCOMPLETE)),
    ("inv-no-fragment.txt", Refused(NOT_OURS)),
    ("inv-not-deflate.txt", Refused("does not inflate")),
    ("inv-nul-inside.txt", Refused("(U+0000) at position 11")),
    ("inv-only-pf.txt", Refused(NOT_OURS)),
    ("inv-padding.txt", Refused("character '=' (U+003D)")),
    ("inv-rtl-in-name.txt", Opens("Northwind \u{202e}gnitlusnoC")),
    (
        "inv-rtl-override-inside.txt",
        Refused("(U+202E) at position 11"),
    ),
    ("inv-script-in-text.txt", Opens(SCRIPT)),
    (
        "inv-sealed-needs-passphrase.txt",
        Refused("protected by a passphrase"),
    ),
    ("inv-sealed-rounds-1000.txt", Refused(ROUNDS)),
    ("inv-sealed-rounds-5m.txt", Refused(ROUNDS)),
    ("inv-sealed-rounds-max-u32.txt", Refused(ROUNDS)),
    ("inv-sealed-too-short.txt", Refused(INCOMPLETE)),
    (
        "inv-secret-short.txt",
        Refused("secret: not 16 bytes of base64url"),
    ),
    (
        "inv-text-too-long.txt",
        Refused("a text is longer than 2000 characters"),
    ),
    ("inv-to-number.txt", Refused("invalid type: integer `42`")),
    (
        "inv-too-long.txt",
        Refused("more than any Partnerfit link (at most 200,000)"),
    ),
    (
        "inv-too-many-questions.txt",
        Refused("it has 61 questions (1 to 60 expected)"),
    ),
    ("inv-truncated.txt", Refused(INCOMPLETE)),
    ("inv-version-0.txt", Refused(NOT_OURS)),
    ("inv-version-9.txt", Refused("link format 9")),
    ("inv-version-huge.txt", Refused(NOT_OURS)),
    ("inv-whitespace.txt", Refused("Nothing to open")),
    (
        "inv-zero-width-inside.txt",
        Refused("(U+200B) at position 11"),
    ),
    (
        "resp-email-newline.txt",
        Refused("email: a control character (U+000A) at character 17"),
    ),
    (
        "resp-evidence-too-long.txt",
        Refused("ratings.deal_registration.evidence: longer than 4000"),
    ),
    ("resp-formula-evidence.txt", Opens("Mara Lindqvist")),
    ("resp-good.txt", Opens("Mara Lindqvist")),
    (
        "resp-invitation-id-spaces.txt",
        Refused("invitation: an id may only contain"),
    ),
    (
        "resp-is-an-invitation.txt",
        Refused("This is an invitation link, not a response"),
    ),
    (
        "resp-name-escape.txt",
        Refused("name: a control character (U+001B) at character 5"),
    ),
    (
        "resp-name-rtl.txt",
        Refused("name: a control character (U+202E) at character 6"),
    ),
    (
        "resp-name-too-long.txt",
        Refused("name: longer than 300 characters"),
    ),
    ("resp-name-zero-width.txt", Opens("Ma\u{200b}ra")),
    ("resp-no-tag.txt", Refused(INCOMPLETE)),
    ("resp-only-tag.txt", Refused(INCOMPLETE)),
    (
        "resp-score-7.txt",
        Refused("ratings.deal_registration.score: 7 is outside 1–5"),
    ),
    (
        "resp-score-negative.txt",
        Refused("invalid value: integer `-1`"),
    ),
    (
        "resp-score-string.txt",
        Refused("invalid type: string \"NaN\""),
    ),
    ("resp-script-everywhere.txt", Opens(SCRIPT)),
    (
        "resp-submitted-impossible.txt",
        Refused("submitted: \"2026-13-01\" is not a date"),
    ),
];

fn open(name: &str, text: &str) -> Result<String, ShareError> {
    let today = Date::parse("2026-11-25").unwrap();
    if name.starts_with("inv-") {
        invitation::open(text, None, today).map(|o| o.invitation.to)
    } else {
        response::open(text, None).map(|o| o.response.draft.name)
    }
}

#[test]
fn every_hostile_link_is_refused_plainly_or_opened_as_written() {
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
        let text = std::fs::read_to_string(format!("{DIR}/{name}")).unwrap();
        match (open(name, &text), expect) {
            (Err(e), Refused(part)) => {
                let message = e.to_string();
                let all = format!("{message} {}", e.detail().unwrap_or_default());
                assert!(all.contains(part), "{name}: {part:?} not in {all:?}");
                // Plain words, short: no parser's words and no echo of the input.
                assert!(message.len() < 400, "{name}: {message}");
                assert!(
                    !message.contains("base64") && !message.contains("JSON"),
                    "{name}: {message}"
                );
            }
            (Ok(shown), Opens(expected)) => assert_eq!(shown, *expected, "{name}"),
            (Ok(shown), Refused(_)) => panic!("{name}: opened ({shown:?}), but must be refused"),
            (Err(e), Opens(_)) => panic!("{name}: refused ({e}), but must open"),
        }
    }
}

/// Damage the named refusals call by their kind, not only their words.
#[test]
fn damaged_links_are_named_as_damaged() {
    for name in [
        "inv-bad-character.txt",
        "inv-padding.txt",
        "inv-zero-width-inside.txt",
    ] {
        let text = std::fs::read_to_string(format!("{DIR}/{name}")).unwrap();
        let e = open(name, &text).unwrap_err();
        assert!(
            matches!(e, ShareError::BadCharacter { .. }),
            "{name}: {e:?}"
        );
        assert!(e.to_string().contains(BAD_CHARACTER));
    }
    let text = std::fs::read_to_string(format!("{DIR}/inv-length-overflow.txt")).unwrap();
    let e = open("inv-", &text).unwrap_err();
    assert!(matches!(e, ShareError::Damaged(_)), "{e:?}");
    assert!(e.to_string().starts_with(DAMAGED));
}
