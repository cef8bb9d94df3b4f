//! Governance: the metrics that keep a partner program out of "partner
//! theater" — pipeline created, progression and win rate, cycle time
//! against direct, retention of partner-influenced accounts, and each
//! partner's incentive plan against what its deals show. Every figure is
//! the core's `governance::report`, computed once per change of the
//! workspace or of the controls; the window, the period and who is shown
//! are kept on the page, not in the workspace.

mod figures;
mod plan;
mod views;

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::governance::{report, Period, Window};
use partnerfit_core::incentives::model::deals_text;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::capitalised;
use partnerfit_core::{Date, Id};

use crate::clock::today;
use crate::components::fields::{next_id, Choice, ParsedInput};
use crate::lens::Binding;
use crate::routes::Page;
use crate::state::use_store;

/// From the day after the same day a year ago to `today` (365 days).
fn last_twelve_months(today: Date) -> Window {
    Window::new(today.add_days(-364), today)
}

#[component]
pub fn MetricsPage() -> impl IntoView {
    let store = use_store();
    let empty = Memo::new(move |_| store.with(|w| w.pipeline.opportunities.is_empty()));
    view! {
        <h1>"Metrics"</h1>
        <p class="lede">"Metrics that prevent vanity activity: partner-sourced pipeline created, progression and win rate, deal cycle time against direct deals, and retention and expansion in partner-influenced accounts — with each partner's incentive plan checked against what its deals show."</p>
        {move || if empty.get() { view! { <EmptyState/> }.into_any() } else { view! { <Metrics/> }.into_any() }}
    }
}

/// No deals yet: where they come from.
#[component]
fn EmptyState() -> impl IntoView {
    view! {
        <section class="metrics-empty callout" data-testid="metrics-empty">
            <h2>"No deals yet"</h2>
            <p>"The metrics are read from your pipeline: the deals your CRM holds, each marked partner-sourced, partner-influenced or direct. Take in a CRM export of your deals on the Deals page, and pipeline, progression, cycle time, retention and each partner's plan against actual appear here."</p>
            <p><A href=Page::Deals.link()>"Take in your deals"</A></p>
        </section>
    }
}

/// A date control kept on the page: empty until the user types (`None`:
/// the default window's day shows).
fn date_field(
    label: &'static str,
    value: RwSignal<Option<Date>>,
    default: Signal<Date>,
) -> impl IntoView {
    view! {
        <ParsedInput label=label.to_owned() binding=Binding::local(value) hint="YYYY-MM-DD"
            show={move |d: Option<Date>| d.unwrap_or_else(|| default.get()).to_string()}
            parse={|s: String| Date::parse(s.trim()).map(Some).map_err(|e| format!("{}.", capitalised(&e.to_string())))}/>
    }
}

/// The controls and the report.
#[component]
fn Metrics() -> impl IntoView {
    let store = use_store();
    let today = today();
    let default = Memo::new(move |_| {
        store
            .with(|w| Window::of_pipeline(&w.pipeline))
            .unwrap_or_else(|| last_twelve_months(today))
    });
    let from = RwSignal::new(None::<Date>);
    let to = RwSignal::new(None::<Date>);
    let period = RwSignal::new(Period::Month);
    let shown = RwSignal::new(None::<Id>);
    let window = Memo::new(move |_| {
        let d = default.get();
        Window::new(from.get().unwrap_or(d.from), to.get().unwrap_or(d.to))
    });
    let metrics = Memo::new(move |_| {
        let w = window.get();
        (w.from <= w.to).then(|| store.with(|ws| report(ws, w, period.get())))
    });
    // Partners with deals of any date, to show one of them.
    let partners = Memo::new(move |_| {
        store.with(|w| {
            w.partners
                .iter()
                .filter(|p| w.pipeline.of_partner(&p.id).next().is_some())
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let show_id = next_id();
    view! {
        <form class="filters metrics-controls" on:submit=|ev| ev.prevent_default()>
            {date_field("From", from, Signal::derive(move || default.get().from))}
            {date_field("To", to, Signal::derive(move || default.get().to))}
            <Choice label="Period" binding=Binding::local(period)/>
            <div class="field">
                <label class="label" for=show_id.clone()>"Show"</label>
                <select id=show_id on:change:target=move |ev| shown.set(Id::parse(&ev.target().value()).ok())>
                    <option value="" selected=move || shown.get().is_none()>"The whole program"</option>
                    {move || partners.get().into_iter().map(|(id, name)| {
                        let selected = shown.get().as_ref() == Some(&id);
                        view! { <option value=id.to_string() selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
        </form>
        {move || match metrics.get() {
            None => {
                let w = window.get();
                view! { <p class="error" role="alert" data-testid="window-error">{format!(
                    "From ({}) is after To ({}): the window holds no day. Choose a From date on or before the To date.",
                    w.from, w.to
                )}</p> }.into_any()
            }
            Some(r) => {
                let heading = format!(
                    "{} to {}, by {} ({} quarters)",
                    r.window.from, r.window.to, r.period.label().to_lowercase(), deals_text(r.quarters_milli)
                );
                let partner = shown.get().and_then(|id| r.partners.iter().find(|p| p.id == id).cloned());
                view! {
                    <p class="metrics-window" data-testid="metrics-window">{heading}</p>
                    {match partner {
                        Some(p) => view! { <views::PartnerView report=r partner=p/> }.into_any(),
                        None => view! { <views::ProgramView report=r/> }.into_any(),
                    }}
                }.into_any()
            }
        }}
    }
}
