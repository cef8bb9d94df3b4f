//! Respond mode: a partner opens an invitation link, answers, and sends the
//! answers back as a link or a file. Runs without our workspace: nothing of
//! the partner's own Partnerfit data (if any) is read or written; the draft
//! lives under its own storage key.

use leptos::prelude::*;
use partnerfit_core::share::crypto::{SealEntropy, Stretched};
use partnerfit_core::share::envelope::{self, file_text, Kind};
use partnerfit_core::share::invitation::{self, link, Opened, RESPONSE_PATH};
use partnerfit_core::share::response::{self, Draft, SelfRating, LINK_BUDGET};
use partnerfit_core::share::ShareError;

use crate::clock;
use crate::components::brief_view::BriefView;
use crate::components::fields::next_id;
use crate::components::one_pager_view::OnePagerView;
use crate::components::rating::{ScoreSelect, SELF_ANCHORS};
use crate::share_link::{copy, fragment, mailto, site, LinkError, LinkProblem};
use crate::storage::keys::StorageKey;
use crate::storage::local;
use crate::stretch::stretch;

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    /// Sealed: the passphrase is needed.
    Locked(Option<String>),
    /// Deriving the key (takes about a second).
    Unlocking,
    Failed(LinkProblem),
    Open(Box<Opened>),
}

/// Where the page starts: everything that can be checked without the
/// passphrase (the header, the characters, the length, whether it was cut
/// off) is checked before a protected link asks for it.
fn first_stage(hash: &str) -> Stage {
    if hash.is_empty() {
        return Stage::Failed(String::from("This page opens self-assessment invitations, and this address has none. Open the whole link you were sent (it contains \"#pf\").").into());
    }
    match envelope::extract(hash).and_then(|t| envelope::parse(&t)) {
        Err(e) => Stage::Failed(e.into()),
        Ok(env) if env.kind != Kind::Invitation => Stage::Failed(
            ShareError::WrongKind {
                found: "a response",
                expected: "an invitation",
                hint:
                    "open it in the Partnerfit workspace of the company that sent the invitation.",
            }
            .into(),
        ),
        Ok(env) if env.sealed => Stage::Locked(None),
        Ok(_) => match invitation::open(hash, None, clock::today()) {
            Ok(o) => Stage::Open(Box::new(o)),
            Err(e) => Stage::Failed(e.into()),
        },
    }
}

