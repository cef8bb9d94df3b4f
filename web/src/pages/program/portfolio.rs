//! The 80/20 portfolio: concentration of partner revenue and sourced
//! pipeline (top 20 %, HHI, Pareto charts), each partner's tier with the
//! figures that put it there, and the inactive partners with the evidence
//! and a suggested exit.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::program::concentration::concentration;
use partnerfit_core::program::inactive::inactive;
use partnerfit_core::program::number::window_text;
use partnerfit_core::program::tiers::{tier_window, tiers};
use partnerfit_core::words::count;

use crate::clock;
use crate::components::pareto::ParetoChart;
use crate::routes::Page;
use crate::state::use_store;

#[component]
pub fn Concentration() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let k = Memo::new(move |_| store.with(|w| (concentration(w, today), w.profile.currency)));
    view! {
        {move || {
            let (k, c) = k.get();
            view! {
                <div data-testid="concentration">
                    <p class="hint">{k.window_text.clone()}</p>
                    <p><strong>{k.revenue.sentence.clone()}</strong></p>
                    <p>{k.pipeline.sentence.clone()}</p>
                </div>
                <div class="field-row">
                    <ParetoChart pareto=k.revenue what="Partner revenue won" currency=c/>
                    <ParetoChart pareto=k.pipeline what="Partner-sourced pipeline created" currency=c/>
                </div>
            }
        }}
    }
}

#[component]
pub fn TierPlacements() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let placed = Memo::new(move |_| {
        store.with(|w| {
            (
                tiers(w, today),
                window_text(&tier_window(w, today)),
                w.profile.currency,
            )
        })
    });
    view! {
        {move || {
            let (rows, window, c) = placed.get();
            if rows.is_empty() {
                return view! { <p class="hint">"No partner in pilot or active yet: tiers are measured on those."</p> }.into_any();
            }
            view! {
                <table class="metrics" data-testid="tier-placements">
                    <caption>{format!("Tiers measured over {window}")}</caption>
                    <thead><tr>
                        <th scope="col">"Partner"</th><th scope="col">"Tier"</th><th scope="col">"Sourced pipeline"</th>
                        <th scope="col">"Won"</th><th scope="col">"Win rate"</th><th scope="col">"Why not higher"</th>
                    </tr></thead>
                    <tbody>{rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">{r.name}</th>
                            <td>{r.tier_name}</td>
                            <td class="num">{r.figures.sourced.display(c)}</td>
                            <td class="num">{format!("{} ({})", r.figures.won.display(c), count(r.figures.won_deals as usize, "deal", "deals"))}</td>
                            <td class="num">{r.figures.win_rate.map(|x| x.percent_text()).unwrap_or_else(|| "–".into())}</td>
                            <td>{r.missed.join("; ")}</td>
                        </tr>
                    }).collect_view()}</tbody>
                </table>
            }.into_any()
        }}
        <p><A href=Page::TierSheet.link()>"The tier sheet for partners (print or Markdown) →"</A></p>
    }
}

#[component]
pub fn Inactive() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let list = Memo::new(move |_| store.with(|w| inactive(w, today)));
    view! {
        {move || {
            let list = list.get();
            if list.is_empty() {
                return view! { <p data-testid="inactive">"No inactive partner: every partner in pilot or active brought new pipeline within the window."</p> }.into_any();
            }
            view! {
                <ul data-testid="inactive">{list.into_iter().map(|p| {
                    use partnerfit_core::vocab::Vocabulary;
                    let href = Page::Partner(p.partner.clone()).link();
                    view! {
                        <li>
                            <a href=href>{p.name}</a>" — "{p.reason.label()}". "{p.suggestion}
                            <ul>{p.evidence.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                        </li>
                    }
                }).collect_view()}</ul>
            }.into_any()
        }}
    }
}
