//! The one-page ICP brief partners receive: read-only and print-ready.

use leptos::prelude::*;
use partnerfit_core::icp::{ExampleFit, Icp, Span};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::{Currency, Money};

use crate::state::use_workspace;

fn size_text(icp: &Icp, currency: Currency) -> Option<String> {
    let span = |s: &Span<String>, unit: &str| match (&s.min, &s.max) {
        (Some(a), Some(b)) => Some(format!("{a}–{b} {unit}")),
        (Some(a), None) => Some(format!("{a}+ {unit}")),
        (None, Some(b)) => Some(format!("up to {b} {unit}")),
        (None, None) => None,
    };
    let emp = span(
        &Span {
            min: icp.employees.min.map(|v| v.to_string()),
            max: icp.employees.max.map(|v| v.to_string()),
        },
        "employees",
    );
    let rev_text = |m: Money| m.display(currency);
    let rev = span(
        &Span {
            min: icp.annual_revenue.min.map(rev_text),
            max: icp.annual_revenue.max.map(rev_text),
        },
        "annual revenue",
    );
    let parts: Vec<String> = [emp, rev].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// A titled list, shown only when it has items.
fn list(title: &'static str, items: Vec<String>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <section class="brief-block">
                <h2>{title}</h2>
                <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </section>
        }
    })
}

#[component]
pub fn BriefPage() -> impl IntoView {
    let ws = use_workspace();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="no-print actions">
            <button type="button" on:click=print>"Print or save as PDF"</button>
            <span class="hint">"This page is what partners receive: no scores, no internal notes."</span>
        </div>
        {move || ws.with(|w| {
            let icp = &w.icp;
            let company = if w.profile.name.is_empty() { "Our company".to_owned() } else { w.profile.name.clone() };
            let who: Vec<String> = icp.industries.iter().cloned()
                .chain((!icp.sub_verticals.is_empty()).then(|| format!("Especially: {}", icp.sub_verticals.join(", "))))
                .collect();
            let committee: Vec<String> = icp.committee.iter().map(|m| {
                let title = if m.title.is_empty() { String::new() } else { format!(": {}", m.title) };
                let notes = if m.notes.is_empty() { String::new() } else { format!(" — {}", m.notes) };
                format!("{}{title}{notes}", m.role.label())
            }).collect();
            let not_fit: Vec<String> = icp.disqualifiers.iter().map(|d| format!("{}: {}", d.kind.label(), d.text)).collect();
            let examples = |fit: ExampleFit| -> Vec<String> {
                icp.examples.iter().filter(|e| e.fit == fit)
                    .map(|e| if e.why.is_empty() { e.name.clone() } else { format!("{} — {}", e.name, e.why) })
                    .collect()
            };
            view! {
                <article class="brief" data-testid="icp-brief">
                    <header>
                        <h1>{company}": who we want you to bring"</h1>
                        {(!w.profile.website.is_empty()).then(|| view! { <p class="hint">{w.profile.website.clone()}</p> })}
                        {size_text(icp, w.profile.currency).map(|s| view! { <p><strong>"Company size: "</strong>{s}</p> })}
                    </header>
                    <div class="brief-columns">
                        {list("Industries", who)}
                        {list("When they buy (pain triggers)", icp.pain_triggers.clone())}
                        {list("Buying committee", committee)}
                        {list("Not a fit — please do not send", not_fit)}
                        {list("Good-fit examples", examples(ExampleFit::Good))}
                        {list("Not-a-fit examples", examples(ExampleFit::NotAFit))}
                    </div>
                </article>
            }
        })}
    }
}
