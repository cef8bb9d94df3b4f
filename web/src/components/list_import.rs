//! Importing a CRM export (CSV) as an account list: pick a file, check the
//! detected encoding, delimiter, header and column mapping, choose where
//! populations come from, see the rows that will be skipped, import.
//! Importing a list never alters other lists.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use partnerfit_core::edit::Edit;
use partnerfit_core::overlap::account::{Built, ListOwner, PopulationSource};
use partnerfit_core::overlap::columns::{Field, Mapping};
use partnerfit_core::overlap::csv_import::MAX_CSV_BYTES;
use partnerfit_core::overlap::import::{
    accounts, default_population, make_list, prepare, Prepared,
};
use partnerfit_core::overlap::population::Population;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::count;

use crate::clock;
use crate::components::dropzone::FilePicker;
use crate::components::fields::next_id;
use crate::files::read_bytes;
use crate::state::use_store;

#[derive(Clone)]
enum Stage {
    Idle,
    Reading(String),
    Failed(String),
    Ready {
        file: String,
        prepared: Arc<Prepared>,
    },
    Done(String),
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        _ => "other",
    }
}

/// Import a CSV as a list of `owner`.
#[component]
pub fn ListImport(
    /// Whose accounts the file holds.
    owner: ListOwner,
    /// The file input's label.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let stage = RwSignal::new(Stage::Idle);
    let take = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        let name = file.name();
        stage.set(Stage::Reading(name.clone()));
        spawn_local(async move {
            let next = match read_bytes(file, MAX_CSV_BYTES).await {
                Err(e) => Stage::Failed(e),
                Ok(bytes) => match prepare(&bytes) {
                    Err(e) => Stage::Failed(format!("{name}: {e}")),
                    Ok(p) => Stage::Ready {
                        file: name,
                        prepared: Arc::new(p),
                    },
                },
            };
            stage.set(next);
        });
    };
    view! {
        <div class="list-import">
            <FilePicker label accept=".csv,text/csv,text/plain" on_file=take
                hint="A CSV export of a CRM (HubSpot, Salesforce, Pipedrive) or a spreadsheet. It is read in this browser only."/>
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Reading(f) => view! { <p role="status">"Reading "{f}"…"</p> }.into_any(),
                Stage::Failed(e) => view! { <p class="error" role="alert" data-testid="csv-error">{e}" Nothing was imported."</p> }.into_any(),
                Stage::Done(msg) => view! { <p class="ok" role="status" data-testid="csv-done">{msg}</p> }.into_any(),
                Stage::Ready { file, prepared } => view! { <MappingStep file prepared owner=owner.clone() stage/> }.into_any(),
            }}
        </div>
    }
}

