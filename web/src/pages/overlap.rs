//! One partner's account mapping (step 4): their lists, the overlap matrix
//! with the accounts behind each cell, match decisions, healthy and risky
//! signals, the assessment that feeds the verdict, and the pilot's account map;
//! the matched accounts and the account map download as CSV
//! (`overlap::export`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::edit::overlap::{self, MappedField};
use partnerfit_core::edit::{OverlapEdit, PartnerEdit, PilotEdit, TextKind};
use partnerfit_core::overlap::account::ListOwner;
use partnerfit_core::overlap::assessment::{MappedAccount, Measured, Method, Signal, MAP_TARGET};
use partnerfit_core::overlap::cells::{behind, Cell};
use partnerfit_core::overlap::export;
use partnerfit_core::overlap::figures::{decide_with, figures, Decided, Decision, Figures};
use partnerfit_core::overlap::population::Population;
use partnerfit_core::pilot::{AccountSource, PilotAccount};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::count;
use partnerfit_core::Id;

use crate::clock;
use crate::components::account_lists::AccountLists;
use crate::components::fields::{Check, TextField};
use crate::components::list_editor::ListEditor;
use crate::components::list_import::ListImport;
use crate::components::partner_route::PartnerRoute;
use crate::components::private_compare::PrivateCompare;
use crate::lens::{account_lists, PartnerLens};
use crate::overlap_run::{Outcome, RunState, Runner};
use crate::routes::Page;
use crate::state::use_store;

#[component]
pub fn OverlapPage() -> impl IntoView {
    view! { <PartnerRoute page=|id| view! { <OverlapView id/> }/> }
}

#[component]
fn OverlapView(id: Id) -> impl IntoView {
    let lens = PartnerLens::new(use_store(), id.clone());
    let store = lens.store();
    let runner = Runner::new();
    on_cleanup(move || runner.cancel());
    let (i2, i3) = (id.clone(), id.clone());
    let name = lens.memo(|p| p.name.clone());
    // What the run depends on: the lists on both sides.
    let signature = account_lists(store, move |o| {
        *o == ListOwner::Ours || *o == ListOwner::Partner(i2.clone())
    });
    let sides = Memo::new(move |_| {
        store.with(|w| {
            (
                w.lists_of(&ListOwner::Ours).count(),
                w.lists_of(&ListOwner::Partner(i3.clone())).count(),
            )
        })
    });
    // Match (in the background worker) whenever the lists change.
    let run_id = id.clone();
    Effect::new(move |_| {
        signature.track();
        let (o, t) = sides.get();
        if o > 0 && t > 0 {
            runner.start(store, &run_id);
        } else {
            runner.cancel();
            runner.outcome.set(None);
        }
    });
    let partner_link = Page::Partner(id.clone()).link();
    view! {
        <h1>"Account mapping: "{name}</h1>
        <p><A href=partner_link>"Back to the partner"</A>" · "<A href=Page::Accounts.link()>"Our accounts"</A></p>
        <AssessmentPanel lens/>
        <section aria-labelledby="their-lists">
            <h2 id="their-lists">"Their accounts"</h2>
            <AccountLists owner=ListOwner::Partner(id.clone())/>
            <ListImport owner=ListOwner::Partner(id.clone()) label="Import their accounts (CSV)"/>
        </section>
        <section aria-labelledby="overlap-title">
            <h2 id="overlap-title">"Overlap"</h2>
            {move || {
                let (o, t) = sides.get();
                if o == 0 {
                    return view! { <p>"Import our accounts first: "<A href=Page::Accounts.link()>"Accounts"</A>"."</p> }.into_any();
                }
                if t == 0 {
                    return view! { <p>"Import their accounts above to see the overlap."</p> }.into_any();
                }
                view! { <Results lens runner store id=id.clone()/> }.into_any()
            }}
        </section>
        <PrivateCompare lens/>
        <Signals lens/>
        <AccountMap lens/>
    }
}

