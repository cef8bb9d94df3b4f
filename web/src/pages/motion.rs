//! Step 5: the rules of engagement with one partner, edited here and printed
//! as a one-page brief the partner can receive (no internal scores on it).

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::motion::one_pager::one_pager;
use partnerfit_core::motion::{JourneyStage, Motion, Party};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::components::fields::{next_id, Choice, LinesInput, TextArea, TextInput};
use crate::components::one_pager_view::OnePagerView;
use crate::components::partner_route::PartnerRoute;
use crate::routes::Page;
use crate::state::{update_partner, use_epoch, use_workspace};

#[component]
pub fn MotionPage() -> impl IntoView {
    view! { <PartnerRoute page=|id| view! { <MotionView id/> }/> }
}

/// Change the motion of partner `id`.
fn edit(ws: RwSignal<partnerfit_core::Workspace>, id: &Id, f: impl FnOnce(&mut Motion)) {
    update_partner(ws, id, |p| f(&mut p.motion));
}

#[component]
fn MotionView(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let epoch = use_epoch();
    let (i1, i2, i3) = (id.clone(), id.clone(), id.clone());
    let name = move || ws.with(|w| w.partner(&i1).map(|p| p.name.clone()).unwrap_or_default());
    let gaps = move || ws.with(|w| w.partner(&i2).map(|p| p.motion.gaps()).unwrap_or_default());
    let export_error = RwSignal::new(None::<String>);
    let i4 = id.clone();
    let export = move |_| {
        let Some((text, file)) = ws.with_untracked(|w| {
            let p = w.partner(&i4)?;
            let text = one_pager(&w.profile.name, &p.name, &p.motion).to_markdown();
            Some((text, format!("rules-of-engagement-{}.md", p.id)))
        }) else {
            return;
        };
        export_error.set(crate::files::download(&file, "text/markdown", &text).err());
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="no-print">
            <h1>"Rules of engagement: "{name}</h1>
            <p><A href=Page::Partner(id.clone()).link()>"Back to the partner"</A>" · "
               <A href=Page::Incentives(id.clone()).link()>"Incentives"</A></p>
            <p class="lede">"Make GTM fit real by designing the motion together: who does what, what qualified means, how fast you answer, how deals are protected."</p>
            <section class="completeness" data-testid="motion-gaps" aria-labelledby="mgaps">
                <h2 id="mgaps">"Gaps"</h2>
                {move || {
                    let g = gaps();
                    if g.is_empty() {
                        view! { <p class="ok">"Nothing missing: the one-pager is complete."</p> }.into_any()
                    } else {
                        view! { <ul class="gaps">{g.into_iter().map(|g| view! { <li>{g.message}</li> }).collect_view()}</ul> }.into_any()
                    }
                }}
            </section>
            {move || { epoch.track(); view! { <MotionForm id=i3.clone()/> } }}
            <div class="actions">
                <button type="button" on:click=print>"Print the one-pager"</button>
                <button type="button" on:click=export>"Download as Markdown"</button>
                <span class="hint">"Prints or exports only the one-pager below; it carries no internal scores."</span>
                {move || export_error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
            </div>
        </div>
        <OnePager id/>
    }
}

/// The editor.
#[component]
fn MotionForm(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let Some(m) = ws.with_untracked(|w| w.partner(&id).map(|p| p.motion.clone())) else {
        return ().into_any();
    };
    let icp_hints = ws.with_untracked(|w| {
        let mut h: Vec<String> = w.icp.industries.clone();
        h.extend(w.icp.pain_triggers.iter().cloned());
        h
    });
    let disqualifiers = ws.with_untracked(|w| {
        w.icp
            .disqualifiers
            .iter()
            .map(|d| d.text.clone())
            .collect::<Vec<_>>()
    });
    let (q1, q2, q3, q4, q5, q6, q7, q8, q9, q10) = (
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
    );
    let ownership = m
        .ownership
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let (a, b) = (id.clone(), id.clone());
            view! {
                <tr>
                    <th scope="row">{o.step.label()}</th>
                    <td><Choice label=format!("{} led by", o.step.label()) initial=o.lead
                        on_change=move |p: Party| edit(ws, &a, |m| m.ownership[i].lead = p)/></td>
                    <td><Choice label=format!("{} supported by", o.step.label()) initial=o.support
                        on_change=move |p: Party| edit(ws, &b, |m| m.ownership[i].support = p)/></td>
                </tr>
            }
        })
        .collect_view();
    let days = |s: &str| -> Result<Option<u16>, String> {
        let t = s.trim();
        if t.is_empty() {
            return Ok(None);
        }
        t.parse::<u16>()
            .ok()
            .filter(|d| *d <= 3650)
            .map(Some)
            .ok_or_else(|| format!("\"{t}\" is not a number of days (0–3650)"))
    };
    let d1 = days;
    let d2 = days;
    let d3 = days;
    view! {
        <section aria-labelledby="journey-title">
            <h2 id="journey-title">"Their customer journey"</h2>
            <p class="hint">"Analyse the partner's customer journey, then mark where our product naturally supports their process."</p>
            <Journey id=id.clone()/>
        </section>
        <section aria-labelledby="own-title">
            <h2 id="own-title">"Who owns each step"</h2>
            <table class="ownership"><thead><tr><th scope="col">"Step"</th><th scope="col">"Leads"</th><th scope="col">"Supports"</th></tr></thead>
                <tbody>{ownership}</tbody></table>
        </section>
        <section aria-labelledby="qual-title">
            <h2 id="qual-title">"Qualified, and rejected"</h2>
            <div class="grid2">
                <LinesInput label="What \u{201c}qualified\u{201d} means" max_line=partnerfit_core::format::limits::LONG_TEXT
                    hint=format!("Tie it to the ICP. One criterion per line. ICP cues: {}", icp_hints.join("; "))
                    initial=m.qualified.clone() on_change={move |v: Vec<String>| edit(ws, &q1, |m| m.qualified = v)}/>
                <LinesInput label="What gets rejected" max_line=partnerfit_core::format::limits::LONG_TEXT
                    hint=format!("One rule per line. ICP disqualifiers: {}", disqualifiers.join("; "))
                    initial=m.rejected.clone() on_change={move |v: Vec<String>| edit(ws, &q2, |m| m.rejected = v)}/>
            </div>
        </section>
        <section aria-labelledby="sla-title">
            <h2 id="sla-title">"Response SLAs for partner-submitted opportunities"</h2>
            <div class="grid2">
                <crate::components::fields::ParsedInput label="First response (business days)" inputmode="numeric"
                    initial=m.sla.first_response_days.map(|d| d.to_string()).unwrap_or_default() parse=d1
                    on_valid={move |v: Option<u16>| edit(ws, &q3, |m| m.sla.first_response_days = v)}/>
                <crate::components::fields::ParsedInput label="Accept or reject (business days)" inputmode="numeric"
                    initial=m.sla.qualification_days.map(|d| d.to_string()).unwrap_or_default() parse=d2
                    on_valid={move |v: Option<u16>| edit(ws, &q4, |m| m.sla.qualification_days = v)}/>
            </div>
            <TextInput label="SLA notes" initial=m.sla.notes.clone() maxlength=partnerfit_core::format::limits::LONG_TEXT
                on_input=move |v: String| edit(ws, &q5, |m| m.sla.notes = v)/>
        </section>
        <section aria-labelledby="reg-title">
            <h2 id="reg-title">"Deal registration and disputes"</h2>
            <TextArea label="What can be registered" initial=m.registration.eligible.clone()
                on_input=move |v: String| edit(ws, &q6, |m| m.registration.eligible = v)/>
            <crate::components::fields::ParsedInput label="Protection period (days)" inputmode="numeric"
                initial=m.registration.protection_days.map(|d| d.to_string()).unwrap_or_default() parse=d3
                on_valid={move |v: Option<u16>| edit(ws, &q7, |m| m.registration.protection_days = v)}/>
            <TextArea label="What happens on expiry" initial=m.registration.on_expiry.clone()
                on_input=move |v: String| edit(ws, &q8, |m| m.registration.on_expiry = v)/>
            <TextArea label="How direct-versus-partner disputes are resolved" initial=m.registration.dispute_rule.clone()
                on_input=move |v: String| edit(ws, &q9, |m| m.registration.dispute_rule = v)/>
            <TextInput label="Who decides disputes" initial=m.registration.dispute_owner.clone()
                on_input=move |v: String| edit(ws, &q10, |m| m.registration.dispute_owner = v)/>
        </section>
    }
    .into_any()
}

