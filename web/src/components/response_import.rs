//! Import a partner's response: paste the link, open the file or drop it.
//! The response is checked against our invitations before anything changes;
//! attaching it is an explicit step.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use partnerfit_core::share::crypto::Secret;
use partnerfit_core::share::envelope;
use partnerfit_core::share::records::Verification;
use partnerfit_core::share::response::{attach, open, Attachment, OpenedResponse};
use partnerfit_core::share::ShareError;
use partnerfit_core::vocab::Vocabulary;

use crate::clock;
use crate::components::dropzone::{DropZone, FilePicker};
use crate::components::fields::next_id;
use crate::files::read_text;
use crate::routes::Page;
use crate::share_link::{LinkError, LinkProblem};
use crate::state::use_store;
use crate::stretch::stretch;
use partnerfit_core::edit::{Edit, PartnerEdit};

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Idle,
    NeedsPassphrase(Option<String>),
    Opening,
    Failed(LinkProblem),
    Ready(Box<(OpenedResponse, Attachment)>),
    Added(String),
}

/// The import panel. `initial`: text to open at once (the `/response#…` page).
#[component]
pub fn ResponseImport(#[prop(optional)] initial: Option<String>) -> impl IntoView {
    let ws = use_store();
    let text = RwSignal::new(initial.clone().unwrap_or_default());
    let passphrase = RwSignal::new(String::new());
    let step = RwSignal::new(Step::Idle);
    // Only the latest attempt speaks (stretching a passphrase takes time).
    let attempt = StoredValue::new(0u32);
    let run = move || {
        let t = text.get_untracked();
        let p = passphrase.get_untracked();
        step.set(Step::Opening);
        attempt.update_value(|a| *a += 1);
        let this = attempt.get_value();
        leptos::task::spawn_local(async move {
            // A sealed response's passphrase is stretched off the page's
            // thread; without one, opening says what it needs.
            let stretched = match envelope::stretching(&t) {
                Ok(Some(s)) if !p.is_empty() => Some(stretch(&p, s).await),
                _ => None,
            };
            if attempt.get_value() != this {
                return;
            }
            step.set(match open(&t, stretched.as_ref().map(Secret::from)) {
                Ok(r) => match ws.with_untracked(|w| attach(w, &r, clock::today())) {
                    Ok(a) => Step::Ready(Box::new((r, a))),
                    Err(e) => Step::Failed(e.into()),
                },
                Err(ShareError::NeedsPassphrase) => Step::NeedsPassphrase(None),
                Err(e @ ShareError::WrongPassphrase) => Step::NeedsPassphrase(Some(e.to_string())),
                Err(e) => Step::Failed(e.into()),
            });
        });
    };
    if initial.is_some_and(|s| !s.is_empty()) {
        run();
    }
    let take_file = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        leptos::task::spawn_local(async move {
            match read_text(file).await {
                Ok(t) => {
                    text.set(t);
                    run();
                }
                Err(e) => step.set(Step::Failed(e.into())),
            }
        });
    };
    let navigate = use_navigate();
    let add = move |_| {
        let Step::Ready(b) = step.get_untracked() else {
            return;
        };
        let (_, att) = *b;
        let name = ws.with_untracked(|w| {
            w.partner(&att.partner)
                .map(|p| p.name.clone())
                .unwrap_or_default()
        });
        let partner = att.partner.clone();
        match ws.commit(Edit::Partner(
            att.partner,
            PartnerEdit::Respond(att.response),
        )) {
            Ok(()) => {
                step.set(Step::Added(name));
                text.set(String::new());
                navigate(&Page::SelfAssessment(partner).href(), Default::default());
            }
            Err(e) => step.set(Step::Failed(e.into())),
        }
    };
    let (text_id, pass_id) = (next_id(), next_id());
    view! {
        <section class="import" aria-labelledby="resp-import-title">
            <h2 id="resp-import-title">"Import a response"</h2>
            <DropZone testid="response-dropzone" on_file=take_file>
                <div class="field">
                    <label class="label" for=text_id.clone()>"Paste the response link"</label>
                    <textarea id=text_id rows="3" prop:value=move || text.get() on:input:target=move |ev| text.set(ev.target().value())></textarea>
                </div>
                <FilePicker label="Or open the response file (.json)" accept=".json,application/json" on_file=take_file
                    hint="You can also drop the file here. It is read in this browser only."/>
                {move || matches!(step.get(), Step::NeedsPassphrase(_)).then(|| view! {
                    <div class="field">
                        <label class="label" for=pass_id.clone()>"Passphrase of the invitation"</label>
                        <input id=pass_id.clone() type="password" autocomplete="off" prop:value=move || passphrase.get()
                            on:input:target=move |ev| passphrase.set(ev.target().value())/>
                    </div>
                })}
                <button type="button" on:click=move |_| run()>"Open the response"</button>
            </DropZone>
            <div data-testid="response-import-result" role="status">
                {move || match step.get() {
                    Step::Idle => ().into_any(),
                    Step::Opening => view! { <p>"Opening…"</p> }.into_any(),
                    Step::NeedsPassphrase(problem) => view! {
                        <p class="error">{problem.unwrap_or_else(|| "This response is protected by the invitation's passphrase: enter it above, then open it again.".into())}</p>
                    }.into_any(),
                    Step::Failed(problem) => view! { <LinkError problem testid="response-error"/> }.into_any(),
                    Step::Added(name) => view! { <p class="ok">{format!("Added to {name}'s self-assessments.")}</p> }.into_any(),
                    Step::Ready(b) => {
                        let (r, a) = &*b;
                        let partner = ws.with_untracked(|w| w.partner(&a.partner).map(|p| p.name.clone()).unwrap_or_default());
                        let d = &r.response.draft;
                        let rated = a.response.ratings.len();
                        let verified = a.response.verification == Verification::Verified;
                        view! {
                            <div class="preview" data-testid="response-preview">
                                <p><strong>{format!("{} for {partner}", if d.name.trim().is_empty() { "A response" } else { d.name.trim() })}</strong>
                                   {format!(", sent {}: {rated} self-ratings.", r.submitted)}</p>
                                <p class=if verified { "ok" } else { "warning" } data-testid="verification">{a.response.verification.label()}</p>
                                {a.late.then(|| view! { <p class="warning">"Received after the invitation expired."</p> })}
                                {a.duplicate.then(|| view! { <p class="warning">"This response was imported before; adding it again keeps both."</p> })}
                                <button type="button" on:click=add.clone()>{format!("Add to {partner}'s self-assessments")}</button>
                            </div>
                        }.into_any()
                    }
                }}
            </div>
        </section>
    }
}
