//! Normalisation you can see: domains reduced to the registrable domain with
//! the Public Suffix List, company names folded, countries to ISO codes.
//!
//! Domains: scheme, user, `www`, port, path and an e-mail's local part are
//! stripped; internationalised names become punycode (`idna`); the
//! registrable domain comes from the Public Suffix List (`publicsuffix`),
//! private section included, so `acme.github.io` stays `acme.github.io`.
//! Free-mail domains (gmail.com…) are never a match key, and hosts shared by
//! many companies that the list does not cover (wordpress.com,
//! sites.google.com…) only count with a company's own sub-domain.

use std::collections::HashSet;
use std::sync::OnceLock;

use publicsuffix::Psl as _;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A parsed Public Suffix List.
pub struct Psl(publicsuffix::List);

impl Psl {
    /// Parse the text of `public_suffix_list.dat`.
    pub fn parse(text: &str) -> Result<Psl, String> {
        text.parse::<publicsuffix::List>()
            .map(Psl)
            .map_err(|e| format!("the public suffix list could not be read: {e}"))
    }

    /// The list shipped with Partnerfit (`core/data/public_suffix_list.dat`).
    #[cfg(feature = "embedded-psl")]
    pub fn embedded() -> &'static Psl {
        static PSL: OnceLock<Psl> = OnceLock::new();
        PSL.get_or_init(|| {
            Psl::parse(include_str!("../../data/public_suffix_list.dat"))
                .expect("the shipped list parses")
        })
    }

    /// The registrable domain of an ASCII host, e.g. `a.b.example.co.uk` → `example.co.uk`.
    pub fn registrable<'a>(&self, host: &'a str) -> Option<&'a str> {
        let d = self.0.domain(host.as_bytes())?;
        std::str::from_utf8(d.as_bytes()).ok()
    }
}

/// What a domain cell yields for matching.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DomainKey {
    /// A match key: the registrable domain (or a sub-domain of a shared host).
    Key(String),
    /// A free-mail domain such as gmail.com: never a match key.
    FreeMail(String),
    /// A host shared by many companies, without the company's own sub-domain.
    SharedHost(String),
    /// Nothing was given.
    Missing,
    /// Something that is not a domain.
    Invalid(String),
}

impl DomainKey {
    pub fn key(&self) -> Option<&str> {
        match self {
            DomainKey::Key(k) => Some(k),
            _ => None,
        }
    }
}

impl std::fmt::Display for DomainKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DomainKey::Key(k) => f.write_str(k),
            DomainKey::FreeMail(d) => write!(f, "{d} (free mail: not used)"),
            DomainKey::SharedHost(d) => write!(f, "{d} (shared host: not used)"),
            DomainKey::Missing => f.write_str("(no domain)"),
            DomainKey::Invalid(d) => write!(f, "{d:?} (not a domain)"),
        }
    }
}

fn free_mail() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        [
            "gmail.com",
            "googlemail.com",
            "yahoo.com",
            "ymail.com",
            "rocketmail.com",
            "hotmail.com",
            "outlook.com",
            "live.com",
            "msn.com",
            "aol.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "proton.me",
            "protonmail.com",
            "pm.me",
            "gmx.de",
            "gmx.net",
            "gmx.com",
            "gmx.at",
            "gmx.ch",
            "web.de",
            "t-online.de",
            "freenet.de",
            "yandex.ru",
            "yandex.com",
            "mail.ru",
            "zoho.com",
            "orange.fr",
            "wanadoo.fr",
            "free.fr",
            "laposte.net",
            "sfr.fr",
            "libero.it",
            "virgilio.it",
            "qq.com",
            "163.com",
            "126.com",
            "naver.com",
            "btinternet.com",
            "sky.com",
            "virginmedia.com",
            "comcast.net",
            "verizon.net",
            "att.net",
            "sbcglobal.net",
            "hey.com",
            "fastmail.com",
            "tutanota.com",
            "tuta.io",
            "mail.com",
            "seznam.cz",
            "wp.pl",
            "o2.pl",
            "interia.pl",
            "bluewin.ch",
            "telenet.be",
            "skynet.be",
            "ziggo.nl",
            "kpnmail.nl",
            "hotmail.co.uk",
        ]
        .into_iter()
        .collect()
    })
}

/// Providers present under many country domains (yahoo.co.uk, hotmail.fr…).
const FREE_MAIL_BRANDS: &[&str] = &[
    "yahoo",
    "hotmail",
    "outlook",
    "live",
    "gmx",
    "aol",
    "yandex",
    "icloud",
    "protonmail",
];

/// Hosts shared by many companies that the Public Suffix List does not list.
const SHARED_HOSTS: &[&str] = &[
    "wordpress.com",
    "squarespace.com",
    "webflow.io",
    "weebly.com",
    "jimdo.com",
    "jimdofree.com",
    "wix.com",
    "godaddysites.com",
    "strikingly.com",
    "carrd.co",
    "notion.site",
    "business.site",
    "site123.me",
    "ueniweb.com",
    "webnode.com",
    "mystrikingly.com",
    "google.com",
    "linkedin.com",
    "facebook.com",
    "instagram.com",
    "xing.com",
    "twitter.com",
    "x.com",
];

