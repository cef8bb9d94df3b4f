//! The pipeline: deals taken in from CRM exports or entered by hand, their
//! stage, attribution and amount, and the days a deal is expected to spend
//! in each stage (the weekly review flags deals stuck past them).

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::edit::pipeline::{OpportunityText, AMOUNT, EXPECTED_DAYS, PARTNER};
use partnerfit_core::edit::{Edit, PipelineEdit};
use partnerfit_core::input;
use partnerfit_core::pipeline::{Attribution, DealKind, Opportunity, Stage, StageEntry};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::count;
use partnerfit_core::{Id, Money};

use crate::clock;
use crate::components::deal_import::DealImport;
use crate::components::deal_row::{DealEditor, DealLens, StageSelect};
use crate::components::fields::{next_id, MoneyField, ParsedInput, TextField};
use crate::lens::Binding;
use crate::routes::Page;
use crate::state::{use_store, Store};

/// Deals shown at first, and added by each "Show more" (the newest
/// first): 25 rows render in one short task (50 took 35 ms after taking
/// 100,000 deals in, on a slow machine).
const PAGE: usize = 25;

#[component]
pub fn DealsPage() -> impl IntoView {
    let store = use_store();
    let total = Memo::new(move |_| store.with(|w| w.pipeline.opportunities.len()));
    view! {
        <h1>"Deals"</h1>
        <p class="lede">"The pipeline partners are judged on: take in your CRM's deal export each week (a later export updates the deals it already holds and records how they moved), or enter deals by hand."</p>
        <section aria-labelledby="deals-import"><h2 id="deals-import">"Take in a CRM export"</h2><DealImport/><Exports store/></section>
        <section aria-labelledby="deals-list">
            <h2 id="deals-list">{move || format!("The pipeline: {}", count(total.get(), "deal", "deals"))}</h2>
            <DealsTable store/>
            <AddDeal store/>
        </section>
        <section aria-labelledby="deals-days"><h2 id="deals-days">"Expected days per stage"</h2>
            <p class="hint">"A deal longer than this in a stage is stuck: the weekly review of a pilot lists it."</p>
            <div class="field-row">{Stage::OPEN.iter().map(|s| view! { <ExpectedDays store stage=*s/> }).collect_view()}</div>
        </section>
    }
}

