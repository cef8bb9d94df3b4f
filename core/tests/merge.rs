//! Merging an imported workspace by id: additions, identical records, and
//! conflicts that must each be resolved.

use std::collections::BTreeMap;
use std::sync::Arc;

use partnerfit_core::demo::demo;
use partnerfit_core::merge::{self, MergeError, Resolution, Subject};
use partnerfit_core::partner::{Partner, PartnerType, Score};
use partnerfit_core::{Date, Id};

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

#[test]
fn identical_workspaces_merge_to_themselves() {
    let ws = demo();
    let plan = merge::plan(&ws, &ws);
    assert!(plan.conflicts.is_empty());
    assert!(plan.added.is_empty());
    assert_eq!(plan.identical, 5);
    assert_eq!(merge::apply(&ws, &ws, &plan, &BTreeMap::new()).unwrap(), ws);
}

#[test]
fn new_partners_are_added_and_conflicts_listed() {
    let ours = demo();
    let mut theirs = demo();
    theirs.partners.push(Arc::new(Partner::new(
        id("p-new"),
        "Newcomer",
        PartnerType::Referral,
        Date::parse("2026-11-20").unwrap(),
    )));
    let first = Arc::make_mut(&mut theirs.partners[0]);
    first.rate(&id("icp_density"), Score::new(2));
    first.notes = "Changed by a colleague".into();
    theirs.icp.industries.push("Retail".into());

    let plan = merge::plan(&ours, &theirs);
    assert_eq!(plan.added, vec![(id("p-new"), "Newcomer".to_string())]);
    assert_eq!(plan.identical, 4);
    let subjects: Vec<&Subject> = plan.conflicts.iter().map(|c| &c.subject).collect();
    assert_eq!(
        subjects,
        [&Subject::Icp, &Subject::Partner(id("p-northwind"))]
    );
    assert_eq!(plan.conflicts[1].differences, ["notes", "ratings"]);

    // Nothing is resolved silently.
    let err = merge::apply(&ours, &theirs, &plan, &BTreeMap::new()).unwrap_err();
    assert!(
        matches!(err, MergeError::Unresolved(ref l) if l.len() == 2),
        "{err}"
    );

    let mut res = BTreeMap::new();
    res.insert(Subject::Icp, Resolution::KeepOurs);
    res.insert(Subject::Partner(id("p-northwind")), Resolution::TakeTheirs);
    let merged = merge::apply(&ours, &theirs, &plan, &res).unwrap();
    assert_eq!(merged.partners.len(), 6);
    assert_eq!(merged.icp, ours.icp);
    assert_eq!(merged.partners[0].notes, "Changed by a colleague");
}

#[test]
fn a_merge_that_would_break_references_is_refused() {
    let ours = demo();
    let mut theirs = demo();
    // Their scorecard renamed a criterion and their partner uses it.
    theirs.scorecard.categories[0].criteria[0].id = id("vertical_density");
    let mut p = Partner::new(
        id("p-x"),
        "X",
        PartnerType::Services,
        Date::parse("2026-11-20").unwrap(),
    );
    p.rate(&id("vertical_density"), Score::new(4));
    theirs.partners.push(Arc::new(p));
    let plan = merge::plan(&ours, &theirs);
    let mut res = BTreeMap::new();
    for c in &plan.conflicts {
        res.insert(c.subject.clone(), Resolution::KeepOurs);
    }
    let err = merge::apply(&ours, &theirs, &plan, &res).unwrap_err();
    assert!(err.to_string().contains("partners[5].ratings.vertical_density: \"vertical_density\" is not a criterion of this workspace"), "{err}");
}

#[test]
fn a_merge_that_would_make_the_file_too_large_is_refused() {
    let ours = demo();
    let mut theirs = demo();
    theirs.partners.push(Arc::new(Partner::new(
        id("p-big"),
        "Big",
        PartnerType::Resell,
        Date::parse("2026-11-20").unwrap(),
    )));
    let plan = merge::plan(&ours, &theirs);
    let merged = merge::apply(&ours, &theirs, &plan, &BTreeMap::new()).unwrap();
    let len = partnerfit_core::format::file_len(&merged);
    let err = merge::apply_within(&ours, &theirs, &plan, &BTreeMap::new(), len - 1).unwrap_err();
    assert!(
        matches!(err, MergeError::TooLarge(e) if e.bytes == len),
        "{err}"
    );
    assert!(err
        .to_string()
        .starts_with("merging would make the workspace too large"));
    assert_eq!(
        merge::apply_within(&ours, &theirs, &plan, &BTreeMap::new(), len).unwrap(),
        merged
    );
}

/// Their deals ours does not hold are added (by id and by CRM id); a deal
/// both hold stays ours.
#[test]
fn their_new_deals_are_added_and_ours_kept() {
    let ours = demo();
    let mut theirs = demo();
    let pipeline = Arc::make_mut(&mut theirs.pipeline);
    // A deal of ours, changed by them: ours is kept.
    Arc::make_mut(&mut pipeline.opportunities[0]).name = "Renamed by a colleague".into();
    // The same CRM record under another id: not added twice.
    let mut same_crm = (*pipeline.opportunities[1]).clone();
    same_crm.id = id("o-their-copy");
    // A deal only they have.
    let mut new = (*pipeline.opportunities[2]).clone();
    new.id = id("o-their-new");
    new.crm_id = "HS-77777".into();
    pipeline.opportunities.push(Arc::new(same_crm));
    pipeline.opportunities.push(Arc::new(new));
    let plan = merge::plan(&ours, &theirs);
    let merged = merge::apply(&ours, &theirs, &plan, &BTreeMap::new()).unwrap();
    let names: Vec<&str> = merged
        .pipeline
        .opportunities
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(
        names.len(),
        ours.pipeline.opportunities.len() + 1,
        "{names:?}"
    );
    assert!(names.contains(&"o-their-new"));
    assert!(!names.contains(&"o-their-copy"));
    assert_eq!(
        merged.pipeline.opportunities[0].name,
        ours.pipeline.opportunities[0].name
    );
}
