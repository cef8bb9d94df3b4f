//! The pilot's deals: each judged against the motion's definition of
//! qualified (shown beside them), its stage, and its next actions with
//! their owner side; the pilot account each deal is on, by the account
//! mapping's matching.

use std::borrow::Cow;
use std::collections::BTreeMap;

use leptos::prelude::*;
use partnerfit_core::pilot::evaluate::PilotState;
use partnerfit_core::pipeline::Side;
use partnerfit_core::words::count;
use partnerfit_core::{Date, Id};

use crate::components::deal_row::{DealLens, NextActions, QualifiedSelect, StageSelect};
use crate::lens::PartnerLens;
use crate::worker::client::{Event, Flow, Job};
use crate::worker::protocol::{FromWorker, ToWorker};

#[component]
pub fn PilotDeals(
    lens: PartnerLens,
    today: Date,
    /// How the pilot is going (the page's): its deals.
    state: Memo<Option<PilotState>>,
) -> impl IntoView {
    let store = lens.store();
    let ids = Memo::new(move |_| {
        state.with(|s| {
            s.as_ref()
                .map(|s| s.deals.iter().map(|o| o.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let qualified = lens.memo(|p| p.motion.qualified.clone());
    // The definition again beside each judgment, on one line.
    let qualified_line = Memo::new(move |_| {
        qualified.with(|q| {
            if q.is_empty() {
                "\u{201c}Qualified\u{201d} is not defined in the rules of engagement yet."
                    .to_owned()
            } else {
                format!("Qualified means: {}.", q.join("; "))
            }
        })
    });
    // Which pilot account each deal is on, by the account mapping's
    // matching; matched again only when the accounts or the deals'
    // companies change.
    let companies = Memo::new(move |_| {
        state.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.deals
                        .iter()
                        .map(|o| (o.id.clone(), o.account.clone(), o.domain.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let accounts = lens.memo(|p| p.pilot().map(|x| x.accounts.clone()).unwrap_or_default());
    // Linked in the background worker (which has the suffix list and the
    // matcher); asked again when the accounts or the deals' companies change.
    let on_accounts: RwSignal<Option<BTreeMap<Id, Option<String>>>> = RwSignal::new(None);
    let link_problem = RwSignal::new(None::<String>);
    let asked: StoredValue<Option<Job>> = StoredValue::new(None);
    let forget = move || {
        if let Some(job) = asked.try_update_value(Option::take).flatten() {
            job.finish();
        }
    };
    on_cleanup(forget);
    Effect::new(move |_| {
        let deals = companies.get();
        let accounts = accounts.get();
        forget();
        on_accounts.set(None);
        link_problem.set(None);
        let names: Vec<String> = accounts.iter().map(|a| a.name.clone()).collect();
        let ids: Vec<Id> = deals.iter().map(|(id, _, _)| id.clone()).collect();
        let job = Job::start(move |e| {
            match e {
                Event::Reply(FromWorker::DealsLinked { links, .. }, _) => {
                    let linked = ids
                        .iter()
                        .zip(links)
                        .map(|(id, l)| (id.clone(), l.and_then(|i| names.get(i).cloned())))
                        .collect();
                    on_accounts.try_set(Some(linked));
                }
                Event::Reply(FromWorker::Failed { message, .. }, _) | Event::Stopped(message) => {
                    link_problem.try_set(Some(format!(
                        "The deals could not be matched to the pilot's accounts: {message}"
                    )));
                }
                Event::Reply(..) => return Flow::More,
            }
            Flow::Done
        });
        let job = match job {
            Ok(job) => job,
            Err(e) => {
                link_problem.set(Some(e));
                return;
            }
        };
        asked.set_value(Some(job));
        let pair = |a: &str, b: &str| [Cow::Owned(a.to_owned()), Cow::Owned(b.to_owned())];
        let sent = job.send(&ToWorker::LinkDeals {
            job: job.id(),
            accounts: accounts.iter().map(|a| pair(&a.name, &a.domain)).collect(),
            companies: deals.iter().map(|(_, c, d)| pair(c, d)).collect(),
        });
        if let Err(e) = sent {
            link_problem.set(Some(e));
        }
    });
    let on_count = move || {
        on_accounts.with(|m| {
            m.as_ref().map(|m| {
                format!(
                    "{} of {} on the pilot's accounts.",
                    m.values().filter(|a| a.is_some()).count(),
                    count(m.len(), "deal", "deals")
                )
            })
        })
    };
    view! {
        <section class="pilot-deals" aria-labelledby="pilot-deals" data-testid="pilot-deals">
            <h2 id="pilot-deals">{move || format!("The pilot's deals ({})", ids.with(Vec::len))}</h2>
            <div class="qualified-definition" data-testid="qualified-definition">
                <h3>"\u{201c}Qualified\u{201d}, as the rules of engagement define it"</h3>
                {move || {
                    let q = qualified.get();
                    if q.is_empty() {
                        view! { <p class="warning">"The rules of engagement do not say yet what a qualified opportunity is: write it on the Rules of engagement page."</p> }.into_any()
                    } else {
                        view! { <ul>{q.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                    }
                }}
            </div>
            <p data-testid="deals-on-accounts">{on_count}</p>
            {move || link_problem.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || ids.with(Vec::is_empty).then(|| view! {
                <p>"No deal is attributed to this partner yet: take in a CRM export on the Deals page, or add one by hand."</p>
            })}
            <For each=move || ids.get() key=|id| id.clone() let:id>
                {
                    let deal = DealLens::new(store, id.clone());
                    let account = move || on_accounts.with(|m| m.as_ref().and_then(|m| m.get(&id).cloned()).map(|a| match a {
                        Some(n) => format!(" · on the pilot account {n}"),
                        None => " · not on a pilot account".to_owned(),
                    }));
                    // Only the name and company re-render the article; the
                    // stage line and the controls follow on their own.
                    let head = deal.memo(|o| Some((o.name.clone(), o.account.clone())));
                    let stage = deal.memo(move |o| o.stage_text(today));
                    let account_line = Signal::derive(account);
                    move || head.get().map(|(name, account)| view! {
                        <article class="pilot-deal" data-testid="pilot-deal">
                            <h3>{name.clone()}<span class="hint">{format!(" · {account} · ")}{move || stage.get()}{account_line}</span></h3>
                            <div class="field-row">
                                <StageSelect deal label=format!("Stage of {name}")/>
                                <QualifiedSelect deal label=format!("Is {name} qualified?")/>
                            </div>
                            <p class="hint" data-testid="qualified-means">{move || qualified_line.get()}</p>
                            <LazyActions deal name=name.clone()/>
                        </article>
                    })
                }
            </For>
        </section>
    }
}

/// A deal's next actions, in a disclosure that builds its editor only
/// while open (a pilot of 200 deals keeps a small page).
#[component]
fn LazyActions(deal: DealLens, name: String) -> impl IntoView {
    let open = RwSignal::new(false);
    let summary = deal.memo(|o| {
        let partner = o
            .next_actions
            .iter()
            .filter(|a| a.owner == Side::Partner)
            .count();
        format!(
            "Next actions ({}, {partner} the partner's)",
            o.next_actions.len()
        )
    });
    view! {
        <details on:toggle:target=move |ev| open.set(ev.target().open())>
            <summary>{move || summary.get()}</summary>
            {move || open.get().then(|| view! { <NextActions deal name=name.clone()/> })}
        </details>
    }
}
