//! Answering a private comparison (`overlap::private`), the partner's side:
//! open the request file, see who asks, the mode and their list sizes (the
//! consent screen), import our own CRM export with the usual CSV import
//! and column mapping, choose which of our populations take part, answer.
//! The answer file goes back to the requester; its result file, opened
//! here, shows the same matrix. What the answer keeps (our own keys, no
//! secret) stays in this browser (`storage::psi`); the requester's account
//! names never reach this browser.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::overlap::account::ListOwner;
use partnerfit_core::overlap::analysis::accounts_of;
use partnerfit_core::overlap::population::Population;
use partnerfit_core::overlap::private::steps::DEFAULT_MIN_SIZE;
use partnerfit_core::overlap::private::terms::Mode;
use partnerfit_core::vocab::Vocabulary;

use crate::clock;
use crate::components::account_lists::AccountLists;
use crate::components::list_import::ListImport;
use crate::components::psi_file::{file_name, PsiFile, PSI_MIME};
use crate::components::psi_outcome::PsiOutcome;
use crate::files::download_bytes;
use crate::psi_run::{PsiProgress, PsiRunner, PsiStep};
use crate::routes::Page;
use crate::state::use_store;
use crate::state::Origin;
use crate::storage::psi::{
    answer_for, answers, drop_answer, keep_answer, unreadable_answers, KeptAnswer,
};
use crate::worker::protocol::FromWorker;
use crate::worker::psi::WireRequest;

