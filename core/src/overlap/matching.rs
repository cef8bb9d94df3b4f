//! Matching our accounts with a partner's: domain first, then normalised
//! name plus country when there is no domain, then (for names only) a close
//! spelling within the same country. A missed match is preferred to a false
//! one: two accounts with different domains are never matched by name.

use rustc_hash::FxHashMap;

use super::account::Account;
use super::country::country_key;
use super::normalize::{domain_key, name_key, DomainKey, Psl};
use crate::vocabulary;

/// The keys of one account, computed once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    pub domain: DomainKey,
    pub name: String,
    /// Shared between the accounts of one country.
    pub country: std::sync::Arc<str>,
}

impl Keys {
    pub fn of(psl: &Psl, a: &Account) -> Keys {
        Keys {
            domain: domain_key(psl, &a.domain),
            name: name_key(&a.name),
            country: if a.country.is_empty() {
                "".into()
            } else {
                country_key(&a.country).into()
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
        self.name.len() >= 6 || self.name.as_bytes().contains(&b' ')
    }
}

/// Keys for every account (call in chunks to keep a page responsive).
pub fn keys_of<'a>(psl: &Psl, accounts: impl IntoIterator<Item = &'a Account>) -> Vec<Keys> {
    // Countries repeat: fold each distinct spelling once.
    let mut countries: FxHashMap<&'a str, std::sync::Arc<str>> = FxHashMap::default();
    accounts
        .into_iter()
        .map(|a| {
            let country = countries
                .entry(a.country.as_str())
                .or_insert_with(|| {
                    if a.country.is_empty() {
                        "".into()
                    } else {
                        country_key(&a.country).into()
                    }
                })
                .clone();
            Keys {
                domain: domain_key(psl, &a.domain),
                name: name_key(&a.name),
                country,
            }
        })
        .collect()
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

/// A map from a key to several accounts without a vector per key: the map
/// holds the last account of a key, `next` chains to the one before.
struct Multi<K> {
    head: FxHashMap<K, u32>,
    next: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl<K: std::hash::Hash + Eq> Multi<K> {
    fn new(n: usize) -> Multi<K> {
        Multi {
            head: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            next: vec![NONE; n],
        }
    }

    fn insert(&mut self, key: K, i: u32) {
        let prev = self.head.insert(key, i).unwrap_or(NONE);
        if self.next.len() <= i as usize {
            self.next.resize(i as usize + 1, NONE);
        }
        self.next[i as usize] = prev;
    }

    fn get<Q>(&self, key: &Q) -> impl Iterator<Item = u32> + '_
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        let mut cur = self.head.get(key).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            (cur != NONE).then(|| {
                let i = cur;
                cur = self.next[i as usize];
                i
            })
        })
    }
}

/// Our accounts indexed for matching.
pub struct Index<'a> {
    keys: &'a [Keys],
    by_domain: Multi<&'a str>,
    by_name_country: Multi<(&'a str, &'a str)>,
    by_name: Multi<&'a str>,
    /// Close spellings: hash of country and name with one word masked →
    /// entries (account, masked word).
    by_masked: Masked,
}

/// The close-spelling index: masked-name hash → entry, and entries
/// (account, masked word).
type Masked = (Multi<u64>, Vec<(u32, u8)>);

/// Tokens long enough that a one-letter difference is a typo rather than
/// another word ("5" vs "6", "Nord" vs "Sud" are not typos).
const TYPO_MIN_TOKEN: usize = 5;

/// For names of two tokens or more in a known country: one key per long
/// word (not a number), hashing the country and the name with that word
/// masked, so names that differ in a single word meet.
fn masked_keys(k: &Keys, mut out: impl FnMut(u64, u8)) {
    use std::hash::{Hash, Hasher};
    let name = k.name.as_bytes();
    if k.country.is_empty() || !name.contains(&b' ') {
        return;
    }
    // Byte-wise splitting and hashing: 0xFF and 0xFE never occur in UTF-8,
    // so the mask and the separator cannot be confused with a token.
    let tokens = || name.split(|b| *b == b' ');
    for (i, t) in tokens().enumerate() {
        if t.len() < TYPO_MIN_TOKEN || t.iter().all(u8::is_ascii_digit) {
            continue;
        }
        let mut h = rustc_hash::FxHasher::default();
        k.country.hash(&mut h);
        for (j, u) in tokens().enumerate() {
            if i == j {
                h.write_u8(0xFF);
            } else {
                h.write(u);
                h.write_u8(0xFE);
            }
        }
        out(h.finish(), i as u8);
    }
}

/// Same name apart from token `tok` (guards against hash collisions).
fn same_but(a: &str, b: &str, tok: u8) -> bool {
    let (mut x, mut y) = (a.split(' '), b.split(' '));
    let mut i = 0u8;
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if i == tok || p == q => {}
            _ => return false,
        }
        i += 1;
    }
}

fn token(name: &str, i: u8) -> &str {
    name.split(' ').nth(usize::from(i)).unwrap_or("")
}

/// A masked key shared by more accounts than this is too generic ("bakery *")
/// to single one out: no close-spelling match through it.
const MAX_SIMILAR_CANDIDATES: usize = 32;

