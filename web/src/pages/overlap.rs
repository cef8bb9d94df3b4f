//! One partner's account mapping (step 4): their lists, the overlap matrix
//! with the accounts behind each cell, match decisions, healthy and risky
//! signals, the assessment that feeds the verdict, and the pilot's account map.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::overlap::account::ListOwner;
use partnerfit_core::overlap::assessment::{MappedAccount, Measured, Signal, MAP_TARGET};
use partnerfit_core::overlap::figures::{
    decide, figures, population_index, Decided, Decision, Figures, MatchDecision,
};
use partnerfit_core::overlap::population::Population;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::clock;
use crate::components::account_lists::AccountLists;
use crate::components::fields::{TextArea, TextInput};
use crate::components::list_import::ListImport;
use crate::components::partner_route::PartnerRoute;
use crate::overlap_run::{Outcome, Runner};
use crate::psl::{use_psl, PslState};
use crate::routes::Page;
use crate::state::{update_partner, use_epoch, use_workspace};

#[component]
pub fn OverlapPage() -> impl IntoView {
    view! { <PartnerRoute page=|id| view! { <OverlapView id/> }/> }
}

/// Which cell of the matrix is open: (our population, or None for greenfield; their population).
type Cell = (Option<usize>, usize);

#[component]
fn OverlapView(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let epoch = use_epoch();
    let psl = use_psl();
    let runner = Runner::new();
    let (i1, i2, i3) = (id.clone(), id.clone(), id.clone());
    let name = move || ws.with(|w| w.partner(&i1).map(|p| p.name.clone()).unwrap_or_default());
    // What the run depends on: the lists on both sides.
    let signature = Memo::new(move |_| {
        ws.with(|w| {
            w.account_lists
                .iter()
                .filter(|l| l.owner == ListOwner::Ours || l.owner == ListOwner::Partner(i2.clone()))
                .map(|l| (l.id.clone(), l.accounts.len()))
                .collect::<Vec<_>>()
        })
    });
    let sides = Memo::new(move |_| {
        ws.with(|w| {
            (
                w.lists_of(&ListOwner::Ours).count(),
                w.lists_of(&ListOwner::Partner(i3.clone())).count(),
            )
        })
    });
    // Start matching when the list is loaded and the lists change.
    let run_id = id.clone();
    Effect::new(move |_| {
        signature.track();
        let (o, t) = sides.get();
        if let PslState::Ready(p) = psl.get() {
            if o > 0 && t > 0 {
                ws.with_untracked(|w| runner.start(w, &run_id, p.clone()));
            } else {
                runner.outcome.set(None);
            }
        }
    });
    let partner_link = Page::Partner(id.clone()).link();
    let id_sections = id.clone();
    view! {
        <h1>"Account mapping: "{name}</h1>
        <p><A href=partner_link>"Back to the partner"</A>" · "<A href=Page::Accounts.link()>"Our accounts"</A></p>
        <AssessmentPanel id=id.clone()/>
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
                match psl.get() {
                    PslState::Failed(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                    PslState::Ready(_) => view! { <Results id=id.clone() runner/> }.into_any(),
                    _ => view! { <p role="status">"Loading the public suffix list…"</p> }.into_any(),
                }
            }}
        </section>
        {move || { epoch.track(); let id = id_sections.clone(); view! {
            <Signals id=id.clone()/>
            <AccountMap id/>
        } }}
    }
}

