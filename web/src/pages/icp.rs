//! Step 1: our company and the ICP with its disqualifiers, examples, and a
//! completeness check that says what is missing.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::edit::icp::{CommitteeField, DisqualifierField, ExampleField, SizeField};
use partnerfit_core::edit::{
    Bound, Edit, IcpEdit, IcpLines, ProfileEdit, ProfileText, Question, RowEdit, TextKind,
};
use partnerfit_core::icp::{
    BuyingRole, CommitteeMember, Disqualifier, DisqualifierKind, Example, ExampleFit,
};
use partnerfit_core::input;
use partnerfit_core::Id;

use crate::clock;
use crate::components::currency::CurrencyForm;
use crate::components::fields::{AmountField, Choice, LinesField, ParsedInput, TextField};
use crate::components::list_editor::ListEditor;
use crate::lens::Binding;
use crate::routes::Page;
use crate::state::{use_store, Store};

#[component]
pub fn IcpPage() -> impl IntoView {
    let store = use_store();
    let gaps = move || store.with(|w| w.icp.gaps());
    view! {
        <h1>"ICP and disqualifiers"</h1>
        <p class="lede">"Define your ideal customer with specifics a partner can use in a real conversation. "
            <A href=Page::Brief.link()>"See the one-page brief"</A>" partners receive."</p>
        <section class="completeness" aria-labelledby="gaps-title" data-testid="icp-gaps">
            <h2 id="gaps-title">"Completeness"</h2>
            {move || {
                let g = gaps();
                if g.is_empty() {
                    view! { <p class="ok">"Complete: partners can apply this ICP."</p> }.into_any()
                } else {
                    view! { <ul class="gaps">{g.into_iter().map(|g| view! { <li>{g.message}</li> }).collect_view()}</ul> }.into_any()
                }
            }}
        </section>
        <CompanyForm/>
        <IcpForm/>
    }
}

/// A text of our company.
fn profile_text(store: Store, field: ProfileText) -> Binding<String> {
    Binding::of(
        store,
        move |w| field.get(&w.profile).to_owned(),
        move |v| Edit::Profile(ProfileEdit::Text(field, v)),
    )
}

/// Our company: name, website, currency, and our answers to the alignment questions.
#[component]
fn CompanyForm() -> impl IntoView {
    let store = use_store();
    let text = move |field: ProfileText| {
        view! { <TextField label=field.label() binding=profile_text(store, field) kind=field.kind()
        input=if field == ProfileText::Website { "url" } else { "text" }/> }
    };
    let answer = move |q: Question| {
        let binding = Binding::of(
            store,
            move |w| q.get(&w.profile.answers).clone(),
            move |v| Edit::Profile(ProfileEdit::Answer(q, v)),
        );
        view! { <TextField label=q.label() binding kind=q.kind()/> }
    };
    view! {
        <section aria-labelledby="company-title">
            <h2 id="company-title">"Our company"</h2>
            <div class="grid2">
                {text(ProfileText::Name)}
                {text(ProfileText::Website)}
            </div>
            <CurrencyForm/>
            <h3>"Our answers to the alignment questions"</h3>
            <p class="hint">"Each partner's answers are compared with these."</p>
            {Question::ALL.iter().map(|q| answer(*q)).collect_view()}
        </section>
    }
}

/// The ICP editor.
#[component]
fn IcpForm() -> impl IntoView {
    let store = use_store();
    let lines = move |field: IcpLines, hint: &'static str| {
        let binding = Binding::of(
            store,
            move |w| field.get(&w.icp).to_vec(),
            move |v| Edit::Icp(IcpEdit::Lines(field, v)),
        );
        view! { <LinesField label=field.label() binding kind=field.kind() hint=hint/> }
    };
    let employees = move |bound: Bound| {
        let binding = Binding::of(
            store,
            move |w| bound.of(w.icp.employees),
            move |v| Edit::Icp(IcpEdit::Employees(bound, v)),
        );
        view! {
            <ParsedInput label=SizeField::Employees(bound).label() binding inputmode="numeric"
                show={|n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default()}
                parse={|s: String| input::employees(&s).map_err(|e| e.to_string())}/>
        }
    };
    let revenue = move |bound: Bound| {
        let binding = Binding::of(
            store,
            move |w| bound.of(w.icp.annual_revenue),
            move |v| Edit::Icp(IcpEdit::Revenue(bound, v)),
        );
        view! { <AmountField label=SizeField::Revenue(bound).label() binding/> }
    };
    view! {
        <section aria-labelledby="icp-title">
            <h2 id="icp-title">"Ideal customer profile"</h2>
            <div class="grid2">
                {lines(IcpLines::Industries, "One per line.")}
                {lines(IcpLines::SubVerticals, "One per line.")}
            </div>
            <fieldset>
                <legend>"Company size"</legend>
                <div class="grid4">
                    {employees(Bound::From)}
                    {employees(Bound::To)}
                    {revenue(Bound::From)}
                    {revenue(Bound::To)}
                </div>
            </fieldset>
            {lines(IcpLines::PainTriggers, "What forces a buying decision. One per line.")}
            <Committee/>
            <Disqualifiers/>
            <Examples/>
        </section>
    }
}

