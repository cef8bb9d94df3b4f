//! Explicit migrations from every older file version to the current one.
//!
//! A migration takes the JSON of version N and returns the JSON of version
//! N+1; [`migrate`] chains them. Each step is a plain function with its own
//! test, and every released version has a golden fixture in
//! `core/tests/fixtures/` that must keep loading.

use serde_json::Value;

use super::FORMAT_VERSION;

/// One step: version `from` → `from + 1`.
type Step = fn(Value) -> Value;

/// `STEPS[i]` migrates version `i + 1` to `i + 2`.
const STEPS: &[Step] = &[
    v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8,
];

/// Version 2 added account mapping: `account_lists` at the top and an
/// `overlap` object on every partner.
fn v1_to_v2(mut v: Value) -> Value {
    if let Value::Object(root) = &mut v {
        root.entry("account_lists")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Some(Value::Array(partners)) = root.get_mut("partners") {
            for p in partners {
                if let Value::Object(p) = p {
                    p.entry("overlap").or_insert_with(|| {
                        serde_json::json!({
                            "signals": [], "notes": "", "decisions": [],
                            "mapped_accounts": [], "measured": null
                        })
                    });
                }
            }
        }
    }
    v
}

/// Version 3 added motion design and incentive plans to every partner (the
/// defaults are spelled out here, frozen as version 3 wrote them).
fn v2_to_v3(mut v: Value) -> Value {
    let ownership: Vec<Value> = ["discovery", "demo", "proposal", "implementation", "renewal"]
        .iter()
        .map(|s| serde_json::json!({"step": s, "lead": "undecided", "support": "undecided"}))
        .collect();
    let motion = serde_json::json!({
        "journey": [], "ownership": ownership, "qualified": [], "rejected": [],
        "sla": {"first_response_days": null, "qualification_days": null, "notes": ""},
        "registration": {"eligible": "", "protection_days": null, "on_expiry": "", "dispute_rule": "", "dispute_owner": ""}
    });
    let incentives = serde_json::json!({
        "assumptions": {
            "submissions": 10, "qualification_rate_bp": 6000, "rejection_rate_bp": 2000,
            "win_rate_bp": 2500, "first_year_revenue_minor": 2400000, "cycle_quarters": 1,
            "retention_bp": 9000, "cost_partner_deal_minor": 150000, "cost_direct_deal_minor": 250000,
            "direct_acquisition_cost_minor": 600000, "discount_bp": 500, "health": 70,
            "adoption_bp": 6000, "quarters": 8
        },
        "plans": []
    });
    if let Some(Value::Array(partners)) = v.get_mut("partners") {
        for p in partners {
            if let Value::Object(p) = p {
                p.entry("motion").or_insert_with(|| motion.clone());
                p.entry("incentives").or_insert_with(|| incentives.clone());
            }
        }
    }
    v
}

/// Version 4 added self-assessment by link: invitations sent and responses
/// received, on every partner.
fn v3_to_v4(mut v: Value) -> Value {
    if let Some(Value::Array(partners)) = v.get_mut("partners") {
        for p in partners {
            if let Value::Object(p) = p {
                p.entry("self_assessment")
                    .or_insert_with(|| serde_json::json!({"invitations": [], "responses": []}));
            }
        }
    }
    v
}

/// Version 5 added the pipeline (opportunities, at the top) and pilots with
/// an optional verdict override on every partner.
fn v4_to_v5(mut v: Value) -> Value {
    if let Value::Object(root) = &mut v {
        root.entry("pipeline").or_insert_with(
            || serde_json::json!({"expected_days": {}, "opportunities": [], "imports": []}),
        );
        if let Some(Value::Array(partners)) = root.get_mut("partners") {
            for p in partners {
                if let Value::Object(p) = p {
                    p.entry("pilots")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    p.entry("verdict_override").or_insert(Value::Null);
                }
            }
        }
    }
    v
}