/// Journey stages: name, whether we fit, notes.
#[component]
fn Journey(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let version = RwSignal::new(0u32);
    let add_id = id.clone();
    view! {
        {move || {
            version.track();
            let stages = ws.with_untracked(|w| w.partner(&id).map(|p| p.motion.journey.clone()).unwrap_or_default());
            stages.into_iter().enumerate().map(|(i, s)| {
                let (a, b, c, d) = (id.clone(), id.clone(), id.clone(), id.clone());
                let fit_id = next_id();
                let fit_for = fit_id.clone();
                view! {
                    <div class="row-editor">
                        <TextInput label=format!("Stage {}", i + 1) initial=s.name
                            on_input=move |v: String| edit(ws, &a, |m| if let Some(x) = m.journey.get_mut(i) { x.name = v })/>
                        <div class="field">
                            <label class="check" for=fit_for>
                                <input id=fit_id type="checkbox" prop:checked=s.we_fit
                                    on:change:target=move |ev| { let on = ev.target().checked(); edit(ws, &b, |m| if let Some(x) = m.journey.get_mut(i) { x.we_fit = on }) }/>
                                {format!(" We fit at stage {}", i + 1)}
                            </label>
                        </div>
                        <TextInput label=format!("Notes on stage {}", i + 1) initial=s.notes maxlength=partnerfit_core::format::limits::LONG_TEXT
                            on_input=move |v: String| edit(ws, &c, |m| if let Some(x) = m.journey.get_mut(i) { x.notes = v })/>
                        <button type="button" class="danger" aria-label=format!("Remove stage {}", i + 1) on:click=move |_| {
                            edit(ws, &d, |m| { if i < m.journey.len() { m.journey.remove(i); } });
                            version.update(|v| *v += 1);
                        }>"Remove"</button>
                    </div>
                }
            }).collect_view()
        }}
        <button type="button" on:click=move |_| {
            edit(ws, &add_id, |m| m.journey.push(JourneyStage::default()));
            version.update(|v| *v += 1);
        }>"Add a stage"</button>
    }
}

/// The printable one-pager: what the partner receives (laid out by
/// `partnerfit_core::motion::one_pager`).
#[component]
pub fn OnePager(id: Id) -> impl IntoView {
    let ws = use_workspace();
    move || pager(ws, &id).map(|pager| view! { <OnePagerView pager/> })
}

/// The one-pager of partner `id`, if it exists.
fn pager(
    ws: RwSignal<partnerfit_core::Workspace>,
    id: &Id,
) -> Option<partnerfit_core::motion::one_pager::OnePager> {
    ws.with(|w| {
        let p = w.partner(id)?;
        Some(one_pager(&w.profile.name, &p.name, &p.motion))
    })
}
