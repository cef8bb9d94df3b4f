//! The scorecard itself: categories, criteria, wording, weights, and the
//! gates per partner type. The seed's set is the default. Removing a
//! category or criterion removes the ratings given on it; the undo button
//! names how many and takes them back.

use leptos::prelude::*;
use partnerfit_core::edit::scorecard::{floor_label, gate_label, RESTORE_DEFAULT};
use partnerfit_core::edit::{Edit, ScorecardEdit};
use partnerfit_core::input;
use partnerfit_core::partner::{PartnerType, Score};
use partnerfit_core::scorecard::{format_score, Category, ScorecardField};
use partnerfit_core::snapshot::Reason;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::capitalised;
use partnerfit_core::Id;

use crate::clock;
use crate::components::fields::{ParsedInput, TextField};
use crate::lens::Binding;
use crate::state::{use_store, Store};
use partnerfit_core::edit::TextKind;

#[component]
pub fn ScorecardPage() -> impl IntoView {
    let store = use_store();
    let restored = RwSignal::new(None::<Result<String, String>>);
    let reset = move |_| {
        let kept = crate::storage::snapshots::take(store, Reason::Before(RESTORE_DEFAULT.into()));
        restored.set(Some(
            store
                .apply(Edit::Scorecard(ScorecardEdit::RestoreDefault))
                .map(|a| {
                    let snapshot = match kept {
                        Ok(_) => {
                            "a snapshot of the scorecard before is on the Workspace page".to_owned()
                        }
                        Err(e) => format!("no snapshot could be kept: {e}"),
                    };
                    format!(
                        "{} (Undo takes it back; {snapshot})",
                        capitalised(&a.summary)
                    )
                })
                .map_err(|e| capitalised(&e.to_string())),
        ));
    };
    view! {
        <h1>"Scorecard"</h1>
        <p class="lede">"Rate each category 1 to 5, then require minimum thresholds. A category score is the weighted mean of its rated criteria; unrated criteria are left out of the mean and keep the verdict at “needs evidence” until rated."</p>
        <Gates/>
        <Categories/>
        <section>
            <h2>"Start again from the seed"</h2>
            <button type="button" class="danger" on:click=reset>"Restore the default scorecard"</button>
            <span class="hint">" Ratings of criteria that no longer exist are removed."</span>
            {move || restored.get().map(|r| match r {
                Ok(m) => view! { <p class="ok" role="status">{m}"."</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}

/// A number of the scorecard, edited as text.
fn number_input(label: String, binding: Binding<f64>) -> impl IntoView {
    view! {
        <ParsedInput label binding inputmode="decimal"
            show={|w: f64| format_score(w)}
            parse={|s: String| input::weight(&s).map_err(|e| e.to_string())}/>
    }
}

/// The categories' ids and names, in order.
fn categories_of(store: Store) -> Memo<Vec<(Id, String)>> {
    Memo::new(move |_| {
        store.with(|w| {
            w.scorecard
                .categories
                .iter()
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect()
        })
    })
}

/// Gates: a threshold per category and partner type (empty = no gate).
#[component]
fn Gates() -> impl IntoView {
    let store = use_store();
    let categories = categories_of(store);
    let gate = move |kind: PartnerType, cat: Id, name: String| {
        let (c2, c3, c4) = (cat.clone(), cat.clone(), cat.clone());
        let binding = Binding::of(
            store,
            move |w| w.scorecard.gate(kind, &cat),
            move |threshold| {
                Edit::Scorecard(ScorecardEdit::Gate {
                    kind,
                    category: c2.clone(),
                    threshold,
                })
            },
        );
        let floor = Binding::of(
            store,
            move |w| w.scorecard.floor(kind, &c3),
            move |floor| {
                Edit::Scorecard(ScorecardEdit::Floor {
                    kind,
                    category: c4.clone(),
                    floor,
                })
            },
        );
        view! {
            <td><ParsedInput label=gate_label(&name, kind) binding inputmode="decimal"
                show={|g: Option<f64>| g.map(format_score).unwrap_or_default()}
                parse={|s: String| input::gate(&s).map_err(|e| e.to_string())}/>
                <ParsedInput label=floor_label(&name, kind) binding=floor inputmode="numeric"
                    show={|f: Option<Score>| f.map(|f| f.get().to_string()).unwrap_or_default()}
                    parse={|s: String| input::floor(&s).map_err(|e| e.to_string())}/></td>
        }
    };
    view! {
        <section aria-labelledby="gates-title">
            <h2 id="gates-title">"Gates (minimum category score)"</h2>
            <p class="hint">"Each partner type scales under its own rules. Leave a cell empty for no gate. A gate may also set a floor for every single criterion of its category (“no criterion below 2”): one criterion rated below it fails the gate, whatever the mean. Partners failing a gate rank below every partner that passes."</p>
            <table class="gates" data-testid="gates">
                <thead><tr><th scope="col">"Category"</th>
                    {PartnerType::ALL.iter().map(|k| view! { <th scope="col">{k.label()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    <For each=move || categories.get() key=|c| c.clone() let:cat>
                        <tr><th scope="row">{cat.1.clone()}</th>
                            {PartnerType::ALL.iter().map(|k| gate(*k, cat.0.clone(), cat.1.clone())).collect_view()}
                        </tr>
                    </For>
                </tbody>
            </table>
        </section>
    }
}

/// Categories and criteria: wording and weights; add and remove.
#[component]
fn Categories() -> impl IntoView {
    let store = use_store();
    let categories = categories_of(store);
    let error = RwSignal::new(None::<String>);
    let add_category = move |_| {
        let category = store.with_untracked(|w| w.scorecard.new_category(clock::entropy()));
        error.set(
            store
                .commit(Edit::Scorecard(ScorecardEdit::AddCategory(category)))
                .err(),
        );
    };
    view! {
        <section aria-labelledby="cats-title">
            <h2 id="cats-title">"Categories and criteria"</h2>
            // Keyed by place too: the labels number the categories.
            <For each={move || categories.get().into_iter().map(|(id, _)| id).enumerate().collect::<Vec<_>>()} key=|c| c.clone() let:c>
                <CategoryEditor store index=c.0 id=c.1/>
            </For>
            <button type="button" on:click=add_category>"Add a category"</button>
            <span class="error" aria-live="polite">{move || error.get()}</span>
        </section>
    }
}

/// One category: its name, weight and criteria.
#[component]
fn CategoryEditor(store: Store, index: usize, id: Id) -> impl IntoView {
    let key = StoredValue::new(id);
    let read = move |f: fn(&Category) -> String| {
        key.with_value(|id| store.with(|w| w.scorecard.category(id).map(f).unwrap_or_default()))
    };
    let criteria = Memo::new(move |_| {
        key.with_value(|id| {
            store.with(|w| {
                w.scorecard
                    .category(id)
                    .map(|c| c.criteria.iter().map(|k| k.id.clone()).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        })
    });
    let error = RwSignal::new(None::<String>);
    let send = move |e: ScorecardEdit| error.set(store.commit(Edit::Scorecard(e)).err());
    let name = Binding::of(
        store,
        move |w| {
            key.with_value(|id| {
                w.scorecard
                    .category(id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default()
            })
        },
        move |v| Edit::Scorecard(ScorecardEdit::CategoryName(key.get_value(), v)),
    );
    let weight = Binding::of(
        store,
        move |w| key.with_value(|id| w.scorecard.category(id).map_or(0.0, |c| c.weight)),
        move |v| Edit::Scorecard(ScorecardEdit::CategoryWeight(key.get_value(), v)),
    );
    let add = move |_| {
        let criterion = store.with_untracked(|w| w.scorecard.new_criterion(clock::entropy()));
        send(ScorecardEdit::AddCriterion {
            category: key.get_value(),
            criterion,
        });
    };
    view! {
        <fieldset class="category-editor">
            <legend>{move || read(|c| c.name.clone())}</legend>
            <div class="grid2">
                <TextField label=ScorecardField::CategoryName(index).label() binding=name/>
                {number_input(ScorecardField::CategoryWeight(index).label(), weight)}
            </div>
            <For each={move || criteria.get().into_iter().enumerate().collect::<Vec<_>>()} key=|c| c.clone() let:c>
                <CriterionEditor store place=(index, c.0) id=c.1/>
            </For>
            <button type="button" on:click=add>"Add a criterion"</button>
            <button type="button" class="danger" on:click=move |_| send(ScorecardEdit::RemoveCategory(key.get_value()))
                aria-label=move || format!("Remove the category {}", read(|c| c.name.clone()))>"Remove the category"</button>
            <span class="error" aria-live="polite">{move || error.get()}</span>
        </fieldset>
    }
}

/// One criterion: wording and weight.
#[component]
fn CriterionEditor(store: Store, place: (usize, usize), id: Id) -> impl IntoView {
    let (i, j) = place;
    let key = StoredValue::new(id);
    let criterion = move |w: &partnerfit_core::Workspace| {
        key.with_value(|id| w.scorecard.criterion(id).map(|(_, c)| c.clone()))
    };
    let text = Binding::of(
        store,
        move |w| criterion(w).map(|c| c.text).unwrap_or_default(),
        move |v| Edit::Scorecard(ScorecardEdit::CriterionText(key.get_value(), v)),
    );
    let weight = Binding::of(
        store,
        move |w| criterion(w).map_or(0.0, |c| c.weight),
        move |v| Edit::Scorecard(ScorecardEdit::CriterionWeight(key.get_value(), v)),
    );
    let error = RwSignal::new(None::<String>);
    let remove = move |_| {
        error.set(
            store
                .commit(Edit::Scorecard(ScorecardEdit::RemoveCriterion(
                    key.get_value(),
                )))
                .err(),
        )
    };
    view! {
        <div class="row-editor">
            <TextField label=ScorecardField::CriterionText(i, j).label() binding=text kind=TextKind::Long/>
            {number_input(ScorecardField::CriterionWeight(i, j).label(), weight)}
            <button type="button" class="danger" on:click=remove
                aria-label=move || format!("Remove criterion {}", text.value.get())>"Remove"</button>
            <span class="error" aria-live="polite">{move || error.get()}</span>
        </div>
    }
}
