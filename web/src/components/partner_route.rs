//! The pages about one partner (`/partner?id=…`, `/motion?id=…`, …): read
//! the id from the query, show the page while that partner exists, and a
//! "not found" page with a way back otherwise.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use partnerfit_core::Id;

use crate::routes::Page;
use crate::state::use_store;

/// Render `page(id)` for the partner named in the query.
#[component]
pub fn PartnerRoute<F, V>(page: F) -> impl IntoView
where
    F: Fn(Id) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let ws = use_store();
    let query = use_query_map();
    let id = Memo::new(move |_| query.with(|q| q.get("id")).and_then(|s| Id::parse(&s).ok()));
    let exists = move || {
        id.get()
            .is_some_and(|id| ws.with(|w| w.partner(&id).is_some()))
    };
    view! {
        <Show when=exists fallback=|| view! {
            <h1>"Partner not found"</h1>
            <p>"No partner has this address. "<A href=Page::Partners.link()>"See all partners"</A>"."</p>
        }>
            {
                let page = page.clone();
                move || id.get().map(page.clone())
            }
        </Show>
    }
}
