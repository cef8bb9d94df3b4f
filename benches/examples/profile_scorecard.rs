//! Time the scorecard pipeline's phases: `cargo run --release --example profile_scorecard N`.
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let ws = partnerfit_benches::workspace(n, 11);
    for _ in 0..5 {
        let t = Instant::now();
        let evals = partnerfit_core::scorecard::evaluate_all(&ws);
        let t1 = t.elapsed();
        let ranking = partnerfit_core::scorecard::rank(&evals);
        let t2 = t.elapsed();
        let sens = partnerfit_core::scorecard::sensitivity(&ws, &evals, &ranking);
        let t3 = t.elapsed();
        drop((evals, ranking, sens));
        let t4 = t.elapsed();
        println!(
            "evaluate {t1:?} rank {:?} sensitivity {:?} drop {:?}",
            t2 - t1,
            t3 - t2,
            t4 - t3
        );
    }
}
