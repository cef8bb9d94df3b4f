//! Enablement against outcomes, partner by partner: hours given beside the
//! qualified opportunities produced, flagged when hours grow and
//! opportunities do not.

use leptos::prelude::*;
use partnerfit_core::partner::Status;
use partnerfit_core::program::enablement::enablement;

use crate::clock;
use crate::routes::Page;
use crate::state::use_store;

#[component]
pub fn EnablementOutcomes() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let rows = Memo::new(move |_| {
        store.with(|w| {
            w.partners
                .iter()
                .filter(|p| {
                    !p.archived
                        && (!p.enablement.is_empty()
                            || matches!(p.status(), Status::Pilot | Status::Active))
                })
                .map(|p| enablement(w, p, today))
                .collect::<Vec<_>>()
        })
    });
    view! {
        {move || {
            let rows = rows.get();
            if rows.is_empty() {
                return view! { <p class="hint">"No enablement logged yet: log training, calls and certification on each partner's page."</p> }.into_any();
            }
            view! {
                <table class="metrics" data-testid="enablement-outcomes">
                    <caption>"Hours of enablement beside the qualified opportunities produced"</caption>
                    <thead><tr>
                        <th scope="col">"Partner"</th><th scope="col">"Hours"</th><th scope="col">"Qualified opportunities"</th>
                        <th scope="col">"Hours per qualified opportunity"</th><th scope="col">"Reality check"</th>
                    </tr></thead>
                    <tbody>{rows.into_iter().map(|r| {
                        let href = format!("{}#enablement", Page::Partner(r.partner.clone()).link());
                        let flagged = r.flag.is_some();
                        view! {
                            <tr class:flagged=flagged>
                                <th scope="row"><a href=href>{r.name}</a></th>
                                <td class="num">{r.hours_text}</td>
                                <td class="num">{r.qualified}</td>
                                <td class="num">{r.minutes_per_qualified.map(partnerfit_core::program::enablement::hours_text).unwrap_or_else(|| "–".into())}</td>
                                <td>{r.flag.unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view()}</tbody>
                </table>
            }.into_any()
        }}
    }
}
