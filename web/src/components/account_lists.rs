//! The account lists of one owner: what was imported, and removing a list.

use leptos::prelude::*;
use partnerfit_core::edit::Edit;
use partnerfit_core::overlap::account::ListOwner;
use partnerfit_core::overlap::population::Population;
use partnerfit_core::vocab::Vocabulary;

use crate::lens::account_lists;
use crate::state::use_store;

/// The lists of `owner`, with their population counts.
#[component]
pub fn AccountLists(
    /// Whose lists to show.
    owner: ListOwner,
) -> impl IntoView {
    let ws = use_store();
    let error = RwSignal::new(None::<String>);
    let owner = StoredValue::new(owner);
    let lists = account_lists(ws, move |o| owner.with_value(|w| w == o));
    let rows = Memo::new(move |_| {
        lists.with(|lists| {
            lists
                .iter()
                .map(|l| {
                    let counts: Vec<usize> = Population::ALL
                        .iter()
                        .map(|p| l.accounts.iter().filter(|a| a.population == *p).count())
                        .collect();
                    (
                        l.id.clone(),
                        l.source.clone(),
                        l.imported.to_string(),
                        l.accounts.len(),
                        counts,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! { <p class="hint">"No list imported yet."</p> }>
            <table class="lists" data-testid="account-lists">
                <thead><tr>
                    <th scope="col">"File"</th><th scope="col">"Imported"</th><th scope="col">"Accounts"</th>
                    {Population::ALL.iter().map(|p| view! { <th scope="col">{p.label()}</th> }).collect_view()}
                    <th scope="col">"Actions"</th>
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(id, source, date, n, counts)| {
                        let label = format!("Remove list {source}");
                        view! {
                            <tr>
                                <td>{source}</td><td>{date}</td><td class="num">{n}</td>
                                {counts.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                                <td><button type="button" class="danger" aria-label=label on:click=move |_| error.set(ws.commit(Edit::RemoveList(id.clone())).err())>"Remove"</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <p class="error" aria-live="polite">{move || error.get()}</p>
        </Show>
    }
}