/// Version 6 added the program (owner and number, rhythm, tiers, the
/// 30-60-90 plan, the health history) and each partner's enablement log;
/// per-criterion floors of gates (none); to services plans, the package's
/// scope (empty), whether the partner runs demand generation (yes: older
/// files paid co-marketing funds regardless, so their figures stay) and each
/// tier's minimum adoption (0 %: tiers were granted on health alone).
/// An account may hold an `annual_revenue_minor`; older files have none,
/// and an absent one is read as none, so accounts need no migration.
fn v5_to_v6(mut v: Value) -> Value {
    if let Value::Object(root) = &mut v {
        if let Some(Value::Object(card)) = root.get_mut("scorecard") {
            card.entry("floors")
                .or_insert_with(|| Value::Object(Default::default()));
        }
        if let Some(Value::Array(partners)) = root.get_mut("partners") {
            let plans = partners
                .iter_mut()
                .filter_map(|p| p.pointer_mut("/incentives/plans"))
                .filter_map(Value::as_array_mut)
                .flatten();
            for services in plans.filter_map(|p| p.pointer_mut("/terms/services")) {
                if let Value::Object(s) = services {
                    s.entry("scope").or_insert_with(|| Value::from(""));
                    s.entry("demand_generation").or_insert(Value::Bool(true));
                    if let Some(Value::Array(tiers)) = s.get_mut("tiers") {
                        for t in tiers.iter_mut().filter_map(Value::as_object_mut) {
                            t.entry("min_adoption_bp").or_insert_with(|| Value::from(0));
                        }
                    }
                }
            }
        }
        root.entry("program").or_insert_with(|| {
            serde_json::json!({
                "owner": "",
                "number": "sourced_pipeline",
                "target_minor": 0,
                "start": null,
                "meetings": [],
                "tiers": [],
                "tier_quarters": crate::program::DEFAULT_TIER_QUARTERS,
                "inactive_days": crate::program::DEFAULT_INACTIVE_DAYS,
                "plan_done": {},
                "health": [],
            })
        });
        if let Some(Value::Array(partners)) = root.get_mut("partners") {
            for p in partners.iter_mut().filter_map(Value::as_object_mut) {
                p.entry("enablement")
                    .or_insert_with(|| Value::Array(Vec::new()));
            }
        }
    }
    v
}

/// Version 7 made verification honest and invitations revocable: a
/// response to an invitation that was not sealed was recorded "verified",
/// but the secret keying its tag travels in the link, so anyone holding
/// the link could have made it; such responses become "matches_link".
/// Every invitation gains `revoked` (none was).
fn v6_to_v7(mut v: Value) -> Value {
    let Some(Value::Array(partners)) = v.get_mut("partners") else {
        return v;
    };
    for sa in partners
        .iter_mut()
        .filter_map(|p| p.get_mut("self_assessment"))
        .filter_map(Value::as_object_mut)
    {
        let mut unsealed = std::collections::BTreeSet::new();
        if let Some(Value::Array(invitations)) = sa.get_mut("invitations") {
            for i in invitations.iter_mut().filter_map(Value::as_object_mut) {
                i.entry("revoked").or_insert(Value::Null);
                if i.get("protected") != Some(&Value::Bool(true)) {
                    if let Some(Value::String(id)) = i.get("id") {
                        unsealed.insert(id.clone());
                    }
                }
            }
        }
        if let Some(Value::Array(responses)) = sa.get_mut("responses") {
            for r in responses.iter_mut().filter_map(Value::as_object_mut) {
                let to_unsealed =
                    matches!(r.get("invitation"), Some(Value::String(id)) if unsealed.contains(id));
                if to_unsealed && r.get("verification") == Some(&Value::from("verified")) {
                    r.insert("verification".into(), Value::from("matches_link"));
                }
            }
        }
    }
    v
}

/// Version 8 records how a measurement's figures were computed: privately
/// with the partner (from exact keys, no lists of theirs in the workspace)
/// or by matching in Partnerfit. Every older measurement was matched:
/// each non-null `overlap.measured` gains `"method": "matching"`.
fn v7_to_v8(mut v: Value) -> Value {
    let Some(Value::Array(partners)) = v.get_mut("partners") else {
        return v;
    };
    for m in partners
        .iter_mut()
        .filter_map(|p| p.pointer_mut("/overlap/measured"))
        .filter_map(Value::as_object_mut)
    {
        m.entry("method").or_insert_with(|| Value::from("matching"));
    }
    v
}

