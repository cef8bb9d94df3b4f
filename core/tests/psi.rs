//! The private overlap (overlap::private): the matrix both sides end with
//! equals the plaintext matrix on the same exact keys; the files carry no
//! input text, no order that lines up, no size but the declared ones; and
//! every malformed, foreign or misplaced file is refused by name.

use std::collections::BTreeSet;

use partnerfit_core::overlap::account::Account;
use partnerfit_core::overlap::matching::keys_of;
use partnerfit_core::overlap::normalize::Psl;
use partnerfit_core::overlap::population::Population;
use partnerfit_core::overlap::private::error::{PsiError, Side};
use partnerfit_core::overlap::private::keys::{exact_matrix, KeySets};
use partnerfit_core::overlap::private::steps::{
    answer, answer_reporting, finish, finish_reporting, read_request, read_result, read_result_for,
    request_again, start, start_reporting, Answered, Asked, Outcome,
};
use partnerfit_core::overlap::private::wire::{decode, Message, Mode, Step};
use partnerfit_core::vocab::Vocabulary;
use sha2::{Digest, Sha256};

fn sets(accounts: &[Account]) -> KeySets {
    only(accounts, Population::ALL)
}

fn only(accounts: &[Account], keep: &[Population]) -> KeySets {
    KeySets::of(accounts, &keys_of(Psl::embedded(), accounts), keep)
}

/// Our and their lists from the labelled pairs (match_pairs.csv): row `r`'s
/// left side is ours, its right side theirs, populations spread over rows.
fn labelled_lists() -> (Vec<Account>, Vec<Account>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/match_pairs.csv"
    );
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for (n, rec) in rdr.records().enumerate() {
        let r = rec.unwrap();
        let pop = |k: usize| Population::ALL[(n / 7 + k) % 3];
        ours.push(Account::for_matching(n + 2, &r[0], &r[1], &r[2], pop(0)));
        theirs.push(Account::for_matching(
            n + 2,
            &r[3],
            &r[4],
            &r[5],
            pop(n % 2),
        ));
    }
    (ours, theirs)
}

/// Run the three steps over two lists; both outcomes and the three files.
fn run(
    ours: &KeySets,
    theirs: &KeySets,
    mode: Mode,
    seeds: (u8, u8),
) -> (Outcome, Outcome, [Vec<u8>; 3]) {
    let (request, asked) = start(ours, mode, "Us Ltd", 20, &[seeds.0; 32]).unwrap();
    let (ans, answered) = answer(&request, theirs, "Partner GmbH", 20, &[seeds.1; 32]).unwrap();
    let (result, ours_outcome) = finish(&asked, &ans).unwrap();
    let theirs_outcome = read_result(&answered, &result).unwrap();
    (ours_outcome, theirs_outcome, [request, ans, result])
}

fn shared_keys(o: &Outcome) -> BTreeSet<(String, String)> {
    o.shared
        .iter()
        .map(|s| (s.population.key().to_owned(), s.key.clone()))
        .collect()
}

/// The plaintext truth: our (population, key) elements whose key is in theirs.
fn truth(mine: &KeySets, other: &KeySets) -> BTreeSet<(String, String)> {
    let keys: BTreeSet<&str> = other
        .populations
        .iter()
        .flatten()
        .map(|e| e.key.as_str())
        .collect();
    mine.populations
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.iter()
                .filter(|e| keys.contains(e.key.as_str()))
                .map(move |e| (Population::ALL[i].key().to_owned(), e.key.clone()))
        })
        .collect()
}

#[test]
fn the_private_matrix_is_the_plaintext_matrix_in_both_modes() {
    let (ours, theirs) = labelled_lists();
    let (o, t) = (sets(&ours), sets(&theirs));
    let plain = exact_matrix(&o, &t);
    assert!(plain.iter().flatten().sum::<u32>() > 500, "{plain:?}");
    for mode in Mode::ALL {
        let (mine, partner, _) = run(&o, &t, *mode, (7, 9));
        assert_eq!(mine.cells, plain, "{mode:?}: requester");
        assert_eq!(partner.cells, plain, "{mode:?}: responder");
        assert_eq!(mine.requester_sizes, partner.requester_sizes);
        assert_eq!(mine.responder_sizes, partner.responder_sizes);
        assert_eq!(mine.requester_sizes, o.sizes().map(Some));
        match mode {
            Mode::Counts => {
                assert!(mine.shared.is_empty() && partner.shared.is_empty());
            }
            Mode::Accounts => {
                assert_eq!(shared_keys(&mine), truth(&o, &t));
                assert_eq!(shared_keys(&partner), truth(&t, &o));
            }
        }
    }
}

