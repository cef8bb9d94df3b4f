//! Step 2: the partner registry. Add, filter, sort, archive, delete (each an
//! undoable step).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use partnerfit_core::edit::partner::NEW_PARTNER_NAME;
use partnerfit_core::edit::{Edit, PartnerEdit};
use partnerfit_core::partner::{PartnerType, Status};
use partnerfit_core::scorecard::{format_score, Verdict};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::clock;
use crate::components::fields::{next_id, Choice, Filter};
use crate::components::verdict::VerdictBadge;
use crate::lens::Binding;
use crate::routes::Page;
use crate::state::{use_derived, use_store};

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

/// One row of the registry, as displayed: also its identity for
/// re-rendering, so a row follows any change of what it shows (a rename in
/// another tab, a workspace replaced).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: Id,
    name: String,
    kind: PartnerType,
    status: Status,
    status_text: String,
    since: String,
    owner: String,
    archived: bool,
    /// The score as shown, and for sorting in thousandths.
    score: String,
    total_milli: i64,
    verdict: Option<Verdict>,
}

#[component]
pub fn PartnersPage() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let kind = RwSignal::new(None::<PartnerType>);
    let status = RwSignal::new(None::<Status>);
    let verdict = RwSignal::new(None::<Verdict>);
    let sort = RwSignal::new(SortBy::Name);
    let show_archived = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let rows = Memo::new(move |_| {
        let evals = derived.evaluations.get();
        let mut rows: Vec<Row> = store.with(|w| {
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
                        status_text: p.status_text(),
                        since: p.status_since().map(|d| d.to_string()).unwrap_or_default(),
                        owner: p.owner.clone(),
                        archived: p.archived,
                        score: e
                            .and_then(|e| e.total)
                            .map(format_score)
                            .unwrap_or_else(|| "–".into()),
                        total_milli: e
                            .and_then(|e| e.total)
                            .map_or(0, |t| (t * 1000.0).round() as i64),
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
                b.total_milli
                    .cmp(&a.total_milli)
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

    let send = move |e: Edit| error.set(store.commit(e).err());
    let fid4 = next_id();

    view! {
        <h1>"Partners"</h1>
        <p class="lede">"Every candidate and partner, by type. Each type scales under its own rules."</p>
        <TypeGuide/>
        <AddPartner/>
        <p class="error" aria-live="polite">{move || error.get()}</p>
        <div class="filters">
            <Filter label="Type" value=kind/>
            <Filter label="Status" value=status/>
            <Filter label="Verdict" value=verdict/>
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
                <For each=move || rows.get() key=|r| r.clone() let:row>
                    {
                        let (a, d) = (row.id.clone(), row.id.clone());
                        let archived = row.archived;
                        let delete_label = format!("Delete {}", row.name);
                        view! {
                            <tr class:archived=row.archived>
                                <td><A href=Page::Partner(row.id.clone()).link()>{row.name.clone()}</A>
                                    {row.archived.then(|| view! { " " <span class="badge">"archived"</span> })}</td>
                                <td>{row.kind.label()}</td>
                                <td>{row.status_text.clone()}<span class="hint">{format!(" since {}", row.since)}</span></td>
                                <td>{row.owner.clone()}</td>
                                <td class="num">{row.score.clone()}</td>
                                <td>{row.verdict.map(|v| view! { <VerdictBadge verdict=v/> })}</td>
                                <td>
                                    <button type="button" on:click=move |_| send(Edit::partner(&a, PartnerEdit::Archived(!archived)))>
                                        {if archived { "Unarchive" } else { "Archive" }}</button>
                                    <button type="button" class="danger" aria-label=delete_label
                                        on:click=move |_| send(Edit::RemovePartner(d.clone()))>"Delete"</button>
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
    let store = use_store();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(PartnerType::Referral);
    let error = RwSignal::new(None::<String>);
    let fid5 = next_id();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = store.with_untracked(|w| w.fresh_partner_id(clock::entropy()));
        let added = store.commit(Edit::AddPartner {
            id: id.clone(),
            name: name.get_untracked(),
            kind: kind.get_untracked(),
            today: clock::today(),
        });
        match added {
            Ok(()) => {
                name.set(String::new());
                error.set(None);
                navigate(&Page::Partner(id).href(), Default::default());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="add-partner" on:submit=submit aria-label="Add a partner">
            <div class="field inline"><label class="label" for=fid5.clone()>{NEW_PARTNER_NAME}</label>
                <input id=fid5.clone() type="text" bind:value=name/></div>
            <Choice label="Type" binding=Binding::local(kind)/>
            <button type="submit">"Add partner"</button>
            {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
        </form>
    }
}
