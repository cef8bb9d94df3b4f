//! Browser tests: components mounted into a fresh element in headless
//! Chromium, with localStorage cleared before each test.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use partnerfit::app::provide_state;
use partnerfit::components::import::ImportPanel;
use partnerfit::state::{use_store, Store};
use partnerfit::storage::persist::open;
use partnerfit::storage::persist::SaveState;
use partnerfit::storage::Persistence;
use partnerfit_core::demo::demo;
use partnerfit_core::edit::{Edit, ProfileEdit, ProfileText, ScorecardEdit};
use partnerfit_core::format::{self, stored};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The workspace's key in this page's scope.
fn key() -> String {
    partnerfit::storage::StorageKey::Workspace.name()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the page to mount into.
fn host() -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Let effects and timers run.
async fn settle(ms: u32) {
    leptos::task::tick().await;
    TimeoutFuture::new(ms).await;
    leptos::task::tick().await;
}

fn text(el: &HtmlElement) -> String {
    el.inner_text()
}

/// Mount the whole app into a fresh element.
fn mount_app() -> (HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    let el = host();
    let handle = leptos::mount::mount_to(el.clone(), partnerfit::App);
    (el, handle)
}

/// Hands the mounted app's store and persistence to the test.
type Probe = RwSignal<Option<(Store, Persistence)>>;

/// Mount the app state plus a probe that hands out the workspace signal and persistence.
fn mount_state() -> (
    HtmlElement,
    leptos::mount::UnmountHandle<impl Mountable>,
    Probe,
) {
    let el = host();
    let out = RwSignal::new(None);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let p = provide_state(open(&demo).ready().expect("a workspace stored whole"));
        out.set(Some((use_store(), p)));
        view! { <ImportPanel/> }
    });
    (el, handle, out)
}

/// [`mount_state`] after other data filled most of what localStorage
/// keeps for the site (4.5 million characters, under the key `filler`):
/// a workspace of a few megabytes is then kept in parts.
async fn mount_with_little_room() -> (
    HtmlElement,
    leptos::mount::UnmountHandle<impl Mountable>,
    Store,
    Persistence,
) {
    storage().clear().unwrap();
    storage()
        .set_item("filler", &"x".repeat(4_500_000))
        .expect("the browser keeps 4.5 million characters");
    let (el, handle, probe) = mount_state();
    settle(10).await;
    let (ws, p) = probe.get_untracked().unwrap();
    (el, handle, ws, p)
}

/// Wait (up to ten seconds) while a save is pending.
async fn while_pending(p: Persistence) {
    for _ in 0..100 {
        settle(100).await;
        if p.state.get_untracked() != SaveState::Pending {
            break;
        }
    }
}

/// A timer that fires every `ms` until stopped: how often it fired tells
/// whether the page's thread was free meanwhile.
struct Ticker {
    ticks: std::rc::Rc<std::cell::Cell<u32>>,
    done: std::rc::Rc<std::cell::Cell<bool>>,
}

impl Ticker {
    fn start(ms: u32) -> Ticker {
        let ticker = Ticker {
            ticks: Default::default(),
            done: Default::default(),
        };
        let (t, d) = (ticker.ticks.clone(), ticker.done.clone());
        wasm_bindgen_futures::spawn_local(async move {
            while !d.get() {
                TimeoutFuture::new(ms).await;
                t.set(t.get() + 1);
            }
        });
        ticker
    }

    /// Stop it; how many times it fired.
    fn stop(self) -> u32 {
        self.done.set(true);
        self.ticks.get()
    }
}

/// Rename our company through the store (one edit).
fn rename(ws: Store, name: &str) {
    ws.apply(Edit::Profile(ProfileEdit::Text(
        ProfileText::Name,
        name.into(),
    )))
    .expect("a short name is accepted");
}

#[wasm_bindgen_test]
async fn first_run_opens_on_the_demo() {
    storage().clear().unwrap();
    let (el, _h) = mount_app();
    settle(50).await;
    let t = text(&el);
    assert!(t.contains("This is a demo workspace"), "{t}");
    let rows = el
        .query_selector_all("[data-testid=rank-row]")
        .unwrap()
        .length();
    assert_eq!(rows, 5);
    // Nothing is written until the user changes something.
    assert!(storage().get_item(&key()).unwrap().is_none());
}

#[wasm_bindgen_test]
async fn unreadable_storage_is_set_aside_not_replaced() {
    storage().clear().unwrap();
    storage().set_item(&key(), "{\"format\":\"partnerfit-stored\",\"revision\":3,\"workspace\":{\"format\":\"partnerfit-workspace\",\"format_version\":1}}").unwrap();
    let original = storage().get_item(&key()).unwrap().unwrap();
    let (el, _h) = mount_app();
    settle(50).await;
    let t = text(&el);
    assert!(t.contains("could not be read"), "{t}");
    assert!(t.contains("profile: missing required field"), "{t}");
    // The original is kept, byte for byte, under an unreadable.* key.
    let n = storage().length().unwrap();
    let kept: Vec<String> = (0..n)
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| {
            k.starts_with(&partnerfit::storage::StorageKey::Unreadable(String::new()).name())
        })
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(storage().get_item(&kept[0]).unwrap().unwrap(), original);
}

#[wasm_bindgen_test]
async fn changes_are_saved_with_a_revision_after_a_pause() {
    storage().clear().unwrap();
    let (_el, _h, probe) = mount_state();
    settle(10).await;
    let (ws, p) = probe.get_untracked().unwrap();
    rename(ws, "Saved Co");
    settle(10).await;
    assert_eq!(p.state.get_untracked(), SaveState::Pending);
    assert!(
        storage().get_item(&key()).unwrap().is_none(),
        "debounced, not saved at once"
    );
    settle(600).await;
    assert_eq!(p.state.get_untracked(), SaveState::Saved);
    let saved = stored::decode(&storage().get_item(&key()).unwrap().unwrap()).unwrap();
    assert_eq!(saved.revision, 1);
    assert_eq!(saved.loaded.workspace.profile.name, "Saved Co");
}

#[wasm_bindgen_test]
async fn a_write_from_another_tab_is_never_overwritten() {
    storage().clear().unwrap();
    let (_el, _h, probe) = mount_state();
    settle(10).await;
    let (ws, p) = probe.get_untracked().unwrap();
    rename(ws, "Mine");
    settle(600).await;
    assert_eq!(p.state.get_untracked(), SaveState::Saved);

    // Another tab saves revision 7 (same-tab writes fire no storage event).
    let mut theirs = ws.get_untracked();
    theirs.profile.name = "Theirs".into();
    storage()
        .set_item(&key(), &stored::encode(&theirs, 7))
        .unwrap();

    rename(ws, "Mine again");
    settle(600).await;
    assert_eq!(p.state.get_untracked(), SaveState::OtherTab);
    let still = stored::decode(&storage().get_item(&key()).unwrap().unwrap()).unwrap();
    assert_eq!(
        (still.revision, still.loaded.workspace.profile.name.as_str()),
        (7, "Theirs")
    );

    // Choosing "keep mine" writes revision 8.
    p.keep_mine();
    let now = stored::decode(&storage().get_item(&key()).unwrap().unwrap()).unwrap();
    assert_eq!(
        (now.revision, now.loaded.workspace.profile.name.as_str()),
        (8, "Mine again")
    );
}

