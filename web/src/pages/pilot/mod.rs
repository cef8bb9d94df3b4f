//! Step 7: a partner's 60-day pilot. Starting it (against a "do not
//! onboard" verdict only with a reason), its setup, how it is going (the
//! day, the seed's three success criteria), its deals with their
//! qualification and next actions, the weekly review, and the decision:
//! expand, reset with fixes, or exit. Every figure is the core's
//! (`pilot::evaluate`, `recommend`, `review`).

mod deals;
mod decision;
mod review;
mod setup;

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::edit::pilot::{OVERRIDE_REASON, START};
use partnerfit_core::edit::{PartnerEdit, PilotEdit, TextKind};
use partnerfit_core::pilot::evaluate::evaluate;
use partnerfit_core::pilot::Pilot;
use partnerfit_core::scorecard::verdict::Verdict;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::clock;
use crate::components::fields::{DateField, TextField};
use crate::components::partner_route::PartnerRoute;
use crate::lens::{Binding, PartnerLens};
use crate::routes::Page;
use crate::state::{use_derived, use_store};

#[component]
pub fn PilotPage() -> impl IntoView {
    view! { <PartnerRoute page=|id| view! { <PilotView id/> }/> }
}

/// A change to the running pilot.
fn pilot_edit(e: PilotEdit) -> PartnerEdit {
    PartnerEdit::Pilot(e)
}

#[component]
fn PilotView(id: Id) -> impl IntoView {
    let lens = PartnerLens::new(use_store(), id.clone());
    let name = lens.memo(|p| p.name.clone());
    let running = lens.memo(|p| p.pilot().is_some_and(|x| x.decided.is_none()));
    let overridden = lens.memo(|p| p.verdict_override.clone().map(|o| (o.date, o.reason)));
    view! {
        <h1>"Pilot: "{name}</h1>
        <p><A href=Page::Partner(id.clone()).link()>"Back to the partner"</A>" · "
           <A href=Page::Overlap(id.clone()).link()>"Account mapping"</A>" · "
           <A href=Page::Motion(id.clone()).link()>"Rules of engagement"</A>" · "
           <A href=Page::Deals.link()>"Deals"</A></p>
        <p class="lede">"Prove the partner in 60 days before expanding: 20–50 accounts, two joint plays, targets, weekly reviews. If the pilot does not produce movement, do not expand."</p>
        {move || overridden.get().map(|(date, reason)| view! {
            <p class="override" data-testid="override">{format!("Going ahead against a \u{201c}do not onboard\u{201d} verdict since {date}: {reason}")}</p>
        })}
        {move || if running.get() {
            view! { <Running lens/> }.into_any()
        } else {
            view! { <Start lens/> }.into_any()
        }}
        <History lens/>
    }
}

/// Start a pilot: on a day; with a reason when the verdict says no.
#[component]
fn Start(lens: PartnerLens) -> impl IntoView {
    let derived = use_derived();
    let verdict = Memo::new(move |_| {
        let id = lens.id();
        derived
            .evaluations
            .with(|e| e.iter().find(|e| e.partner == id).map(|e| e.verdict))
    });
    let start = RwSignal::new(clock::today());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let go = move |_| {
        let r = reason.get_untracked();
        error.set(
            lens.apply(pilot_edit(PilotEdit::Start {
                start: start.get_untracked(),
                reason: (!r.trim().is_empty()).then_some(r),
            }))
            .err(),
        );
    };
    view! {
        <section class="pilot-start" aria-labelledby="pilot-start">
            <h2 id="pilot-start">"Start a pilot"</h2>
            {move || verdict.get().map(|v| view! { <p>"Verdict: "<strong>{v.label()}</strong></p> })}
            <DateField label=START binding={Binding::local(start)}/>
            {move || (verdict.get() == Some(Verdict::DoNotOnboard)).then(|| view! {
                <p class="warning">"The scorecard says not to onboard this partner. A pilot needs the reason to go ahead anyway; it is recorded and shown wherever the partner appears."</p>
                <TextField label=OVERRIDE_REASON kind=TextKind::Long binding=Binding::local(reason)/>
            })}
            <button type="button" on:click=go>"Start the 60-day pilot"</button>
            <span class="error" role="alert">{move || error.get()}</span>
        </section>
    }
}

/// The running pilot: how it is going, its setup, deals, review, decision.
#[component]
fn Running(lens: PartnerLens) -> impl IntoView {
    let today = clock::today();
    // How it is going, computed once per change for the whole page.
    let state = Memo::new(move |_| {
        lens.with_ws(|w, p| p.pilot().map(|x| evaluate(x, &w.pipeline, &p.id, today)))
            .flatten()
    });
    let dates = lens.memo(|p| p.pilot().map(|x| (x.start, x.end)));
    view! {
        <section class="pilot-state" aria-labelledby="pilot-state" data-testid="pilot-state">
            <h2 id="pilot-state">{move || state.get().map(|s| format!("How it is going: {}", s.day_text()))}</h2>
            <p class="hint">{move || dates.get().map(|(s, e)| format!("From {s} to {e}; judged on {today}."))}</p>
            <ul class="pilot-criteria">
                {move || state.get().map(|s| s.criteria().into_iter().map(|(c, status, text)| view! {
                    <li class=format!("status-{}", status.key()) data-testid="criterion">
                        <strong>{c.label()}</strong>" — "{text}
                    </li>
                }).collect_view())}
            </ul>
        </section>
        <setup::Setup lens/>
        <deals::PilotDeals lens today state/>
        <review::WeeklyReview lens today/>
        <decision::Decision lens state/>
    }
}

/// Earlier pilots and their decisions.
#[component]
fn History(lens: PartnerLens) -> impl IntoView {
    let past = lens.memo(|p| {
        p.pilots
            .iter()
            .filter_map(|x: &Pilot| {
                x.decided.as_ref().map(|d| {
                    format!(
                        "{} – {}: {} on {} — {}",
                        x.start,
                        x.end,
                        d.decision.label(),
                        d.date,
                        d.reason
                    )
                })
            })
            .collect::<Vec<_>>()
    });
    view! {
        {move || {
            let past = past.get();
            (!past.is_empty()).then(|| view! {
                <section aria-labelledby="pilot-history"><h2 id="pilot-history">"Decided pilots"</h2>
                    <ul data-testid="pilot-history">{past.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </section>
            })
        }}
    }
}
