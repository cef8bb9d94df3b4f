//! A partner's enablement log (training, calls, certification: date, hours,
//! note), shown beside the qualified opportunities it produced — "training
//! is only useful if it produces deals" as a ratio, flagged when hours grow
//! and opportunities do not.

use leptos::prelude::*;
use partnerfit_core::edit::program::EnablementField as F;
use partnerfit_core::edit::{PartnerEdit, RowEdit, TextKind};
use partnerfit_core::input;
use partnerfit_core::partner::Enablement;

use crate::clock;
use crate::components::fields::{Choice, DateField, ParsedInput, TextField};
use crate::components::list_editor::ListEditor;
use crate::lens::PartnerLens;

#[component]
pub fn EnablementLog(lens: PartnerLens) -> impl IntoView {
    let rows = lens.memo(|p| p.enablement.clone());
    view! {
        <ListEditor legend="Enablement given" rows noun="enablement entry" add_label="Log enablement"
            testid="enablement-log"
            hint="Training, enablement calls and certification, with the hours they took. They count only if deals follow."
            edit=Callback::new(move |e: RowEdit<Enablement>| lens.apply(PartnerEdit::Enablement(e)))
            new_row=Callback::new(|()| Enablement {
                date: clock::today(),
                kind: partnerfit_core::partner::EnablementKind::Training,
                minutes: 60,
                note: String::new(),
            })
            row=|r| {
                let n = r.number();
                view! {
                    <DateField label=F::Date.label(n) binding=r.field(|e: &Enablement| e.date, |e, v| e.date = v)/>
                    <Choice label=F::Kind.label(n) binding=r.field(|e: &Enablement| e.kind, |e, v| e.kind = v)/>
                    <ParsedInput label=F::Hours.label(n) inputmode="decimal"
                        binding=r.field(|e: &Enablement| e.minutes, |e, v| e.minutes = v)
                        show={|m: u32| input::hours_text(m)}
                        parse={|s: String| input::hours(&s, 1000).map_err(|e| e.to_string())}/>
                    <TextField label=F::Note.label(n) kind=TextKind::Long one_line=true
                        binding=r.field(|e: &Enablement| e.note.clone(), |e, v| e.note = v)/>
                }
            }/>
    }
}
