//! Profile ranking alone (for perf).
fn main() {
    let ws = partnerfit_benches::workspace(10_000, 11);
    let evals = partnerfit_core::scorecard::evaluate_all(&ws);
    let mut n = 0;
    let t = std::time::Instant::now();
    for _ in 0..30 {
        n += partnerfit_core::scorecard::rank(&evals).len();
    }
    println!("{n} {:?} per rank", t.elapsed() / 30);
}
