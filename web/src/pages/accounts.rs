//! Our accounts, and where each partner's account mapping stands.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::overlap::account::ListOwner;

use crate::components::account_lists::AccountLists;
use crate::components::list_import::ListImport;
use crate::routes::Page;
use crate::state::use_store;

#[component]
pub fn AccountsPage() -> impl IntoView {
    let ws = use_store();
    let partners = move || {
        ws.with(|w| {
            w.partners
                .iter()
                .filter(|p| !p.archived)
                .map(|p| {
                    let lists = w.lists_of(&ListOwner::Partner(p.id.clone())).count();
                    let (assessment, _) = p.overlap.assess();
                    (p.id.clone(), p.name.clone(), lists, assessment.to_string())
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1>"Accounts"</h1>
        <p class="lede">"Account mapping, step 4: start with the accounts in your ICP, compare them with each partner's, and judge the overlap. Lists never leave this browser."</p>
        <p>"A company sent you a private comparison request (.psi)? "<A href=Page::PrivateAnswer.link()>"Answer a private comparison →"</A></p>
        <section aria-labelledby="ours-title">
            <h2 id="ours-title">"Our accounts"</h2>
            <AccountLists owner=ListOwner::Ours/>
            <ListImport owner=ListOwner::Ours label="Import our accounts (CSV)"/>
        </section>
        <section aria-labelledby="partners-title">
            <h2 id="partners-title">"Partners' accounts"</h2>
            <table class="lists">
                <thead><tr><th scope="col">"Partner"</th><th scope="col">"Lists"</th><th scope="col">"Overlap"</th></tr></thead>
                <tbody>
                    {move || partners().into_iter().map(|(id, name, lists, assessment)| view! {
                        <tr>
                            <td><A href=Page::Overlap(id).link()>{name}</A></td>
                            <td class="num">{lists}</td>
                            <td>{assessment}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
