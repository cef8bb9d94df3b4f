//! Synthetic, deterministic workspaces for benchmarks (no randomness source:
//! a fixed linear congruential sequence).

pub mod deals;

use partnerfit_core::alignment::Judgment;
use partnerfit_core::partner::{BrandSize, Partner, PartnerType, Score, Status};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::{demo, Date, Id, Workspace};

/// A deterministic pseudo-random sequence.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// The demo workspace with `n` synthetic partners instead of its five.
/// Most are fully rated; about one in six has unrated criteria; notes and
/// evidence make each partner weigh what a real one does.
pub fn workspace(n: usize, seed: u64) -> Workspace {
    let mut ws = demo::demo();
    let criteria: Vec<Id> = ws.scorecard.criteria().map(|(_, c)| c.id.clone()).collect();
    let day = Date::parse("2026-01-05").expect("valid date");
    let mut rng = Lcg::new(seed);
    ws.partners = (0..n)
        .map(|i| {
            let kind = PartnerType::ALL[rng.below(3) as usize];
            let mut p = Partner::new(
                Id::parse(&format!("p-{i:06}")).expect("valid id"),
                format!("Partner {i:06} Consulting"),
                kind,
                day,
            );
            p.website = format!("https://partner-{i}.example");
            p.owner = ["Mara Jensen", "Sam Okafor", "Lee Chen"][rng.below(3) as usize].into();
            p.notes = format!("Synthetic partner {i}: regional firm, {} consultants, strong in logistics.", 5 + rng.below(200));
            p.brand = BrandSize::ALL[rng.below(3) as usize];
            let sparse = rng.below(6) == 0;
            for c in &criteria {
                if sparse && rng.below(3) == 0 {
                    continue;
                }
                p.rate(c, Score::new(1 + rng.below(5) as u8));
                if rng.below(2) == 0 {
                    p.set_evidence(c, format!("Evidence {i}/{c}: met their practice lead; {} reference clients in our verticals.", rng.below(20)));
                }
            }
            p.alignment.judgment = Judgment::ALL[rng.below(4) as usize];
            p.alignment.answers.problem = "Finance teams re-key invoices.".into();
            if rng.below(2) == 0 {
                p.set_status(Status::Evaluating, day.add_days(10));
            }
            std::sync::Arc::new(p)
        })
        .collect();
    // The demo's partners are gone; so are their account lists, deals and
    // the meetings with them.
    ws.account_lists
        .retain(|l| l.owner == partnerfit_core::overlap::account::ListOwner::Ours);
    ws.pipeline = Default::default();
    ws.program.meetings.retain(|m| m.partner.is_none());
    ws
}

/// Five synthetic partners, our list of `n` CRM accounts and the first
/// partner's list of `n`: the largest workspace the overlap budget speaks of.
pub fn workspace_with_accounts(n: usize) -> Workspace {
    partners_and_accounts(5, n)
}

/// `partners` synthetic partners, our list of `n` CRM accounts and the
/// first partner's list of `n` (the edit budget's workspace: 500 partners,
/// two lists of 100,000 accounts).
pub fn partners_and_accounts(partners: usize, n: usize) -> Workspace {
    use partnerfit_core::overlap::account::{AccountList, ListOwner, PopulationSource};
    use partnerfit_core::overlap::population::Population;
    let mut ws = workspace(partners, 7);
    let (ours, theirs) = account_lists(n, 3);
    let partner = ws.partners[0].id.clone();
    let day = Date::parse("2026-01-05").expect("valid date");
    for (i, (owner, accounts)) in [
        (ListOwner::Ours, ours),
        (ListOwner::Partner(partner), theirs),
    ]
    .into_iter()
    .enumerate()
    {
        ws.account_lists.push(std::sync::Arc::new(AccountList {
            id: Id::parse(&format!("l-big-{i}")).expect("valid id"),
            owner,
            source: format!("crm-export-{i}.csv"),
            imported: day,
            population: PopulationSource::StatusColumn {
                fallback: Population::Prospect,
            },
            accounts,
        }));
    }
    ws
}

/// Synthetic CRM accounts for the overlap benchmark: `n` of ours and `n` of
/// theirs, about a third shared, written the ways real exports write them
/// (www, paths, e-mails, sub-domains, country TLDs, legal suffixes, rows
/// without a domain).
pub fn account_lists(
    n: usize,
    seed: u64,
) -> (
    Vec<partnerfit_core::overlap::account::Account>,
    Vec<partnerfit_core::overlap::account::Account>,
) {
    use partnerfit_core::overlap::account::Account;
    use partnerfit_core::overlap::population::Population;
    const A: &[&str] = &[
        "Nord", "Süd", "Alpen", "Hansa", "Baltic", "Rhein", "Elbe", "Atlas", "Vista", "Kessler",
        "Brennan", "Loire", "Tagus", "Fjord", "Danube", "Mersey", "Clyde", "Weser", "Oder",
        "Tyrol",
    ];
    const B: &[&str] = &[
        "Logistik",
        "Freight",
        "Wholesale",
        "Trading",
        "Cargo",
        "Spedition",
        "Foods",
        "Parts",
        "Supply",
        "Distribution",
        "Lager",
        "Transport",
        "Handel",
        "Services",
        "Imports",
    ];
    const SUFFIX: &[&str] = &[
        "GmbH", "Ltd", "Inc.", "AG", "B.V.", "SAS", "Oy", "S.L.", "plc", "",
    ];
    const TLD: &[(&str, &str)] = &[
        ("de", "Germany"),
        ("co.uk", "United Kingdom"),
        ("com", "United States"),
        ("fr", "France"),
        ("nl", "Netherlands"),
        ("es", "Spain"),
        ("at", "Austria"),
        ("se", "Sweden"),
    ];
    let mut rng = Lcg::new(seed);
    let company = |i: usize, rng: &mut Lcg| {
        let a = A[rng.below(A.len() as u64) as usize];
        let b = B[rng.below(B.len() as u64) as usize];
        let (tld, country) = TLD[rng.below(TLD.len() as u64) as usize];
        let name = format!("{a} {b} {i}");
        let slug = format!(
            "{}-{}-{i}",
            a.to_lowercase().replace('ü', "ue"),
            b.to_lowercase()
        );
        (name, format!("{slug}.{tld}"), country)
    };
    let write = |name: &str, domain: &str, country: &str, rng: &mut Lcg, line: usize| {
        let domain = match rng.below(10) {
            0 => String::new(),
            1 => format!("https://www.{domain}/about"),
            2 => format!("sales@{domain}"),
            3 => format!("shop.{domain}"),
            4 => format!("WWW.{}", domain.to_uppercase()),
            _ => domain.to_owned(),
        };
        let suffix = SUFFIX[rng.below(SUFFIX.len() as u64) as usize];
        Account::for_matching(
            line,
            format!("{name} {suffix}").trim(),
            domain,
            country,
            Population::ALL[rng.below(3) as usize],
        )
    };
    let mut ours = Vec::with_capacity(n);
    let mut theirs = Vec::with_capacity(n);
    for i in 0..n {
        let (name, domain, country) = company(i, &mut rng);
        ours.push(write(&name, &domain, country, &mut rng, i + 2));
        if i % 3 == 0 {
            theirs.push(write(&name, &domain, country, &mut rng, theirs.len() + 2));
        }
    }
    let mut j = n;
    while theirs.len() < n {
        let (name, domain, country) = company(j, &mut rng);
        theirs.push(write(&name, &domain, country, &mut rng, theirs.len() + 2));
        j += 1;
    }
    (ours, theirs)
}
