//! One editor for every list of rows (a buying committee, disqualifiers,
//! worked examples, journey stages, mapped accounts, tier tables): the rows
//! with their fields, "Add", and per row "Remove" (undoable, so no "are you
//! sure") and, where order matters, "Move up" / "Move down". After a move
//! the focus follows the row; after a removal it goes to the row now in its
//! place, or the one before when the last row went, or "Add" when none is
//! left, so a keyboard user keeps their place.

use leptos::prelude::*;
use partnerfit_core::edit::RowEdit;

use crate::components::fields::next_id;
use crate::lens::Binding;
use crate::state::use_store;

/// One row of a list, for its fields: its number, and bindings to its parts.
pub struct RowLens<R: Send + Sync + 'static> {
    /// 0-based position.
    pub index: usize,
    rows: Signal<Vec<R>>,
    edit: Callback<RowEdit<R>, Result<(), String>>,
    /// The row when it was first shown (what a field shows while its row
    /// is being removed).
    first: StoredValue<R>,
}

impl<R: Send + Sync + 'static> Clone for RowLens<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R: Send + Sync + 'static> Copy for RowLens<R> {}

impl<R: Clone + PartialEq + Send + Sync + 'static> RowLens<R> {
    /// 1-based, as the labels count.
    pub fn number(&self) -> usize {
        self.index + 1
    }

    /// One part of the row: `get` reads it from the row, `set` writes it
    /// into a copy that replaces the row.
    pub fn field<T>(
        self,
        get: impl Fn(&R) -> T + Send + Sync + 'static,
        set: impl Fn(&mut R, T) + Send + Sync + 'static,
    ) -> Binding<T>
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        let i = self.index;
        let value = Memo::new(move |_| {
            self.rows
                .with(|r| r.get(i).map(&get))
                .unwrap_or_else(|| self.first.with_value(&get))
        });
        Binding {
            in_workspace: true,
            value: value.into(),
            commit: Callback::new(move |v: T| {
                let Some(mut row) = self.rows.with_untracked(|r| r.get(i).cloned()) else {
                    return Err("This row is no longer there.".into());
                };
                set(&mut row, v);
                self.edit.run(RowEdit::Set(i, row))
            }),
        }
    }
}

/// The rows of a list with their fields, and the buttons to change it.
#[component]
pub fn ListEditor<R, F, V>(
    /// The legend of the fieldset.
    #[prop(into)]
    legend: String,
    /// The rows as they are in the workspace.
    #[prop(into)]
    rows: Signal<Vec<R>>,
    /// Carries out a change of the list; `Err` is the refusal in words.
    edit: Callback<RowEdit<R>, Result<(), String>>,
    /// The fields of one row.
    row: F,
    /// The row "Add" appends.
    new_row: Callback<(), R>,
    /// The add button's text.
    #[prop(into)]
    add_label: String,
    /// What one row is called in button names ("committee member").
    noun: &'static str,
    /// Whether rows can be moved up and down (their order matters).
    #[prop(optional)]
    movable: bool,
    /// A hint under the legend.
    #[prop(optional, into)]
    hint: Option<String>,
    /// `data-testid` of the fieldset.
    #[prop(optional)]
    testid: &'static str,
    /// `data-testid` of each row.
    #[prop(optional)]
    row_testid: &'static str,
) -> impl IntoView
where
    R: Clone + PartialEq + Send + Sync + 'static,
    F: Fn(RowLens<R>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // The typed side is the row's fields and the edits; the list itself is
    // not generic (one copy in the wasm for every list).
    let count = Memo::new(move |_| rows.with(Vec::len));
    let change = Callback::new(move |c: Change| {
        edit.run(match c {
            Change::Add => RowEdit::Add(new_row.run(())),
            Change::Remove(i) => RowEdit::Remove(i),
            Change::Move { from, to } => RowEdit::Move { from, to },
        })
    });
    let fields = move |index: usize| {
        let first = rows.with_untracked(|r| r.get(index).cloned())?;
        let lens = RowLens {
            index,
            rows,
            edit,
            first: StoredValue::new(first),
        };
        Some(row(lens).into_any())
    };
    let labels = Labels {
        legend,
        add_label,
        noun,
        hint,
        testid,
        row_testid,
    };
    view! { <Rows labels count change fields=std::sync::Arc::new(fields) movable/> }
}

