//! "Compare privately" on a partner's overlap page: the requester's side of
//! a private comparison (`overlap::private`). We make a request file from
//! our lists (its secret kept in this browser, `storage::psi`), the partner
//! answers on its own Partnerfit, we finish with its answer: the matrix is
//! ours, the result file goes back to the partner, and the figures become
//! the partner's overlap figures, marked as privately computed.

use leptos::prelude::*;
use partnerfit_core::edit::{OverlapEdit, PartnerEdit};
use partnerfit_core::overlap::account::ListOwner;
use partnerfit_core::overlap::analysis::accounts_of;
use partnerfit_core::overlap::assessment::{Measured, Method};
use partnerfit_core::overlap::private::error::Side;
use partnerfit_core::overlap::private::steps::{Asked, DEFAULT_MIN_SIZE};
use partnerfit_core::overlap::private::terms::Mode;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::clock;
use crate::components::psi_file::{file_name, PsiFile, PSI_MIME};
use crate::components::psi_outcome::PsiOutcome;
use crate::files::download_bytes;
use crate::lens::PartnerLens;
use crate::psi_run::{PsiProgress, PsiRunner, PsiStep};
use crate::storage::psi::{drop_request, keep_request, request_for, KeptRequest};
use crate::worker::protocol::FromWorker;

/// Our lists' ids now, for a request and for the check at its finish.
fn our_lists(store: crate::state::Store) -> Vec<Id> {
    store.with_untracked(|w| accounts_of(w, &ListOwner::Ours).1)
}

