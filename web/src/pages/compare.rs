//! Side-by-side comparison of two or more partners.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use partnerfit_core::scorecard::format_score;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::components::charts::{Bars, Radar, Series};
use crate::components::verdict::{Reasons, VerdictBadge};
use crate::routes::Page;
use crate::state::{use_derived, use_store};

#[component]
pub fn ComparePage() -> impl IntoView {
    let ws = use_store();
    let derived = use_derived();
    let query = use_query_map();
    let navigate = use_navigate();
    let ids = Memo::new(move |_| {
        query
            .with(|q| q.get("ids"))
            .unwrap_or_default()
            .split(',')
            .filter_map(|s| Id::parse(s.trim()).ok())
            .collect::<Vec<_>>()
    });
    let toggle = move |id: Id, on: bool| {
        let mut list = ids.get_untracked();
        list.retain(|x| x != &id);
        if on {
            list.push(id);
        }
        navigate(&Page::Compare(list).href(), Default::default());
    };
    let choices = move || {
        ws.with(|w| {
            w.partners
                .iter()
                .filter(|p| !p.archived)
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let chosen = Memo::new(move |_| {
        let list = ids.get();
        derived.evaluations.with(|e| {
            list.iter()
                .filter_map(|id| e.iter().find(|x| &x.partner == id).cloned())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h1>"Compare partners"</h1>
        <fieldset class="compare-pick">
            <legend>"Partners to compare"</legend>
            {move || choices().into_iter().map(|(id, name)| {
                let checked = ids.with(|l| l.contains(&id));
                let toggle = toggle.clone();
                view! { <label class="check"><input type="checkbox" prop:checked=checked
                    on:change:target=move |ev| toggle(id.clone(), ev.target().checked())/>" "{name}</label> }
            }).collect_view()}
        </fieldset>
        {move || {
            let evals = chosen.get();
            if evals.len() < 2 {
                return view! { <p>"Choose at least two partners."</p> }.into_any();
            }
            let axes: Vec<String> = evals[0].categories.iter().map(|c| c.name.to_string()).collect();
            let series: Vec<Series> = evals.iter().map(|e| Series { label: e.name.to_string(), values: e.categories.iter().map(|c| c.mean).collect() }).collect();
            let legend = evals.iter().enumerate().map(|(k, e)| view! { <li><span class=format!("swatch series-{}", k % 6)></span>{e.name.clone()}</li> }).collect_view();
            view! {
                <div class="compare-charts">
                    <Radar axes=axes.clone() series=series.clone() title="Category scores, overlaid"/>
                    <Bars axes=axes.clone() series title="Category scores side by side"/>
                </div>
                <ul class="legend">{legend}</ul>
                <table class="compare" data-testid="compare-table">
                    <thead><tr><th scope="col">""</th>
                        {evals.iter().map(|e| {
                            let (href, name) = (Page::Partner(e.partner.clone()).link(), e.name.clone());
                            view! { <th scope="col"><A href=href>{name}</A></th> }
                        }).collect_view()}
                    </tr></thead>
                    <tbody>
                        <tr><th scope="row">"Type"</th>{evals.iter().map(|e| view! { <td>{e.kind.label()}</td> }).collect_view()}</tr>
                        <tr><th scope="row">"Verdict"</th>{evals.iter().map(|e| view! { <td><VerdictBadge verdict=e.verdict/></td> }).collect_view()}</tr>
                        <tr><th scope="row">"Weighted score"</th>{evals.iter().map(|e| view! { <td class="num">{e.total.map(format_score).unwrap_or_else(|| "–".into())}</td> }).collect_view()}</tr>
                        {axes.iter().enumerate().map(|(i, a)| view! {
                            <tr><th scope="row">{a.clone()}</th>{evals.iter().map(|e| {
                                let c = &e.categories[i];
                                let gate = c.gate.map(|g| format!(" (gate {})", format_score(g))).unwrap_or_default();
                                view! { <td class="num">{c.mean.map(format_score).unwrap_or_else(|| "–".into())}{gate}</td> }
                            }).collect_view()}</tr>
                        }).collect_view()}
                        <tr><th scope="row">"Reasons"</th>{evals.iter().map(|e| view! { <td><Reasons evaluation=e.clone()/></td> }).collect_view()}</tr>
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}