/// The host of a website, domain or e-mail cell, lower-case ASCII (punycode), without `www.`.
pub fn host_of(raw: &str) -> Result<Option<String>, String> {
    let mut s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = s.strip_prefix("mailto:") {
        s = rest;
    }
    if let Some(i) = s.find("://") {
        s = &s[i + 3..];
    }
    // An e-mail address, or user info before the host.
    let end = s.find(['/', '?', '#']).unwrap_or(s.len());
    let mut host = &s[..end];
    if let Some(at) = host.rfind('@') {
        host = &host[at + 1..];
    }
    if let Some(colon) = host.rfind(':') {
        if host[colon + 1..].chars().all(|c| c.is_ascii_digit()) {
            host = &host[..colon];
        }
    }
    let host = host.trim_end_matches('.');
    let mut out = if host.is_ascii() {
        host.to_ascii_lowercase()
    } else {
        idna::domain_to_ascii(host).map_err(|_| format!("{raw:?} is not a valid domain"))?
    };
    while let Some(rest) = out.strip_prefix("www.") {
        out = rest.to_owned();
    }
    let valid = out.contains('.')
        && out.split('.').all(|l| !l.is_empty() && l.len() <= 63)
        && out
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if !valid {
        return Err(format!("{raw:?} is not a domain"));
    }
    Ok(Some(out))
}

/// The match key of a website, domain or e-mail cell.
pub fn domain_key(psl: &Psl, raw: &str) -> DomainKey {
    let host = match host_of(raw) {
        Ok(Some(h)) => h,
        Ok(None) => return DomainKey::Missing,
        Err(_) => return DomainKey::Invalid(raw.trim().to_owned()),
    };
    if host == "sites.google.com" || host.ends_with(".sites.google.com") {
        return DomainKey::SharedHost(host);
    }
    let Some(reg) = psl.registrable(&host) else {
        return DomainKey::Invalid(host);
    };
    if free_mail().contains(reg)
        || FREE_MAIL_BRANDS
            .iter()
            .any(|b| reg.split('.').next() == Some(b))
    {
        return DomainKey::FreeMail(reg.to_owned());
    }
    if SHARED_HOSTS.contains(&reg) {
        // Only the company's own sub-domain of a shared host is a key.
        let sub = host.strip_suffix(reg).and_then(|s| s.strip_suffix('.'));
        return match sub.and_then(|s| s.rsplit('.').next()) {
            Some(label) if !label.is_empty() && reg != "google.com" => {
                DomainKey::Key(format!("{label}.{reg}"))
            }
            _ => DomainKey::SharedHost(reg.to_owned()),
        };
    }
    DomainKey::Key(reg.to_owned())
}

/// Legal-form words dropped from the end of a company name.
const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "cos",
    "llc",
    "llp",
    "lp",
    "ltd",
    "limited",
    "plc",
    "gmbh",
    "mbh",
    "ag",
    "kg",
    "kgaa",
    "ohg",
    "ug",
    "gbr",
    "ev",
    "eg",
    "sa",
    "sas",
    "sasu",
    "sarl",
    "sprl",
    "srl",
    "spa",
    "sl",
    "slu",
    "bv",
    "nv",
    "bvba",
    "vof",
    "pty",
    "pte",
    "oy",
    "oyj",
    "ab",
    "as",
    "asa",
    "aps",
    "kk",
    "ltda",
    "sac",
    "se",
    "spzoo",
    "sro",
    "kft",
    "doo",
    "and",
];

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '&' || c == '+' {
            out.push_str(" and ");
        } else {
            out.push(' ');
        }
        return;
    }
    match c {
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' => out.push('d'),
        'þ' | 'Þ' => out.push_str("th"),
        _ => {
            for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
                for l in d.to_lowercase() {
                    if l.is_alphanumeric() {
                        out.push(l);
                    } else {
                        out.push(' ');
                    }
                }
            }
        }
    }
}

/// A company name folded for matching: lower case, accents and punctuation
/// removed, "&" as "and", a leading "the" and trailing legal forms dropped
/// ("The Müller-Lüdenscheidt GmbH & Co. KG" → "muller ludenscheidt").
pub fn name_key(name: &str) -> String {
    let mut folded = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        fold_char(c, &mut folded);
    }
    let mut tokens: Vec<&str> = folded.split_whitespace().collect();
    // Join trailing initials: "s a" (from S.A.) → "sa".
    let initials = tokens.iter().rev().take_while(|t| t.len() == 1).count();
    let joined: String;
    if initials >= 2 && initials < tokens.len() {
        joined = tokens[tokens.len() - initials..].concat();
        tokens.truncate(tokens.len() - initials);
        tokens.push(&joined);
    }
    if tokens.len() > 1 && tokens[0] == "the" {
        tokens.remove(0);
    }
    while tokens.len() > 1 && tokens.last().is_some_and(|t| LEGAL_SUFFIXES.contains(t)) {
        tokens.pop();
    }
    tokens.join(" ")
}

