//! The one-page ICP brief partners receive: read-only and print-ready.

use leptos::prelude::*;
use partnerfit_core::icp::brief::brief;

use crate::components::brief_view::BriefView;
use crate::state::use_store;

#[component]
pub fn BriefPage() -> impl IntoView {
    let ws = use_store();
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
        {move || {
            let b = ws.with(|w| brief(&w.profile, &w.icp));
            view! { <BriefView brief=b/> }
        }}
    }
}
