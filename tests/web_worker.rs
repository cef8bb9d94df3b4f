//! Browser tests of the background worker's plumbing (`web/src/worker`):
//! the pairs' wire form, and what a job sees when the worker cannot start.
//! The worker itself (matching 100,000 × 100,000 off the page's thread) is
//! exercised end to end against the release build (tests/e2e/overlap and
//! storage), where its files exist.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use partnerfit::worker::client::{Event, Flow, Job};
use partnerfit::worker::protocol::{pairs_from_words, pairs_to_words, FromWorker, Side, ToWorker};
use partnerfit::worker::wire;
use partnerfit_core::overlap::matching::{Pair, Reason};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn pair(ours: u32, theirs: u32, reason: Reason, confidence: u8) -> Pair {
    Pair {
        ours,
        theirs,
        reason,
        confidence,
    }
}

#[wasm_bindgen_test]
fn pairs_cross_as_numbers_and_back() {
    let pairs = vec![
        pair(0, 0, Reason::SameDomain, 100),
        pair(7, 3, Reason::SimilarName, 72),
        pair(9, 4, Reason::SameName, 60),
    ];
    let words = pairs_to_words(&pairs);
    assert_eq!(words.len(), 12);
    assert_eq!(pairs_from_words(&words, 10, 5), Ok(pairs));
}

/// Numbers that cannot be this run's pairs are refused, never read as other accounts.
#[wasm_bindgen_test]
fn numbers_that_are_not_pairs_of_this_run_are_refused() {
    let good = pairs_to_words(&[pair(2, 3, Reason::SameDomain, 100)]);
    let check = |words: &[u32], ours: usize, theirs: usize, ok: bool| {
        assert_eq!(
            pairs_from_words(words, ours, theirs).is_ok(),
            ok,
            "{words:?} with {ours} × {theirs}"
        );
    };
    check(&good, 3, 4, true);
    check(&good, 2, 4, false); // our index past our accounts
    check(&good, 3, 3, false); // theirs past theirs
    check(&good[..3], 3, 4, false); // a pair cut short
    check(&[2, 3, 99, 100], 3, 4, false); // no such reason
    check(&[2, 3, 0, 101], 3, 4, false); // confidence over 100
}

#[wasm_bindgen_test]
fn messages_cross_the_wire_with_their_data() {
    let msg = ToWorker::Accounts {
        job: 4,
        side: Side::Theirs,
        rows: vec![["Acme <script>".into(), "acme.com".into(), "DE".into()]],
    };
    let (value, transfer) = wire::encode(&msg, None);
    assert_eq!(transfer.length(), 0);
    let (back, data) = wire::decode::<ToWorker>(&value).unwrap();
    assert!(data.is_none());
    assert_eq!(format!("{back:?}"), format!("{msg:?}"));

    let words = js_sys::Uint32Array::from(&[1u32, 2, 0, 100][..]);
    let (value, transfer) = wire::encode(
        &FromWorker::Matched { job: 4, pairs: 1 },
        Some(wire::Data::Words(words)),
    );
    assert_eq!(
        transfer.length(),
        1,
        "the pairs' buffer is transferred, not copied"
    );
    let (back, data) = wire::decode::<FromWorker>(&value).unwrap();
    assert_eq!(back.job(), 4);
    assert_eq!(
        data.and_then(wire::Data::words).unwrap().to_vec(),
        vec![1, 2, 0, 100]
    );

    let err = wire::decode::<FromWorker>(&wasm_bindgen::JsValue::from_str("hello")).unwrap_err();
    assert!(err.to_string().contains("reload the page"), "{err}");
}

/// What jobs heard, each by its name.
type Heard = Rc<RefCell<Vec<(char, String)>>>;

/// A job named `name` that writes down every event it hears.
fn recording_job(name: char, heard: &Heard) -> Job {
    let heard = heard.clone();
    Job::start(move |e| {
        let what = match e {
            Event::Stopped(why) => why,
            Event::Reply(msg, _) => format!("reply {msg:?}"),
        };
        heard.borrow_mut().push((name, what));
        Flow::More
    })
    .expect("a worker object is created even when its script is missing")
}

/// Wait (up to 5 s) until some job heard something.
async fn until_heard(heard: &Heard) {
    for _ in 0..100 {
        if !heard.borrow().is_empty() {
            return;
        }
        TimeoutFuture::new(50).await;
    }
}

