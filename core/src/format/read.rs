//! Reading the current version of the workspace file into domain types,
//! checking structure, vocabularies, ranges, ids and references, and
//! reporting every problem with its JSON path.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::cursor::{report_duplicates, At, Problems};
use super::errors::FieldError;
use super::file::PopulationSourceKind;
use crate::alignment::{Judgment, PartnerAlignment};
use crate::date::Date;
use crate::icp::{CommitteeMember, Disqualifier, Example, Icp, Span};
use crate::id::Id;
use crate::incentives::plan::{
    Assumptions, HealthTier, MarginTier, PartnerIncentives, Payout, Plan, QualityRule,
    ReferralPlan, ResellPlan, ServicesPlan, Terms,
};
use crate::money::{Currency, Money};
use crate::motion::{DealRegistration, JourneyStage, Motion, Ownership, Sla};
use crate::overlap::account::{Account, AccountList, ListOwner, PopulationSource};
use crate::overlap::assessment::{MappedAccount, Measured, PartnerOverlap};
use crate::overlap::figures::{Figures, MatchDecision};
use crate::partner::{Partner, Rating, Score, StatusChange};
use crate::profile::CompanyProfile;
use crate::rate::Rate;
use crate::scorecard::config::GATE_RANGE;
use crate::scorecard::{Category, Criterion, Gates, Scorecard};
use crate::workspace::Workspace;

use super::limits::{MAX_EMPLOYEES, MAX_MINOR, MAX_WEIGHT};

/// Read a current-version file. On failure, every problem found.
pub fn read_workspace(root: &Value) -> Result<Workspace, Vec<FieldError>> {
    let probs = Problems::default();
    let ws = read_root(At::root(&probs, root));
    match ws {
        Some(ws) if probs.is_empty() => Ok(ws),
        _ => Err(probs.into_vec()),
    }
}

fn read_root(at: At) -> Option<Workspace> {
    let o = at.object(&[
        "format",
        "format_version",
        "profile",
        "icp",
        "scorecard",
        "partners",
        "account_lists",
    ])?;
    let profile = o.req("profile").and_then(|a| read_profile(&a));
    let icp = o.req("icp").and_then(|a| read_icp(&a));
    let scorecard = o.req("scorecard").and_then(|a| read_scorecard(&a));
    // References are checked against the ids as written, so that a problem
    // elsewhere in the scorecard or ICP does not hide them.
    let refs = Refs {
        criteria: raw_ids(at.value.pointer("/scorecard/categories"), Some("criteria")),
        disqualifiers: raw_ids(at.value.pointer("/icp/disqualifiers"), None),
    };
    let partner_ids = raw_ids(at.value.pointer("/partners"), None);
    let list_ids = raw_ids(at.value.pointer("/account_lists"), None);
    let partners = o.req("partners").and_then(|a| {
        report_duplicates(a.probs, "partner", raw_id_paths(&a));
        a.list(|p| read_partner(&p, &refs, &list_ids))
    });
    let lists = o.req("account_lists").and_then(|a| {
        report_duplicates(a.probs, "account list", raw_id_paths(&a));
        a.list(|l| read_account_list(&l, &partner_ids))
    });
    Some(Workspace {
        profile: profile?,
        icp: icp?,
        scorecard: scorecard?,
        partners: partners?.into_iter().map(std::sync::Arc::new).collect(),
        account_lists: lists?.into_iter().map(std::sync::Arc::new).collect(),
    })
}

fn read_id(at: &At) -> Option<Id> {
    at.parsed(Id::parse)
}

fn read_profile(at: &At) -> Option<CompanyProfile> {
    let o = at.object(&["name", "website", "currency", "alignment_answers"])?;
    let name = o.req("name").and_then(|a| a.short());
    let website = o.req("website").and_then(|a| a.short());
    let currency = o.req("currency").and_then(|a| a.parsed(Currency::parse));
    let answers = o
        .req("alignment_answers")
        .and_then(|a| super::read_share::read_answers(&a));
    Some(CompanyProfile {
        name: name?,
        website: website?,
        currency: currency?,
        answers: answers?,
    })
}

fn read_span(at: &At, range: std::ops::RangeInclusive<i64>) -> Option<Span<i64>> {
    let o = at.object(&["min", "max"])?;
    let min = o.opt("min").map(|a| a.integer(range.clone()));
    let max = o.opt("max").map(|a| a.integer(range.clone()));
    let span = Span {
        min: match min {
            Some(v) => Some(v?),
            None => None,
        },
        max: match max {
            Some(v) => Some(v?),
            None => None,
        },
    };
    if span.is_inverted() {
        at.report("min is larger than max");
        return None;
    }
    Some(span)
}