/// Check and adjust how the file is read, then import it.
#[component]
fn MappingStep(
    file: String,
    prepared: Arc<Prepared>,
    owner: ListOwner,
    stage: RwSignal<Stage>,
) -> impl IntoView {
    let ws = use_store();
    let mapping = RwSignal::new(prepared.mapping.clone());
    let population = RwSignal::new(default_population(&prepared.mapping));
    let p2 = prepared.clone();
    let currency = Memo::new(move |_| ws.with(|w| w.profile.currency));
    let preview = Memo::new(move |_| {
        accounts(&p2, &mapping.get(), population.get(), Some(currency.get()))
            .map_err(|e| e.to_string())
    });
    let t = &prepared.table;
    let summary = format!(
        "{file}: {} after the header on line {} ({}, {} separated).",
        count(t.rows.len(), "row", "rows"),
        t.header_line,
        t.encoding,
        delimiter_name(t.delimiter)
    );
    let headers = t.headers.clone();
    let field_selects = Field::ALL
        .iter()
        .map(|f| {
            let f = *f;
            let id = next_id();
            let current = prepared.mapping.get(f);
            let options = headers
                .iter()
                .enumerate()
                .map(|(i, h)| view! { <option value=i.to_string() selected=current == Some(i)>{h.clone()}</option> })
                .collect_view();
            view! {
                <div class="field">
                    <label class="label" for=id.clone()>{f.label()}</label>
                    <select id=id on:change:target=move |ev| {
                        let col = ev.target().value().parse::<usize>().ok();
                        mapping.update(|m: &mut Mapping| m.set(f, col));
                    }>
                        <option value="" selected=current.is_none()>"(none)"</option>
                        {options}
                    </select>
                </div>
            }
        })
        .collect_view();
    let pop_select = move |label: &'static str, value: Population, on: Callback<Population>| {
        let id = next_id();
        view! {
            <div class="field inline">
                <label class="label" for=id.clone()>{label}</label>
                <select id=id on:change:target=move |ev| if let Some(p) = Population::from_key(&ev.target().value()) { on.run(p) }>
                    {Population::ALL.iter().map(|p| view! { <option value=p.key() selected=*p == value>{p.label()}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    let fallback = match population.get_untracked() {
        PopulationSource::StatusColumn { fallback } => fallback,
        PopulationSource::Fixed(_) => Population::Prospect,
    };
    let fixed = match population.get_untracked() {
        PopulationSource::Fixed(p) => p,
        PopulationSource::StatusColumn { .. } => Population::Customer,
    };
    let pop_name = next_id();
    let import = move |_| {
        let Ok(Built {
            accounts: accs,
            bad,
            ..
        }) = preview.get_untracked()
        else {
            return;
        };
        let n = accs.len();
        let owner = owner.clone();
        let file = file.clone();
        // The edit refuses a list that would make the workspace's file too
        // large to import again.
        let id = ws.with_untracked(|w| w.fresh_list_id(clock::entropy()));
        let list = make_list(
            id,
            owner,
            &file,
            clock::today(),
            population.get_untracked(),
            accs,
        );
        if let Err(e) = ws.apply(Edit::AddList(Arc::new(list))) {
            stage.set(Stage::Failed(format!("{file} was not added: {e}.")));
            return;
        }
        let skipped = if bad.is_empty() {
            String::new()
        } else {
            format!(
                " {} skipped: {}{}",
                count(bad.len(), "row", "rows"),
                bad.iter()
                    .take(5)
                    .map(|b| b.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
                if bad.len() > 5 { "; …" } else { "" }
            )
        };
        stage.set(Stage::Done(format!(
            "Imported {} from {file}.{skipped}",
            count(n, "account", "accounts")
        )));
    };
    view! {
        <div class="csv-mapping" data-testid="csv-mapping">
            <p>{summary}</p>
            <fieldset>
                <legend>"Columns"</legend>
                <div class="grid4">{field_selects}</div>
            </fieldset>
            <fieldset>
                <legend>"Populations"</legend>
                <label class="check"><input type="radio" name=pop_name.clone()
                    prop:checked=move || matches!(population.get(), PopulationSource::StatusColumn { .. })
                    on:change=move |_| population.set(PopulationSource::StatusColumn { fallback })/>
                    " From the status column"</label>
                {pop_select("When the status says nothing", fallback, Callback::new(move |p| population.set(PopulationSource::StatusColumn { fallback: p })))}
                <label class="check"><input type="radio" name=pop_name
                    prop:checked=move || matches!(population.get(), PopulationSource::Fixed(_))
                    on:change=move |_| population.set(PopulationSource::Fixed(fixed))/>
                    " The same for the whole list"</label>
                {pop_select("Every account is", fixed, Callback::new(move |p| population.set(PopulationSource::Fixed(p))))}
            </fieldset>
            {move || match preview.get() {
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                Ok(Built { accounts: accs, bad, revenue_notes }) => {
                    let counts = Population::ALL.iter().map(|p| p.count(accs.iter().filter(|a| a.population == *p).count())).collect::<Vec<_>>().join(", ");
                    view! {
                        <p data-testid="csv-preview">{format!("{} will be imported ({counts}).", count(accs.len(), "account", "accounts"))}</p>
                        {(!bad.is_empty()).then(|| view! {
                            <div class="warn" data-testid="csv-bad-rows">
                                <p>{format!("{} will be skipped:", count(bad.len(), "row", "rows"))}</p>
                                <ul>{bad.iter().take(50).map(|b| view! { <li>{b.to_string()}</li> }).collect_view()}</ul>
                            </div>
                        })}
                        {(!revenue_notes.is_empty()).then(|| view! {
                            <div class="warn" data-testid="csv-revenue-notes">
                                <p>{format!("{} will be imported without an annual revenue:", count(revenue_notes.len(), "account", "accounts"))}</p>
                                <ul>{revenue_notes.iter().take(50).map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
                            </div>
                        })}
                    }.into_any()
                }
            }}
            <div class="actions">
                <button type="button" prop:disabled=move || preview.with(|p| p.as_ref().map_or(true, |b| b.accounts.is_empty())) on:click=import>"Import accounts"</button>
                <button type="button" on:click=move |_| stage.set(Stage::Idle)>"Cancel"</button>
            </div>
        </div>
    }
}
