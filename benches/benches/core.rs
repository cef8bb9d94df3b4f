//! Budgets of the core, measured with divan (report the median):
//! - validate + import a 2 MB workspace file: under 50 ms;
//!   (also measured, no budget: saving and importing a workspace holding two
//!   lists of 100,000 accounts, the largest the overlap budget speaks of);
//! - score, gate, rank and run the sensitivity analysis for 10,000 partners: under 50 ms;
//! - normalise and match 100,000 × 100,000 accounts on one core: under 300 ms;
//! - 1,000 incentive scenarios (plans × volumes × assumption sweeps): under 20 ms;
//! - applying an edit and undoing it on 500 partners and 200,000 accounts:
//!   under 2 ms (a rating, and the largest cascade: removing a category
//!   rated on every partner). The memory 100 undo steps hold is measured by
//!   `benches/tests/history_memory.rs`.
//!
//! Native figures use mimalloc, the allocator of the `partnerfit` command line.

use partnerfit_core::edit::history::History;
use partnerfit_core::edit::{Edit, PartnerEdit, ScorecardEdit};
use partnerfit_core::partner::Score;
use partnerfit_core::{format, scorecard, Id};

/// The allocator of the `partnerfit` command line, so the figures are what it does.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// The smallest synthetic workspace whose file reaches 2 MB (in steps of
/// ten partners, so just over 2 MB).
fn two_megabyte_file() -> String {
    let mut n = 100;
    loop {
        let text = format::save(&partnerfit_benches::workspace(n, 7));
        if text.len() >= 2_000_000 {
            return text;
        }
        n += 10;
    }
}

#[divan::bench]
fn import_2mb_workspace(bencher: divan::Bencher) {
    let text = two_megabyte_file();
    eprintln!("import_2mb_workspace: file of {} bytes", text.len());
    bencher.bench(|| format::load(divan::black_box(&text)).expect("valid"));
}

#[divan::bench(sample_count = 5)]
fn save_workspace_100k_x_100k_accounts(bencher: divan::Bencher) {
    let ws = partnerfit_benches::workspace_with_accounts(100_000);
    bencher.bench(|| format::save(divan::black_box(&ws)).len());
}

#[divan::bench(sample_count = 5)]
fn import_workspace_100k_x_100k_accounts(bencher: divan::Bencher) {
    let text = format::save(&partnerfit_benches::workspace_with_accounts(100_000));
    eprintln!(
        "import_workspace_100k_x_100k_accounts: file of {} bytes (limit {})",
        text.len(),
        format::MAX_FILE_BYTES
    );
    bencher.bench(|| format::load(divan::black_box(&text)).expect("valid"));
}

#[divan::bench]
fn scorecard_10k_partners(bencher: divan::Bencher) {
    let ws = partnerfit_benches::workspace(10_000, 11);
    bencher.bench(|| {
        let evals = scorecard::evaluate_all(divan::black_box(&ws));
        let ranking = scorecard::rank(&evals);
        let sens = scorecard::sensitivity(&ws, &evals, &ranking);
        (ranking.len(), sens.len())
    });
}

#[divan::bench]
fn scorecard_10k_evaluate_only(bencher: divan::Bencher) {
    let ws = partnerfit_benches::workspace(10_000, 11);
    bencher.bench(|| scorecard::evaluate_all(divan::black_box(&ws)).len());
}

#[divan::bench]
fn scorecard_10k_rank_only(bencher: divan::Bencher) {
    let ws = partnerfit_benches::workspace(10_000, 11);
    let evals = scorecard::evaluate_all(&ws);
    bencher.bench(|| scorecard::rank(divan::black_box(&evals)).len());
}

#[divan::bench]
fn scorecard_10k_sensitivity_only(bencher: divan::Bencher) {
    let ws = partnerfit_benches::workspace(10_000, 11);
    let evals = scorecard::evaluate_all(&ws);
    let ranking = scorecard::rank(&evals);
    bencher.bench(|| scorecard::sensitivity(&ws, divan::black_box(&evals), &ranking).len());
}

