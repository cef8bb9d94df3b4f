//! `synthetic-workspace N [SEED]`: print a workspace file with N synthetic partners.

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    print!(
        "{}",
        partnerfit_core::format::save(&partnerfit_benches::workspace(n, seed))
    );
}