/// The exports taken in so far, newest first.
#[component]
fn Exports(store: Store) -> impl IntoView {
    let taken = Memo::new(move |_| {
        store.with(|w| {
            w.pipeline
                .imports
                .iter()
                .rev()
                .map(|t| {
                    format!(
                        "{} ({}): {} new, {} updated, {} unchanged",
                        t.file_name, t.date, t.created, t.updated, t.unchanged
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        let t = taken.get();
        (!t.is_empty()).then(|| view! {
            <details><summary>{format!("Exports taken in ({})", t.len())}</summary>
                <ul data-testid="exports-taken">{t.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
            </details>
        })
    }
}

#[component]
fn ExpectedDays(store: Store, stage: Stage) -> impl IntoView {
    let binding = Binding::of(
        store,
        move |w| w.pipeline.expected(stage),
        move |d: u16| Edit::Pipeline(PipelineEdit::ExpectedDays(stage, Some(d))),
    );
    view! {
        <ParsedInput label=format!("{EXPECTED_DAYS}: {}", stage.label()) binding inputmode="numeric"
            show={|d: u16| d.to_string()}
            parse={|s: String| input::whole(&s, 0, 3650).map(|d| d as u16).map_err(|e| e.to_string())}/>
    }
}

/// The newest deals, each with its stage to change and a remove button.
#[component]
fn DealsTable(store: Store) -> impl IntoView {
    // The newest deals: picked without sorting the whole pipeline, and
    // only their ids copied, each with its place (where its row looks
    // first).
    let shown = RwSignal::new(PAGE);
    let total = Memo::new(move |_| store.with(|w| w.pipeline.opportunities.len()));
    let rows = Memo::new(move |_| {
        let shown = shown.get();
        store.with(|w| {
            let deals = &w.pipeline.opportunities;
            let mut at: Vec<(std::cmp::Reverse<partnerfit_core::Date>, usize)> = deals
                .iter()
                .enumerate()
                .map(|(i, o)| (std::cmp::Reverse(o.created), i))
                .collect();
            if at.len() > shown {
                at.select_nth_unstable(shown);
                at.truncate(shown);
            }
            at.sort_unstable();
            at.into_iter()
                .map(|(_, i)| (deals[i].id.clone(), i))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <table class="deals" data-testid="deals">
            <thead><tr><th scope="col">"Deal"</th><th scope="col">"Company"</th><th scope="col">"Whose"</th><th scope="col">"Stage"</th><th scope="col">"Amount"</th><th scope="col">"Created"</th><th scope="col"><span class="visually-hidden">"Edit or remove"</span></th></tr></thead>
            <tbody>
                <For each=move || rows.get() key=|(id, _)| id.clone() let:((id, at))>
                    <DealTableRow store id at/>
                </For>
            </tbody>
        </table>
        {move || {
            let (now, all) = (rows.with(Vec::len), total.get());
            (all > now).then(|| view! {
                <p class="hint">{format!("The newest {now} of {}.", count(all, "deal", "deals"))}
                    " "<button type="button" class="link" on:click=move |_| shown.update(|n| *n += PAGE)>{format!("Show {} more", PAGE.min(all - now))}</button></p>
            })
        }}
    }
}

#[component]
fn DealTableRow(store: Store, id: Id, at: usize) -> impl IntoView {
    let deal = DealLens::at(store, id.clone(), at);
    // The row re-renders only when its name, id or company change; the
    // stage, whose deal it is and the amount follow on their own.
    let head = deal.memo(|o| {
        Some((
            o.name.clone(),
            o.crm_id.clone(),
            o.account.clone(),
            o.created,
        ))
    });
    let whose = deal.memo(move |o| match &o.partner {
        Some(p) => format!(
            "{} ({})",
            o.attribution.label(),
            store.with(|w| w.partner(p).map(|p| p.name.clone()).unwrap_or_default())
        ),
        None => o.attribution.label().to_owned(),
    });
    let today = clock::today();
    let stage = deal.memo(move |o| o.stage_text(today));
    let amount = deal.memo(move |o| o.amount.display(store.with(|w| w.profile.currency)));
    let error = RwSignal::new(None::<String>);
    // The editor is made when it is opened: 200 rows of closed editors
    // were most of the table's rendering.
    let editing = RwSignal::new(false);
    let remove = move |_| {
        error.set(
            store
                .commit(Edit::Pipeline(PipelineEdit::Remove(id.clone())))
                .err(),
        )
    };
    move || {
        head.get().map(|(name, crm_id, account, created)| {
            let editor_name = name.clone();
            view! {
                <tr data-testid="deal">
                    <th scope="row">{name.clone()}<span class="hint">{(!crm_id.is_empty()).then(|| format!(" · {crm_id}"))}</span></th>
                    <td>{account}</td>
                    <td>{move || whose.get()}</td>
                    <td><StageSelect deal label=format!("Stage of {name}")/><span class="hint">{move || stage.get()}</span></td>
                    <td class="num">{move || amount.get()}</td>
                    <td>{created.to_string()}</td>
                    <td><details class="deal-edit" on:toggle:target=move |ev| editing.set(ev.target().open())><summary aria-label=format!("Edit the deal {name}")>"Edit"</summary>
                        {move || editing.get().then(|| view! { <DealEditor deal name=editor_name.clone()/> })}</details>
                        <button type="button" class="link" aria-label=format!("Remove the deal {name}") on:click=remove.clone()>"Remove"</button>
                        <span class="error" aria-live="polite">{move || error.get()}</span></td>
                </tr>
            }
        })
    }
}

/// A deal entered by hand: name, company, amount, whose.
#[component]
fn AddDeal(store: Store) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let account = RwSignal::new(String::new());
    let amount = RwSignal::new(Money(0));
    let partner = RwSignal::new(String::new());
    let attribution = RwSignal::new(Attribution::Sourced);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let partners = Memo::new(move |_| {
        store.with(|w| {
            w.partners
                .iter()
                .filter(|p| !p.archived)
                .map(|p| (p.id.to_string(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let today = clock::today();
        let chosen = Id::parse(&partner.get_untracked()).ok();
        let a = if chosen.is_none() {
            Attribution::Direct
        } else {
            attribution.get_untracked()
        };
        let id = store.with_untracked(|w| {
            Id::fresh(
                "opp",
                clock::entropy(),
                w.pipeline.opportunities.iter().map(|o| &o.id),
            )
        });
        let deal = Opportunity {
            id,
            crm_id: String::new(),
            name: name.get_untracked(),
            account: account.get_untracked(),
            domain: String::new(),
            partner: chosen,
            partner_text: String::new(),
            source: String::new(),
            attribution: a,
            kind: DealKind::New,
            amount: amount.get_untracked(),
            created: today,
            close: None,
            history: vec![StageEntry {
                stage: Stage::Qualification,
                date: today,
            }],
            qualified: None,
            next_actions: Vec::new(),
        };
        let label = deal.name.clone();
        match store.commit(Edit::Pipeline(PipelineEdit::Add(deal))) {
            Ok(()) => {
                error.set(None);
                done.set(Some(format!("Added {label}.")));
                name.set(String::new());
                account.set(String::new());
            }
            Err(e) => {
                done.set(None);
                error.set(Some(e));
            }
        }
    };
    let partner_id = next_id();
    let attribution_id = next_id();
    view! {
        <fieldset class="add-deal" data-testid="add-deal">
            <legend>"Add a deal by hand"</legend>
            <TextField label=OpportunityText::Name.label() binding=Binding::local(name)/>
            <TextField label=OpportunityText::Account.label() binding=Binding::local(account)/>
            <MoneyField label=AMOUNT binding=Binding::local(amount)/>
            <div class="field">
                <label class="label" for=partner_id.clone()>{PARTNER}</label>
                <select id=partner_id on:change:target=move |ev| partner.set(ev.target().value())>
                    <option value="">"None (a direct deal)"</option>
                    {move || partners.get().into_iter().map(|(id, n)| view! { <option value=id>{n}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="label" for=attribution_id.clone()>"Partner's part"</label>
                <select id=attribution_id on:change:target=move |ev| if let Some(a) = Attribution::from_key(&ev.target().value()) { attribution.set(a) }>
                    <option value=Attribution::Sourced.key()>{Attribution::Sourced.label()}</option>
                    <option value=Attribution::Influenced.key()>{Attribution::Influenced.label()}</option>
                </select>
            </div>
            <button type="button" on:click=add>"Add the deal"</button>
            <span class="error" role="alert">{move || error.get()}</span>
            <span class="ok" role="status">{move || done.get()}</span>
            <p class="hint">"Deals start in qualification today; move them from the table. Pilots are on each partner's "<A href=Page::Partners.link()>"page"</A>"."</p>
        </fieldset>
    }
}