/// The whole respond-mode page (mounted instead of the workbench).
#[component]
pub fn RespondApp() -> impl IntoView {
    crate::offline::register(crate::offline::App::Respond);
    // The fragment is the whole invitation: another link pasted into this
    // tab changes only the fragment, so start over with it.
    let new_link = window_event_listener(leptos::ev::hashchange, |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    on_cleanup(move || new_link.remove());
    let hash = fragment();
    let stage = RwSignal::new(first_stage(&hash));
    let passphrase = StoredValue::new(String::new());
    // The passphrase stretched for this invitation: it opened the
    // invitation and seals the response (same salt, a fresh nonce).
    let key = StoredValue::new(None::<Stretched>);
    let pass_id = next_id();
    let hash = StoredValue::new(hash);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = passphrase.get_value();
        let stretching = match hash.with_value(|h| envelope::stretching(h)) {
            Ok(Some(s)) if !p.is_empty() => s,
            Ok(_) => {
                stage.set(Stage::Locked(Some(ShareError::NeedsPassphrase.to_string())));
                return;
            }
            Err(e) => {
                stage.set(Stage::Failed(e.into()));
                return;
            }
        };
        stage.set(Stage::Unlocking);
        leptos::task::spawn_local(async move {
            let stretched = stretch(&p, stretching).await;
            let opened =
                hash.with_value(|h| invitation::open(h, Some((&stretched).into()), clock::today()));
            stage.set(match opened {
                Ok(o) => {
                    key.set_value(Some(stretched));
                    Stage::Open(Box::new(o))
                }
                Err(e @ (ShareError::WrongPassphrase | ShareError::NeedsPassphrase)) => {
                    Stage::Locked(Some(e.to_string()))
                }
                Err(e) => Stage::Failed(e.into()),
            });
        });
    };
    view! {
        <header class="app-header respond-header">
            <p class="brand">"Partnerfit · partner self-assessment"</p>
            <crate::offline::UpdateNotice/>
        </header>
        <main id="main" tabindex="-1" class="respond">
            {move || match stage.get() {
                Stage::Failed(problem) => view! {
                    <h1>"This link cannot be opened"</h1>
                    <LinkError problem testid="respond-error"/>
                }.into_any(),
                Stage::Locked(problem) => view! {
                    <h1>"A protected invitation"</h1>
                    <p>"The company that invited you protected this link with a passphrase. They will have given it to you separately (by phone or message)."</p>
                    <form class="inline-form" on:submit=unlock>
                        <div class="field">
                            <label class="label" for=pass_id.clone()>"Passphrase"</label>
                            <input id=pass_id.clone() type="password" autocomplete="off" on:input:target=move |ev| passphrase.set_value(ev.target().value())/>
                        </div>
                        <button type="submit">"Open the invitation"</button>
                    </form>
                    {problem.map(|p| view! { <p class="error" role="alert">{p}</p> })}
                }.into_any(),
                Stage::Unlocking => view! { <p role="status">"Unlocking… (this takes a second: the passphrase is stretched so it cannot be guessed quickly)"</p> }.into_any(),
                Stage::Open(opened) => view! { <Questionnaire opened=*opened stretched=key/> }.into_any(),
            }}
        </main>
    }
}

