//! `import::read_for_matching` (the CLI's streamed reading) gives what
//! `prepare`, `accounts` and `keys_of` give: the same accounts' lines,
//! names, populations and keys, the same skipped rows, the same errors, on
//! the hostile CSV corpora and on generated exports.

use partnerfit_core::overlap::import::{accounts, default_population, prepare, read_for_matching};
use partnerfit_core::overlap::matching::keys_of;
use partnerfit_core::overlap::normalize::Psl;
use proptest::prelude::*;

fn same(bytes: &[u8], what: &str) {
    let psl = Psl::embedded();
    let whole = prepare(bytes).map_err(|e| e.to_string()).and_then(|p| {
        let population = default_population(&p.mapping);
        accounts(&p, &p.mapping, population, None).map_err(|e| e.to_string())
    });
    let streamed = read_for_matching(psl, bytes);
    match (whole, streamed) {
        (Ok(built), Ok(side)) => {
            let a = &built.accounts;
            assert_eq!(side.len(), a.len(), "{what}");
            assert_eq!(
                side.lines,
                a.iter().map(|a| a.line).collect::<Vec<_>>(),
                "{what}"
            );
            assert_eq!(
                side.populations,
                a.iter().map(|a| a.population).collect::<Vec<_>>(),
                "{what}"
            );
            let names: Vec<&str> = (0..side.len()).map(|i| side.name(i)).collect();
            assert_eq!(
                names,
                a.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
                "{what}"
            );
            assert_eq!(side.keys, keys_of(psl, a), "{what}");
            assert_eq!(side.bad, built.bad, "{what}");
        }
        (Err(e), Err(f)) => assert_eq!(e, f.to_string(), "{what}"),
        (w, s) => panic!("{what}: whole {w:?}, streamed {s:?}"),
    }
}

#[test]
fn the_hostile_corpora() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/hostile");
    let mut n = 0;
    for dir in ["accounts-csv", "deals-csv"] {
        for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
            let path = entry.unwrap().path();
            same(&std::fs::read(&path).unwrap(), &path.display().to_string());
            n += 1;
        }
    }
    assert!(n > 50, "{n} files");
}

#[test]
fn exports_with_statuses_addresses_and_long_names() {
    let long = "L".repeat(301);
    let cases = [
        "Account Name,Website,Primary Contact Email,Country,Type\n\
         Acme,acme.com,jane@other.com,US,Customer\n\
         Beta Ltda.,,joao@beta.com.br,BR,Prospect\n\
         Gamma Pvt Ltd,, ravi@gmail.com ,IN,\n\
         ,,,DE,Customer\n\
         Delta,,,Deutschland,closed_won\n"
            .to_owned(),
        format!("Company name,Domain\n{long},long.com\nShort,short.com\n"),
        "Contact Email,Lifecycle Stage\nsales@acme.com,Customer\n".to_owned(),
        "Report\nExported today\nCompany,Website,Status\nA,a.com,Customer,extra\nB,b.com,Lead,\n\"C\nD\",c.com\n\"open,x\n".to_owned(),
        "Owner,Industry\nJane,Retail\n".to_owned(),
    ];
    for c in &cases {
        same(c.as_bytes(), c);
    }
}

proptest! {
    #[test]
    fn generated_exports(
        rows in prop::collection::vec(
            (
                prop::sample::select(vec!["Acme GmbH", "acme", "Müller Spedition", "", " Beta Inc. ", "\"Q, R\""]),
                prop::sample::select(vec!["acme.com", "https://www.acme.de/x", "", "jane@gmail.com", "not a domain"]),
                prop::sample::select(vec!["DE", "Germany", "", "United States"]),
                prop::sample::select(vec!["Customer", "Open deal", "", "lead"]),
            ),
            0..30,
        ),
        header in prop::sample::select(vec![
            "Company name,Website,Country,Lifecycle Stage",
            "Name,Email,Country",
            "Title line\nAccount,Domain",
        ]),
    ) {
        let mut csv = format!("{header}\n");
        for (name, site, country, status) in rows {
            csv.push_str(&format!("{name},{site},{country},{status}\n"));
        }
        same(csv.as_bytes(), &csv);
    }
}