#[wasm_bindgen_test]
async fn a_clean_tab_follows_the_other_tab() {
    storage().clear().unwrap();
    let (_el, _h, probe) = mount_state();
    settle(10).await;
    let (ws, p) = probe.get_untracked().unwrap();
    let mut theirs = ws.get_untracked();
    theirs.profile.name = "From the other tab".into();
    let text = stored::encode(&theirs, 3);
    storage().set_item(&key(), &text).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&key()));
    init.set_new_value(Some(&text));
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    settle(10).await;
    assert_eq!(ws.get_untracked().profile.name, "From the other tab");
    assert!(p.notice.get_untracked().unwrap().contains("another tab"));
    // Adopting is not a change: nothing is re-saved.
    settle(600).await;
    assert_eq!(
        stored::revision_of(&storage().get_item(&key()).unwrap().unwrap()),
        Some(3)
    );
}

/// Put a file into the import panel's file input.
fn pick_file(el: &HtmlElement, name: &str, content: &str) {
    pick_bytes(el, name, content.as_bytes());
}

#[wasm_bindgen_test]
async fn a_broken_file_shows_every_problem_and_changes_nothing() {
    storage().clear().unwrap();
    let (el, _h, probe) = mount_state();
    settle(10).await;
    let (ws, _) = probe.get_untracked().unwrap();
    let before = ws.get_untracked();
    let mut v = format::to_value(&before);
    v["partners"][0]["ratings"]["icp_density"] = 9.into();
    v["partners"][1]["type"] = "reseller".into();
    pick_file(&el, "broken.json", &v.to_string());
    settle(100).await;
    let t = text(&el);
    assert!(t.contains("broken.json was not imported"), "{t}");
    assert!(
        t.contains("partners[0].ratings.icp_density: 9 is outside 1–5"),
        "{t}"
    );
    assert!(
        t.contains("partners[1].type: unknown partner type \"reseller\""),
        "{t}"
    );
    assert_eq!(ws.get_untracked(), before);
}

/// Keep the first `n` partners of `ws`, deleting the others as the app
/// does (their lists, meetings and deals' attribution go with them).
fn keep_partners(ws: &mut partnerfit_core::Workspace, n: usize) {
    let gone: Vec<_> = ws.partners.iter().skip(n).map(|p| p.id.clone()).collect();
    for id in gone {
        ws.apply(partnerfit_core::edit::Edit::RemovePartner(id))
            .unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_good_file_is_previewed_then_replaces_the_workspace() {
    storage().clear().unwrap();
    let (el, _h, probe) = mount_state();
    settle(10).await;
    let (ws, _) = probe.get_untracked().unwrap();
    let mut theirs = ws.get_untracked();
    theirs.profile.name = "Imported Co".into();
    keep_partners(&mut theirs, 2);
    pick_file(&el, "good.json", &format::save(&theirs));
    settle(100).await;
    let t = text(&el);
    assert!(
        t.contains("good.json is valid: Imported Co: 2 partners"),
        "{t}"
    );
    assert_ne!(
        ws.get_untracked().profile.name,
        "Imported Co",
        "preview only"
    );
    let replace = el.query_selector_all("button").unwrap();
    for i in 0..replace.length() {
        let b: HtmlElement = replace.item(i).unwrap().unchecked_into();
        if b.inner_text() == "Replace my workspace" {
            b.click();
        }
    }
    settle(10).await;
    assert_eq!(ws.get_untracked(), theirs);
}

#[wasm_bindgen_test]
fn the_router_base_is_the_directory_the_page_came_from() {
    use partnerfit::routes::base_of;
    for (path, base) in [
        ("/", ""),
        ("/partners", ""),
        ("/tools/partnerfit/", "/tools/partnerfit"),
        ("/tools/partnerfit/partner", "/tools/partnerfit"),
        ("/a/index.html", "/a"),
    ] {
        assert_eq!(base_of(path), base, "{path}");
    }
}

#[wasm_bindgen_test]
fn the_partner_page_links_back_to_the_site_it_came_from() {
    use partnerfit::routes::{is_respond_path, site_dir};
    for (path, respond, site) in [
        ("/pf/respond/", true, "/pf"),
        ("/pf/respond/index.html", true, "/pf"),
        ("/pf/respond", true, "/pf"),
        ("/respond/", true, ""),
        ("/pf/responses", false, "/pf"),
        ("/pf/partner", false, "/pf"),
        ("/pf/", false, "/pf"),
    ] {
        assert_eq!(is_respond_path(path), respond, "{path}");
        assert_eq!(site_dir(path), site, "{path}");
    }
}

#[wasm_bindgen_test]
async fn a_change_the_importer_would_refuse_is_refused_and_nothing_is_stored() {
    storage().clear().unwrap();
    let (_el, _h, probe) = mount_state();
    settle(10).await;
    let (ws, p) = probe.get_untracked().unwrap();
    rename(ws, "Good state");
    settle(600).await;
    assert_eq!(p.state.get_untracked(), SaveState::Saved);
    let stored_before = storage().get_item(&key()).unwrap().unwrap();
    // Every category weight at zero: the file would be refused on reload,
    // so the last step is refused and the workspace keeps a usable scorecard.
    let ids: Vec<_> = ws.with_untracked(|w| {
        w.scorecard
            .categories
            .iter()
            .map(|c| c.id.clone())
            .collect()
    });
    let results: Vec<_> = ids
        .iter()
        .map(|id| {
            ws.apply(Edit::Scorecard(ScorecardEdit::CategoryWeight(
                id.clone(),
                0.0,
            )))
        })
        .collect();
    let (last, rest) = results.split_last().unwrap();
    assert!(rest.iter().all(Result::is_ok));
    let refused = last.as_ref().unwrap_err().to_string();
    assert!(
        refused.contains("category weights sum to zero"),
        "{refused}"
    );
    assert!(ws.with_untracked(|w| w.scorecard.categories.iter().any(|c| c.weight > 0.0)));
    settle(600).await;
    assert_eq!(p.state.get_untracked(), SaveState::Saved);
    // What is stored is readable; undoing the accepted steps saves again.
    let kept = stored::decode(&storage().get_item(&key()).unwrap().unwrap()).unwrap();
    assert_ne!(storage().get_item(&key()).unwrap().unwrap(), stored_before);
    assert_eq!(kept.loaded.workspace, ws.get_untracked());
}

#[wasm_bindgen_test]
async fn a_score_select_shows_its_anchor_words_and_reports_the_score() {
    use partnerfit::components::rating::{ScoreSelect, SELF_ANCHORS, TEAM_ANCHORS};
    let el = host();
    let value = RwSignal::new(String::new());
    let picked = RwSignal::new(Vec::<Option<u8>>::new());
    let _h = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ScoreSelect label="Partner" value=value anchors=SELF_ANCHORS
                on_change=move |v| {
                    picked.update(|p| p.push(v));
                    value.set(v.map(|n| n.to_string()).unwrap_or_default());
                    Ok(())
                }/>
            <ScoreSelect label="Team" value=Signal::stored(String::new()) anchors=TEAM_ANCHORS
                on_change=|_| Err("Ratings of an archived partner are closed.".to_owned())/>
        }
    });
    settle(0).await;
    let selects = el.query_selector_all("select").unwrap();
    let options = |i: u32| -> Vec<String> {
        let s: HtmlElement = selects.item(i).unwrap().unchecked_into();
        let all = s.query_selector_all("option").unwrap();
        (0..all.length())
            .map(|k| all.item(k).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(
        options(0),
        [
            "Not rated",
            "1 — not at all",
            "2",
            "3 — partly",
            "4",
            "5 — fully, with evidence"
        ]
    );
    assert_eq!(
        options(1),
        [
            "Not rated",
            "1 — poor",
            "2",
            "3 — adequate",
            "4",
            "5 — excellent"
        ]
    );
    // The label names the select.
    let label: HtmlElement = el
        .query_selector("label")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let first: web_sys::HtmlSelectElement = selects.item(0).unwrap().unchecked_into();
    assert_eq!(label.get_attribute("for").unwrap(), first.id());
    // Choosing reports the score; "Not rated" reports none.
    for (choice, expected) in [("5", Some(5)), ("", None)] {
        first.set_value(choice);
        first
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        assert_eq!(picked.get_untracked().last().copied(), Some(expected));
        assert_eq!(first.value(), choice);
    }
    // The select follows its value.
    value.set("3".into());
    settle(0).await;
    assert_eq!(first.value(), "3");
    // A refused score goes back to the value, and the reason is shown.
    let second: web_sys::HtmlSelectElement = selects.item(1).unwrap().unchecked_into();
    second.set_value("4");
    second
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle(0).await;
    assert_eq!(second.value(), "");
    assert_eq!(
        second.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let reason = el
        .query_selector(&format!(
            "#{}",
            second.get_attribute("aria-describedby").unwrap()
        ))
        .unwrap()
        .unwrap();
    assert_eq!(
        reason.text_content().unwrap(),
        "Ratings of an archived partner are closed."
    );
}

#[wasm_bindgen_test]
async fn a_workspace_too_big_for_local_storage_is_kept_in_parts_and_reads_back() {
    use partnerfit::storage::persist::boot;
    use partnerfit_core::format::stored::parts_of;
    use partnerfit_core::overlap::account::{Account, AccountList, ListOwner, PopulationSource};
    use partnerfit_core::overlap::population::Population;
    // Other data already fills most of what localStorage keeps for the site.
    let (_el, _h, ws, p) = mount_with_little_room().await;
    rename(ws, "Small Co");
    settle(600).await;
    assert_eq!(p.state.get_untracked(), SaveState::Saved);
    assert_eq!(
        parts_of(&storage().get_item(&key()).unwrap().unwrap()),
        None,
        "small: whole"
    );
    // Then a list of 8,000 accounts: about 1.3 million characters more,
    // more than localStorage has left.
    let accounts: Vec<Account> = (0..8_000)
        .map(|i| {
            Account::for_matching(
                i + 2,
                format!("Account {i} Logistik GmbH"),
                format!("https://www.account-{i}-logistik.de/about"),
                "Germany",
                Population::Customer,
            )
        })
        .collect();
    ws.apply(Edit::AddList(
        AccountList {
            id: partnerfit_core::Id::parse("l-big").unwrap(),
            owner: ListOwner::Ours,
            source: "crm.csv".into(),
            imported: partnerfit_core::Date::parse("2026-11-25").unwrap(),
            population: PopulationSource::Fixed(Population::Customer),
            accounts,
        }
        .into(),
    ))
    .unwrap();
    settle(10).await;
    // Leaving now saves at once, but its parts take a while: the page asks.
    assert!(p.asks_before_leaving());
    assert!(leaving_is_asked(), "leaving while the parts are written");
    assert!(p.asks_before_leaving(), "the save is writing its parts");
    while_pending(p).await;
    assert_eq!(p.state.get_untracked(), SaveState::Saved);
    assert!(!p.asks_before_leaving(), "nothing to ask once saved");
    // localStorage holds the head; the accounts are in IndexedDB.
    let head = storage().get_item(&key()).unwrap().unwrap();
    let keys = parts_of(&head).expect("stored in parts");
    assert_eq!(keys.accounts.len(), 3, "the demo's two lists and ours");
    assert!(
        head.len() < 200_000,
        "the head is small: {} characters",
        head.len()
    );
    assert!(!head.contains("account-7999-logistik.de"));
    // A reload reads the same workspace back.
    let reloaded = boot(&demo).await;
    assert_eq!(reloaded.state, SaveState::Saved);
    assert!(
        ws.with_untracked(|w| &reloaded.workspace == w),
        "the same workspace after a reload"
    );
    // An edit after that writes the head only, and still reads back.
    rename(ws, "Small Co, renamed");
    settle(600).await;
    assert_eq!(p.state.get_untracked(), SaveState::Saved);
    let again = storage().get_item(&key()).unwrap().unwrap();
    assert_eq!(parts_of(&again), Some(keys), "no new part for a rename");
    let reloaded = boot(&demo).await;
    assert_eq!(reloaded.workspace.profile.name, "Small Co, renamed");
    assert_eq!(
        reloaded
            .workspace
            .account_lists
            .iter()
            .map(|l| l.accounts.len())
            .sum::<usize>(),
        ws.with_untracked(|w| w
            .account_lists
            .iter()
            .map(|l| l.accounts.len())
            .sum::<usize>())
    );
    storage().remove_item("filler").unwrap();
}

/// Mount the app state with the undo buttons, the keyboard shortcuts and
/// `page`; hands out the store.
fn mount_with<V: IntoView + 'static>(
    page: impl Fn() -> V + 'static,
) -> (
    HtmlElement,
    leptos::mount::UnmountHandle<impl Mountable>,
    RwSignal<Option<Store>>,
) {
    use partnerfit::components::history::{install_shortcuts, UndoRedo};
    let el = host();
    let out = RwSignal::new(None);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_state(open(&demo).ready().expect("a workspace stored whole"));
        let store = use_store();
        install_shortcuts(store);
        out.set(Some(store));
        view! { <UndoRedo/>{page()} }
    });
    (el, handle, out)
}

