//! One owner, one number: who answers for partner pipeline and revenue, the
//! number and its target per quarter, and day 1 of the 30-60-90 plan.

use leptos::prelude::*;
use partnerfit_core::edit::program::{NUMBER, START, TARGET};
use partnerfit_core::edit::{Edit, ProgramEdit, ProgramText};

use crate::components::fields::{Choice, MoneyField, OptionalDateField, TextField};
use crate::lens::Binding;
use crate::state::use_store;

fn program(e: ProgramEdit) -> Edit {
    Edit::Program(e)
}

#[component]
pub fn OwnerAndNumber() -> impl IntoView {
    let store = use_store();
    let owner = Binding::of(
        store,
        |w| w.program.owner.clone(),
        |v| program(ProgramEdit::Text(ProgramText::Owner, v)),
    );
    let number = Binding::of(
        store,
        |w| w.program.number,
        |v| program(ProgramEdit::Number(v)),
    );
    let target = Binding::of(
        store,
        |w| w.program.target,
        |v| program(ProgramEdit::Target(v)),
    );
    let start = Binding::of(
        store,
        |w| w.program.start,
        |v| program(ProgramEdit::Start(v)),
    );
    view! {
        <div class="field-row" id="program-owner">
            <TextField label=ProgramText::Owner.label() binding=owner
                hint="One person answers for partner pipeline and revenue, with authority to coordinate sales, marketing and customer success."/>
            <Choice label=NUMBER binding=number/>
            <MoneyField label=TARGET binding=target/>
            <OptionalDateField label=START binding=start/>
        </div>
    }
}
