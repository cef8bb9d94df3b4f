//! A partner's self-assessment by link: create invitations, import
//! responses, and compare their self-rating with ours.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::share::compare::{compare, notable};
use partnerfit_core::share::crypto::{SealEntropy, Stretching};
use partnerfit_core::share::invitation::{create, InviteEntropy, InviteOptions};
use partnerfit_core::share::passphrase::{self, generate, GENERATED_BYTES, MIN_CHARS};
use partnerfit_core::share::records::{ReceivedResponse, Verification};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::{Date, Id};

use crate::clock;
use crate::components::fields::next_id;
use crate::components::partner_route::PartnerRoute;
use crate::components::response_import::ResponseImport;
use crate::routes::Page;
use crate::share_link::{copy, site};
use crate::stretch::stretch;
use partnerfit_core::edit::partner::CONTACT;
use partnerfit_core::edit::{Edit, PartnerEdit};

use crate::state::use_store;

#[component]
pub fn SelfAssessmentPage() -> impl IntoView {
    view! { <PartnerRoute page=|id| view! { <SelfAssessmentView id/> }/> }
}

#[component]
fn SelfAssessmentView(id: Id) -> impl IntoView {
    let ws = use_store();
    let key = StoredValue::new(id.clone());
    let name = move || {
        key.with_value(|id| ws.with(|w| w.partner(id).map(|p| p.name.clone()).unwrap_or_default()))
    };
    let responses = move || {
        key.with_value(|id| {
            ws.with(|w| {
                w.partner(id)
                    .map(|p| p.self_assessment.responses.len())
                    .unwrap_or(0)
            })
        })
    };
    view! {
        <h1>"Self-assessment: "{name}</h1>
        <p><A href=Page::Partner(id.clone()).link()>"Back to the partner"</A></p>
        <p class="lede">"Send the partner a link: they rate themselves on our scorecard's criteria and answer the three alignment questions, in their own browser, and send the answers back. No server sees either: the link itself carries the questions and, on the way back, the answers."</p>
        <InviteForm id=id.clone()/>
        <Invitations id=id.clone()/>
        <ResponseImport/>
        {move || (responses() > 0).then(|| view! { <Responses id=key.get_value()/> })}
    }
}

