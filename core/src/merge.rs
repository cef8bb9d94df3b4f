//! Merging an imported workspace into ours, by id. Records that differ are
//! conflicts: they are listed and must each be resolved by the user; nothing
//! is resolved silently.

use std::collections::BTreeMap;

use crate::format::{self, ImportError};
use crate::id::Id;
use crate::partner::Partner;
use crate::workspace::Workspace;

/// What a conflict is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    Profile,
    Icp,
    Scorecard,
    Partner(Id),
    AccountList(Id),
}

/// A record present on both sides with different content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub subject: Subject,
    /// What people call it ("Partner Northwind Integrations", "ICP").
    pub label: String,
    /// The fields that differ.
    pub differences: Vec<&'static str>,
}

/// What a merge will do, before it is done.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MergePlan {
    /// Partners only in the imported file: they will be added.
    pub added: Vec<(Id, String)>,
    /// Partners identical on both sides.
    pub identical: usize,
    /// Partners only in ours: they stay.
    pub kept: usize,
    /// Account lists only in the imported file: they will be added.
    pub added_lists: Vec<(Id, String)>,
    pub conflicts: Vec<Conflict>,
}

/// How the user resolved one conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    KeepOurs,
    TakeTheirs,
}

/// Why a merge could not be applied.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("{} conflict(s) still need a choice: {}", .0.len(), .0.join(", "))]
    Unresolved(Vec<String>),
    #[error("the merged workspace would be invalid:\n{}", .0.lines().join("\n"))]
    Invalid(ImportError),
    #[error("merging would make the workspace too large: {0}")]
    TooLarge(format::TooLargeToSave),
}

pub(crate) fn partner_differences(a: &Partner, b: &Partner) -> Vec<&'static str> {
    let mut d = Vec::new();
    let mut cmp = |same: bool, name| {
        if !same {
            d.push(name)
        }
    };
    cmp(a.name == b.name, "name");
    cmp(a.website == b.website, "website");
    cmp(a.kind == b.kind, "type");
    cmp(a.history == b.history, "status history");
    cmp(a.owner == b.owner, "owner");
    cmp(a.notes == b.notes, "notes");
    cmp(a.brand == b.brand, "brand size");
    cmp(a.archived == b.archived, "archived");
    cmp(
        a.ratings
            .iter()
            .map(|(k, r)| (k, r.score))
            .eq(b.ratings.iter().map(|(k, r)| (k, r.score))),
        "ratings",
    );
    cmp(
        a.ratings
            .iter()
            .map(|(k, r)| (k, &r.evidence))
            .eq(b.ratings.iter().map(|(k, r)| (k, &r.evidence)))
            && a.pending_evidence == b.pending_evidence,
        "evidence",
    );
    cmp(a.alignment == b.alignment, "alignment");
    cmp(
        a.disqualifier_hits == b.disqualifier_hits,
        "disqualifier hits",
    );
    cmp(a.overlap == b.overlap, "account mapping");
    cmp(a.motion == b.motion, "rules of engagement");
    cmp(a.pilots == b.pilots, "pilot");
    cmp(a.verdict_override == b.verdict_override, "verdict override");
    cmp(a.incentives == b.incentives, "incentives");
    d
}

/// Compare ours and theirs.
pub fn plan(ours: &Workspace, theirs: &Workspace) -> MergePlan {
    let mut plan = MergePlan::default();
    if ours.profile != theirs.profile {
        let mut d = Vec::new();
        if ours.profile.name != theirs.profile.name {
            d.push("company name");
        }
        if ours.profile.website != theirs.profile.website {
            d.push("website");
        }
        if ours.profile.currency != theirs.profile.currency {
            d.push("currency");
        }
        if ours.profile.answers != theirs.profile.answers {
            d.push("our alignment answers");
        }
        plan.conflicts.push(Conflict {
            subject: Subject::Profile,
            label: "Company profile".into(),
            differences: d,
        });
    }
    if ours.icp != theirs.icp {
        plan.conflicts.push(Conflict {
            subject: Subject::Icp,
            label: "ICP and disqualifiers".into(),
            differences: vec!["ICP"],
        });
    }
    if ours.scorecard != theirs.scorecard {
        plan.conflicts.push(Conflict {
            subject: Subject::Scorecard,
            label: "Scorecard (criteria, weights, gates)".into(),
            differences: vec!["scorecard"],
        });
    }
    let our_ids: BTreeMap<&Id, &Partner> = ours.partners.iter().map(|p| (&p.id, &**p)).collect();
    for p in &theirs.partners {
        match our_ids.get(&p.id) {
            None => plan.added.push((p.id.clone(), p.name.clone())),
            Some(o) if *o == &**p => plan.identical += 1,
            Some(o) => plan.conflicts.push(Conflict {
                subject: Subject::Partner(p.id.clone()),
                label: format!("Partner {}", o.name),
                differences: partner_differences(o, p),
            }),
        }
    }
    let their_ids: std::collections::BTreeSet<&Id> =
        theirs.partners.iter().map(|p| &p.id).collect();
    plan.kept = ours
        .partners
        .iter()
        .filter(|p| !their_ids.contains(&p.id))
        .count();
    for l in &theirs.account_lists {
        match ours.account_lists.iter().find(|o| o.id == l.id) {
            None => plan.added_lists.push((l.id.clone(), l.source.clone())),
            Some(o) if o == l => {}
            Some(o) => plan.conflicts.push(Conflict {
                subject: Subject::AccountList(l.id.clone()),
                label: format!("Account list {}", o.source),
                differences: vec!["accounts"],
            }),
        }
    }
    plan
}

