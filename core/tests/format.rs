//! The workspace file: golden fixtures per version, round trips, migrations
//! and validation that names every problem with its JSON path.

use partnerfit_core::format::{self, ImportError, FORMAT_VERSION, OLDEST_VERSION};
use partnerfit_core::vocab::Vocabulary;
use serde_json::{json, Value};
use std::sync::Arc;

fn fixture(version: u32) -> String {
    let path = format!(
        "{}/tests/fixtures/workspace-v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn current_fixture_value() -> Value {
    serde_json::from_str(&fixture(FORMAT_VERSION)).unwrap()
}

#[test]
fn every_version_has_a_golden_fixture_that_loads() {
    for v in OLDEST_VERSION..=FORMAT_VERSION {
        let loaded = format::load(&fixture(v)).unwrap_or_else(|e| panic!("v{v}: {e}"));
        assert_eq!(loaded.migrated_from, (v < FORMAT_VERSION).then_some(v));
        assert_eq!(loaded.workspace.partners.len(), 6, "v{v}");
    }
}

#[test]
fn oldest_version_still_loads_into_the_current_model() {
    let oldest = format::load(&fixture(OLDEST_VERSION)).expect("oldest fixture loads");
    let ws = oldest.workspace;
    assert_eq!(ws.profile.name, "Ledgerline");
    let archived = ws
        .partners
        .iter()
        .find(|p| p.archived)
        .expect("archived partner kept");
    assert_eq!(archived.history.len(), 4);
    // Evidence for an unrated criterion survives.
    let c = partnerfit_core::Id::parse("opportunity_target").unwrap();
    assert_eq!(
        archived.evidence(&c),
        "Could not name a quarterly target (not rated yet)."
    );
    // Version 1 had no account mapping: it arrives empty.
    assert!(ws.account_lists.is_empty());
    assert!(ws.partners.iter().all(|p| p.overlap == Default::default()));
    // Migrating writes the current version.
    let migrated: Value = serde_json::from_str(&format::save(&ws)).unwrap();
    assert_eq!(migrated["format_version"], json!(FORMAT_VERSION));
}

#[test]
fn current_fixture_round_trips() {
    let text = fixture(FORMAT_VERSION);
    let ws = format::load(&text).unwrap().workspace;
    let saved = format::save(&ws);
    assert_eq!(
        serde_json::from_str::<Value>(&saved).unwrap(),
        current_fixture_value()
    );
    // Saving what was saved gives the same text.
    assert_eq!(
        format::save(&format::load(&saved).unwrap().workspace),
        saved
    );
}

/// Version 8 records how each measurement was computed: figures computed
/// privately with the partner keep the mark (and name no list of theirs);
/// older files' measurements were all matched in Partnerfit.
#[test]
fn the_measurement_method_survives_the_file() {
    use partnerfit_core::overlap::assessment::Method;
    let methods = |ws: &partnerfit_core::Workspace| -> Vec<(String, Method, usize)> {
        ws.partners
            .iter()
            .filter_map(|p| {
                let m = p.overlap.measured.as_ref()?;
                Some((p.id.as_str().to_owned(), m.method, m.theirs_lists.len()))
            })
            .collect()
    };
    let ws = format::load(&fixture(FORMAT_VERSION)).unwrap().workspace;
    assert_eq!(
        methods(&ws),
        [
            ("p-northwind".to_owned(), Method::Matching, 1),
            ("p-brightpath".to_owned(), Method::Private, 0)
        ]
    );
    let (_, reasons) = ws.partners[1].overlap.assess();
    assert!(
        reasons.contains(&"Figures privately computed with the partner on exact keys (no close spellings), measured 2026-11-26".to_owned()),
        "{reasons:?}"
    );
    let (_, reasons) = ws.partners[0].overlap.assess();
    assert!(
        !reasons.iter().any(|r| r.contains("privately")),
        "{reasons:?}"
    );
    let v7 = format::load(&fixture(7)).unwrap().workspace;
    assert_eq!(
        methods(&v7),
        [("p-northwind".to_owned(), Method::Matching, 1)]
    );
    check(
        |v| v["partners"][1]["overlap"]["measured"]["method"] = json!("psi"),
        &["partners[1].overlap.measured.method: unknown measurement method \"psi\": expected one of matching, private"],
    );
    check(
        |v| {
            v["partners"][1]["overlap"]["measured"]
                .as_object_mut()
                .unwrap()
                .remove("method");
        },
        &["partners[1].overlap.measured.method: missing required field"],
    );
}

/// The saved file: indented, with one line per account and per other nested
/// record (a list of 100,000 accounts is 100,000 lines).
#[test]
fn a_saved_file_keeps_each_record_on_one_line() {
    let ws = format::load(&fixture(FORMAT_VERSION)).unwrap().workspace;
    let saved = format::save(&ws);
    let lines: Vec<&str> = saved.lines().collect();
    assert_eq!(lines[0], "{");
    assert_eq!(lines[1], r#"  "format": "partnerfit-workspace","#);
    assert!(saved.ends_with("}\n"));
    let accounts = ws
        .account_lists
        .iter()
        .map(|l| l.accounts.len())
        .sum::<usize>();
    assert!(accounts > 0);
    let account_lines: Vec<&&str> = lines
        .iter()
        .filter(|l| l.trim_start().starts_with(r#"{"line":"#))
        .collect();
    assert_eq!(account_lines.len(), accounts);
    let first = &ws.account_lists[0].accounts[0];
    assert_eq!(
        account_lines[0].trim(),
        format!(
            r#"{{"line":{},"name":{},"domain":{},"country":{},"population":"{}","status":{},"owner":{},"industry":{},"employees":{}}},"#,
            first.line,
            json!(first.name),
            json!(first.domain),
            json!(first.country),
            first.population.key(),
            json!(first.status),
            json!(first.owner),
            json!(first.industry),
            json!(first.employees),
        )
    );
    // An annual revenue, when there is one, comes last; none is written
    // without one.
    assert!(account_lines[1].ends_with(r#""employees":"117","annual_revenue_minor":0},"#));
    assert!(account_lines[2].ends_with(r#""annual_revenue_minor":4200000000},"#));
    assert!(account_lines[3].ends_with(r#""employees":"151"},"#));
    // A partner's status changes: one line each; the partner itself indented.
    let changes = ws.partners.iter().map(|p| p.history.len()).sum::<usize>();
    let change_lines = lines
        .iter()
        .filter(|l| l.trim_start().starts_with(r#"{"status":"#))
        .count();
    assert_eq!(change_lines, changes);
    assert!(lines.contains(&r#"      "id": "p-northwind","#), "{saved}");
    assert!(lines.contains(&r#"      "ratings": {"#));
}

/// Rows: (workspace, why it is there).
#[test]
fn file_len_is_the_length_of_the_saved_file() {
    let rows = [
        (
            format::load(&fixture(FORMAT_VERSION)).unwrap().workspace,
            "fixture",
        ),
        (partnerfit_core::demo::demo(), "demo"),
        (
            format::load(&fixture(OLDEST_VERSION)).unwrap().workspace,
            "no account lists",
        ),
    ];
    for (ws, why) in rows {
        assert_eq!(format::file_len(&ws), format::save(&ws).len(), "{why}");
    }
}

#[test]
fn a_workspace_is_never_grown_past_what_could_be_imported_again() {
    let ws = format::load(&fixture(FORMAT_VERSION)).unwrap().workspace;
    let len = format::file_len(&ws);
    assert_eq!(format::check_size_within(&ws, len), Ok(len));
    let err = format::check_size_within(&ws, len - 1).unwrap_err();
    assert_eq!((err.bytes, err.limit), (len, len - 1));
    assert!(err.to_string().contains("remove an account list"), "{err}");
    // A file within the limit whose workspace would be saved over it (here
    // written without any indentation) is refused on import, with why.
    let compact = current_fixture_value().to_string();
    assert!(compact.len() < len);
    let err = format::load_within(&compact, compact.len()).unwrap_err();
    assert!(
        matches!(err, ImportError::TooLargeToSave { bytes, .. } if bytes == len),
        "{err}"
    );
    assert!(err
        .to_string()
        .contains("could not be exported and imported again"));
    assert!(format::load_within(&compact, len).is_ok());
}

#[test]
fn demo_is_a_valid_current_file() {
    let loaded = format::load(partnerfit_core::demo::DEMO_FILE).unwrap();
    assert_eq!(loaded.migrated_from, None);
    let ws = loaded.workspace;
    assert_eq!(ws.partners.len(), 5);
    let kinds: std::collections::BTreeSet<_> = ws.partners.iter().map(|p| p.kind).collect();
    assert_eq!(kinds.len(), 3, "the demo has all three partner types");
    assert!(ws.partners.iter().any(|p| !p.ratings.is_empty()));
}

/// Load the current fixture after `edit`, expecting exactly `expected` error lines.
fn check(edit: impl FnOnce(&mut Value), expected: &[&str]) {
    let mut v = current_fixture_value();
    edit(&mut v);
    let err = format::load(&v.to_string()).expect_err("the edited file must be refused");
    let mut lines = err.lines();
    lines.sort();
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(lines, expected);
}

#[test]
fn rating_out_of_range_names_the_path() {
    check(
        |v| v["partners"][3]["ratings"]["icp_density"] = json!(7),
        &["partners[3].ratings.icp_density: 7 is outside 1–5"],
    );
}

#[test]
fn all_problems_are_reported_not_just_the_first() {
    check(
        |v| {
            v["partners"][0]["ratings"]["icp_density"] = json!(0);
            v["partners"][1]["type"] = json!("reseller");
            v["partners"][2]["ratings"]["no_such_criterion"] = json!(3);
            v["partners"][3]["id"] = json!("p-northwind");
            v["partners"][4]["disqualifier_hits"] = json!(["dq-nope"]);
            v["partners"][4]["status_history"][0]["date"] = json!("2026-02-30");
            v["scorecard"]["categories"][0]["weight"] = json!(-1);
            v["scorecard"]["gates"]["resell"]["market_icp_fit"] = json!(6);
            v["profile"]["currency"] = json!("euro");
            v["icp"]["employees"] = json!({"min": 500, "max": 10});
            v["icp"]["surprise"] = json!(true);
            v["partners"][0].as_object_mut().unwrap().remove("owner");
        },
        &[
            "partners[0].ratings.icp_density: 0 is outside 1–5",
            "partners[1].type: unknown partner type \"reseller\": expected one of referral, services, resell",
            "partners[2].ratings.no_such_criterion: \"no_such_criterion\" is not a criterion of this workspace",
            "partners[3].id: duplicate partner id \"p-northwind\"",
            "partners[4].disqualifier_hits[0]: \"dq-nope\" is not a disqualifier of this workspace",
            "partners[4].status_history[0].date: \"2026-02-30\" is not a date in the form YYYY-MM-DD",
            "scorecard.categories[0].weight: weight -1 is negative: weights are 0 or more",
            "scorecard.gates.resell.market_icp_fit: threshold 6 is outside 1–5 (category scores are 1–5)",
            "profile.currency: \"euro\" is not a currency code: use three capital letters such as EUR, USD or GBP",
            "icp.employees: min is larger than max",
            "icp.surprise: unknown field (expected industries, sub_verticals, employees, annual_revenue_minor, pain_triggers, buying_committee, disqualifiers, examples)",
            "partners[0].owner: missing required field",
        ],
    );
}

#[test]
fn account_lists_are_checked() {
    check(
        |v| {
            v["account_lists"][0]["partner"] = json!("p-ghost");
            v["account_lists"][1]["id"] = json!("l-1");
            v["account_lists"][0]["accounts"][3]["name"] = json!("");
            v["account_lists"][0]["accounts"][3]["domain"] = json!("");
            v["account_lists"][0]["accounts"][4]["population"] = json!("vip");
            v["account_lists"][0]["accounts"][5]["line"] = json!(0);
            v["partners"][0]["overlap"]["measured"]["theirs_lists"] = json!(["l-nope"]);
            v["partners"][0]["overlap"]["signals"] = json!(["synergy"]);
            v["partners"][0]["overlap"]["measured"]["greenfield"] = json!([1, 2]);
        },
        &[
            "account_lists[0].partner: \"p-ghost\" is not a partner of this workspace",
            "account_lists[1].id: duplicate account list id \"l-1\"",
            "account_lists[0].accounts[3]: an account needs a name or a domain",
            "account_lists[0].accounts[4].population: unknown population \"vip\": expected one of customer, open_opportunity, prospect",
            "account_lists[0].accounts[5].line: 0 is below the minimum of 1",
            "partners[0].overlap.measured.theirs_lists[0]: \"l-nope\" is not an account list of this workspace",
            "partners[0].overlap.signals[0]: unknown overlap signal \"synergy\": expected one of complementary_entry, different_timing, natural_bundling, substitute, discounting, extra_option",
            "partners[0].overlap.measured.greenfield: expected 3 counts (customers, open opportunities, prospects), found 2",
        ],
    );
}

#[test]
fn incentives_and_motion_are_checked() {
    check(
        |v| {
            let brightpath = &mut v["partners"][1]["incentives"];
            brightpath["plans"][0]["terms"]["referral"]["meeting_fee_minor"] = json!(-500);
            brightpath["assumptions"]["win_rate_bp"] = json!(12000);
            v["partners"][3]["incentives"]["assumptions"]["cycle_quarters"] = json!(9);
            let atlas = &mut v["partners"][2]["incentives"]["plans"][0]["terms"]["resell"];
            atlas["price_floor_minor"] = json!(3000000);
            atlas["tiers"][2]["min_deals"] = json!(1);
            v["partners"][0]["motion"]["ownership"][4]["step"] = json!("demo");
            v["partners"][0]["motion"]["sla"]["first_response_days"] = json!(-1);
        },
        &[
            "partners[1].incentives.plans[0].terms.referral.meeting_fee_minor: -500 is negative: amounts here are 0 or more",
            "partners[1].incentives.assumptions.win_rate_bp: 12000 basis points is outside 0–10000 (0–100%): rates cannot be negative or over 100%",
            "partners[3].incentives.assumptions.cycle_quarters: a 9-quarter sales cycle leaves no quarter to close deals in a 8-quarter horizon",
            "partners[2].incentives.plans[0].terms.resell.price_floor_minor: the price floor is above the list price: lower the floor or raise the price",
            "partners[2].incentives.plans[0].terms.resell.tiers[2].min_deals: tier table out of order: Gold needs 1 deals per quarter, not more than Silver (3)",
            "partners[0].motion.ownership: needs one entry per step, in order: discovery, demo, proposal, implementation, renewal",
            "partners[0].motion.sla.first_response_days: -1 is outside 0–3650",
        ],
    );
}

#[test]
fn scorecard_rules_are_checked() {
    check(
        |v| {
            for k in v["scorecard"]["categories"].as_array_mut().unwrap() {
                k["weight"] = json!(0);
            }
            v["scorecard"]["categories"][1]["criteria"]
                .as_array_mut()
                .unwrap()
                .push(json!({"id": "icp_density", "text": "Again", "weight": 1}));
            v["scorecard"]["gates"]["services"]["no_such_category"] = json!(3);
        },
        &[
            "scorecard.categories: the category weights sum to zero: at least one must be above 0",
            "scorecard.categories[1].criteria[3].id: duplicate criterion id \"icp_density\"",
            "scorecard.gates.services.no_such_category: gate on unknown category \"no_such_category\"",
        ],
    );
}

/// One load reports the problems of every section together, each at its
/// path: leaves (types, lengths, words), unknown fields, and the checks
/// between fields and records.
#[test]
fn several_problems_across_sections_are_reported_at_once() {
    check(
        |v| {
            v["profile"]["website"] = json!(5);
            let dq = v["icp"]["disqualifiers"][0]["id"].clone();
            v["icp"]["disqualifiers"][1]["id"] = dq;
            v["scorecard"]["categories"][2]["criteria"][0]["text"] = json!("x".repeat(20_001));
            let northwind = &mut v["partners"][0];
            northwind["motion"]["journey"][0]["we_fit"] = json!("yes");
            northwind["self_assessment"]["responses"][0]["invitation"] = json!("inv-nope");
            northwind["self_assessment"]["invitations"][0]["secret"] = json!("short");
            northwind["overlap"]["measured"]["cells"] = json!([[1, 2, 3], [4, 5, 6]]);
            v["partners"][1]["incentives"]["plans"][1]["terms"]["referral"]["closed_won"] =
                json!({"flat_minor": 1, "percent_bp": 2});
            v["partners"][2]["incentives"]["plans"][0]["terms"] =
                json!({"referral": null, "resell": null});
            v["partners"][3]["evidence"]["no such criterion"] = json!("x");
            v["account_lists"][1]["accounts"][0]["surprise"] = json!(1);
            v["account_lists"][2]["imported"] = json!("yesterday");
        },
        &[
            "profile.website: expected text, found a number",
            "icp.disqualifiers[1].id: duplicate disqualifier id \"dq-budget\"",
            "scorecard.categories[2].criteria[0].text: text of 20001 characters is longer than the 20000 allowed",
            "partners[0].motion.journey[0].we_fit: expected true or false, found text",
            "partners[0].self_assessment.responses[0].invitation: \"inv-nope\" is not one of this partner's invitations",
            "partners[0].self_assessment.invitations[0].secret: expected 16 bytes in base64url (22 characters)",
            "partners[0].overlap.measured.cells: expected 3 rows of counts, found 2",
            "partners[1].incentives.plans[1].terms.referral.closed_won: needs exactly one of flat_minor or percent_bp",
            "partners[2].incentives.plans[0].terms: needs exactly one of referral, services or resell",
            "partners[3].evidence[\"no such criterion\"]: \"no such criterion\" is not a criterion of this workspace",
            "account_lists[1].accounts[0].surprise: unknown field (expected line, name, domain, country, population, status, owner, industry, employees, annual_revenue_minor)",
            "account_lists[2].imported: \"yesterday\" is not a date in the form YYYY-MM-DD",
        ],
    );
}

/// Rows: (JSON pointer of a record, field removed from it, path reported).
#[test]
fn a_missing_field_is_reported_in_every_section() {
    for (record, field, path) in [
        ("/profile", "currency", "profile.currency"),
        ("/icp", "examples", "icp.examples"),
        ("/icp/employees", "min", ""),
        (
            "/scorecard/categories/0",
            "weight",
            "scorecard.categories[0].weight",
        ),
        ("/partners/0", "type", "partners[0].type"),
        ("/partners/0/overlap", "notes", "partners[0].overlap.notes"),
        (
            "/partners/0/overlap/measured",
            "cells",
            "partners[0].overlap.measured.cells",
        ),
        (
            "/partners/0/motion/sla",
            "notes",
            "partners[0].motion.sla.notes",
        ),
        ("/partners/0/motion/sla", "first_response_days", ""),
        (
            "/partners/1/incentives/assumptions",
            "quarters",
            "partners[1].incentives.assumptions.quarters",
        ),
        (
            "/partners/2/incentives/plans/0/terms/resell",
            "certified",
            "partners[2].incentives.plans[0].terms.resell.certified",
        ),
        (
            "/partners/0/self_assessment/invitations/0",
            "secret",
            "partners[0].self_assessment.invitations[0].secret",
        ),
        (
            "/partners/0/self_assessment/responses/0/ratings/icp_density",
            "evidence",
            "partners[0].self_assessment.responses[0].ratings.icp_density.evidence",
        ),
        (
            "/account_lists/0",
            "population_source",
            "account_lists[0].population_source",
        ),
        (
            "/account_lists/0/accounts/0",
            "line",
            "account_lists[0].accounts[0].line",
        ),
        ("/account_lists/1", "partner", ""),
    ] {
        let mut v = current_fixture_value();
        v.pointer_mut(record)
            .and_then(Value::as_object_mut)
            .and_then(|o| o.remove(field))
            .unwrap_or_else(|| panic!("{record} has no {field}"));
        let read = format::read::read_workspace(&v);
        if path.is_empty() {
            // An optional field: absent is the same as null.
            assert!(read.is_ok(), "{record}/{field}: {read:?}");
        } else {
            let lines: Vec<String> = read.unwrap_err().iter().map(|e| e.to_string()).collect();
            assert_eq!(
                lines,
                [format!("{path}: missing required field")],
                "{record}/{field}"
            );
        }
    }
}

/// Every record of the file (every definition of the schema with fields)
/// occurs in the current fixture, and every one of its fields is read:
/// removing a required field is reported at its path; removing an optional
/// one is accepted.
#[test]
fn every_field_of_every_record_is_read() {
    let schema = format::schema();
    let fixture = current_fixture_value();
    let mut walk = Walk {
        defs: schema["$defs"].as_object().unwrap(),
        seen: Default::default(),
        fields: Vec::new(),
    };
    walk.value(&schema, &fixture, "", "");
    let records: std::collections::BTreeSet<&str> = walk
        .defs
        .iter()
        .filter(|(_, d)| d.get("properties").is_some())
        .map(|(name, _)| name.as_str())
        .collect();
    let unseen: Vec<&&str> = records.difference(&walk.seen).collect();
    assert!(
        unseen.is_empty(),
        "records missing from the fixture: {unseen:?}"
    );
    assert!(walk.fields.len() > 300, "{}", walk.fields.len());
    for (pointer, path, key, required) in &walk.fields {
        let mut v = fixture.clone();
        v.pointer_mut(pointer)
            .and_then(Value::as_object_mut)
            .and_then(|o| o.remove(key))
            .unwrap();
        let read = format::read::read_workspace(&v);
        let at = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        if *required {
            let lines: Vec<String> = read.unwrap_err().iter().map(|e| e.to_string()).collect();
            let missing = format!("{at}: missing required field");
            assert!(lines.contains(&missing), "{at}: {lines:?}");
        } else {
            assert!(read.is_ok(), "{at} is optional: {read:?}");
        }
    }
}

/// A walk of a value along its JSON Schema, collecting the fields of records.
struct Walk<'s> {
    defs: &'s serde_json::Map<String, Value>,
    seen: std::collections::BTreeSet<&'s str>,
    /// (JSON pointer of the record, its path as the reader writes it, field, required).
    fields: Vec<(String, String, String, bool)>,
}

impl<'s> Walk<'s> {
    fn value(&mut self, schema: &'s Value, value: &Value, pointer: &str, path: &str) {
        if let Some(name) = schema["$ref"].as_str() {
            let name = name.trim_start_matches("#/$defs/");
            self.seen.insert(name);
            return self.value(&self.defs[name], value, pointer, path);
        }
        let child = |key: &str| {
            let at = if path.is_empty() {
                key.to_owned()
            } else {
                format!("{path}.{key}")
            };
            let escaped = key.replace('~', "~0").replace('/', "~1");
            (format!("{pointer}/{escaped}"), at)
        };
        for choice in ["oneOf", "anyOf"] {
            if let Some(branches) = schema[choice].as_array() {
                let fits = |b: &&Value| match b["required"].as_array() {
                    Some(keys) => keys
                        .iter()
                        .all(|k| value.get(k.as_str().unwrap()).is_some()),
                    None => b["type"] != "null",
                };
                let Some(branch) = branches.iter().find(fits) else {
                    return;
                };
                if choice == "oneOf" {
                    // One of several records, keyed by its kind: the key is
                    // the choice, not a field.
                    for (key, sub) in branch["properties"].as_object().into_iter().flatten() {
                        let (p, a) = child(key);
                        self.value(sub, &value[key], &p, &a);
                    }
                } else if !value.is_null() {
                    self.value(branch, value, pointer, path);
                }
                return;
            }
        }
        match value {
            Value::Object(map) => {
                if let Some(props) = schema["properties"].as_object() {
                    let required: Vec<&str> = schema["required"]
                        .as_array()
                        .map(|r| r.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    for (key, sub) in props {
                        if let Some(v) = map.get(key) {
                            let required = required.contains(&key.as_str());
                            self.fields.push((
                                pointer.to_owned(),
                                path.to_owned(),
                                key.clone(),
                                required,
                            ));
                            let (p, a) = child(key);
                            self.value(sub, v, &p, &a);
                        }
                    }
                } else if schema["additionalProperties"].is_object() {
                    for (key, v) in map {
                        let (p, a) = child(key);
                        self.value(&schema["additionalProperties"], v, &p, &a);
                    }
                }
            }
            Value::Array(items) => {
                // Long lists (accounts): their first records are enough.
                let n = if items.len() > 20 { 2 } else { items.len() };
                for (i, item) in items.iter().take(n).enumerate() {
                    self.value(
                        &schema["items"],
                        item,
                        &format!("{pointer}/{i}"),
                        &format!("{path}[{i}]"),
                    );
                }
            }
            _ => {}
        }
    }
}

#[test]
fn wrong_types_are_explained() {
    check(
        |v| {
            v["partners"] = json!({});
            v["icp"]["industries"] = json!("Logistics");
            v["profile"]["name"] = json!(42);
        },
        &[
            "partners: expected a list, found an object",
            "icp.industries: expected a list, found text",
            "profile.name: expected text, found a number",
        ],
    );
}

#[test]
fn whole_file_refusals_have_specific_messages() {
    let too_new =
        json!({"format": "partnerfit-workspace", "format_version": FORMAT_VERSION + 1}).to_string();
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "the file is empty"),
        ("{\"format\": ".into(), "not valid JSON (line 1, column 11)"),
        ("[1, 2]".into(), "it has no \"format\""),
        (
            json!({"format": "something-else"}).to_string(),
            "its \"format\" is \"something-else\"",
        ),
        (
            json!({"format": "partnerfit-workspace", "format_version": "one"}).to_string(),
            "format_version: \"one\" is not a version number",
        ),
        (
            json!({"format": "partnerfit-workspace", "format_version": 0}).to_string(),
            "format_version: 0 is not a version number",
        ),
        (too_new, "made by a newer Partnerfit"),
    ];
    for (text, expected) in cases {
        let err = format::load(&text).expect_err(&text);
        assert!(err.to_string().contains(expected), "{text:?} gave {err}");
    }
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let big = " ".repeat(format::MAX_FILE_BYTES + 1);
    assert!(matches!(
        format::load(&big),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", fixture(FORMAT_VERSION));
    assert!(format::load(&text).is_ok());
}

#[test]
fn stored_envelope_round_trips_and_keeps_revision() {
    use partnerfit_core::format::stored;
    let ws = partnerfit_core::demo::demo();
    let text = stored::encode(&ws, 41);
    assert_eq!(stored::revision_of(&text), Some(41));
    let back = stored::decode(&text).unwrap();
    assert_eq!(back.revision, 41);
    assert_eq!(back.loaded.workspace, ws);
    assert!(stored::decode("not json").is_err());
    assert!(
        stored::decode("{\"format\":\"partnerfit-stored\",\"revision\":1,\"workspace\":{}}")
            .is_err()
    );
    // The checked encoding is the same text, and refuses what decode would.
    assert_eq!(stored::encode_checked(&ws, 41).unwrap(), text);
    let mut broken = ws.clone();
    broken
        .scorecard
        .categories
        .iter_mut()
        .for_each(|c| c.weight = 0.0);
    let refused = stored::encode_checked(&broken, 42).unwrap_err();
    assert_eq!(
        refused,
        stored::decode(&stored::encode(&broken, 42)).unwrap_err()
    );
    assert!(
        refused
            .lines()
            .iter()
            .any(|l| l.contains("category weights sum to zero")),
        "{refused}"
    );
}

/// The autosave's encoder gives the text of `stored::encode_checked` at
/// every step of an editing session, re-using the accounts of unchanged lists.
#[test]
fn the_autosave_encoder_writes_what_a_full_encoding_writes() {
    use partnerfit_core::format::stored;
    use partnerfit_core::format::stored_encoder::StoredEncoder;
    use partnerfit_core::overlap::account::Account;
    use partnerfit_core::overlap::population::Population;
    type Step = (&'static str, fn(&mut partnerfit_core::Workspace));
    let steps: [Step; 8] = [
        ("as loaded", |_| {}),
        ("a deal renamed", |w| {
            let pipeline = Arc::make_mut(&mut w.pipeline);
            Arc::make_mut(&mut pipeline.opportunities[0])
                .name
                .push_str(" (renewal)")
        }),
        ("a note changed", |w| {
            Arc::make_mut(&mut w.partners[0])
                .notes
                .push_str(" Called again.")
        }),
        ("a list added", |w| {
            let mut l = (*w.account_lists[0]).clone();
            l.id = partnerfit_core::Id::parse("l-new").unwrap();
            l.accounts.push(Account::for_matching(
                99,
                "Quote \"Ltd\"",
                "q.example",
                "DE",
                Population::Customer,
            ));
            w.account_lists.push(Arc::new(l));
        }),
        ("an account changed", |w| {
            Arc::make_mut(&mut w.account_lists[1]).accounts[0].owner = "Someone else".into()
        }),
        ("the lists reordered", |w| w.account_lists.reverse()),
        ("a list emptied", |w| {
            Arc::make_mut(&mut w.account_lists[0]).accounts.clear()
        }),
        ("a list removed", |w| {
            w.account_lists.remove(1);
        }),
    ];
    let mut ws = format::load(&fixture(FORMAT_VERSION)).unwrap().workspace;
    assert!(ws.account_lists.len() >= 2);
    let mut encoder = StoredEncoder::default();
    for (revision, (what, edit)) in (1..).zip(steps) {
        edit(&mut ws);
        let text = encoder.encode_checked(&ws, revision).unwrap();
        assert_eq!(
            text,
            stored::encode_checked(&ws, revision).unwrap(),
            "{what}"
        );
        assert_eq!(
            stored::decode(&text).unwrap().loaded.workspace,
            ws,
            "{what}"
        );
    }
    // A new list with an account the reader refuses is refused, by its path.
    let mut bad = ws.clone();
    let mut l = (*bad.account_lists[0]).clone();
    l.id = partnerfit_core::Id::parse("l-bad").unwrap();
    l.accounts = vec![Account::for_matching(
        0,
        "Zero line",
        "",
        "",
        Population::Prospect,
    )];
    bad.account_lists.push(Arc::new(l));
    let err = encoder.encode_checked(&bad, 99).unwrap_err();
    assert_eq!(err, stored::encode_checked(&bad, 99).unwrap_err());
    let n = bad.account_lists.len() - 1;
    assert!(
        err.lines()
            .iter()
            .any(|l| l.starts_with(&format!("account_lists[{n}].accounts[0].line:"))),
        "{err}"
    );
    // And the encoder goes on after a refusal.
    assert_eq!(
        encoder.encode_checked(&ws, 100).unwrap(),
        stored::encode_checked(&ws, 100).unwrap()
    );
    // The pipeline unchanged, but a partner one of its deals names gone:
    // refused as a full encoding refuses it.
    let mut orphaned = ws.clone();
    let named = ws
        .pipeline
        .opportunities
        .iter()
        .find_map(|o| o.partner.clone())
        .expect("the fixture has a partner's deal");
    orphaned.partners.retain(|p| p.id != named);
    let err = encoder.encode_checked(&orphaned, 101).unwrap_err();
    assert_eq!(err, stored::encode_checked(&orphaned, 101).unwrap_err());
    assert!(
        err.lines()
            .iter()
            .any(|l| l.starts_with("pipeline.opportunities[") && l.contains(named.as_str())),
        "{err}"
    );
}

/// Rows: (stored text, revision read before every save).
#[test]
fn the_revision_is_read_without_the_workspace() {
    let rows = [
        (
            r#"{"format":"partnerfit-stored","revision":7,"workspace":{"anything":[1,2]}}"#,
            Some(7),
        ),
        (
            r#"{"workspace":null,"revision":8,"format":"partnerfit-stored"}"#,
            Some(8),
        ),
        (r#"{"format":"partnerfit-workspace","revision":7}"#, None),
        (r#"{"format":"partnerfit-stored","revision":-1}"#, None),
        (r#"{"format":"partnerfit-stored"}"#, None),
        (
            r#"{"format":"partnerfit-stored","revision":7,"workspace":{"#,
            None,
        ),
        ("", None),
    ];
    for (text, expected) in rows {
        assert_eq!(
            partnerfit_core::format::stored::revision_of(text),
            expected,
            "{text}"
        );
    }
}

#[test]
fn published_schema_is_up_to_date() {
    let path = format!(
        "{}/../schema/partnerfit-workspace.v{FORMAT_VERSION}.schema.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let generated = serde_json::to_string_pretty(&format::schema()).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let published = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{path} is missing: run UPDATE_SCHEMA=1 cargo test -p partnerfit-core --features schema"));
    assert_eq!(published, generated, "the published schema is stale: run UPDATE_SCHEMA=1 cargo test -p partnerfit-core --features schema");
}