/// Create an invitation.
#[component]
fn InviteForm(id: Id) -> impl IntoView {
    let ws = use_store();
    let has_rules = ws.with_untracked(|w| w.partner(&id).is_some_and(|p| p.motion.is_drafted()));
    let expires = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let rules = RwSignal::new(has_rules);
    let passphrase = RwSignal::new(String::new());
    let created = RwSignal::new(None::<Result<String, String>>);
    let copied = RwSignal::new(false);
    let key = StoredValue::new(id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        copied.set(false);
        let today = clock::today();
        let expires = match expires.get_untracked().trim() {
            "" => None,
            t => match Date::parse(t) {
                Ok(d) if d < today => {
                    created.set(Some(Err(format!("The expiry date {d} is already past."))));
                    return;
                }
                Ok(d) => Some(d),
                Err(e) => {
                    created.set(Some(Err(format!("Expiry date: {e}"))));
                    return;
                }
            },
        };
        let pass = passphrase.get_untracked();
        let mut options = InviteOptions {
            expires,
            contact: contact.get_untracked(),
            include_rules: rules.get_untracked(),
            passphrase: (!pass.is_empty()).then_some(pass),
            stretched: None,
        };
        let entropy = (|| -> Result<InviteEntropy, String> {
            Ok(InviteEntropy {
                id: u64::from_le_bytes(clock::secure_random::<8>()?),
                secret: clock::secure_random::<16>()?,
                seal: SealEntropy::from_bytes(clock::secure_random::<28>()?),
            })
        })();
        let entropy = match entropy {
            Ok(e) => e,
            Err(e) => {
                created.set(Some(Err(e)));
                return;
            }
        };
        created.set(Some(Ok("Creating…".into())));
        leptos::task::spawn_local(async move {
            // Sealing stretches the passphrase (about a second): off the
            // page's thread, once it is long enough to be used.
            if let Some(p) = options.passphrase.as_deref() {
                if passphrase::check(p).is_ok() {
                    let stretching = Stretching::new_link(entropy.seal.salt);
                    options.stretched = Some(stretch(p, stretching).await);
                }
            }
            let sent = key.with_value(|id| {
                ws.with_untracked(|w| create(w, id, &options, entropy, today, &site()))
            });
            match sent {
                Ok(sent) => {
                    let link = sent.link.clone();
                    let recorded =
                        ws.commit(Edit::Partner(key.get_value(), PartnerEdit::Invite(sent)));
                    created.set(Some(recorded.map(|()| link)));
                }
                Err(e) => created.set(Some(Err(format!("No invitation was created: {e}.")))),
            }
        });
    };
    let generate_passphrase = move |_| match clock::secure_random::<GENERATED_BYTES>() {
        Ok(bytes) => passphrase.set(generate(bytes)),
        Err(e) => created.set(Some(Err(e))),
    };
    let (exp_id, contact_id, rules_id, pass_id, link_id) =
        (next_id(), next_id(), next_id(), next_id(), next_id());
    let rules_for = rules_id.clone();
    view! {
        <section aria-labelledby="invite-title">
            <h2 id="invite-title">"Invite the partner"</h2>
            <form class="invite-form" on:submit=submit>
                <div class="grid2">
                    <div class="field">
                        <label class="label" for=exp_id.clone()>"Answer by (optional)"</label>
                        <input id=exp_id type="date" prop:value=move || expires.get() on:input:target=move |ev| expires.set(ev.target().value())/>
                    </div>
                    <div class="field">
                        <label class="label" for=contact_id.clone()>{CONTACT}</label>
                        <input id=contact_id type="email" maxlength="300" prop:value=move || contact.get() on:input:target=move |ev| contact.set(ev.target().value())/>
                    </div>
                </div>
                <div class="field">
                    <label class="check" for=rules_for><input id=rules_id type="checkbox" prop:checked=move || rules.get()
                        on:change:target=move |ev| rules.set(ev.target().checked())/>" Include the rules-of-engagement one-pager"</label>
                </div>
                <div class="field">
                    <label class="label" for=pass_id.clone()>"Passphrase (optional)"</label>
                    <span class="hint">{format!("Encrypts the link (AES-256-GCM), and only a sealed invitation's responses can be verified as ours: without one, anyone who sees the link could answer in the partner's name. At least {MIN_CHARS} characters, or generate one. Give it by phone or message, never in the same e-mail as the link.")}</span>
                    <div class="row">
                        <input id=pass_id type="text" autocomplete="off" spellcheck="false" prop:value=move || passphrase.get() on:input:target=move |ev| passphrase.set(ev.target().value())/>
                        <button type="button" on:click=generate_passphrase>"Generate a passphrase"</button>
                    </div>
                </div>
                <p class="hint">"The invitation carries our ICP brief, the wording of our scorecard criteria and the three alignment questions. Never our ratings, weights, gates, notes, other partners, account lists or incentive figures."</p>
                <button type="submit">"Create the invitation link"</button>
            </form>
            {move || created.get().map(|r| match r {
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                Ok(link) if !link.contains('#') => view! { <p role="status">{link}</p> }.into_any(),
                Ok(link) => {
                    let l2 = link.clone();
                    view! {
                        <div class="send-result" data-testid="invitation-created">
                            <div class="field">
                                <label class="label" for=link_id.clone()>"Invitation link"</label>
                                <textarea id=link_id.clone() rows="4" readonly prop:value=link.clone()></textarea>
                                <span class="hint">{if link.len() > 2_000 {
                                    format!("{} characters: some e-mail programs break links over 2,000. Leave out the one-pager to shorten it, or send it in a message or chat.", link.len())
                                } else {
                                    format!("{} characters.", link.len())
                                }}</span>
                            </div>
                            <button type="button" on:click=move |_| { copy(&l2); copied.set(true); }>"Copy the invitation link"</button>
                            {move || copied.get().then(|| view! { <span role="status">" Copied."</span> })}
                        </div>
                    }.into_any()
                }
            })}
        </section>
    }
}