/// The questionnaire of an opened invitation.
#[component]
fn Questionnaire(opened: Opened, stretched: StoredValue<Option<Stretched>>) -> impl IntoView {
    let key = StorageKey::RespondDraft(opened.id.to_string());
    let draft = RwSignal::new(local::get_pref::<Draft>(&key).unwrap_or_default());
    let saved = RwSignal::new(local::available().is_ok());
    // Whether this browser keeps the draft: until the answers are sent (or
    // the partner asks to forget the invitation), then never again on this
    // page, so answers to a sealed invitation do not outlive the sending.
    let keep = RwSignal::new(true);
    // Sync the draft to this browser's storage (its own key), or remove it.
    Effect::new(move |_| {
        let d = draft.get();
        if keep.get() {
            local::set_pref(&key, &d);
        } else {
            local::remove(&key);
        }
    });
    let sent = Callback::new(move |()| keep.set(false));
    let forget = move |_| {
        keep.set(false);
        draft.set(Draft::default());
    };
    let inv = opened.invitation.clone();
    let opened = StoredValue::new(opened);
    let result = RwSignal::new(None::<Result<String, String>>);
    // Sealed with the key that opened the invitation: nothing to stretch.
    let prepare = move |_| {
        let today = clock::today();
        let text = opened.with_value(|o| {
            stretched.with_value(|k| match (o.sealed, k) {
                (true, Some(k)) => {
                    let e = clock::secure_random::<28>().map(SealEntropy::from_bytes)?;
                    Ok(response::pack(
                        o,
                        &draft.get_untracked(),
                        today,
                        Some((k.into(), e)),
                    ))
                }
                (true, None) => Err(
                    "The invitation's key is gone: reload the page and enter the passphrase again."
                        .to_owned(),
                ),
                (false, _) => Ok(response::pack(o, &draft.get_untracked(), today, None)),
            })
        });
        result.set(Some(text));
    };
    let missing = move || draft.with(|d| opened.with_value(|o| response::missing(o, d)));
    let expires = inv.expires.clone();
    let contact = inv.contact.clone();
    let company = inv.brief.company.clone();
    let sections = inv.sections.clone();
    let alignment = inv.alignment.clone();
    let (name_id, email_id, comments_id) = (next_id(), next_id(), next_id());
    view! {
        <h1>{format!("{} invites {} to a self-assessment", company, inv.to)}</h1>
        <p class="lede">
            "Rate your organisation on each point, with evidence, and answer three questions. "
            {expires.map(|e| format!("Please answer by {e}. "))}
            "Your answers stay in this browser until you send them back: Partnerfit has no server, and nothing is uploaded."
        </p>
        {move || (!saved.get()).then(|| view! { <p class="warning">"This browser does not let the page keep a draft: finish in one go, or your answers are lost when you close it."</p> })}
        {move || (saved.get() && !keep.get()).then(|| view! {
            <p class="ok" role="status" data-testid="draft-forgotten">"This browser no longer keeps your answers: they are only on this page (and in what you sent), and go when you close it."</p>
        })}
        <details class="respond-brief" open>
            <summary>{format!("Who {company} wants you to bring (their ICP brief)")}</summary>
            <BriefView brief=inv.brief.clone() nested=true/>
        </details>
        {inv.rules.clone().map(|pager| view! {
            <details class="respond-brief">
                <summary>"The proposed rules of engagement"</summary>
                <OnePagerView pager nested=true/>
            </details>
        })}
        <section aria-labelledby="who-title">
            <h2 id="who-title">"About you"</h2>
            <div class="grid2">
                <div class="field">
                    <label class="label" for=name_id.clone()>"Your name and role"</label>
                    <input id=name_id type="text" maxlength="300" prop:value=move || draft.with(|d| d.name.clone())
                        on:input:target=move |ev| draft.update(|d| d.name = ev.target().value())/>
                </div>
                <div class="field">
                    <label class="label" for=email_id.clone()>"Your e-mail (optional)"</label>
                    <input id=email_id type="email" maxlength="300" prop:value=move || draft.with(|d| d.email.clone())
                        on:input:target=move |ev| draft.update(|d| d.email = ev.target().value())/>
                </div>
            </div>
        </section>
        {sections.into_iter().map(|s| view! {
            <section class="respond-section">
                <h2>{s.name}</h2>
                {s.questions.into_iter().map(|q| view! { <QuestionField id=q.id text=q.text draft/> }).collect_view()}
            </section>
        }).collect_view()}
        <section aria-labelledby="align-title">
            <h2 id="align-title">"Three questions"</h2>
            {alignment.into_iter().enumerate().map(|(i, q)| {
                let id = next_id();
                view! {
                    <div class="field">
                        <label class="label" for=id.clone()>{q}</label>
                        <textarea id=id rows="3" maxlength="4000" prop:value=move || draft.with(|d| d.answers[i].clone())
                            on:input:target=move |ev| draft.update(|d| d.answers[i] = ev.target().value())></textarea>
                    </div>
                }
            }).collect_view()}
            <div class="field">
                <label class="label" for=comments_id.clone()>"Anything else (optional)"</label>
                <textarea id=comments_id rows="3" maxlength="4000" prop:value=move || draft.with(|d| d.comments.clone())
                    on:input:target=move |ev| draft.update(|d| d.comments = ev.target().value())></textarea>
            </div>
        </section>
        <section aria-labelledby="send-title" class="send-back">
            <h2 id="send-title">"Send your answers back"</h2>
            {move || {
                let m = missing();
                (!m.is_empty()).then(|| view! {
                    <p class="hint" data-testid="respond-missing">{format!("Still open: {}. You can send now, or finish first.", m.join("; "))}</p>
                })
            }}
            <button type="button" on:click=prepare>"Prepare the response"</button>
            {move || result.get().map(|r| match r {
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                Ok(text) => view! { <SendBack text=text contact=contact.clone() company=company.clone() invitation=opened.with_value(|o| o.id.to_string()) sent/> }.into_any(),
            })}
        </section>
        <section aria-labelledby="forget-title">
            <h2 id="forget-title">"Forget this invitation"</h2>
            <p class="hint">"Your answers are kept in this browser while you work, and removed once you send them. To remove them now (on a shared computer, say), forget the invitation: the answers on this page are cleared too."</p>
            <button type="button" on:click=forget>"Forget this invitation in this browser"</button>
        </section>
    }
}

