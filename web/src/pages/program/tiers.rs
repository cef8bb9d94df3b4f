//! Tiers by measured performance: the rules the user sets (minimum sourced
//! pipeline, revenue won and win rate over the last quarters), the benefits
//! of each tier, and how long without new pipeline makes a partner
//! inactive.

use leptos::prelude::*;
use partnerfit_core::edit::program::{TierField as F, INACTIVE_DAYS, TIER_QUARTERS};
use partnerfit_core::edit::{Edit, ProgramEdit, RowEdit, TextKind};
use partnerfit_core::program::Tier;
use partnerfit_core::rate::Rate;
use partnerfit_core::Money;

use crate::components::fields::{CountField, LinesField, MoneyField, RateField, TextField};
use crate::components::list_editor::ListEditor;
use crate::lens::Binding;
use crate::state::use_store;

/// The tier rules and their benefits.
#[component]
pub fn TierRules() -> impl IntoView {
    let store = use_store();
    let rows = Memo::new(move |_| store.with(|w| w.program.tiers.clone()));
    let quarters = Binding::of(
        store,
        |w| u32::from(w.program.tier_quarters),
        |v| Edit::Program(ProgramEdit::TierQuarters(v as u8)),
    );
    view! {
        <CountField label=TIER_QUARTERS binding=quarters min=1 max=8/>
        <ListEditor legend="Tiers, highest first" rows noun="tier" add_label="Add a tier" movable=true testid="tiers"
            hint="A partner is in the first tier whose every minimum it meets (a minimum of 0 does not count). Benefits go on the tier sheet partners see."
            edit=Callback::new(move |e: RowEdit<Tier>| store.commit(Edit::Program(ProgramEdit::Tiers(e))))
            new_row=Callback::new(|()| Tier {
                name: String::new(),
                min_sourced: Money(0),
                min_won: Money(0),
                min_win_rate: Rate(0),
                benefits: Vec::new(),
            })
            row=|r| {
                let n = r.number();
                view! {
                    <TextField label=F::Name.label(n) binding=r.field(|t: &Tier| t.name.clone(), |t, v| t.name = v)/>
                    <MoneyField label=F::MinSourced.label(n) binding=r.field(|t: &Tier| t.min_sourced, |t, v| t.min_sourced = v)/>
                    <MoneyField label=F::MinWon.label(n) binding=r.field(|t: &Tier| t.min_won, |t, v| t.min_won = v)/>
                    <RateField label=F::MinWinRate.label(n) binding=r.field(|t: &Tier| t.min_win_rate, |t, v| t.min_win_rate = v)/>
                    <LinesField label=F::Benefits.label(n) kind=TextKind::Long binding=r.field(|t: &Tier| t.benefits.clone(), |t, v| t.benefits = v)/>
                }
            }/>
    }
}

/// Days without new partner pipeline before a partner counts as inactive.
#[component]
pub fn InactiveDays() -> impl IntoView {
    let store = use_store();
    let days = Binding::of(
        store,
        |w| u32::from(w.program.inactive_days),
        |v| Edit::Program(ProgramEdit::InactiveDays(v as u16)),
    );
    view! { <CountField label=INACTIVE_DAYS binding=days min=7 max=3650/> }
}
