//! Time the parts of normalisation separately.
use partnerfit_core::overlap::country::country_key;
use partnerfit_core::overlap::normalize::{domain_key, host_of, name_key, Psl};
use std::time::Instant;

fn main() {
    let (ours, _) = partnerfit_benches::account_lists(100_000, 3);
    let psl = Psl::embedded();
    for _ in 0..3 {
        let t = Instant::now();
        let n: usize = ours
            .iter()
            .map(|a| host_of(&a.domain).ok().flatten().map_or(0, |h| h.len()))
            .sum();
        let t1 = t.elapsed();
        let m: usize = ours
            .iter()
            .map(|a| domain_key(psl, &a.domain).key().map_or(0, |k| k.len()))
            .sum();
        let t2 = t.elapsed();
        let k: usize = ours.iter().map(|a| name_key(&a.name).len()).sum();
        let t3 = t.elapsed();
        let c: usize = ours.iter().map(|a| country_key(&a.country).len()).sum();
        let t4 = t.elapsed();
        println!(
            "host {t1:?} domain_key {:?} name_key {:?} country {:?} ({n} {m} {k} {c})",
            t2 - t1,
            t3 - t2,
            t4 - t3
        );
    }
}
