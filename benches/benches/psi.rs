//! Budgets of the private overlap (overlap::private), medians with divan:
//! - 100,000 × 100,000 accounts, all three steps of both sides, natively on
//!   one core: under 30 s (`start`, `answer`, `finish`, `read_result` below,
//!   each on the same two synthetic lists; their sum is the total);
//! - per operation: one key hashed to the group and blinded, one received
//!   point blinded again;
//! - message size: at most 40 bytes per account per message (printed by
//!   `message_bytes_per_account`, checked by the core tests).

use partnerfit_core::overlap::matching::keys_of;
use partnerfit_core::overlap::normalize::Psl;
use partnerfit_core::overlap::population::Population;
use partnerfit_core::overlap::private::group::{blind_key, reblind, Secret};
use partnerfit_core::overlap::private::keys::KeySets;
use partnerfit_core::overlap::private::steps::{answer, finish, read_result, start};
use partnerfit_core::overlap::private::wire::Mode;
use partnerfit_core::vocab::Vocabulary;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn lists(n: usize) -> (KeySets, KeySets) {
    let (ours, theirs) = partnerfit_benches::account_lists(n, 3);
    let psl = Psl::embedded();
    (
        KeySets::of(&ours, &keys_of(psl, &ours), Population::ALL),
        KeySets::of(&theirs, &keys_of(psl, &theirs), Population::ALL),
    )
}

#[divan::bench]
fn hash_and_blind_one_key(b: divan::Bencher) {
    let s = Secret::from_seed(&[1; 32]);
    let mut i = 0u64;
    b.bench_local(|| {
        i += 1;
        blind_key(&s, format!("d:company-{i}.de").as_bytes())
    });
}

#[divan::bench]
fn reblind_one_point(b: divan::Bencher) {
    let (a, s) = (Secret::from_seed(&[1; 32]), Secret::from_seed(&[2; 32]));
    let p = blind_key(&a, b"d:acme.de");
    b.bench_local(|| reblind(&s, divan::black_box(&p)));
}

const N: usize = 100_000;

#[divan::bench(sample_count = 3, sample_size = 1)]
fn start_100k(b: divan::Bencher) {
    let (ours, _) = lists(N);
    b.bench_local(|| start(&ours, Mode::Accounts, "Us", 20, &[1; 32]).unwrap());
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn answer_100k_x_100k(b: divan::Bencher) {
    let (ours, theirs) = lists(N);
    let (request, _) = start(&ours, Mode::Accounts, "Us", 20, &[1; 32]).unwrap();
    b.bench_local(|| answer(&request, &theirs, "Them", 20, &[2; 32]).unwrap());
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn finish_100k_x_100k(b: divan::Bencher) {
    let (ours, theirs) = lists(N);
    let (request, asked) = start(&ours, Mode::Accounts, "Us", 20, &[1; 32]).unwrap();
    let (ans, _) = answer(&request, &theirs, "Them", 20, &[2; 32]).unwrap();
    b.bench_local(|| finish(&asked, &ans).unwrap());
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn read_result_100k_x_100k(b: divan::Bencher) {
    let (ours, theirs) = lists(N);
    let (request, asked) = start(&ours, Mode::Accounts, "Us", 20, &[1; 32]).unwrap();
    let (ans, answered) = answer(&request, &theirs, "Them", 20, &[2; 32]).unwrap();
    let (result, _) = finish(&asked, &ans).unwrap();
    b.bench_local(|| read_result(&answered, &result).unwrap());
}

/// Not a timing: the three files' bytes per account, printed once.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn message_bytes_per_account() {
    let (ours, theirs) = lists(N);
    let (request, asked) = start(&ours, Mode::Accounts, "Us", 20, &[1; 32]).unwrap();
    let (ans, _) = answer(&request, &theirs, "Them", 20, &[2; 32]).unwrap();
    let (result, _) = finish(&asked, &ans).unwrap();
    let (o, t) = (ours.total() as f64, theirs.total() as f64);
    eprintln!(
        "bytes per account: request {:.1} (of {o}), answer {:.1} (of {}), result {:.1}",
        request.len() as f64 / o,
        ans.len() as f64 / (o + t),
        o + t,
        result.len() as f64 / t
    );
}
