//! Budgets of the core, measured with divan (report the median):
//! - validate + import a 2 MB workspace file: under 50 ms;
//! - score, gate, rank and run the sensitivity analysis for 10,000 partners: under 50 ms;
//! - normalise and match 100,000 × 100,000 accounts on one core: under 300 ms.

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

#[divan::bench(sample_count = 20)]
fn overlap_100k_x_100k(bencher: divan::Bencher) {
    use partnerfit_core::overlap::matching::{keys_of, match_all};
    use partnerfit_core::overlap::normalize::Psl;
    let (ours, theirs) = partnerfit_benches::account_lists(100_000, 3);
    let psl = Psl::embedded();
    bencher.bench(|| {
        let ok = keys_of(psl, divan::black_box(&ours));
        let tk = keys_of(psl, divan::black_box(&theirs));
        match_all(&ok, &tk).len()
    });
}

#[divan::bench(sample_count = 20)]
fn overlap_normalise_100k(bencher: divan::Bencher) {
    use partnerfit_core::overlap::matching::keys_of;
    use partnerfit_core::overlap::normalize::Psl;
    let (ours, _) = partnerfit_benches::account_lists(100_000, 3);
    let psl = Psl::embedded();
    bencher.bench(|| keys_of(psl, divan::black_box(&ours)).len());
}
