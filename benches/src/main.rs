//! Synthetic data for the benchmarks:
//! - `synthetic-workspace N [SEED]`: a workspace file with N partners on stdout;
//! - `synthetic-workspace accounts N OURS.csv THEIRS.csv`: two CRM exports of N accounts;
//! - `synthetic-workspace with-accounts N`: a workspace file with five partners,
//!   our list of N accounts and a partner's list of N;
//! - `synthetic-workspace partners-and-accounts P N`: P partners, our list of
//!   N accounts and a partner's list of N (the edit budget's workspace).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("accounts") {
        let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
        let (ours, theirs) = partnerfit_benches::account_lists(n, 3);
        for (path, list) in [(&args[2], ours), (&args[3], theirs)] {
            let mut w = csv::Writer::from_path(path).expect("writable path");
            w.write_record(["Company name", "Website", "Country", "Lifecycle Stage"])
                .unwrap();
            for a in list {
                w.write_record([&a.name, &a.domain, &a.country, a.population.label()])
                    .unwrap();
            }
            w.flush().unwrap();
        }
        return;
    }
    if args.first().map(String::as_str) == Some("partners-and-accounts") {
        let p: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(500);
        let n: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(100_000);
        print!(
            "{}",
            partnerfit_core::format::save(&partnerfit_benches::partners_and_accounts(p, n))
        );
        return;
    }
    if args.first().map(String::as_str) == Some("with-accounts") {
        let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(20_000);
        print!(
            "{}",
            partnerfit_core::format::save(&partnerfit_benches::workspace_with_accounts(n))
        );
        return;
    }
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(500);
    let seed: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(7);
    print!(
        "{}",
        partnerfit_core::format::save(&partnerfit_benches::workspace(n, seed))
    );
}

use partnerfit_core::vocab::Vocabulary;
