//! The Public Suffix List, loaded as a separate file the first time account
//! mapping needs it (the first page does not pay for it).

use std::sync::Arc;

use leptos::prelude::*;
use partnerfit_core::overlap::normalize::Psl;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the list stands.
#[derive(Clone)]
pub enum PslState {
    NotLoaded,
    Loading,
    Ready(Arc<Psl>),
    Failed(String),
}

/// The list, shared by every page.
#[derive(Clone, Copy)]
pub struct PslCx(pub RwSignal<PslState>);

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("could not load {url}: {e:?}"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response".to_string())?;
    if !resp.ok() {
        return Err(format!("could not load {url}: HTTP {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("could not read {url}: {e:?}"))?;
    text.as_string().ok_or_else(|| format!("{url} is not text"))
}

/// The list's state, starting the download on first use.
pub fn use_psl() -> RwSignal<PslState> {
    let cx = match use_context::<PslCx>() {
        Some(cx) => cx,
        None => {
            let cx = PslCx(RwSignal::new(PslState::NotLoaded));
            provide_context(cx);
            cx
        }
    };
    let state = cx.0;
    if matches!(state.get_untracked(), PslState::NotLoaded) {
        state.set(PslState::Loading);
        leptos::task::spawn_local(async move {
            let url = format!("{}/public_suffix_list.dat", crate::routes::base());
            let next = match fetch_text(&url).await {
                Ok(text) => match Psl::parse(&text) {
                    Ok(psl) => PslState::Ready(Arc::new(psl)),
                    Err(e) => PslState::Failed(e),
                },
                Err(e) => PslState::Failed(e),
            };
            state.set(next);
        });
    }
    state
}
