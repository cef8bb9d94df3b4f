//! Labelled form controls. Each shows an initial value and reports edits;
//! pages re-mount them when the workspace is replaced as a whole.

use std::sync::atomic::{AtomicU64, Ordering};

use leptos::prelude::*;
use partnerfit_core::format::limits::{LONG_TEXT, SHORT_TEXT};

/// A unique element id, to tie a `<label for>` to its control (a label that
/// wraps a select would otherwise read out every option as its name).
pub fn next_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("f{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
use partnerfit_core::vocab::Vocabulary;

/// A labelled single-line text input.
#[component]
pub fn TextInput(
    /// The visible label (also the accessible name).
    #[prop(into)]
    label: String,
    /// The value shown when the control appears.
    #[prop(into)]
    initial: String,
    /// Called with the new text on every edit.
    #[prop(into)]
    on_input: Callback<String>,
    /// Input type: text, url, email…
    #[prop(default = "text")]
    kind: &'static str,
    /// A short hint under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// An error to show next to the control.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
    /// Longest text accepted (the file format's limit for this field).
    #[prop(default = SHORT_TEXT)]
    maxlength: usize,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let id = next_id();
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <span class="hint">{h}</span> })}
            <input
                id=id
                type=kind
                maxlength=maxlength
                prop:value=initial
                aria-invalid=move || error.get().is_some().to_string()
                on:input:target=move |ev| on_input.run(ev.target().value())
            />
            {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
        </div>
    }
}

/// A labelled multi-line text area.
#[component]
pub fn TextArea(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The value shown when the control appears.
    #[prop(into)]
    initial: String,
    /// Called with the new text on every edit.
    #[prop(into)]
    on_input: Callback<String>,
    #[prop(default = 3)] rows: u32,
    /// A short hint under the label.
    #[prop(optional, into)]
    hint: Option<String>,
) -> impl IntoView {
    let id = next_id();
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <span class="hint">{h}</span> })}
            <textarea id=id rows=rows maxlength=LONG_TEXT prop:value=initial on:input:target=move |ev| on_input.run(ev.target().value())></textarea>
        </div>
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

/// A labelled text area editing a list of short texts, one per line.
#[component]
pub fn LinesInput(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The items shown when the control appears.
    initial: Vec<String>,
    /// Called with the items on every edit.
    #[prop(into)]
    on_change: Callback<Vec<String>>,
    /// A short hint under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Longest line accepted.
    #[prop(default = SHORT_TEXT)]
    max_line: usize,
) -> impl IntoView {
    let rows = (initial.len() as u32 + 1).clamp(2, 8);
    let error = RwSignal::new(None::<String>);
    let on_input = move |text: String| {
        let items = lines(&text);
        match items.iter().position(|l| l.chars().count() > max_line) {
            Some(i) => error.set(Some(format!(
                "Line {} is longer than {max_line} characters; shorten it to save.",
                i + 1
            ))),
            None => {
                error.set(None);
                on_change.run(items);
            }
        }
    };
    let id = next_id();
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            <span class="hint">{hint.unwrap_or_else(|| "One per line.".into())}</span>
            <textarea id=id rows=rows aria-invalid=move || error.get().is_some().to_string()
                prop:value=initial.join("\n") on:input:target=move |ev| on_input(ev.target().value())></textarea>
            {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
        </div>
    }
}

/// A labelled choice among a vocabulary's values.
#[component]
pub fn Choice<T: Vocabulary + Send + Sync>(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The value selected when the control appears.
    initial: T,
    /// Called with the chosen value.
    #[prop(into)]
    on_change: Callback<T>,
) -> impl IntoView {
    let options = T::ALL
        .iter()
        .map(|v| view! { <option value=v.key() selected=*v == initial>{v.label()}</option> })
        .collect_view();
    let id = next_id();
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            <select id=id on:change:target=move |ev| {
                if let Some(v) = T::from_key(&ev.target().value()) {
                    on_change.run(v);
                }
            }>{options}</select>
        </div>
    }
}