#[component]
pub fn PrivateCompare(lens: PartnerLens) -> impl IntoView {
    let partner = lens.id().to_string();
    let store = lens.store();
    let runner = PsiRunner::new();
    on_cleanup(move || runner.cancel());
    let (kept, unreadable) = match request_for(&partner) {
        Ok(k) => (RwSignal::new(k), RwSignal::new(None)),
        Err(e) => (RwSignal::new(None), RwSignal::new(Some(e.to_string()))),
    };
    let mode = RwSignal::new(Mode::Counts);
    let from = RwSignal::new(store.with_untracked(|w| w.profile.name.clone()));
    let min_size = RwSignal::new(DEFAULT_MIN_SIZE.to_string());
    let message = RwSignal::new(None::<String>);
    let confirm_discard = RwSignal::new(false);

    let p = partner.clone();
    let create = move |_| {
        message.set(None);
        let name = from.get_untracked().trim().to_owned();
        let min: u32 = match min_size.get_untracked().trim().parse() {
            Ok(n) if n >= DEFAULT_MIN_SIZE => n,
            _ => {
                message.set(Some(format!(
                    "The smallest list accepted is a whole number of accounts, {DEFAULT_MIN_SIZE} or more: the partner's Partnerfit refuses smaller lists."
                )));
                return;
            }
        };
        if name.is_empty() {
            message.set(Some(
                "Give our company's name: the partner sees it on its consent screen.".into(),
            ));
            return;
        }
        let seed = match clock::secure_random::<32>() {
            Ok(s) => s,
            Err(e) => {
                message.set(Some(e));
                return;
            }
        };
        let p = p.clone();
        let lists: Vec<String> = our_lists(store).iter().map(ToString::to_string).collect();
        let step = PsiStep::Start {
            mode: mode.get_untracked(),
            from: name,
            min_size: min,
            seed,
        };
        runner.run(store, step, move |(msg, file)| {
            let (FromWorker::PsiStarted { asked, .. }, Some(file)) = (msg, file) else {
                message.set(Some(UNEXPECTED.into()));
                return;
            };
            let Ok(a) = serde_json::from_str::<Asked>(&asked) else {
                message.set(Some(UNEXPECTED.into()));
                return;
            };
            let k = KeptRequest {
                date: clock::today().to_string(),
                session: a.session.clone(),
                mode: a.mode,
                asked,
                lists,
                outcome: None,
                result: None,
            };
            // Without its secret kept, the answer could not be read: no file.
            if let Err(e) = keep_request(&p, &k) {
                message.set(Some(format!("The request was not made: {e}")));
                return;
            }
            let name = file_name("request", &k.session);
            kept.set(Some(k));
            if let Err(e) = download_bytes(&name, PSI_MIME, &file) {
                message.set(Some(format!(
                    "The request file could not be offered ({e}); download it again below."
                )));
            }
        });
    };

    let again = move |_| {
        let Some(k) = kept.get_untracked() else {
            return;
        };
        message.set(None);
        runner.run(
            store,
            PsiStep::Again { asked: k.asked },
            move |(msg, file)| {
                let (FromWorker::PsiAgain { .. }, Some(file)) = (msg, file) else {
                    message.set(Some(UNEXPECTED.into()));
                    return;
                };
                if let Err(e) = download_bytes(&file_name("request", &k.session), PSI_MIME, &file) {
                    message.set(Some(e));
                }
            },
        );
    };

    let p = partner.clone();
    let finish = Callback::new(move |(_, answer): (String, Vec<u8>)| {
        let Some(k) = kept.get_untracked() else {
            return;
        };
        message.set(None);
        let p = p.clone();
        let step = PsiStep::Finish {
            asked: k.asked.clone(),
            answer,
            names: k.mode == Mode::Accounts,
        };
        runner.run(store, step, move |(msg, file)| {
            let (FromWorker::PsiFinished { asked, outcome, .. }, Some(file)) = (msg, file) else {
                message.set(Some(UNEXPECTED.into()));
                return;
            };
            let lists: Vec<Id> = k.lists.iter().filter_map(|l| Id::parse(l).ok()).collect();
            let mut notes = Vec::new();
            if lists != our_lists(store) {
                notes.push("Our lists changed since the request: the figures are those of the lists it was made from.".to_owned());
            }
            let measured = Measured {
                date: clock::today(),
                ours_lists: lists,
                theirs_lists: Vec::new(),
                figures: outcome.figures(Side::Requester),
                method: Method::Private,
            };
            if let Err(e) = lens.apply(PartnerEdit::Overlap(OverlapEdit::Measured(Some(measured)))) {
                notes.push(format!("The figures could not be recorded as the partner's: {e}"));
            }
            let name = file_name("result", &k.session);
            if let Err(e) = download_bytes(&name, PSI_MIME, &file) {
                notes.push(format!("The result file could not be offered ({e}); download it again below."));
            }
            let done = KeptRequest {
                asked,
                outcome: Some(outcome),
                result: Some(file),
                ..k
            };
            if let Err(e) = keep_request(&p, &done) {
                notes.push(format!("The outcome could not be kept in this browser: {e}"));
            }
            kept.set(Some(done));
            message.set((!notes.is_empty()).then(|| notes.join(" ")));
        });
    });

    let p = partner.clone();
    let start_over = move |_| {
        runner.cancel();
        drop_request(&p);
        kept.set(None);
        unreadable.set(None);
        confirm_discard.set(false);
        message.set(None);
    };

    view! {
        <section aria-labelledby="private-title" data-testid="private-compare">
            <h2 id="private-title">"Compare privately"</h2>
            <p class="hint">"Neither company sees the other's accounts: each list is reduced to exact keys (the registrable domain, else the company name and country), blinded with a secret that never leaves its browser, and compared through three files you exchange (by e-mail, a shared drive). Private mode matches exactly on those keys; it cannot propose close spellings, so its figures can be lower than a normal mapping's."</p>
            <PsiProgress runner/>
            {let start_over = start_over.clone(); move || unreadable.get().map(|e| view! {
                <p class="error" role="alert" data-testid="psi-unreadable">{e}" "
                    <button type="button" on:click=start_over.clone()>"Discard it"</button></p>
            })}
            {move || match kept.get() {
                None if unreadable.get().is_some() => ().into_any(),
                None => view! {
                    <div class="field">
                        <label for="psi-from">"Our company, as the partner will see it"</label>
                        <input id="psi-from" type="text" maxlength="200" prop:value=move || from.get()
                            on:input:target=move |ev| from.set(ev.target().value())/>
                    </div>
                    <fieldset>
                        <legend>"What each side learns"</legend>
                        {Mode::ALL.iter().map(|m| {
                            let m = *m;
                            let hint = match m {
                                Mode::Counts => " — the number of shared accounts per pair of populations, and nothing about which",
                                Mode::Accounts => " — also which of its own accounts are shared (never the other side's others)",
                            };
                            view! {
                                <label><input type="radio" name="psi-mode" prop:checked=move || mode.get() == m
                                    on:change=move |_| mode.set(m)/>{m.label()}{hint}</label><br/>
                            }
                        }).collect_view()}
                    </fieldset>
                    <div class="field">
                        <label for="psi-min">"Smallest list accepted from the partner (accounts)"</label>
                        <input id="psi-min" type="number" min=DEFAULT_MIN_SIZE prop:value=move || min_size.get()
                            on:input:target=move |ev| min_size.set(ev.target().value())/>
                        <span class="hint">{format!("Both sides refuse smaller lists, and never fewer than {DEFAULT_MIN_SIZE} accounts: a tiny list could probe for single accounts.")}</span>
                    </div>
                    <button type="button" disabled=move || runner.running() on:click=create.clone()>"Create the request file"</button>
                }.into_any(),
                Some(k) if k.outcome.is_none() => view! {
                    <p data-testid="psi-pending">{format!(
                        "Request {} ({}) made on {}: send {} to the partner. When its answer file comes back, open it here.",
                        k.session.get(..8).unwrap_or(&k.session), k.mode.label().to_lowercase(), k.date, file_name("request", &k.session)
                    )}</p>
                    <button type="button" disabled=move || runner.running() on:click=again>"Download the request file again"</button>
                    <PsiFile testid="psi-answer-drop" label="The partner's answer file (.psi)" on_bytes=finish/>
                    {let start_over = start_over.clone(); move || if confirm_discard.get() {
                        view! {
                            <p role="alert">"Discard this request? Its secret is erased: an answer to it can no longer be read. "
                                <button type="button" on:click=start_over.clone()>"Discard"</button>" "
                                <button type="button" on:click=move |_| confirm_discard.set(false)>"Keep it"</button></p>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="link" on:click=move |_| confirm_discard.set(true)>"Discard this request"</button> }.into_any()
                    }}
                }.into_any(),
                Some(k) => {
                    let outcome = k.outcome.clone().expect("matched above");
                    let result = k.result.clone();
                    let name = file_name("result", &k.session);
                    view! {
                        <p class="ok" data-testid="psi-done">{format!(
                            "Compared privately with {} on {}: the figures are the partner's overlap figures, marked as privately computed. Send {} back to the partner so it sees the same matrix.",
                            outcome.responder, k.date, name
                        )}</p>
                        <PsiOutcome outcome/>
                        {result.map(|bytes| view! {
                            <button type="button" on:click=move |_| {
                                if let Err(e) = download_bytes(&name, PSI_MIME, &bytes) { message.set(Some(e)); }
                            }>"Download the result file again"</button>
                        })}
                        <button type="button" class="link" on:click=start_over.clone()>"Start a new private comparison"</button>
                    }.into_any()
                }
            }}
            <p class="error" role="alert">{move || message.get()}</p>
        </section>
    }
}

const UNEXPECTED: &str =
    "The background worker sent an answer this page cannot read; reload the page and try again.";