/// One question: a 1–5 self-rating and evidence.
#[component]
fn QuestionField(id: String, text: String, draft: RwSignal<Draft>) -> impl IntoView {
    let ev_id = next_id();
    let (k1, k2, k3, k4) = (id.clone(), id.clone(), id.clone(), id);
    let score = Signal::derive(move || {
        draft.with(|d| {
            d.ratings
                .get(&k1)
                .and_then(|r| r.score)
                .map(|s| s.to_string())
                .unwrap_or_default()
        })
    });
    let evidence = move || {
        draft.with(|d| {
            d.ratings
                .get(&k2)
                .map(|r| r.evidence.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="question">
            <ScoreSelect label=text.clone() value=score anchors=SELF_ANCHORS on_change=move |v| {
                draft.update(|d| d.ratings.entry(k3.clone()).or_insert_with(SelfRating::default).score = v);
                Ok(())
            }/>
            <div class="field">
                <label class="label" for=ev_id.clone()>{format!("Evidence: {text}")}</label>
                <textarea id=ev_id rows="2" maxlength="4000" prop:value=evidence
                    on:input:target=move |ev| draft.update(|d| d.ratings.entry(k4.clone()).or_insert_with(SelfRating::default).evidence = ev.target().value())></textarea>
            </div>
        </div>
    }
}

/// The prepared response: link, copy, file, e-mail.
#[component]
fn SendBack(
    text: String,
    contact: String,
    company: String,
    invitation: String,
    /// Called once the response leaves the page (copied, downloaded or
    /// handed to the mail program): the draft is then no longer kept.
    sent: Callback<()>,
) -> impl IntoView {
    let url = link(&site(), RESPONSE_PATH, &text);
    let fits = url.len() <= LINK_BUDGET;
    let file = file_text(Kind::Response, &text, &url);
    let file_name = format!("partnerfit-response-{invitation}.json");
    let copied = RwSignal::new(false);
    let link_id = next_id();
    let url_copy = url.clone();
    let download = move |_| {
        if crate::files::download(&file_name, "application/json", &file).is_ok() {
            sent.run(());
        }
    };
    let body = if fits {
        format!("Hello,\n\nhere is our self-assessment. Open this link in your Partnerfit workspace to import it:\n\n{url}\n")
    } else {
        "Hello,\n\nour self-assessment is attached as a file (it is too long for a link). Import it in your Partnerfit workspace.\n".to_owned()
    };
    let mail = (!contact.is_empty())
        .then(|| mailto(&contact, &format!("Self-assessment for {company}"), &body));
    view! {
        <div class="send-result" data-testid="send-back">
            {if fits {
                view! { <p class="ok">{format!("Ready: a link of {} characters. Send it back any way you like; it holds your answers.", url.len())}</p> }.into_any()
            } else {
                view! { <p class="warning" role="alert">{format!(
                    "Your answers make a link of {} characters, more than the {LINK_BUDGET} that e-mail programs reliably keep. Download the file and attach it instead.", url.len()
                )}</p> }.into_any()
            }}
            <div class="field">
                <label class="label" for=link_id.clone()>"Response link"</label>
                <textarea id=link_id rows="4" readonly prop:value=url.clone()></textarea>
            </div>
            <div class="actions">
                <button type="button" on:click=move |_| { copy(&url_copy); copied.set(true); sent.run(()); }>"Copy the link"</button>
                <button type="button" on:click=download>"Download the response file"</button>
                {mail.map(|m| view! { <a class="button" href=m on:click=move |_| sent.run(())>{format!("E-mail it to {contact}")}</a> })}
                {move || copied.get().then(|| view! { <span role="status">"Copied."</span> })}
            </div>
        </div>
    }
}
