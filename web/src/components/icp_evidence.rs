//! ICP evidence from a partner's own customer lists (computed by
//! `partnerfit_core::overlap::icp_fit`): what each ICP condition came to,
//! the budget floor, and, beside the criteria the data speaks to, the
//! suggested rating with its basis and one button to accept it.

use leptos::prelude::*;
use partnerfit_core::edit::PartnerEdit;
use partnerfit_core::overlap::account::ListOwner;
use partnerfit_core::overlap::icp_fit::{evidence_with, icp_fit, IcpFit, Measure};
use partnerfit_core::partner::Rating;
use partnerfit_core::Id;

use crate::lens::{account_lists, PartnerLens};

/// The evidence of this partner's customers, recomputed only when the ICP
/// or one of their lists changes.
pub fn fit_memo(lens: PartnerLens) -> Memo<IcpFit> {
    let store = lens.store();
    let owner = ListOwner::Partner(lens.id());
    let lists = account_lists(store, move |o| *o == owner);
    let icp = Memo::new(move |_| store.with(|w| w.icp.clone()));
    Memo::new(move |_| {
        let lists = lists.get();
        let refs: Vec<_> = lists.iter().map(|l| &**l).collect();
        icp.with(|icp| icp_fit(icp, &refs, &lens.id()))
    })
}

/// What the partner's customers show against the ICP, in words.
#[component]
pub fn IcpEvidence(
    /// The evidence shown.
    fit: Memo<IcpFit>,
) -> impl IntoView {
    let store = crate::state::use_store();
    let currency = Memo::new(move |_| store.with(|w| w.profile.currency));
    view! {
        {move || fit.with(|f| (f.customers > 0).then(|| {
            let lines = f.condition_lines();
            let floors = f.floor_lines(currency.get());
            let matched = f
                .matched_industries
                .iter()
                .take(8)
                .map(|(t, n)| format!("{t} ({n})"))
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <details class="icp-evidence" data-testid="icp-evidence">
                    <summary>{format!("Evidence from their {} customers' data", f.customers)}</summary>
                    <ul>
                        {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        {floors.into_iter().map(|l| view! { <li data-testid="budget-floor">{l}</li> }).collect_view()}
                    </ul>
                    {(!matched.is_empty()).then(|| view! {
                        <p class="hint">"Industries counted as your verticals: "{matched}</p>
                    })}
                </details>
            }
        }))}
    }
}

/// The rating the data suggests for one criterion, with its basis and a
/// button to accept it (a rating whose evidence records the basis);
/// rating with the select beside it overrides it.
#[component]
pub fn Suggested(
    /// The evidence.
    fit: Memo<IcpFit>,
    /// Which share speaks to this criterion.
    measure: Measure,
    /// The partner rated.
    lens: PartnerLens,
    /// The criterion.
    criterion: Id,
) -> impl IntoView {
    // The criterion's wording names the button for screen readers (two
    // suggestions show on the page).
    let criterion_text = StoredValue::new(
        lens.with_ws(|w, _| {
            w.scorecard
                .criterion(&criterion)
                .map(|(_, c)| c.text.clone())
        })
        .flatten()
        .unwrap_or_default(),
    );
    let key = StoredValue::new(criterion);
    let suggestion = Memo::new(move |_| fit.with(|f| f.suggest(measure)));
    let current = lens.memo(move |p| {
        key.with_value(|c| (p.ratings.get(c).map(|r| r.score), p.evidence(c).to_owned()))
    });
    let error = RwSignal::new(None::<String>);
    view! {
        <div class="suggested" data-testid="suggested">
            {move || match suggestion.get() {
                Err(why) => view! { <p class="hint">"No suggestion from account data: "{why.to_string()}"."</p> }.into_any(),
                Ok(s) => {
                    let (score, evidence) = current.get();
                    let accepted = score == Some(s.score) && evidence.contains(&s.basis);
                    let basis = s.basis.clone();
                    let accept = move |_| {
                        let evidence = evidence_with(&current.get_untracked().1, &basis);
                        let rating = Rating { score: s.score, evidence };
                        error.set(lens.apply(PartnerEdit::RateWith(key.get_value(), rating)).err());
                    };
                    view! {
                        <p data-testid="suggested-basis">{s.basis.clone()}</p>
                        {if accepted {
                            view! { <p class="ok" data-testid="suggested-accepted">"Accepted."</p> }.into_any()
                        } else {
                            view! { <button type="button" on:click=accept aria-label=format!("Accept {} for \u{201c}{}\u{201d}", s.score.get(), criterion_text.get_value())>{format!("Accept {}", s.score.get())}</button> }.into_any()
                        }}
                    }.into_any()
                }
            }}
            <span class="error" role="alert">{move || error.get()}</span>
        </div>
    }
}
