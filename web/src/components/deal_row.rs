//! One deal of the pipeline, edited in place: the `DealLens` ("this deal":
//! read it, bind its fields to opportunity edits), a row of the deals
//! tables, and the deal's next actions.

use std::sync::Arc;

use leptos::prelude::*;
use partnerfit_core::edit::pipeline::{NextActionField, OpportunityText, AMOUNT, CLOSE};
use partnerfit_core::edit::{Edit, OpportunityEdit, PipelineEdit, TextKind};
use partnerfit_core::pipeline::{Attribution, NextAction, Opportunity, Side, Stage};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::clock;
use crate::components::fields::{next_id, Check, Choice, MoneyField, OptionalDateField, TextField};
use crate::components::list_editor::ListEditor;
use crate::lens::Binding;
use crate::state::Store;

/// "This deal": read it, and change it with opportunity edits.
///
/// The deal is found once per change of the workspace, at the place it was
/// last seen (a search only when it moved), and shared (`Arc`): a memo of
/// its parts re-runs only when this deal changed, so a page of many deals
/// does not search the pipeline for each of them, nor re-render them, on
/// every edit.
#[derive(Clone, Copy)]
pub struct DealLens {
    store: Store,
    id: StoredValue<Id>,
    deal: Memo<Option<Arc<Opportunity>>>,
}

impl DealLens {
    pub fn new(store: Store, id: Id) -> DealLens {
        DealLens::at(store, id, usize::MAX)
    }

    /// [`new`](Self::new), for a deal known to be at `hint` in the
    /// pipeline: the rows of a table over 100,000 deals do not each search
    /// the pipeline when they are made.
    pub fn at(store: Store, id: Id, hint: usize) -> DealLens {
        let id = StoredValue::new(id);
        let hint = StoredValue::new(hint);
        let deal = Memo::new_with_compare(
            move |_| {
                id.with_value(|id| {
                    store.with(|w| {
                        let deals = &w.pipeline.opportunities;
                        if let Some(o) = deals.get(hint.get_value()).filter(|o| &o.id == id) {
                            return Some(o.clone());
                        }
                        let i = deals.iter().position(|o| &o.id == id)?;
                        hint.set_value(i);
                        Some(deals[i].clone())
                    })
                })
            },
            |old, new| match (old, new) {
                (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
                (Some(None), Some(None)) => false,
                _ => true,
            },
        );
        DealLens { store, id, deal }
    }

    /// A value of the deal that re-renders only when it changes.
    pub fn memo<T>(self, f: impl Fn(&Opportunity) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: Default + PartialEq + Send + Sync + 'static,
    {
        Memo::new(move |_| self.deal.with(|o| o.as_deref().map(&f)).unwrap_or_default())
    }

    pub fn apply(&self, e: OpportunityEdit) -> Result<(), String> {
        self.store.commit(Edit::Pipeline(PipelineEdit::Opportunity(
            self.id.get_value(),
            e,
        )))
    }

    /// One field of the deal: `get` reads it, `set` makes the edit.
    pub fn bind<T>(
        self,
        get: impl Fn(&Opportunity) -> T + Send + Sync + 'static,
        set: impl Fn(T) -> OpportunityEdit + Send + Sync + 'static,
    ) -> Binding<T>
    where
        T: Default + Clone + PartialEq + Send + Sync + 'static,
    {
        Binding::bound(self.memo(get), move |v: T| self.apply(set(v)))
    }
}

/// The stage of a deal; a change is dated today.
#[component]
pub fn StageSelect(deal: DealLens, #[prop(into)] label: String) -> impl IntoView {
    let binding = deal.bind(
        |o| o.stage(),
        |s: Stage| OpportunityEdit::Stage(s, clock::today()),
    );
    view! { <Choice label binding/> }
}

/// Whether a deal meets the motion's definition of qualified.
#[component]
pub fn QualifiedSelect(deal: DealLens, #[prop(into)] label: String) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let value = deal.memo(|o| match o.qualified {
        None => "",
        Some(true) => "yes",
        Some(false) => "no",
    });
    let id = next_id();
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            <select id=id prop:value=move || value.get() data-bound="true"
                on:change:target=move |ev| {
                    let q = match ev.target().value().as_str() {
                        "yes" => Some(true),
                        "no" => Some(false),
                        _ => None,
                    };
                    error.set(deal.apply(OpportunityEdit::Qualified(q)).err());
                    ev.target().set_value(value.get_untracked());
                }>
                <option value="">"Not judged yet"</option>
                <option value="yes">"Qualified"</option>
                <option value="no">"Not qualified"</option>
            </select>
            <span class="error" aria-live="polite">{move || error.get()}</span>
        </div>
    }
}