#[test]
fn a_key_in_several_populations_counts_once_in_the_first() {
    let a = |name: &str, domain: &str, p| Account::for_matching(1, name, domain, "DE", p);
    let mut ours: Vec<Account> = (0..30)
        .map(|i| {
            a(
                &format!("Filler {i}"),
                &format!("filler{i}.de"),
                Population::Prospect,
            )
        })
        .collect();
    ours.push(a("Acme", "acme.de", Population::Customer));
    ours.push(a(
        "Acme GmbH",
        "https://www.acme.de/en",
        Population::Prospect,
    ));
    ours.push(a("Beta", "beta.de", Population::OpenOpportunity));
    let mut theirs: Vec<Account> = (0..25)
        .map(|i| {
            a(
                &format!("Other {i}"),
                &format!("other{i}.at"),
                Population::Prospect,
            )
        })
        .collect();
    theirs.push(a("ACME", "acme.de", Population::Customer));
    theirs.push(a("Acme", "acme.de", Population::OpenOpportunity));
    theirs.push(a("Beta AG", "beta.de", Population::OpenOpportunity));
    theirs.push(a("Beta", "", Population::Prospect)); // no domain: key by name, no match
    let (o, t) = (sets(&ours), sets(&theirs));
    // Each key once, in its first population: no repeated point shows which
    // keys sit in two populations.
    assert_eq!((o.total(), t.total()), (32, 28));
    let (mine, partner, files) = run(&o, &t, Mode::Accounts, (1, 2));
    let want = [[1, 0, 0], [0, 1, 0], [0, 0, 0]];
    assert_eq!(mine.cells, want);
    assert_eq!(exact_matrix(&o, &t), want);
    assert_eq!(partner.cells, want);
    assert_eq!(points(&files[0]).len(), 32);
    let acme = mine
        .shared
        .iter()
        .find(|s| s.population == Population::Customer)
        .unwrap();
    assert_eq!(acme.key, "d:acme.de");
    assert_eq!(acme.theirs, [Population::Customer]);
    // When their customers do not take part, Acme is one of their open opportunities.
    let t = only(
        &theirs,
        &[Population::OpenOpportunity, Population::Prospect],
    );
    let (mine, _, _) = run(&o, &t, Mode::Accounts, (1, 2));
    assert_eq!(mine.cells, [[0, 1, 0], [0, 1, 0], [0, 0, 0]]);
    let acme = mine.shared.iter().find(|s| s.key == "d:acme.de").unwrap();
    assert_eq!(acme.theirs, [Population::OpenOpportunity]);
}

/// Every input field holds a marker; none may appear in any file.
#[test]
fn the_files_carry_no_input_text() {
    let make = |side: &str, n: usize| -> Vec<Account> {
        (0..n)
            .map(|i| {
                Account::for_matching(
                    i + 2,
                    format!("Zq{side}name{i} Corp"),
                    format!("zq{side}dom{i}.com"),
                    format!("Zq{side}land"),
                    Population::ALL[i % 3],
                )
            })
            .collect()
    };
    let mut ours = make("ours", 40);
    let mut theirs = make("theirs", 40);
    // Half shared: the shared keys must not show either.
    for i in 0..20 {
        theirs[i].domain = ours[i].domain.clone();
    }
    ours.push(Account::for_matching(
        99,
        "Zqoursnodomain",
        "",
        "Zqoursland",
        Population::Customer,
    ));
    let (o, t) = (sets(&ours), sets(&theirs));
    for mode in Mode::ALL {
        let (_, _, files) = run(&o, &t, *mode, (3, 4));
        for (file, step) in files.iter().zip(Step::ALL) {
            let text = String::from_utf8_lossy(file).to_lowercase();
            for marker in ["zqours", "zqtheirs", "corp", "land"] {
                assert!(!text.contains(marker), "{step:?} holds {marker}");
            }
        }
    }
}

fn points(file: &[u8]) -> BTreeSet<[u8; 32]> {
    let m = decode(file).unwrap();
    let pops = match &m {
        Message::Request(r) => vec![&r.points],
        Message::Answer(a) => vec![&a.again, &a.points],
        Message::Result(_) => vec![],
    };
    pops.into_iter()
        .flatten()
        .flatten()
        .flatten()
        .copied()
        .collect()
}

