//! The operating rhythm: the weekly pipeline review, the monthly
//! performance review and a quarterly business review per partner — their
//! dates, times and attendees, downloadable as an iCalendar file (one
//! recurring event per meeting) and with their agendas generated.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::edit::program::MeetingField as F;
use partnerfit_core::edit::{Edit, ProgramEdit, RowEdit};
use partnerfit_core::program::calendar::recurrence;
use partnerfit_core::program::{ClockTime, Meeting, MeetingKind};
use partnerfit_core::words::count;
use partnerfit_core::Id;

use crate::clock;
use crate::components::fields::{next_id, Choice, CountField, DateField, LinesField, ParsedInput};
use crate::components::list_editor::ListEditor;
use crate::lens::Binding;
use crate::routes::Page;
use crate::state::use_store;

#[component]
pub fn Rhythm() -> impl IntoView {
    let store = use_store();
    let rows = Memo::new(move |_| store.with(|w| w.program.meetings.clone()));
    let partners = Memo::new(move |_| {
        store.with(|w| {
            w.partners
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let download_error = RwSignal::new(None::<String>);
    let download = move |_| {
        let (name, text) = store.with_untracked(|w| {
            (
                partnerfit_ics::file_name(w),
                partnerfit_ics::calendar(w, clock::unix_seconds()),
            )
        });
        download_error.set(crate::files::download(&name, "text/calendar", &text).err());
    };
    view! {
        <ListEditor legend="Meetings" rows noun="meeting" add_label="Add a meeting" testid="meetings"
            hint="Weekly review for active opportunities and blockers; monthly review for plays, enablement gaps and pipeline creation; a quarterly business review with each partner, revenue first. Times are local; attendees one per line (e-mail addresses are invited by the calendar)."
            edit=Callback::new(move |e: RowEdit<Meeting>| store.commit(Edit::Program(ProgramEdit::Meetings(e))))
            new_row=Callback::new(move |()| Meeting {
                id: store.with_untracked(|w| Id::fresh("m", clock::entropy(), w.program.meetings.iter().map(|m| &m.id))),
                kind: MeetingKind::QuarterlyBusiness,
                partner: None,
                first: clock::today(),
                time: ClockTime::default(),
                minutes: 60,
                attendees: Vec::new(),
            })
            row=move |r| {
                let n = r.number();
                let kind = r.field(|m: &Meeting| m.kind, |m, v| m.kind = v);
                let first = r.field(|m: &Meeting| m.first, |m, v| m.first = v);
                view! {
                    <Choice label=F::Kind.label(n) binding=kind/>
                    <PartnerSelect label=F::Partner.label(n) partners binding=r.field(|m: &Meeting| m.partner.clone(), |m, v| m.partner = v)/>
                    <DateField label=F::First.label(n) binding=first/>
                    <ParsedInput label=F::Time.label(n) hint="HH:MM" binding=r.field(|m: &Meeting| m.time, |m, v| m.time = v)
                        show={|t: ClockTime| t.to_string()}
                        parse={|s: String| ClockTime::parse(&s).map_err(|e| e.to_string())}/>
                    <CountField label=F::Minutes.label(n) min=5 max=1440
                        binding=r.field(|m: &Meeting| u32::from(m.minutes), |m, v| m.minutes = v as u16)/>
                    <LinesField label=F::Attendees.label(n) binding=r.field(|m: &Meeting| m.attendees.clone(), |m, v| m.attendees = v)/>
                    <p class="hint" data-testid="recurs">{move || {
                        format!("Recurs {}.", recurrence(kind.value.get(), first.value.get()).text())
                    }}</p>
                }
            }/>
        <p class="actions">
            <button type="button" on:click=download data-testid="download-calendar"
                disabled=move || rows.with(Vec::is_empty)>
                {move || format!("Download the calendar (.ics, {})", count(rows.with(Vec::len), "meeting", "meetings"))}
            </button>
            " "<A href=Page::Agendas.link()>"Agendas: the weekly review and each partner's QBR"</A>
        </p>
        <span class="error" role="alert">{move || download_error.get()}</span>
        <p class="hint">"The file imports into Google Calendar, Outlook and Apple Calendar; importing it again updates the same events."</p>
    }
}

/// The partner a meeting is with, or the program's own meeting.
#[component]
fn PartnerSelect(
    #[prop(into)] label: String,
    partners: Memo<Vec<(Id, String)>>,
    binding: Binding<Option<Id>>,
) -> impl IntoView {
    let id = next_id();
    let error = RwSignal::new(None::<String>);
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            <select id=id data-bound="true" on:change:target=move |ev| {
                let v = Id::parse(&ev.target().value()).ok();
                error.set(binding.commit.run(v).err());
            }>
                <option value="" selected=move || binding.value.get().is_none()>"The program (no partner)"</option>
                {move || partners.get().into_iter().map(|(pid, name)| {
                    let selected = binding.value.get().as_ref() == Some(&pid);
                    view! { <option value=pid.to_string() selected=selected>{name}</option> }
                }).collect_view()}
            </select>
            <span class="error" aria-live="polite">{move || error.get()}</span>
        </div>
    }
}