fn read_icp(at: &At) -> Option<Icp> {
    let o = at.object(&[
        "industries",
        "sub_verticals",
        "employees",
        "annual_revenue_minor",
        "pain_triggers",
        "buying_committee",
        "disqualifiers",
        "examples",
    ])?;
    let industries = o.req("industries").and_then(|a| a.short_list());
    let sub_verticals = o.req("sub_verticals").and_then(|a| a.short_list());
    let employees = o
        .req("employees")
        .and_then(|a| read_span(&a, 0..=i64::from(MAX_EMPLOYEES)))
        .map(|s| Span {
            min: s.min.map(|v| v as u32),
            max: s.max.map(|v| v as u32),
        });
    let revenue = o
        .req("annual_revenue_minor")
        .and_then(|a| read_span(&a, 0..=MAX_MINOR))
        .map(|s| Span {
            min: s.min.map(Money),
            max: s.max.map(Money),
        });
    let pains = o.req("pain_triggers").and_then(|a| a.list(|i| i.long()));
    let committee = o.req("buying_committee").and_then(|a| {
        a.list(|m| {
            let o = m.object(&["role", "title", "notes"])?;
            let role = o.req("role").and_then(|a| a.choice());
            let title = o.req("title").and_then(|a| a.short());
            let notes = o.req("notes").and_then(|a| a.long());
            Some(CommitteeMember {
                role: role?,
                title: title?,
                notes: notes?,
            })
        })
    });
    let disqualifiers = o.req("disqualifiers").and_then(|a| {
        report_duplicates(a.probs, "disqualifier", raw_id_paths(&a));
        a.list(|d| {
            let o = d.object(&["id", "kind", "text", "amount_minor"])?;
            let id = o.req("id").and_then(|a| read_id(&a));
            let kind = o.req("kind").and_then(|a| a.choice());
            let text = o.req("text").and_then(|a| a.long());
            let amount = o
                .opt("amount_minor")
                .map(|a| a.integer(0..=MAX_MINOR).map(Money));
            Some(Disqualifier {
                id: id?,
                kind: kind?,
                text: text?,
                amount: match amount {
                    Some(v) => Some(v?),
                    None => None,
                },
            })
        })
    });
    let examples = o.req("examples").and_then(|a| {
        a.list(|e| {
            let o = e.object(&["name", "fit", "why"])?;
            let name = o.req("name").and_then(|a| a.short());
            let fit = o.req("fit").and_then(|a| a.choice());
            let why = o.req("why").and_then(|a| a.long());
            Some(Example {
                name: name?,
                fit: fit?,
                why: why?,
            })
        })
    });
    Some(Icp {
        industries: industries?,
        sub_verticals: sub_verticals?,
        employees: employees?,
        annual_revenue: revenue?,
        pain_triggers: pains?,
        committee: committee?,
        disqualifiers: disqualifiers?,
        examples: examples?,
    })
}

fn read_weight(at: &At) -> Option<f64> {
    if at.value.as_f64().is_some_and(|w| w < 0.0) {
        at.report(format!(
            "weight {} is negative: weights are 0 or more",
            at.value
        ));
        return None;
    }
    at.number(0.0..=MAX_WEIGHT)
}

fn read_scorecard(at: &At) -> Option<Scorecard> {
    let o = at.object(&["categories", "gates"])?;
    let categories = o.req("categories").and_then(|a| {
        a.list(|c| {
            let o = c.object(&["id", "name", "weight", "criteria"])?;
            let id = o.req("id").and_then(|a| read_id(&a));
            let name = o.req("name").and_then(|a| a.short());
            let weight = o.req("weight").and_then(|a| read_weight(&a));
            let criteria = o.req("criteria").and_then(|a| {
                a.list(|k| {
                    let o = k.object(&["id", "text", "weight"])?;
                    let id = o.req("id").and_then(|a| read_id(&a));
                    let text = o.req("text").and_then(|a| a.long());
                    let weight = o.req("weight").and_then(|a| read_weight(&a));
                    Some(Criterion {
                        id: id?,
                        text: text?,
                        weight: weight?,
                    })
                })
            });
            Some(Category {
                id: id?,
                name: name?,
                weight: weight?,
                criteria: criteria?,
            })
        })
    });
    let gates = o.req("gates").and_then(|a| {
        let mut gates = Gates::new();
        let mut ok = true;
        for (kind_key, per_kind) in a.entries()? {
            let Some(kind) = per_kind_kind(&per_kind, kind_key) else {
                ok = false;
                continue;
            };
            let Some(entries) = per_kind.entries() else {
                ok = false;
                continue;
            };
            let mut map = BTreeMap::new();
            for (cat, t) in entries {
                let id = match Id::parse(cat) {
                    Ok(id) => id,
                    Err(e) => {
                        t.report(e.to_string());
                        ok = false;
                        continue;
                    }
                };
                if t.value.as_f64().is_some_and(|v| !GATE_RANGE.contains(&v)) {
                    t.report(format!(
                        "threshold {} is outside 1–5 (category scores are 1–5)",
                        t.value
                    ));
                    ok = false;
                    continue;
                }
                match t.number(GATE_RANGE) {
                    Some(v) => {
                        map.insert(id, v);
                    }
                    None => ok = false,
                }
            }
            gates.insert(kind, map);
        }
        ok.then_some(gates)
    });
    let card = Scorecard {
        categories: categories?,
        gates: gates?,
    };
    // Whole-scorecard rules (duplicates, zero sums, unknown gate categories).
    for p in card.problems() {
        at.probs
            .report(&format!("{}.{}", at.path(), p.path), p.message);
    }
    Some(card)
}

