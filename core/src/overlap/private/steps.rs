//! The three steps of a private comparison and what each side keeps between
//! them.
//!
//! 1. [`start`] (requester, secret `a`): `H(k)·a` for each of its keys, each
//!    population sorted by value (a random order that depends on no input
//!    order) → the request. It keeps [`Asked`].
//! 2. [`answer`] (responder, secret `b`): the request's points times `b`,
//!    sorted again within each population in counts mode (so the requester
//!    cannot tell which of its keys are shared) or in the request's order in
//!    accounts mode; and `H(k')·b` for its own keys, sorted → the answer.
//!    It keeps [`Answered`].
//! 3. [`finish`] (requester): the responder's points times `a`. A key is
//!    shared exactly when `H(k')·b·a` equals one of the `H(k)·a·b`, so the
//!    matrix counts, for each pair of populations, the equal values → the
//!    result, which carries the matrix and, in accounts mode, the positions of
//!    the responder's shared points. [`read_result`] gives the responder the
//!    same [`Outcome`].
//!
//! Both sides refuse a list with fewer keys than their minimum. A file from
//! another session, for another file of this session, of the wrong step,
//! cut short or changed is refused before anything is computed; a refusal
//! leaves what a side keeps unchanged.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::{PsiError, Side};
use super::group::{blind_key, reblind, BadPoint, Secret, Wire};
use super::keys::KeySets;
use super::wire::{
    check_name, decode_answer, decode_request, decode_result, digest, encode, Answer, Digest32,
    Finished, Message, Mode, Populations, Request, SessionId, SharedAt, Step,
};
use crate::overlap::population::Population;
use crate::vocab::Vocabulary;

/// The minimum list size both sides apply unless told otherwise.
pub const DEFAULT_MIN_SIZE: u32 = 20;

/// What the requester keeps between the request and the answer. Holds the
/// session's secret: it stays on the requester's machine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    pub session: String,
    pub mode: Mode,
    pub from: String,
    pub min_size: u32,
    /// The 32 random bytes the secret comes from, as hex.
    pub seed: String,
    /// The request's digest, as hex.
    pub request: String,
    /// Our keys per population in the order they were sent (`None`: not taking part).
    pub sent: [Option<Vec<String>>; 3],
}

/// What the responder keeps between the answer and the result (no secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answered {
    pub session: String,
    pub mode: Mode,
    /// Who asked, and who answered.
    pub requester: String,
    pub from: String,
    pub requester_sizes: [Option<u32>; 3],
    /// The answer's digest, as hex.
    pub answer: String,
    /// Our keys per population in the order they were sent.
    pub sent: [Option<Vec<String>>; 3],
}

/// One of a side's own keys found in the other side's list (accounts mode).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedKey {
    pub population: Population,
    pub key: String,
    /// The other side's populations that hold it.
    pub theirs: Vec<Population>,
}

/// What a side ends with: the same matrix on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub session: SessionId,
    pub mode: Mode,
    pub requester: String,
    pub responder: String,
    pub requester_sizes: [Option<u32>; 3],
    pub responder_sizes: [Option<u32>; 3],
    /// `cells[requester population][responder population]`.
    pub cells: [[u32; 3]; 3],
    /// This side's own shared keys; empty in counts mode.
    pub shared: Vec<SharedKey>,
}

/// The session id drawn from a seed (public, unlike the secret).
pub fn session_of(seed: &[u8; 32]) -> SessionId {
    let mut h = Sha256::new();
    h.update(b"partnerfit psi session v1");
    h.update(seed);
    let d = h.finalize();
    SessionId(d[..16].try_into().expect("16 bytes"))
}

/// Refuse `count` keys under `min` (none at all is always refused).
fn check_count(count: usize, side: Side, min: u32) -> Result<(), PsiError> {
    if count == 0 || count < min as usize {
        return Err(PsiError::TooFew { side, count, min });
    }
    Ok(())
}

fn check_size(sets: &KeySets, side: Side, min: u32) -> Result<(), PsiError> {
    if sets.total() == 0 && side == Side::Responder {
        return Err(PsiError::NoPopulation);
    }
    check_count(sets.total(), side, min)
}

/// Group operations counted for progress: `report(done, total)` is called
/// every [`REPORT_EVERY`] operations and once at the end, so a shell can
/// show progress (the browser's worker does) without the core knowing how.
pub struct Ops<'a> {
    done: usize,
    total: usize,
    report: &'a mut dyn FnMut(usize, usize),
}

/// Operations between two progress reports (about 10 ms in the browser).
pub const REPORT_EVERY: usize = 128;