#[test]
fn two_sessions_over_the_same_lists_share_nothing() {
    let (ours, theirs) = labelled_lists();
    let (o, t) = (sets(&ours), sets(&theirs));
    let (_, _, first) = run(&o, &t, Mode::Accounts, (10, 11));
    let (_, _, second) = run(&o, &t, Mode::Accounts, (12, 13));
    for step in 0..2 {
        let (a, b) = (points(&first[step]), points(&second[step]));
        assert!(a.len() > 1000);
        assert_eq!(a.intersection(&b).count(), 0, "step {step}");
    }
    let session = |f: &[u8]| match decode(f).unwrap() {
        Message::Request(r) => r.session,
        _ => unreachable!(),
    };
    assert_ne!(session(&first[0]), session(&second[0]));
}

/// In counts mode the requester's points come back in an order of their own
/// (sorted by the new value), so they cannot be lined up with the request; in
/// accounts mode they come back in the request's order, by agreement.
#[test]
fn a_counts_only_answer_reveals_no_order() {
    let (ours, theirs) = labelled_lists();
    let (o, t) = (sets(&ours), sets(&theirs));
    for mode in Mode::ALL {
        let (_, _, files) = run(&o, &t, *mode, (5, 6));
        let (Message::Request(r), Message::Answer(a)) =
            (decode(&files[0]).unwrap(), decode(&files[1]).unwrap())
        else {
            unreachable!()
        };
        // The requester's own view: each request point blinded again, which
        // the test can compute knowing the responder's secret (seed 6).
        let secret = partnerfit_core::overlap::private::group::Secret::from_seed(&[6; 32]);
        for (sent, again) in r.points.iter().zip(&a.again) {
            let (Some(sent), Some(again)) = (sent, again) else {
                continue;
            };
            let expected: Vec<[u8; 32]> = sent
                .iter()
                .map(|p| partnerfit_core::overlap::private::group::reblind(&secret, p).unwrap())
                .collect();
            let lined_up = expected.iter().zip(again).filter(|(x, y)| x == y).count();
            match mode {
                Mode::Accounts => assert_eq!(lined_up, sent.len()),
                Mode::Counts => {
                    assert!(lined_up <= 3, "{lined_up} of {} lined up", sent.len());
                    let mut sorted = expected.clone();
                    sorted.sort_unstable();
                    assert_eq!(again, &sorted, "the order is the values' own");
                }
            }
        }
    }
}

/// A file's length is the fixed frame, its header and 32 bytes per declared
/// element: no other size, no padding that would tell more.
#[test]
fn the_sizes_in_the_files_are_the_declared_ones() {
    let (ours, theirs) = labelled_lists();
    let (o, t) = (sets(&ours), only(&theirs, &[Population::Customer]));
    let (request, _) = start(&o, Mode::Counts, "Us", 20, &[1; 32]).unwrap();
    let r = read_request(&request).unwrap();
    assert_eq!(
        r.points
            .each_ref()
            .map(|p| p.as_ref().map(|p| p.len() as u32)),
        o.sizes().map(|n| (n > 0).then_some(n))
    );
    let header_len = u32::from_le_bytes(request[15..19].try_into().unwrap()) as usize;
    let header: serde_json::Value = serde_json::from_slice(&request[19..19 + header_len]).unwrap();
    let keys: BTreeSet<&str> = header
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(
        keys,
        [
            "format",
            "step",
            "session",
            "mode",
            "from",
            "min_size",
            "requester"
        ]
        .into()
    );
    assert_eq!(request.len(), 15 + 4 + header_len + 32 * o.total() + 32);
    let (ans, _) = answer(&request, &t, "Them", 20, &[2; 32]).unwrap();
    let Message::Answer(a) = decode(&ans).unwrap() else {
        unreachable!()
    };
    assert!(
        a.points[1].is_none() && a.points[2].is_none(),
        "only customers take part"
    );
    let header_len = u32::from_le_bytes(ans[15..19].try_into().unwrap()) as usize;
    assert_eq!(
        ans.len(),
        15 + 4 + header_len + 32 * (o.total() + t.total()) + 32
    );
    // 40 bytes per account per message at most.
    assert!(ans.len() <= 40 * (o.total() + t.total()));
}

/// Rewrite a file's checksum after changing it, as a forger would.
fn reseal(mut file: Vec<u8>) -> Vec<u8> {
    let n = file.len() - 32;
    let sum = Sha256::digest(&file[..n]);
    file[n..].copy_from_slice(&sum);
    file
}

struct Exchange {
    asked: Asked,
    answered: Answered,
    files: [Vec<u8>; 3],
}

