//! Labelled form controls bound to the workspace. Every control shows its
//! field's value (a [`Binding`]) and sends what the user enters; a value the
//! core refuses stays in the control with the reason beside it, and nothing
//! changes. One way to write a form: a text field, lines, a parsed input
//! (money, counts, percentages…), a choice, a check box.

use std::sync::atomic::{AtomicU64, Ordering};

use leptos::prelude::*;
use partnerfit_core::edit::TextKind;
use partnerfit_core::input;
use partnerfit_core::rate::Rate;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::{Date, Money};

use crate::lens::Binding;
use crate::state::use_store;

/// A unique element id, to tie a `<label for>` to its control (a label that
/// wraps a select would otherwise read out every option as its name).
pub fn next_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("f{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A labelled input whose text is read by `parse`. While the user types,
/// the text stays as typed; each valid value is applied at once. A value
/// that does not parse, or that the core refuses, stays with its reason and
/// is tried again when the workspace changes (another field may have made
/// it valid). Undo, redo, replacing the workspace and moving or removing
/// rows ([`Store::jumps`](crate::state::Store)) show the model again.
///
/// A control bound to the workspace is marked `data-bound`: Ctrl+Z in it is
/// the app's undo, not the browser's (see `components::history`).
#[component]
pub fn ParsedInput<T>(
    /// The visible label (also the accessible name).
    #[prop(into)]
    label: Signal<String>,
    /// The field.
    binding: Binding<T>,
    /// The value as text.
    #[prop(into)]
    show: Callback<T, String>,
    /// The text as a value, or why not.
    #[prop(into)]
    parse: Callback<String, Result<T, String>>,
    /// A short hint under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The keyboard to offer on touch screens.
    #[prop(default = "text")]
    inputmode: &'static str,
    /// Input type: text, url, email…
    #[prop(default = "text")]
    kind: &'static str,
    /// Several lines (a text area of this many rows); 0 for one line.
    #[prop(default = 0)]
    rows: u32,
    /// Longest text accepted.
    #[prop(optional)]
    maxlength: Option<usize>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    // The typed side is only these three; the control itself is not
    // generic (one copy in the wasm for every type of value).
    let model = Signal::derive(move || show.run(binding.value.get()));
    let parses = Callback::new(move |text: String| parse.run(text).is_ok());
    let attempt = Callback::new(move |text: String| match parse.run(text)? {
        v if v == binding.value.get_untracked() => Ok(()),
        v => binding.commit.run(v),
    });
    view! {
        <TextInput label model parses attempt bound=binding.in_workspace hint
            inputmode kind rows maxlength/>
    }
}

/// The control of [`ParsedInput`], on text: `model` is the value as text,
/// `attempt` parses and sends a text (`Err`: why not), `parses` tells
/// whether a text would parse at all.
#[component]
fn TextInput(
    label: Signal<String>,
    model: Signal<String>,
    parses: Callback<String, bool>,
    attempt: Callback<String, Result<(), String>>,
    bound: bool,
    hint: Option<String>,
    inputmode: &'static str,
    kind: &'static str,
    rows: u32,
    maxlength: Option<usize>,
) -> impl IntoView {
    let store = use_store();
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let try_text = move |text: String| error.set(attempt.run(text).err());
    // Undo, redo or a new workspace: show the model again.
    Effect::new(move |seen: Option<u64>| {
        let now = store.jumps.get();
        if seen.is_some_and(|s| s != now) {
            draft.set(None);
            error.set(None);
        }
        now
    });
    // Another change of the workspace may make a refused value acceptable
    // (a weight once the others sum to more than zero): try it again, after
    // this change is done, unless the user typed on or the workspace jumped.
    Effect::new(move |_| {
        store.track();
        if let (Some(text), true) = (draft.get_untracked(), error.get_untracked().is_some()) {
            if parses.run(text.clone()) {
                let jumps = store.jumps.get_untracked();
                queue_microtask(move || {
                    let same = draft.try_get_untracked().flatten().as_ref() == Some(&text);
                    if same && store.jumps.try_get_untracked() == Some(jumps) {
                        try_text(text);
                    }
                });
            }
        }
    });
    let shown = move || draft.get().unwrap_or_else(|| model.get());
    let on_input = move |text: String| {
        draft.set(Some(text.clone()));
        try_text(text);
    };
    // Leaving the field shows the stored value again, in its own format,
    // unless what was typed is not stored (then it stays, with the reason).
    let on_blur = move || {
        if error.get_untracked().is_none() {
            draft.set(None);
        }
    };
    let id = next_id();
    let err_id = format!("{id}-error");
    let described = err_id.clone();
    let invalid = move || error.get().is_some().to_string();
    let bound = bound.then_some("true");
    let control = if rows > 0 {
        view! {
            <textarea id=id.clone() rows=rows maxlength=maxlength prop:value=shown data-bound=bound
                aria-invalid=invalid aria-describedby=described.clone()
                on:blur=move |_| on_blur()
                on:input:target=move |ev| on_input(ev.target().value())></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type=kind inputmode=inputmode maxlength=maxlength prop:value=shown data-bound=bound
                aria-invalid=invalid aria-describedby=described.clone()
                on:blur=move |_| on_blur()
                on:input:target=move |ev| on_input(ev.target().value())/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label class="label" for=id>{label}</label>
            {hint.map(|h| view! { <span class="hint">{h}</span> })}
            {control}
            <span class="error" id=err_id aria-live="polite">{move || error.get()}</span>
        </div>
    }
}

/// A labelled text, one line for short texts and several for long ones.
#[component]
pub fn TextField(
    /// The visible label.
    #[prop(into)]
    label: String,
    binding: Binding<String>,
    /// How long the text may be (short: one line).
    #[prop(default = TextKind::Short)]
    kind: TextKind,
    /// Input type of a one-line field: text, url, email…
    #[prop(default = "text")]
    input: &'static str,
    /// A short hint under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// One line even for a long text (rows of a list).
    #[prop(optional)]
    one_line: bool,
) -> impl IntoView {
    let rows = match kind {
        TextKind::Long if !one_line => 3,
        _ => 0,
    };
    view! {
        <ParsedInput label binding hint=hint.unwrap_or_default() kind=input rows maxlength=kind.max()
            show={|s: String| s}
            parse={|s: String| Ok::<_, String>(s)}/>
    }
}

/// Text lines as a list: one item per line; blank lines are dropped.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A labelled text area editing a list of texts, one per line.
#[component]
pub fn LinesField(
    /// The visible label.
    #[prop(into)]
    label: String,
    binding: Binding<Vec<String>>,
    /// A short hint under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// How long one line may be.
    #[prop(default = TextKind::Short)]
    kind: TextKind,
) -> impl IntoView {
    let max = kind.max();
    let parse = move |text: String| {
        let items = lines(&text);
        match items.iter().position(|l| l.chars().count() > max) {
            Some(i) => Err(format!(
                "Line {} is longer than {max} characters; shorten it to keep it.",
                i + 1
            )),
            None => Ok(items),
        }
    };
    let rows = binding
        .value
        .with_untracked(|v| (v.len() as u32 + 1).clamp(2, 8));
    view! {
        <ParsedInput label binding rows hint=hint.unwrap_or_else(|| "One per line.".into())
            show={|v: Vec<String>| v.join("\n")} parse/>
    }
}

/// The workspace currency, and `label` naming it ("Price (EUR)"): both
/// follow a change of currency.
fn in_currency(label: String) -> (Memo<partnerfit_core::Currency>, Signal<String>) {
    let store = use_store();
    let currency = Memo::new(move |_| store.with(|w| w.profile.currency));
    let label = Signal::derive(move || format!("{label} ({})", currency.get().code()));
    (currency, label)
}

/// An amount in the workspace currency, or nothing (empty).
#[component]
pub fn AmountField(
    /// The visible label (the currency is added).
    #[prop(into)]
    label: String,
    binding: Binding<Option<Money>>,
) -> impl IntoView {
    let (currency, label) = in_currency(label);
    view! {
        <ParsedInput label binding inputmode="decimal"
            show={move |m: Option<Money>| m.map(|m| m.input_text(currency.get())).unwrap_or_default()}
            parse={move |s: String| input::amount(&s, currency.get_untracked(), true).map_err(|e| e.to_string())}/>
    }
}

/// An amount in the workspace currency that must be given.
#[component]
pub fn MoneyField(
    /// The visible label (the currency is added).
    #[prop(into)]
    label: String,
    binding: Binding<Money>,
) -> impl IntoView {
    let (currency, label) = in_currency(label);
    view! {
        <ParsedInput label binding inputmode="decimal"
            show={move |m: Money| m.input_text(currency.get())}
            parse={move |s: String| input::amount(&s, currency.get_untracked(), false) .map(Option::unwrap_or_default).map_err(|e| e.to_string())}/>
    }
}

/// A percentage from 0 to 100, kept in basis points.
#[component]
pub fn RateField(
    /// The visible label ("(%)" is added).
    #[prop(into)]
    label: String,
    binding: Binding<Rate>,
) -> impl IntoView {
    view! {
        <ParsedInput label=format!("{label} (%)") binding inputmode="decimal"
            show={|r: Rate| r.input_text()}
            parse={|s: String| input::percent(&s).map_err(|e| e.to_string())}/>
    }
}

/// A whole number within a range.
#[component]
pub fn CountField(
    /// The visible label.
    #[prop(into)]
    label: String,
    binding: Binding<u32>,
    min: u32,
    max: u32,
) -> impl IntoView {
    view! {
        <ParsedInput label binding inputmode="numeric"
            show={|n: u32| n.to_string()}
            parse={move |s: String| input::whole(&s, min, max).map_err(|e| e.to_string())}/>
    }
}

/// A labelled choice among a vocabulary's values. A choice the core
/// refuses goes back to the stored value, with the reason beside it.
#[component]
pub fn Choice<T: Vocabulary + Send + Sync>(
    /// The visible label.
    #[prop(into)]
    label: String,
    binding: Binding<T>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let options = T::ALL
        .iter()
        .map(|v| view! { <option value=v.key()>{v.label()}</option> })
        .collect_view();
    let id = next_id();
    let err_id = format!("{id}-error");
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            <select id=id prop:value=move || binding.value.get().key()
                aria-invalid=move || error.get().is_some().to_string() aria-describedby=err_id.clone()
                on:change:target=move |ev| {
                    if let Some(v) = T::from_key(&ev.target().value()) {
                        error.set(binding.commit.run(v).err());
                        ev.target().set_value(binding.value.get_untracked().key());
                    }
                }>{options}</select>
            <span class="error" id=err_id aria-live="polite">{move || error.get()}</span>
        </div>
    }
}

/// A filter on a vocabulary's values: "All" (`None`) or one value. A view
/// setting, not part of the workspace.
#[component]
pub fn Filter<T: Vocabulary + Send + Sync>(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The value chosen (`None`: all).
    value: RwSignal<Option<T>>,
    /// The words of the "All" choice.
    #[prop(default = "All")]
    all: &'static str,
) -> impl IntoView {
    let id = next_id();
    view! {
        <div class="field inline">
            <label class="label" for=id.clone()>{label}</label>
            <select id=id on:change:target=move |ev| value.set(T::from_key(&ev.target().value()))>
                <option value="">{all}</option>
                {T::ALL.iter().map(|v| view! { <option value=v.key()>{v.label()}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// A labelled check box. A change the core refuses is undone on screen,
/// with the reason beside it.
#[component]
pub fn Check(
    /// The visible label.
    #[prop(into)]
    label: String,
    binding: Binding<bool>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let id = next_id();
    let err_id = format!("{id}-error");
    view! {
        <div class="field">
            <label class="check" for=id.clone()>
                <input id=id.clone() type="checkbox" prop:checked=move || binding.value.get()
                    aria-invalid=move || error.get().is_some().to_string() aria-describedby=err_id.clone()
                    on:change:target=move |ev| {
                        error.set(binding.commit.run(ev.target().checked()).err());
                        ev.target().set_checked(binding.value.get_untracked());
                    }/>
                " "{label}
            </label>
            <span class="error" id=err_id aria-live="polite">{move || error.get()}</span>
        </div>
    }
}

/// A day (YYYY-MM-DD), with the browser's date picker.
#[component]
pub fn DateField(
    /// The visible label.
    #[prop(into)]
    label: String,
    binding: Binding<Date>,
) -> impl IntoView {
    view! {
        <ParsedInput label binding kind="date"
            show={|d: Date| d.to_string()}
            parse={|s: String| Date::parse(s.trim()).map_err(|e| e.to_string())}/>
    }
}

/// A day that may be left empty.
#[component]
pub fn OptionalDateField(
    /// The visible label.
    #[prop(into)]
    label: String,
    binding: Binding<Option<Date>>,
) -> impl IntoView {
    view! {
        <ParsedInput label binding kind="date"
            show={|d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default()}
            parse={|s: String| match s.trim() {
                "" => Ok(None),
                t => Date::parse(t).map(Some).map_err(|e| e.to_string()),
            }}/>
    }
}