/// The buying committee: role, title, notes per seat.
#[component]
fn Committee() -> impl IntoView {
    let store = use_store();
    let rows = Memo::new(move |_| store.with(|w| w.icp.committee.clone()));
    view! {
        <ListEditor legend="Buying committee" rows noun="committee member" movable=true
            add_label="Add a committee member"
            edit=Callback::new(move |e| store.commit(Edit::Icp(IcpEdit::Committee(e))))
            new_row=Callback::new(|()| CommitteeMember { role: BuyingRole::Custom, title: String::new(), notes: String::new() })
            row=|r| {
                let n = r.number();
                view! {
                    <Choice label=CommitteeField::Role.label(n) binding=r.field(|m: &CommitteeMember| m.role, |m, v| m.role = v)/>
                    <TextField label=CommitteeField::Title.label(n) binding=r.field(|m: &CommitteeMember| m.title.clone(), |m, v| m.title = v)/>
                    <TextField label=CommitteeField::Notes.label(n) kind=TextKind::Long one_line=true binding=r.field(|m: &CommitteeMember| m.notes.clone(), |m, v| m.notes = v)/>
                }
            }/>
    }
}

/// The "not a fit" list. Removing one clears it from the partners it hit.
#[component]
fn Disqualifiers() -> impl IntoView {
    let store = use_store();
    let rows = Memo::new(move |_| store.with(|w| w.icp.disqualifiers.clone()));
    let new_row = Callback::new(move |()| {
        let id = store.with_untracked(|w| {
            Id::fresh(
                "dq",
                clock::entropy(),
                w.icp.disqualifiers.iter().map(|d| &d.id),
            )
        });
        Disqualifier {
            id,
            kind: DisqualifierKind::Other,
            text: String::new(),
            amount: None,
        }
    });
    view! {
        <ListEditor legend="Not a fit (disqualifiers)" rows noun="disqualifier" testid="disqualifiers"
            hint="Budget floor, tech-stack mismatches, excluded segments, anything else. Partners whose book of business hits one are not onboarded."
            add_label="Add a disqualifier" new_row
            edit=Callback::new(move |e: RowEdit<Disqualifier>| store.commit(Edit::Icp(IcpEdit::Disqualifiers(e))))
            row=|r| {
                let n = r.number();
                view! {
                    <Choice label=DisqualifierField::Kind.label(n) binding=r.field(|d: &Disqualifier| d.kind, |d, v| d.kind = v)/>
                    <TextField label=DisqualifierField::Text.label(n) kind=TextKind::Long one_line=true binding=r.field(|d: &Disqualifier| d.text.clone(), |d, v| d.text = v)/>
                    <AmountField label=DisqualifierField::Amount.label(n) binding=r.field(|d: &Disqualifier| d.amount, |d, v| d.amount = v)/>
                }
            }/>
    }
}

/// Worked examples: good-fit and not-a-fit companies.
#[component]
fn Examples() -> impl IntoView {
    let store = use_store();
    let rows = Memo::new(move |_| store.with(|w| w.icp.examples.clone()));
    view! {
        <ListEditor legend="Worked examples" rows noun="example" add_label="Add an example"
            hint="Companies a partner can recognise: a good fit, and not a fit, with why."
            edit=Callback::new(move |e| store.commit(Edit::Icp(IcpEdit::Examples(e))))
            new_row=Callback::new(|()| Example { name: String::new(), fit: ExampleFit::Good, why: String::new() })
            row=|r| {
                let n = r.number();
                view! {
                    <TextField label=ExampleField::Name.label(n) binding=r.field(|e: &Example| e.name.clone(), |e, v| e.name = v)/>
                    <Choice label=ExampleField::Fit.label(n) binding=r.field(|e: &Example| e.fit, |e, v| e.fit = v)/>
                    <TextField label=ExampleField::Why.label(n) kind=TextKind::Long one_line=true binding=r.field(|e: &Example| e.why.clone(), |e, v| e.why = v)/>
                }
            }/>
    }
}
