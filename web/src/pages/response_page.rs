//! `/response#…`: a partner's response link opened in our workbench.

use leptos::prelude::*;

use crate::components::response_import::ResponseImport;
use crate::share_link::fragment;

#[component]
pub fn ResponsePage() -> impl IntoView {
    let hash = fragment();
    view! {
        <h1>"A partner's self-assessment"</h1>
        <p class="lede">"This link holds a partner's answers to one of our invitations. Check it, then add it to the partner."</p>
        <ResponseImport initial=hash/>
    }
}
