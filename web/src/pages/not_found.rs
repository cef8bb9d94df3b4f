use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::Page;

/// Shown for an address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"This address is not a page of Partnerfit. "<A href=Page::Home.link()>"Go to the ranking"</A>"."</p>
    }
}
