//! The number this quarter against its target, with its owner.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::program::number::number;
use partnerfit_core::vocab::Vocabulary;

use crate::clock;
use crate::routes::Page;
use crate::state::use_store;

/// "2026 Q4 — Partner-sourced pipeline created: 67,500.00 EUR of a
/// 90,000.00 EUR target (75%). Owner: …" — on the program page and, with a
/// link to it, on the home page.
#[component]
pub fn NumberCard(#[prop(optional)] linked: bool) -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let view = Memo::new(move |_| store.with(|w| (number(w, today), w.profile.currency)));
    view! {
        <div class="number-card callout" data-testid="program-number">
            {move || {
                let (n, c) = view.get();
                let target = if n.target.0 > 0 {
                    format!(
                        " of a {} target{}",
                        n.target.display(c),
                        n.share.map(|s| format!(" ({})", s.percent_text())).unwrap_or_default()
                    )
                } else {
                    " — no target set".to_owned()
                };
                let owner = if n.owner.is_empty() { "nobody owns it yet".to_owned() } else { format!("owner: {}", n.owner) };
                view! {
                    <p><strong>{format!("{} — {}: {}", n.quarter.label, n.number.label(), n.actual.display(c))}</strong>{target}</p>
                    <p class="hint">{format!("{} {}; {}.", n.previous.quarter.label, n.previous.actual.display(c), owner)}</p>
                }
            }}
            {linked.then(|| view! { <p><A href=Page::Program.link()>"The program: health check, portfolio, rhythm →"</A></p> })}
        </div>
    }
}
