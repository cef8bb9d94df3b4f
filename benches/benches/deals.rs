//! Deal imports, measured with divan (report the median), on a generated
//! HubSpot deals export of 100,000 rows (the most one import takes):
//! - reading it (`prepare` + `read_rows`), absorbing the rows into an empty
//!   pipeline, and both together;
//! - a later export of the same pipeline (a tenth of the deals one stage
//!   on, 2,000 deals left out by the export's filter, 2,000 new ones)
//!   read and absorbed, and absorbed alone;
//! - the same export absorbed again (nothing changes).
//!
//! Native figures use mimalloc, the allocator of the `partnerfit` command line.

use partnerfit_benches::Lcg;
use partnerfit_core::pipeline::absorb::absorb;
use partnerfit_core::pipeline::import::{prepare, read_rows, DealRow};
use partnerfit_core::pipeline::Pipeline;
use partnerfit_core::{Currency, Date, Id};

/// The allocator of the `partnerfit` command line, so the figures are what it does.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const N: usize = 100_000;
const CHANGED: usize = 2_000;
const STAGES: [&str; 7] = [
    "appointmentscheduled",
    "qualifiedtobuy",
    "presentationscheduled",
    "decisionmakerboughtin",
    "contractsent",
    "closedwon",
    "closedlost",
];

/// Fifty workspace partners; the export also names ten the workspace lacks.
fn partners() -> Vec<(Id, String, String)> {
    (0..50)
        .map(|i| {
            (
                Id::parse(&format!("p-{i}")).expect("valid id"),
                format!("Partner {i} Consulting"),
                format!("https://partner{i}.example"),
            )
        })
        .collect()
}

/// A HubSpot deals export of `N` rows; `later` moves every tenth open deal
/// one stage on, leaves out the first `CHANGED` deals and adds `CHANGED`
/// new ones.
fn export(later: bool) -> Vec<u8> {
    let start = Date::parse("2026-01-01").expect("valid date");
    let mut csv = String::with_capacity(N * 160);
    csv.push_str("Record ID,Deal Name,Deal Stage,Amount,Create Date,Close Date,Deal Type,Associated Company,Pipeline,Deal Source,Partner\n");
    let range = if later { CHANGED..N + CHANGED } else { 0..N };
    for i in range {
        let mut r = Lcg::new(i as u64 * 7919 + 1);
        let mut stage = r.below(7) as usize;
        if later && i % 10 == 0 && stage < 5 {
            stage += 1;
        }
        let created = start.add_days(r.below(270) as i64);
        let close = created.add_days(30 + r.below(120) as i64);
        let kind = ["newbusiness", "existingbusiness", "Renewal"][r.below(3) as usize];
        let source = ["Partner", "Web", "", "Referral"][r.below(4) as usize];
        let partner = if r.below(4) == 0 {
            format!("Partner {} Consulting", r.below(60))
        } else {
            String::new()
        };
        csv.push_str(&format!(
            "{},Deal {i},{},\"{}.00\",{created} 09:15,{close},{kind},Company {},Sales Pipeline,{source},{partner}\n",
            1_000_000 + i,
            STAGES[stage],
            1_000 + r.below(100_000),
            r.below(40_000),
        ));
    }
    csv.into_bytes()
}

/// The rows of an export, read as the app reads them (every row good).
fn read(bytes: &[u8], partners: &[(Id, String, String)]) -> Vec<DealRow> {
    let prepared = prepare(bytes).expect("a CSV");
    let read =
        read_rows(&prepared, &prepared.mapping, Currency::USD, partners).expect("within limits");
    assert!(read.bad.is_empty(), "{}", read.bad[0]);
    read.rows
}

fn rows(bytes: &[u8]) -> Vec<DealRow> {
    read(bytes, &partners())
}

/// The pipeline after the week-1 export.
fn week1() -> Pipeline {
    absorb(
        &Pipeline::default(),
        &rows(&export(false)),
        day("2026-10-05"),
        "week1.csv",
        7,
    )
    .pipeline
}

fn day(s: &str) -> Date {
    Date::parse(s).expect("valid date")
}

#[divan::bench(sample_count = 10)]
fn read_100k(bencher: divan::Bencher) {
    let bytes = export(false);
    let partners = partners();
    eprintln!("read_100k: export of {} bytes", bytes.len());
    bencher.bench(|| {
        let prepared = prepare(divan::black_box(&bytes)).expect("a CSV");
        read_rows(&prepared, &prepared.mapping, Currency::USD, &partners)
            .expect("within limits")
            .rows
            .len()
    });
}

#[divan::bench(sample_count = 10)]
fn absorb_100k_new(bencher: divan::Bencher) {
    let rows = rows(&export(false));
    let empty = Pipeline::default();
    bencher.bench(|| {
        absorb(
            &empty,
            divan::black_box(&rows),
            day("2026-10-05"),
            "deals.csv",
            7,
        )
        .taken
        .created
    });
}