/// The next actions of a deal: what, who (us or the partner), by when, done.
#[component]
pub fn NextActions(deal: DealLens, #[prop(into)] name: String) -> impl IntoView {
    let rows = deal.memo(|o| o.next_actions.clone());
    view! {
        <ListEditor legend=format!("Next actions on {name}") rows noun="next action" add_label="Add a next action"
            edit=Callback::new(move |e| deal.apply(OpportunityEdit::NextActions(e)))
            new_row=Callback::new(|()| NextAction { text: String::new(), owner: Side::Unassigned, due: None, done: false })
            row=|r| {
                let n = r.number();
                view! {
                    <TextField label=NextActionField::Text.label(n) kind=TextKind::Long one_line=true binding=r.field(|a: &NextAction| a.text.clone(), |a, v| a.text = v)/>
                    <Choice label=NextActionField::Owner.label(n) binding=r.field(|a: &NextAction| a.owner, |a, v| a.owner = v)/>
                    <OptionalDateField label=NextActionField::Due.label(n) binding=r.field(|a: &NextAction| a.due, |a, v| a.due = v)/>
                    <Check label=NextActionField::Done.label(n) binding=r.field(|a: &NextAction| a.done, |a, v| a.done = v)/>
                }
            }/>
    }
}

/// Whose deal it is, in one choice: direct, or sourced or influenced by
/// one of the workspace's partners.
#[component]
pub fn WhoseSelect(deal: DealLens, #[prop(into)] label: String) -> impl IntoView {
    let store = deal.store;
    let partners = Memo::new(move |_| {
        store.with(|w| {
            w.partners
                .iter()
                .map(|p| (p.id.to_string(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let value = deal.memo(|o| match (&o.partner, o.attribution) {
        (_, Attribution::Direct) => "direct".to_owned(),
        (Some(p), a) => format!("{}:{p}", a.key()),
        (None, a) => a.key().to_owned(),
    });
    let error = RwSignal::new(None::<String>);
    let id = next_id();
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            <select id=id prop:value=move || value.get() data-bound="true"
                on:change:target=move |ev| {
                    let v = ev.target().value();
                    let (key, partner) = v.split_once(':').map_or((v.as_str(), None), |(k, p)| (k, Id::parse(p).ok()));
                    if let Some(a) = Attribution::from_key(key) {
                        error.set(deal.apply(OpportunityEdit::Attribution(a, partner)).err());
                    }
                    ev.target().set_value(&value.get_untracked());
                }>
                <option value="direct">"Direct"</option>
                {move || {
                    let current = value.get();
                    let orphan = (current == Attribution::Sourced.key() || current == Attribution::Influenced.key())
                        .then(|| view! { <option value=current.clone()>{format!("{} (partner not in this workspace)", Attribution::from_key(&current).map(|a| a.label()).unwrap_or_default())}</option> });
                    let named = partners.get().into_iter().flat_map(|(id, name)| {
                        [Attribution::Sourced, Attribution::Influenced].map(|a| {
                            view! { <option value=format!("{}:{id}", a.key())>{format!("{} by {name}", a.label())}</option> }
                        })
                    }).collect_view();
                    view! { {orphan}{named} }
                }}
            </select>
            <span class="error" aria-live="polite">{move || error.get()}</span>
        </div>
    }
}

/// Every field of a deal entered or corrected by hand.
#[component]
pub fn DealEditor(deal: DealLens, #[prop(into)] name: String) -> impl IntoView {
    let label = name.clone();
    let text = move |f: OpportunityText| {
        let binding = deal.bind(
            move |o| f.get(o).clone(),
            move |v| OpportunityEdit::Text(f, v),
        );
        view! { <TextField label=format!("{} of {label}", f.label()) binding kind=f.kind()/> }
    };
    let amount = deal.bind(|o| o.amount, OpportunityEdit::Amount);
    let close = deal.bind(|o| o.close, OpportunityEdit::Close);
    let kind = deal.bind(|o| o.kind, OpportunityEdit::Kind);
    let of = |label: &str| format!("{label} of {name}");
    view! {
        <div class="deal-editor">
            {OpportunityText::ALL.iter().map(|f| text(*f)).collect_view()}
            <MoneyField label=of(AMOUNT) binding=amount/>
            <OptionalDateField label=of(CLOSE) binding=close/>
            <Choice label=of("Deal type") binding=kind/>
            <WhoseSelect deal label=of("Whose deal")/>
            <QualifiedSelect deal label=format!("Is {name} qualified (against the rules of engagement)?")/>
        </div>
    }
}