/// The button whose text or accessible name starts with `name`.
fn button(el: &HtmlElement, name: &str) -> HtmlElement {
    let all = el.query_selector_all("button").unwrap();
    (0..all.length())
        .map(|i| all.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| {
            b.inner_text().starts_with(name)
                || b.get_attribute("aria-label")
                    .is_some_and(|l| l.starts_with(name))
        })
        .unwrap_or_else(|| panic!("no button {name:?}"))
}

/// Press a key with Ctrl (and Shift) on the window.
fn press(key: &str, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(true);
    init.set_shift_key(shift);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
}

/// The input labelled `label`.
fn labelled(el: &HtmlElement, label: &str) -> HtmlInputElement {
    let labels = el.query_selector_all("label").unwrap();
    let id = (0..labels.length())
        .map(|i| labels.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|l| l.inner_text().trim() == label)
        .and_then(|l| l.get_attribute("for"))
        .unwrap_or_else(|| panic!("no label {label:?}"));
    document().get_element_by_id(&id).unwrap().unchecked_into()
}

/// Type `text` into an input, as the user would.
fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn removing_a_category_is_undone_with_the_keyboard_and_redone_with_the_button() {
    use partnerfit::pages::scorecard::ScorecardPage;
    storage().clear().unwrap();
    let (el, _h, probe) = mount_with(|| view! { <ScorecardPage/> });
    settle(10).await;
    let ws = probe.get_untracked().unwrap();
    let before = ws.get_untracked();
    let rated = |w: &partnerfit_core::Workspace| {
        w.partners
            .iter()
            .map(|p| {
                ["deal_registration", "pipeline_sharing", "responsiveness"]
                    .iter()
                    .filter(|c| {
                        p.ratings
                            .contains_key(&partnerfit_core::Id::parse(c).unwrap())
                    })
                    .count()
            })
            .sum::<usize>()
    };
    let n = rated(&before);
    assert!(n > 0);
    button(&el, "Remove the category Operational readiness").click();
    settle(10).await;
    assert_eq!(ws.with_untracked(|w| w.scorecard.categories.len()), 3);
    assert_eq!(ws.with_untracked(rated), 0);
    assert_eq!(
        button(&el, "Undo").inner_text(),
        format!("Undo: remove category Operational readiness — {n} ratings")
    );
    press("z", false);
    settle(10).await;
    assert_eq!(ws.get_untracked(), before, "Ctrl+Z brings the ratings back");
    assert!(text(&el).contains("Undone: remove category Operational readiness"));
    button(&el, "Redo: remove category").click();
    settle(10).await;
    assert_eq!(ws.with_untracked(|w| w.scorecard.categories.len()), 3);
    press("z", true);
    settle(10).await;
    assert_eq!(
        ws.with_untracked(|w| w.scorecard.categories.len()),
        3,
        "nothing left to redo"
    );
}

