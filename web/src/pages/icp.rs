//! Step 1: our company and the ICP with its disqualifiers, examples, and a
//! completeness check that says what is missing.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::alignment::QUESTIONS;
use partnerfit_core::format::limits::{LONG_TEXT, MAX_EMPLOYEES};
use partnerfit_core::icp::{
    BuyingRole, CommitteeMember, Disqualifier, DisqualifierKind, Example, ExampleFit,
};
use partnerfit_core::{Currency, Id, Money};

use crate::clock;
use crate::components::fields::{Choice, LinesInput, MoneyInput, ParsedInput, TextArea, TextInput};
use crate::routes::Page;
use crate::state::{use_epoch, use_workspace};

fn parse_count(s: &str) -> Result<Option<u32>, String> {
    let t = s.trim().replace([',', '_', ' '], "");
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u32>() {
        Ok(n) if n <= MAX_EMPLOYEES => Ok(Some(n)),
        Ok(_) => Err(format!("At most {MAX_EMPLOYEES} employees.")),
        Err(_) => Err(format!("\"{s}\" is not a whole number of employees")),
    }
}

fn parse_currency(s: &str) -> Result<Currency, String> {
    Currency::parse(s.trim()).map_err(|e| e.to_string())
}

#[component]
pub fn IcpPage() -> impl IntoView {
    let ws = use_workspace();
    let epoch = use_epoch();
    let gaps = move || ws.with(|w| w.icp.gaps());
    view! {
        <h1>"ICP and disqualifiers"</h1>
        <p class="lede">"Define your ideal customer with specifics a partner can use in a real conversation. "
            <A href=Page::Brief.link()>"See the one-page brief"</A>" partners receive."</p>
        <section class="completeness" aria-labelledby="gaps-title" data-testid="icp-gaps">
            <h2 id="gaps-title">"Completeness"</h2>
            {move || {
                let g = gaps();
                if g.is_empty() {
                    view! { <p class="ok">"Complete: partners can apply this ICP."</p> }.into_any()
                } else {
                    view! { <ul class="gaps">{g.into_iter().map(|g| view! { <li>{g.message}</li> }).collect_view()}</ul> }.into_any()
                }
            }}
        </section>
        {move || { epoch.track(); view! { <CompanyForm/><IcpForm/> } }}
    }
}

/// Our company: name, website, currency, and our answers to the alignment questions.
#[component]
fn CompanyForm() -> impl IntoView {
    let ws = use_workspace();
    let profile = ws.with_untracked(|w| w.profile.clone());
    let answers = profile.answers.as_array().map(str::to_owned);
    view! {
        <section aria-labelledby="company-title">
            <h2 id="company-title">"Our company"</h2>
            <div class="grid2">
                <TextInput label="Company name" initial=profile.name.clone()
                    on_input=move |v: String| ws.update(|w| w.profile.name = v)/>
                <TextInput label="Website" kind="url" initial=profile.website.clone()
                    on_input=move |v: String| ws.update(|w| w.profile.website = v)/>
                <ParsedInput label="Currency" hint="ISO code of every amount in this workspace, e.g. EUR"
                    initial=profile.currency.code().to_owned() parse=parse_currency
                    on_valid=move |c: Currency| ws.update(|w| w.profile.currency = c)/>
            </div>
            <h3>"Our answers to the alignment questions"</h3>
            <p class="hint">"Each partner's answers are compared with these."</p>
            {QUESTIONS.iter().enumerate().map(|(i, q)| view! {
                <TextArea label=*q initial=answers[i].clone()
                    on_input=move |v: String| ws.update(|w| if let Some(a) = w.profile.answers.get_mut(i) { *a = v })/>
            }).collect_view()}
        </section>
    }
}

