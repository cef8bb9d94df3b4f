//! Step 5: the rules of engagement with one partner, edited here and printed
//! as a one-page brief the partner can receive (no internal scores on it).

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::edit::motion::StageField;
use partnerfit_core::edit::{
    MotionDays, MotionEdit, MotionLines, MotionText, PartnerEdit, Role, TextKind,
};
use partnerfit_core::input;
use partnerfit_core::motion::one_pager::one_pager;
use partnerfit_core::motion::{JourneyStage, Party, Step};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::components::fields::{Check, Choice, LinesField, ParsedInput, TextField};
use crate::components::list_editor::ListEditor;
use crate::components::one_pager_view::OnePagerView;
use crate::components::partner_route::PartnerRoute;
use crate::lens::PartnerLens;
use crate::routes::Page;
use crate::state::use_store;

#[component]
pub fn MotionPage() -> impl IntoView {
    view! { <PartnerRoute page=|id| view! { <MotionView id/> }/> }
}

/// One part of the motion, sent as a motion edit.
fn motion_edit(e: MotionEdit) -> PartnerEdit {
    PartnerEdit::Motion(e)
}

#[component]
fn MotionView(id: Id) -> impl IntoView {
    let lens = PartnerLens::new(use_store(), id.clone());
    let name = lens.memo(|p| p.name.clone());
    let gaps = lens.memo(|p| p.motion.gaps());
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let Some((text, file)) = lens.with_ws(|w, p| {
            let text = one_pager(&w.profile.name, &p.name, &p.motion).to_markdown();
            (text, format!("rules-of-engagement-{}.md", p.id))
        }) else {
            return;
        };
        export_error.set(crate::files::download(&file, "text/markdown", &text).err());
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="no-print">
            <h1>"Rules of engagement: "{name}</h1>
            <p><A href=Page::Partner(id.clone()).link()>"Back to the partner"</A>" · "
               <A href=Page::Incentives(id.clone()).link()>"Incentives"</A></p>
            <p class="lede">"Make GTM fit real by designing the motion together: who does what, what qualified means, how fast you answer, how deals are protected."</p>
            <section class="completeness" data-testid="motion-gaps" aria-labelledby="mgaps">
                <h2 id="mgaps">"Gaps"</h2>
                {move || {
                    let g = gaps.get();
                    if g.is_empty() {
                        view! { <p class="ok">"Nothing missing: the one-pager is complete."</p> }.into_any()
                    } else {
                        view! { <ul class="gaps">{g.into_iter().map(|g| view! { <li>{g.message}</li> }).collect_view()}</ul> }.into_any()
                    }
                }}
            </section>
            <MotionForm lens/>
            <div class="actions">
                <button type="button" on:click=print>"Print the one-pager"</button>
                <button type="button" on:click=export>"Download as Markdown"</button>
                <span class="hint">"Prints or exports only the one-pager below; it carries no internal scores."</span>
                {move || export_error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
            </div>
        </div>
        <OnePager lens/>
    }
}

/// A text of the motion.
fn text(lens: PartnerLens, field: MotionText) -> impl IntoView {
    let binding = lens.bind(
        move |p| field.get(&p.motion).to_owned(),
        move |v| motion_edit(MotionEdit::Text(field, v)),
    );
    view! { <TextField label=field.label() binding kind=field.kind()/> }
}

/// A number of days of the motion (empty: not decided).
fn days(lens: PartnerLens, field: MotionDays) -> impl IntoView {
    let binding = lens.bind(
        move |p| *field.get(&p.motion),
        move |v| motion_edit(MotionEdit::Days(field, v)),
    );
    view! {
        <ParsedInput label=field.label() binding inputmode="numeric"
            show={|d: Option<u16>| d.map(|d| d.to_string()).unwrap_or_default()}
            parse={|s: String| input::optional_whole(&s, u32::from(MotionDays::MAX)) .map(|d| d.map(|d| d as u16)).map_err(|e| e.to_string())}/>
    }
}

/// Criteria, one per line.
fn lines(lens: PartnerLens, field: MotionLines, hint: String) -> impl IntoView {
    let binding = lens.bind(
        move |p| field.get(&p.motion).to_vec(),
        move |v| motion_edit(MotionEdit::Lines(field, v)),
    );
    view! { <LinesField label=field.label() binding kind=field.kind() hint/> }
}

