//! Budget of the program view, measured with divan (report the median):
//! portfolio concentration, tiers and the health check over 500 partners
//! and 100,000 opportunities: under 50 ms natively.
//!
//! Native figures use mimalloc, the allocator of the `partnerfit` command line.

use partnerfit_core::program::concentration::concentration;
use partnerfit_core::program::health::health;
use partnerfit_core::program::report::report;
use partnerfit_core::program::tiers::tiers;
use partnerfit_core::{Date, Workspace};

/// The allocator of the `partnerfit` command line, so the figures are what it does.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn today() -> Date {
    Date::parse("2026-11-30").expect("valid date")
}

fn workspace() -> Workspace {
    partnerfit_benches::deals::program_workspace(500, 100_000, 11)
}

/// The budget: concentration, tiers and the health check together.
#[divan::bench(sample_count = 20)]
fn portfolio_tiers_health_100k_deals_500_partners(bencher: divan::Bencher) {
    let ws = workspace();
    bencher.bench(|| {
        let ws = divan::black_box(&ws);
        (
            concentration(ws, today()),
            tiers(ws, today()),
            health(ws, today()),
        )
    });
}

#[divan::bench(sample_count = 20)]
fn concentration_100k_deals_500_partners(bencher: divan::Bencher) {
    let ws = workspace();
    bencher.bench(|| concentration(divan::black_box(&ws), today()));
}

#[divan::bench(sample_count = 20)]
fn tiers_100k_deals_500_partners(bencher: divan::Bencher) {
    let ws = workspace();
    bencher.bench(|| tiers(divan::black_box(&ws), today()));
}

#[divan::bench(sample_count = 20)]
fn health_100k_deals_500_partners(bencher: divan::Bencher) {
    let ws = workspace();
    bencher.bench(|| health(divan::black_box(&ws), today()));
}

/// Everything `partnerfit program` computes (with the number and the plan).
#[divan::bench(sample_count = 20)]
fn program_report_100k_deals_500_partners(bencher: divan::Bencher) {
    let ws = workspace();
    bencher.bench(|| report(divan::black_box(&ws), today()).text().len());
}
