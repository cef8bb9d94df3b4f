//! Hostile CSV headers, measured with divan (report the median): a header
//! row of 100,000 and of 300,000 columns, refused by the account-list and
//! the deal import (`prepare`, as the app and the command line call it).
//! The refusal (`CsvError::TooManyColumns`, past `MAX_COLUMNS`) comes
//! before header detection and column mapping, so its cost is reading the
//! bytes: it grows with the file, never faster. Before the limit, 300,000
//! columns took about 4 s to refuse and 100,000 about 1.1 s; with it
//! (2026-11-30, 2 shared cores): accounts 12.8 ms and 35.1 ms, deals
//! 7.4 ms and 31.3 ms.
//!
//! Native figures use mimalloc, the allocator of the `partnerfit` command line.

use partnerfit_core::overlap::csv_import::CsvError;
use partnerfit_core::{overlap, pipeline};

/// The allocator of the `partnerfit` command line, so the figures are what it does.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// A header row of `columns` distinct names and one short record.
fn wide(columns: usize) -> Vec<u8> {
    let mut csv: String = (0..columns)
        .map(|i| format!("Column {i}"))
        .collect::<Vec<_>>()
        .join(",");
    csv.push_str("\nAcme,acme.com\n");
    csv.into_bytes()
}

const COLUMNS: [usize; 2] = [100_000, 300_000];

#[divan::bench(args = COLUMNS, sample_count = 20)]
fn refuse_wide_account_header(bencher: divan::Bencher, columns: usize) {
    let bytes = wide(columns);
    bencher.bench(|| {
        let e = overlap::import::prepare(divan::black_box(&bytes)).unwrap_err();
        assert!(matches!(e, CsvError::TooManyColumns { line: 1, .. }));
    });
}

#[divan::bench(args = COLUMNS, sample_count = 20)]
fn refuse_wide_deal_header(bencher: divan::Bencher, columns: usize) {
    let bytes = wide(columns);
    bencher.bench(|| {
        let e = pipeline::import::prepare(divan::black_box(&bytes)).unwrap_err();
        assert!(matches!(e, CsvError::TooManyColumns { line: 1, .. }));
    });
}