/// True when `a` and `b` differ by exactly one edit: a substitution, an
/// insertion or deletion, or a swap of two neighbouring characters.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let first = short.iter().zip(long.iter()).position(|(x, y)| x != y);
    match long.len() - short.len() {
        0 => {
            let Some(i) = first else { return false };
            // Substitution, or a swap of i and i + 1.
            short[i + 1..] == long[i + 1..]
                || (i + 1 < short.len()
                    && short[i] == long[i + 1]
                    && short[i + 1] == long[i]
                    && short[i + 2..] == long[i + 2..])
        }
        1 => {
            let i = first.unwrap_or(short.len());
            short[i..] == long[i + 1..]
        }
        _ => false,
    }
}

impl<'a> Index<'a> {
    /// An index of `keys` with nothing added yet (see [`Index::add`]).
    pub fn new(keys: &'a [Keys]) -> Index<'a> {
        Index {
            keys,
            by_domain: Multi::new(keys.len()),
            by_name_country: Multi::new(keys.len()),
            by_name: Multi::new(keys.len()),
            // Names of two or three long words give as many masked keys.
            by_masked: (
                Multi::new(2 * keys.len()),
                Vec::with_capacity(2 * keys.len()),
            ),
        }
    }

    /// Index the accounts in `range` (call in slices to stay responsive;
    /// every account must be added before matching).
    pub fn add(&mut self, range: std::ops::Range<usize>) {
        for i in range {
            let k = &self.keys[i];
            let i = i as u32;
            if let Some(d) = k.domain.key() {
                self.by_domain.insert(d, i);
            }
            if !k.name.is_empty() {
                self.by_name_country.insert((&k.name, &*k.country), i);
                self.by_name.insert(&k.name, i);
            }
            let (map, entries) = &mut self.by_masked;
            masked_keys(k, |key, tok| {
                map.insert(key, entries.len() as u32);
                entries.push((i, tok));
            });
        }
    }

    /// Index every account.
    pub fn build(keys: &'a [Keys]) -> Index<'a> {
        let mut ix = Index::new(keys);
        ix.add(0..keys.len());
        ix
    }

    /// The matches of one of their accounts, appended to `out` as (ours, reason, confidence).
    pub fn match_one(&self, t: &Keys, out: &mut Vec<(u32, Reason, u8)>) {
        let start = out.len();
        // 1. Domain.
        if let Some(d) = t.domain.key() {
            for i in self.by_domain.get(d) {
                let conf = if self.keys[i as usize].name == t.name {
                    99
                } else {
                    95
                };
                out.push((i, Reason::SameDomain, conf));
            }
            if out.len() > start {
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
        let (reason, conf) = if t.country.is_empty() {
            (Reason::SameName, 70)
        } else {
            (Reason::SameNameCountry, 85)
        };
        if !t.country.is_empty() || t.distinctive() {
            out.extend(
                self.by_name_country
                    .get(&(t.name.as_str(), &*t.country))
                    .filter(|i| may_pair(*i))
                    .map(|i| (i, reason, conf)),
            );
        }
        if out.len() > start {
            return;
        }
        // 3. Same name, country known on one side only: only if unambiguous.
        if t.distinctive() {
            let unique = |mut it: Box<dyn Iterator<Item = u32> + '_>| {
                let first = it.next();
                match (first, it.next()) {
                    (Some(i), None) => Some(i),
                    _ => None,
                }
            };
            let candidates: Box<dyn Iterator<Item = u32> + '_> = if t.country.is_empty() {
                Box::new(self.by_name.get(t.name.as_str()).filter(|i| may_pair(*i)))
            } else {
                Box::new(
                    self.by_name_country
                        .get(&(t.name.as_str(), ""))
                        .filter(|i| may_pair(*i)),
                )
            };
            if let Some(i) = unique(candidates) {
                out.push((i, Reason::SameNameOneCountry, 75));
                return;
            }
        }
        // 4. A close spelling in the same country: one token differs by one
        // letter (a typo, a swap), and only one of our accounts fits.
        let mut found: Option<u32> = None;
        let mut ambiguous = false;
        let (masked, entries) = &self.by_masked;
        masked_keys(t, |key, tok| {
            if masked.get(&key).nth(MAX_SIMILAR_CANDIDATES).is_some() {
                return;
            }
            let theirs_token = token(&t.name, tok);
            for (i, otok) in masked.get(&key).map(|e| entries[e as usize]) {
                if otok != tok || !may_pair(i) {
                    continue;
                }
                let ours = &self.keys[i as usize];
                let ours_token = token(&ours.name, otok);
                if ours.country == t.country
                    && same_but(&ours.name, &t.name, tok)
                    && one_edit_apart(ours_token, theirs_token)
                {
                    match found {
                        None => found = Some(i),
                        Some(f) if f == i => {}
                        Some(_) => ambiguous = true,
                    }
                }
            }
        });
        if let (Some(i), false) = (found, ambiguous) {
            out.push((i, Reason::SimilarName, 60));
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
        Account::for_matching(0, name, domain, country, Population::Customer)
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
    fn one_edit() {
        for (a, b, expected) in [
            ("logistik", "logisitk", true),
            ("logistik", "logistic", true),
            ("muller", "mueller", true),
            ("mueller", "muller", true),
            ("freight", "freight", false),
            ("freight", "fraight", true),
            ("cargo", "carg", true),
            ("cargo", "crago", true),
            ("cargo", "carot", false),
            ("nord", "sud", false),
        ] {
            assert_eq!(one_edit_apart(a, b), expected, "{a} {b}");
        }
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
                Some(SimilarName),
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