/// A labelled text input whose text is parsed; the parse error is shown and
/// nothing is reported until the text is valid.
#[component]
pub fn ParsedInput<T>(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The text shown when the control appears.
    #[prop(into)]
    initial: String,
    /// Turns the text into a value or an error message.
    parse: fn(&str) -> Result<T, String>,
    /// Called with each valid value.
    #[prop(into)]
    on_valid: Callback<T>,
    /// A short hint under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    #[prop(default = "text")] inputmode: &'static str,
) -> impl IntoView
where
    T: Send + Sync + 'static,
{
    let error = RwSignal::new(parse(&initial).err());
    let id = next_id();
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <span class="hint">{h}</span> })}
            <input
                id=id
                type="text"
                inputmode=inputmode
                prop:value=initial
                aria-invalid=move || error.get().is_some().to_string()
                on:input:target=move |ev| match parse(&ev.target().value()) {
                    Ok(v) => {
                        error.set(None);
                        on_valid.run(v);
                    }
                    Err(e) => error.set(Some(e)),
                }
            />
            {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
        </div>
    }
}

/// A money amount in the workspace currency. Empty means "no value" when
/// `optional`, and is an error otherwise; negative amounts are refused.
#[component]
pub fn MoneyInput(
    /// The visible label (the currency is added).
    #[prop(into)]
    label: String,
    /// The text shown when the control appears.
    #[prop(into)]
    initial: String,
    /// Called with each valid amount (`None` for an empty optional field).
    #[prop(into)]
    on_valid: Callback<Option<partnerfit_core::Money>>,
    #[prop(default = true)] optional: bool,
) -> impl IntoView {
    use partnerfit_core::format::limits::MAX_MINOR;
    use partnerfit_core::Money;
    let ws = crate::state::use_workspace();
    let currency = ws.with_untracked(|w| w.profile.currency);
    let error = RwSignal::new(None::<String>);
    let id = next_id();
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}" ("{currency.code().to_owned()}")"</label>
            <input id=id type="text" inputmode="decimal" prop:value=initial
                aria-invalid=move || error.get().is_some().to_string()
                on:input:target=move |ev| {
                    let t = ev.target().value();
                    if t.trim().is_empty() {
                        if optional {
                            error.set(None);
                            on_valid.run(None);
                        } else {
                            error.set(Some("Enter an amount.".into()));
                        }
                    } else {
                        match Money::parse(&t, currency) {
                            Ok(m) if m.minor() < 0 => error.set(Some("An amount here cannot be negative.".into())),
                            Ok(m) if m.minor() > MAX_MINOR => error.set(Some("That amount is too large.".into())),
                            Ok(m) => { error.set(None); on_valid.run(Some(m)); }
                            Err(e) => error.set(Some(e.to_string())),
                        }
                    }
                }/>
            {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
        </div>
    }
}

/// A percentage from 0 to 100, kept in basis points.
#[component]
pub fn RateInput(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The rate shown when the control appears.
    initial: partnerfit_core::rate::Rate,
    /// Called with each valid rate.
    #[prop(into)]
    on_valid: Callback<partnerfit_core::rate::Rate>,
) -> impl IntoView {
    fn parse(s: &str) -> Result<partnerfit_core::rate::Rate, String> {
        partnerfit_core::rate::Rate::parse_percent(s).map_err(|e| e.to_string())
    }
    view! {
        <ParsedInput label=format!("{label} (%)") initial=initial.input_text() parse=parse inputmode="decimal" on_valid/>
    }
}

/// A whole number within a range.
#[component]
pub fn CountInput(
    /// The visible label.
    #[prop(into)]
    label: String,
    initial: u32,
    min: u32,
    max: u32,
    /// Called with each valid number.
    #[prop(into)]
    on_valid: Callback<u32>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let id = next_id();
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            <input id=id type="text" inputmode="numeric" prop:value=initial.to_string()
                aria-invalid=move || error.get().is_some().to_string()
                on:input:target=move |ev| {
                    let t = ev.target().value();
                    match t.trim().parse::<u32>() {
                        Ok(n) if (min..=max).contains(&n) => { error.set(None); on_valid.run(n); }
                        Ok(n) => error.set(Some(format!("{n} is outside {min}–{max}."))),
                        Err(_) => error.set(Some(format!("\"{t}\" is not a whole number."))),
                    }
                }/>
            {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
        </div>
    }
}
