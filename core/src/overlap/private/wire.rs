//! The three files of a private comparison, as bytes.
//!
//! ```text
//! "PARTNERFIT-PSI\n"   15 bytes
//! header length        u32, little-endian
//! header               JSON: format, step, session, and the step's fields
//! body                 request: the requester's points, population by population
//!                      answer:  the requester's points blinded again, then the responder's
//!                      result:  per shared element of the responder, its position
//!                               (u32 LE) and the requester's populations (u8 mask)
//! checksum             SHA-256 of everything before it (32 bytes)
//! ```
//!
//! Points are 32 bytes each, so a message carries 32 bytes per account plus
//! a header of a few hundred bytes. Populations appear in
//! [`Population::ALL`] order; the header's counts are the only sizes written,
//! and a population missing from them does not take part.
//!
//! The checksum catches a file cut short or changed on the way; the digest
//! of one file (its checksum) is written into the next, which binds the
//! three files of a session to each other.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::PsiError;
use super::group::Wire;
pub use super::terms::{Mode, Step};
use crate::overlap::population::Population;
use crate::vocab::Vocabulary;

/// The file's first bytes.
pub const MAGIC: &[u8] = b"PARTNERFIT-PSI\n";
/// The format this Partnerfit writes and reads.
pub const FORMAT: u32 = 1;
const FIXED: usize = MAGIC.len() + 4 + 32;

/// A comparison's id: 16 bytes, written as hex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SessionId(pub [u8; 16]);

impl std::fmt::Display for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&hex::encode(self.0))
    }
}

/// A file's digest: its checksum.
pub type Digest32 = [u8; 32];

/// Points per population; an absent population does not take part.
pub type Populations = [Option<Vec<Wire>>; 3];

/// Step 1: the requester's blinded keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub session: SessionId,
    pub mode: Mode,
    /// Who asks, as they name themselves.
    pub from: String,
    /// The smallest list the requester accepts in the answer.
    pub min_size: u32,
    pub points: Populations,
}

/// Step 2: the requester's keys blinded again, and the responder's blinded keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub session: SessionId,
    /// The request this answers.
    pub request: Digest32,
    pub from: String,
    /// Same populations and sizes as the request's points.
    pub again: Populations,
    pub points: Populations,
}

/// One shared element of the responder, in the result (accounts mode).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SharedAt {
    /// Position among the answer's responder points (populations in order).
    pub position: u32,
    /// The requester's populations holding it (bit `i`: `Population::ALL[i]`).
    pub mask: u8,
}

/// Step 3: the matrix for the responder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finished {
    pub session: SessionId,
    /// The answer this result is for.
    pub answer: Digest32,
    pub mode: Mode,
    /// `cells[requester population][responder population]`.
    pub cells: [[u32; 3]; 3],
    /// Empty in counts mode.
    pub shared: Vec<SharedAt>,
}

/// Any of the three.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    Request(Request),
    Answer(Answer),
    Result(Finished),
}

