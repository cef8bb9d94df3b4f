//! The pilot's setup: dates, owners, targets, the 20–50 pilot accounts
//! (picked from the account mapping; kept apart from the 25-account map of
//! step 4) and the two joint plays.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::edit::pilot::{PlayField, TargetField, END, START};
use partnerfit_core::edit::RowEdit;
use partnerfit_core::edit::{PilotEdit, PilotText, TextKind};
use partnerfit_core::input;
use partnerfit_core::pilot::{AccountSource, PilotAccount, Play};
use partnerfit_core::words::count;
use partnerfit_core::Date;

use super::pilot_edit;
use crate::clock;
use crate::components::fields::{next_id, DateField, ParsedInput, TextField};
use crate::components::list_editor::ListEditor;
use crate::lens::{Binding, PartnerLens};
use crate::routes::Page;

#[component]
pub fn Setup(lens: PartnerLens) -> impl IntoView {
    let date = move |label: &'static str, end: bool| {
        let value = lens.memo(move |p| p.pilot().map(|x| if end { x.end } else { x.start }));
        let today = clock::today();
        let binding = Binding {
            in_workspace: true,
            value: Signal::derive(move || value.get().unwrap_or(today)),
            commit: Callback::new(move |d: Date| {
                let (start, stop) = lens
                    .with(|p| p.pilot().map(|x| (x.start, x.end)))
                    .flatten()
                    .unwrap_or((d, d));
                lens.apply(pilot_edit(if end {
                    PilotEdit::Dates { start, end: d }
                } else {
                    PilotEdit::Dates {
                        start: d,
                        end: stop,
                    }
                }))
            }),
        };
        view! { <DateField label binding/> }
    };
    let text = move |field: PilotText| {
        let binding = lens.bind(
            move |p| p.pilot().map(|x| field.get(x).clone()).unwrap_or_default(),
            move |v| pilot_edit(PilotEdit::Text(field, v)),
        );
        view! { <TextField label=field.label() binding kind=field.kind()/> }
    };
    let target = move |field: TargetField| {
        let binding = lens.bind(
            move |p| {
                p.pilot()
                    .map(|x| *field.get(&x.targets))
                    .unwrap_or_default()
            },
            move |v| pilot_edit(PilotEdit::Target(field, v)),
        );
        view! {
            <ParsedInput label=field.label() binding inputmode="numeric"
                show={|n: u16| n.to_string()}
                parse={|s: String| input::whole(&s, 0, u32::from(TargetField::MAX)).map(|n| n as u16).map_err(|e| e.to_string())}/>
        }
    };
    view! {
        <section class="pilot-setup" aria-labelledby="pilot-setup">
            <h2 id="pilot-setup">"Setup"</h2>
            <div class="field-row">
                {date(START, false)}{date(END, true)}
                {text(PilotText::OurOwner)}{text(PilotText::PartnerOwner)}
            </div>
            <fieldset><legend>"Targets within the pilot"</legend>
                <div class="field-row">{target(TargetField::Qualified)}{target(TargetField::Progressed)}</div>
            </fieldset>
            <Accounts lens/>
            <Plays lens/>
        </section>
    }
}

