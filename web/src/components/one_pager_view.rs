//! The rules-of-engagement one-pager as partners see it.

use leptos::prelude::*;

use super::brief_view::heading;
use partnerfit_core::motion::one_pager::{OnePager, TO_AGREE};

fn list(items: Vec<String>, numbered: bool) -> AnyView {
    if items.is_empty() {
        view! { <p class="todo">{TO_AGREE}</p> }.into_any()
    } else if numbered {
        view! { <ol>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ol> }
            .into_any()
    } else {
        view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
            .into_any()
    }
}

/// Render a one-pager (every text as text).
#[component]
pub fn OnePagerView(
    pager: OnePager,
    /// Inside another page (respond mode): headings one level down.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let h = move |level: u8, text: &str| heading(nested, level, text.to_owned());
    let p = pager;
    view! {
        <article class="brief one-pager" data-testid="one-pager">
            <header>{heading(nested, 1, p.title)}</header>
            <div class="brief-columns">
                <section class="brief-block">{h(2, "Customer journey")}{list(p.journey, true)}</section>
                <section class="brief-block">
                    {h(2, "Who does what")}
                    <table class="compact"><thead><tr><th scope="col">"Step"</th><th scope="col">"Leads"</th><th scope="col">"Supports"</th></tr></thead>
                    <tbody>{p.ownership.into_iter().map(|o| view! {
                        <tr><th scope="row">{o.step}</th><td>{o.lead}</td><td>{o.support}</td></tr>
                    }).collect_view()}</tbody></table>
                </section>
                <section class="brief-block">{h(2, "Qualified means")}{list(p.qualified, false)}</section>
                <section class="brief-block">{h(2, "Rejected")}{list(p.rejected, false)}</section>
                <section class="brief-block">
                    {h(2, "Response times")}
                    <p>{p.response_times}</p>
                    {(!p.sla_notes.is_empty()).then(|| view! { <p>{p.sla_notes}</p> })}
                </section>
                <section class="brief-block">
                    {h(2, "Deal registration")}
                    <p><strong>"Eligible: "</strong>{p.eligible}</p>
                    <p><strong>"Protection: "</strong>{p.protection}</p>
                    <p><strong>"On expiry: "</strong>{p.on_expiry}</p>
                    <p><strong>"Disputes: "</strong>{p.disputes}</p>
                </section>
            </div>
        </article>
    }
}