impl<'a> Ops<'a> {
    /// `total` operations ahead, reported to `report`.
    fn new(total: usize, report: &'a mut dyn FnMut(usize, usize)) -> Ops<'a> {
        Ops {
            done: 0,
            total,
            report,
        }
    }

    fn tick(&mut self) {
        self.done += 1;
        if self.done.is_multiple_of(REPORT_EVERY) || self.done == self.total {
            (self.report)(self.done, self.total);
        }
    }
}

/// No progress wanted.
fn quiet(_: usize, _: usize) {}

/// Each taking-part (non-empty) population's keys blinded, sorted by value.
fn blind_sorted(
    secret: &Secret,
    sets: &KeySets,
    ops: &mut Ops,
) -> (Populations, [Option<Vec<String>>; 3]) {
    let mut points: Populations = Default::default();
    let mut keys: [Option<Vec<String>>; 3] = Default::default();
    for (i, population) in sets.populations.iter().enumerate() {
        if population.is_empty() {
            continue;
        }
        let mut pairs: Vec<(Wire, &str)> = population
            .iter()
            .map(|e| {
                ops.tick();
                (blind_key(secret, e.key.as_bytes()), e.key.as_str())
            })
            .collect();
        pairs.sort_unstable_by_key(|p| p.0);
        points[i] = Some(pairs.iter().map(|p| p.0).collect());
        keys[i] = Some(pairs.into_iter().map(|p| p.1.to_owned()).collect());
    }
    (points, keys)
}

/// Step 1: the request file, and what the requester keeps.
pub fn start(
    sets: &KeySets,
    mode: Mode,
    from: &str,
    min_size: u32,
    seed: &[u8; 32],
) -> Result<(Vec<u8>, Asked), PsiError> {
    start_reporting(sets, mode, from, min_size, seed, &mut quiet)
}

/// [`start`], reporting its group operations to `report(done, total)`.
pub fn start_reporting(
    sets: &KeySets,
    mode: Mode,
    from: &str,
    min_size: u32,
    seed: &[u8; 32],
    report: &mut dyn FnMut(usize, usize),
) -> Result<(Vec<u8>, Asked), PsiError> {
    check_name(from)?;
    check_size(sets, Side::Requester, min_size)?;
    let secret = Secret::from_seed(seed);
    let session = session_of(seed);
    let mut ops = Ops::new(sets.total(), report);
    let (points, sent) = blind_sorted(&secret, sets, &mut ops);
    let file = encode(&Message::Request(Request {
        session,
        mode,
        from: from.to_owned(),
        min_size,
        points,
    }));
    let asked = Asked {
        session: session.to_string(),
        mode,
        from: from.to_owned(),
        min_size,
        seed: hex::encode(seed),
        request: hex::encode(digest(&file)),
        sent,
    };
    Ok((file, asked))
}

/// Read a request for the consent screen: who asks, the mode, its sizes.
pub fn read_request(file: &[u8]) -> Result<Request, PsiError> {
    decode_request(file)
}

/// A file answers what this side sent: the same session, and the digest of
/// the very file sent (the pair: the step it answers, and its own step).
fn check_bound(
    session: SessionId,
    answers: &Digest32,
    kept_session: &str,
    kept_digest: &str,
    (expected, found): (Step, Step),
) -> Result<(), PsiError> {
    if session.to_string() != kept_session {
        return Err(PsiError::OtherSession {
            expected: kept_session.to_owned(),
            found: session.to_string(),
        });
    }
    if hex::encode(answers) != kept_digest {
        return Err(PsiError::NotForThis { expected, found });
    }
    Ok(())
}

/// Elements per population (`None`: not taking part).
pub fn sizes<T>(p: &[Option<Vec<T>>; 3]) -> [Option<u32>; 3] {
    p.each_ref().map(|v| v.as_ref().map(|v| v.len() as u32))
}

fn population_total(p: &Populations) -> usize {
    p.iter().flatten().map(Vec::len).sum()
}

/// Refuse a file whose points repeat, within a population or across two:
/// an honest side sends each key once.
fn check_distinct(p: &Populations) -> Result<(), PsiError> {
    let mut all: Vec<(&Wire, usize, usize)> = p
        .iter()
        .enumerate()
        .filter_map(|(i, pts)| pts.as_ref().map(|pts| (i, pts)))
        .flat_map(|(i, pts)| pts.iter().enumerate().map(move |(n, w)| (w, i, n)))
        .collect();
    all.sort_unstable();
    if let Some(w) = all.windows(2).find(|w| w[0].0 == w[1].0) {
        let (_, i, n) = w[0].max(w[1]);
        return Err(PsiError::Repeated {
            population: Population::ALL[i].label(),
            position: n + 1,
        });
    }
    Ok(())
}

fn reblind_all(secret: &Secret, p: &Populations, ops: &mut Ops) -> Result<Populations, PsiError> {
    let mut out: Populations = Default::default();
    for (i, pts) in p.iter().enumerate() {
        let Some(pts) = pts else { continue };
        let mut v = Vec::with_capacity(pts.len());
        for (n, pt) in pts.iter().enumerate() {
            ops.tick();
            v.push(reblind(secret, pt).map_err(|e| PsiError::BadPoint {
                population: Population::ALL[i].label(),
                position: n + 1,
                why: match e {
                    BadPoint::NotAPoint => "not a valid group element (the file was changed)",
                    BadPoint::Identity => "the neutral element, which no honest side sends",
                },
            })?);
        }
        out[i] = Some(v);
    }
    Ok(out)
}

/// Step 2: the answer file, and what the responder keeps. `sets` holds only
/// the populations the responder chose to take part.
pub fn answer(
    request: &[u8],
    sets: &KeySets,
    from: &str,
    min_size: u32,
    seed: &[u8; 32],
) -> Result<(Vec<u8>, Answered), PsiError> {
    answer_reporting(request, sets, from, min_size, seed, &mut quiet)
}

/// [`answer`], reporting its group operations to `report(done, total)`.
pub fn answer_reporting(
    request: &[u8],
    sets: &KeySets,
    from: &str,
    min_size: u32,
    seed: &[u8; 32],
    report: &mut dyn FnMut(usize, usize),
) -> Result<(Vec<u8>, Answered), PsiError> {
    check_name(from)?;
    let r = read_request(request)?;
    check_count(population_total(&r.points), Side::Requester, min_size)?;
    check_size(sets, Side::Responder, min_size.max(r.min_size))?;
    check_distinct(&r.points)?;
    let secret = Secret::from_seed(seed);
    let mut ops = Ops::new(population_total(&r.points) + sets.total(), report);
    let mut again = reblind_all(&secret, &r.points, &mut ops)?;
    if r.mode == Mode::Counts {
        for v in again.iter_mut().flatten() {
            v.sort_unstable();
        }
    }
    let (points, sent) = blind_sorted(&secret, sets, &mut ops);
    let file = encode(&Message::Answer(Answer {
        session: r.session,
        request: digest(request),
        from: from.to_owned(),
        again,
        points,
    }));
    let answered = Answered {
        session: r.session.to_string(),
        mode: r.mode,
        requester: r.from,
        from: from.to_owned(),
        requester_sizes: sizes(&r.points),
        answer: hex::encode(digest(&file)),
        sent,
    };
    Ok((file, answered))
}

fn populations_of(mask: u8) -> Vec<Population> {
    Population::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, p)| *p)
        .collect()
}

