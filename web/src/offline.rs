//! Offline: the service worker (`dist/sw.js`, written from
//! `web/service-worker/sw.js` by `web/hooks/service-worker.mjs`) is
//! registered by every page of a release build: the workbench's worker for
//! the site's directory, the partner's page's own (`respond/sw.js`, caching
//! only that small app) for `respond/`.
//!
//! The update rule lives in the worker: a new deployment installs beside
//! the running one and waits. This module notices a waiting worker and
//! offers "A new version is ready — reload" ([`UpdateNotice`]); only that
//! button activates it, and the page reloads once the new worker controls
//! it. A page is never reloaded on its own, so no edit is interrupted.
//! Debug builds (`trunk serve`, the browser tests) register nothing.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState,
};

use crate::routes::site_dir;

/// Whether a new version of the site is installed and waiting.
#[derive(Clone, Copy)]
pub struct UpdateCx(pub RwSignal<bool>);

/// Which app's worker to register.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum App {
    Workbench,
    Respond,
}

/// Register `app`'s service worker (release builds) and provide [`UpdateCx`].
pub fn register(app: App) {
    let ready = RwSignal::new(false);
    provide_context(UpdateCx(ready));
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else {
        return;
    };
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let dir = match app {
        App::Workbench => site_dir(&path),
        App::Respond => format!("{}/respond", site_dir(&path)),
    };
    spawn_local(async move {
        let options = RegistrationOptions::new();
        options.set_scope(&format!("{dir}/"));
        let registered =
            JsFuture::from(container.register_with_options(&format!("{dir}/sw.js"), &options))
                .await;
        let registration = match registered.map(JsCast::dyn_into::<ServiceWorkerRegistration>) {
            Ok(Ok(r)) => r,
            // No worker (a host without sw.js, a private window that allows
            // none): the site works online as before.
            Ok(Err(_)) | Err(_) => return,
        };
        watch_updates(&container, &registration, ready);
    });
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in insecure contexts (plain http on another host).
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|has| *has)
        .map(|_| navigator.service_worker())
}

/// Set `ready` when a new worker is waiting while an older one controls
/// this page (on the first visit nothing controls it: no notice).
fn watch_updates(
    container: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
    ready: RwSignal<bool>,
) {
    let controlled = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    if registration.waiting().is_some() && controlled() {
        ready.set(true);
    }
    let on_found = {
        let registration = registration.clone();
        Closure::<dyn Fn()>::new(move || {
            if let Some(worker) = registration.installing() {
                let installed = worker.clone();
                let controlled = controlled.clone();
                let on_state = Closure::<dyn Fn()>::new(move || {
                    if installed.state() == ServiceWorkerState::Installed && controlled() {
                        ready.set(true);
                    }
                });
                worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            }
        })
    };
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    // Lives as long as the page, like the registration.
    on_found.forget();
}

/// Activate the waiting worker and reload once it controls the page.
fn activate_and_reload() {
    let Some(container) = container() else {
        return;
    };
    // The first visit's worker also takes control (clients.claim): reload
    // only after this click asked for it.
    let asked = Rc::new(Cell::new(true));
    let on_change = Closure::<dyn Fn()>::new(move || {
        if asked.replace(false) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    spawn_local(async move {
        let Ok(found) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let waiting = found
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => skip_waiting(&worker),
            // Already activated (by another tab's click): just reload.
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}

fn skip_waiting(worker: &ServiceWorker) {
    let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
}

/// "A new version is ready — reload", shown while a new deployment waits.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ready = use_context::<UpdateCx>().map(|UpdateCx(r)| r);
    let shown = move || ready.is_some_and(|r| r.get());
    view! {
        <Show when=shown>
            <p class="update-notice" role="status" data-testid="update-notice">
                "A new version of Partnerfit is ready. "
                <button type="button" on:click=move |_| activate_and_reload()>"Reload to update"</button>
            </p>
        </Show>
    }
}