/// Migrate `value` from `version` to [`FORMAT_VERSION`]. `version` must be
/// between 1 and the current version.
pub fn migrate(mut value: Value, version: u32) -> Value {
    debug_assert!(STEPS.len() + 1 == FORMAT_VERSION as usize);
    for step in STEPS.iter().skip(version.saturating_sub(1) as usize) {
        value = step(value);
    }
    if let Value::Object(map) = &mut value {
        map.insert("format_version".into(), Value::from(FORMAT_VERSION));
    }
    value
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    #[test]
    fn v1_to_v2_adds_account_mapping() {
        let v1 = json!({"format_version": 1, "partners": [{"id": "p-1"}]});
        let v2 = super::v1_to_v2(v1);
        assert_eq!(v2["account_lists"], json!([]));
        assert_eq!(v2["partners"][0]["overlap"]["signals"], json!([]));
        assert_eq!(v2["partners"][0]["overlap"]["measured"], json!(null));
    }

    #[test]
    fn v4_to_v5_adds_pipeline_and_pilots() {
        let v4 = json!({"format_version": 4, "partners": [{"id": "p-1"}]});
        let v5 = super::v4_to_v5(v4);
        assert_eq!(v5["pipeline"]["opportunities"], json!([]));
        assert_eq!(v5["partners"][0]["pilots"], json!([]));
        assert_eq!(v5["partners"][0]["verdict_override"], json!(null));
    }

    #[test]
    fn v6_to_v7_downgrades_responses_to_unsealed_invitations() {
        let response = |inv: &str, v: &str| json!({"invitation": inv, "verification": v});
        let v6 = json!({"format_version": 6, "partners": [{"id": "p-1", "self_assessment": {
            "invitations": [
                {"id": "inv-open", "protected": false},
                {"id": "inv-sealed", "protected": true}
            ],
            "responses": [
                response("inv-open", "verified"),
                response("inv-sealed", "verified"),
                response("inv-open", "altered"),
                response("inv-gone", "verified")
            ]
        }}]});
        let v7 = super::v6_to_v7(v6);
        let sa = &v7["partners"][0]["self_assessment"];
        assert_eq!(sa["invitations"][0]["revoked"], json!(null));
        assert_eq!(sa["invitations"][1]["revoked"], json!(null));
        let verifications: Vec<&Value> = (0..4)
            .map(|i| &sa["responses"][i]["verification"])
            .collect();
        assert_eq!(
            verifications,
            [
                &json!("matches_link"),
                &json!("verified"),
                &json!("altered"),
                &json!("verified")
            ]
        );
    }

    #[test]
    fn v7_to_v8_marks_every_measurement_matched() {
        let measured =
            json!({"date": "2026-11-12", "ours_lists": ["l-1"], "theirs_lists": ["l-2"]});
        let v7 = json!({"format_version": 7, "partners": [
            {"id": "p-1", "overlap": {"signals": [], "measured": measured}},
            {"id": "p-2", "overlap": {"signals": [], "measured": null}},
            {"id": "p-3"}
        ]});
        let v8 = super::v7_to_v8(v7);
        let mut expected = measured.clone();
        expected["method"] = json!("matching");
        assert_eq!(v8["partners"][0]["overlap"]["measured"], expected);
        assert_eq!(v8["partners"][1]["overlap"]["measured"], json!(null));
        assert_eq!(v8["partners"][2], json!({"id": "p-3"}));
        // A file without partners passes through untouched.
        let bare = json!({"format_version": 7});
        assert_eq!(super::v7_to_v8(bare.clone()), bare);
    }

    #[test]
    fn v5_to_v6_adds_program_and_enablement() {
        let services = json!({"package": "P", "tiers": [{"name": "T", "min_health": 60}]});
        let v5 = json!({
            "format_version": 5,
            "scorecard": {"categories": [], "gates": {}},
            "partners": [{"id": "p-1", "incentives": {"plans": [
                {"id": "plan-1", "terms": {"services": services}},
                {"id": "plan-2", "terms": {"referral": {}}}
            ]}}]
        });
        let v6 = super::v5_to_v6(v5);
        let s = &v6["partners"][0]["incentives"]["plans"][0]["terms"]["services"];
        // Older files paid co-marketing and granted tiers on health alone: their figures stay.
        assert_eq!(s["scope"], json!(""));
        assert_eq!(s["demand_generation"], json!(true));
        assert_eq!(s["tiers"][0]["min_adoption_bp"], json!(0));
        assert_eq!(
            v6["partners"][0]["incentives"]["plans"][1]["terms"],
            json!({"referral": {}})
        );
        assert_eq!(v6["program"]["inactive_days"], json!(90));
        assert_eq!(v6["program"]["tier_quarters"], json!(2));
        assert_eq!(v6["program"]["meetings"], json!([]));
        assert_eq!(v6["scorecard"]["floors"], json!({}));
        assert_eq!(v6["partners"][0]["enablement"], json!([]));
    }
}