#[divan::bench(sample_count = 10)]
fn import_100k(bencher: divan::Bencher) {
    let bytes = export(false);
    let partners = partners();
    let empty = Pipeline::default();
    bencher.bench(|| {
        absorb(
            &empty,
            &read(divan::black_box(&bytes), &partners),
            day("2026-10-05"),
            "deals.csv",
            7,
        )
        .taken
        .created
    });
}

#[divan::bench(sample_count = 10)]
fn reimport_later_100k(bencher: divan::Bencher) {
    let first = week1();
    let bytes = export(true);
    let partners = partners();
    bencher.bench(|| {
        absorb(
            &first,
            &read(divan::black_box(&bytes), &partners),
            day("2026-10-19"),
            "week3.csv",
            8,
        )
        .taken
        .updated
    });
}

#[divan::bench(sample_count = 10)]
fn reabsorb_later_100k(bencher: divan::Bencher) {
    let first = week1();
    let later = rows(&export(true));
    let taken = absorb(&first, &later, day("2026-10-19"), "week3.csv", 8).taken;
    eprintln!(
        "reabsorb_later_100k: {} created, {} updated, {} unchanged",
        taken.created, taken.updated, taken.unchanged
    );
    bencher.bench(|| {
        absorb(
            &first,
            divan::black_box(&later),
            day("2026-10-19"),
            "week3.csv",
            8,
        )
        .taken
        .updated
    });
}

#[divan::bench(sample_count = 10)]
fn reabsorb_same_100k(bencher: divan::Bencher) {
    let rows = rows(&export(false));
    let first = absorb(
        &Pipeline::default(),
        &rows,
        day("2026-10-05"),
        "week1.csv",
        7,
    )
    .pipeline;
    bencher.bench(|| {
        absorb(
            &first,
            divan::black_box(&rows),
            day("2026-10-12"),
            "week1.csv",
            8,
        )
        .taken
        .unchanged
    });
}

/// A workspace holding the partners the export names (the first fifty).
fn workspace_of_partners() -> partnerfit_core::Workspace {
    use partnerfit_core::partner::{Partner, PartnerType};
    let mut ws = partnerfit_benches::workspace(0, 7);
    ws.partners = partners()
        .into_iter()
        .map(|(id, name, website)| {
            let mut p = Partner::new(id, name, PartnerType::Services, day("2026-01-05"));
            p.website = website;
            std::sync::Arc::new(p)
        })
        .collect();
    ws
}

/// The whole "Take in the deals" edit on the page: 100,000 rows checked,
/// absorbed into an empty pipeline, the workspace's size checked; and the
/// step undone.
#[divan::bench(sample_count = 10)]
fn take_in_100k_edit_and_undo(bencher: divan::Bencher) {
    use partnerfit_core::edit::history::History;
    use partnerfit_core::edit::{pipeline::PipelineEdit, Edit};
    let rows = std::sync::Arc::new(rows(&export(false)));
    let mut ws = workspace_of_partners();
    let mut history = History::default();
    bencher.bench_local(|| {
        let edit = Edit::Pipeline(PipelineEdit::Import {
            rows: rows.clone(),
            date: day("2026-10-05"),
            file_name: "deals.csv".into(),
            entropy: 7,
        });
        history.apply(&mut ws, edit, 0).expect("accepted");
        history.undo(&mut ws).expect("one step");
    });
}

/// What the workspace file weighs once it holds 100,000 deals (every
/// edit that can grow the workspace asks).
#[divan::bench(sample_count = 10)]
fn file_len_with_100k_deals(bencher: divan::Bencher) {
    let mut ws = workspace_of_partners();
    ws.pipeline = std::sync::Arc::new(week1());
    bencher.bench(|| partnerfit_core::format::file_len(divan::black_box(&ws)));
}

/// The autosave of a workspace holding 100,000 deals after an edit that
/// left the pipeline as it was (the opportunities' part is kept).
#[divan::bench(sample_count = 10)]
fn autosave_with_100k_deals_unchanged(bencher: divan::Bencher) {
    use partnerfit_core::format::stored_encoder::StoredEncoder;
    let mut ws = workspace_of_partners();
    ws.pipeline = std::sync::Arc::new(week1());
    let mut encoder = StoredEncoder::default();
    let mut n = 0;
    let mut key = || {
        n += 1;
        format!("part-{n}")
    };
    encoder.encode(&ws, 1, 1_000_000, &mut key).expect("saved");
    bencher.bench_local(|| {
        encoder
            .encode(divan::black_box(&ws), 2, 1_000_000, &mut key)
            .expect("saved")
            .head
            .len()
    });
}
