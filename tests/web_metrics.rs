//! Browser tests of the metrics page (`/metrics`) on the demo workspace,
//! mounted into a fresh element in headless Chromium with localStorage
//! cleared first (so the app starts on the demo).
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos_router::components::Router;
use partnerfit::app::provide_state;
use partnerfit::pages::metrics::MetricsPage;
use partnerfit::state::{use_store, Store};
use partnerfit::storage::persist::open;
use partnerfit_core::demo::demo;
use partnerfit_core::edit::Replacement;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Let effects and timers run.
async fn settle(ms: u32) {
    leptos::task::tick().await;
    TimeoutFuture::new(ms).await;
    leptos::task::tick().await;
}

/// The metrics page on the demo workspace, and its store.
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
        out.set(Some(use_store()));
        view! { <Router><MetricsPage/></Router> }
    });
    (el, handle, out.get_untracked().unwrap())
}

/// The control whose label reads `label`.
fn labelled<T: JsCast>(el: &HtmlElement, label: &str) -> T {
    let labels = el.query_selector_all("label").unwrap();
    let id = (0..labels.length())
        .map(|i| labels.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|l| l.inner_text().trim() == label)
        .and_then(|l| l.get_attribute("for"))
        .unwrap_or_else(|| panic!("no label {label:?}"));
    document().get_element_by_id(&id).unwrap().unchecked_into()
}

fn choose(select: &HtmlSelectElement, value: &str) {
    select.set_value(value);
    assert_eq!(select.value(), value, "{value:?} is a choice");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// The cells of the row `selector` in the table `testid`, as text.
fn row(el: &HtmlElement, testid: &str, selector: &str) -> Vec<String> {
    let tr = el
        .query_selector(&format!("[data-testid={testid}] {selector}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no row {selector} in {testid}: {}", el.inner_text()));
    let cells = tr.query_selector_all("th, td").unwrap();
    (0..cells.length())
        .map(|i| {
            cells
                .item(i)
                .unwrap()
                .unchecked_into::<HtmlElement>()
                .inner_text()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_demo_shows_its_pipeline_by_month_and_quarter_and_northwinds_plan() {
    let (el, _h, _store) = mount();
    settle(20).await;
    // The demo's deals created in November 2026 (core/src/demo_workspace.json):
    // partner-sourced o-demo-1 18,500 + o-demo-2 26,000 + o-demo-4 14,000 +
    // o-demo-5 9,000 = 4 deals, 67,500 EUR; partner-influenced o-demo-3
    // 21,000; no direct deal was created in November (July, August,
    // September).
    let nov = row(&el, "pipeline-table", "tr[data-period='2026-11']");
    assert_eq!(
        nov,
        [
            "2026-11",
            "4",
            "67,500.00 EUR",
            "1",
            "21,000.00 EUR",
            "0",
            "0.00 EUR"
        ]
    );
    // Every chart is an image with a name and a table beside it.
    let charts = el.query_selector_all("svg[role=img]").unwrap();
    assert!(charts.length() >= 3, "pipeline, funnel and cycle charts");
    for i in 0..charts.length() {
        let svg: web_sys::Element = charts.item(i).unwrap().unchecked_into();
        assert!(svg
            .get_attribute("aria-label")
            .is_some_and(|l| !l.is_empty()));
        assert!(svg.query_selector("title").unwrap().is_some());
    }
    assert!(el.inner_text().contains("Show as a table"));

    // By quarter: November falls in 2026 Q4, with the same deals (nothing
    // was created in October or December).
    choose(&labelled(&el, "Period"), "quarter");
    settle(20).await;
    let q4 = row(&el, "pipeline-table", "tr[data-period='2026 Q4']");
    assert_eq!(q4[0], "2026 Q4");
    assert_eq!(q4[1..3], ["4", "67,500.00 EUR"]);

    // Northwind's plan: 6 submissions × 70 % qualified × 35 % won = 1.47
    // deals a quarter at 24,000 EUR; none of its deals has closed, so there
    // is no actual win rate or deal size and nothing to run at actuals.
    choose(&labelled(&el, "Show"), "p-northwind");
    settle(20).await;
    assert!(el
        .query_selector("[data-testid=partner]")
        .unwrap()
        .is_some());
    let deals = row(&el, "plan-actual", "tr[data-row='Deals per quarter']");
    assert_eq!(deals, ["Deals per quarter", "1.47", "0.00"]);
    let win = row(&el, "plan-actual", "tr[data-row='Win rate']");
    assert_eq!(win, ["Win rate", "35%", "–"]);
    let size = row(&el, "plan-actual", "tr[data-row='Deal size']");
    assert_eq!(size, ["Deal size", "24,000.00 EUR", "–"]);
    let verdict: HtmlElement = el
        .query_selector("[data-testid=plan-verdict]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(
        verdict.inner_text().contains("too early to say"),
        "{}",
        verdict.inner_text()
    );
    // Its own pipeline: the sourced and influenced deals of the quarter.
    let q4 = row(&el, "pipeline-table", "tr[data-period='2026 Q4']");
    assert_eq!(q4, ["2026 Q4", "4", "67,500.00 EUR", "1", "21,000.00 EUR"]);

    // A bad date is named beside its field; the figures stay.
    let from: HtmlInputElement = labelled(&el, "From");
    type_into(&from, "2026-13-01");
    settle(20).await;
    assert_eq!(from.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error_id = from.get_attribute("aria-describedby").unwrap();
    let error = document().get_element_by_id(&error_id).unwrap();
    assert_eq!(
        error.text_content().unwrap(),
        "\"2026-13-01\" is not a date in the form YYYY-MM-DD."
    );
    assert!(el
        .query_selector("[data-testid=plan-actual]")
        .unwrap()
        .is_some());

    // A From after To holds no day: said so, instead of figures.
    type_into(&from, "2027-06-01");
    settle(20).await;
    let t = el.inner_text();
    assert!(t.contains("is after To"), "{t}");
    assert!(el
        .query_selector("[data-testid=pipeline-table]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn without_deals_the_page_says_where_they_come_from() {
    let (el, _h, store) = mount();
    settle(20).await;
    let mut ws = store.get_untracked();
    ws.pipeline = Default::default();
    store
        .replace(
            ws,
            Replacement::Import {
                file: "no-deals.json".into(),
            },
            None,
        )
        .unwrap();
    settle(20).await;
    let empty: HtmlElement = el
        .query_selector("[data-testid=metrics-empty]")
        .unwrap()
        .expect("the empty state")
        .unchecked_into();
    assert!(empty.inner_text().contains("CRM export"));
    assert!(empty.query_selector("a[href$='/deals']").unwrap().is_some());
    assert!(el.query_selector("table").unwrap().is_none());
}