#[wasm_bindgen_test]
async fn a_field_shows_the_workspace_and_follows_undo() {
    use partnerfit::components::fields::TextField;
    use partnerfit::lens::Binding;
    storage().clear().unwrap();
    let probe = RwSignal::new(None::<Store>);
    let (el, _h, _) = mount_with(move || {
        let store = use_store();
        probe.set(Some(store));
        let binding = Binding::of(
            store,
            |w| w.profile.name.clone(),
            |v| Edit::Profile(ProfileEdit::Text(ProfileText::Name, v)),
        );
        view! { <TextField label="Company name" binding/> }
    });
    settle(10).await;
    let ws = probe.get_untracked().unwrap();
    let input = labelled(&el, "Company name");
    assert_eq!(input.value(), "Ledgerline");
    type_into(&input, "Ledgerline Ltd");
    settle(10).await;
    assert_eq!(
        ws.with_untracked(|w| w.profile.name.clone()),
        "Ledgerline Ltd"
    );
    ws.undo();
    settle(10).await;
    assert_eq!(
        input.value(),
        "Ledgerline",
        "the field shows the state undone to"
    );
    // A change made elsewhere shows too (no re-mount).
    rename(ws, "Elsewhere Co");
    settle(10).await;
    assert_eq!(input.value(), "Elsewhere Co");
}