/// The editor.
#[component]
fn MotionForm(lens: PartnerLens) -> impl IntoView {
    let store = lens.store();
    let icp_hints = Memo::new(move |_| {
        store.with(|w| {
            let mut h: Vec<String> = w.icp.industries.clone();
            h.extend(w.icp.pain_triggers.iter().cloned());
            h.join("; ")
        })
    });
    let disqualifiers = Memo::new(move |_| {
        store.with(|w| {
            w.icp
                .disqualifiers
                .iter()
                .map(|d| d.text.clone())
                .collect::<Vec<_>>()
                .join("; ")
        })
    });
    let owner = move |step: Step, role: Role| {
        let binding = lens.bind(
            move |p| {
                p.motion
                    .ownership
                    .iter()
                    .find(|o| o.step == step)
                    .map(|o| match role {
                        Role::Lead => o.lead,
                        Role::Support => o.support,
                    })
                    .unwrap_or_default()
            },
            move |party: Party| motion_edit(MotionEdit::Owner(step, role, party)),
        );
        view! { <Choice label=role.label(step) binding/> }
    };
    let ownership = Step::ALL
        .iter()
        .map(|s| {
            let s = *s;
            view! {
                <tr>
                    <th scope="row">{s.label()}</th>
                    <td>{owner(s, Role::Lead)}</td>
                    <td>{owner(s, Role::Support)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="journey-title">
            <h2 id="journey-title">"Their customer journey"</h2>
            <p class="hint">"Analyse the partner's customer journey, then mark where our product naturally supports their process."</p>
            <Journey lens/>
        </section>
        <section aria-labelledby="own-title">
            <h2 id="own-title">"Who owns each step"</h2>
            <table class="ownership"><thead><tr><th scope="col">"Step"</th><th scope="col">"Leads"</th><th scope="col">"Supports"</th></tr></thead>
                <tbody>{ownership}</tbody></table>
        </section>
        <section aria-labelledby="qual-title">
            <h2 id="qual-title">"Qualified, and rejected"</h2>
            <div class="grid2">
                {move || lines(lens, MotionLines::Qualified, format!("Tie it to the ICP. One criterion per line. ICP cues: {}", icp_hints.get()))}
                {move || lines(lens, MotionLines::Rejected, format!("One rule per line. ICP disqualifiers: {}", disqualifiers.get()))}
            </div>
        </section>
        <section aria-labelledby="sla-title">
            <h2 id="sla-title">"Response SLAs for partner-submitted opportunities"</h2>
            <div class="grid2">
                {days(lens, MotionDays::FirstResponse)}
                {days(lens, MotionDays::Qualification)}
            </div>
            {text(lens, MotionText::SlaNotes)}
        </section>
        <section aria-labelledby="reg-title">
            <h2 id="reg-title">"Deal registration and disputes"</h2>
            {text(lens, MotionText::Eligible)}
            {days(lens, MotionDays::Protection)}
            {text(lens, MotionText::OnExpiry)}
            {text(lens, MotionText::DisputeRule)}
            {text(lens, MotionText::DisputeOwner)}
        </section>
    }
}

/// Journey stages: name, whether we fit, notes.
#[component]
fn Journey(lens: PartnerLens) -> impl IntoView {
    let rows = lens.memo(|p| p.motion.journey.clone());
    view! {
        <ListEditor legend="Stages" rows noun="stage" movable=true add_label="Add a stage"
            edit=Callback::new(move |e| lens.apply(motion_edit(MotionEdit::Journey(e))))
            new_row=Callback::new(|()| JourneyStage::default())
            row=|r| {
                let n = r.number();
                view! {
                    <TextField label=StageField::Name.label(n) binding=r.field(|s: &JourneyStage| s.name.clone(), |s, v| s.name = v)/>
                    <Check label=StageField::WeFit.label(n) binding=r.field(|s: &JourneyStage| s.we_fit, |s, v| s.we_fit = v)/>
                    <TextField label=StageField::Notes.label(n) kind=TextKind::Long one_line=true binding=r.field(|s: &JourneyStage| s.notes.clone(), |s, v| s.notes = v)/>
                }
            }/>
    }
}

/// The printable one-pager: what the partner receives (laid out by
/// `partnerfit_core::motion::one_pager`).
#[component]
pub fn OnePager(lens: PartnerLens) -> impl IntoView {
    move || {
        lens.with_ws(|w, p| one_pager(&w.profile.name, &p.name, &p.motion))
            .map(|pager| view! { <OnePagerView pager/> })
    }
}