/// Invitations sent, newest first.
#[component]
fn Invitations(id: Id) -> impl IntoView {
    let ws = use_store();
    let key = StoredValue::new(id);
    let list = move || {
        ws.with(|w| {
            key.with_value(|id| w.partner(id)).map(|p| {
                let s = &p.self_assessment;
                s.invitations
                    .iter()
                    .rev()
                    .map(|i| {
                        (
                            i.clone(),
                            s.responses.iter().filter(|r| r.invitation == i.id).count(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
        .unwrap_or_default()
    };
    view! {
        {move || {
            let rows = list();
            (!rows.is_empty()).then(|| view! {
                <section aria-labelledby="sent-title">
                    <h2 id="sent-title">"Invitations sent"</h2>
                    <p class="hint">"A link cannot be recalled once sent: revoking one refuses every response to it from then on."</p>
                    <table class="model" data-testid="invitations">
                        <thead><tr><th scope="col">"Created"</th><th scope="col">"Answer by"</th><th scope="col">"Passphrase"</th><th scope="col">"Responses"</th><th scope="col">"Link"</th><th scope="col">"Revoked"</th></tr></thead>
                        <tbody>{rows.into_iter().map(|(i, n)| {
                            let link = i.link.clone();
                            let inv = StoredValue::new(i.id.clone());
                            view! {
                                <tr>
                                    <td>{i.created.to_string()}</td>
                                    <td>{i.expires.map(|d| d.to_string()).unwrap_or_else(|| "–".into())}</td>
                                    <td>{if i.protected { "yes" } else { "no" }}</td>
                                    <td>{n}</td>
                                    <td>{if link.is_empty() {
                                        view! { <span class="hint">"not kept"</span> }.into_any()
                                    } else {
                                        view! { <button type="button" aria-label=format!("Copy the link of invitation {}", i.id) on:click=move |_| copy(&link)>"Copy"</button> }.into_any()
                                    }}</td>
                                    <td>{match i.revoked {
                                        Some(on) => view! { <span>{on.to_string()}</span> }.into_any(),
                                        None => view! {
                                            <button type="button" aria-label=format!("Revoke invitation {}: refuse its responses from now on", i.id)
                                                on:click=move |_| { let _ = ws.commit(Edit::Partner(key.get_value(), PartnerEdit::Revoke(inv.get_value(), clock::today()))); }>"Revoke"</button>
                                        }.into_any(),
                                    }}</td>
                                </tr>
                            }
                        }).collect_view()}</tbody>
                    </table>
                </section>
            })
        }}
    }
}

/// Responses received: pick one, see it beside our scorecard.
#[component]
fn Responses(id: Id) -> impl IntoView {
    let ws = use_store();
    let key = StoredValue::new(id);
    let all = Memo::new(move |_| {
        key.with_value(|id| {
            ws.with(|w| {
                w.partner(id)
                    .map(|p| p.self_assessment.responses.clone())
                    .unwrap_or_default()
            })
        })
    });
    let chosen = RwSignal::new(all.get_untracked().len().saturating_sub(1));
    let select_id = next_id();
    view! {
        <section aria-labelledby="resp-title">
            <h2 id="resp-title">"Their self-assessment beside ours"</h2>
            {move || (all.with(Vec::len) > 1).then(|| view! {
                <div class="field inline">
                    <label class="label" for=select_id.clone()>"Response"</label>
                    <select id=select_id.clone() on:change:target=move |ev| chosen.set(ev.target().value().parse().unwrap_or(0))>
                        {all.get().iter().enumerate().rev().map(|(k, r)| view! {
                            <option value=k.to_string() selected=k == chosen.get_untracked()>{format!("{} — {} (received {})", r.respondent, r.submitted, r.received)}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            {move || {
                let n = all.with(Vec::len);
                all.with(|v| v.get(chosen.get().min(n.saturating_sub(1))).cloned())
                    .map(|r| view! { <Comparison id=key.get_value() response=r/> })
            }}
        </section>
    }
}

/// One response compared with our ratings, with explicit adoption.
#[component]
fn Comparison(id: Id, response: ReceivedResponse) -> impl IntoView {
    let ws = use_store();
    let key = StoredValue::new(id);
    let resp = StoredValue::new(response.clone());
    let rows = Memo::new(move |_| {
        key.with_value(|id| {
            ws.with(|w| {
                w.partner(id)
                    .map(|p| resp.with_value(|r| compare(&w.scorecard, p, r)))
                    .unwrap_or_default()
            })
        })
    });
    let pending = RwSignal::new(None::<Id>);
    let adopt = move |criterion: Id| {
        if let Some(rating) = resp.with_value(|r| r.adopted(&criterion)) {
            let _ = ws.commit(Edit::Partner(
                key.get_value(),
                PartnerEdit::Adopt(criterion, rating),
            ));
        }
        pending.set(None);
    };
    let ours = ws.with_untracked(|w| w.profile.answers.clone());
    let questions = partnerfit_core::alignment::QUESTIONS;
    let theirs = response.answers.as_array().map(str::to_owned);
    let ours = ours.as_array().map(str::to_owned);
    let verified = response.verification == Verification::Verified;
    view! {
        <p>
            <strong>{response.respondent.clone()}</strong>
            {(!response.email.is_empty()).then(|| format!(" <{}>", response.email))}
            {format!(", sent {}, received {}. ", response.submitted, response.received)}
            <span class=if verified { "ok" } else { "warning" }>{response.verification.label()}</span>
        </p>
        {move || {
            let r = rows.get();
            let gaps: Vec<String> = notable(&r).iter().filter_map(|x| x.gap_text()).collect();
            (!gaps.is_empty()).then(|| view! {
                <div class="gaps-callout" data-testid="self-assessment-gaps">
                    <p><strong>"Gaps to discuss"</strong></p>
                    <ul>{gaps.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                </div>
            })
        }}
        <table class="model compare-self" data-testid="self-assessment">
            <thead><tr>
                <th scope="col">"Criterion"</th><th scope="col">"They"</th><th scope="col" class="evidence">"Their evidence"</th>
                <th scope="col">"We"</th><th scope="col">"Gap"</th><th scope="col"><span class="sr-only">"Action"</span></th>
            </tr></thead>
            <tbody>
                {move || rows.get().into_iter().map(|row| {
                    let notable = row.gap_text().is_some();
                    let c = row.criterion.clone();
                    let c2 = row.criterion.clone();
                    let c3 = row.criterion.clone();
                    let can_adopt = row.theirs.is_some() && row.theirs != row.ours;
                    let text = row.text.clone();
                    view! {
                        <tr class:gap-row=notable>
                            <th scope="row">{row.text.clone()}<span class="hint">{format!(" · {}", row.category)}</span></th>
                            <td>{row.theirs.map(|s| s.to_string()).unwrap_or_else(|| "–".into())}</td>
                            <td class="evidence">{row.their_evidence.clone()}</td>
                            <td>{row.ours.map(|s| s.to_string()).unwrap_or_else(|| "–".into())}</td>
                            <td>{row.gap.map(|g| if g == 0 { "0".to_string() } else { format!("{g:+}") }).unwrap_or_default()}</td>
                            <td>{can_adopt.then(|| {
                                let n = row.theirs.unwrap_or_default();
                                let ours = row.ours.map(|s| s.to_string()).unwrap_or_else(|| "none".into());
                                let text2 = text.clone();
                                view! {
                                    {move || if pending.get().as_ref() == Some(&c) {
                                        let c = c2.clone();
                                        view! {
                                            <span class="confirm" role="group" aria-label=format!("Confirm adopting their rating for {text2}")>
                                                {format!("Replace our rating ({ours}) with their {n}? Their evidence becomes ours, marked as self-assessed. ")}
                                                <button type="button" on:click=move |_| adopt(c.clone())>"Adopt"</button>
                                                <button type="button" on:click=move |_| pending.set(None)>"Cancel"</button>
                                            </span>
                                        }.into_any()
                                    } else {
                                        let c = c3.clone();
                                        view! {
                                            <button type="button" aria-label=format!("Adopt their {n} for {}", text.clone())
                                                on:click=move |_| pending.set(Some(c.clone()))>{format!("Adopt their {n}")}</button>
                                        }.into_any()
                                    }}
                                }
                            })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <h3>"Three questions"</h3>
        <table class="model">
            <thead><tr><th scope="col">"Question"</th><th scope="col" class="evidence">"Their answer"</th><th scope="col" class="evidence">"Our answer"</th></tr></thead>
            <tbody>{(0..3).map(|i| view! {
                <tr><th scope="row">{questions[i]}</th><td class="evidence">{theirs[i].clone()}</td><td class="evidence">{ours[i].clone()}</td></tr>
            }).collect_view()}</tbody>
        </table>
        {(!response.comments.is_empty()).then(|| view! { <p><strong>"Their comments: "</strong><span class="evidence">{response.comments.clone()}</span></p> })}
    }
}
