//! The main navigation.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::Page;

/// Links to every top-level page; the router marks the current one with `aria-current`.
#[component]
pub fn Nav() -> impl IntoView {
    let links = [
        (Page::Home, "Ranking"),
        (Page::Icp, "ICP"),
        (Page::Partners, "Partners"),
        (Page::Accounts, "Accounts"),
        (Page::Deals, "Deals"),
        (Page::Scorecard, "Scorecard"),
        (Page::Brief, "ICP brief"),
        (Page::Metrics, "Metrics"),
        (Page::Program, "Program"),
        (Page::Workspace, "Workspace"),
    ];
    view! {
        <nav class="main-nav" aria-label="Main">
            <span class="brand">"Partnerfit"</span>
            <ul>
                {links
                    .into_iter()
                    .map(|(page, label)| view! { <li><A href=page.link() exact=true>{label}</A></li> })
                    .collect_view()}
            </ul>
        </nav>
    }
}
