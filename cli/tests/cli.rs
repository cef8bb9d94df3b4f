//! The `partnerfit` binary as a script would use it: exit codes and output.

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_partnerfit"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn fixture(name: &str) -> String {
    let p: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "core",
        "tests",
        "fixtures",
        name,
    ]
    .iter()
    .collect();
    p.to_string_lossy().into_owned()
}

fn demo() -> String {
    let p: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "core",
        "src",
        "demo_workspace.json",
    ]
    .iter()
    .collect();
    p.to_string_lossy().into_owned()
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("partnerfit-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Assert that `text` holds `needle`, showing the whole text when it does not.
fn check_contains(text: &str, needle: &str) {
    assert!(text.contains(needle), "expected {needle:?} in:\n{text}");
}

/// Run the command, which must succeed (exit code 0).
fn succeeds(args: &[&str]) -> Output {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    o
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn validate_a_good_file() {
    let current = format!(
        "workspace-v{}.json",
        partnerfit_core::format::FORMAT_VERSION
    );
    let o = succeeds(&["validate", &fixture(&current)]);
    assert_eq!(
        stdout(&o).trim(),
        "ok: Ledgerline: 6 partners (1 archived), 45 ratings on 12 criteria, 4 disqualifiers, 4 ICP examples, 3 account lists (67 accounts)"
    );
    let o = succeeds(&["validate", &fixture("workspace-v1.json")]);
    check_contains(
        &stdout(&o),
        "(format version 1; `partnerfit migrate` updates it)",
    );
}

#[test]
fn validate_a_bad_file_lists_every_problem() {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(demo()).unwrap()).unwrap();
    v["partners"][3]["ratings"]["icp_density"] = 7.into();
    v["partners"][1]["ratings"]["nope"] = 3.into();
    let f = temp("bad.json", &v.to_string());
    let o = run(&["validate", &f]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("partners[3].ratings.icp_density: 7 is outside 1–5"),
        "{err}"
    );
    assert!(
        err.contains("partners[1].ratings.nope: \"nope\" is not a criterion of this workspace"),
        "{err}"
    );
}

#[test]
fn unreadable_input_is_exit_code_2() {
    let o = run(&["validate", "/no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read /no/such/file.json"));
}

#[test]
fn migrate_writes_the_current_version() {
    let out = temp("migrated.json", "");
    succeeds(&["migrate", &fixture("workspace-v1.json"), "-o", &out]);
    let text = std::fs::read_to_string(&out).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format_version"], partnerfit_core::format::FORMAT_VERSION);
    assert_eq!(run(&["validate", &out]).status.code(), Some(0));
}

#[test]
fn report_prints_the_ranking_as_text_and_json() {
    let o = succeeds(&["report", &demo()]);
    let text = stdout(&o);
    // Gates are minimums: Brightpath (4.5, fails ICP fit) ranks last but one,
    // below every partner that does not fail a gate.
    check_contains(
        &text,
        "  1. Northwind Integrations (Services, pilot) — score 4.25 — ONBOARD TO PILOT",
    );
    check_contains(
        &text,
        "  4. Brightpath Advisory (Referral, evaluating) — score 4.5 — DO NOT ONBOARD",
    );
    check_contains(
        &text,
        "* Market and ICP fit 3 is below the gate of 4 (short by 1)",
    );

    let o = run(&["report", &demo(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ranking"][0]["name"], "Northwind Integrations");
    assert_eq!(v["ranking"][0]["verdict"], "onboard_to_pilot");
    assert_eq!(v["ranking"][0]["score"], 4.25);
    assert_eq!(v["ranking"][0]["fails_gate"], false);
    assert_eq!(v["ranking"][3]["name"], "Brightpath Advisory");
    assert_eq!(v["ranking"][3]["fails_gate"], true);
    assert_eq!(v["ranking"].as_array().unwrap().len(), 5);
}

#[test]
fn schema_is_printed() {
    let o = run(&["schema"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["title"], "Partnerfit workspace");
}

fn e2e_fixture(name: &str) -> String {
    let p: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "tests",
        "e2e",
        "fixtures",
        name,
    ]
    .iter()
    .collect();
    p.to_string_lossy().into_owned()
}

#[test]
fn overlap_of_two_crm_exports() {
    let o = succeeds(&[
        "overlap",
        "--ours",
        &e2e_fixture("ours-hubspot.csv"),
        "--theirs",
        &e2e_fixture("northwind-salesforce.csv"),
    ]);
    let text = stdout(&o);
    check_contains(&text, "12 matched pairs:");
    check_contains(&text, "ours line      2 Nordhafen Logistik GmbH          ~ theirs line      2 Nordhafen Logistik               Same domain (99%)");

    let o = run(&[
        "overlap",
        "--ours",
        &e2e_fixture("ours-hubspot.csv"),
        "--theirs",
        &e2e_fixture("northwind-salesforce.csv"),
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["pairs"].as_array().unwrap().len(), 12);
    assert_eq!(v["greenfield"], serde_json::json!([7, 0, 6]));
    let bavaria = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["theirs_name"] == "Bavaria Getränke Logistik")
        .unwrap();
    assert_eq!(
        (
            bavaria["ours_line"].as_u64(),
            bavaria["theirs_line"].as_u64()
        ),
        (Some(32), Some(8))
    );
    assert_eq!(bavaria["reason"], "same_name_country");
    assert_eq!(bavaria["confidence"], 85);
}

#[test]
fn overlap_writes_the_matched_accounts_as_csv() {
    let theirs = temp(
        "theirs-hostile.csv",
        "Account Name,Website,Type\n=HYPERLINK(\"http://x\"),nordhafen-logistik.de,Customer\n",
    );
    let out = std::env::temp_dir()
        .join(format!("partnerfit-cli-{}", std::process::id()))
        .join("matched.csv");
    let o = succeeds(&[
        "overlap",
        "--ours",
        &e2e_fixture("ours-hubspot.csv"),
        "--theirs",
        &theirs,
        "--csv",
        &out.to_string_lossy(),
    ]);
    check_contains(&stderr(&o), "wrote 1 match to");
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Our account,Our domain,Our country,Our owner,Our population,Our line,Their account,Their domain,Their population,Their line,Matched on,Confidence (%),Decision");
    check_contains(
        lines[1],
        ",\"'=HYPERLINK(\"\"http://x\"\")\",nordhafen-logistik.de,Customer,2,Same domain,",
    );
    assert_eq!(lines.len(), 2);
}

#[test]
fn overlap_refuses_a_file_that_is_not_csv() {
    let f = temp("not.csv", "\u{0}\u{1}binary");
    let o = run(&["overlap", "--ours", &f, "--theirs", &f]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(&stderr(&o), "this is not a CSV file");
}

#[test]
fn incentives_prints_the_model() {
    let o = succeeds(&["incentives", &demo(), "--partner", "p-brightpath"]);
    let text = stdout(&o);
    assert!(
        text.starts_with("Brightpath Advisory — Referral plan (EUR)"),
        "{text}"
    );
    check_contains(&text, "At scale:");
    check_contains(&text, "the partner earns 5,257.14 EUR per deal");
    // Brightpath has one judged sourced deal in the pipeline: no full window yet.
    check_contains(
        &text,
        "now, from the pipeline: 1 of the 10 submissions the rule looks at are judged so far (0 rejected)",
    );
    let text = stdout(&succeeds(&[
        "incentives",
        &demo(),
        "--partner",
        "p-northwind",
    ]));
    check_contains(
        &text,
        "Business Central migration + AP automation: the partner bills 15,000.00 EUR per deal",
    );
    let o = run(&["incentives", &demo(), "--partner", "p-brightpath", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // 12 submissions × 45% = 5.4 qualified meetings × 500.00 EUR = 2,700.00 EUR in Q1
    // (30% rejected is under the 50% rule: no cut).
    assert_eq!(
        v["plans"][0]["model"]["quarters"][0]["we_pay_minor"],
        270000
    );
    assert_eq!(v["plans"][0]["scale"].as_array().unwrap().len(), 4);
    let o = run(&["incentives", &demo(), "--partner", "p-nope"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn motion_prints_the_one_pager_and_its_gaps() {
    let o = succeeds(&["motion", &demo(), "--partner", "p-northwind"]);
    let text = stdout(&o);
    assert!(
        text.starts_with("# Ledgerline × Northwind Integrations: rules of engagement\n"),
        "{text}"
    );
    check_contains(&text, "| Proposal | Both | To agree |");
    let o = run(&["motion", &demo(), "--partner", "p-brightpath"]);
    assert_eq!(o.status.code(), Some(0));
    check_contains(&stderr(&o), "No dispute rule: ambiguity creates conflict.");
    let o = run(&["motion", &demo(), "--partner", "p-nope"]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(&stderr(&o), "no partner with id p-nope");
}

#[test]
fn invite_records_the_invitation_and_response_verifies_against_it() {
    use partnerfit_core::share::invitation;
    use partnerfit_core::share::response::{self, Draft, SelfRating};
    let ws = temp("invite.json", &std::fs::read_to_string(demo()).unwrap());
    let o = succeeds(&[
        "invite",
        &ws,
        "--partner",
        "p-northwind",
        "--site",
        "https://example.com/pf/",
        "--expires",
        "2026-12-31",
        "--contact",
        "partners@ledgerline.example",
        "--date",
        "2026-11-25",
    ]);
    let link = stdout(&o).trim().to_owned();
    assert!(
        link.starts_with("https://example.com/pf/respond/#pf2.ip."),
        "{link}"
    );
    assert!(link.len() <= 2_000, "{}", link.len());
    // The workspace now holds the invitation (and its secret).
    let saved = std::fs::read_to_string(&ws).unwrap();
    assert!(saved.contains(&link), "the link is recorded");

    // The partner answers (as the respond page does).
    let today = partnerfit_core::Date::parse("2026-11-26").unwrap();
    let opened = invitation::open(&link, None, today).unwrap();
    let mut draft = Draft {
        name: "Mara Lindqvist".into(),
        ..Draft::default()
    };
    draft.ratings.insert(
        "deal_registration".into(),
        SelfRating {
            score: Some(1),
            evidence: "We have never registered a deal.".into(),
        },
    );
    let env = response::pack(&opened, &draft, today, None);
    let reply = invitation::link("https://example.com/pf/", invitation::RESPONSE_PATH, &env);

    // The invitation was not sealed: anyone holding its link could have
    // made this response, so it is not called verified (exit 3).
    let o = run(&[
        "response",
        &reply,
        "--workspace",
        &ws,
        "--date",
        "2026-11-26",
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let text = stdout(&o);
    check_contains(
        &text,
        "Northwind Integrations: Matches the link, not verified: anyone holding the invitation link could have made it",
    );
    assert!(!text.contains(": Verified"), "{text}");
    check_contains(&text, "1, we rate it 4.");

    // Without the workspace it decodes but cannot verify; a file works too.
    let file = temp(
        "reply.json",
        &partnerfit_core::share::envelope::file_text(
            partnerfit_core::share::envelope::Kind::Response,
            &env,
            &reply,
        ),
    );
    let o = run(&["response", &file]);
    assert_eq!(o.status.code(), Some(4), "read but not checked");
    check_contains(&stdout(&o), "not verified");
    // A cut-off link is named as such.
    let o = run(&["response", &reply[..reply.len() - 20]]);
    assert_eq!(o.status.code(), Some(1));
    check_contains(&stderr(&o), "incomplete");
    // A damaged one in plain words, the decoder's own words apart.
    let o = run(&["response", &format!("{reply}AB")]);
    assert_eq!(o.status.code(), Some(1));
    check_contains(
        &stderr(&o),
        "The link is damaged: part of it is missing or changed.",
    );
    check_contains(&stderr(&o), "(detail: the data has");
}

/// A week-1 and a week-3 export of the same pipeline: the second moves and
/// adds deals, taking it twice changes nothing, bad rows are named by line;
/// then the metrics and the pilot read the result.
#[test]
fn add_deals_then_metrics_and_pilot() {
    let ws = fixture("workspace-v5.json");
    let week1 = fixture("deals/hubspot-week1.csv");
    let week3 = fixture("deals/hubspot-week3.csv");
    let w1 = temp("deals-w1.json", "");
    let o = succeeds(&["add-deals", &ws, &week1, "--date", "2026-10-05", "-o", &w1]);
    check_contains(&stderr(&o), "skipped line 9: \"12k\" is not an amount");
    check_contains(
        &stderr(&o),
        "Take in hubspot-week1.csv — new: 6 deals, updated: 0 deals",
    );
    let w3 = temp("deals-w3.json", "");
    let o = succeeds(&["add-deals", &w1, &week3, "--date", "2026-10-19", "-o", &w3]);
    check_contains(&stderr(&o), "new: 1 deal, updated: 2 deals");
    let again = temp("deals-w3-again.json", "");
    let o = succeeds(&[
        "add-deals",
        &w3,
        &week3,
        "--date",
        "2026-10-19",
        "-o",
        &again,
    ]);
    check_contains(&stderr(&o), "nothing changed");
    assert_eq!(
        std::fs::read_to_string(&w3).unwrap(),
        std::fs::read_to_string(&again).unwrap()
    );
    let o = succeeds(&[
        "metrics",
        &w3,
        "--by",
        "quarter",
        "--from",
        "2026-07-01",
        "--to",
        "2026-12-31",
    ]);
    check_contains(&stdout(&o), "2026 Q3");
    let o = succeeds(&["metrics", &w3, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        v["partners"].as_array().is_some_and(|p| !p.is_empty()),
        "{v}"
    );
    let o = run(&["metrics", &w3, "--by", "week"]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(&stderr(&o), "--by: expected");

    let o = succeeds(&["pilot", &w3, "--partner", "p-old-reseller", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["day"], 60);
    assert_eq!(v["recommendation"], "exit");
    assert_eq!(v["decided"]["decision"], "exit");
    let o = succeeds(&[
        "pilot",
        &w3,
        "--partner",
        "p-old-reseller",
        "--date",
        "2025-03-23",
    ]);
    check_contains(&stdout(&o), "day 23 of 60");
    let o = run(&["pilot", &w3, "--partner", "p-northwind"]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(&stderr(&o), "has no pilot");
}

#[test]
fn calendar_writes_the_rhythm_as_ics() {
    let out = temp("rhythm.ics", "");
    let o = succeeds(&["calendar", &demo(), "-o", &out]);
    check_contains(&stderr(&o), "(3 meetings)");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 3, "{text}");
    check_contains(&text, "RRULE:FREQ=WEEKLY;BYDAY=MO");
    check_contains(
        &text,
        "SUMMARY:Quarterly business review — Northwind Integrations",
    );
    // Without -o: standard output.
    let o = succeeds(&["calendar", &demo()]);
    assert_eq!(stdout(&o).matches("BEGIN:VEVENT").count(), 3);
}

#[test]
fn program_shows_the_demo_program() {
    let o = succeeds(&["program", &demo(), "--date", "2026-11-30"]);
    let text = stdout(&o);
    check_contains(&text, "The number (2026 Q4)");
    check_contains(&text, "HHI 5,638: highly concentrated");
    check_contains(&text, "Kestrel ERP Consulting (no new pipeline)");
    check_contains(&text, "Health check: 4 of 10 pass");
    check_contains(&text, "30-60-90 plan from 2026-10-15, day 47");
    let o = succeeds(&["program", &demo(), "--date", "2026-11-30", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["concentration"]["revenue"]["hhi"], 5638);
    assert_eq!(json["inactive"][0]["reason"], "no_new_pipeline");
    assert_eq!(json["health"]["passing"], 4);
    // Today from the clock without --date.
    succeeds(&["program", &demo()]);
    let o = run(&["program", &demo(), "--date", "30/11/2026"]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(&stderr(&o), "--date");
}

#[test]
fn calendar_refuses_a_rhythm_without_meetings() {
    let mut ws: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(demo()).unwrap()).unwrap();
    ws["program"]["meetings"] = serde_json::json!([]);
    let file = temp("no-meetings.json", &ws.to_string());
    let o = run(&["calendar", &file]);
    assert_eq!(o.status.code(), Some(1));
    check_contains(&stderr(&o), "no meetings in its rhythm yet");
    assert!(stdout(&o).is_empty());
}

/// A sealed invitation with a generated passphrase: its response is
/// verified; control characters in what the partner wrote never reach the
/// terminal raw, and in a name they are refused; a revoked invitation's
/// responses are refused; a short passphrase creates nothing.
#[test]
fn sealed_invitations_verify_and_revoked_ones_refuse() {
    use partnerfit_core::share::crypto::SealEntropy;
    use partnerfit_core::share::invitation;
    use partnerfit_core::share::response::{self, Draft, SelfRating};
    let ws = temp("sealed.json", &std::fs::read_to_string(demo()).unwrap());
    let invite = |extra: &[&str]| {
        let mut args = vec![
            "invite",
            &ws,
            "--partner",
            "p-northwind",
            "--site",
            "https://example.com/pf/",
            "--date",
            "2026-11-25",
        ];
        args.extend_from_slice(extra);
        run(&args)
    };
    // Too short a passphrase: refused, and the file is untouched.
    let before = std::fs::read_to_string(&ws).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_partnerfit"))
        .args([
            "invite",
            &ws,
            "--partner",
            "p-northwind",
            "--site",
            "https://example.com/pf/",
        ])
        .args(["--passphrase-env", "PF_SHORT"])
        .env("PF_SHORT", "hunter2")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    check_contains(
        &stderr(&o),
        "the passphrase has 7 characters; use at least 12",
    );
    assert_eq!(std::fs::read_to_string(&ws).unwrap(), before);
    // A contact with a terminal escape: refused before anything is written.
    let o = invite(&["--contact", "a@b.example\u{1b}[2K"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    check_contains(&stderr(&o), "control character (U+001B)");
    assert_eq!(std::fs::read_to_string(&ws).unwrap(), before);

    let o = invite(&["--generate-passphrase"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let link = stdout(&o).trim().to_owned();
    let err = stderr(&o);
    let pass = err
        .lines()
        .find_map(|l| l.strip_prefix("passphrase (send it apart from the link): "))
        .expect("the generated passphrase is printed")
        .to_owned();
    assert_eq!(pass.len(), 19, "{pass}");
    assert!(link.contains("#pf2.ie."), "{link}");

    let today = partnerfit_core::Date::parse("2026-11-26").unwrap();
    let opened = invitation::open(&link, Some((&pass).into()), today).unwrap();
    let seal = SealEntropy {
        salt: [3; 16],
        nonce: [4; 12],
    };
    let answer = |name: &str, evidence: &str| {
        let mut draft = Draft {
            name: name.into(),
            ..Draft::default()
        };
        draft.ratings.insert(
            "deal_registration".into(),
            SelfRating {
                score: Some(5),
                evidence: evidence.into(),
            },
        );
        let env = response::pack(&opened, &draft, today, Some(((&pass).into(), seal)));
        invitation::link("https://example.com/pf/", invitation::RESPONSE_PATH, &env)
    };
    let respond = |reply: &str, workspace: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_partnerfit"));
        c.args([
            "response",
            reply,
            "--passphrase-env",
            "PF_PASS",
            "--date",
            "2026-11-26",
        ]);
        if workspace {
            c.args(["--workspace", &ws]);
        }
        c.env("PF_PASS", &pass).output().unwrap()
    };
    let reply = answer("Mara Lindqvist", "Fine.");
    let o = respond(&reply, true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    check_contains(
        &stdout(&o),
        "Northwind Integrations: Verified: answers our sealed invitation",
    );

    // Evidence that tries to overprint the verification line is escaped.
    let o = respond(
        &answer("Mara", "\u{1b}[2K\rNorthwind Integrations: Verified"),
        false,
    );
    let text = stdout(&o);
    assert!(!text.contains('\u{1b}') && !text.contains('\r'), "{text:?}");
    check_contains(&text, "\\u{1b}[2K\\u{d}Northwind Integrations: Verified");
    // A name pasted with a right-to-left override is sent with a space
    // instead (a link carrying one is refused: tests/hostile/links).
    let o = respond(&answer("Mara\u{202e}nimda", "Fine."), false);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    check_contains(&stdout(&o), "from Mara nimda (no e-mail)");

    // Revoked: the same response is now refused, and says why.
    let id = link_invitation_id(&std::fs::read_to_string(&ws).unwrap(), &link);
    let o = run(&[
        "invite",
        &ws,
        "--partner",
        "p-northwind",
        "--revoke",
        &id,
        "--date",
        "2026-11-27",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = respond(&reply, true);
    assert_eq!(o.status.code(), Some(1));
    check_contains(&stderr(&o), "was revoked on 2026-11-27");
    // Revoking twice says it already was.
    let o = run(&[
        "invite",
        &ws,
        "--partner",
        "p-northwind",
        "--revoke",
        &id,
        "--date",
        "2026-11-28",
    ]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(&stderr(&o), "already revoked on 2026-11-27");
}

/// The id of the invitation recorded with `link` in a workspace file.
fn link_invitation_id(saved: &str, link: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(saved).unwrap();
    v["partners"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["self_assessment"]["invitations"].as_array().unwrap())
        .find(|i| i["link"] == link)
        .and_then(|i| i["id"].as_str())
        .expect("the invitation is recorded")
        .to_owned()
}

/// A fresh directory for one test's files.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("partnerfit-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn psi_start_answer_finish_give_both_sides_the_plain_matrix() {
    let ours = e2e_fixture("ours-hubspot.csv");
    let theirs = e2e_fixture("northwind-salesforce.csv");
    let plain = run(&["overlap", "--ours", &ours, "--theirs", &theirs, "--json"]);
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    for mode in ["counts", "accounts"] {
        let dir = temp_dir(&format!("psi-{mode}"));
        let p = |name: &str| dir.join(name).to_string_lossy().into_owned();
        let (us, them) = (p("us"), p("them"));
        succeeds(&[
            "psi",
            "start",
            "--ours",
            &ours,
            "--mode",
            mode,
            "--from",
            "Us",
            "-o",
            &p("request.psi"),
            "--state",
            &us,
        ]);
        let shown = stdout(&succeeds(&["psi", "show", &p("request.psi")]));
        check_contains(&shown, "from:     Us");
        check_contains(&shown, "14 customers, 10 open opportunities, 16 prospects");
        succeeds(&[
            "psi",
            "answer",
            &p("request.psi"),
            "--ours",
            &theirs,
            "--from",
            "Northwind",
            "-o",
            &p("answer.psi"),
            "--state",
            &them,
        ]);
        let mine = succeeds(&["psi", "finish", &p("answer.psi"), "--json", "--state", &us]);
        let mine: serde_json::Value = serde_json::from_slice(&mine.stdout).unwrap();
        let partner = succeeds(&[
            "psi",
            "finish",
            &p("result.psi"),
            "--json",
            "--state",
            &them,
        ]);
        let partner: serde_json::Value = serde_json::from_slice(&partner.stdout).unwrap();
        assert_eq!(mine["matrix"], partner["matrix"], "{mode}");
        assert_eq!(mine["privately_computed"], true);
        assert_eq!(partner["requester"], "Us");
        assert_eq!(mine["responder"], "Northwind");
        // Exact keys find every same-domain pair the plain matching finds.
        let same_domain = plain["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["reason"] == "same_domain")
            .count();
        let shared: u64 = mine["matrix"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r.as_array().unwrap())
            .map(|c| c.as_u64().unwrap())
            .sum();
        assert!(shared as usize >= same_domain, "{shared} < {same_domain}");
        if mode == "accounts" {
            let names: Vec<&str> = mine["shared"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["accounts"][0]["name"].as_str().unwrap())
                .collect();
            assert!(names.contains(&"Nordhafen Logistik GmbH"), "{names:?}");
            let names: Vec<&str> = partner["shared"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["accounts"][0]["name"].as_str().unwrap())
                .collect();
            assert!(names.contains(&"Nordhafen Logistik"), "{names:?}");
        } else {
            assert_eq!(mine["shared"], serde_json::json!([]));
        }
        // The partner's side never holds our account names: not in the
        // files it received, not in what it keeps.
        let our_names: Vec<String> = csv::ReaderBuilder::new()
            .from_path(&ours)
            .unwrap()
            .records()
            .map(|r| r.unwrap()[1].to_owned())
            .collect();
        assert_eq!(our_names[0], "Nordhafen Logistik GmbH");
        let mut partner_side = std::fs::read(p("request.psi")).unwrap();
        partner_side.extend(std::fs::read(p("result.psi")).unwrap());
        for f in std::fs::read_dir(&them).unwrap() {
            partner_side.extend(std::fs::read(f.unwrap().path()).unwrap());
        }
        let partner_side = String::from_utf8_lossy(&partner_side);
        // The partner's export is Windows-1252 (Latin-1 for these names).
        let their_text: String = std::fs::read(&theirs)
            .unwrap()
            .iter()
            .map(|b| *b as char)
            .collect();
        for n in our_names
            .iter()
            .filter(|n| !their_text.contains(n.as_str()))
        {
            assert!(
                !partner_side.contains(n.as_str()),
                "{mode}: the partner's side holds {n}"
            );
        }
    }
}

#[test]
fn psi_refuses_foreign_and_misplaced_files() {
    let ours = e2e_fixture("ours-hubspot.csv");
    let theirs = e2e_fixture("northwind-salesforce.csv");
    let dir = temp_dir("psi-refusals");
    let p = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let (us, them) = (p("us"), p("them"));
    succeeds(&[
        "psi",
        "start",
        "--ours",
        &ours,
        "-o",
        &p("one.psi"),
        "--state",
        &us,
    ]);
    succeeds(&[
        "psi",
        "start",
        "--ours",
        &ours,
        "-o",
        &p("two.psi"),
        "--state",
        &us,
    ]);
    succeeds(&[
        "psi",
        "answer",
        &p("one.psi"),
        "--ours",
        &theirs,
        "-o",
        &p("answer.psi"),
        "--state",
        &them,
    ]);
    let kept_before: Vec<_> = std::fs::read_dir(&us)
        .unwrap()
        .map(|f| std::fs::read(f.unwrap().path()).unwrap())
        .collect();

    // The answer finished by the other side (it answered, it did not start).
    let o = run(&["psi", "finish", &p("answer.psi"), "--state", &them]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(&stderr(&o), "was started on this machine");
    // A request where the answer is expected.
    let o = run(&["psi", "finish", &p("two.psi"), "--state", &us]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(&stderr(&o), "this is the request of a private comparison");
    // A changed answer.
    let mut changed = std::fs::read(p("answer.psi")).unwrap();
    let n = changed.len() - 50;
    changed[n] ^= 4;
    std::fs::write(p("changed.psi"), &changed).unwrap();
    let o = run(&["psi", "finish", &p("changed.psi"), "--state", &us]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(&stderr(&o), "changed after it was written");
    // A CSV given as a request.
    let o = run(&[
        "psi",
        "answer",
        &theirs,
        "--ours",
        &theirs,
        "-o",
        &p("x.psi"),
        "--state",
        &them,
    ]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(&stderr(&o), "not a Partnerfit private-comparison file");
    // Only the prospects of the partner take part: 11, under the minimum of 20.
    let o = run(&[
        "psi",
        "answer",
        &p("one.psi"),
        "--ours",
        &theirs,
        "--populations",
        "prospect",
        "-o",
        &p("x.psi"),
        "--state",
        &them,
    ]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(
        &stderr(&o),
        "has 11 accounts with a key taking part, under the minimum of 20",
    );
    // Nothing kept was lost or changed by the refusals.
    let kept_after: Vec<_> = std::fs::read_dir(&us)
        .unwrap()
        .map(|f| std::fs::read(f.unwrap().path()).unwrap())
        .collect();
    assert_eq!(kept_before, kept_after);
    succeeds(&["psi", "finish", &p("answer.psi"), "--state", &us]);
    // Finished: the secret was erased, so the answer cannot be read again.
    let kept = std::fs::read_dir(&us)
        .unwrap()
        .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
        .collect::<String>();
    assert!(kept.contains("\"seed\":\"\""), "{kept}");
    let o = run(&["psi", "finish", &p("answer.psi"), "--state", &us]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(&stderr(&o), "finished already");
    // A name with control characters is refused before anything is written.
    let o = run(&[
        "psi",
        "start",
        "--ours",
        &ours,
        "--from",
        "Us\u{1b}[2J",
        "-o",
        &p("x.psi"),
        "--state",
        &us,
    ]);
    assert_eq!(o.status.code(), Some(2));
    check_contains(
        &stderr(&o),
        "--from: the sender's name is holding control characters",
    );
}
