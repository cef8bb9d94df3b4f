//! Time the overlap phases: `cargo run --release --example profile_overlap N`.
use std::time::Instant;

use partnerfit_core::overlap::matching::{keys_of, match_all};
use partnerfit_core::overlap::normalize::Psl;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let (ours, theirs) = partnerfit_benches::account_lists(n, 3);
    let psl = Psl::embedded();
    for _ in 0..3 {
        let t = Instant::now();
        let ok = keys_of(psl, &ours);
        let tk = keys_of(psl, &theirs);
        let t1 = t.elapsed();
        let pairs = match_all(&ok, &tk);
        let t2 = t.elapsed();
        println!("normalise {t1:?} match {:?} pairs {}", t2 - t1, pairs.len());
    }
}
