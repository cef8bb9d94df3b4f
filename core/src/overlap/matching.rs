//! Matching our accounts with a partner's: domain first, then normalised
//! name plus country when there is no domain, then (for names only) a close
//! spelling within the same country. A missed match is preferred to a false
//! one: two accounts with different domains are never matched by name.

use std::collections::HashMap;

use super::account::Account;
use super::normalize::{country_key, domain_key, name_key, DomainKey, Psl};
use crate::vocabulary;

/// The keys of one account, computed once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    pub domain: DomainKey,
    pub name: String,
    pub country: String,
}

impl Keys {
    pub fn of(psl: &Psl, a: &Account) -> Keys {
        Keys {
            domain: domain_key(psl, &a.domain),
            name: name_key(&a.name),
            country: if a.country.is_empty() {
                String::new()
            } else {
                country_key(&a.country)
            },
        }
    }

    /// A stable identity for decisions: the domain key, else name and country.
    pub fn identity(&self) -> String {
        match self.domain.key() {
            Some(d) => d.to_owned(),
            None => format!("{}|{}", self.name, self.country),
        }
    }

    /// Long enough to match on the name alone.
    fn distinctive(&self) -> bool {
        self.name.len() >= 6 || self.name.contains(' ')
    }
}

/// Keys for every account (call in chunks to keep a page responsive).
pub fn keys_of<'a>(psl: &Psl, accounts: impl IntoIterator<Item = &'a Account>) -> Vec<Keys> {
    accounts.into_iter().map(|a| Keys::of(psl, a)).collect()
}

vocabulary! {
    /// Why two accounts were matched.
    pub enum Reason ("match reason") {
        SameDomain = "same_domain" / "Same domain",
        SameNameCountry = "same_name_country" / "Same name and country",
        SameNameOneCountry = "same_name_one_country" / "Same name, country on one side only",
        SameName = "same_name" / "Same name, no country",
        SimilarName = "similar_name" / "Similar name, same country",
    }
}

/// One matched pair: indexes into our and their account slices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub ours: u32,
    pub theirs: u32,
    pub reason: Reason,
    /// 0–100.
    pub confidence: u8,
}

/// Our accounts indexed for matching.
pub struct Index<'a> {
    keys: &'a [Keys],
    by_domain: HashMap<&'a str, Vec<u32>>,
    by_name_country: HashMap<(&'a str, &'a str), Vec<u32>>,
    by_name: HashMap<&'a str, Vec<u32>>,
    /// (country, first three characters of the name) → accounts, for close spellings.
    by_block: HashMap<(&'a str, &'a str), Vec<u32>>,
}