/// The assessment and its reasons.
#[component]
fn AssessmentPanel(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let a = move || ws.with(|w| w.partner(&id).map(|p| p.overlap.assess()));
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
fn Results(id: Id, runner: Runner) -> impl IntoView {
    let ws = use_workspace();
    let open: RwSignal<Option<Cell>> = RwSignal::new(None);
    let pid = id.clone();
    // Decisions applied to the run's pairs, and the figures.
    let decided = Memo::new(move |_| {
        runner.outcome.with(|o| {
            o.as_ref().map(|o| {
                let decisions = ws.with(|w| {
                    w.partner(&pid)
                        .map(|p| p.overlap.decisions.clone())
                        .unwrap_or_default()
                });
                let d = decide(&o.pairs, &o.ours_keys, &o.theirs_keys, &decisions);
                let ours: Vec<_> = o.ours.iter().collect();
                let theirs: Vec<_> = o.theirs.iter().collect();
                let f = figures(&ours, &theirs, &d);
                (Arc::new(d), f)
            })
        })
    });
    let mid = id.clone();
    let record = move |_| {
        let Some((_, f)) = decided.get_untracked() else {
            return;
        };
        let Some(o) = runner.outcome.get_untracked() else {
            return;
        };
        update_partner(ws, &mid, |p| {
            p.overlap.measured = Some(Measured {
                date: clock::today(),
                ours_lists: o.ours_lists.clone(),
                theirs_lists: o.theirs_lists.clone(),
                figures: f,
            })
        });
    };
    let sid = id.clone();
    let stored = move || ws.with(|w| w.partner(&sid).and_then(|p| p.overlap.measured.clone()));
    view! {
        {move || runner.progress.get().map(|(what, f)| view! {
            <p role="status" class="progress">
                <label>{what}" "<progress max="1" value=f></progress></label>
                {format!(" {:.0}%", f * 100.0)}
            </p>
        })}
        {move || decided.get().map(|(d, f)| {
            let id = id.clone();
            let outcome = runner.outcome.get().expect("figures come from an outcome");
            let took = outcome.took_ms;
            let current = stored().is_some_and(|m| m.figures == f && m.ours_lists == outcome.ours_lists && m.theirs_lists == outcome.theirs_lists);
            view! {
                <p class="hint">{format!("{} of our accounts and {} of theirs matched in {:.0} ms: {} matches, {} confirmed.", outcome.ours.len(), outcome.theirs.len(), took, f.matches, f.confirmed)}</p>
                <Matrix figures=f.clone() open/>
                <div class="actions">
                    {if current {
                        view! { <span class="ok">"These figures are the ones the verdict uses."</span> }.into_any()
                    } else {
                        view! { <button type="button" on:click=record.clone()>"Use these figures in the verdict"</button>
                            {stored().map(|m| view! { <span class="hint">{format!(" The verdict uses figures measured on {} from other lists or decisions.", m.date)}</span> })}
                        }.into_any()
                    }}
                </div>
                {move || open.get().map(|cell| view! { <CellAccounts id=id.clone() cell outcome=outcome.clone() decided=d.clone()/> })}
            }
        })}
    }
}

/// The matrix: our populations × theirs, and greenfield.
#[component]
fn Matrix(figures: Figures, open: RwSignal<Option<Cell>>) -> impl IntoView {
    let pops = Population::ALL;
    let cell = move |row: Option<usize>, col: usize, n: usize, label: String| {
        view! {
            <td class="num">
                <button type="button" class="cell" aria-label=label
                    aria-pressed=move || (open.get() == Some((row, col))).to_string()
                    on:click=move |_| open.set(Some((row, col)))>{n}</button>
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
                        {pops.iter().enumerate().map(|(j, tp)| cell(Some(i), j, figures.cells[i][j], format!("Our {} × their {}: {} accounts", op.label().to_lowercase(), tp.label().to_lowercase(), figures.cells[i][j]))).collect_view()}
                    </tr>
                }).collect_view()}
                <tr class="greenfield"><th scope="row">"Greenfield (not in ours)"</th>
                    {pops.iter().enumerate().map(|(j, tp)| cell(None, j, figures.greenfield[j], format!("Greenfield {}: {} accounts", tp.label().to_lowercase(), figures.greenfield[j]))).collect_view()}
                </tr>
                <tr><th scope="row">"Their total"</th>
                    {figures.theirs_total.iter().map(|n| view! { <td class="num">{*n}</td> }).collect_view()}
                </tr>
            </tbody>
        </table>
    }
}

