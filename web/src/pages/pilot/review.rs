//! The weekly review: what moved since the last one, deals stuck past their
//! stage's expected days, next actions overdue or without an owner; and
//! recording the review (its date, notes and the stages it saw).

use leptos::prelude::*;
use partnerfit_core::edit::{PilotEdit, TextKind};
use partnerfit_core::pilot::review::{record, review};
use partnerfit_core::Date;

use super::pilot_edit;
use crate::components::fields::TextField;
use crate::lens::{Binding, PartnerLens};

#[component]
pub fn WeeklyReview(lens: PartnerLens, today: Date) -> impl IntoView {
    let seen = Memo::new(move |_| {
        lens.with_ws(|w, p| p.pilot().map(|x| review(x, &w.pipeline, &p.id, today)))
            .flatten()
    });
    let notes = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let save = move |_| {
        let r = lens
            .with_ws(|w, p| {
                p.pilot()
                    .map(|x| record(x, &w.pipeline, &p.id, today, &notes.get_untracked()))
            })
            .flatten();
        let Some(r) = r else { return };
        match lens.apply(pilot_edit(PilotEdit::Review(r))) {
            Ok(()) => {
                error.set(None);
                notes.set(String::new());
                done.set(Some(format!("Recorded the review of {today}.")));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let list = |title: &'static str, testid: &'static str, items: Vec<String>| {
        view! {
            <h3>{title}</h3>
            {if items.is_empty() {
                view! { <p class="hint">"None."</p> }.into_any()
            } else {
                view! { <ul data-testid=testid>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
            }}
        }
    };
    view! {
        <section class="weekly-review" aria-labelledby="weekly-review" data-testid="weekly-review">
            <h2 id="weekly-review">"Weekly review"</h2>
            {move || seen.get().map(|r| view! {
                <p>{r.since_text()}{r.last.as_ref().filter(|l| !l.notes.is_empty()).map(|l| format!(" (notes: {})", l.notes))}</p>
                {list("What moved", "review-moved", r.moved.iter().map(|m| m.to_string()).collect())}
                {list("Stuck past their stage's expected days", "review-stuck", r.stuck.iter().map(|s| s.to_string()).collect())}
                {list("Next actions overdue", "review-overdue", r.overdue.iter().map(|a| a.overdue_text()).collect())}
                {list("Next actions without an owner", "review-unowned", r.unowned.iter().map(|a| a.unowned_text()).collect())}
            })}
            <TextField label="Notes of this review" kind=TextKind::Long binding=Binding::local(notes)/>
            <button type="button" on:click=save>{format!("Record the review of {today}")}</button>
            <span class="error" role="alert">{move || error.get()}</span>
            <span class="ok" role="status">{move || done.get()}</span>
        </section>
    }
}
