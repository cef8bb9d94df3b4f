//! Browser tests of the rating suggested from a partner's customer data,
//! beside "Access to your target buyer roles" on the demo's Northwind
//! (14 customers, 8 inside the ICP: 57.14% → 3), mounted into a fresh
//! element in headless Chromium with localStorage cleared first (so the
//! app starts on the demo).
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use partnerfit::app::provide_state;
use partnerfit::components::icp_evidence::{fit_memo, IcpEvidence, Suggested};
use partnerfit::components::rating::RatingSelect;
use partnerfit::lens::PartnerLens;
use partnerfit::state::{use_store, Store};
use partnerfit::storage::persist::open;
use partnerfit_core::demo::demo;
use partnerfit_core::edit::{Edit, PartnerEdit};
use partnerfit_core::overlap::icp_fit::Measure;
use partnerfit_core::partner::Score;
use partnerfit_core::Id;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn settle(ms: u32) {
    leptos::task::tick().await;
    TimeoutFuture::new(ms).await;
    leptos::task::tick().await;
}

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

/// Northwind's evidence and the suggestion beside its buyer-access rating.
fn mount() -> (
    HtmlElement,
    leptos::mount::UnmountHandle<impl Mountable>,
    Store,
) {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    let out = RwSignal::new(None);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_state(open(&demo).ready().expect("a workspace stored whole"));
        let store = use_store();
        out.set(Some(store));
        let lens = PartnerLens::new(store, id("p-northwind"));
        let fit = fit_memo(lens);
        view! {
            <IcpEvidence fit/>
            <RatingSelect partner=lens criterion=id("buyer_access") label="Access to your target buyer roles"/>
            <Suggested fit measure=Measure::Icp lens criterion=id("buyer_access")/>
        }
    });
    (el, handle, out.get_untracked().unwrap())
}

fn testid(el: &HtmlElement, id: &str) -> Option<HtmlElement> {
    el.query_selector(&format!("[data-testid={id}]"))
        .unwrap()
        .map(|e| e.unchecked_into())
}

fn button(el: &HtmlElement) -> Option<HtmlElement> {
    let all = el
        .query_selector_all("[data-testid=suggested] button")
        .unwrap();
    (all.length() > 0).then(|| all.item(0).unwrap().unchecked_into())
}

/// (score, evidence) of Northwind's buyer access.
fn rating(store: Store) -> (Option<u8>, String) {
    store.with_untracked(|w| {
        let p = w.partner(&id("p-northwind")).unwrap();
        let c = id("buyer_access");
        (
            p.ratings.get(&c).map(|r| r.score.get()),
            p.evidence(&c).to_owned(),
        )
    })
}

#[wasm_bindgen_test]
async fn a_suggested_rating_is_accepted_with_its_basis_or_overridden() {
    let (el, _h, store) = mount();
    settle(20).await;
    let basis = testid(&el, "suggested-basis")
        .expect("a suggestion")
        .text_content()
        .unwrap();
    assert!(
        basis.contains("57.14% of their 14 customers are inside your ICP (industry, employees and annual revenue checked) → suggests 3"),
        "{basis}"
    );
    let floor = testid(&el, "budget-floor").unwrap().text_content().unwrap();
    assert!(
        floor.starts_with(
            "Budget floor 15,000 EUR: 0 of the 14 customers with an annual revenue are below it"
        ),
        "{floor}"
    );
    // The demo rated it 4; accepting rates 3 with the basis as evidence.
    let (before, evidence_before) = rating(store);
    assert_eq!(before, Some(4));
    let accept = button(&el).expect("an accept button");
    assert_eq!(accept.text_content().unwrap(), "Accept 3");
    accept.click();
    settle(20).await;
    let (score, evidence) = rating(store);
    assert_eq!(score, Some(3));
    assert!(evidence.ends_with(&basis), "{evidence}");
    assert!(evidence.starts_with(evidence_before.trim()), "{evidence}");
    assert!(testid(&el, "suggested-accepted").is_some());
    assert!(button(&el).is_none());
    // The select beside it follows.
    let select: web_sys::HtmlSelectElement = el
        .query_selector("select")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(select.value(), "3");
    // One step: undo brings the 4 and its evidence back.
    store.undo();
    settle(20).await;
    assert_eq!(rating(store), (Some(4), evidence_before.clone()));
    assert!(button(&el).is_some());
    // Rating as usual overrides it: the suggestion stays on offer.
    store
        .apply(Edit::Partner(
            id("p-northwind"),
            PartnerEdit::Rate(id("buyer_access"), Score::new(5)),
        ))
        .unwrap();
    settle(20).await;
    assert_eq!(rating(store).0, Some(5));
    assert_eq!(button(&el).unwrap().text_content().unwrap(), "Accept 3");
}
