//! Step 2: the partner registry. Add, filter, sort, archive, delete with undo.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use partnerfit_core::overlap::account::{AccountList, ListOwner};
use partnerfit_core::partner::{Partner, PartnerType, Status};
use partnerfit_core::scorecard::{format_score, Verdict};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::clock;
use crate::components::fields::next_id;
use crate::components::verdict::VerdictBadge;
use crate::routes::Page;
use crate::state::{use_derived, use_workspace};

/// How the registry is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortBy {
    Name,
    Score,
    Status,
    Type,
    Verdict,
}

impl SortBy {
    const ALL: [(SortBy, &'static str, &'static str); 5] = [
        (SortBy::Name, "name", "Name"),
        (SortBy::Score, "score", "Score (high first)"),
        (SortBy::Status, "status", "Status"),
        (SortBy::Type, "type", "Type"),
        (SortBy::Verdict, "verdict", "Verdict"),
    ];
}

#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: Id,
    name: String,
    kind: PartnerType,
    status: Status,
    since: String,
    owner: String,
    archived: bool,
    total: Option<f64>,
    verdict: Option<Verdict>,
}

#[component]
pub fn PartnersPage() -> impl IntoView {
    let ws = use_workspace();
    let derived = use_derived();
    let kind = RwSignal::new(None::<PartnerType>);
    let status = RwSignal::new(None::<Status>);
    let verdict = RwSignal::new(None::<Verdict>);
    let sort = RwSignal::new(SortBy::Name);
    let show_archived = RwSignal::new(false);
    // The last deleted partner, its position and its account lists, for undo.
    let deleted = RwSignal::new(
        None::<(
            usize,
            std::sync::Arc<Partner>,
            Vec<std::sync::Arc<AccountList>>,
        )>,
    );

    let rows = Memo::new(move |_| {
        let evals = derived.evaluations.get();
        let mut rows: Vec<Row> = ws.with(|w| {
            w.partners
                .iter()
                .filter(|p| show_archived.get() || !p.archived)
                .filter(|p| kind.get().is_none_or(|k| k == p.kind))
                .filter(|p| status.get().is_none_or(|s| s == p.status()))
                .map(|p| {
                    let e = evals.iter().find(|e| e.partner == p.id);
                    Row {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        kind: p.kind,
                        status: p.status(),
                        since: p.status_since().map(|d| d.to_string()).unwrap_or_default(),
                        owner: p.owner.clone(),
                        archived: p.archived,
                        total: e.and_then(|e| e.total),
                        verdict: e.map(|e| e.verdict),
                    }
                })
                .filter(|r| verdict.get().is_none_or(|v| r.verdict == Some(v)))
                .collect()
        });
        let by_name = |a: &Row, b: &Row| a.name.to_lowercase().cmp(&b.name.to_lowercase());
        match sort.get() {
            SortBy::Name => rows.sort_by(by_name),
            SortBy::Score => rows.sort_by(|a, b| {
                b.total
                    .unwrap_or(0.0)
                    .total_cmp(&a.total.unwrap_or(0.0))
                    .then_with(|| by_name(a, b))
            }),
            SortBy::Status => {
                rows.sort_by(|a, b| a.status.cmp(&b.status).then_with(|| by_name(a, b)))
            }
            SortBy::Type => rows.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| by_name(a, b))),
            SortBy::Verdict => {
                rows.sort_by(|a, b| a.verdict.cmp(&b.verdict).then_with(|| by_name(a, b)))
            }
        }
        rows
    });

    let delete = move |id: Id| {
        ws.update(|w| {
            if let Some(i) = w.partners.iter().position(|p| p.id == id) {
                let p = w.partners.remove(i);
                let owner = ListOwner::Partner(id.clone());
                let (lists, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut w.account_lists)
                    .into_iter()
                    .partition(|l| l.owner == owner);
                w.account_lists = keep;
                deleted.set(Some((i, p, lists)));
            }
        });
    };
    let undo = move |_| {
        if let Some((i, p, lists)) = deleted.get_untracked() {
            ws.update(|w| {
                if w.partner(&p.id).is_none() {
                    let i = i.min(w.partners.len());
                    w.partners.insert(i, p);
                    w.account_lists.extend(lists);
                }
            });
            deleted.set(None);
        }
    };
    let (fid1, fid2, fid3, fid4) = (next_id(), next_id(), next_id(), next_id());
    let toggle_archive = move |id: Id| {
        crate::state::update_partner(ws, &id, |p| p.archived = !p.archived);
    };

    view! {
        <h1>"Partners"</h1>
        <p class="lede">"Every candidate and partner, by type. Each type scales under its own rules."</p>
        <TypeGuide/>
        <AddPartner/>
        {move || deleted.get().map(|(_, p, _)| view! {
            <p class="undo" role="status">{format!("Deleted {}. ", p.name)}
                <button type="button" on:click=undo>"Undo"</button></p>
        })}
        <div class="filters">
            <div class="field inline"><label class="label" for=fid1.clone()>"Type"</label>
                <select id=fid1.clone() on:change:target=move |ev| kind.set(PartnerType::from_key(&ev.target().value()))>
                    <option value="">"All"</option>
                    {PartnerType::ALL.iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
                </select></div>
            <div class="field inline"><label class="label" for=fid2.clone()>"Status"</label>
                <select id=fid2.clone() on:change:target=move |ev| status.set(Status::from_key(&ev.target().value()))>
                    <option value="">"All"</option>
                    {Status::ALL.iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                </select></div>
            <div class="field inline"><label class="label" for=fid3.clone()>"Verdict"</label>
                <select id=fid3.clone() on:change:target=move |ev| verdict.set(Verdict::from_key(&ev.target().value()))>
                    <option value="">"All"</option>
                    {Verdict::ALL.iter().map(|v| view! { <option value=v.key()>{v.label()}</option> }).collect_view()}
                </select></div>
            <div class="field inline"><label class="label" for=fid4.clone()>"Sort by"</label>
                <select id=fid4.clone() on:change:target=move |ev| {
                    let v = ev.target().value();
                    if let Some((s, _, _)) = SortBy::ALL.iter().find(|(_, k, _)| *k == v) { sort.set(*s); }
                }>
                    {SortBy::ALL.iter().map(|(_, k, l)| view! { <option value=*k>{*l}</option> }).collect_view()}
                </select></div>
            <label class="check"><input type="checkbox" on:change:target=move |ev| show_archived.set(ev.target().checked())/>" Show archived"</label>
        </div>
        <table class="registry" data-testid="registry">
            <thead><tr>
                <th scope="col">"Partner"</th><th scope="col">"Type"</th><th scope="col">"Status"</th><th scope="col">"Owner"</th>
                <th scope="col">"Score"</th><th scope="col">"Verdict"</th><th scope="col">"Actions"</th>
            </tr></thead>
            <tbody>
                <For each=move || rows.get() key=|r| (r.id.clone(), r.archived) let:row>
                    {
                        let (a, d) = (row.id.clone(), row.id.clone());
                        let delete_label = format!("Delete {}", row.name);
                        view! {
                            <tr class:archived=row.archived>
                                <td><A href=Page::Partner(row.id.clone()).link()>{row.name.clone()}</A>
                                    {row.archived.then(|| view! { " " <span class="badge">"archived"</span> })}</td>
                                <td>{row.kind.label()}</td>
                                <td>{row.status.label()}<span class="hint">{format!(" since {}", row.since)}</span></td>
                                <td>{row.owner.clone()}</td>
                                <td class="num">{row.total.map(format_score).unwrap_or_else(|| "–".into())}</td>
                                <td>{row.verdict.map(|v| view! { <VerdictBadge verdict=v/> })}</td>
                                <td>
                                    <button type="button" on:click=move |_| toggle_archive(a.clone())>
                                        {if row.archived { "Unarchive" } else { "Archive" }}</button>
                                    <button type="button" class="danger" aria-label=delete_label
                                        on:click=move |_| delete(d.clone())>"Delete"</button>
                                </td>
                            </tr>
                        }
                    }
                </For>
            </tbody>
        </table>
        {move || rows.with(|r| r.is_empty()).then(|| view! { <p>"No partner matches these filters."</p> })}
    }
}

/// What each partner type is expected to do (seed, step 2).
#[component]
fn TypeGuide() -> impl IntoView {
    view! {
        <details class="type-guide">
            <summary>"What each partner type is for"</summary>
            <dl>
                {PartnerType::ALL.iter().map(|k| view! { <dt>{k.label()}</dt><dd>{k.expectations()}</dd> }).collect_view()}
            </dl>
        </details>
    }
}

/// A small form to add a candidate, then open it.
#[component]
fn AddPartner() -> impl IntoView {
    let ws = use_workspace();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(PartnerType::Referral);
    let error = RwSignal::new(None::<&'static str>);
    let (fid5, fid6) = (next_id(), next_id());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() {
            error.set(Some("Give the partner a name."));
            return;
        }
        let mut new_id = None;
        ws.update(|w| {
            let id = w.fresh_partner_id(clock::entropy());
            w.partners.push(std::sync::Arc::new(Partner::new(
                id.clone(),
                n,
                kind.get_untracked(),
                clock::today(),
            )));
            new_id = Some(id);
        });
        name.set(String::new());
        error.set(None);
        if let Some(id) = new_id {
            navigate(&Page::Partner(id).href(), Default::default());
        }
    };
    view! {
        <form class="add-partner" on:submit=submit aria-label="Add a partner">
            <div class="field inline"><label class="label" for=fid5.clone()>"New partner name"</label>
                <input id=fid5.clone() type="text" bind:value=name/></div>
            <div class="field inline"><label class="label" for=fid6.clone()>"Type"</label>
                <select id=fid6.clone() on:change:target=move |ev| if let Some(k) = PartnerType::from_key(&ev.target().value()) { kind.set(k) }>
                    {PartnerType::ALL.iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
                </select></div>
            <button type="submit">"Add partner"</button>
            {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
        </form>
    }
}