fn sizes_text(sizes: &[Option<u32>; 3]) -> String {
    Population::ALL
        .iter()
        .zip(sizes)
        .map(|(p, n)| match n {
            Some(n) => format!("{} {}", n, p.label().to_lowercase()),
            None => format!("no {}", p.label().to_lowercase()),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn learns(mode: Mode) -> &'static str {
    match mode {
        Mode::Counts => "Each side learns how many accounts are shared per pair of populations, and nothing about which ones.",
        Mode::Accounts => "Each side learns how many accounts are shared per pair of populations and which of its own accounts they are; neither learns the other's accounts that are not shared.",
    }
}

#[component]
pub fn PrivateAnswerPage() -> impl IntoView {
    let store = use_store();
    let runner = PsiRunner::new();
    on_cleanup(move || runner.cancel());
    let request = RwSignal::new(None::<(WireRequest, Vec<u8>)>);
    let kept = RwSignal::new(answers());
    let from = RwSignal::new(store.with_untracked(|w| w.profile.name.clone()));
    let taking = RwSignal::new([true; 3]);
    let message = RwSignal::new(None::<String>);
    let ours = Memo::new(move |_| {
        store.with(|w| {
            let (accounts, _) = accounts_of(w, &ListOwner::Ours);
            let count = |p: Population| accounts.iter().filter(|a| a.population == p).count();
            [
                count(Population::ALL[0]),
                count(Population::ALL[1]),
                count(Population::ALL[2]),
            ]
        })
    });

    let open_request = Callback::new(move |(_, bytes): (String, Vec<u8>)| {
        message.set(None);
        request.set(None);
        let file = bytes.clone();
        runner.run(store, PsiStep::Show { request: bytes }, move |(msg, _)| {
            if let FromWorker::PsiRequest { request: r, .. } = msg {
                request.set(Some((r, file)));
            }
        });
    });

    let answer = move |_| {
        let Some((r, file)) = request.get_untracked() else {
            return;
        };
        let name = from.get_untracked().trim().to_owned();
        if name.is_empty() {
            message.set(Some(
                "Give your company's name: the requester sees it with the result.".into(),
            ));
            return;
        }
        if store.origin_untracked() == Origin::Demo {
            message.set(Some(DEMO.into()));
            return;
        }
        // A result was read for this request already: a second answer
        // would replace what that result is read with.
        if answer_for(&r.session).is_some_and(|k| k.outcome.is_some()) {
            message.set(Some("This request was answered and its result read already: ask the requester for a new request.".into()));
            return;
        }
        let counts = ours.get_untracked();
        let populations: Vec<Population> = Population::ALL
            .iter()
            .zip(taking.get_untracked())
            .zip(counts)
            .filter(|((_, t), n)| *t && *n > 0)
            .map(|((p, _), _)| *p)
            .collect();
        let seed = match clock::secure_random::<32>() {
            Ok(s) => s,
            Err(e) => {
                message.set(Some(e));
                return;
            }
        };
        message.set(None);
        let step = PsiStep::Answer {
            request: file,
            from: name,
            populations,
            seed,
        };
        let replaces = answer_for(&r.session).is_some();
        runner.run(store, step, move |(msg, file)| {
            let (FromWorker::PsiAnswered { answered, .. }, Some(file)) = (msg, file) else {
                return;
            };
            let k = KeptAnswer {
                date: clock::today().to_string(),
                request: r,
                answered,
                outcome: None,
            };
            if let Err(e) = keep_answer(&k) {
                message.set(Some(format!("The answer was not made: {e}")));
                return;
            }
            kept.set(answers());
            if let Err(e) = download_bytes(&file_name("answer", &k.request.session), PSI_MIME, &file) {
                message.set(Some(format!("The answer file could not be offered: {e}")));
                return;
            }
            request.set(None);
            if replaces {
                message.set(Some("This answer replaces your earlier answer to the same request: send only this new file.".into()));
            }
        });
    };

    let open_result = Callback::new(move |(_, bytes): (String, Vec<u8>)| {
        message.set(None);
        // Every kept answer: the worker finds the one the result answers.
        let all: Vec<KeptAnswer> = kept.get_untracked();
        let step = PsiStep::Read {
            answered: all.iter().map(|k| k.answered.clone()).collect(),
            result: bytes,
            names: all.iter().any(|k| k.request.mode == Mode::Accounts),
        };
        runner.run(store, step, move |(msg, _)| {
            let FromWorker::PsiOutcome { index, outcome, .. } = msg else {
                return;
            };
            let Some(k) = all.into_iter().nth(index) else {
                return;
            };
            if k.outcome.is_some() {
                message.set(Some(format!(
                    "This result of {}'s request was read already: it is shown below.",
                    k.request.from
                )));
                return;
            }
            let done = KeptAnswer {
                outcome: Some(outcome),
                ..k
            };
            if let Err(e) = keep_answer(&done) {
                message.set(Some(format!(
                    "The result could not be kept in this browser: {e}"
                )));
            }
            kept.set(answers());
        });
    });

    view! {
        <h1>"Answer a private comparison"</h1>
        <p class="hint">"A company you work with asks to compare account lists without either side seeing the other's accounts. Your list is reduced to exact keys (the registrable domain, else the company name and country) and blinded with a secret that never leaves this browser; only blinded values go into the answer file. Private mode matches exactly on those keys and cannot propose close spellings."</p>
        <PsiProgress runner/>
        <Show when=move || store.origin() == Origin::Demo>
            <p class="error" role="alert" data-testid="psi-demo">{DEMO}" "<A href=Page::Workspace.link()>"Workspace"</A></p>
        </Show>
        <section aria-labelledby="psi-request-title">
            <h2 id="psi-request-title">"1. Open the request"</h2>
            <PsiFile testid="psi-request-drop" label="Request file (.psi)" on_bytes=open_request/>
            {move || request.get().map(|(r, _)| view! {
                <div class="verdict-panel" data-testid="psi-consent">
                    <p><strong>{r.from.clone()}</strong>" asks to compare account lists: "<strong>{r.mode.label()}</strong>"."</p>
                    <p>{learns(r.mode)}</p>
                    <p>{format!("Their list: {}. Neither side accepts a list under {} accounts (counted by distinct domain or name and country): a tiny list could probe for single accounts.", sizes_text(&r.sizes), r.min_size.max(DEFAULT_MIN_SIZE))}</p>
                    <p class="hint">"The names are the ones each company gives itself: check with the requester that the request is theirs."</p>
                </div>
            })}
        </section>
        <section aria-labelledby="psi-ours-title">
            <h2 id="psi-ours-title">"2. Your accounts"</h2>
            <p>"Import your CRM export with the column mapping you would use for a normal mapping. It stays in this browser."</p>
            <AccountLists owner=ListOwner::Ours/>
            <ListImport owner=ListOwner::Ours label="Import your accounts (CSV)"/>
            <fieldset>
                <legend>"Populations taking part"</legend>
                {Population::ALL.iter().enumerate().map(|(i, p)| view! {
                    <label><input type="checkbox" disabled=move || { ours.get()[i] == 0 } prop:checked=move || { taking.get()[i] && ours.get()[i] != 0 }
                        on:change:target=move |ev| taking.update(|t| t[i] = ev.target().checked())/>
                        {move || format!("{} ({})", p.label(), ours.get()[i])}</label><br/>
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="psi-answer-from">"Your company, as the requester will see it"</label>
                <input id="psi-answer-from" type="text" maxlength="200" prop:value=move || from.get()
                    on:input:target=move |ev| from.set(ev.target().value())/>
            </div>
            <button type="button" disabled=move || request.get().is_none() || runner.running() on:click=answer>"Answer and download the answer file"</button>
        </section>
        <section aria-labelledby="psi-results-title">
            <h2 id="psi-results-title">"3. The result"</h2>
            <p>"When the requester sends the result file back, open it here: you see the same matrix."</p>
            <PsiFile testid="psi-result-drop" label="Result file (.psi)" on_bytes=open_result/>
            {(unreadable_answers() > 0).then(|| view! {
                <p class="error" role="alert">{format!("{} kept answer(s) of this browser cannot be read (another version of Partnerfit, or damage); they are left as they are.", unreadable_answers())}</p>
            })}
            {move || kept.get().into_iter().map(|k| {
                let session = k.request.session.clone();
                let head = format!("{} asked on {} ({}): ", k.request.from, k.date, k.request.mode.label().to_lowercase());
                match k.outcome {
                    Some(outcome) => view! {
                        <article data-testid="psi-answered">
                            <p>{head}"compared."</p>
                            <PsiOutcome outcome/>
                            <button type="button" class="link" on:click=move |_| { drop_answer(&session); kept.set(answers()); }>"Forget this comparison"</button>
                        </article>
                    }.into_any(),
                    None => view! {
                        <article data-testid="psi-answered">
                            <p>{head}{format!("answered; waiting for the result file ({}).", file_name("result", &session))}</p>
                            <button type="button" class="link" on:click=move |_| { drop_answer(&session); kept.set(answers()); }>"Forget this answer"</button>
                        </article>
                    }.into_any(),
                }
            }).collect_view()}
        </section>
        <p class="error" role="alert">{move || message.get()}</p>
        <p><A href=Page::Accounts.link()>"Your accounts"</A></p>
    }
}

const DEMO: &str = "This browser holds the demo workspace: its sample accounts would be answered with yours. Start an empty workspace first (Workspace page, Start over), then import your accounts.";
