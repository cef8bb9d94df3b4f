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

use crate::clock;
use crate::components::psi_file::PsiFile;
use crate::components::psi_outcome::PsiOutcome;
use crate::files::download_bytes;
use crate::lens::PartnerLens;
use crate::psi_run::{PsiProgress, PsiRunner, PsiStep};
use crate::storage::psi::{drop_request, keep_request, request_for, KeptRequest};
use crate::worker::protocol::FromWorker;

const PSI_MIME: &str = "application/octet-stream";

/// A file name with the session's first characters, so the three files of
/// one comparison sort together.
pub fn file_name(step: &str, session: &str) -> String {
    format!(
        "partnerfit-{step}-{}.psi",
        session.get(..8).unwrap_or(session)
    )
}

#[component]
pub fn PrivateCompare(lens: PartnerLens) -> impl IntoView {
    let partner = lens.id().to_string();
    let store = lens.store();
    let runner = PsiRunner::new();
    on_cleanup(move || runner.cancel());
    let kept = RwSignal::new(request_for(&partner));
    let mode = RwSignal::new(Mode::Counts);
    let from = RwSignal::new(store.with_untracked(|w| w.profile.name.clone()));
    let min_size = RwSignal::new(DEFAULT_MIN_SIZE.to_string());
    let message = RwSignal::new(None::<String>);
    let result_file = RwSignal::new(None::<(String, Vec<u8>)>);

    let p = partner.clone();
    let create = move |_| {
        message.set(None);
        let name = from.get_untracked().trim().to_owned();
        let min: u32 = match min_size.get_untracked().trim().parse() {
            Ok(n) if n >= 1 => n,
            _ => {
                message.set(Some(
                    "The minimum list size is a whole number of accounts, 1 or more.".into(),
                ));
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
        let step = PsiStep::Start {
            mode: mode.get_untracked(),
            from: name,
            min_size: min,
            seed,
        };
        runner.run(store, step, move |(msg, file)| {
            let (FromWorker::PsiStarted { asked, .. }, Some(file)) = (msg, file) else {
                return;
            };
            let Ok(a) = serde_json::from_str::<Asked>(&asked) else {
                return;
            };
            let k = KeptRequest {
                date: clock::today().to_string(),
                session: a.session.clone(),
                mode: a.mode,
                asked,
                outcome: None,
            };
            // Without its secret kept, the answer could not be read: no file.
            if let Err(e) = keep_request(&p, &k) {
                message.set(Some(format!("The request was not made: {e}")));
                return;
            }
            let name = file_name("request", &k.session);
            kept.set(Some(k));
            if let Err(e) = download_bytes(&name, PSI_MIME, &file) {
                message.set(Some(e));
            }
        });
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
        };
        runner.run(store, step, move |(msg, file)| {
            let (FromWorker::PsiFinished { asked, outcome, .. }, Some(file)) = (msg, file) else {
                return;
            };
            let ours_lists = store.with_untracked(|w| accounts_of(w, &ListOwner::Ours).1);
            let measured = Measured {
                date: clock::today(),
                ours_lists,
                theirs_lists: Vec::new(),
                figures: outcome.figures(Side::Requester),
                method: Method::Private,
            };
            let done = KeptRequest {
                asked,
                outcome: Some(outcome),
                ..k
            };
            if let Err(e) = keep_request(&p, &done) {
                message.set(Some(format!(
                    "The outcome could not be kept in this browser: {e}"
                )));
            }
            if let Err(e) = lens.apply(PartnerEdit::Overlap(OverlapEdit::Measured(Some(measured))))
            {
                message.set(Some(e));
            }
            let name = file_name("result", &done.session);
            kept.set(Some(done));
            let _ = download_bytes(&name, PSI_MIME, &file);
            result_file.set(Some((name, file)));
        });
    });

    let p = partner.clone();
    let start_over = move |_| {
        runner.cancel();
        drop_request(&p);
        kept.set(None);
        result_file.set(None);
        message.set(None);
    };

    view! {
        <section aria-labelledby="private-title" data-testid="private-compare">
            <h2 id="private-title">"Compare privately"</h2>
            <p class="hint">"Neither company sees the other's accounts: each list is reduced to exact keys (the registrable domain, else the company name and country), blinded with a secret that never leaves its browser, and compared through three files you exchange (by e-mail, a shared drive). Private mode matches exactly on those keys; it cannot propose close spellings, so its figures can be lower than a normal mapping's."</p>
            <PsiProgress runner/>
            {move || match kept.get() {
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
                        <input id="psi-min" type="number" min="1" prop:value=move || min_size.get()
                            on:input:target=move |ev| min_size.set(ev.target().value())/>
                        <span class="hint">"Both sides refuse smaller lists: a tiny list could probe for single accounts."</span>
                    </div>
                    <button type="button" disabled=move || runner.running() on:click=create.clone()>"Create the request file"</button>
                }.into_any(),
                Some(k) if k.outcome.is_none() => view! {
                    <p data-testid="psi-pending">{format!(
                        "Request {} ({}) made on {}: send {} to the partner. When its answer file comes back, open it here.",
                        &k.session[..8.min(k.session.len())], k.mode.label().to_lowercase(), k.date, file_name("request", &k.session)
                    )}</p>
                    <PsiFile testid="psi-answer-drop" label="The partner's answer file (.psi)" on_bytes=finish/>
                    <button type="button" class="link" on:click=start_over.clone()>"Discard this request"</button>
                }.into_any(),
                Some(k) => {
                    let outcome = k.outcome.clone().expect("matched above");
                    view! {
                        <p class="ok" data-testid="psi-done">{format!(
                            "Compared privately with {} on {}: these figures are now the partner's overlap figures, marked as privately computed. Send {} back to the partner so it sees the same matrix.",
                            outcome.responder, k.date, file_name("result", &k.session)
                        )}</p>
                        <PsiOutcome outcome/>
                        {move || result_file.get().map(|(name, bytes)| view! {
                            <button type="button" on:click=move |_| { let _ = download_bytes(&name, PSI_MIME, &bytes); }>"Download the result file again"</button>
                        })}
                        <button type="button" class="link" on:click=start_over.clone()>"Start a new private comparison"</button>
                    }.into_any()
                }
            }}
            <p class="error" role="alert">{move || message.get()}</p>
        </section>
    }
}
