//! The application shell: contexts, persistence, layout and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use partnerfit_core::demo::demo;

use crate::components::history::{install_shortcuts, UndoRedo};
use crate::components::nav::Nav;
use crate::components::status::{DemoBanner, StatusBar};
use crate::offline::UpdateNotice;
use crate::pages;
use crate::routes::base;
use crate::state::{Derived, Store, StoreCx};
use crate::storage::persist::{open, open_parts, Boot, Opening, Persistence};

/// Start persistence from what storage held (`boot`), and provide every
/// context the pages use. Returns the persistence service.
pub fn provide_state(boot: Boot) -> Persistence {
    let store = Store::new(boot.workspace.clone(), boot.origin);
    provide_context(StoreCx(store));
    let persistence = Persistence::start(store, &boot);
    provide_context(persistence);
    provide_context(Derived::new(store));
    // One snapshot a day of what is in this browser (see also each save).
    crate::storage::snapshots::daily(store);
    // The browser is asked to keep storage once the data is the user's own.
    crate::storage::quota::ask_when_own(store);
    persistence
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    // A partner opening an invitation gets respond mode: no workbench, and
    // no workspace of theirs is loaded or written.
    if crate::share_link::is_respond_page() {
        return view! { <pages::respond::RespondApp/> }.into_any();
    }
    match open(&demo) {
        Opening::Ready(boot) => view! { <Workbench boot=*boot/> }.into_any(),
        // A large workspace: its accounts and deals come from IndexedDB.
        Opening::Parts { head, keys } => {
            let opened = RwSignal::new(None::<Boot>);
            leptos::task::spawn_local(async move {
                opened.set(Some(open_parts(head, keys, &demo).await));
            });
            view! {
                {move || match opened.get() {
                    Some(boot) => view! { <Workbench boot/> }.into_any(),
                    None => view! {
                        <main id="main" class="opening" role="status">
                            <p>"Opening your workspace from this browser's storage…"</p>
                        </main>
                    }.into_any(),
                }}
            }
            .into_any()
        }
    }
}

/// The workbench on the workspace `boot` holds.
#[component]
fn Workbench(boot: Boot) -> impl IntoView {
    provide_state(boot);
    crate::offline::register(crate::offline::App::Workbench);
    install_shortcuts(crate::state::use_store());
    view! {
        <Router base=base()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="app-header">
                <Nav/>
                <UndoRedo/>
                <StatusBar/>
                <UpdateNotice/>
            </header>
            <DemoBanner/>
            <main id="main" tabindex="-1">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home/>
                    <Route path=path!("/index.html") view=pages::home::Home/>
                    <Route path=path!("/icp") view=pages::icp::IcpPage/>
                    <Route path=path!("/brief") view=pages::brief::BriefPage/>
                    <Route path=path!("/partners") view=pages::partners::PartnersPage/>
                    <Route path=path!("/partner") view=pages::partner::PartnerPage/>
                    <Route path=path!("/compare") view=pages::compare::ComparePage/>
                    <Route path=path!("/scorecard") view=pages::scorecard::ScorecardPage/>
                    <Route path=path!("/workspace") view=pages::workspace::WorkspacePage/>
                    <Route path=path!("/accounts") view=pages::accounts::AccountsPage/>
                    <Route path=path!("/overlap") view=pages::overlap::OverlapPage/>
                    <Route path=path!("/motion") view=pages::motion::MotionPage/>
                    <Route path=path!("/incentives") view=pages::incentives::IncentivesPage/>
                    <Route path=path!("/self-assessment") view=pages::self_assessment::SelfAssessmentPage/>
                    <Route path=path!("/response") view=pages::response_page::ResponsePage/>
                    <Route path=path!("/pilot") view=pages::pilot::PilotPage/>
                    <Route path=path!("/deals") view=pages::deals::DealsPage/>
                    <Route path=path!("/metrics") view=pages::metrics::MetricsPage/>
                    <Route path=path!("/program") view=pages::program::ProgramPage/>
                    <Route path=path!("/agendas") view=pages::agendas::AgendasPage/>
                    <Route path=path!("/tier-sheet") view=pages::tier_sheet::TierSheetPage/>
                    <Route path=path!("/private-answer") view=pages::private_answer::PrivateAnswerPage/>
                </Routes>
            </main>
        </Router>
    }
}