fn exchange(seeds: (u8, u8)) -> Exchange {
    exchange_in(Mode::Accounts, seeds)
}

fn exchange_in(mode: Mode, seeds: (u8, u8)) -> Exchange {
    let (ours, theirs) = labelled_lists();
    let (o, t) = (sets(&ours), sets(&theirs));
    let (request, asked) = start(&o, mode, "Us", 20, &[seeds.0; 32]).unwrap();
    let (ans, answered) = answer(&request, &t, "Them", 20, &[seeds.1; 32]).unwrap();
    let (result, _) = finish(&asked, &ans).unwrap();
    Exchange {
        asked,
        answered,
        files: [request, ans, result],
    }
}

/// Which step reads the file: answer (given a request), finish (given an
/// answer), read_result (given a result).
#[derive(Clone, Copy, Debug)]
enum Reader {
    Answer,
    Finish,
    ReadResult,
}

fn read(x: &Exchange, reader: Reader, file: &[u8]) -> Result<(), PsiError> {
    let (ours, theirs) = labelled_lists();
    let _ = ours;
    match reader {
        Reader::Answer => answer(file, &sets(&theirs), "Them", 20, &[2; 32]).map(|_| ()),
        Reader::Finish => finish(&x.asked, file).map(|_| ()),
        Reader::ReadResult => read_result(&x.answered, file).map(|_| ()),
    }
}

#[test]
fn bad_files_are_refused_by_name() {
    let x = exchange((1, 2));
    let other = exchange((3, 4));
    let [request, ans, result] = x.files.clone();
    let flip = |f: &[u8], at: usize| {
        let mut f = f.to_vec();
        f[at] ^= 1;
        f
    };
    let body = |f: &[u8]| 19 + u32::from_le_bytes(f[15..19].try_into().unwrap()) as usize;
    let swapped = {
        let mut f = ans.clone();
        let b = body(&f);
        let (first, second) = (f[b..b + 32].to_vec(), f[b + 32..b + 64].to_vec());
        f[b..b + 32].copy_from_slice(&second);
        f[b + 32..b + 64].copy_from_slice(&first);
        f
    };
    let not_a_point = {
        let mut f = request.clone();
        let b = body(&f);
        f[b..b + 32].copy_from_slice(&[0xff; 32]);
        reseal(f)
    };
    let repeated = {
        let mut f = request.clone();
        let b = body(&f);
        let first = f[b..b + 32].to_vec();
        f[b + 32..b + 64].copy_from_slice(&first);
        reseal(f)
    };
    let format_flipped = {
        let mut f = request.clone();
        let at = f.windows(10).position(|w| w == b"\"format\":1").unwrap() + 9;
        f[at] = b'3';
        f
    };
    let format_resealed = reseal(format_flipped.clone());
    let counts_result_with_positions = {
        // A counts-mode result that names positions anyway (a lying requester).
        let c = exchange_in(Mode::Counts, (1, 2));
        let mut m = match decode(&c.files[2]).unwrap() {
            Message::Result(f) => f,
            _ => unreachable!(),
        };
        m.shared
            .push(partnerfit_core::overlap::private::wire::SharedAt {
                position: 0,
                mask: 1,
            });
        (
            c,
            partnerfit_core::overlap::private::wire::encode(&Message::Result(m)),
        )
    };
    type Check = fn(&PsiError) -> bool;
    let mut rows: Vec<(&str, Reader, Vec<u8>, Check)> = vec![
        (
            "not a PSI file",
            Reader::Answer,
            b"name,domain\nAcme,acme.com\n".to_vec(),
            |e| matches!(e, PsiError::NotPsiFile),
        ),
        (
            "request cut short",
            Reader::Answer,
            request[..request.len() - 100].to_vec(),
            |e| matches!(e, PsiError::Truncated { .. }),
        ),
        (
            "answer cut in its header",
            Reader::Finish,
            ans[..40].to_vec(),
            |e| matches!(e, PsiError::Truncated { .. }),
        ),
        (
            "a bit of a point changed",
            Reader::Answer,
            flip(&request, request.len() - 40),
            |e| matches!(e, PsiError::Altered),
        ),
        (
            "a bit of the header changed",
            Reader::Finish,
            flip(&ans, 30),
            |e| matches!(e, PsiError::Altered),
        ),
        ("two points swapped", Reader::Finish, swapped, |e| {
            matches!(e, PsiError::Altered)
        }),
        (
            "bytes added",
            Reader::ReadResult,
            [result.clone(), vec![0]].concat(),
            |e| matches!(e, PsiError::Altered),
        ),
        (
            "a forged point, checksum redone",
            Reader::Answer,
            not_a_point,
            |e| matches!(e, PsiError::BadPoint { position: 1, .. }),
        ),
        (
            "a point repeated, checksum redone",
            Reader::Answer,
            repeated,
            |e| matches!(e, PsiError::Repeated { .. }),
        ),
        (
            "an answer given to answer",
            Reader::Answer,
            ans.clone(),
            |e| {
                matches!(
                    e,
                    PsiError::WrongStep {
                        expected: Step::Request,
                        found: Step::Answer
                    }
                )
            },
        ),
        (
            "the request given to finish",
            Reader::Finish,
            request.clone(),
            |e| {
                matches!(
                    e,
                    PsiError::WrongStep {
                        expected: Step::Answer,
                        found: Step::Request
                    }
                )
            },
        ),
        (
            "the result given to finish",
            Reader::Finish,
            result.clone(),
            |e| {
                matches!(
                    e,
                    PsiError::WrongStep {
                        expected: Step::Answer,
                        found: Step::Result
                    }
                )
            },
        ),
        (
            "the answer given as the result",
            Reader::ReadResult,
            ans.clone(),
            |e| {
                matches!(
                    e,
                    PsiError::WrongStep {
                        expected: Step::Result,
                        found: Step::Answer
                    }
                )
            },
        ),
        (
            "another session's answer",
            Reader::Finish,
            other.files[1].clone(),
            |e| matches!(e, PsiError::OtherSession { .. }),
        ),
        (
            "another session's result",
            Reader::ReadResult,
            other.files[2].clone(),
            |e| matches!(e, PsiError::OtherSession { .. }),
        ),
    ];
    rows.push((
        "a bit of the format changed",
        Reader::Answer,
        format_flipped,
        |e| matches!(e, PsiError::Altered),
    ));
    rows.push((
        "a newer format, resealed",
        Reader::Answer,
        format_resealed,
        |e| matches!(e, PsiError::NewerFormat { found: 3, .. }),
    ));
    let (c, file) = counts_result_with_positions;
    let err = read_result(&c.answered, &file).unwrap_err();
    assert!(matches!(err, PsiError::SharedInCounts), "{err:?}");
    for (what, reader, file, ok) in rows {
        let err = read(&x, reader, &file).expect_err(what);
        assert!(ok(&err), "{what}: {err:?}");
        assert!(
            err.to_string().len() > 30,
            "{what}: the message says why: {err}"
        );
    }
}

