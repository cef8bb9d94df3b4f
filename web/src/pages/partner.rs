//! One partner: profile and lifecycle, alignment (step 3), ICP disqualifiers,
//! the scorecard with evidence (and the ratings their customer data
//! suggests), the verdict with its reasons, a radar chart
//! and the sensitivity of the verdict.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::alignment::QUESTIONS;
use partnerfit_core::edit::partner::{evidence_label, their_answer_label};
use partnerfit_core::edit::pilot::OVERRIDE_REASON;
use partnerfit_core::edit::{PartnerEdit, PartnerText, Question, TextKind};
use partnerfit_core::overlap::icp_fit::Measure;
use partnerfit_core::partner::Status;
use partnerfit_core::scorecard::verdict::Verdict;
use partnerfit_core::scorecard::{format_score, GateState};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::clock;
use crate::components::charts::{Radar, Series};
use crate::components::fields::{Check, Choice, TextField};
use crate::components::icp_evidence::{fit_memo, IcpEvidence, Suggested};
use crate::components::partner_route::PartnerRoute;
use crate::components::rating::RatingSelect;
use crate::components::verdict::{Reasons, VerdictBadge};
use crate::lens::PartnerLens;
use crate::routes::Page;
use crate::state::{use_derived, use_store};

#[component]
pub fn PartnerPage() -> impl IntoView {
    view! { <PartnerRoute page=|id| view! { <PartnerView id/> }/> }
}

#[component]
fn PartnerView(id: Id) -> impl IntoView {
    let lens = PartnerLens::new(use_store(), id.clone());
    let derived = use_derived();
    let name = lens.memo(|p| p.name.clone());
    let evaluation = move || derived.evaluation(&lens.id());
    let out_of_the_running = lens.memo(|p| {
        if p.archived {
            "Archived: not ranked. Unarchive it from the partner list."
        } else if p.status() == Status::Exited {
            "Exited: not ranked. Reopen it as a candidate to rank it again."
        } else {
            ""
        }
    });
    let position = move || {
        derived.ranking.with(|r| {
            r.iter()
                .find(|e| e.partner == lens.id())
                .map(|e| (e.position, r.len()))
        })
    };
    view! {
        <h1 data-testid="partner-name">{name}</h1>
        <section class="verdict-panel" aria-labelledby="verdict-title" data-testid="verdict-panel">
            <h2 id="verdict-title">"Verdict"</h2>
            {move || (!out_of_the_running.get().is_empty()).then(|| view! { <p class="callout">{out_of_the_running.get()}</p> })}
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
            <A href=Page::Pilot(id.clone()).link()>"Pilot →"</A>" · "
            <A href=Page::SelfAssessment(id.clone()).link()>"Self-assessment by link →"</A>
        </p>
        <Profile lens/>
        <Scorecard lens/>
        <Alignment lens/>
        <DisqualifierHits lens/>
        <section aria-labelledby="enablement-title" id="enablement">
            <h2 id="enablement-title">"Enablement"</h2>
            <crate::components::enablement::EnablementLog lens/>
        </section>
    }
}

/// A text of the partner.
fn text_field(lens: PartnerLens, field: PartnerText) -> impl IntoView {
    let binding = lens.bind(
        move |p| field.get(p).to_owned(),
        move |v| PartnerEdit::Text(field, v),
    );
    let input = if field == PartnerText::Website {
        "url"
    } else {
        "text"
    };
    view! { <TextField label=field.label() binding kind=field.kind() input/> }
}

/// The partner's answer to an alignment question.
fn answer(lens: PartnerLens, q: Question) -> impl IntoView {
    let binding = lens.bind(
        move |p| q.get(&p.alignment.answers).clone(),
        move |v| PartnerEdit::Answer(q, v),
    );
    view! { <TextField label=their_answer_label(q) binding kind=q.kind()/> }
}