/// The assessment and its reasons.
#[component]
fn AssessmentPanel(lens: PartnerLens) -> impl IntoView {
    let a = move || lens.with(|p| p.overlap.assess());
    view! {
        <section class="verdict-panel" data-testid="overlap-assessment" aria-label="Overlap assessment">
            {move || a().map(|(a, reasons)| view! {
                <p><strong>{a.label()}</strong>" — fed into the partner's verdict."</p>
                <ul class="reasons">{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            })}
        </section>
    }
}

/// Matching progress, the matrix, and the accounts behind a cell.
#[component]
fn Results(lens: PartnerLens, runner: Runner, store: crate::state::Store, id: Id) -> impl IntoView {
    let open: RwSignal<Option<Cell>> = RwSignal::new(None);
    let error = RwSignal::new(None::<String>);
    let decisions = lens.memo(|p| p.overlap.decisions.clone());
    // Decisions applied to the run's pairs, and the figures.
    let decided = Memo::new(move |_| {
        runner.outcome.with(|o| {
            o.as_ref().map(|o| {
                let d = decisions.with(|ds| {
                    decide_with(
                        &o.pairs,
                        |i| &o.ours_ids[i as usize],
                        |j| &o.theirs_ids[j as usize],
                        ds,
                    )
                });
                let ours: Vec<_> = o.ours.iter().collect();
                let theirs: Vec<_> = o.theirs.iter().collect();
                let f = figures(&ours, &theirs, &d);
                (Arc::new(d), f)
            })
        })
    });
    let record = move |_| {
        let (Some((_, f)), Some(o)) = (decided.get_untracked(), runner.outcome.get_untracked())
        else {
            return;
        };
        let measured = Measured {
            date: clock::today(),
            method: Method::Matching,
            ours_lists: o.ours_lists.clone(),
            theirs_lists: o.theirs_lists.clone(),
            figures: f,
        };
        error.set(
            lens.apply(PartnerEdit::Overlap(OverlapEdit::Measured(Some(measured))))
                .err(),
        );
    };
    let stored = lens.memo(|p| p.overlap.measured.clone());
    view! {
        {move || match runner.state.get() {
            RunState::Running(what, f) => view! {
                <p role="status" class="progress">
                    <label>{what}" "<progress max="1" value=f></progress></label>
                    {format!(" {:.0}% ", f * 100.0)}
                    <button type="button" on:click=move |_| runner.cancel()>"Cancel matching"</button>
                </p>
            }.into_any(),
            RunState::Cancelled => view! {
                <p role="status">"Matching cancelled. "
                    <button type="button" on:click={let id = id.clone(); move |_| runner.start(store, &id)}>"Match again"</button></p>
            }.into_any(),
            RunState::Failed(e) => view! {
                <p class="error" role="alert">{e}" "
                    <button type="button" on:click={let id = id.clone(); move |_| runner.start(store, &id)}>"Match again"</button></p>
            }.into_any(),
            RunState::Idle => ().into_any(),
        }}
        {move || decided.get().map(|(d, f)| {
            let outcome = runner.outcome.get().expect("figures come from an outcome");
            let took = outcome.took_ms;
            let current = stored.get().is_some_and(|m| m.figures == f && m.ours_lists == outcome.ours_lists && m.theirs_lists == outcome.theirs_lists);
            view! {
                <p class="hint">{format!(
                    "{} of ours and {} of theirs matched in {:.0} ms: {}, {} confirmed.",
                    count(outcome.ours.len(), "account", "accounts"), count(outcome.theirs.len(), "account", "accounts"),
                    took, count(f.matches, "match", "matches"), f.confirmed
                )}</p>
                <Matrix figures=f.clone() open/>
                <div class="actions">
                    {if current {
                        view! { <span class="ok">"These figures are the ones the verdict uses."</span> }.into_any()
                    } else {
                        view! { <button type="button" on:click=record>"Use these figures in the verdict"</button>
                            {stored.get().map(|m| view! { <span class="hint">{format!(" The verdict uses figures measured on {} from other lists or decisions.", m.date)}</span> })}
                        }.into_any()
                    }}
                    <span class="error" aria-live="polite">{move || error.get()}</span>
                </div>
                <MatchedDownload lens outcome=outcome.clone() decided=d.clone() matches=f.matches/>
                {move || open.get().map(|cell| view! { <CellAccounts lens cell outcome=outcome.clone() decided=d.clone()/> })}
            }
        })}
    }
}

/// The matched accounts (rejected matches left out) as a CSV file for the CRM.
#[component]
fn MatchedDownload(
    lens: PartnerLens,
    outcome: Arc<Outcome>,
    decided: Arc<Vec<Decided>>,
    /// The matches the file holds (the matrix's count).
    matches: usize,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let download = move |_| {
        let ours: Vec<_> = outcome.ours.iter().collect();
        let theirs: Vec<_> = outcome.theirs.iter().collect();
        let bytes = export::matched_accounts(&ours, &theirs, &decided);
        let partner = lens.with(|p| p.name.clone()).unwrap_or_default();
        let name = export::file_name(&partner, "matched-accounts", clock::today());
        error.set(crate::files::download_bytes(&name, "text/csv", &bytes).err());
    };
    view! {
        <p class="actions">
            <button type="button" data-testid="download-matched" on:click=download disabled=matches == 0
                aria-label=format!("Download the matched accounts as CSV ({})", count(matches, "match", "matches"))>
                "Download the matched accounts (CSV)"
            </button>
            <span class="hint">" One row per match kept: our account, theirs, how they matched, populations; for re-import into the CRM."</span>
            <span class="error" role="alert">{move || error.get()}</span>
        </p>
    }
}

/// "customers", "open opportunities"…
fn lower(p: Population) -> String {
    p.label().to_lowercase()
}

/// The matrix: our populations × theirs, and greenfield.
#[component]
fn Matrix(figures: Figures, open: RwSignal<Option<Cell>>) -> impl IntoView {
    let pops = Population::ALL;
    let cell = move |c: Cell, n: usize, what: String| {
        view! {
            <td class="num">
                <button type="button" class="cell" aria-label=format!("{what}: {}", count(n, "account", "accounts"))
                    aria-pressed=move || (open.get() == Some(c)).to_string()
                    on:click=move |_| open.set(Some(c))>{n}</button>
            </td>
        }
    };
    view! {
        <table class="matrix" data-testid="overlap-matrix">
            <caption>"Their accounts (columns) that are in our lists (rows). Choose a number to see the accounts."</caption>
            <thead><tr><th scope="col">"Ours \\ theirs"</th>
                {pops.iter().map(|p| view! { <th scope="col">{p.label()}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {pops.iter().enumerate().map(|(i, op)| view! {
                    <tr><th scope="row">{op.label()}</th>
                        {pops.iter().enumerate().map(|(j, tp)| cell(Cell::Shared { ours: i, theirs: j }, figures.cells[i][j],
                            format!("Our {} × their {}", lower(*op), lower(*tp)))).collect_view()}
                    </tr>
                }).collect_view()}
                <tr class="greenfield"><th scope="row">"Greenfield (not in ours)"</th>
                    {pops.iter().enumerate().map(|(j, tp)| cell(Cell::Greenfield { theirs: j }, figures.greenfield[j],
                        format!("Greenfield {}", lower(*tp)))).collect_view()}
                </tr>
                <tr><th scope="row">"Their total"</th>
                    {figures.theirs_total.iter().map(|n| view! { <td class="num">{*n}</td> }).collect_view()}
                </tr>
            </tbody>
        </table>
    }
}

/// How many rows behind a cell are shown at most.
const SHOWN: usize = 500;

/// The accounts behind one cell, counted as the matrix counts them, with a
/// decision per match.
#[component]
fn CellAccounts(
    lens: PartnerLens,
    cell: Cell,
    outcome: Arc<Outcome>,
    decided: Arc<Vec<Decided>>,
) -> impl IntoView {
    let title = match cell {
        Cell::Shared { ours, theirs } => format!(
            "Our {} × their {}",
            lower(Population::ALL[ours]),
            lower(Population::ALL[theirs])
        ),
        Cell::Greenfield { theirs } => format!(
            "Greenfield: their {} not in our lists",
            lower(Population::ALL[theirs])
        ),
    };
    let ours: Vec<_> = outcome.ours.iter().collect();
    let theirs: Vec<_> = outcome.theirs.iter().collect();
    let rows = behind(cell, &ours, &theirs, &decided);
    let total = rows.len();
    let error = RwSignal::new(None::<String>);
    let body = match cell {
        Cell::Greenfield { .. } => {
            let rows = rows.iter().take(SHOWN).map(|r| {
                let a = &outcome.theirs[r.theirs as usize];
                let account = PilotAccount { name: a.name.clone(), domain: a.domain.clone(), source: AccountSource::Greenfield };
                view! { <tr><td>{a.name.clone()}</td><td>{a.domain.clone()}</td><td class="num">{a.line}</td>
                    <td><AddToPilot lens account error/></td></tr> }
            }).collect_view();
            view! {
                <table class="pairs"><thead><tr><th scope="col">"Their account"</th><th scope="col">"Domain"</th><th scope="col">"Line"</th><th scope="col">"Pilot"</th></tr></thead>
                <tbody>{rows}</tbody></table>
            }.into_any()
        }
        Cell::Shared { .. } => {
            let pairs = rows.iter().take(SHOWN).flat_map(|r| r.matches.iter()).map(|d| {
                let (o, t) = (&outcome.ours[d.pair.ours as usize], &outcome.theirs[d.pair.theirs as usize]);
                let ours_id = outcome.ours_ids[d.pair.ours as usize].clone();
                let theirs_id = outcome.theirs_ids[d.pair.theirs as usize].clone();
                let decide = move |decision: Option<Decision>| {
                    error.set(lens.apply(PartnerEdit::Overlap(OverlapEdit::Decide {
                        ours: ours_id.clone(),
                        theirs: theirs_id.clone(),
                        decision,
                    })).err());
                };
                let decide = Callback::new(decide);
                let mapped = MappedAccount { name: o.name.clone(), domain: o.domain.clone(), ..Default::default() };
                let add = move |_| error.set(lens.apply(PartnerEdit::Overlap(OverlapEdit::MapAccount(mapped.clone()))).err());
                let status = match d.decision {
                    Some(Decision::Confirmed) => "confirmed",
                    Some(Decision::Rejected) => "rejected",
                    None => "to review",
                };
                let label = t.name.clone();
                view! {
                    <tr data-testid="pair" class=format!("pair-{status}")>
                        <td>{o.name.clone()}<span class="hint">{format!(" line {} · {}", o.line, o.domain)}</span></td>
                        <td>{t.name.clone()}<span class="hint">{format!(" line {} · {}", t.line, t.domain)}</span></td>
                        <td>{d.pair.reason.label()}" ("{d.pair.confidence}"%)"</td>
                        <td>{status}</td>
                        <td>
                            <button type="button" aria-label=format!("Confirm match {label}") on:click=move |_| decide.run(Some(Decision::Confirmed))>"Confirm"</button>
                            <button type="button" aria-label=format!("Reject match {label}") on:click=move |_| decide.run(Some(Decision::Rejected))>"Reject"</button>
                            {d.decision.is_some().then(|| view! { <button type="button" class="link" aria-label=format!("Reopen match {label}") on:click=move |_| decide.run(None)>"Reopen"</button> })}
                            <button type="button" class="link" aria-label=format!("Add {} to the account map", o.name) on:click=add>"Add to account map"</button>
                            <AddToPilot lens account=PilotAccount { name: o.name.clone(), domain: o.domain.clone(), source: AccountSource::Shared } error/>
                        </td>
                    </tr>
                }
            }).collect_view();
            view! {
                <table class="pairs" data-testid="pairs">
                    <thead><tr><th scope="col">"Our account"</th><th scope="col">"Their account"</th><th scope="col">"Why"</th><th scope="col">"Status"</th><th scope="col">"Decide"</th></tr></thead>
                    <tbody>{pairs}</tbody>
                </table>
            }.into_any()
        }
    };
    let label = title.clone();
    view! {
        <section class="cell-accounts" aria-label=label>
            <h3>{title}</h3>
            <p class="hint">{if total > SHOWN {
                format!("The first {SHOWN} of {} of theirs.", count(total, "account", "accounts"))
            } else {
                format!("{} of theirs.", count(total, "account", "accounts"))
            }}</p>
            <span class="error" aria-live="polite">{move || error.get()}</span>
            {body}
        </section>
    }
}

/// The seed's healthy and risky signals, and notes.
#[component]
fn Signals(lens: PartnerLens) -> impl IntoView {
    let boxes = move |healthy: bool| {
        Signal::ALL
            .iter()
            .filter(move |s| s.healthy() == healthy)
            .map(|s| {
                let s = *s;
                let binding = lens.bind(
                    move |p| p.overlap.signals.contains(&s),
                    move |on| PartnerEdit::Overlap(OverlapEdit::Signal(s, on)),
                );
                view! { <Check label=s.label() binding/> }
            })
            .collect_view()
    };
    let notes = lens.bind(
        |p| p.overlap.notes.clone(),
        |v| PartnerEdit::Overlap(OverlapEdit::Notes(v)),
    );
    view! {
        <section aria-labelledby="signals-title">
            <h2 id="signals-title">"Healthy or risky overlap?"</h2>
            <p class="hint">"Good overlap means you touch the same accounts for different reasons; bad overlap means you compete for the same budget with the same pitch."</p>
            <div class="grid2">
                <fieldset><legend>"Healthy signals"</legend>{boxes(true)}</fieldset>
                <fieldset><legend>"Risky signals"</legend>{boxes(false)}</fieldset>
            </div>
            <TextField label=overlap::NOTES binding=notes kind=TextKind::Long/>
        </section>
    }
}

/// The pilot's named accounts: relationships, initiatives, influence, entry point.
#[component]
fn AccountMap(lens: PartnerLens) -> impl IntoView {
    let rows = lens.memo(|p| p.overlap.mapped.clone());
    let hint = move || {
        format!(
        "Start with {MAP_TARGET} named accounts in your ICP and compare known relationships, current initiatives, and who owns influence. {} of {MAP_TARGET} so far.",
        rows.with(Vec::len)
    )
    };
    let error = RwSignal::new(None::<String>);
    let download = move |_| {
        let Some((partner, bytes)) =
            lens.with(|p| (p.name.clone(), export::account_map(&p.overlap.mapped)))
        else {
            return;
        };
        let name = export::file_name(&partner, "account-map", clock::today());
        error.set(crate::files::download_bytes(&name, "text/csv", &bytes).err());
    };
    view! {
        <section aria-labelledby="map-title">
            <h2 id="map-title">"Account map for the pilot"</h2>
            <p class="hint">{hint}</p>
            <p class="actions">
                <button type="button" data-testid="download-account-map" on:click=download
                    disabled=move || rows.with(Vec::is_empty)
                    aria-label=move || format!("Download the account map as CSV ({})", count(rows.with(Vec::len), "account", "accounts"))>
                    "Download the account map (CSV)"
                </button>
                <span class="error" role="alert">{move || error.get()}</span>
            </p>
            <ListEditor legend="Mapped accounts" rows noun="mapped account" row_testid="mapped-account"
                add_label="Add an account"
                edit=Callback::new(move |e| lens.apply(PartnerEdit::Overlap(OverlapEdit::Map(e))))
                new_row=Callback::new(|()| MappedAccount::default())
                row=|r| MappedField::ALL.iter().map(|f| {
                    let f = *f;
                    view! {
                        <TextField label=f.label(r.number()) kind=f.kind() one_line=true
                            binding=r.field(move |m: &MappedAccount| f.get(m).to_owned(), move |m, v| f.set(m, v))/>
                    }
                }).collect_view()/>
        </section>
    }
}

/// "Add to the pilot": an account of the mapping into the running pilot's
/// accounts (shown only while a pilot runs).
#[component]
fn AddToPilot(
    lens: PartnerLens,
    account: PilotAccount,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let running = lens.memo(|p| p.pilot().is_some_and(|x| x.decided.is_none()));
    let name = account.name.clone();
    let added = lens.memo(move |p| {
        p.pilot()
            .is_some_and(|x| x.accounts.iter().any(|a| a.name == name))
    });
    let label = format!("Add {} to the pilot", account.name);
    let account = StoredValue::new(account);
    let add = move |_| {
        error.set(
            lens.apply(PartnerEdit::Pilot(PilotEdit::AddAccounts(vec![
                account.get_value()
            ])))
            .err(),
        )
    };
    move || {
        running.get().then(|| {
            if added.get() {
                view! { <span class="hint">"In the pilot"</span> }.into_any()
            } else {
                view! { <button type="button" class="link" aria-label=label.clone() on:click=add>"Add to the pilot"</button> }.into_any()
            }
        })
    }
}