#[test]
fn an_answer_to_another_request_of_the_same_session_is_refused() {
    // Same seed, so the same session, but a different list: another request.
    let (ours, theirs) = labelled_lists();
    let (o, t) = (sets(&ours), sets(&theirs));
    let (_, asked) = start(&o, Mode::Counts, "Us", 20, &[1; 32]).unwrap();
    let (other_request, _) = start(
        &only(&ours, &[Population::Customer]),
        Mode::Counts,
        "Us",
        20,
        &[1; 32],
    )
    .unwrap();
    let (ans, _) = answer(&other_request, &t, "Them", 20, &[2; 32]).unwrap();
    let err = finish(&asked, &ans).unwrap_err();
    assert!(matches!(err, PsiError::NotForThis { .. }), "{err:?}");
}

#[test]
fn small_lists_are_refused_on_both_sides() {
    let list = |n: usize, side: &str| -> Vec<Account> {
        (0..n)
            .map(|i| {
                Account::for_matching(
                    i + 2,
                    format!("{side} {i}"),
                    format!("{side}{i}.com"),
                    "US",
                    Population::Customer,
                )
            })
            .collect()
    };
    let (big, small) = (sets(&list(30, "big")), sets(&list(19, "small")));
    let err = start(&small, Mode::Counts, "Us", 20, &[1; 32]).unwrap_err();
    assert_eq!(
        err,
        PsiError::TooFew {
            side: Side::Requester,
            count: 19,
            min: 20
        }
    );
    assert!(
        err.to_string().contains("probe for single accounts"),
        "{err}"
    );
    // A request the requester allowed at 10 is refused by a responder at 20.
    let (request, asked) = start(&small, Mode::Counts, "Us", 10, &[1; 32]).unwrap();
    let err = answer(&request, &big, "Them", 20, &[2; 32]).unwrap_err();
    assert_eq!(
        err,
        PsiError::TooFew {
            side: Side::Requester,
            count: 19,
            min: 20
        }
    );
    // A responder's list under the requester's minimum is refused when answering.
    let (request, _) = start(&big, Mode::Counts, "Us", 25, &[1; 32]).unwrap();
    let err = answer(&request, &sets(&list(22, "mid")), "Them", 20, &[2; 32]).unwrap_err();
    assert_eq!(
        err,
        PsiError::TooFew {
            side: Side::Responder,
            count: 22,
            min: 25
        }
    );
    // No population chosen.
    let (request, _) = start(&big, Mode::Counts, "Us", 20, &[1; 32]).unwrap();
    let err = answer(&request, &KeySets::default(), "Them", 20, &[2; 32]).unwrap_err();
    assert_eq!(err, PsiError::NoPopulation);
    let _ = asked;
}