fn seed_of(asked: &Asked) -> Result<[u8; 32], PsiError> {
    let mut seed = [0u8; 32];
    hex::decode_to_slice(&asked.seed, &mut seed).map_err(|_| PsiError::Finished)?;
    Ok(seed)
}

impl Asked {
    /// Erase the secret once the comparison is finished: no later answer can
    /// be read with it ([`finish`] refuses with [`PsiError::Finished`]).
    pub fn erase_secret(&mut self) {
        self.seed.clear();
    }
}

/// Step 3: the result file for the responder, and our outcome.
pub fn finish(asked: &Asked, answer_file: &[u8]) -> Result<(Vec<u8>, Outcome), PsiError> {
    finish_reporting(asked, answer_file, &mut quiet)
}

/// [`finish`], reporting its group operations to `report(done, total)`.
pub fn finish_reporting(
    asked: &Asked,
    answer_file: &[u8],
    report: &mut dyn FnMut(usize, usize),
) -> Result<(Vec<u8>, Outcome), PsiError> {
    let a = decode_answer(answer_file)?;
    check_bound(
        a.session,
        &a.request,
        &asked.session,
        &asked.request,
        (Step::Request, Step::Answer),
    )?;
    for (i, (sent, again)) in asked.sent.iter().zip(&a.again).enumerate() {
        let (s, g) = (
            sent.as_ref().map_or(0, Vec::len),
            again.as_ref().map_or(0, Vec::len),
        );
        if s != g || sent.is_some() != again.is_some() {
            return Err(PsiError::AnswerSize {
                population: Population::ALL[i].label(),
                sent: s,
                found: g,
            });
        }
    }
    check_count(population_total(&a.points), Side::Responder, asked.min_size)?;
    check_distinct(&a.points)?;
    let secret = Secret::from_seed(&seed_of(asked)?);
    let mut ops = Ops::new(population_total(&a.points), report);
    let theirs = reblind_all(&secret, &a.points, &mut ops)?;

    // Each doubly blinded value of ours → the mask of our populations.
    let mut ours: HashMap<Wire, u8> = HashMap::with_capacity(population_total(&a.again));
    for (i, v) in a.again.iter().enumerate() {
        for w in v.iter().flatten() {
            *ours.entry(*w).or_default() |= 1 << i;
        }
    }
    let mut cells = [[0u32; 3]; 3];
    let mut theirs_mask: HashMap<Wire, u8> = HashMap::new();
    let mut shared_at = Vec::new();
    let mut position = 0u32;
    for (j, v) in theirs.iter().enumerate() {
        for w in v.iter().flatten() {
            if let Some(mask) = ours.get(w) {
                for (i, row) in cells.iter_mut().enumerate() {
                    if mask & (1 << i) != 0 {
                        row[j] += 1;
                    }
                }
                *theirs_mask.entry(*w).or_default() |= 1 << j;
                shared_at.push(SharedAt {
                    position,
                    mask: *mask,
                });
            }
            position += 1;
        }
    }
    let shared = if asked.mode == Mode::Accounts {
        let mut shared = Vec::new();
        for (i, (keys, again)) in asked.sent.iter().zip(&a.again).enumerate() {
            let (Some(keys), Some(again)) = (keys, again) else {
                continue;
            };
            for (key, w) in keys.iter().zip(again) {
                if let Some(m) = theirs_mask.get(w) {
                    shared.push(SharedKey {
                        population: Population::ALL[i],
                        key: key.clone(),
                        theirs: populations_of(*m),
                    });
                }
            }
        }
        shared
    } else {
        shared_at.clear();
        Vec::new()
    };
    let file = encode(&Message::Result(Finished {
        session: a.session,
        answer: digest(answer_file),
        mode: asked.mode,
        cells,
        shared: shared_at,
    }));
    let outcome = Outcome {
        session: a.session,
        mode: asked.mode,
        requester: asked.from.clone(),
        responder: a.from,
        requester_sizes: sizes(&asked.sent),
        responder_sizes: sizes(&a.points),
        cells,
        shared,
    };
    Ok((file, outcome))
}