/// The ICP editor.
#[component]
fn IcpForm() -> impl IntoView {
    let ws = use_workspace();
    let icp = ws.with_untracked(|w| w.icp.clone());
    let currency = ws.with_untracked(|w| w.profile.currency);
    let money_text = move |m: Option<Money>| m.map(|m| m.input_text(currency)).unwrap_or_default();
    view! {
        <section aria-labelledby="icp-title">
            <h2 id="icp-title">"Ideal customer profile"</h2>
            <div class="grid2">
                <LinesInput label="Industries" initial=icp.industries.clone()
                    on_change={move |v: Vec<String>| ws.update(|w| w.icp.industries = v)}/>
                <LinesInput label="Sub-verticals" initial=icp.sub_verticals.clone()
                    on_change={move |v: Vec<String>| ws.update(|w| w.icp.sub_verticals = v)}/>
            </div>
            <fieldset>
                <legend>"Company size"</legend>
                <div class="grid4">
                    <ParsedInput label="Employees from" inputmode="numeric" initial=icp.employees.min.map(|v| v.to_string()).unwrap_or_default()
                        parse=parse_count on_valid={move |v: Option<u32>| ws.update(|w| w.icp.employees.min = v)}/>
                    <ParsedInput label="Employees to" inputmode="numeric" initial=icp.employees.max.map(|v| v.to_string()).unwrap_or_default()
                        parse=parse_count on_valid={move |v: Option<u32>| ws.update(|w| w.icp.employees.max = v)}/>
                    <MoneyInput label="Annual revenue from" initial=money_text(icp.annual_revenue.min)
                        on_valid={move |v: Option<Money>| ws.update(|w| w.icp.annual_revenue.min = v)}/>
                    <MoneyInput label="Annual revenue to" initial=money_text(icp.annual_revenue.max)
                        on_valid={move |v: Option<Money>| ws.update(|w| w.icp.annual_revenue.max = v)}/>
                </div>
                {move || ws.with(|w| {
                    let mut msgs = Vec::new();
                    if w.icp.employees.is_inverted() { msgs.push("Employees: \"from\" is larger than \"to\"."); }
                    if w.icp.annual_revenue.is_inverted() { msgs.push("Revenue: \"from\" is larger than \"to\"."); }
                    msgs.into_iter().map(|m| view! { <p class="error" role="alert">{m}</p> }).collect_view()
                })}
            </fieldset>
            <LinesInput label="Pain triggers" hint="What forces a buying decision. One per line." max_line=LONG_TEXT
                initial=icp.pain_triggers.clone() on_change={move |v: Vec<String>| ws.update(|w| w.icp.pain_triggers = v)}/>
            <Committee/>
            <Disqualifiers/>
            <Examples/>
        </section>
    }
}

/// The buying committee: role, title, notes per seat.
#[component]
fn Committee() -> impl IntoView {
    let ws = use_workspace();
    let version = RwSignal::new(0u32);
    let add = move |_| {
        ws.update(|w| {
            w.icp.committee.push(CommitteeMember {
                role: BuyingRole::Custom,
                title: String::new(),
                notes: String::new(),
            })
        });
        version.update(|v| *v += 1);
    };
    view! {
        <fieldset>
            <legend>"Buying committee"</legend>
            {move || {
                version.track();
                let members = ws.with_untracked(|w| w.icp.committee.clone());
                members.into_iter().enumerate().map(|(i, m)| view! {
                    <div class="row-editor">
                        <Choice label=format!("Role {}", i + 1) initial=m.role
                            on_change=move |r: BuyingRole| ws.update(|w| if let Some(x) = w.icp.committee.get_mut(i) { x.role = r })/>
                        <TextInput label=format!("Job title {}", i + 1) initial=m.title
                            on_input=move |v: String| ws.update(|w| if let Some(x) = w.icp.committee.get_mut(i) { x.title = v })/>
                        <TextInput label=format!("Notes {}", i + 1) initial=m.notes maxlength=LONG_TEXT
                            on_input=move |v: String| ws.update(|w| if let Some(x) = w.icp.committee.get_mut(i) { x.notes = v })/>
                        <button type="button" class="danger" aria-label=format!("Remove committee member {}", i + 1) on:click=move |_| {
                            ws.update(|w| { if i < w.icp.committee.len() { w.icp.committee.remove(i); } });
                            version.update(|v| *v += 1);
                        }>"Remove"</button>
                    </div>
                }).collect_view()
            }}
            <button type="button" on:click=add>"Add a committee member"</button>
        </fieldset>
    }
}