/// The pilot accounts, with the account map's accounts one click away.
#[component]
fn Accounts(lens: PartnerLens) -> impl IntoView {
    let rows = lens.memo(|p| p.pilot().map(|x| x.accounts.clone()).unwrap_or_default());
    let warning = lens.memo(|p| p.pilot().and_then(|x| x.accounts_warning()));
    let mapped = lens.memo(|p| {
        p.overlap
            .mapped
            .iter()
            .map(|m| PilotAccount {
                name: m.name.clone(),
                domain: m.domain.clone(),
                source: AccountSource::AccountMap,
            })
            .collect::<Vec<_>>()
    });
    let error = RwSignal::new(None::<String>);
    let add_map = move |_| {
        error.set(
            lens.apply(pilot_edit(PilotEdit::AddAccounts(mapped.get_untracked())))
                .err(),
        )
    };
    let id = lens.id();
    view! {
        <section aria-labelledby="pilot-accounts" data-testid="pilot-accounts">
            <h3 id="pilot-accounts">{move || format!("Pilot accounts ({})", rows.with(Vec::len))}</h3>
            <p class="hint">"Pick 20 to 50: shared accounts and greenfield from the "
                <A href=Page::Overlap(id).link()>"account mapping"</A>" (\u{201c}Add to the pilot\u{201d}), or the accounts of the account map of step 4."</p>
            {move || warning.get().map(|w| view! { <p class="warning" role="status" data-testid="pilot-accounts-warning">{w}</p> })}
            {move || {
                let n = mapped.with(Vec::len);
                (n > 0).then(|| view! {
                    <button type="button" on:click=add_map>{format!("Add the account map's {}", count(n, "account", "accounts"))}</button>
                })
            }}
            <span class="error" role="alert">{move || error.get()}</span>
            <ListEditor legend="Accounts" rows noun="pilot account" add_label="Add an account by hand"
                edit=Callback::new(move |e| lens.apply(pilot_edit(PilotEdit::Accounts(e))))
                new_row=Callback::new(|()| PilotAccount { name: String::new(), domain: String::new(), source: AccountSource::Shared })
                row=|r| {
                    let n = r.number();
                    use partnerfit_core::edit::pilot::PilotAccountField as F;
                    view! {
                        <TextField label=F::Name.label(n) binding=r.field(|a: &PilotAccount| a.name.clone(), |a, v| a.name = v)/>
                        <TextField label=F::Domain.label(n) binding=r.field(|a: &PilotAccount| a.domain.clone(), |a, v| a.domain = v)/>
                        <crate::components::fields::Choice label=F::Source.label(n) binding=r.field(|a: &PilotAccount| a.source, |a, v| a.source = v)/>
                    }
                }/>
        </section>
    }
}

/// The two joint plays, each with the accounts it targets.
#[component]
fn Plays(lens: PartnerLens) -> impl IntoView {
    let rows = lens.memo(|p| p.pilot().map(|x| x.plays.clone()).unwrap_or_default());
    let accounts = lens.memo(|p| {
        p.pilot()
            .map(|x| {
                x.accounts
                    .iter()
                    .map(|a| a.name.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <ListEditor legend="Joint plays" rows noun="play" add_label="Add a play"
            hint="Two plays: what starts each, what it should produce, who owns it on each side, which pilot accounts it targets."
            edit=Callback::new(move |e: RowEdit<Play>| lens.apply(pilot_edit(PilotEdit::Plays(e))))
            new_row=Callback::new(|()| Play::default())
            row=move |r| {
                let n = r.number();
                let targets = r.field(|p: &Play| p.accounts.clone(), |p, v| p.accounts = v);
                let id = next_id();
                let error = RwSignal::new(None::<String>);
                view! {
                    <TextField label=PlayField::Name.label(n) binding=r.field(|p: &Play| p.name.clone(), |p, v| p.name = v)/>
                    <TextField label=PlayField::Trigger.label(n) kind=TextKind::Long one_line=true binding=r.field(|p: &Play| p.trigger.clone(), |p, v| p.trigger = v)/>
                    <TextField label=PlayField::Outcome.label(n) kind=TextKind::Long one_line=true binding=r.field(|p: &Play| p.outcome.clone(), |p, v| p.outcome = v)/>
                    <TextField label=PlayField::OurOwner.label(n) binding=r.field(|p: &Play| p.our_owner.clone(), |p, v| p.our_owner = v)/>
                    <TextField label=PlayField::PartnerOwner.label(n) binding=r.field(|p: &Play| p.partner_owner.clone(), |p, v| p.partner_owner = v)/>
                    <div class="field">
                        <label class="label" for=id.clone()>{PlayField::Accounts.label(n)}</label>
                        <select id=id multiple=true size="5" data-bound="true"
                            on:change:target=move |ev| {
                                let options = ev.target().selected_options();
                                let picked: Vec<String> = (0..options.length())
                                    .filter_map(|i| options.item(i))
                                    .filter_map(|o| o.text_content())
                                    .collect();
                                error.set(targets.commit.run(picked).err());
                            }>
                            {move || {
                                let chosen = targets.value.get();
                                accounts.get().into_iter().map(|a| {
                                    let on = chosen.contains(&a);
                                    view! { <option selected=on>{a}</option> }
                                }).collect_view()
                            }}
                        </select>
                        <span class="error" aria-live="polite">{move || error.get()}</span>
                    </div>
                }
            }/>
    }
}
