//! The one-page tier sheet for partners: the tiers, what reaches each in
//! plain words and its benefits — nothing internal (no partner, no score,
//! no figure of anyone). Print-ready, and as Markdown.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::program::tiers::tier_sheet;

use crate::routes::Page;
use crate::state::use_store;

#[component]
pub fn TierSheetPage() -> impl IntoView {
    let store = use_store();
    let sheet = Memo::new(move |_| store.with(tier_sheet));
    let error = RwSignal::new(None::<String>);
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let download = move |_| {
        let text = sheet.with(|s| s.to_markdown());
        error.set(crate::files::download("tier-sheet.md", "text/markdown", &text).err());
    };
    view! {
        <div class="no-print">
            <p class="actions">
                <button type="button" on:click=print>"Print or save as PDF"</button>
                " "<button type="button" on:click=download>"Download as Markdown"</button>
                " "<A href=Page::Program.link()>"Back to the program"</A>
            </p>
            <span class="error" role="alert">{move || error.get()}</span>
        </div>
        {move || {
            let s = sheet.get();
            view! {
                <article class="tier-sheet" data-testid="tier-sheet">
                    <h1>{s.title}</h1>
                    <p>{s.intro}</p>
                    {s.tiers.into_iter().map(|t| view! {
                        <section>
                            <h2>{t.name}</h2>
                            <ul>{t.reach.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                            {(!t.benefits.is_empty()).then(|| view! {
                                <h3>"Benefits"</h3>
                                <ul>{t.benefits.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
                            })}
                        </section>
                    }).collect_view()}
                    <p>{s.closing}</p>
                </article>
            }
        }}
    }
}
