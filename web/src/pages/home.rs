//! The ranking: every partner by weighted score, with verdicts, fragile
//! verdicts flagged, ties explained, and quick rating in place.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::partner::{Partner, PartnerType};
use partnerfit_core::scorecard::{format_score, Verdict};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::count;
use partnerfit_core::Id;

use crate::components::fields::Filter;
use crate::components::rating::RatingSelect;
use crate::components::verdict::VerdictBadge;
use crate::lens::PartnerLens;
use crate::routes::Page;
use crate::state::{use_derived, use_store};

/// One row of the ranking, as displayed (also its identity for re-rendering).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: Id,
    name: String,
    kind: PartnerType,
    status: String,
    score: String,
    verdict: Verdict,
    fragile: bool,
    /// Fails a gate: ranked below every partner that does not.
    fails_gate: bool,
    tie: Option<String>,
}

#[component]
pub fn Home() -> impl IntoView {
    let ws = use_store();
    let derived = use_derived();
    let kind_filter = RwSignal::new(None::<PartnerType>);
    let verdict_filter = RwSignal::new(None::<Verdict>);
    let selected = RwSignal::new(BTreeSet::<Id>::new());
    let rating_for = RwSignal::new(None::<Id>);
    // The partner being rated, while it is there (undo may take it away).
    let rating = Memo::new(move |_| {
        rating_for
            .get()
            .filter(|id| ws.with(|w| w.partner(id).is_some()))
    });

    let rows: Memo<Vec<Arc<Row>>> = Memo::new(move |_| {
        let fragile: HashSet<Id> = derived.sensitivity.with(|s| {
            s.iter()
                .filter(|s| s.fragile())
                .map(|s| s.partner.clone())
                .collect()
        });
        ws.with(|w| {
            let partners: HashMap<&Id, &Partner> =
                w.partners.iter().map(|p| (&p.id, &**p)).collect();
            derived.ranking.with(|ranking| {
                ranking
                    .iter()
                    .filter(|r| verdict_filter.get().is_none_or(|v| v == r.verdict))
                    .filter_map(|r| {
                        let p = *partners.get(&r.partner)?;
                        if kind_filter.get().is_some_and(|k| k != p.kind) {
                            return None;
                        }
                        Some(Arc::new(Row {
                            id: p.id.clone(),
                            name: p.name.clone(),
                            kind: p.kind,
                            status: p.status_text(),
                            score: r.total.map(format_score).unwrap_or_else(|| "–".into()),
                            verdict: r.verdict,
                            fragile: fragile.contains(&p.id),
                            fails_gate: r.fails_gate,
                            tie: r.tie.as_ref().map(|t| t.to_string()),
                        }))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // Rows are keyed by their whole content: after a change only the rows
    // whose content changed are rebuilt; the others are moved. Positions come
    // from a CSS counter, so a move does not rewrite the rows in between.
    let counts = move || {
        derived.ranking.with(|r| {
            Verdict::ALL
                .iter()
                .map(|v| (*v, r.iter().filter(|e| e.verdict == *v).count()))
                .collect::<Vec<_>>()
        })
    };
    let gaps = move || ws.with(|w| w.icp.gaps().len());
    let compare_href = move || Page::Compare(selected.get().into_iter().collect()).link();

    view! {
        <h1>"Partner ranking"</h1>
        <p class="lede">"Every active candidate, judged against the gates for its partner type and ranked by weighted score. Gates are minimums: a partner that fails one ranks below every partner that does not, whatever its score."</p>
        <crate::pages::program::number::NumberCard linked=true/>
        {move || (gaps() > 0).then(|| view! {
            <p class="callout">{format!("Your ICP has {}. ", count(gaps(), "gap", "gaps"))}<A href=Page::Icp.link()>"Complete the ICP"</A>" so partners know what to bring."</p>
        })}
        <ul class="verdict-counts" aria-label="Verdicts">
            {move || counts().into_iter().map(|(v, n)| view! { <li><VerdictBadge verdict=v/>" "{n}</li> }).collect_view()}
        </ul>
        <div class="filters">
            <Filter label="Type" value=kind_filter all="All types"/>
            <Filter label="Verdict" value=verdict_filter all="All verdicts"/>
            // A link only once there is something to compare: a disabled
            // link would still navigate.
            {move || {
                let n = selected.with(|s| s.len());
                let text = format!("Compare selected ({n})");
                if n >= 2 {
                    view! { <A href=compare_href attr:class="button">{text}</A> }.into_any()
                } else {
                    view! { <button type="button" disabled title="Tick two partners or more to compare them">{text}</button> }.into_any()
                }
            }}
        </div>
        {move || rating.get().map(|id| view! { <QuickRate id rating_for/> })}
        <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! {
            <p>"No partner matches. "<A href=Page::Partners.link()>"Add partners"</A>" to rank them."</p>
        }>
            <table class="ranking" data-testid="ranking" role="table" aria-label="Partner ranking">
                <thead role="rowgroup"><tr role="row">
                    <th scope="col" role="columnheader">"#"</th><th scope="col" role="columnheader">"Compare"</th>
                    <th scope="col" role="columnheader">"Partner"</th><th scope="col" role="columnheader">"Type"</th>
                    <th scope="col" role="columnheader">"Status"</th><th scope="col" role="columnheader">"Score"</th>
                    <th scope="col" role="columnheader">"Verdict"</th><th scope="col" role="columnheader">"Notes"</th>
                </tr></thead>
                <tbody role="rowgroup">
                    <For each=move || rows.get() key=|r| r.clone() let:row>
                        <RankRow row selected rating_for/>
                    </For>
                </tbody>
            </table>
        </Show>
        <p class="hint">"Partners that fail a gate come last. Scores are weighted means of 1–5 ratings; unrated criteria are not counted as zero but keep a verdict at “needs evidence”. Ties are broken by verdict, then the gated categories, then the number of ratings, then name."</p>
    }
}

/// One ranking row.
#[component]
fn RankRow(
    row: Arc<Row>,
    selected: RwSignal<BTreeSet<Id>>,
    rating_for: RwSignal<Option<Id>>,
) -> impl IntoView {
    let (id1, id2, id3) = (row.id.clone(), row.id.clone(), row.id.clone());
    let href = Page::Partner(row.id.clone()).link();
    view! {
        <tr role="row" data-testid="rank-row" data-partner=row.id.to_string() class:fails-gate=row.fails_gate>
            <td role="cell" class="position"></td>
            <td role="cell"><input type="checkbox" aria-label=format!("Compare {}", row.name)
                prop:checked=move || selected.with(|s| s.contains(&id1))
                on:change:target=move |ev| {
                    let on = ev.target().checked();
                    selected.update(|s| { if on { s.insert(id2.clone()); } else { s.remove(&id2); } });
                }/></td>
            <td role="cell"><a href=href>{row.name.clone()}</a></td>
            <td role="cell">{row.kind.label()}</td>
            <td role="cell">{row.status.clone()}</td>
            <td role="cell" class="num" data-testid="score">{row.score.clone()}</td>
            <td role="cell">
                <VerdictBadge verdict=row.verdict/>
                {row.fragile.then(|| view! {
                    <span class="badge fragile" title="A small change of weights or one rating would change this verdict">"fragile"</span>
                })}
                {row.fails_gate.then(|| view! {
                    " "<span class="badge fails-gate" title="Gates are minimums: ranked below every partner that passes its gates, whatever the score">"fails a gate"</span>
                })}
            </td>
            <td role="cell" class="tie">
                {row.tie.clone()}
                " "<button type="button" class="link" on:click=move |_| rating_for.set(Some(id3.clone()))>{format!("Rate {}", row.name)}</button>
            </td>
        </tr>
    }
}

/// Rate one partner without leaving the ranking; stays open while the ranking re-orders.
#[component]
fn QuickRate(id: Id, rating_for: RwSignal<Option<Id>>) -> impl IntoView {
    let ws = use_store();
    let lens = PartnerLens::new(ws, id);
    let name = lens.memo(|p| p.name.clone());
    // The criteria as they are now (undo may bring a category back).
    let criteria = Memo::new(move |_| {
        ws.with(|w| {
            w.scorecard
                .criteria()
                .map(|(_, c)| (c.id.clone(), c.text.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="quick-rate" aria-label=move || format!("Rate {}", name.get()) data-testid="quick-rate">
            <h2>"Rate "{name}</h2>
            <div class="rating-grid">
                <For each=move || criteria.get() key=|c| c.clone() let:((cid, text))>
                    <RatingSelect partner=lens criterion=cid label=text/>
                </For>
            </div>
            <button type="button" on:click=move |_| rating_for.set(None)>"Done"</button>
        </section>
    }
}
