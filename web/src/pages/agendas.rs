//! The rhythm's agendas, print-ready: the weekly pipeline review, then the
//! quarterly business review of each partner in pilot or active, revenue
//! first — one printed page each — and each as Markdown.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::partner::Status;
use partnerfit_core::program::agenda::{qbr, weekly, Agenda};
use partnerfit_core::words::count;

use crate::clock;
use crate::routes::Page;
use crate::state::use_store;

#[component]
pub fn AgendasPage() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let agendas = Memo::new(move |_| {
        store.with(|w| {
            let mut out = vec![weekly(w, today)];
            out.extend(
                w.partners
                    .iter()
                    .filter(|p| !p.archived && matches!(p.status(), Status::Pilot | Status::Active))
                    .map(|p| qbr(w, p, today)),
            );
            out
        })
    });
    let error = RwSignal::new(None::<String>);
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let download_all = move |_| {
        let text = agendas.with(|a| {
            a.iter()
                .map(Agenda::to_markdown)
                .collect::<Vec<_>>()
                .join("\n---\n\n")
        });
        error.set(
            crate::files::download(&format!("agendas-{today}.md"), "text/markdown", &text).err(),
        );
    };
    view! {
        <div class="no-print">
            <h1>"Agendas"</h1>
            <p class="lede">"Generated from the pipeline on "{today.to_string()}": the weekly review from what moved and what is stuck; each partner's quarterly business review with its revenue outcomes first, then plays, then next quarter's commitments. Printed, each starts on its own page."</p>
            <p class="actions">
                <button type="button" on:click=print>"Print or save as PDF"</button>
                " "<button type="button" on:click=download_all>
                    {move || format!("Download as Markdown ({})", count(agendas.with(Vec::len), "agenda", "agendas"))}
                </button>
                " "<A href=Page::Program.link()>"Back to the program"</A>
            </p>
            <span class="error" role="alert">{move || error.get()}</span>
        </div>
        {move || agendas.get().into_iter().map(|a| view! { <AgendaView agenda=a/> }).collect_view()}
    }
}

/// One agenda, as a printed page.
#[component]
pub fn AgendaView(agenda: Agenda) -> impl IntoView {
    let sections = agenda
        .sections
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            view! {
                <section>
                    <h3>{format!("{}. {}", i + 1, s.heading)}</h3>
                    <ul>{s.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="agenda" data-testid="agenda">
            <h2>{agenda.title}</h2>
            <p class="hint">{agenda.day.to_string()}</p>
            {sections}
        </article>
    }
}