/// The responder's outcome from the result file.
pub fn read_result(answered: &Answered, file: &[u8]) -> Result<Outcome, PsiError> {
    let f = decode_result(file)?;
    check_bound(
        f.session,
        &f.answer,
        &answered.session,
        &answered.answer,
        (Step::Answer, Step::Result),
    )?;
    if f.mode != answered.mode {
        return Err(PsiError::ModeMismatch {
            expected: answered.mode.label(),
            found: f.mode.label(),
        });
    }
    if f.mode == Mode::Counts && !f.shared.is_empty() {
        return Err(PsiError::SharedInCounts);
    }
    let flat: Vec<(Population, &String)> = answered
        .sent
        .iter()
        .enumerate()
        .flat_map(|(i, v)| v.iter().flatten().map(move |k| (Population::ALL[i], k)))
        .collect();
    let mut shared = Vec::with_capacity(f.shared.len());
    for s in &f.shared {
        let (population, key) = flat
            .get(s.position as usize)
            .ok_or(PsiError::ResultPosition {
                position: s.position,
                sent: flat.len(),
            })?;
        shared.push(SharedKey {
            population: *population,
            key: (*key).clone(),
            theirs: populations_of(s.mask),
        });
    }
    Ok(Outcome {
        session: f.session,
        mode: f.mode,
        requester: answered.requester.clone(),
        responder: answered.from.clone(),
        requester_sizes: answered.requester_sizes,
        responder_sizes: sizes(&answered.sent),
        cells: f.cells,
        shared,
    })
}

/// The responder's outcome from the result file, for whichever of its kept
/// answers the file answers (a side may wait on several): the index of
/// that answer and the outcome. A file for none of them is refused as
/// [`read_result`] refuses it for the first.
pub fn read_result_for(kept: &[Answered], file: &[u8]) -> Result<(usize, Outcome), PsiError> {
    if kept.is_empty() {
        return Err(PsiError::NothingAnswered);
    }
    let session = decode_result(file)?.session.to_string();
    let i = kept
        .iter()
        .position(|k| k.session == session)
        .ok_or(PsiError::NoAnswerFor { session })?;
    read_result(&kept[i], file).map(|o| (i, o))
}

/// The request file again, byte for byte, from what the requester keeps
/// (its keys in the order sent and the seed): for a request file lost
/// before the answer came. Refused once the comparison is finished (the
/// secret is erased) or when what is kept does not remake the same file.
pub fn request_again(asked: &Asked) -> Result<Vec<u8>, PsiError> {
    let seed = seed_of(asked)?;
    let secret = Secret::from_seed(&seed);
    let points = asked.sent.each_ref().map(|keys| {
        keys.as_ref().map(|keys| {
            keys.iter()
                .map(|k| blind_key(&secret, k.as_bytes()))
                .collect()
        })
    });
    let file = encode(&Message::Request(Request {
        session: session_of(&seed),
        mode: asked.mode,
        from: asked.from.clone(),
        min_size: asked.min_size,
        points,
    }));
    if hex::encode(digest(&file)) != asked.request {
        return Err(PsiError::Finished);
    }
    Ok(file)
}