/// A country cell as an ISO 3166 alpha-2 code when recognised, else folded text.
pub fn country_key(country: &str) -> String {
    let mut c = name_key(country);
    if c.split(' ').all(|t| t.len() == 1) {
        c.retain(|ch| ch != ' '); // "U.S.A." → "usa"
    }
    let code = match c.as_str() {
        "de" | "deu" | "germany" | "deutschland" => "de",
        "gb" | "gbr" | "uk" | "united kingdom" | "great britain" | "england" | "scotland"
        | "wales" => "gb",
        "us" | "usa" | "united states" | "united states of america" | "america" => "us",
        "fr" | "fra" | "france" => "fr",
        "nl" | "nld" | "netherlands" | "the netherlands" | "holland" | "nederland" => "nl",
        "es" | "esp" | "spain" | "espana" => "es",
        "it" | "ita" | "italy" | "italia" => "it",
        "at" | "aut" | "austria" | "osterreich" => "at",
        "ch" | "che" | "switzerland" | "schweiz" | "suisse" => "ch",
        "be" | "bel" | "belgium" | "belgique" | "belgie" => "be",
        "dk" | "dnk" | "denmark" | "danmark" => "dk",
        "se" | "swe" | "sweden" | "sverige" => "se",
        "no" | "nor" | "norway" | "norge" => "no",
        "fi" | "fin" | "finland" | "suomi" => "fi",
        "pl" | "pol" | "poland" | "polska" => "pl",
        "ie" | "irl" | "ireland" => "ie",
        "pt" | "prt" | "portugal" => "pt",
        "ca" | "can" | "canada" => "ca",
        "au" | "aus" | "australia" => "au",
        "cz" | "cze" | "czechia" | "czech republic" => "cz",
        "lu" | "lux" | "luxembourg" => "lu",
        _ => return c,
    };
    code.to_owned()
}

#[cfg(all(test, feature = "embedded-psl"))]
mod tests {
    use super::*;

    fn key(raw: &str) -> DomainKey {
        domain_key(Psl::embedded(), raw)
    }

    #[test]
    fn domains_reduce_to_the_registrable_domain() {
        use DomainKey::*;
        for (raw, expected) in [
            ("a.b.example.co.uk", Key("example.co.uk".into())),
            (
                "https://www.Example.com:8443/contact?x=1",
                Key("example.com".into()),
            ),
            ("http://user@shop.example.de/", Key("example.de".into())),
            ("jane.doe@sales.example.com", Key("example.com".into())),
            ("mailto:info@example.fr", Key("example.fr".into())),
            ("WWW.EXAMPLE.COM.", Key("example.com".into())),
            ("müller.de", Key("xn--mller-kva.de".into())),
            ("https://bücher.example.com", Key("example.com".into())),
            ("acme.github.io", Key("acme.github.io".into())),
            ("beta.github.io", Key("beta.github.io".into())),
            ("acme.wixsite.com/home", Key("acme.wixsite.com".into())),
            ("acme.wordpress.com", Key("acme.wordpress.com".into())),
            ("wordpress.com/acme", SharedHost("wordpress.com".into())),
            (
                "sites.google.com/view/acme",
                SharedHost("sites.google.com".into()),
            ),
            ("jane@gmail.com", FreeMail("gmail.com".into())),
            ("bob@yahoo.co.uk", FreeMail("yahoo.co.uk".into())),
            ("", Missing),
            ("n/a", Invalid("n/a".into())),
            ("not a domain", Invalid("not a domain".into())),
        ] {
            assert_eq!(key(raw), expected, "{raw}");
        }
    }

    #[test]
    fn names_fold() {
        for (raw, expected) in [
            ("Acme Inc.", "acme"),
            ("ACME, Inc", "acme"),
            ("The Acme Company", "acme"),
            ("Müller-Lüdenscheidt GmbH & Co. KG", "muller ludenscheidt"),
            ("Société Générale S.A.", "societe generale"),
            ("Smith & Jones Ltd", "smith and jones"),
            ("Nordhafen Logistik GmbH", "nordhafen logistik"),
            ("Brennan Foodservice Ltd.", "brennan foodservice"),
            ("Ørsted A/S", "orsted"),
            ("Straße AG", "strasse"),
            ("Co", "co"),
            ("Johnson and Johnson", "johnson and johnson"),
        ] {
            assert_eq!(name_key(raw), expected, "{raw}");
        }
    }

    #[test]
    fn countries() {
        for (raw, expected) in [
            ("Germany", "de"),
            ("DE", "de"),
            ("United Kingdom", "gb"),
            ("U.S.A.", "us"),
            ("Atlantis", "atlantis"),
        ] {
            assert_eq!(country_key(raw), expected, "{raw}");
        }
    }
}