/// The partner type named by a key of `gates`.
fn per_kind_kind(at: &At, key: &str) -> Option<crate::partner::PartnerType> {
    use crate::vocab::Vocabulary;
    let kind = crate::partner::PartnerType::from_key(key);
    if kind.is_none() {
        at.report(format!(
            "unknown partner type \"{key}\": expected {}",
            crate::partner::PartnerType::expected()
        ));
    }
    kind
}

/// The `id` strings of a list's items (or, with `nested`, of the items of
/// each item's `nested` list), as written.
fn raw_ids(list: Option<&Value>, nested: Option<&str>) -> Option<BTreeSet<String>> {
    let items = list?.as_array()?;
    let ids = |items: &[Value]| -> Vec<String> {
        items
            .iter()
            .filter_map(|i| i.get("id")?.as_str().map(str::to_owned))
            .collect()
    };
    Some(match nested {
        None => ids(items).into_iter().collect(),
        Some(key) => items
            .iter()
            .filter_map(|i| i.get(key)?.as_array())
            .flat_map(|inner| ids(inner))
            .collect(),
    })
}

/// `(path of the id, id)` for every item of the list at `at` that has a text id.
fn raw_id_paths<'a>(at: &'a At) -> impl Iterator<Item = (String, &'a str)> + 'a {
    at.value
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(move |(i, item)| {
            item.get("id")?
                .as_str()
                .map(|id| (format!("{}[{i}].id", at.path()), id))
        })
}

/// Ids that other records may point at; `None` when they could not be read
/// (then references are not checked, to avoid noise).
struct Refs {
    criteria: Option<BTreeSet<String>>,
    disqualifiers: Option<BTreeSet<String>>,
}

fn check_ref(at: &At, set: &Option<BTreeSet<String>>, key: &str, what: &str) -> bool {
    match set {
        Some(s) if !s.contains(key) => {
            let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            at.report(format!(
                "\"{key}\" is not {article} {what} of this workspace"
            ));
            false
        }
        _ => true,
    }
}

fn read_partner(at: &At, refs: &Refs, list_ids: &Option<BTreeSet<String>>) -> Option<Partner> {
    let o = at.object(&[
        "id",
        "name",
        "website",
        "type",
        "status_history",
        "owner",
        "notes",
        "brand_size",
        "archived",
        "ratings",
        "evidence",
        "alignment",
        "disqualifier_hits",
        "overlap",
        "motion",
        "incentives",
        "self_assessment",
    ])?;
    let id = o.req("id").and_then(|a| read_id(&a));
    let name = o.req("name").and_then(|a| a.short());
    let website = o.req("website").and_then(|a| a.short());
    let kind = o.req("type").and_then(|a| a.choice());
    let history = o.req("status_history").and_then(|a| {
        let list = a.list(|c| {
            let o = c.object(&["status", "date"])?;
            let status = o.req("status").and_then(|a| a.choice());
            let date = o.req("date").and_then(|a| a.parsed(Date::parse));
            Some(StatusChange {
                status: status?,
                date: date?,
            })
        })?;
        if a.value.as_array().is_some_and(Vec::is_empty) {
            a.report("needs at least one status (the first is usually candidate)");
            return None;
        }
        if list.windows(2).any(|w| w[1].date < w[0].date) {
            a.report("status changes must be in date order, oldest first");
            return None;
        }
        Some(list)
    });
    let owner = o.req("owner").and_then(|a| a.short());
    let notes = o.req("notes").and_then(|a| a.long());
    let brand = o.req("brand_size").and_then(|a| a.choice());
    let archived = o.req("archived").and_then(|a| a.bool());
    let ratings = o.req("ratings").and_then(|a| {
        let mut map = BTreeMap::new();
        let mut ok = true;
        for (key, v) in a.entries()? {
            let valid_ref = check_ref(&v, &refs.criteria, key, "criterion");
            let score = v
                .integer(i64::from(Score::MIN)..=i64::from(Score::MAX))
                .and_then(|n| Score::new(n as u8));
            match (Id::parse(key), score, valid_ref) {
                (Ok(id), Some(score), true) => {
                    map.insert(id, score);
                }
                _ => ok = false,
            }
        }
        ok.then_some(map)
    });
    let evidence = o.req("evidence").and_then(|a| {
        let mut map = BTreeMap::new();
        let mut ok = true;
        for (key, v) in a.entries()? {
            let valid_ref = check_ref(&v, &refs.criteria, key, "criterion");
            match (Id::parse(key), v.long(), valid_ref) {
                (Ok(id), Some(text), true) => {
                    map.insert(id, text);
                }
                _ => ok = false,
            }
        }
        ok.then_some(map)
    });
    let alignment = o.req("alignment").and_then(|a| {
        let o = a.object(&["answers", "judgment"])?;
        let answers = o
            .req("answers")
            .and_then(|a| super::read_share::read_answers(&a));
        let judgment: Option<Judgment> = o.req("judgment").and_then(|a| a.choice());
        Some(PartnerAlignment {
            answers: answers?,
            judgment: judgment?,
        })
    });
    let hits = o.req("disqualifier_hits").and_then(|a| {
        let list = a.list(|h| {
            let id = read_id(&h)?;
            check_ref(&h, &refs.disqualifiers, id.as_str(), "disqualifier").then_some(id)
        })?;
        (list.len() == a.value.as_array().map_or(0, Vec::len))
            .then(|| list.into_iter().collect::<BTreeSet<_>>())
    });

    let overlap = o.req("overlap").and_then(|a| read_overlap(&a, list_ids));
    let motion = o.req("motion").and_then(|a| read_motion(&a));
    let incentives = o.req("incentives").and_then(|a| read_incentives(&a));
    let self_assessment = o
        .req("self_assessment")
        .and_then(|a| super::read_share::read_self_assessment(&a));
    let (ratings, mut evidence) = (ratings?, evidence?);
    let ratings = ratings
        .into_iter()
        .map(|(id, score)| {
            let evidence = evidence.remove(&id).unwrap_or_default();
            (id, Rating { score, evidence })
        })
        .collect();
    Some(Partner {
        id: id?,
        name: name?,
        website: website?,
        kind: kind?,
        history: history?,
        owner: owner?,
        notes: notes?,
        brand: brand?,
        archived: archived?,
        ratings,
        pending_evidence: evidence,
        alignment: alignment?,
        disqualifier_hits: hits?,
        overlap: overlap?,
        motion: motion?,
        incentives: incentives?,
        self_assessment: self_assessment?,
    })
}

fn read_list_ref(at: &At, list_ids: &Option<BTreeSet<String>>) -> Option<Id> {
    let id = read_id(at)?;
    check_ref(at, list_ids, id.as_str(), "account list").then_some(id)
}

/// Three counts: customers, open opportunities, prospects.
fn read_counts(at: &At) -> Option<[usize; 3]> {
    let list = at.list(|c| c.integer(0..=i64::MAX).map(|n| n as usize))?;
    let len = list.len();
    match <[usize; 3]>::try_from(list) {
        Ok(a) => Some(a),
        Err(_) => {
            if at.value.as_array().map(Vec::len) == Some(len) {
                at.report(format!(
                    "expected 3 counts (customers, open opportunities, prospects), found {len}"
                ));
            }
            None
        }
    }
}

fn read_measured(m: &At, list_ids: &Option<BTreeSet<String>>) -> Option<Measured> {
    let o = m.object(&[
        "date",
        "ours_lists",
        "theirs_lists",
        "cells",
        "greenfield",
        "theirs_total",
        "ours_total",
        "matches",
        "confirmed",
    ])?;
    let date = o.req("date").and_then(|a| a.parsed(Date::parse));
    let ours_lists = o
        .req("ours_lists")
        .and_then(|a| a.list(|l| read_list_ref(&l, list_ids)));
    let theirs_lists = o
        .req("theirs_lists")
        .and_then(|a| a.list(|l| read_list_ref(&l, list_ids)));
    let cells = o.req("cells").and_then(|a| {
        let rows = a.list(|r| read_counts(&r))?;
        let n = rows.len();
        <[[usize; 3]; 3]>::try_from(rows).ok().or_else(|| {
            a.report(format!("expected 3 rows of counts, found {n}"));
            None
        })
    });
    let greenfield = o.req("greenfield").and_then(|a| read_counts(&a));
    let theirs_total = o.req("theirs_total").and_then(|a| read_counts(&a));
    let ours_total = o.req("ours_total").and_then(|a| read_counts(&a));
    let matches = o.req("matches").and_then(|a| a.integer(0..=i64::MAX));
    let confirmed = o.req("confirmed").and_then(|a| a.integer(0..=i64::MAX));
    Some(Measured {
        date: date?,
        ours_lists: ours_lists?,
        theirs_lists: theirs_lists?,
        figures: Figures {
            cells: cells?,
            greenfield: greenfield?,
            theirs_total: theirs_total?,
            ours_total: ours_total?,
            matches: matches? as usize,
            confirmed: confirmed? as usize,
        },
    })
}

fn read_overlap(at: &At, list_ids: &Option<BTreeSet<String>>) -> Option<PartnerOverlap> {
    let o = at.object(&[
        "signals",
        "notes",
        "decisions",
        "mapped_accounts",
        "measured",
    ])?;
    let signals = o.req("signals").and_then(|a| a.list(|s| s.choice()));
    let notes = o.req("notes").and_then(|a| a.long());
    let decisions = o.req("decisions").and_then(|a| {
        a.list(|d| {
            let o = d.object(&["ours", "theirs", "decision"])?;
            let ours = o.req("ours").and_then(|a| a.short());
            let theirs = o.req("theirs").and_then(|a| a.short());
            let decision = o.req("decision").and_then(|a| a.choice());
            Some(MatchDecision {
                ours: ours?,
                theirs: theirs?,
                decision: decision?,
            })
        })
    });
    let mapped = o.req("mapped_accounts").and_then(|a| {
        a.list(|m| {
            let o = m.object(&[
                "name",
                "domain",
                "relationships",
                "initiatives",
                "influence",
                "entry_point",
            ])?;
            let name = o.req("name").and_then(|a| a.short());
            let domain = o.req("domain").and_then(|a| a.short());
            let relationships = o.req("relationships").and_then(|a| a.long());
            let initiatives = o.req("initiatives").and_then(|a| a.long());
            let influence = o.req("influence").and_then(|a| a.long());
            let entry_point = o.req("entry_point").and_then(|a| a.long());
            Some(MappedAccount {
                name: name?,
                domain: domain?,
                relationships: relationships?,
                initiatives: initiatives?,
                influence: influence?,
                entry_point: entry_point?,
            })
        })
    });
    let measured = match o.opt("measured") {
        None => Some(None),
        Some(m) => read_measured(&m, list_ids).map(Some),
    };
    Some(PartnerOverlap {
        signals: signals?,
        notes: notes?,
        decisions: decisions?,
        mapped: mapped?,
        measured: measured?,
    })
}

/// Check the accounts of one list on their own (`path` names the list's
/// `accounts` in the workspace), as [`read_workspace`] checks them.
pub fn check_accounts(accounts: &Value, path: String) -> Result<(), Vec<FieldError>> {
    let probs = Problems::default();
    let at = At {
        probs: &probs,
        path,
        value: accounts,
    };
    match at.list(|acc| read_account(&acc)) {
        Some(_) if probs.is_empty() => Ok(()),
        _ => Err(probs.into_vec()),
    }
}

fn read_account(acc: &At) -> Option<Account> {
    let o = acc.object(&super::file::ACCOUNT_KEYS)?;
    let line = o.req("line").and_then(|a| a.integer(1..=i64::MAX));
    let name = o.req("name").and_then(|a| a.short());
    let domain = o.req("domain").and_then(|a| a.short());
    let country = o.req("country").and_then(|a| a.short());
    let population = o.req("population").and_then(|a| a.choice());
    let status = o.req("status").and_then(|a| a.short());
    let owner = o.req("owner").and_then(|a| a.short());
    let industry = o.req("industry").and_then(|a| a.short());
    let employees = o.req("employees").and_then(|a| a.short());
    let account = Account {
        line: line? as usize,
        name: name?,
        domain: domain?,
        country: country?,
        population: population?,
        status: status?,
        owner: owner?,
        industry: industry?,
        employees: employees?,
    };
    if account.name.trim().is_empty() && account.domain.trim().is_empty() {
        acc.report("an account needs a name or a domain");
        return None;
    }
    Some(account)
}

fn read_account_list(at: &At, partner_ids: &Option<BTreeSet<String>>) -> Option<AccountList> {
    let o = at.object(&[
        "id",
        "partner",
        "source",
        "imported",
        "population_source",
        "population",
        "accounts",
    ])?;
    let id = o.req("id").and_then(|a| read_id(&a));
    let owner = match o.opt("partner") {
        None => Some(ListOwner::Ours),
        Some(p) => read_id(&p)
            .filter(|pid| check_ref(&p, partner_ids, pid.as_str(), "partner"))
            .map(ListOwner::Partner),
    };
    let source = o.req("source").and_then(|a| a.short());
    let imported = o.req("imported").and_then(|a| a.parsed(Date::parse));
    let kind: Option<PopulationSourceKind> = o.req("population_source").and_then(|a| a.choice());
    let population = o.req("population").and_then(|a| a.choice());
    let accounts = o
        .req("accounts")
        .and_then(|a| a.list(|acc| read_account(&acc)));
    let population = population?;
    Some(AccountList {
        id: id?,
        owner: owner?,
        source: source?,
        imported: imported?,
        population: match kind? {
            PopulationSourceKind::StatusColumn => PopulationSource::StatusColumn {
                fallback: population,
            },
            PopulationSourceKind::Fixed => PopulationSource::Fixed(population),
        },
        accounts: accounts?,
    })
}

/// A rate in basis points, 0–10000 (0–100%).
fn read_rate(at: &At) -> Option<Rate> {
    if let Some(n) = at.value.as_i64() {
        if !(0..=10_000).contains(&n) {
            at.report(format!(
                "{n} basis points is outside 0–10000 (0–100%): rates cannot be negative or over 100%"
            ));
            return None;
        }
    }
    at.integer(0..=10_000).map(|n| Rate(n as u32))
}

/// An amount in minor units, not negative.
fn read_amount(at: &At) -> Option<Money> {
    if at.value.as_i64().is_some_and(|n| n < 0) {
        at.report(format!(
            "{} is negative: amounts here are 0 or more",
            at.value
        ));
        return None;
    }
    at.integer(0..=MAX_MINOR).map(Money)
}

fn read_small(at: &At, max: i64) -> Option<i64> {
    at.integer(0..=max)
}

fn read_motion(at: &At) -> Option<Motion> {
    let o = at.object(&[
        "journey",
        "ownership",
        "qualified",
        "rejected",
        "sla",
        "registration",
    ])?;
    let journey = o.req("journey").and_then(|a| {
        a.list(|j| {
            let o = j.object(&["name", "we_fit", "notes"])?;
            let name = o.req("name").and_then(|a| a.short());
            let we_fit = o.req("we_fit").and_then(|a| a.bool());
            let notes = o.req("notes").and_then(|a| a.long());
            Some(JourneyStage {
                name: name?,
                we_fit: we_fit?,
                notes: notes?,
            })
        })
    });
    let ownership = o.req("ownership").and_then(|a| {
        let list = a.list(|x| {
            let o = x.object(&["step", "lead", "support"])?;
            let step = o.req("step").and_then(|a| a.choice());
            let lead = o.req("lead").and_then(|a| a.choice());
            let support = o.req("support").and_then(|a| a.choice());
            Some(Ownership { step: step?, lead: lead?, support: support? })
        })?;
        use crate::vocab::Vocabulary;
        let steps: Vec<_> = list.iter().map(|o| o.step).collect();
        if steps != crate::motion::Step::ALL {
            a.report("needs one entry per step, in order: discovery, demo, proposal, implementation, renewal");
            return None;
        }
        Some(list)
    });
    let qualified = o.req("qualified").and_then(|a| a.list(|x| x.long()));
    let rejected = o.req("rejected").and_then(|a| a.list(|x| x.long()));
    let days = |x: Option<At>| match x {
        None => Some(None),
        Some(a) => read_small(&a, 3650).map(|n| Some(n as u16)),
    };
    let sla = o.req("sla").and_then(|a| {
        let o = a.object(&["first_response_days", "qualification_days", "notes"])?;
        let first = days(o.opt("first_response_days"));
        let qual = days(o.opt("qualification_days"));
        let notes = o.req("notes").and_then(|a| a.long());
        Some(Sla {
            first_response_days: first?,
            qualification_days: qual?,
            notes: notes?,
        })
    });
    let registration = o.req("registration").and_then(|a| {
        let o = a.object(&[
            "eligible",
            "protection_days",
            "on_expiry",
            "dispute_rule",
            "dispute_owner",
        ])?;
        let eligible = o.req("eligible").and_then(|a| a.long());
        let protection = days(o.opt("protection_days"));
        let on_expiry = o.req("on_expiry").and_then(|a| a.long());
        let dispute_rule = o.req("dispute_rule").and_then(|a| a.long());
        let dispute_owner = o.req("dispute_owner").and_then(|a| a.short());
        Some(DealRegistration {
            eligible: eligible?,
            protection_days: protection?,
            on_expiry: on_expiry?,
            dispute_rule: dispute_rule?,
            dispute_owner: dispute_owner?,
        })
    });
    Some(Motion {
        journey: journey?,
        ownership: ownership?,
        qualified: qualified?,
        rejected: rejected?,
        sla: sla?,
        registration: registration?,
    })
}

fn read_assumptions(at: &At) -> Option<Assumptions> {
    let o = at.object(&[
        "submissions",
        "qualification_rate_bp",
        "rejection_rate_bp",
        "win_rate_bp",
        "first_year_revenue_minor",
        "cycle_quarters",
        "retention_bp",
        "cost_partner_deal_minor",
        "cost_direct_deal_minor",
        "direct_acquisition_cost_minor",
        "discount_bp",
        "health",
        "adoption_bp",
        "quarters",
    ])?;
    let rate = |k: &str| o.req(k).and_then(|a| read_rate(&a));
    let amount = |k: &str| o.req(k).and_then(|a| read_amount(&a));
    let submissions = o.req("submissions").and_then(|a| read_small(&a, 1_000_000));
    let qualification_rate = rate("qualification_rate_bp");
    let rejection_rate = rate("rejection_rate_bp");
    let win_rate = rate("win_rate_bp");
    let first_year_revenue = amount("first_year_revenue_minor");
    let cycle = o.req("cycle_quarters").and_then(|a| read_small(&a, 11));
    let retention = rate("retention_bp");
    let cost_partner = amount("cost_partner_deal_minor");
    let cost_direct = amount("cost_direct_deal_minor");
    let direct_cac = amount("direct_acquisition_cost_minor");
    let discount = rate("discount_bp");
    let health = o.req("health").and_then(|a| read_small(&a, 100));
    let adoption = rate("adoption_bp");
    let quarters = o.req("quarters").and_then(|a| a.integer(4..=12));
    let a = Assumptions {
        submissions: submissions? as u32,
        qualification_rate: qualification_rate?,
        rejection_rate: rejection_rate?,
        win_rate: win_rate?,
        first_year_revenue: first_year_revenue?,
        cycle_quarters: cycle? as u8,
        retention: retention?,
        cost_partner_deal: cost_partner?,
        cost_direct_deal: cost_direct?,
        direct_acquisition_cost: direct_cac?,
        discount: discount?,
        health: health? as u8,
        adoption: adoption?,
        quarters: quarters? as u8,
    };
    for p in crate::incentives::validate::assumption_problems(&a) {
        at.probs
            .report(&format!("{}.{}", at.path(), p.path), p.message);
    }
    Some(a)
}

fn read_terms(at: &At) -> Option<Terms> {
    let o = at.object(&["referral", "services", "resell"])?;
    let (r, s, x) = (o.opt("referral"), o.opt("services"), o.opt("resell"));
    match (r, s, x) {
        (Some(r), None, None) => {
            let o = r.object(&["meeting_fee_minor", "closed_won", "quality"])?;
            let fee = o.req("meeting_fee_minor").and_then(|a| read_amount(&a));
            let payout = o.req("closed_won").and_then(|a| {
                let o = a.object(&["flat_minor", "percent_bp"])?;
                match (o.opt("flat_minor"), o.opt("percent_bp")) {
                    (Some(f), None) => read_amount(&f).map(Payout::Flat),
                    (None, Some(p)) => read_rate(&p).map(Payout::Percent),
                    _ => {
                        a.report("needs exactly one of flat_minor or percent_bp");
                        None
                    }
                }
            });
            let quality = o.req("quality").and_then(|a| {
                let o = a.object(&["window", "max_rejection_bp", "fee_cut_bp"])?;
                let window = o.req("window").and_then(|a| a.integer(1..=1000));
                let max = o.req("max_rejection_bp").and_then(|a| read_rate(&a));
                let cut = o.req("fee_cut_bp").and_then(|a| read_rate(&a));
                Some(QualityRule {
                    window: window? as u16,
                    max_rejection: max?,
                    fee_cut: cut?,
                })
            });
            Some(Terms::Referral(ReferralPlan {
                meeting_fee: fee?,
                closed_won: payout?,
                quality: quality?,
            }))
        }
        (None, Some(s), None) => {
            let o = s.object(&[
                "package",
                "services_price_minor",
                "co_marketing_minor",
                "tiers",
            ])?;
            let package = o.req("package").and_then(|a| a.short());
            let price = o.req("services_price_minor").and_then(|a| read_amount(&a));
            let co = o.req("co_marketing_minor").and_then(|a| read_amount(&a));
            let tiers = o.req("tiers").and_then(|a| {
                a.list(|t| {
                    let o = t.object(&["name", "min_health", "bonus_bp"])?;
                    let name = o.req("name").and_then(|a| a.short());
                    let min = o.req("min_health").and_then(|a| read_small(&a, 100));
                    let bonus = o.req("bonus_bp").and_then(|a| read_rate(&a));
                    Some(HealthTier {
                        name: name?,
                        min_health: min? as u8,
                        bonus: bonus?,
                    })
                })
            });
            Some(Terms::Services(ServicesPlan {
                package: package?,
                services_price: price?,
                co_marketing: co?,
                tiers: tiers?,
            }))
        }
        (None, None, Some(x)) => {
            let o = x.object(&[
                "list_price_minor",
                "price_floor_minor",
                "max_discount_bp",
                "tiers",
                "renewal_rebate_bp",
                "rebate_min_retention_bp",
                "rebate_min_adoption_bp",
                "certified",
            ])?;
            let list = o.req("list_price_minor").and_then(|a| read_amount(&a));
            let floor = o.req("price_floor_minor").and_then(|a| read_amount(&a));
            let max = o.req("max_discount_bp").and_then(|a| read_rate(&a));
            let tiers = o.req("tiers").and_then(|a| {
                a.list(|t| {
                    let o =
                        t.object(&["name", "min_deals", "margin_bp", "requires_certification"])?;
                    let name = o.req("name").and_then(|a| a.short());
                    let min = o.req("min_deals").and_then(|a| read_small(&a, 1_000_000));
                    let margin = o.req("margin_bp").and_then(|a| read_rate(&a));
                    let cert = o.req("requires_certification").and_then(|a| a.bool());
                    Some(MarginTier {
                        name: name?,
                        min_deals: min? as u32,
                        margin: margin?,
                        requires_certification: cert?,
                    })
                })
            });
            let rebate = o.req("renewal_rebate_bp").and_then(|a| read_rate(&a));
            let min_ret = o.req("rebate_min_retention_bp").and_then(|a| read_rate(&a));
            let min_adopt = o.req("rebate_min_adoption_bp").and_then(|a| read_rate(&a));
            let certified = o.req("certified").and_then(|a| a.bool());
            Some(Terms::Resell(ResellPlan {
                list_price: list?,
                price_floor: floor?,
                max_discount: max?,
                tiers: tiers?,
                renewal_rebate: rebate?,
                rebate_min_retention: min_ret?,
                rebate_min_adoption: min_adopt?,
                certified: certified?,
            }))
        }
        _ => {
            at.report("needs exactly one of referral, services or resell");
            None
        }
    }
}

fn read_incentives(at: &At) -> Option<PartnerIncentives> {
    let o = at.object(&["assumptions", "plans"])?;
    let assumptions = o.req("assumptions").and_then(|a| read_assumptions(&a));
    let plans = o.req("plans").and_then(|a| {
        report_duplicates(a.probs, "plan", raw_id_paths(&a));
        a.list(|p| {
            let o = p.object(&["id", "name", "terms"])?;
            let id = o.req("id").and_then(|a| read_id(&a));
            let name = o.req("name").and_then(|a| a.short());
            let terms_at = o.req("terms");
            let terms = terms_at.as_ref().and_then(read_terms);
            let plan = Plan {
                id: id?,
                name: name?,
                terms: terms?,
            };
            if let Some(t) = terms_at {
                let kind = match plan.terms {
                    Terms::Referral(_) => "referral",
                    Terms::Services(_) => "services",
                    Terms::Resell(_) => "resell",
                };
                for x in crate::incentives::validate::plan_problems(&plan) {
                    t.probs
                        .report(&format!("{}.{kind}.{}", t.path(), x.path), x.message);
                }
            }
            Some(plan)
        })
    });
    Some(PartnerIncentives {
        assumptions: assumptions?,
        plans: plans?,
    })
}