#[wasm_bindgen_test]
async fn a_value_the_core_refuses_stays_in_its_field_with_the_reason() {
    use partnerfit::pages::scorecard::ScorecardPage;
    use partnerfit_core::partner::PartnerType;
    storage().clear().unwrap();
    let (el, _h, probe) = mount_with(|| view! { <ScorecardPage/> });
    settle(10).await;
    let ws = probe.get_untracked().unwrap();
    let before = ws.get_untracked();
    let gate = labelled(&el, "Market and ICP fit gate for Referral");
    assert_eq!(gate.value(), "4");
    type_into(&gate, "6");
    settle(10).await;
    assert_eq!(gate.value(), "6", "what was typed stays");
    assert_eq!(gate.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error = document()
        .get_element_by_id(&gate.get_attribute("aria-describedby").unwrap())
        .unwrap()
        .text_content()
        .unwrap();
    assert!(error.starts_with("6 is outside 1–5"), "{error}");
    assert_eq!(ws.get_untracked(), before, "nothing changed");
    type_into(&gate, "3.5");
    settle(10).await;
    let id = partnerfit_core::Id::parse("market_icp_fit").unwrap();
    assert_eq!(
        ws.with_untracked(|w| w.scorecard.gate(PartnerType::Referral, &id)),
        Some(3.5)
    );
}

#[wasm_bindgen_test]
async fn a_snapshot_is_taken_before_an_import_and_restores_what_was_there() {
    use partnerfit::pages::workspace::WorkspacePage;
    use partnerfit::storage::snapshots;
    use partnerfit_core::snapshot::Reason;
    storage().clear().unwrap();
    let (el, _h, probe) = mount_with(|| view! { <WorkspacePage/> });
    settle(10).await;
    let ws = probe.get_untracked().unwrap();
    let before = ws.get_untracked();
    let mut theirs = before.clone();
    theirs.profile.name = "Imported Co".into();
    keep_partners(&mut theirs, 1);
    pick_file(&el, "theirs.json", &format::save(&theirs));
    settle(100).await;
    button(&el, "Replace my workspace").click();
    settle(10).await;
    assert_eq!(ws.get_untracked(), theirs);
    let shelf = snapshots::list().unwrap();
    assert_eq!(shelf.len(), 1);
    assert_eq!(shelf[0].reason, Reason::Before("import theirs.json".into()));
    assert!(
        text(&el).contains("Before: import theirs.json"),
        "{}",
        text(&el)
    );
    button(&el, "What changed since the snapshot").click();
    settle(10).await;
    let t = text(&el);
    assert!(t.contains("Our company changed (name)"), "{t}");
    assert!(t.contains("Partner Brightpath Advisory deleted"), "{t}");
    button(&el, "Restore the snapshot of").click();
    settle(10).await;
    assert_eq!(ws.get_untracked(), before, "the snapshot is what was there");
    // Restoring kept the imported workspace as a snapshot too, and is undoable.
    assert_eq!(snapshots::list().unwrap().len(), 2);
    ws.undo();
    settle(10).await;
    assert_eq!(ws.get_untracked(), theirs);
}

/// The partner's page on `fragment`: the hash is set first and its
/// `hashchange` let pass (the page reloads on one), then the page mounted.
async fn mount_respond(
    fragment: &str,
) -> (HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(fragment)
        .unwrap();
    TimeoutFuture::new(20).await;
    let el = host();
    let handle = leptos::mount::mount_to(el.clone(), partnerfit::pages::respond::RespondApp);
    settle(20).await;
    (el, handle)
}

/// What the partner's page shows for a link.
enum Shows {
    /// The passphrase form.
    Passphrase,
    /// A problem: its message, and words of its detail (`None`: no detail).
    Problem(&'static str, Option<&'static str>),
}

/// A damaged link is named at once, in plain words, with the technical
/// detail in a closed "Details" disclosure; a damaged protected link is
/// named before any passphrase is asked for.
#[wasm_bindgen_test]
async fn link_problems_are_named_plainly_before_any_passphrase() {
    use partnerfit_core::share::envelope::{pack, Kind};
    // A sealed envelope that looks whole: 60 bytes, the first four the
    // key-derivation cost (600,000). Its payload is never decrypted here.
    let sealed = format!("pf2.ie.60.AAknwAAA{}", "A".repeat(72));
    let not_an_invitation = pack(Kind::Invitation, br#"{"to":1}"#, None);
    let rows: Vec<(&str, String, Shows)> = vec![
        ("a whole protected link", sealed.clone(), Shows::Passphrase),
        (
            "a protected link cut off",
            sealed[..sealed.len() - 40].to_owned(),
            Shows::Problem("The link is incomplete", None),
        ),
        (
            "a protected link too short for its key",
            format!("pf2.ie.30.AAknwAAA{}", "A".repeat(32)),
            Shows::Problem("The link is incomplete", None),
        ),
        (
            "a protected link asking for an impossible cost",
            format!("pf2.ie.60.{}", "A".repeat(80)),
            Shows::Problem(
                "The link is damaged: its protection is not set up the way Partnerfit does it.",
                Some("key-derivation rounds"),
            ),
        ),
        (
            "content that is not an invitation",
            not_an_invitation,
            Shows::Problem(
                "The link is damaged: part of the invitation is missing or changed. Ask for a new link.",
                Some("invalid type"),
            ),
        ),
    ];
    for (what, fragment, expected) in rows {
        let (el, handle) = mount_respond(&fragment).await;
        let passphrase = el.query_selector("input[type=password]").unwrap();
        let details = el
            .query_selector("[data-testid=respond-error] details")
            .unwrap();
        match expected {
            Shows::Passphrase => {
                assert!(passphrase.is_some(), "{what}: no passphrase field");
                assert!(text(&el).contains("A protected invitation"), "{what}");
            }
            Shows::Problem(message, detail) => {
                assert!(passphrase.is_none(), "{what}: a passphrase is asked for");
                let alert = el
                    .query_selector("[data-testid=respond-error] [role=alert]")
                    .unwrap()
                    .unwrap_or_else(|| panic!("{what}: no error"))
                    .text_content()
                    .unwrap_or_default();
                assert!(alert.contains(message), "{what}: {alert}");
                match detail {
                    None => assert!(details.is_none(), "{what}: details shown"),
                    Some(words) => {
                        assert!(!alert.contains(words), "{what}: {words} in the message");
                        let details = details.unwrap_or_else(|| panic!("{what}: no details"));
                        assert!(!details.has_attribute("open"), "{what}: details open");
                        let summary = details.query_selector("summary").unwrap().unwrap();
                        assert_eq!(summary.text_content().unwrap(), "Details");
                        let content = details.text_content().unwrap_or_default();
                        assert!(content.contains(words), "{what}: {content}");
                    }
                }
            }
        }
        drop(handle);
        el.remove();
    }
    web_sys::window().unwrap().location().set_hash("").unwrap();
    TimeoutFuture::new(20).await;
}

#[wasm_bindgen_test]
async fn undoing_an_import_brings_back_the_demo_and_its_banner() {
    use partnerfit::components::status::DemoBanner;
    use partnerfit::state::Origin;
    use partnerfit::storage::StorageKey;
    storage().clear().unwrap();
    let (el, _h, probe) = mount_with(|| view! { <DemoBanner/><ImportPanel/> });
    settle(10).await;
    let ws = probe.get_untracked().unwrap();
    let demo = ws.get_untracked();
    let banner = |el: &HtmlElement| text(el).contains("This is a demo workspace");
    assert!(banner(&el));
    let mut theirs = demo.clone();
    theirs.profile.name = "Imported Co".into();
    pick_file(&el, "ours.json", &format::save(&theirs));
    settle(100).await;
    button(&el, "Replace my workspace").click();
    settle(600).await;
    // Where it came from is saved with the workspace (after the pause).
    let stored_origin = || storage().get_item(&StorageKey::Origin.name()).unwrap();
    assert_eq!(ws.with_untracked(|w| w.profile.name.clone()), "Imported Co");
    assert!(!banner(&el), "an imported workspace is the user's own");
    assert_eq!(stored_origin().as_deref(), Some("\"Own\""));
    ws.undo();
    settle(600).await;
    assert_eq!(ws.get_untracked(), demo);
    assert_eq!(untrack(|| ws.origin()), Origin::Demo);
    assert!(banner(&el), "undo brings the demo back as the demo");
    assert_eq!(stored_origin().as_deref(), Some("\"Demo\""));
    ws.redo();
    settle(600).await;
    assert!(!banner(&el));
    assert_eq!(stored_origin().as_deref(), Some("\"Own\""));
}

/// Press Ctrl+Z on `target`, as the keyboard would (the event bubbles up
/// to the window); whether the page took it (`preventDefault`).
fn press_on(target: &HtmlElement) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("z");
    init.set_ctrl_key(true);
    init.set_cancelable(true);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
    ev.default_prevented()
}

#[wasm_bindgen_test]
async fn ctrl_z_in_a_text_box_of_its_own_is_left_to_the_browser() {
    use partnerfit::components::fields::{RateField, TextField};
    use partnerfit::lens::Binding;
    storage().clear().unwrap();
    let proposed = RwSignal::new(partnerfit_core::rate::Rate(500));
    let (el, _h, probe) = mount_with(move || {
        let binding = Binding::of(
            use_store(),
            |w| w.profile.name.clone(),
            |v| Edit::Profile(ProfileEdit::Text(ProfileText::Name, v)),
        );
        view! {
            <TextField label="Company name" binding/>
            <label for="own-box">"Search"</label><input id="own-box" type="search"/>
            <RateField label="Proposed discount" binding=Binding::local(proposed)/>
        }
    });
    settle(10).await;
    let ws = probe.get_untracked().unwrap();
    rename(ws, "Renamed Co");
    let own: HtmlElement = labelled(&el, "Search").unchecked_into();
    assert!(!press_on(&own), "the browser undoes the search box's text");
    settle(10).await;
    assert_eq!(ws.with_untracked(|w| w.profile.name.clone()), "Renamed Co");
    // A value kept on the page is not the workspace's either.
    let local: HtmlElement = labelled(&el, "Proposed discount (%)").unchecked_into();
    assert!(!press_on(&local));
    let bound: HtmlElement = labelled(&el, "Company name").unchecked_into();
    assert!(
        press_on(&bound),
        "in a bound field Ctrl+Z is the app's undo"
    );
    settle(10).await;
    assert_eq!(ws.with_untracked(|w| w.profile.name.clone()), "Ledgerline");
    // Text the workspace refused is the typing's to take back.
    let input: HtmlInputElement = bound.unchecked_into();
    type_into(&input, &"x".repeat(301));
    settle(10).await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(!press_on(&input), "the browser undoes the refused typing");
    assert_eq!(ws.with_untracked(|w| w.profile.name.clone()), "Ledgerline");
}

fn committee_titles(w: &partnerfit_core::Workspace) -> Vec<String> {
    w.icp.committee.iter().map(|m| m.title.clone()).collect()
}

#[wasm_bindgen_test]
async fn moving_a_row_shows_the_rows_as_they_are_and_the_focus_follows() {
    use partnerfit::pages::icp::IcpPage;
    use partnerfit_core::edit::icp::CommitteeField;
    storage().clear().unwrap();
    use leptos_router::components::Router;
    let (el, _h, probe) = mount_with(|| view! { <Router><IcpPage/></Router> });
    settle(10).await;
    let ws = probe.get_untracked().unwrap();
    let titles = || ws.with_untracked(committee_titles);
    let first = labelled(&el, &CommitteeField::Title.label(1));
    first.focus().unwrap();
    type_into(&first, "Chief Financial Officer");
    settle(10).await;
    assert_eq!(titles()[0], "Chief Financial Officer");
    let second_title = titles()[1].clone();
    button(&el, "Move down committee member 1").click();
    settle(50).await;
    assert_eq!(titles()[1], "Chief Financial Officer");
    assert_eq!(
        labelled(&el, &CommitteeField::Title.label(1)).value(),
        second_title,
        "the first row shows the member now first, not what was typed"
    );
    assert_eq!(
        labelled(&el, &CommitteeField::Title.label(2)).value(),
        "Chief Financial Officer"
    );
    let focused = document().active_element().unwrap();
    assert_eq!(
        focused.get_attribute("aria-label").as_deref(),
        Some("Move down committee member 2"),
        "the focus stays with the moved member"
    );
    let count = titles().len();
    button(&el, &format!("Remove committee member {count}")).click();
    settle(50).await;
    assert_eq!(titles().len(), count - 1);
    let focused = document().active_element().unwrap();
    assert_eq!(
        focused.get_attribute("aria-label"),
        Some(format!("Remove committee member {}", count - 1)),
        "after the last row goes, the focus is on the row before"
    );
}

/// Keys are scoped by the site's directory, and keys written before
/// scoping move into the first deployment that opens without its own
/// workspace, once, values intact.
#[wasm_bindgen_test]
fn unscoped_keys_move_into_this_deployment_once() {
    use partnerfit::storage::keys::{prefix, prefix_for, scoped};
    use partnerfit::storage::local::adopt_unscoped_keys;
    for (dir, expected) in [
        ("", "partnerfit@/:"),
        ("/partnerfit", "partnerfit@/partnerfit/:"),
        ("/tools/pf", "partnerfit@/tools/pf/:"),
    ] {
        assert_eq!(prefix_for(dir), expected);
    }
    let (a, b) = (prefix_for("/a"), prefix_for("/a/b"));
    assert!(!b.starts_with(&a) && !a.starts_with(&b));
    for (old, new) in [
        ("partnerfit.workspace", Some("P:workspace")),
        ("partnerfit.snapshot.s-1", Some("P:snapshot.s-1")),
        ("partnerfit.", None),
        ("other.workspace", None),
        ("partnerfit@/:workspace", None),
    ] {
        assert_eq!(scoped(old, "P:").as_deref(), new, "{old}");
    }

    storage().clear().unwrap();
    let ws = stored::encode(&partnerfit_core::demo::demo(), 4);
    storage().set_item("partnerfit.workspace", &ws).unwrap();
    storage().set_item("partnerfit.origin", "\"own\"").unwrap();
    storage().set_item("someone-else", "theirs").unwrap();
    assert_eq!(adopt_unscoped_keys(), 2);
    assert_eq!(
        storage().get_item(&key()).unwrap().as_deref(),
        Some(ws.as_str())
    );
    assert_eq!(
        storage()
            .get_item(&format!("{}origin", prefix()))
            .unwrap()
            .as_deref(),
        Some("\"own\"")
    );
    assert_eq!(storage().get_item("partnerfit.workspace").unwrap(), None);
    assert_eq!(
        storage().get_item("someone-else").unwrap().as_deref(),
        Some("theirs")
    );
    // A deployment that has its own workspace leaves unscoped keys alone.
    storage()
        .set_item("partnerfit.workspace", "another deployment's")
        .unwrap();
    assert_eq!(adopt_unscoped_keys(), 0);
    assert_eq!(
        storage().get_item(&key()).unwrap().as_deref(),
        Some(ws.as_str())
    );
    assert_eq!(
        storage()
            .get_item("partnerfit.workspace")
            .unwrap()
            .as_deref(),
        Some("another deployment's")
    );
    storage().clear().unwrap();
}

mod hostile {
    include!("hostile/workspace_corpus.rs");
}

/// Pick a file of raw bytes in the import panel.
fn pick_bytes(el: &HtmlElement, name: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let file = web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap();
    let dt = web_sys::DataTransfer::new().unwrap();
    dt.items().add_with_file(&file).unwrap();
    let input: HtmlInputElement = el
        .query_selector("input[type=file]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_files(dt.files().as_ref());
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// Every hostile workspace file of the corpus, picked in the import panel
/// over a saved workspace: those the core refuses are refused on the page
/// with their reason, and the stored workspace stays byte for byte what it
/// was; the others are offered for import, with their text shown as text.
#[wasm_bindgen_test]
async fn hostile_workspace_files_change_nothing_stored() {
    storage().clear().unwrap();
    let (el, _h, probe) = mount_state();
    settle(10).await;
    let (ws, _) = probe.get_untracked().unwrap();
    rename(ws, "Stored Co");
    settle(600).await;
    let stored = storage().get_item(&key()).unwrap().expect("saved");
    let before = ws.get_untracked();
    let mut refused = 0;
    for (name, bytes) in hostile::WORKSPACE_CORPUS {
        pick_bytes(&el, name, bytes);
        settle(if bytes.len() > 100_000 { 300 } else { 60 }).await;
        let t = text(&el);
        match format::load_bytes(bytes) {
            Err(e) => {
                refused += 1;
                assert!(
                    t.contains(&format!("{name} was not imported")),
                    "{name}: {t}"
                );
                let first = e.lines().remove(0);
                assert!(t.contains(&first), "{name}: {first:?} not shown");
            }
            Ok(_) => assert!(t.contains("Replace my workspace"), "{name}: {t}"),
        }
        assert_eq!(
            storage().get_item(&key()).unwrap().as_deref(),
            Some(stored.as_str()),
            "{name}"
        );
        assert_eq!(ws.get_untracked(), before, "{name}");
        assert!(
            el.query_selector("img, script").unwrap().is_none(),
            "{name}: markup from the file"
        );
    }
    assert!(refused >= 40, "{refused} refused");
}

// The workspace in parts: IndexedDB requests, another tab's saves read
// late, opening while another tab saves, pruning, leaving mid-save.

/// This page's database of parts.
fn parts_db() -> String {
    format!("{}parts", partnerfit::storage::keys::prefix())
}

/// The events (by type) an IndexedDB open or delete request fires until it
/// succeeds or fails, or 2 s pass.
async fn idb_events(req: &web_sys::IdbOpenDbRequest) -> Vec<String> {
    use std::{cell::RefCell, rc::Rc};
    let seen = Rc::new(RefCell::new(Vec::<String>::new()));
    let record = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new({
        let seen = seen.clone();
        move |e: web_sys::Event| seen.borrow_mut().push(e.type_())
    });
    let f = record.as_ref().unchecked_ref();
    req.set_onsuccess(Some(f));
    req.set_onerror(Some(f));
    req.set_onblocked(Some(f));
    for _ in 0..100 {
        if seen.borrow().iter().any(|t| t == "success" || t == "error") {
            break;
        }
        TimeoutFuture::new(20).await;
    }
    req.set_onsuccess(None);
    req.set_onerror(None);
    req.set_onblocked(None);
    let events = seen.borrow().clone();
    events
}

fn part(key: &str, json: &str) -> partnerfit_core::format::stored_encoder::Part {
    partnerfit_core::format::stored_encoder::Part {
        key: key.into(),
        json: std::sync::Arc::new(json.to_owned()),
    }
}

#[wasm_bindgen_test]
async fn the_parts_database_recovers_from_errors_and_leaves_nothing_open() {
    use partnerfit::storage::parts;
    use std::collections::HashSet;
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let deleted = idb_events(&factory.delete_database(&parts_db()).unwrap()).await;
    assert!(deleted.iter().any(|e| e == "success"), "{deleted:?}");
    // A database of that name without the store of parts: every request fails.
    let made = factory.open_with_u32(&parts_db(), 1).unwrap();
    assert_eq!(idb_events(&made).await, ["success"]);
    made.result()
        .unwrap()
        .unchecked_into::<web_sys::IdbDatabase>()
        .close();
    assert!(parts::put(&[part("p-0", "[0]")]).await.is_err());
    assert!(parts::get(["p-0"].into_iter()).await.is_err());
    assert!(parts::keep_only(&HashSet::new(), f64::INFINITY)
        .await
        .is_err());
    // Nothing was left open by the failures: the database is deleted at
    // once, not blocked by a connection.
    let deleted = idb_events(&factory.delete_database(&parts_db()).unwrap()).await;
    assert_eq!(deleted, ["success"], "a connection was left open");
    // Made afresh, it stores and reads back, round after round.
    for i in 0..8 {
        let (key, json) = (format!("p-{i}"), format!("[{i}]"));
        parts::put(&[part(&key, &json)]).await.unwrap();
        let found = parts::get([key.as_str()].into_iter()).await.unwrap();
        assert_eq!(found.get(&key), Some(&json), "round {i}");
    }
    let found = parts::get(["p-3", "p-7", "absent"].into_iter())
        .await
        .unwrap();
    assert_eq!(found.len(), 2, "absent parts are left out");
    parts::keep_only(&HashSet::from(["p-3".to_string()]), f64::INFINITY)
        .await
        .unwrap();
    let keys: Vec<String> = (0..8).map(|i| format!("p-{i}")).collect();
    let left = parts::get(keys.iter().map(String::as_str)).await.unwrap();
    assert_eq!(left.keys().collect::<Vec<_>>(), ["p-3"]);
    // Parts are stored as Blobs of UTF-8 bytes; one stored as a string, as
    // earlier versions stored them, still reads.
    let opened = factory.open(&parts_db()).unwrap();
    assert_eq!(idb_events(&opened).await, ["success"]);
    let db: web_sys::IdbDatabase = opened.result().unwrap().unchecked_into();
    let tx = db
        .transaction_with_str_and_mode("parts", web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    let put = tx
        .object_store("parts")
        .unwrap()
        .put_with_key(&"[\"é\"]".into(), &"p-old".into())
        .unwrap();
    // A request's result can be read once it is done.
    for _ in 0..100 {
        if put.result().is_ok() {
            break;
        }
        TimeoutFuture::new(20).await;
    }
    assert!(put.result().is_ok(), "the string part was stored");
    db.close();
    let found = parts::get(["p-old", "p-3"].into_iter()).await.unwrap();
    assert_eq!(found.get("p-old").map(String::as_str), Some("[\"é\"]"));
    assert_eq!(found.get("p-3").map(String::as_str), Some("[3]"));
}

/// Another tab stores `text`: written, then announced by a storage event.
fn other_tab_stores(text: &str) {
    storage().set_item(&key(), text).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&key()));
    init.set_new_value(Some(text));
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
}

/// `ws` stored in parts at `revision`, however small: its head, once its
/// parts are written.
async fn stored_in_parts(ws: &partnerfit_core::Workspace, revision: u64) -> String {
    use partnerfit_core::format::stored_encoder::StoredEncoder;
    let encoded = StoredEncoder::default()
        .encode(ws, revision, 0, &mut partnerfit::storage::parts::new_key)
        .unwrap();
    assert!(encoded.keys.is_some(), "in parts");
    partnerfit::storage::parts::put(&encoded.new_parts)
        .await
        .unwrap();
    encoded.head
}

#[wasm_bindgen_test]
async fn an_older_save_of_another_tab_read_late_is_not_applied() {
    storage().clear().unwrap();
    let (_el, _h, probe) = mount_state();
    settle(10).await;
    let (ws, p) = probe.get_untracked().unwrap();
    let (mut older, mut newer) = (ws.get_untracked(), ws.get_untracked());
    older.profile.name = "Older".into();
    newer.profile.name = "Newer".into();
    let older = stored_in_parts(&older, 3).await;
    // The other tab saves revision 3 (in parts: read before it is
    // applied), then at once revision 4.
    other_tab_stores(&older);
    other_tab_stores(&stored::encode(&newer, 4));
    settle(100).await;
    assert_eq!(ws.get_untracked().profile.name, "Newer");
    assert_eq!(p.state.get_untracked(), SaveState::Saved);
    // This tab's next edit is saved over revision 4, not held as a conflict.
    rename(ws, "Mine");
    settle(10).await;
    p.flush();
    assert_eq!(p.state.get_untracked(), SaveState::Saved);
    let now = stored::decode(&storage().get_item(&key()).unwrap().unwrap()).unwrap();
    assert_eq!(
        (now.revision, now.loaded.workspace.profile.name.as_str()),
        (5, "Mine")
    );
}

#[wasm_bindgen_test]
async fn an_edit_made_while_another_tabs_save_is_read_is_kept_as_a_conflict() {
    storage().clear().unwrap();
    let (_el, _h, probe) = mount_state();
    settle(10).await;
    let (ws, p) = probe.get_untracked().unwrap();
    let mut theirs = ws.get_untracked();
    theirs.profile.name = "Theirs".into();
    let theirs = stored_in_parts(&theirs, 3).await;
    other_tab_stores(&theirs);
    // The user edits while this tab reads the other tab's parts.
    rename(ws, "Mine");
    settle(100).await;
    assert_eq!(ws.get_untracked().profile.name, "Mine", "the edit stays");
    assert_eq!(p.state.get_untracked(), SaveState::OtherTab);
    assert!(p.asks_before_leaving(), "unsaved edits");
    p.save_now(false);
    assert_eq!(
        storage().get_item(&key()).unwrap().as_deref(),
        Some(theirs.as_str()),
        "theirs is not overwritten"
    );
    // Choosing theirs loads it, its parts read again.
    p.load_theirs();
    settle(100).await;
    assert_eq!(ws.get_untracked().profile.name, "Theirs");
    assert_eq!(p.state.get_untracked(), SaveState::Saved);
    assert!(!p.asks_before_leaving());
}

#[wasm_bindgen_test]
async fn opening_reads_the_newer_head_when_the_parts_of_the_one_read_are_pruned() {
    use partnerfit::storage::local::unreadable_keys;
    use partnerfit::storage::persist::{open_parts, Opening};
    use partnerfit_core::format::stored_encoder::StoredEncoder;
    storage().clear().unwrap();
    let mut pruned = demo();
    pruned.profile.name = "Pruned".into();
    // Its parts are not in the database (another tab's saves pruned them).
    let pruned = StoredEncoder::default()
        .encode(&pruned, 2, 0, &mut partnerfit::storage::parts::new_key)
        .unwrap()
        .head;
    let mut newer = demo();
    newer.profile.name = "Newer".into();
    let newer = stored_in_parts(&newer, 4).await;
    storage().set_item(&key(), &pruned).unwrap();
    let Opening::Parts { head, keys } = open(&demo) else {
        panic!("a head in parts")
    };
    // Another tab saves while this tab reads the parts.
    storage().set_item(&key(), &newer).unwrap();
    let boot = open_parts(head, keys, &demo).await;
    assert_eq!(
        (boot.workspace.profile.name.as_str(), boot.revision),
        ("Newer", 4)
    );
    assert_eq!(boot.state, SaveState::Saved);
    assert_eq!(boot.recovered, None);
    assert!(unreadable_keys().is_empty(), "nothing set aside");
    // Still the head stored: set aside, as any unreadable value.
    storage().set_item(&key(), &pruned).unwrap();
    let Opening::Parts { head, keys } = open(&demo) else {
        panic!("a head in parts")
    };
    let boot = open_parts(head, keys, &demo).await;
    assert!(boot.recovered.is_some());
    assert_eq!(boot.workspace, demo());
    assert_eq!(unreadable_keys().len(), 1);
    assert_eq!(
        storage()
            .get_item(&unreadable_keys()[0])
            .unwrap()
            .as_deref(),
        Some(pruned.as_str())
    );
    storage().clear().unwrap();
}

/// The page is being left (a `beforeunload` event, as the browser sends):
/// true when the page asks the user first.
fn leaving_is_asked() -> bool {
    let ev = document().create_event("BeforeUnloadEvent").unwrap();
    ev.init_event_with_bubbles_and_cancelable("beforeunload", false, true);
    !web_sys::window().unwrap().dispatch_event(&ev).unwrap()
}

#[wasm_bindgen_test]
async fn leaving_is_asked_only_while_edits_are_unsaved() {
    storage().clear().unwrap();
    let (_el, _h, probe) = mount_state();
    settle(10).await;
    let (ws, p) = probe.get_untracked().unwrap();
    assert!(!p.asks_before_leaving());
    assert!(!leaving_is_asked());
    // A pending save of a workspace stored whole is made as the page is
    // left: nothing to ask.
    rename(ws, "Pending Co");
    settle(10).await;
    assert!(p.asks_before_leaving());
    assert!(!leaving_is_asked());
    let saved = stored::decode(&storage().get_item(&key()).unwrap().unwrap()).unwrap();
    assert_eq!(saved.loaded.workspace.profile.name, "Pending Co");
    settle(10).await;
    assert!(!p.asks_before_leaving(), "removed when all is saved");
    // Edits held by a conflict with another tab are asked about.
    let mut theirs = ws.get_untracked();
    theirs.profile.name = "Theirs".into();
    storage()
        .set_item(&key(), &stored::encode(&theirs, 7))
        .unwrap();
    rename(ws, "Mine");
    settle(10).await;
    p.flush();
    assert_eq!(p.state.get_untracked(), SaveState::OtherTab);
    settle(10).await;
    assert!(leaving_is_asked());
    p.keep_mine();
    settle(10).await;
    assert!(!leaving_is_asked());
    assert!(!p.asks_before_leaving());
}

#[wasm_bindgen_test]
async fn pruning_keeps_the_parts_of_a_head_set_aside() {
    use partnerfit::storage::parts;
    use partnerfit::storage::StorageKey;
    use partnerfit_core::format::stored_encoder::StoredEncoder;
    storage().clear().unwrap();
    // A head set aside at an earlier start, its parts made long ago, and
    // an old part no head names.
    let mut n = 0;
    let set_aside = StoredEncoder::default()
        .encode(&demo(), 2, 0, &mut || {
            n += 1;
            format!("1-set-aside-{n}")
        })
        .unwrap();
    parts::put(&set_aside.new_parts).await.unwrap();
    storage()
        .set_item(
            &StorageKey::Unreadable("20260101-000000".into()).name(),
            &set_aside.head,
        )
        .unwrap();
    parts::put(&[part("1-orphan", "[]")]).await.unwrap();
    let (_el, _h, probe) = mount_state();
    settle(10).await;
    let (ws, p) = probe.get_untracked().unwrap();
    // This tab follows another tab's save in parts, then saves after it:
    // parts no head names are pruned.
    let mut theirs = ws.get_untracked();
    theirs.profile.name = "Theirs".into();
    other_tab_stores(&stored_in_parts(&theirs, 3).await);
    settle(100).await;
    assert_eq!(ws.get_untracked().profile.name, "Theirs");
    rename(ws, "Mine");
    settle(10).await;
    p.flush();
    assert_eq!(p.state.get_untracked(), SaveState::Saved);
    for _ in 0..30 {
        if parts::get(["1-orphan"].into_iter())
            .await
            .unwrap()
            .is_empty()
        {
            break;
        }
        settle(50).await;
    }
    assert!(
        parts::get(["1-orphan"].into_iter())
            .await
            .unwrap()
            .is_empty(),
        "pruned"
    );
    let kept = parts::get(set_aside.new_parts.iter().map(|p| p.key.as_str()))
        .await
        .unwrap();
    assert_eq!(
        kept.len(),
        set_aside.new_parts.len(),
        "the set-aside head's parts"
    );
    storage().clear().unwrap();
}

/// Sealing and opening stretch the passphrase with the browser's Web
/// Crypto: the same key as the core's PBKDF2, while the page's thread keeps
/// running (a timer fires during the stretch; the core's stretch in wasm
/// would hold the thread for the whole second).
#[wasm_bindgen_test]
async fn passphrases_are_stretched_by_web_crypto_off_the_page_thread() {
    use partnerfit::stretch::{by_web_crypto, subtle};
    use partnerfit_core::share::crypto::{Stretched, Stretching, MAX_ITERATIONS};

    let subtle = subtle().expect("the test page is a secure context with Web Crypto");
    for (passphrase, salt, iterations) in [
        ("river otter 42", [7u8; 16], 100_000),
        ("ünïcödé pässphrase ✓", [0u8; 16], 120_000),
    ] {
        let stretching = Stretching { salt, iterations };
        let by_browser = by_web_crypto(&subtle, passphrase, stretching)
            .await
            .expect("Web Crypto stretches");
        assert_eq!(
            by_browser,
            Stretched::derive(passphrase, stretching),
            "{passphrase}"
        );
    }

    let ticker = Ticker::start(5);
    let stretching = Stretching {
        salt: [1; 16],
        iterations: MAX_ITERATIONS,
    };
    by_web_crypto(&subtle, "a long enough passphrase", stretching)
        .await
        .expect("Web Crypto stretches");
    assert!(
        ticker.stop() > 0,
        "no timer ran while the passphrase was stretched"
    );
}

/// A deal export is taken in a slice at a time: timers run meanwhile, the
/// progress moves, Stop leaves the workspace as it was, and the deals the
/// autosave stores (from the part written during the slices) read back
/// after a reload.
#[wasm_bindgen_test]
async fn deals_are_taken_in_a_slice_at_a_time_and_read_back_after_a_reload() {
    use partnerfit::storage::persist::boot;
    use partnerfit::take_in::{take_in, Export, Outcome};
    use partnerfit_core::format::stored::parts_of;
    use partnerfit_core::pipeline::import::{prepare, read_rows};
    use std::cell::Cell;
    use std::rc::Rc;
    use std::sync::Arc;

    // Little room left in localStorage: the pipeline goes to a part.
    let (_el, _h, ws, p) = mount_with_little_room().await;
    let n = 6_000;
    let mut csv = String::from("Record ID,Deal Name,Deal Stage,Amount,Create Date,Close Date,Deal Type,Associated Company,Pipeline,Deal Source,Partner\n");
    for i in 0..n {
        csv.push_str(&format!(
            "{},Deal {i},appointmentscheduled,\"{}.00\",2026-01-05 09:15,2026-03-01,newbusiness,Company {i},Sales Pipeline,Web,\n",
            2_000_000 + i,
            1_000 + i
        ));
    }
    let prepared = prepare(csv.as_bytes()).unwrap();
    let currency = ws.with_untracked(|w| w.profile.currency);
    let rows = Arc::new(
        read_rows(&prepared, &prepared.mapping, currency, &[])
            .unwrap()
            .rows,
    );
    assert_eq!(rows.len(), n);
    let export = || Export {
        rows: rows.clone(),
        date: partnerfit_core::Date::parse("2026-11-30").unwrap(),
        file_name: "deals.csv".into(),
        entropy: 11,
    };
    let before = ws.get_untracked();
    let deals = before.pipeline.opportunities.len();

    // Stopped after the first slice: nothing changed.
    let outcome = take_in(ws, Some(p), export(), |_, _| {}, || true).await;
    assert!(matches!(outcome, Outcome::Cancelled), "{outcome:?}");
    assert!(
        ws.with_untracked(|w| *w == before),
        "stopped: nothing changed"
    );

    let ticker = Ticker::start(0);
    let heard = Rc::new(Cell::new((0usize, 0usize, 0usize)));
    let h = heard.clone();
    let progress = move |got: usize, all: usize| {
        let (calls, last, _) = h.get();
        assert!(got >= last && got <= all, "{got} of {all} after {last}");
        h.set((calls + 1, got, all));
    };
    let outcome = take_in(ws, Some(p), export(), progress, || false).await;
    let ticks = ticker.stop();
    match outcome {
        Outcome::Done(a) => assert_eq!(
            a.summary,
            "take in deals.csv — new: 6,000 deals, updated: 0 deals"
        ),
        other => panic!("{other:?}"),
    }
    let (calls, got, all) = heard.get();
    assert!(calls > 1, "progress heard {calls} times");
    assert_eq!(got, all, "the progress ends full");
    assert!(ticks > 1, "timers ran {ticks} times");
    assert_eq!(
        ws.with_untracked(|w| w.pipeline.opportunities.len()),
        deals + n
    );
    while_pending(p).await;
    assert_eq!(p.state.get_untracked(), SaveState::Saved);
    let head = storage().get_item(&key()).unwrap().unwrap();
    assert!(parts_of(&head).is_some(), "stored in parts");
    assert!(!head.contains("Company 5999"), "the deals are in a part");
    let reloaded = boot(&demo).await;
    assert!(
        ws.with_untracked(|w| &reloaded.workspace == w),
        "the same workspace after a reload"
    );
    storage().remove_item("filler").unwrap();
}
