//! Changing the workspace currency, saying plainly what happens to the
//! amounts: converted at a rate the user gives, or relabelled (the figures
//! stay). Either way it is one undoable step.

use leptos::prelude::*;
use partnerfit_core::edit::{Conversion, Edit, ProfileEdit};
use partnerfit_core::money::exchange::ExchangeRate;
use partnerfit_core::Currency;

use crate::components::fields::next_id;
use crate::state::use_store;

/// The currency of every amount, and how to change it.
#[component]
pub fn CurrencyForm() -> impl IntoView {
    let store = use_store();
    let current = Memo::new(move |_| store.with(|w| w.profile.currency));
    let code = RwSignal::new(String::new());
    let convert = RwSignal::new(false);
    let rate = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<String, String>>);
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let to = match Currency::parse(code.get_untracked().trim()) {
            Ok(c) => c,
            Err(e) => return result.set(Some(Err(e.to_string()))),
        };
        let conversion = if convert.get_untracked() {
            match ExchangeRate::parse(&rate.get_untracked()) {
                Ok(r) => Conversion::At(r),
                Err(e) => return result.set(Some(Err(format!("Rate: {e}")))),
            }
        } else {
            Conversion::Relabel
        };
        result.set(Some(
            store
                .apply(Edit::Profile(ProfileEdit::Currency(to, conversion)))
                .map(|a| partnerfit_core::words::capitalised(&a.summary) + ".")
                .map_err(|e| partnerfit_core::words::capitalised(&e.to_string())),
        ));
    };
    let (code_id, rate_id, how) = (next_id(), next_id(), next_id());
    view! {
        <form class="currency" on:submit=change aria-label="Currency" data-testid="currency">
            <p>"Every amount in this workspace is in "<strong>{move || current.get().code().to_owned()}</strong>"."</p>
            <div class="field inline">
                <label class="label" for=code_id.clone()>"New currency (ISO code)"</label>
                <input id=code_id type="text" maxlength="3" size="4" prop:value=move || code.get()
                    on:input:target=move |ev| code.set(ev.target().value().to_uppercase())/>
            </div>
            <fieldset>
                <legend>"What happens to the amounts"</legend>
                <label class="check"><input type="radio" name=how.clone() prop:checked=move || !convert.get()
                    on:change=move |_| convert.set(false)/>
                    " Keep the figures, change only the currency (24,000 EUR becomes 24,000 in the new currency)"</label>
                <label class="check"><input type="radio" name=how prop:checked=move || convert.get()
                    on:change=move |_| convert.set(true)/>" Convert every amount at a rate"</label>
                <Show when=move || convert.get()>
                    <div class="field inline">
                        <label class="label" for=rate_id.clone()>{move || format!("1 {} is worth (in the new currency)", current.get().code())}</label>
                        <input id=rate_id.clone() type="text" inputmode="decimal" prop:value=move || rate.get()
                            on:input:target=move |ev| rate.set(ev.target().value())/>
                    </div>
                </Show>
            </fieldset>
            <button type="submit">"Change the currency"</button>
            {move || result.get().map(|r| match r {
                Ok(m) => view! { <p class="ok" role="status">{m}" Undo takes it back."</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
            })}
        </form>
    }
}
