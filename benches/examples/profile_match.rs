//! Profile matching alone (for perf).
use partnerfit_core::overlap::matching::{keys_of, match_all};
use partnerfit_core::overlap::normalize::Psl;

fn main() {
    let (ours, theirs) = partnerfit_benches::account_lists(100_000, 3);
    let psl = Psl::embedded();
    let ok = keys_of(psl, &ours);
    let tk = keys_of(psl, &theirs);
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..5 {
        n += match_all(&ok, &tk).len();
    }
    println!("{n} {:?} per match", t.elapsed() / 5);
}
