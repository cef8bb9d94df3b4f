//! One partner: profile and lifecycle, alignment (step 3), ICP disqualifiers,
//! the scorecard with evidence, the verdict with its reasons, a radar chart
//! and the sensitivity of the verdict.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::alignment::{Judgment, QUESTIONS};
use partnerfit_core::format::limits::LONG_TEXT;
use partnerfit_core::partner::{BrandSize, PartnerType, Status};
use partnerfit_core::scorecard::{format_score, GateState};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::clock;
use crate::components::charts::{Radar, Series};
use crate::components::fields::{Choice, TextArea, TextInput};
use crate::components::partner_route::PartnerRoute;
use crate::components::rating::RatingSelect;
use crate::components::verdict::{Reasons, VerdictBadge};
use crate::routes::Page;
use crate::state::{update_partner, use_derived, use_epoch, use_workspace};

#[component]
pub fn PartnerPage() -> impl IntoView {
    view! { <PartnerRoute page=|id| view! { <PartnerView id/> }/> }
}

#[component]
fn PartnerView(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let derived = use_derived();
    let epoch = use_epoch();
    let (i1, i2, i3, i4) = (id.clone(), id.clone(), id.clone(), id.clone());
    let name = move || ws.with(|w| w.partner(&i1).map(|p| p.name.clone()).unwrap_or_default());
    let evaluation = move || derived.evaluation(&i2);
    let archived = move || ws.with(|w| w.partner(&i3).is_some_and(|p| p.archived));
    let position = move || {
        derived.ranking.with(|r| {
            r.iter()
                .find(|e| e.partner == i4)
                .map(|e| (e.position, r.len()))
        })
    };
    let id_forms = id.clone();
    view! {
        <h1 data-testid="partner-name">{name}</h1>
        <section class="verdict-panel" aria-labelledby="verdict-title" data-testid="verdict-panel">
            <h2 id="verdict-title">"Verdict"</h2>
            {move || archived().then(|| view! { <p class="callout">"Archived: not ranked. Unarchive it from the partner list."</p> })}
            {move || evaluation().map(|e| view! {
                <p class="verdict-line">
                    <VerdictBadge verdict=e.verdict/>
                    " Weighted score "<strong data-testid="total">{e.total.map(format_score).unwrap_or_else(|| "–".into())}</strong>
                    {position().map(|(p, n)| format!(" — rank {p} of {n}"))}
                </p>
                <Reasons evaluation=e/>
            })}
            <Sensitivity id=id.clone()/>
        </section>
        <p class="step-links">
            <A href=Page::Overlap(id.clone()).link()>"Account mapping and overlap →"</A>" · "
            <A href=Page::Motion(id.clone()).link()>"Rules of engagement →"</A>" · "
            <A href=Page::Incentives(id.clone()).link()>"Incentives →"</A>" · "
            <A href=Page::SelfAssessment(id.clone()).link()>"Self-assessment by link →"</A>
        </p>
        {move || { epoch.track(); let id = id_forms.clone(); view! {
            <Profile id=id.clone()/>
            <Scorecard id=id.clone()/>
            <Alignment id=id.clone()/>
            <DisqualifierHits id/>
        } }}
    }
}

/// Name, website, type, owner, brand, notes and the status lifecycle.
#[component]
fn Profile(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let Some(p) = ws.with_untracked(|w| w.partner(&id).cloned()) else {
        return ().into_any();
    };
    let upd = move |id: Id| {
        move |f: &dyn Fn(&mut partnerfit_core::partner::Partner)| update_partner(ws, &id, f)
    };
    let (u1, u2, u3, u4, u5, u6) = (
        upd(id.clone()),
        upd(id.clone()),
        upd(id.clone()),
        upd(id.clone()),
        upd(id.clone()),
        upd(id.clone()),
    );
    let kind = RwSignal::new(p.kind);
    view! {
        <section aria-labelledby="profile-title">
            <h2 id="profile-title">"Profile"</h2>
            <div class="grid2">
                <TextInput label="Name" initial=p.name.clone() on_input=move |v: String| u1(&|p| p.name = v.clone())/>
                <TextInput label="Website" kind="url" initial=p.website.clone() on_input=move |v: String| u2(&|p| p.website = v.clone())/>
                <Choice label="Partner type" initial=p.kind on_change=move |k: PartnerType| { kind.set(k); u3(&|p| p.kind = k) }/>
                <TextInput label="Owner (on our side)" initial=p.owner.clone() on_input=move |v: String| u4(&|p| p.owner = v.clone())/>
                <Choice label="Brand size" initial=p.brand on_change=move |b: BrandSize| u5(&|p| p.brand = b)/>
            </div>
            <p class="hint" data-testid="type-expectations">{move || kind.get().expectations()}</p>
            <TextArea label="Notes" initial=p.notes.clone() on_input=move |v: String| u6(&|p| p.notes = v.clone())/>
            <Lifecycle id/>
        </section>
    }.into_any()
}

