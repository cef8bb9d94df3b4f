//! A private comparison's outcome, the same table on both sides: the
//! requester's populations as rows, the responder's as columns ("—" for a
//! population that did not take part), then this side's own shared
//! accounts in accounts mode. Names are the sides' own words, shown as text.

use leptos::prelude::*;
use partnerfit_core::overlap::population::Population;
use partnerfit_core::overlap::private::terms::Mode;
use partnerfit_core::vocab::Vocabulary;

use crate::worker::psi::WireOutcome;

fn size(n: Option<u32>) -> String {
    n.map_or_else(|| "—".to_owned(), |n| n.to_string())
}

#[component]
pub fn PsiOutcome(outcome: WireOutcome) -> impl IntoView {
    let o = outcome;
    let caption = format!(
        "Shared accounts, privately computed (exact keys): rows {} (asked), columns {} (answered)",
        o.requester, o.responder
    );
    let header = Population::ALL
        .iter()
        .zip(o.responder_sizes)
        .map(|(p, n)| view! { <th scope="col">{format!("{} ({})", p.label(), size(n))}</th> })
        .collect_view();
    let rows = Population::ALL
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cells = (0..3)
                .map(|j| {
                    let taking = o.requester_sizes[i].is_some() && o.responder_sizes[j].is_some();
                    let text = if taking { o.cells[i][j].to_string() } else { "—".to_owned() };
                    view! { <td class="num">{text}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{format!("{} ({})", p.label(), size(o.requester_sizes[i]))}</th>{cells}</tr> }
        })
        .collect_view();
    let shared = (o.mode == Mode::Accounts).then(|| {
        let n = o.shared.len();
        let items = o
            .shared
            .iter()
            .map(|s| {
                let names = if s.names.is_empty() { s.key.clone() } else { s.names.join(", ") };
                let theirs = s.theirs.iter().map(|p| p.label()).collect::<Vec<_>>().join(", ");
                view! { <li>{names}" — our "{s.population.label().to_lowercase()}", their "{theirs.to_lowercase()}</li> }
            })
            .collect_view();
        view! {
            <h4>{format!("Our shared accounts ({n})")}</h4>
            <ul data-testid="psi-shared">{items}</ul>
        }
    });
    view! {
        <table class="matrix" data-testid="psi-matrix">
            <caption>{caption}</caption>
            <thead><tr><td></td>{header}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {shared}
    }
}