/// The accounts behind one cell, with a decision per match.
#[component]
fn CellAccounts(
    id: Id,
    cell: Cell,
    outcome: Arc<Outcome>,
    decided: Arc<Vec<Decided>>,
) -> impl IntoView {
    let ws = use_workspace();
    let (row, col) = cell;
    let title = match row {
        Some(i) => format!(
            "Our {} × their {}",
            Population::ALL[i].label().to_lowercase(),
            Population::ALL[col].label().to_lowercase()
        ),
        None => format!(
            "Greenfield: their {} not in our lists",
            Population::ALL[col].label().to_lowercase()
        ),
    };
    let body = match row {
        None => {
            let matched: std::collections::HashSet<u32> = decided
                .iter()
                .filter(|d| d.decision != Some(Decision::Rejected))
                .map(|d| d.pair.theirs)
                .collect();
            let rows: Vec<_> = outcome
                .theirs
                .iter()
                .enumerate()
                .filter(|(j, a)| population_index(a.population) == col && !matched.contains(&(*j as u32)))
                .take(500)
                .map(|(_, a)| view! { <tr><td>{a.name.clone()}</td><td>{a.domain.clone()}</td><td class="num">{a.line}</td></tr> })
                .collect_view();
            view! {
                <table class="pairs"><thead><tr><th scope="col">"Their account"</th><th scope="col">"Domain"</th><th scope="col">"Line"</th></tr></thead>
                <tbody>{rows}</tbody></table>
            }
            .into_any()
        }
        Some(i) => {
            let rows = decided
                .iter()
                .filter(|d| {
                    population_index(outcome.ours[d.pair.ours as usize].population) == i
                        && population_index(outcome.theirs[d.pair.theirs as usize].population) == col
                })
                .take(500)
                .map(|d| {
                    let (o, t) = (&outcome.ours[d.pair.ours as usize], &outcome.theirs[d.pair.theirs as usize]);
                    let ours_id = outcome.ours_keys[d.pair.ours as usize].identity();
                    let theirs_id = outcome.theirs_keys[d.pair.theirs as usize].identity();
                    let pid = id.clone();
                    let set = Callback::new(move |decision: Option<Decision>| {
                        let (ours_id, theirs_id) = (ours_id.clone(), theirs_id.clone());
                        update_partner(ws, &pid, |p| {
                            p.overlap.decisions.retain(|x| !(x.ours == ours_id && x.theirs == theirs_id));
                            if let Some(decision) = decision {
                                p.overlap.decisions.push(MatchDecision { ours: ours_id, theirs: theirs_id, decision });
                            }
                        });
                    });
                    let mapped = MappedAccount { name: o.name.clone(), domain: o.domain.clone(), ..Default::default() };
                    let pid2 = id.clone();
                    let add = move |_| {
                        let m = mapped.clone();
                        update_partner(ws, &pid2, |p| {
                            if !p.overlap.mapped.iter().any(|x| x.name == m.name && x.domain == m.domain) {
                                p.overlap.mapped.push(m);
                            }
                        });
                    };
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
                                <button type="button" aria-label=format!("Confirm match {label}") on:click=move |_| set.run(Some(Decision::Confirmed))>"Confirm"</button>
                                <button type="button" aria-label=format!("Reject match {label}") on:click=move |_| set.run(Some(Decision::Rejected))>"Reject"</button>
                                {d.decision.is_some().then(|| view! { <button type="button" class="link" on:click=move |_| set.run(None)>"Undo"</button> })}
                                <button type="button" class="link" on:click=add>"Add to account map"</button>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="pairs" data-testid="pairs">
                    <thead><tr><th scope="col">"Our account"</th><th scope="col">"Their account"</th><th scope="col">"Why"</th><th scope="col">"Status"</th><th scope="col">"Decide"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }
    };
    let label = title.clone();
    view! {
        <section class="cell-accounts" aria-label=label>
            <h3>{title}</h3>
            {body}
        </section>
    }
}

/// The seed's healthy and risky signals, and notes.
#[component]
fn Signals(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let (signals, notes) = ws.with_untracked(|w| {
        w.partner(&id)
            .map(|p| (p.overlap.signals.clone(), p.overlap.notes.clone()))
            .unwrap_or_default()
    });
    let boxes = |healthy: bool| {
        let signals = signals.clone();
        let id = id.clone();
        Signal::ALL
            .iter()
            .filter(move |s| s.healthy() == healthy)
            .map(|s| {
                let s = *s;
                let pid = id.clone();
                view! {
                    <label class="check"><input type="checkbox" prop:checked=signals.contains(&s)
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            update_partner(ws, &pid, |p| {
                                p.overlap.signals.retain(|x| *x != s);
                                if on { p.overlap.signals.push(s); }
                            });
                        }/>" "{s.label()}</label>
                }
            })
            .collect_view()
    };
    let nid = id.clone();
    view! {
        <section aria-labelledby="signals-title">
            <h2 id="signals-title">"Healthy or risky overlap?"</h2>
            <p class="hint">"Good overlap means you touch the same accounts for different reasons; bad overlap means you compete for the same budget with the same pitch."</p>
            <div class="grid2">
                <fieldset><legend>"Healthy signals"</legend>{boxes(true)}</fieldset>
                <fieldset><legend>"Risky signals"</legend>{boxes(false)}</fieldset>
            </div>
            <TextArea label="Notes on the overlap" initial=notes
                on_input=move |v: String| update_partner(ws, &nid, |p| p.overlap.notes = v.clone())/>
        </section>
    }
}

/// The pilot's named accounts: relationships, initiatives, influence, entry point.
#[component]
fn AccountMap(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let version = RwSignal::new(0u32);
    let count_id = id.clone();
    let count = move || ws.with(|w| w.partner(&count_id).map_or(0, |p| p.overlap.mapped.len()));
    let add_id = id.clone();
    let add = move |_| {
        update_partner(ws, &add_id, |p| {
            p.overlap.mapped.push(MappedAccount::default())
        });
        version.update(|v| *v += 1);
    };
    view! {
        <section aria-labelledby="map-title">
            <h2 id="map-title">"Account map for the pilot"</h2>
            <p class="hint">{move || format!("Start with {MAP_TARGET} named accounts in your ICP and compare known relationships, current initiatives, and who owns influence. {} of {MAP_TARGET} so far.", count())}</p>
            {move || {
                version.track();
                let rows = ws.with_untracked(|w| w.partner(&id).map(|p| p.overlap.mapped.clone()).unwrap_or_default());
                rows.into_iter().enumerate().map(|(i, m)| {
                    let pid = id.clone();
                    let field = move |label: &'static str, initial: String, set: fn(&mut MappedAccount, String)| {
                        let pid = pid.clone();
                        view! { <TextInput label=format!("{label} {}", i + 1) initial maxlength=partnerfit_core::format::limits::LONG_TEXT
                            on_input=move |v: String| update_partner(ws, &pid, |p| if let Some(x) = p.overlap.mapped.get_mut(i) { set(x, v.clone()) })/> }
                    };
                    let rid = id.clone();
                    view! {
                        <div class="row-editor" data-testid="mapped-account">
                            {field("Account", m.name, |x, v| x.name = v)}
                            {field("Known relationships", m.relationships, |x, v| x.relationships = v)}
                            {field("Current initiatives", m.initiatives, |x, v| x.initiatives = v)}
                            {field("Who owns influence", m.influence, |x, v| x.influence = v)}
                            {field("Their entry point", m.entry_point, |x, v| x.entry_point = v)}
                            <button type="button" class="danger" aria-label=format!("Remove mapped account {}", i + 1) on:click=move |_| {
                                update_partner(ws, &rid, |p| { if i < p.overlap.mapped.len() { p.overlap.mapped.remove(i); } });
                                version.update(|v| *v += 1);
                            }>"Remove"</button>
                        </div>
                    }
                }).collect_view()
            }}
            <button type="button" on:click=add>"Add an account"</button>
        </section>
    }
}