/// What a list change asks, without its row (the typed side adds it).
#[derive(Clone, Copy, Debug)]
enum Change {
    Add,
    Remove(usize),
    Move { from: usize, to: usize },
}

/// The words and test ids of a list editor.
struct Labels {
    legend: String,
    add_label: String,
    noun: &'static str,
    hint: Option<String>,
    testid: &'static str,
    row_testid: &'static str,
}

/// The fields of the row at an index (`None` once it is gone).
type Fields = std::sync::Arc<dyn Fn(usize) -> Option<AnyView> + Send + Sync>;

/// The list: rows with their buttons, "Add", and the refusal if any.
#[component]
fn Rows(
    labels: Labels,
    count: Memo<usize>,
    change: Callback<Change, Result<(), String>>,
    fields: Fields,
    movable: bool,
) -> impl IntoView {
    let Labels {
        noun,
        testid,
        row_testid,
        ..
    } = labels;
    let store = use_store();
    let error = RwSignal::new(None::<String>);
    let base = StoredValue::new(next_id());
    let button_id = move |i: usize, what: &str| base.with_value(|b| format!("{b}-{i}-{what}"));
    // (Kept out of `view!`, whose tags a `>=` would end.)
    let is_last = move |i: usize| i + 1 >= count.get();
    // Rows move or go: what was typed in them would land on another row, so
    // fields show the list again; then the focus goes where the user is.
    let reorder = move |c: Change, focus: Box<dyn Fn(usize) -> Vec<String>>| {
        let at = match c {
            Change::Move { to, .. } => to,
            Change::Remove(i) => i,
            Change::Add => 0,
        };
        match change.run(c) {
            Ok(()) => {
                error.set(None);
                store.reshow();
                let ids = focus(at);
                request_animation_frame(move || focus_first(&ids));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <fieldset class="list-editor" data-testid=(!testid.is_empty()).then_some(testid)>
            <legend>{labels.legend}</legend>
            {labels.hint.map(|h| view! { <p class="hint">{h}</p> })}
            <For each=move || 0..count.get() key=|i| *i let:index>
                {
                    fields(index).map(|row| {
                    let n = index + 1;
                    view! {
                        <div class="row-editor" data-testid=(!row_testid.is_empty()).then_some(row_testid)>
                            {row}
                            <div class="row-actions">
                                {movable.then(|| view! {
                                    <button type="button" class="link" id=button_id(index, "up") aria-label=format!("Move up {noun} {n}")
                                        disabled=move || index == 0
                                        on:click=move |_| reorder(Change::Move { from: index, to: index - 1 },
                                            Box::new(move |to| vec![button_id(to, "up"), button_id(to, "down")]))>"Move up"</button>
                                    <button type="button" class="link" id=button_id(index, "down") aria-label=format!("Move down {noun} {n}")
                                        disabled=move || is_last(index)
                                        on:click=move |_| reorder(Change::Move { from: index, to: index + 1 },
                                            Box::new(move |to| vec![button_id(to, "down"), button_id(to, "up")]))>"Move down"</button>
                                })}
                                <button type="button" class="danger" id=button_id(index, "remove") aria-label=format!("Remove {noun} {n}")
                                    on:click=move |_| reorder(Change::Remove(index),
                                        Box::new(move |at| [Some(at), at.checked_sub(1)].into_iter().flatten().map(|i| button_id(i, "remove")).chain([button_id(0, "add")]).collect()))>"Remove"</button>
                            </div>
                        </div>
                    }
                    })
                }
            </For>
            <button type="button" id=button_id(0, "add") on:click=move |_| error.set(change.run(Change::Add).err())>{labels.add_label}</button>
            <span class="error" aria-live="polite">{move || error.get()}</span>
        </fieldset>
    }
}

/// Focus the first of these elements that is there and enabled.
fn focus_first(ids: &[String]) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let usable = ids
        .iter()
        .filter_map(|id| doc.get_element_by_id(id))
        .filter_map(|el| el.dyn_into::<web_sys::HtmlButtonElement>().ok())
        .find(|b| !b.disabled());
    if let Some(button) = usable {
        let _ = button.focus();
    }
}
