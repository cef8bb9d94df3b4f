//! Countries to ISO 3166-1 alpha-2 codes, from maintained data.
//!
//! `data/countries.tsv` holds every country of ISO 3166-1 as the `keshvar`
//! crate has it: both codes, the ISO short and long names, and the names
//! people write in several languages ("Deutschland", "Korea (Republic of)",
//! "Türkiye"), plus a few aliases from `data/country_aliases.tsv` ("UK",
//! "UAE"). `core/tests/countries.rs` keeps the file equal to the crate.
//!
//! A cell is folded ([`fold_words`]: case, accents and punctuation dropped,
//! no legal forms or "the" removed) and looked up: codes first, then names. A name two
//! countries claim is dropped rather than guessed. A cell no row names stays
//! as folded text, so two spellings of an unknown place still meet.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::normalize::fold_words;

static TABLE: &str = include_str!("../../data/countries.tsv");

/// Folded code or name → alpha-2 code (lower case).
fn table() -> &'static FxHashMap<String, [u8; 2]> {
    static MAP: OnceLock<FxHashMap<String, [u8; 2]>> = OnceLock::new();
    MAP.get_or_init(|| {
        let rows: Vec<(Vec<&str>, [u8; 2])> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| {
                let b = l.as_bytes();
                let code = [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()];
                (l.split('\t').collect(), code)
            })
            .collect();
        let mut map: FxHashMap<String, [u8; 2]> = FxHashMap::default();
        // Codes: alpha-2 and alpha-3, which never collide with each other.
        for (cells, code) in &rows {
            map.insert(cells[0].to_ascii_lowercase(), *code);
            map.insert(cells[1].to_ascii_lowercase(), *code);
        }
        // Names, unless a code or another country has them.
        let mut claimed: FxHashMap<String, [u8; 2]> = FxHashMap::default();
        let mut ambiguous = rustc_hash::FxHashSet::default();
        for (cells, code) in &rows {
            for name in &cells[2..] {
                let k = fold(name);
                if k.is_empty() || map.contains_key(&k) {
                    continue;
                }
                match claimed.get(&k) {
                    Some(other) if other != code => {
                        ambiguous.insert(k);
                    }
                    _ => {
                        claimed.insert(k, *code);
                    }
                }
            }
        }
        map.extend(claimed.into_iter().filter(|(k, _)| !ambiguous.contains(k)));
        map
    })
}

fn fold(text: &str) -> String {
    let mut c = fold_words(text);
    if c.split(' ').all(|t| t.chars().count() == 1) {
        c.retain(|ch| ch != ' '); // "U.S.A." → "usa"
    }
    c
}

/// A country cell as an ISO 3166-1 alpha-2 code (lower case) when
/// recognised, else folded text.
pub fn country_key(country: &str) -> String {
    let c = fold(country);
    match table().get(&c) {
        Some(code) => code.iter().map(|b| char::from(*b)).collect(),
        None => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_names_and_aliases() {
        for (raw, expected) in [
            ("Germany", "de"),
            ("DE", "de"),
            ("deu", "de"),
            ("Deutschland", "de"),
            ("United Kingdom", "gb"),
            ("UK", "gb"),
            ("England", "gb"),
            ("U.S.A.", "us"),
            ("United States of America", "us"),
            ("IND", "in"),
            ("India", "in"),
            ("IN", "in"),
            ("ZA", "za"),
            ("South Africa", "za"),
            ("UAE", "ae"),
            ("United Arab Emirates", "ae"),
            ("Korea, Republic of", "kr"),
            ("Korea (Republic of)", "kr"),
            ("South Korea", "kr"),
            ("North Korea", "kp"),
            ("Türkiye", "tr"),
            ("Turkey", "tr"),
            ("TUR", "tr"),
            ("Brasil", "br"),
            ("México", "mx"),
            ("Côte d'Ivoire", "ci"),
            ("Viet Nam", "vn"),
            ("The Netherlands", "nl"),
            ("Atlantis", "atlantis"),
            ("", ""),
        ] {
            assert_eq!(country_key(raw), expected, "{raw}");
        }
    }

    #[test]
    fn every_code_of_the_table_is_known() {
        let rows = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty());
        let mut n = 0;
        for l in rows {
            let cells: Vec<&str> = l.split('\t').collect();
            let a2 = cells[0].to_ascii_lowercase();
            assert_eq!(country_key(cells[0]), a2);
            assert_eq!(country_key(cells[1]), a2, "{}", cells[1]);
            n += 1;
        }
        assert!(n >= 249, "{n} countries");
    }
}
