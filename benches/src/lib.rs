//! Synthetic, deterministic workspaces for benchmarks (no randomness source:
//! a fixed linear congruential sequence).

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
            p
        })
        .collect();
    ws
}