/// Name, website, type, owner, brand, notes and the status lifecycle.
#[component]
fn Profile(lens: PartnerLens) -> impl IntoView {
    let kind = lens.memo(|p| p.kind);
    view! {
        <section aria-labelledby="profile-title">
            <h2 id="profile-title">"Profile"</h2>
            <div class="grid2">
                {text_field(lens, PartnerText::Name)}
                {text_field(lens, PartnerText::Website)}
                <Choice label="Partner type" binding=lens.bind(|p| p.kind, PartnerEdit::Kind)/>
                {text_field(lens, PartnerText::Owner)}
                <Choice label="Brand size" binding=lens.bind(|p| p.brand, PartnerEdit::Brand)/>
            </div>
            <p class="hint" data-testid="type-expectations">{move || kind.get().expectations()}</p>
            {text_field(lens, PartnerText::Notes)}
            <Lifecycle lens/>
        </section>
    }
}

/// The status lifecycle with the date of each change.
#[component]
fn Lifecycle(lens: PartnerLens) -> impl IntoView {
    let history = lens.memo(|p| p.history.clone());
    let current = lens.memo(|p| Some(p.status()));
    let running = lens.memo(|p| p.pilot().is_some_and(|x| x.decided.is_none()));
    let error = RwSignal::new(None::<String>);
    let set = move |s: Status| {
        error.set(lens.apply(PartnerEdit::Status(s, clock::today())).err());
    };
    let derived = use_derived();
    let needs_reason = Memo::new(move |_| {
        derived
            .evaluation(&lens.id())
            .is_some_and(|e| e.verdict == Verdict::DoNotOnboard)
            || lens.with(|p| p.verdict_override.is_some()).unwrap_or(false)
    });
    let reason = lens.bind(
        |p| {
            p.verdict_override
                .as_ref()
                .map(|o| o.reason.clone())
                .unwrap_or_default()
        },
        |v: String| PartnerEdit::Override((!v.trim().is_empty()).then_some(v), clock::today()),
    );
    view! {
        <div class="lifecycle">
            <h3>"Lifecycle"</h3>
            <ol class="history" data-testid="status-history">
                {move || history.get().into_iter().map(|c| view! { <li>{c.status.label()}" — "{c.date.to_string()}</li> }).collect_view()}
            </ol>
            <div class="actions">
                {move || current.get().and_then(Status::next).map(|n| {
                    // A pilot is started, and ended, on the pilot page: it
                    // records the pilot with the status.
                    let pilot_page = Page::Pilot(lens.id()).link();
                    match (n, running.get()) {
                        (Status::Pilot, _) => view! { <A href=pilot_page>"Start a pilot →"</A> }.into_any(),
                        (Status::Active, true) => view! { <A href=pilot_page>"Decide the pilot →"</A> }.into_any(),
                        _ => view! {
                            <button type="button" on:click=move |_| set(n)>{format!("Move to {}", n.label().to_lowercase())}</button>
                        }.into_any(),
                    }
                })}
                {move || (current.get() != Some(Status::Exited) && !running.get()).then(|| view! {
                    <button type="button" on:click=move |_| set(Status::Exited)>"Exit partner"</button>
                })}
                {move || (current.get() == Some(Status::Exited)).then(|| view! {
                    <button type="button" on:click=move |_| set(Status::Candidate)>"Reopen as candidate"</button>
                })}
            </div>
            <span class="error" role="alert">{move || error.get()}</span>
            {move || needs_reason.get().then(|| view! {
                <TextField label=OVERRIDE_REASON kind=TextKind::Long binding=reason
                    hint="The scorecard says not to onboard: moving to pilot or active needs this reason. It is shown wherever the partner appears."/>
            })}
        </div>
    }
}