impl Message {
    pub fn step(&self) -> Step {
        match self {
            Message::Request(_) => Step::Request,
            Message::Answer(_) => Step::Answer,
            Message::Result(_) => Step::Result,
        }
    }
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Header {
    format: u32,
    step: String,
    session: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min_size: Option<u32>,
    /// The digest of the file this one answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answers: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    requester: Option<BTreeMap<String, u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    responder: Option<BTreeMap<String, u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cells: Option<[[u32; 3]; 3]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    shared: Option<u32>,
}

fn sizes(p: &Populations) -> BTreeMap<String, u32> {
    Population::ALL
        .iter()
        .zip(p)
        .filter_map(|(pop, pts)| pts.as_ref().map(|v| (pop.key().to_owned(), v.len() as u32)))
        .collect()
}

fn push_points(body: &mut Vec<u8>, p: &Populations) {
    for pts in p.iter().flatten() {
        for pt in pts {
            body.extend_from_slice(pt);
        }
    }
}

/// The file of a message.
pub fn encode(m: &Message) -> Vec<u8> {
    let mut h = Header {
        format: FORMAT,
        step: m.step().key().to_owned(),
        ..Header::default()
    };
    let mut body = Vec::new();
    match m {
        Message::Request(r) => {
            h.session = r.session.to_string();
            h.mode = Some(r.mode.key().to_owned());
            h.from = Some(r.from.clone());
            h.min_size = Some(r.min_size);
            h.requester = Some(sizes(&r.points));
            push_points(&mut body, &r.points);
        }
        Message::Answer(a) => {
            h.session = a.session.to_string();
            h.answers = Some(hex::encode(a.request));
            h.from = Some(a.from.clone());
            h.requester = Some(sizes(&a.again));
            h.responder = Some(sizes(&a.points));
            push_points(&mut body, &a.again);
            push_points(&mut body, &a.points);
        }
        Message::Result(f) => {
            h.session = f.session.to_string();
            h.answers = Some(hex::encode(f.answer));
            h.mode = Some(f.mode.key().to_owned());
            h.cells = Some(f.cells);
            h.shared = Some(f.shared.len() as u32);
            for s in &f.shared {
                body.extend_from_slice(&s.position.to_le_bytes());
                body.push(s.mask);
            }
        }
    }
    let header = serde_json::to_vec(&h).expect("a header serialises");
    let mut out = Vec::with_capacity(FIXED + header.len() + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(&body);
    let sum = Sha256::digest(&out);
    out.extend_from_slice(&sum);
    out
}

/// The digest of a file written by [`encode`]: its checksum.
pub fn digest(file: &[u8]) -> Digest32 {
    let mut d = [0u8; 32];
    if file.len() >= 32 {
        d.copy_from_slice(&file[file.len() - 32..]);
    }
    d
}

fn checksum_ok(file: &[u8]) -> bool {
    file.len() >= 32
        && Sha256::digest(&file[..file.len() - 32]).as_slice() == &file[file.len() - 32..]
}

/// The length a file's header declares, when it can be read.
fn declared_len(file: &[u8], hl: usize) -> Option<u64> {
    let start = MAGIC.len() + 4;
    let framed = FIXED as u64 + hl as u64;
    let Some(header) = start.checked_add(hl).and_then(|end| file.get(start..end)) else {
        return Some(framed);
    };
    let h: Header = serde_json::from_slice(header).ok()?;
    Some(framed + body_len(&h).ok()?)
}

/// Read a file: any step. The checksum is checked first, so a file damaged
/// on the way is reported as cut short or changed, never by what the damage
/// happens to make of its header.
pub fn decode(file: &[u8]) -> Result<Message, PsiError> {
    if !file.starts_with(MAGIC) {
        return Err(PsiError::NotPsiFile);
    }
    if file.len() < FIXED {
        return Err(PsiError::Truncated {
            expected: FIXED,
            found: file.len(),
        });
    }
    let start = MAGIC.len() + 4;
    let hl = u32::from_le_bytes(file[MAGIC.len()..start].try_into().expect("4 bytes")) as usize;
    if !checksum_ok(file) {
        return Err(match declared_len(file, hl) {
            Some(expected) if (file.len() as u64) < expected => PsiError::Truncated {
                expected: usize::try_from(expected).unwrap_or(usize::MAX),
                found: file.len(),
            },
            _ => PsiError::Altered,
        });
    }
    let framed = FIXED as u64 + hl as u64;
    let header = start
        .checked_add(hl)
        .and_then(|end| file.get(start..end))
        .filter(|_| framed <= file.len() as u64)
        .ok_or_else(|| header_error("its length runs past the end of the file"))?;
    let h: Header = serde_json::from_slice(header).map_err(|e| PsiError::Header(e.to_string()))?;
    if h.format > FORMAT {
        return Err(PsiError::NewerFormat {
            found: h.format,
            reads: FORMAT,
        });
    }
    let expected = framed + body_len(&h)?;
    if file.len() as u64 != expected {
        return Err(header_error(format!(
            "its sizes make {expected} bytes, but the file has {}",
            file.len()
        )));
    }
    let body = &file[start + hl..file.len() - 32];
    parse(h, body)
}

/// Read a file that must be of `step`.
pub fn decode_step(file: &[u8], step: Step) -> Result<Message, PsiError> {
    let m = decode(file)?;
    if m.step() != step {
        return Err(PsiError::WrongStep {
            expected: step,
            found: m.step(),
        });
    }
    Ok(m)
}

/// A name a side gives itself: at most 200 characters, no control characters
/// (it is shown on the other side's consent screen and terminal).
pub fn check_name(name: &str) -> Result<(), PsiError> {
    if name.chars().count() > 200 {
        return Err(PsiError::BadName { why: "too long" });
    }
    if name.chars().any(char::is_control) {
        return Err(PsiError::BadName {
            why: "holding control characters",
        });
    }
    Ok(())
}

/// Read a request file.
pub fn decode_request(file: &[u8]) -> Result<Request, PsiError> {
    match decode_step(file, Step::Request)? {
        Message::Request(r) => Ok(r),
        _ => unreachable!("decode_step checked the step"),
    }
}

/// Read an answer file.
pub fn decode_answer(file: &[u8]) -> Result<Answer, PsiError> {
    match decode_step(file, Step::Answer)? {
        Message::Answer(a) => Ok(a),
        _ => unreachable!("decode_step checked the step"),
    }
}

/// Read a result file.
pub fn decode_result(file: &[u8]) -> Result<Finished, PsiError> {
    match decode_step(file, Step::Result)? {
        Message::Result(f) => Ok(f),
        _ => unreachable!("decode_step checked the step"),
    }
}

fn header_error(why: impl Into<String>) -> PsiError {
    PsiError::Header(why.into())
}

fn counts(m: &Option<BTreeMap<String, u32>>, what: &str) -> Result<[Option<u32>; 3], PsiError> {
    let m = m
        .as_ref()
        .ok_or_else(|| header_error(format!("the {what}'s population sizes are missing")))?;
    let mut out = [None; 3];
    for (k, n) in m {
        let p = Population::from_key(k).ok_or_else(|| {
            header_error(format!(
                "unknown population \"{k}\" in the {what}'s sizes: expected {}",
                Population::expected()
            ))
        })?;
        out[crate::overlap::figures::population_index(p)] = Some(*n);
    }
    Ok(out)
}

fn total(c: &[Option<u32>; 3]) -> u64 {
    c.iter().flatten().map(|n| u64::from(*n)).sum()
}

/// The body's length the header declares (u64: a forged header must not
/// overflow a 32-bit `usize`).
fn body_len(h: &Header) -> Result<u64, PsiError> {
    let step = Step::from_key(&h.step)
        .ok_or_else(|| header_error(format!("unknown step \"{}\"", h.step)))?;
    Ok(match step {
        Step::Request => 32 * total(&counts(&h.requester, "requester")?),
        Step::Answer => {
            32 * (total(&counts(&h.requester, "requester")?)
                + total(&counts(&h.responder, "responder")?))
        }
        Step::Result => 5 * u64::from(h.shared.unwrap_or(0)),
    })
}

fn session(text: &str) -> Result<SessionId, PsiError> {
    let mut id = [0u8; 16];
    hex::decode_to_slice(text, &mut id)
        .map_err(|_| header_error(format!("the session id \"{text}\" is not 32 hex digits")))?;
    Ok(SessionId(id))
}

fn digest_field(text: &Option<String>) -> Result<Digest32, PsiError> {
    let text = text
        .as_deref()
        .ok_or_else(|| header_error("the digest of the file it answers is missing"))?;
    let mut d = [0u8; 32];
    hex::decode_to_slice(text, &mut d)
        .map_err(|_| header_error("the digest of the file it answers is not 64 hex digits"))?;
    Ok(d)
}

fn mode(text: &Option<String>) -> Result<Mode, PsiError> {
    let text = text
        .as_deref()
        .ok_or_else(|| header_error("the mode is missing"))?;
    Mode::from_key(text).ok_or_else(|| {
        header_error(format!(
            "unknown mode \"{text}\": expected {}",
            Mode::expected()
        ))
    })
}

fn take_points(body: &mut &[u8], c: &[Option<u32>; 3]) -> Populations {
    c.map(|n| {
        n.map(|n| {
            let (these, rest) = body.split_at(32 * n as usize);
            *body = rest;
            these
                .chunks_exact(32)
                .map(|c| c.try_into().expect("32 bytes"))
                .collect()
        })
    })
}

fn parse(h: Header, mut body: &[u8]) -> Result<Message, PsiError> {
    let session = session(&h.session)?;
    let from = || {
        let name = h
            .from
            .clone()
            .ok_or_else(|| header_error("who sent it (\"from\") is missing"))?;
        check_name(&name)?;
        Ok::<String, PsiError>(name)
    };
    Ok(
        match Step::from_key(&h.step).expect("checked by body_len") {
            Step::Request => Message::Request(Request {
                session,
                mode: mode(&h.mode)?,
                from: from()?,
                min_size: h
                    .min_size
                    .ok_or_else(|| header_error("the minimum list size is missing"))?,
                points: take_points(&mut body, &counts(&h.requester, "requester")?),
            }),
            Step::Answer => {
                let again = take_points(&mut body, &counts(&h.requester, "requester")?);
                let points = take_points(&mut body, &counts(&h.responder, "responder")?);
                Message::Answer(Answer {
                    session,
                    request: digest_field(&h.answers)?,
                    from: from()?,
                    again,
                    points,
                })
            }
            Step::Result => Message::Result(Finished {
                session,
                answer: digest_field(&h.answers)?,
                mode: mode(&h.mode)?,
                cells: h
                    .cells
                    .ok_or_else(|| header_error("the overlap matrix is missing"))?,
                shared: body
                    .chunks_exact(5)
                    .map(|c| SharedAt {
                        position: u32::from_le_bytes(c[..4].try_into().expect("4 bytes")),
                        mask: c[4],
                    })
                    .collect(),
            }),
        },
    )
}