/// The test server has no worker script: the job is told, with a message,
/// instead of waiting forever; a later job tries again.
#[wasm_bindgen_test]
async fn a_worker_that_cannot_load_stops_its_job_with_a_message() {
    for _ in 0..2 {
        let heard = Heard::default();
        let job = recording_job('a', &heard);
        job.send(&ToWorker::Match { job: job.id() }).unwrap();
        until_heard(&heard).await;
        let heard = heard.borrow();
        assert_eq!(heard.len(), 1, "{heard:?}");
        assert!(
            heard[0].1.starts_with("The background worker stopped"),
            "{}",
            heard[0].1
        );
        assert!(!job.running(), "a stopped job no longer waits");
    }
}

/// A cancelled job hears nothing more and cannot send; cancelling it while
/// another job waits does not stop that one (it hears only its own end).
#[wasm_bindgen_test]
async fn a_cancelled_job_is_silent_and_leaves_the_others_waiting() {
    let heard = Heard::default();
    let (a, b) = (recording_job('a', &heard), recording_job('b', &heard));
    a.cancel();
    assert!(!a.running() && b.running());
    assert!(
        a.send(&ToWorker::Match { job: a.id() }).is_err(),
        "a cancelled job cannot send"
    );
    b.send(&ToWorker::Match { job: b.id() }).unwrap();
    until_heard(&heard).await;
    let heard = heard.borrow();
    assert_eq!(heard.len(), 1, "{heard:?}");
    assert_eq!(
        heard[0].0, 'b',
        "only the waiting job hears that the worker stopped"
    );
    assert!(!b.running());
}

/// A deal export's rows, read in the worker, reach the page unchanged:
/// every field of every row crosses the wire and back; a row whose date
/// cannot be read is refused with its line, never taken in as another day.
#[wasm_bindgen_test]
fn deal_rows_cross_the_wire_unchanged() {
    use partnerfit::worker::deals::{DealsSummary, WireDeal};
    use partnerfit_core::demo::demo;
    use partnerfit_core::pipeline::import::{prepare, read_rows, DealRow};

    let ws = demo();
    let partners: Vec<_> = ws
        .partners
        .iter()
        .map(|p| (p.id.clone(), p.name.clone(), p.website.clone()))
        .collect();
    let p = prepare(include_bytes!("e2e/fixtures/deals-week1.csv")).unwrap();
    let read = read_rows(&p, &p.mapping, ws.profile.currency, &partners).unwrap();
    assert!(read.rows.len() >= 4, "{} rows", read.rows.len());
    assert!(
        read.rows
            .iter()
            .any(|r| r.partner.is_some() && r.close.is_some()),
        "the fixture has an attributed deal with a close date"
    );

    let msg = FromWorker::Deals {
        job: 3,
        build: 2,
        rows: read.rows.iter().cloned().map(WireDeal::from).collect(),
    };
    let (value, _) = wire::encode(&msg, None);
    let (back, _) = wire::decode::<FromWorker>(&value).unwrap();
    let FromWorker::Deals {
        job: 3,
        build: 2,
        rows,
    } = back
    else {
        panic!("{back:?}");
    };
    let rows: Vec<DealRow> = rows.into_iter().map(|w| w.try_into().unwrap()).collect();
    assert_eq!(rows, read.rows);

    let mut damaged = WireDeal::from(read.rows[0].clone());
    damaged.created = "2026-02-30".into();
    let e = DealRow::try_from(damaged).unwrap_err();
    assert!(
        e.starts_with(&format!("line {}:", read.rows[0].line)),
        "{e}"
    );

    let summary = DealsSummary {
        rows: rows.len(),
        bad: read.bad.iter().map(ToString::to_string).collect(),
        bad_total: read.bad.len(),
        notes: vec![],
        notes_total: 0,
    };
    let (value, _) = wire::encode(
        &FromWorker::DealsBuilt {
            job: 3,
            build: 2,
            summary: summary.clone(),
        },
        None,
    );
    let (back, _) = wire::decode::<FromWorker>(&value).unwrap();
    assert!(
        matches!(back, FromWorker::DealsBuilt { summary: s, .. } if s == summary),
        "the summary crosses unchanged"
    );
}