fn prefix3(s: &str) -> &str {
    match s.char_indices().nth(3) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

impl<'a> Index<'a> {
    pub fn build(keys: &'a [Keys]) -> Index<'a> {
        let mut ix = Index {
            keys,
            by_domain: HashMap::with_capacity(keys.len()),
            by_name_country: HashMap::with_capacity(keys.len()),
            by_name: HashMap::with_capacity(keys.len()),
            by_block: HashMap::new(),
        };
        for (i, k) in keys.iter().enumerate() {
            let i = i as u32;
            if let Some(d) = k.domain.key() {
                ix.by_domain.entry(d).or_default().push(i);
            }
            if !k.name.is_empty() {
                ix.by_name_country
                    .entry((&k.name, &k.country))
                    .or_default()
                    .push(i);
                ix.by_name.entry(&k.name).or_default().push(i);
                if k.name.len() >= 6 && !k.country.is_empty() {
                    ix.by_block
                        .entry((&k.country, prefix3(&k.name)))
                        .or_default()
                        .push(i);
                }
            }
        }
        ix
    }

    /// The matches of one of their accounts, appended to `out` as (ours, reason, confidence).
    pub fn match_one(&self, t: &Keys, out: &mut Vec<(u32, Reason, u8)>) {
        let start = out.len();
        // 1. Domain.
        if let Some(d) = t.domain.key() {
            if let Some(hits) = self.by_domain.get(d) {
                for &i in hits {
                    let conf = if self.keys[i as usize].name == t.name {
                        99
                    } else {
                        95
                    };
                    out.push((i, Reason::SameDomain, conf));
                }
                return;
            }
        }
        if t.name.is_empty() {
            return;
        }
        // Name matching never pairs two accounts that both have domains (they differ).
        let may_pair =
            |i: u32| t.domain.key().is_none() || self.keys[i as usize].domain.key().is_none();
        // 2. Name and country.
        if let Some(hits) = self
            .by_name_country
            .get(&(t.name.as_str(), t.country.as_str()))
        {
            let (reason, conf) = if t.country.is_empty() {
                (Reason::SameName, 70)
            } else {
                (Reason::SameNameCountry, 85)
            };
            if !t.country.is_empty() || t.distinctive() {
                out.extend(
                    hits.iter()
                        .filter(|i| may_pair(**i))
                        .map(|&i| (i, reason, conf)),
                );
            }
        }
        if out.len() > start {
            return;
        }
        // 3. Same name, country known on one side only: only if unambiguous.
        if t.distinctive() {
            let candidates: Vec<u32> = if t.country.is_empty() {
                self.by_name
                    .get(t.name.as_str())
                    .cloned()
                    .unwrap_or_default()
            } else {
                self.by_name_country
                    .get(&(t.name.as_str(), ""))
                    .cloned()
                    .unwrap_or_default()
            };
            let candidates: Vec<u32> = candidates.into_iter().filter(|i| may_pair(*i)).collect();
            if candidates.len() == 1 {
                out.push((candidates[0], Reason::SameNameOneCountry, 75));
                return;
            }
        }
        // 4. A close spelling in the same country (typos), unambiguous only.
        if t.name.len() >= 6 && !t.country.is_empty() {
            if let Some(block) = self.by_block.get(&(t.country.as_str(), prefix3(&t.name))) {
                let mut best: Option<(u32, f64)> = None;
                let mut ties = 0;
                for &i in block {
                    let k = &self.keys[i as usize];
                    if !may_pair(i) || k.name.len().abs_diff(t.name.len()) > 2 {
                        continue;
                    }
                    let sim = strsim::jaro_winkler(&k.name, &t.name);
                    if sim >= 0.95 {
                        match best {
                            Some((_, b)) if (sim - b).abs() < 1e-9 => ties += 1,
                            Some((_, b)) if sim < b => {}
                            _ => {
                                best = Some((i, sim));
                                ties = 0;
                            }
                        }
                    }
                }
                if let (Some((i, _)), 0) = (best, ties) {
                    out.push((i, Reason::SimilarName, 60));
                }
            }
        }
    }
}

/// Match every one of their accounts against ours.
pub fn match_all(ours: &[Keys], theirs: &[Keys]) -> Vec<Pair> {
    let ix = Index::build(ours);
    let mut out = Vec::new();
    let mut buf = Vec::new();
    for (j, t) in theirs.iter().enumerate() {
        buf.clear();
        ix.match_one(t, &mut buf);
        out.extend(buf.iter().map(|&(i, reason, confidence)| Pair {
            ours: i,
            theirs: j as u32,
            reason,
            confidence,
        }));
    }
    out
}

#[cfg(all(test, feature = "embedded-psl"))]
mod tests {
    use super::*;
    use crate::overlap::population::Population;

    fn acc(name: &str, domain: &str, country: &str) -> Account {
        Account {
            line: 0,
            name: name.into(),
            domain: domain.into(),
            country: country.into(),
            population: Population::Customer,
            status: String::new(),
            owner: String::new(),
            industry: String::new(),
            employees: String::new(),
        }
    }

    /// Match one pair of accounts: the reason, or None.
    fn check(ours: Account, theirs: Account, expected: Option<Reason>) {
        let psl = Psl::embedded();
        let (o, t) = (keys_of(psl, [&ours]), keys_of(psl, [&theirs]));
        let pairs = match_all(&o, &t);
        assert_eq!(
            pairs.first().map(|p| p.reason),
            expected,
            "{ours:?} vs {theirs:?}"
        );
    }

    #[test]
    fn match_table() {
        use Reason::*;
        let rows = [
            (
                acc("Acme", "www.acme.com", ""),
                acc("ACME Inc.", "https://sales.acme.com/x", ""),
                Some(SameDomain),
            ),
            (
                acc("Acme UK", "acme.co.uk", ""),
                acc("Acme", "shop.acme.co.uk", ""),
                Some(SameDomain),
            ),
            (
                acc("Acme", "jane@acme.com", ""),
                acc("Acme", "acme.com", ""),
                Some(SameDomain),
            ),
            (
                acc("Acme", "acme.github.io", ""),
                acc("Beta", "beta.github.io", ""),
                None,
            ),
            (
                acc("Acme", "acme.wixsite.com", ""),
                acc("Beta", "beta.wixsite.com", ""),
                None,
            ),
            (
                acc("Acme", "jane@gmail.com", ""),
                acc("Beta", "bob@gmail.com", ""),
                None,
            ),
            (
                acc("Acme Logistics", "jane@gmail.com", "DE"),
                acc("Acme Logistics GmbH", "", "Germany"),
                Some(SameNameCountry),
            ),
            (
                acc("Acme Logistics", "acme.de", "DE"),
                acc("Acme Logistics", "acme-logistics.com", "DE"),
                None,
            ),
            (
                acc("Acme Logistics", "", "DE"),
                acc("Acme Logistics", "", "FR"),
                None,
            ),
            (
                acc("Müller Spedition", "", "DE"),
                acc("Mueller Spedition", "", "DE"),
                None,
            ),
            (
                acc("Müller Spedition", "", "DE"),
                acc("Muller Spedition GmbH", "", "Deutschland"),
                Some(SameNameCountry),
            ),
            (
                acc("Nordhafen Logistik", "", "DE"),
                acc("Nordhafen Logisitk", "", "DE"),
                Some(SimilarName),
            ),
            (
                acc("Nordhafen Logistik", "", ""),
                acc("Nordhafen Logistik", "", "DE"),
                Some(SameNameOneCountry),
            ),
            (acc("Acme", "", ""), acc("Acme", "", ""), None),
            (
                acc("Acme Freight", "", ""),
                acc("Acme Freight", "", ""),
                Some(SameName),
            ),
        ];
        for (o, t, r) in rows {
            check(o, t, r);
        }
    }
}