/// The "not a fit" list.
#[component]
fn Disqualifiers() -> impl IntoView {
    let ws = use_workspace();
    let version = RwSignal::new(0u32);
    let add = move |_| {
        ws.update(|w| {
            let id = Id::fresh(
                "dq",
                clock::entropy(),
                w.icp.disqualifiers.iter().map(|d| &d.id),
            );
            w.icp.disqualifiers.push(Disqualifier {
                id,
                kind: DisqualifierKind::Other,
                text: String::new(),
                amount: None,
            });
        });
        version.update(|v| *v += 1);
    };
    view! {
        <fieldset data-testid="disqualifiers">
            <legend>"Not a fit (disqualifiers)"</legend>
            <p class="hint">"Budget floor, tech-stack mismatches, excluded segments, anything else. Partners whose book of business hits one are not onboarded."</p>
            {move || {
                version.track();
                let list = ws.with_untracked(|w| w.icp.disqualifiers.clone());
                let currency = ws.with_untracked(|w| w.profile.currency);
                list.into_iter().enumerate().map(|(i, d)| {
                    let id = d.id.clone();
                    let (i1, i2, i3, i4) = (id.clone(), id.clone(), id.clone(), id.clone());
                    let upd = move |id: &Id, f: &dyn Fn(&mut Disqualifier)| ws.update(|w| if let Some(x) = w.icp.disqualifiers.iter_mut().find(|x| &x.id == id) { f(x) });
                    let hits = ws.with_untracked(|w| w.partners.iter().filter(|p| p.disqualifier_hits.contains(&id)).count());
                    view! {
                        <div class="row-editor">
                            <Choice label=format!("Kind {}", i + 1) initial=d.kind
                                on_change=move |k: DisqualifierKind| upd(&i1, &|x| x.kind = k)/>
                            <TextInput label=format!("Disqualifier {}", i + 1) initial=d.text maxlength=LONG_TEXT
                                on_input=move |v: String| upd(&i2, &|x| x.text = v.clone())/>
                            <MoneyInput label=format!("Budget floor {}", i + 1) initial=d.amount.map(|m| m.input_text(currency)).unwrap_or_default()
                                on_valid={move |m: Option<Money>| upd(&i3, &|x| x.amount = m)}/>
                            <button type="button" class="danger" aria-label=format!("Remove disqualifier {}", i + 1) on:click=move |_| {
                                ws.update(|w| {
                                    w.icp.disqualifiers.retain(|x| x.id != i4);
                                    for p in &mut w.partners { std::sync::Arc::make_mut(p).disqualifier_hits.remove(&i4); }
                                });
                                version.update(|v| *v += 1);
                            }>{if hits > 0 { format!("Remove (clears {hits} partner flag(s))") } else { "Remove".to_owned() }}</button>
                        </div>
                    }
                }).collect_view()
            }}
            <button type="button" on:click=add>"Add a disqualifier"</button>
        </fieldset>
    }
}

/// Worked examples: good-fit and not-a-fit companies.
#[component]
fn Examples() -> impl IntoView {
    let ws = use_workspace();
    let version = RwSignal::new(0u32);
    let add = move |fit: ExampleFit| {
        ws.update(|w| {
            w.icp.examples.push(Example {
                name: String::new(),
                fit,
                why: String::new(),
            })
        });
        version.update(|v| *v += 1);
    };
    view! {
        <fieldset>
            <legend>"Worked examples"</legend>
            {move || {
                version.track();
                let list = ws.with_untracked(|w| w.icp.examples.clone());
                list.into_iter().enumerate().map(|(i, e)| view! {
                    <div class="row-editor">
                        <TextInput label=format!("Example company {}", i + 1) initial=e.name
                            on_input=move |v: String| ws.update(|w| if let Some(x) = w.icp.examples.get_mut(i) { x.name = v })/>
                        <Choice label=format!("Fit {}", i + 1) initial=e.fit
                            on_change=move |f: ExampleFit| ws.update(|w| if let Some(x) = w.icp.examples.get_mut(i) { x.fit = f })/>
                        <TextInput label=format!("Why {}", i + 1) initial=e.why maxlength=LONG_TEXT
                            on_input=move |v: String| ws.update(|w| if let Some(x) = w.icp.examples.get_mut(i) { x.why = v })/>
                        <button type="button" class="danger" aria-label=format!("Remove example {}", i + 1) on:click=move |_| {
                            ws.update(|w| { if i < w.icp.examples.len() { w.icp.examples.remove(i); } });
                            version.update(|v| *v += 1);
                        }>"Remove"</button>
                    </div>
                }).collect_view()
            }}
            <button type="button" on:click=move |_| add(ExampleFit::Good)>"Add a good-fit example"</button>
            <button type="button" on:click=move |_| add(ExampleFit::NotAFit)>"Add a not-a-fit example"</button>
        </fieldset>
    }
}
