//! Matching quality on a labelled set of 2,884 account pairs with the
//! variants real exports have (tests/fixtures/match_pairs.csv, built by
//! make_match_pairs.py): precision must stay ≥ 0.99 and recall ≥ 0.98 on the
//! whole set (the issue asks 0.9; 0.994 is measured), and recall ≥ 0.95 on
//! the Western Europe and North America pairs; the rest are companies of fourteen other countries, e-mail
//! only rows, rebrands that kept their domain and typos without domains.

use std::collections::BTreeMap;

use partnerfit_core::overlap::account::Account;
use partnerfit_core::overlap::matching::{keys_of, match_all};
use partnerfit_core::overlap::normalize::Psl;
use partnerfit_core::overlap::population::Population;

fn account(name: &str, domain: &str, country: &str) -> Account {
    Account::for_matching(1, name, domain, country, Population::Customer)
}

#[derive(Default, Debug)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

#[test]
fn precision_and_recall_on_the_labelled_set() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/match_pairs.csv"
    );
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let psl = Psl::embedded();
    let mut total = Counts::default();
    let mut western = Counts::default();
    let mut by_variant: BTreeMap<String, Counts> = BTreeMap::new();
    let mut mistakes = Vec::new();
    for rec in rdr.records() {
        let r = rec.unwrap();
        let (o, t) = (account(&r[0], &r[1], &r[2]), account(&r[3], &r[4], &r[5]));
        let same = &r[6] == "1";
        let matched = !match_all(&keys_of(psl, [&o]), &keys_of(psl, [&t])).is_empty();
        let c = by_variant.entry(r[7].to_owned()).or_default();
        let world =
            r[7].starts_with("world") || matches!(&r[7], "e-mail only" | "rebrand, same domain");
        let mut w = Counts::default();
        for c in [c, &mut total, if world { &mut w } else { &mut western }] {
            match (same, matched) {
                (true, true) => c.tp += 1,
                (false, true) => c.fp += 1,
                (true, false) => c.fn_ += 1,
                (false, false) => c.tn += 1,
            }
        }
        if same != matched && mistakes.len() < 15 {
            mistakes.push(format!(
                "{} | {:?} ~ {:?} (same={same})",
                &r[7],
                (&r[0], &r[1], &r[2]),
                (&r[3], &r[4], &r[5])
            ));
        }
    }
    let pairs = total.tp + total.fp + total.fn_ + total.tn;
    let precision = total.tp as f64 / (total.tp + total.fp) as f64;
    let recall = total.tp as f64 / (total.tp + total.fn_) as f64;
    println!("{pairs} pairs: precision {precision:.4}, recall {recall:.4}");
    for (v, c) in &by_variant {
        println!(
            "  {v:<28} matched {:>4} of {:>4} same, {:>3} of {:>4} different",
            c.tp,
            c.tp + c.fn_,
            c.fp,
            c.fp + c.tn
        );
    }
    for m in &mistakes {
        println!("  miss: {m}");
    }
    let western_recall = western.tp as f64 / (western.tp + western.fn_) as f64;
    println!("Western Europe and North America: recall {western_recall:.4}");
    assert!(pairs >= 2880);
    assert!(precision >= 0.99, "precision {precision}");
    assert!(recall >= 0.98, "recall {recall}");
    assert!(western_recall >= 0.95, "recall {western_recall}");
}