#[divan::bench(sample_count = 20)]
fn overlap_100k_x_100k(bencher: divan::Bencher) {
    use partnerfit_core::overlap::matching::{keys_of, match_all};
    use partnerfit_core::overlap::normalize::Psl;
    let (ours, theirs) = partnerfit_benches::account_lists(100_000, 3);
    let psl = Psl::embedded();
    bencher.bench(|| {
        let ok = keys_of(psl, divan::black_box(&ours));
        let tk = keys_of(psl, divan::black_box(&theirs));
        match_all(&ok, &tk).len()
    });
}

#[divan::bench(sample_count = 20)]
fn overlap_normalise_100k(bencher: divan::Bencher) {
    use partnerfit_core::overlap::matching::keys_of;
    use partnerfit_core::overlap::normalize::Psl;
    let (ours, _) = partnerfit_benches::account_lists(100_000, 3);
    let psl = Psl::embedded();
    bencher.bench(|| keys_of(psl, divan::black_box(&ours)).len());
}

/// The matching step alone (index of ours, lookups of theirs), keys given.
#[divan::bench(sample_count = 20)]
fn overlap_match_only_100k(bencher: divan::Bencher) {
    use partnerfit_core::overlap::matching::{keys_of, match_all};
    use partnerfit_core::overlap::normalize::Psl;
    let (ours, theirs) = partnerfit_benches::account_lists(100_000, 3);
    let psl = Psl::embedded();
    let (ok, tk) = (keys_of(psl, &ours), keys_of(psl, &theirs));
    bencher.bench(|| match_all(divan::black_box(&ok), &tk).len());
}

#[divan::bench]
fn incentives_1000_scenarios(bencher: divan::Bencher) {
    use partnerfit_core::incentives::model::model;
    use partnerfit_core::incentives::plan::{Assumptions, Plan};
    use partnerfit_core::partner::PartnerType;
    use partnerfit_core::rate::Rate;
    use partnerfit_core::vocab::Vocabulary;
    let plans: Vec<Plan> = PartnerType::ALL
        .iter()
        .map(|k| Plan::starter(partnerfit_core::Id::parse("plan").unwrap(), *k))
        .collect();
    // 3 plans × 4 volumes × 84 assumption sets = 1,008 scenarios.
    let mut sweeps = Vec::new();
    for win in [1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000] {
        for qual in [3_000, 5_000, 7_000, 9_000] {
            for subs in [5, 10, 20] {
                sweeps.push(Assumptions {
                    win_rate: Rate(win),
                    qualification_rate: Rate(qual),
                    submissions: subs,
                    quarters: 12,
                    ..Assumptions::default()
                });
            }
        }
    }
    assert_eq!(plans.len() * 4 * sweeps.len(), 1_008);
    bencher.bench(|| {
        let mut total = 0i64;
        for p in &plans {
            for v in [1, 2, 5, 10] {
                for a in &sweeps {
                    total =
                        total.wrapping_add(model(divan::black_box(p), a, v).totals.contribution.0);
                }
            }
        }
        total
    });
}

/// The demo workspace, Northwind's id, a fixed date and fixed entropy.
fn invitation_inputs() -> (
    partnerfit_core::Workspace,
    partnerfit_core::Id,
    partnerfit_core::Date,
    partnerfit_core::share::invitation::InviteEntropy,
) {
    use partnerfit_core::share::crypto::SealEntropy;
    let entropy = partnerfit_core::share::invitation::InviteEntropy {
        id: 7,
        secret: [1; 16],
        seal: SealEntropy {
            salt: [2; 16],
            nonce: [3; 12],
        },
    };
    (
        partnerfit_core::demo::demo(),
        partnerfit_core::Id::parse("p-northwind").unwrap(),
        partnerfit_core::Date::parse("2026-11-25").unwrap(),
        entropy,
    )
}