/// Ratings with evidence per criterion, grouped by category, with gates and chart.
#[component]
fn Scorecard(lens: PartnerLens) -> impl IntoView {
    let store = lens.store();
    let derived = use_derived();
    let card = Memo::new(move |_| store.with(|w| w.scorecard.clone()));
    let evaluation = Memo::new(move |_| derived.evaluation(&lens.id()));
    let fit = fit_memo(lens);
    let categories = move || {
        card.get()
            .categories
            .into_iter()
            .enumerate()
            .map(|(ci, cat)| {
                let criteria = cat.criteria.into_iter().map(|c| {
                    let key = StoredValue::new(c.id.clone());
                    let evidence = lens.bind(
                        move |p| key.with_value(|k| p.evidence(k).to_owned()),
                        move |v| PartnerEdit::Evidence(key.get_value(), v),
                    );
                    let suggested = Measure::of(&c.id).map(|measure| view! {
                        <Suggested fit measure lens criterion=c.id.clone()/>
                    });
                    view! {
                        <div class="criterion">
                            <RatingSelect partner=lens criterion=c.id.clone() label=c.text.clone()/>
                            <TextField label=evidence_label(&c.text) binding=evidence/>
                            {suggested}
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
            .collect_view()
    };
    let chart = move || {
        let axes: Vec<String> =
            card.with(|c| c.categories.iter().map(|c| c.name.clone()).collect());
        evaluation.get().map(|e| {
            let values = e.categories.iter().map(|c| c.mean).collect();
            let gates = e.categories.iter().map(|c| c.gate).collect();
            view! { <Radar axes series=vec![Series { label: e.name.to_string(), values }] gates
            title=format!("Category scores of {} against its gates (dashed)", e.name)/> }
        })
    };
    view! {
        <section aria-labelledby="scorecard-title" class="scorecard">
            <h2 id="scorecard-title">"Scorecard"</h2>
            <p class="hint">"Rate each criterion 1–5 and note the evidence. Unrated criteria keep the verdict at “needs evidence”."</p>
            <IcpEvidence fit/>
            <div class="scorecard-layout">
                <div>{categories}</div>
                <figure class="chart">{chart}<figcaption>"Filled: scores. Dashed: the gates for this partner type."</figcaption></figure>
            </div>
        </section>
    }
}

/// The three alignment questions: ours beside theirs, and a judgment.
#[component]
fn Alignment(lens: PartnerLens) -> impl IntoView {
    let store = lens.store();
    let rows = QUESTIONS.iter().enumerate().map(|(i, q)| {
        let ours = Memo::new(move |_| store.with(|w| w.profile.answers.as_array()[i].to_owned()));
        view! {
            <div class="alignment-row">
                <h3>{*q}</h3>
                <div class="grid2">
                    <div><span class="label">"Our answer"</span>
                        <p class="our-answer">{move || {
                            let a = ours.get();
                            if a.is_empty() { "(not answered yet — see the ICP page)".to_owned() } else { a }
                        }}</p></div>
                    {answer(lens, Question::ALL[i])}
                </div>
            </div>
        }
    }).collect_view();
    view! {
        <section aria-labelledby="alignment-title">
            <h2 id="alignment-title">"Alignment"</h2>
            <p class="hint">"Ask these in the first serious conversation. If their answers do not map to your story, you will spend months aligning instead of selling."</p>
            {rows}
            <Choice label="Do their answers map to our story?"
                binding=lens.bind(|p| p.alignment.judgment, PartnerEdit::Judgment)/>
        </section>
    }
}

/// Which of our ICP disqualifiers hit this partner's book of business.
#[component]
fn DisqualifierHits(lens: PartnerLens) -> impl IntoView {
    let store = lens.store();
    let list = Memo::new(move |_| store.with(|w| w.icp.disqualifiers.clone()));
    view! {
        <section aria-labelledby="dq-title">
            <h2 id="dq-title">"ICP disqualifiers"</h2>
            <p class="hint">"Tick a disqualifier when most of this partner's clients would hit it: they would send deals you must reject."</p>
            {move || {
                let list = list.get();
                if list.is_empty() {
                    view! { <p>"No disqualifiers in the ICP yet. "<A href=Page::Icp.link()>"Add them"</A>"."</p> }.into_any()
                } else {
                    list.into_iter().map(|d| {
                        let key = StoredValue::new(d.id.clone());
                        let binding = lens.bind(
                            move |p| key.with_value(|k| p.disqualifier_hits.contains(k)),
                            move |on| PartnerEdit::Hit(key.get_value(), on),
                        );
                        view! { <Check label=format!("{}: {}", d.kind.label(), d.text) binding/> }
                    }).collect_view().into_any()
                }
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