/// The status lifecycle with the date of each change.
#[component]
fn Lifecycle(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let (i1, i2) = (id.clone(), id.clone());
    let history = move || {
        ws.with(|w| {
            w.partner(&i1)
                .map(|p| p.history.clone())
                .unwrap_or_default()
        })
    };
    let current = Memo::new(move |_| {
        ws.with(|w| {
            w.partner(&i2)
                .map(|p| p.status())
                .unwrap_or(Status::Candidate)
        })
    });
    let set = Callback::new(move |s: Status| {
        update_partner(ws, &id, |p| p.set_status(s, clock::today()))
    });
    view! {
        <div class="lifecycle">
            <h3>"Lifecycle"</h3>
            <ol class="history" data-testid="status-history">
                {move || history().into_iter().map(|c| view! { <li>{c.status.label()}" — "{c.date.to_string()}</li> }).collect_view()}
            </ol>
            <div class="actions">
                {move || current.get().next().map(|n| view! {
                    <button type="button" on:click=move |_| set.run(n)>{format!("Move to {}", n.label().to_lowercase())}</button>
                })}
                {move || (current.get() != Status::Exited).then(|| view! {
                    <button type="button" on:click=move |_| set.run(Status::Exited)>"Exit partner"</button>
                })}
                {move || (current.get() == Status::Exited).then(|| view! {
                    <button type="button" on:click=move |_| set.run(Status::Candidate)>"Reopen as candidate"</button>
                })}
            </div>
        </div>
    }
}

/// Ratings with evidence per criterion, grouped by category, with gates and chart.
#[component]
fn Scorecard(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let derived = use_derived();
    let card = ws.with_untracked(|w| w.scorecard.clone());
    let i_eval = id.clone();
    let evaluation = Memo::new(move |_| derived.evaluation(&i_eval));
    let categories = card
        .categories
        .iter()
        .enumerate()
        .map(|(ci, cat)| {
            let criteria = cat.criteria.iter().map(|c| {
                let evidence = ws.with_untracked(|w| w.partner(&id).map(|p| p.evidence(&c.id).to_owned()).unwrap_or_default());
                let (pid, cid) = (id.clone(), c.id.clone());
                view! {
                    <div class="criterion">
                        <RatingSelect partner=id.clone() criterion=c.id.clone() label=c.text.clone()/>
                        <TextInput label=format!("Evidence: {}", c.text) initial=evidence maxlength=LONG_TEXT
                            on_input=move |v: String| update_partner(ws, &pid, |p| p.set_evidence(&cid, v.clone()))/>
                    </div>
                }
            }).collect_view();
            let summary = move || evaluation.with(|e| e.as_ref().and_then(|e| e.categories.get(ci).cloned())).map(|c| {
                let gate = c.gate.map(|g| format!(" · gate {}", format_score(g))).unwrap_or_else(|| " · no gate".into());
                let state = match c.state {
                    GateState::Passed => "meets gate",
                    GateState::Failed => "below gate",
                    GateState::Undetermined => "gate undecided",
                    GateState::NoGate => "",
                };
                format!("{}{gate} {state}", c.mean.map(format_score).unwrap_or_else(|| "unrated".into()))
            });
            view! {
                <fieldset class="category">
                    <legend>{cat.name.clone()}" — "<span data-testid="category-score">{summary}</span></legend>
                    {criteria}
                </fieldset>
            }
        })
        .collect_view();
    let axes: Vec<String> = card.categories.iter().map(|c| c.name.clone()).collect();
    let chart = move || {
        evaluation.get().map(|e| {
        let values = e.categories.iter().map(|c| c.mean).collect();
        let gates = e.categories.iter().map(|c| c.gate).collect();
        view! { <Radar axes=axes.clone() series=vec![Series { label: e.name.to_string(), values }] gates
            title=format!("Category scores of {} against its gates (dashed)", e.name)/> }
    })
    };
    view! {
        <section aria-labelledby="scorecard-title" class="scorecard">
            <h2 id="scorecard-title">"Scorecard"</h2>
            <p class="hint">"Rate each criterion 1–5 and note the evidence. Unrated criteria keep the verdict at “needs evidence”."</p>
            <div class="scorecard-layout">
                <div>{categories}</div>
                <figure class="chart">{chart}<figcaption>"Filled: scores. Dashed: the gates for this partner type."</figcaption></figure>
            </div>
        </section>
    }
}