/// Creating and opening the demo's invitation link, without a passphrase
/// (compress + encode, decode + inflate + validate).
#[divan::bench]
fn invitation_plain_round_trip(bencher: divan::Bencher) {
    use partnerfit_core::share::invitation::{create, open, InviteOptions};
    let (ws, id, today, e) = invitation_inputs();
    bencher.bench(|| {
        let sent = create(
            &ws,
            &id,
            &InviteOptions::default(),
            e,
            today,
            "https://example.com/",
        )
        .unwrap();
        open(divan::black_box(&sent.link), None, today).unwrap()
    });
}

/// Opening a passphrase-sealed invitation: dominated by PBKDF2-HMAC-SHA256
/// at 600,000 rounds (what a partner waits for once).
#[divan::bench(sample_count = 10)]
fn invitation_sealed_open(bencher: divan::Bencher) {
    use partnerfit_core::share::invitation::{create, open, InviteOptions};
    let (ws, id, today, e) = invitation_inputs();
    let options = InviteOptions {
        passphrase: Some("river otter 42".into()),
        ..InviteOptions::default()
    };
    let sent = create(&ws, &id, &options, e, today, "https://example.com/").unwrap();
    bencher.bench(|| {
        open(
            divan::black_box(&sent.link),
            Some("river otter 42".into()),
            today,
        )
        .unwrap()
    });
}

/// The workspace of the edit budget, its history, and a criterion.
fn edit_setup() -> (partnerfit_core::Workspace, History, Id, Id) {
    let ws = partnerfit_benches::partners_and_accounts(500, 100_000);
    let partner = ws.partners[250].id.clone();
    let criterion = Id::parse("responsiveness").expect("valid id");
    (ws, History::default(), partner, criterion)
}

#[divan::bench(sample_count = 50)]
fn edit_rate_and_undo_500_partners_200k_accounts(bencher: divan::Bencher) {
    let (mut ws, mut history, partner, criterion) = edit_setup();
    // A score other than the one it has (the same one would be no step).
    let now = ws
        .partner(&partner)
        .and_then(|p| p.ratings.get(&criterion).map(|r| r.score.get()));
    let score = Score::new(now.unwrap_or(0) % 5 + 1);
    bencher.bench_local(|| {
        let edit = Edit::partner(&partner, PartnerEdit::Rate(criterion.clone(), score));
        history.apply(&mut ws, edit, 0).expect("accepted");
        history.undo(&mut ws).expect("one step");
    });
}

#[divan::bench(sample_count = 50)]
fn edit_remove_category_and_undo_500_partners_200k_accounts(bencher: divan::Bencher) {
    let (mut ws, mut history, _, _) = edit_setup();
    let category = Id::parse("operational_readiness").expect("valid id");
    bencher.bench_local(|| {
        let edit = Edit::Scorecard(ScorecardEdit::RemoveCategory(category.clone()));
        history.apply(&mut ws, edit, 0).expect("accepted");
        history.undo(&mut ws).expect("one step");
    });
}

/// What a workspace file of two lists of 100,000 accounts would weigh:
/// every edit that can grow the workspace asks it (`format::check_size`).
#[divan::bench(sample_count = 20)]
fn file_len_100k_x_100k_accounts(bencher: divan::Bencher) {
    let ws = partnerfit_benches::workspace_with_accounts(100_000);
    bencher.bench(|| format::file_len(divan::black_box(&ws)));
}

/// The demo replaced by the imported workspace of two lists of 100,000
/// accounts, and the step undone (the page's "Replace my workspace").
#[divan::bench(sample_count = 20)]
fn replace_with_100k_x_100k_accounts_and_undo(bencher: divan::Bencher) {
    use partnerfit_core::edit::Replacement;
    let big = partnerfit_benches::workspace_with_accounts(100_000);
    let mut ws = partnerfit_core::demo::demo();
    let mut history = History::default();
    bencher.bench_local(|| {
        let why = Replacement::Import {
            file: "big.json".into(),
        };
        history
            .apply(&mut ws, Edit::Replace(Box::new(big.clone()), why), 0)
            .expect("accepted");
        history.undo(&mut ws).expect("one step");
    });
}
