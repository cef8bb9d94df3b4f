//! Profile normalisation alone (for perf).
use partnerfit_core::overlap::matching::keys_of;
use partnerfit_core::overlap::normalize::Psl;

fn main() {
    let (ours, _) = partnerfit_benches::account_lists(100_000, 3);
    let psl = Psl::embedded();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..5 {
        n += keys_of(psl, &ours).len();
    }
    println!("{n} {:?} per 100k", t.elapsed() / 5);
}