/// Apply a plan with a resolution for every conflict. The result is checked
/// like an imported file (e.g. a partner taken from theirs whose ratings use
/// criteria of a scorecard we kept is refused with its path).
pub fn apply(
    ours: &Workspace,
    theirs: &Workspace,
    plan: &MergePlan,
    resolutions: &BTreeMap<Subject, Resolution>,
) -> Result<Workspace, MergeError> {
    apply_within(ours, theirs, plan, resolutions, format::MAX_FILE_BYTES)
}

/// [`apply`] with another limit on the merged workspace's file size (tests
/// use small ones).
pub fn apply_within(
    ours: &Workspace,
    theirs: &Workspace,
    plan: &MergePlan,
    resolutions: &BTreeMap<Subject, Resolution>,
    limit: usize,
) -> Result<Workspace, MergeError> {
    let unresolved: Vec<String> = plan
        .conflicts
        .iter()
        .filter(|c| !resolutions.contains_key(&c.subject))
        .map(|c| c.label.clone())
        .collect();
    if !unresolved.is_empty() {
        return Err(MergeError::Unresolved(unresolved));
    }
    let take = |s: &Subject| resolutions.get(s) == Some(&Resolution::TakeTheirs);
    let mut out = ours.clone();
    if take(&Subject::Profile) {
        out.profile = theirs.profile.clone();
    }
    if take(&Subject::Icp) {
        out.icp = theirs.icp.clone();
    }
    if take(&Subject::Scorecard) {
        out.scorecard = theirs.scorecard.clone();
    }
    for p in &theirs.partners {
        match out.partners.iter_mut().find(|o| o.id == p.id) {
            None => out.partners.push(p.clone()),
            Some(o) if take(&Subject::Partner(p.id.clone())) => *o = p.clone(),
            Some(_) => {}
        }
    }
    for l in &theirs.account_lists {
        match out.account_lists.iter_mut().find(|o| o.id == l.id) {
            None => out.account_lists.push(l.clone()),
            Some(o) if take(&Subject::AccountList(l.id.clone())) => *o = l.clone(),
            Some(_) => {}
        }
    }
    // Their deals ours does not hold (by id, and by CRM id) are added; a
    // deal both hold stays ours (the later CRM export brings it up to date).
    let known: std::collections::BTreeSet<&str> = ours
        .pipeline
        .opportunities
        .iter()
        .flat_map(|o| [o.id.as_str(), o.crm_id.as_str()])
        .filter(|k| !k.is_empty())
        .collect();
    let new_deals: Vec<_> = theirs
        .pipeline
        .opportunities
        .iter()
        .filter(|o| !known.contains(o.id.as_str()) && !known.contains(o.crm_id.as_str()))
        .cloned()
        .collect();
    if !new_deals.is_empty() {
        std::sync::Arc::make_mut(&mut out.pipeline)
            .opportunities
            .extend(new_deals);
    }
    // The merged result must be a valid workspace that can be saved and
    // imported again: the importer's checks, run on its value (no file text
    // written and parsed back).
    format::check_size_within(&out, limit).map_err(MergeError::TooLarge)?;
    format::read::read_workspace(&format::to_value(&out))
        .map(|_| out)
        .map_err(|errors| MergeError::Invalid(format::ImportError::Invalid(errors)))
}
