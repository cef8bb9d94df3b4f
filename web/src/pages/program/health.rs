//! The program health check: each of the seed's common mistakes (and more)
//! checked on the workspace, with its reason and a link to where it is
//! fixed; the score, and its history (one point a day, noted while this
//! page shows — bookkeeping, not a step of the undo history).

use leptos::prelude::*;
use partnerfit_core::program::health::{health, record, FixAt, PartnerPart, ProgramPart};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Workspace;

use crate::clock;
use crate::routes::Page;
use crate::state::use_store;

/// Where an item is fixed: the link and its words.
fn fix_link(ws: &Workspace, fix: &FixAt) -> (String, String) {
    let name = |id| ws.partner(id).map_or_else(String::new, |p| p.name.clone());
    match fix {
        FixAt::Icp => (Page::Icp.link(), "Fix it in the ICP".into()),
        FixAt::Scorecard => (Page::Scorecard.link(), "Fix it in the scorecard".into()),
        FixAt::Partners => (Page::Partners.link(), "Fix it in the partner list".into()),
        FixAt::Program(part) => {
            let (anchor, words) = match part {
                ProgramPart::Owner => ("#program-owner", "Name the owner and the target"),
                ProgramPart::Rhythm => ("#program-rhythm", "Fix it in the rhythm"),
                ProgramPart::Tiers => ("#program-tiers", "Fix it in the tiers"),
                ProgramPart::Plan => ("#program-plan", "Fix it in the 30-60-90 plan"),
            };
            (anchor.into(), words.into())
        }
        FixAt::Partner(id, part) => {
            let n = name(id);
            match part {
                PartnerPart::Scorecard | PartnerPart::Status => (
                    Page::Partner(id.clone()).link(),
                    format!("Fix it on {n}'s page"),
                ),
                PartnerPart::Enablement => (
                    format!("{}#enablement", Page::Partner(id.clone()).link()),
                    format!("Fix it in {n}'s enablement"),
                ),
                PartnerPart::Motion => (
                    Page::Motion(id.clone()).link(),
                    format!("Fix it in {n}'s rules of engagement"),
                ),
                PartnerPart::Incentives => (
                    Page::Incentives(id.clone()).link(),
                    format!("Fix it in {n}'s incentives"),
                ),
                PartnerPart::Pilot => (
                    Page::Pilot(id.clone()).link(),
                    format!("Fix it in {n}'s pilot"),
                ),
            }
        }
    }
}

#[component]
pub fn HealthCheck() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let check = Memo::new(move |_| store.with(|w| health(w, today)));
    // Today's score joins the history when it differs from the last one
    // noted (bookkeeping the user did not do: not an undo step).
    // The untouched demo stays untouched (it is not snapshotted, and reset
    // brings it back as shipped).
    Effect::new(move |_| {
        check.track();
        if store.is_pristine_demo() {
            return;
        }
        if let Some(edit) = store.with_untracked(|w| record(w, today)) {
            let _ = store.note(edit);
        }
    });
    let items = move || {
        let c = check.get();
        store.with(|w| {
            c.items
                .into_iter()
                .map(|item| {
                    let (href, words) = fix_link(w, &item.fix);
                    let class = if item.pass { "pass" } else { "fail" };
                    view! {
                        <li class=class data-testid="health-item">
                            <strong>{if item.pass { "Passes: " } else { "Fails: " }}{item.check.label()}</strong>
                            <br/>{item.reason}
                            {(!item.pass).then(|| view! { " "<a href=href>{words}</a> })}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let history = Memo::new(move |_| store.with(|w| w.program.health.clone()));
    view! {
        <p class="health-score" data-testid="health-score">{move || {
            let c = check.get();
            format!("{} of {} checks pass", c.passing, c.total)
        }}</p>
        <ul class="health-list">{items}</ul>
        <details class="chart-table" data-testid="health-history">
            <summary>{move || format!("Score history ({})", history.with(Vec::len))}</summary>
            <table class="metrics">
                <caption>"The health check's score by day"</caption>
                <thead><tr><th scope="col">"Day"</th><th scope="col">"Passing"</th><th scope="col">"Checks"</th></tr></thead>
                <tbody>{move || history.get().into_iter().rev().map(|p| view! {
                    <tr><th scope="row">{p.date.to_string()}</th><td class="num">{p.passing}</td><td class="num">{p.total}</td></tr>
                }).collect_view()}</tbody>
            </table>
        </details>
    }
}
