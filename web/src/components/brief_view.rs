//! The ICP brief as partners see it (the brief page and the respond page).

use leptos::prelude::*;
use partnerfit_core::icp::brief::IcpBrief;

/// Render a brief (every text as text).
#[component]
pub fn BriefView(
    brief: IcpBrief,
    /// Inside another page (respond mode): headings one level down.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let sections = brief
        .sections()
        .into_iter()
        .map(|(title, items)| {
            let items = items.to_vec();
            view! {
                <section class="brief-block">
                    {heading(nested, 2, title.to_owned())}
                    <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="brief" data-testid="icp-brief">
            <header>
                {heading(nested, 1, format!("{}: who we want you to bring", brief.company))}
                {(!brief.website.is_empty()).then(|| view! { <p class="hint">{brief.website.clone()}</p> })}
                {(!brief.size.is_empty()).then(|| view! { <p><strong>"Company size: "</strong>{brief.size.clone()}</p> })}
            </header>
            <div class="brief-columns">{sections}</div>
        </article>
    }
}

/// A heading at `level`, or one level lower when `nested`.
pub fn heading(nested: bool, level: u8, text: String) -> AnyView {
    match level + u8::from(nested) {
        1 => view! { <h1>{text}</h1> }.into_any(),
        2 => view! { <h2>{text}</h2> }.into_any(),
        _ => view! { <h3>{text}</h3> }.into_any(),
    }
}