/// The three alignment questions: ours beside theirs, and a judgment.
#[component]
fn Alignment(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let Some((theirs, judgment)) = ws.with_untracked(|w| {
        w.partner(&id)
            .map(|p| (p.alignment.answers.clone(), p.alignment.judgment))
    }) else {
        return ().into_any();
    };
    let ours = ws.with_untracked(|w| w.profile.answers.clone());
    let (ours, theirs) = (
        ours.as_array().map(str::to_owned),
        theirs.as_array().map(str::to_owned),
    );
    let rows = QUESTIONS.iter().enumerate().map(|(i, q)| {
        let pid = id.clone();
        let our = if ours[i].is_empty() { "(not answered yet — see the ICP page)".to_owned() } else { ours[i].clone() };
        view! {
            <div class="alignment-row">
                <h3>{*q}</h3>
                <div class="grid2">
                    <div><span class="label">"Our answer"</span><p class="our-answer">{our}</p></div>
                    <TextArea label="Their answer" initial=theirs[i].clone()
                        on_input=move |v: String| update_partner(ws, &pid, |p| if let Some(a) = p.alignment.answers.get_mut(i) { *a = v.clone() })/>
                </div>
            </div>
        }
    }).collect_view();
    view! {
        <section aria-labelledby="alignment-title">
            <h2 id="alignment-title">"Alignment"</h2>
            <p class="hint">"Ask these in the first serious conversation. If their answers do not map to your story, you will spend months aligning instead of selling."</p>
            {rows}
            <Choice label="Do their answers map to our story?" initial=judgment
                on_change=move |j: Judgment| update_partner(ws, &id, |p| p.alignment.judgment = j)/>
        </section>
    }.into_any()
}

/// Which of our ICP disqualifiers hit this partner's book of business.
#[component]
fn DisqualifierHits(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let list = ws.with_untracked(|w| w.icp.disqualifiers.clone());
    let hits = ws.with_untracked(|w| {
        w.partner(&id)
            .map(|p| p.disqualifier_hits.clone())
            .unwrap_or_default()
    });
    view! {
        <section aria-labelledby="dq-title">
            <h2 id="dq-title">"ICP disqualifiers"</h2>
            <p class="hint">"Tick a disqualifier when most of this partner's clients would hit it: they would send deals you must reject."</p>
            {if list.is_empty() {
                view! { <p>"No disqualifiers in the ICP yet. "<A href=Page::Icp.link()>"Add them"</A>"."</p> }.into_any()
            } else {
                list.into_iter().map(|d| {
                    let (pid, did) = (id.clone(), d.id.clone());
                    view! {
                        <label class="check"><input type="checkbox" prop:checked=hits.contains(&d.id)
                            on:change:target=move |ev| {
                                let on = ev.target().checked();
                                update_partner(ws, &pid, |p| { if on { p.disqualifier_hits.insert(did.clone()); } else { p.disqualifier_hits.remove(&did); } });
                            }/>" "{format!("{}: {}", d.kind.label(), d.text)}</label>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}

/// How robust the verdict and the rank are.
#[component]
fn Sensitivity(id: Id) -> impl IntoView {
    let derived = use_derived();
    let s = move || {
        derived
            .sensitivity
            .with(|all| all.iter().find(|s| s.partner == id).cloned())
    };
    view! {
        {move || s().map(|s| view! {
            <div class="sensitivity" data-testid="sensitivity">
                <h3>"Sensitivity"{s.fragile().then(|| view! { " " <span class="badge fragile">"fragile verdict"</span> })}</h3>
                <ul>{s.sentences().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}