/// The reporting steps give the same files, and report every group
/// operation: the last report is (total, total), totals are the elements
/// each step blinds, and `done` only grows.
#[test]
fn progress_reports_every_group_operation() {
    let (ours, theirs) = labelled_lists();
    let (ours, theirs) = (sets(&ours), sets(&theirs));
    let mut seen: Vec<Vec<(usize, usize)>> = vec![Vec::new(); 3];
    let (request, asked) = start_reporting(
        &ours,
        Mode::Accounts,
        "Us Ltd",
        20,
        &[1; 32],
        &mut |d, t| seen[0].push((d, t)),
    )
    .unwrap();
    let (ans, _) = answer_reporting(
        &request,
        &theirs,
        "Partner GmbH",
        20,
        &[2; 32],
        &mut |d, t| seen[1].push((d, t)),
    )
    .unwrap();
    let (result, _) = finish_reporting(&asked, &ans, &mut |d, t| seen[2].push((d, t))).unwrap();
    let plain = run(&ours, &theirs, Mode::Accounts, (1, 2)).2;
    assert_eq!([request, ans, result], plain, "reporting changes no file");
    let totals = [ours.total(), ours.total() + theirs.total(), theirs.total()];
    for (step, (reports, total)) in seen.iter().zip(totals).enumerate() {
        assert_eq!(reports.last(), Some(&(total, total)), "step {step}");
        assert!(
            reports.len() >= total / 128,
            "step {step}: {} reports",
            reports.len()
        );
        assert!(reports.windows(2).all(|w| w[0].0 < w[1].0), "step {step}");
    }
}

/// A responder waiting on several answers reads a result with the one it
/// answers, whatever their order; a result for none of them is refused as
/// another session's, and with none kept it says so.
#[test]
fn a_result_finds_its_own_answer() {
    let (ours, theirs) = labelled_lists();
    let (ours, theirs) = (sets(&ours), sets(&theirs));
    let mut kept = Vec::new();
    let mut results = Vec::new();
    for seed in [3u8, 5, 7] {
        let (request, asked) = start(&ours, Mode::Counts, "Us Ltd", 20, &[seed; 32]).unwrap();
        let (ans, answered) = answer(&request, &theirs, "Them", 20, &[seed + 1; 32]).unwrap();
        let (result, outcome) = finish(&asked, &ans).unwrap();
        kept.push(answered);
        results.push((result, outcome));
    }
    for (n, (result, outcome)) in results.iter().enumerate() {
        let (i, read) = read_result_for(&kept, result).unwrap();
        assert_eq!(i, n);
        assert_eq!(read.cells, outcome.cells);
    }
    assert!(matches!(
        read_result_for(&kept[1..], &results[0].0),
        Err(PsiError::NoAnswerFor { .. })
    ));
    assert_eq!(
        read_result_for(&[], &results[0].0),
        Err(PsiError::NothingAnswered)
    );
}

/// A lost request file is made again byte for byte from what the requester
/// keeps, until the comparison is finished.
#[test]
fn a_request_is_made_again_until_finished() {
    let (ours, theirs) = labelled_lists();
    let (ours, theirs) = (sets(&ours), sets(&theirs));
    for mode in [Mode::Counts, Mode::Accounts] {
        let (request, mut asked) = start(&ours, mode, "Us Ltd", 20, &[9; 32]).unwrap();
        assert_eq!(request_again(&asked).unwrap(), request, "{mode:?}");
        let (ans, _) = answer(&request, &theirs, "Them", 20, &[8; 32]).unwrap();
        finish(&asked, &ans).unwrap();
        asked.erase_secret();
        assert_eq!(request_again(&asked), Err(PsiError::Finished));
    }
}
