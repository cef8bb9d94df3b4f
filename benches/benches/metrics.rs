//! Budget of the governance metrics, measured with divan (report the
//! median): the metrics report over 100,000 opportunities and 500 partners
//! (pipeline created, funnel, win rate, cycle time, retention, plan against
//! actual with two model runs per partner), by month over two years: under
//! 100 ms.
//!
//! Native figures use mimalloc, the allocator of the `partnerfit` command line.

use partnerfit_core::governance::{report, Period, Window};

/// The allocator of the `partnerfit` command line, so the figures are what it does.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn window() -> Window {
    let from = partnerfit_benches::deals::first_day();
    Window::new(from, from.add_days(729))
}

#[divan::bench(args = [Period::Month, Period::Quarter], sample_count = 20)]
fn metrics_100k_deals_500_partners(bencher: divan::Bencher, period: Period) {
    let ws = partnerfit_benches::deals::pipeline_workspace(500, 100_000, 11);
    bencher.bench(|| report(divan::black_box(&ws), window(), period));
}

#[divan::bench(sample_count = 20)]
fn metrics_text_100k_deals_500_partners(bencher: divan::Bencher) {
    let ws = partnerfit_benches::deals::pipeline_workspace(500, 100_000, 11);
    bencher.bench(|| {
        report(divan::black_box(&ws), window(), Period::Month)
            .text()
            .len()
    });
}
