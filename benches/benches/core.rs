//! Budgets of the core, measured with divan (report the median):
//! - validate + import a 2 MB workspace file: under 50 ms;
//! - score, gate, rank and run the sensitivity analysis for 10,000 partners: under 50 ms.

use partnerfit_core::{format, scorecard};

fn main() {
    divan::main();
}

/// The synthetic workspace whose file is closest to 2 MB.
fn two_megabyte_file() -> String {
    let mut n = 800;
    loop {
        let text = format::save(&partnerfit_benches::workspace(n, 7));
        if text.len() >= 2_000_000 {
            return text;
        }
        n += 100;
    }
}

#[divan::bench]
fn import_2mb_workspace(bencher: divan::Bencher) {
    let text = two_megabyte_file();
    eprintln!("import_2mb_workspace: file of {} bytes", text.len());
    bencher.bench(|| format::load(divan::black_box(&text)).expect("valid"));
}

#[divan::bench]
fn scorecard_10k_partners(bencher: divan::Bencher) {
    let ws = partnerfit_benches::workspace(10_000, 11);
    bencher.bench(|| {
        let evals = scorecard::evaluate_all(divan::black_box(&ws));
        let ranking = scorecard::rank(&evals);
        let sens = scorecard::sensitivity(&ws, &evals, &ranking);
        (ranking.len(), sens.len())
    });
}

#[divan::bench]
fn scorecard_10k_evaluate_only(bencher: divan::Bencher) {
    let ws = partnerfit_benches::workspace(10_000, 11);
    bencher.bench(|| scorecard::evaluate_all(divan::black_box(&ws)).len());
}

#[divan::bench]
fn scorecard_10k_rank_only(bencher: divan::Bencher) {
    let ws = partnerfit_benches::workspace(10_000, 11);
    let evals = scorecard::evaluate_all(&ws);
    bencher.bench(|| scorecard::rank(divan::black_box(&evals)).len());
}

#[divan::bench]
fn scorecard_10k_sensitivity_only(bencher: divan::Bencher) {
    let ws = partnerfit_benches::workspace(10_000, 11);
    let evals = scorecard::evaluate_all(&ws);
    let ranking = scorecard::rank(&evals);
    bencher.bench(|| scorecard::sensitivity(&ws, divan::black_box(&evals), &ranking).len());
}
