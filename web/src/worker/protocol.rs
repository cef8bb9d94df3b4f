//! The messages between the page and the background worker.
//!
//! A message is a JS array `[json, data]`: the JSON of a [`ToWorker`] or a
//! [`FromWorker`], and `data`, a `Uint32Array` for the numeric bulk (the
//! matched pairs, transferred rather than copied) or `null`. Account rows go
//! in chunks of [`CHUNK`] so that no single encode or decode holds the page
//! for long.

use std::borrow::Cow;

use partnerfit_core::format::pieces::Kind;
use partnerfit_core::money::{Currency, Money};
use partnerfit_core::overlap::account::{Account, PopulationSource};
use partnerfit_core::overlap::columns::{Field, Mapping};
use partnerfit_core::overlap::matching::{Pair, Reason};
use partnerfit_core::overlap::population::Population;
use partnerfit_core::vocab::Vocabulary;
use serde::{Deserialize, Serialize};

use super::deals::{DealsSummary, WireDeal, WirePartner};
use super::psi::{PsiRow, WireOutcome, WireRequest};
use partnerfit_core::overlap::private::terms::Mode;

/// Rows per message.
pub const CHUNK: usize = 4_000;

/// Which side of the mapping a chunk belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Ours,
    Theirs,
}

/// From the page to the worker. A job's messages arrive in order: its
/// account chunks, then `Match`.
#[derive(Debug, Serialize, Deserialize)]
pub enum ToWorker<'a> {
    /// The next accounts of one side: name, domain (as written), country.
    Accounts {
        job: u32,
        side: Side,
        rows: Vec<[Cow<'a, str>; 3]>,
    },
    /// Match every account sent for `job`.
    Match { job: u32 },
    /// Read a CSV export (its bytes are the message's data) and keep it for
    /// `job`'s previews and build.
    CsvRead { job: u32 },
    /// What importing the kept CSV with these choices would give.
    CsvPreview { job: u32, choice: CsvChoice },
    /// Build the accounts with these choices and send them.
    CsvBuild { job: u32, choice: CsvChoice },
    /// Forget what the worker keeps for `job`.
    Forget { job: u32 },
    /// Which of a pilot's accounts (name, website) each deal's company
    /// (name, website) is, by the account mapping's matching.
    LinkDeals {
        job: u32,
        accounts: Vec<[Cow<'a, str>; 2]>,
        companies: Vec<[Cow<'a, str>; 2]>,
    },
    /// Read a workspace file (its bytes are the message's data) and send
    /// the workspace back in pieces (`format::pieces`).
    ReadWorkspace { job: u32 },
    /// The next piece of a workspace the page sends (its UTF-8 text is the
    /// message's data), for `Export` or `Pack`.
    Piece { job: u32, kind: Kind },
    /// Write the workspace sent in pieces as a workspace file.
    Export { job: u32 },
    /// Pack the workspace sent in pieces as a snapshot.
    Pack { job: u32 },
    /// Read a CRM deal export (its bytes are the message's data) and keep
    /// it for `job` (see [`super::deals`]).
    DealsRead { job: u32 },
    /// Read the kept export's rows in `currency` (ISO code), attributing
    /// deals to `partners`; the replies carry `build`.
    DealsBuild {
        job: u32,
        build: u32,
        currency: String,
        partners: Vec<WirePartner>,
    },
    /// The next accounts of a private comparison (see [`super::psi`]).
    PsiAccounts { job: u32, rows: Vec<PsiRow<'a>> },
    /// Step 1 over the accounts sent: the request and what we keep.
    PsiStart {
        job: u32,
        mode: Mode,
        from: String,
        min_size: u32,
        /// 32 random bytes: the session's secret.
        seed: [u8; 32],
    },
    /// Read a request (the data) for the consent screen.
    PsiShow { job: u32 },
    /// The request file again from what it kept (`Asked`, JSON).
    PsiAgain { job: u32, asked: String },
    /// Step 2: answer the request (the data) with the accounts sent, those
    /// of `populations` only.
    PsiAnswer {
        job: u32,
        from: String,
        populations: Vec<Population>,
        seed: [u8; 32],
    },
    /// Step 3: finish with the answer (the data); `asked` is what the
    /// request kept (JSON).
    PsiFinish { job: u32, asked: String },
    /// Read the result (the data) with the one of the kept answers
    /// (`Answered`, JSON) it answers.
    PsiRead { job: u32, answered: Vec<String> },
}

/// How a CSV export becomes accounts: the user's choices on the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CsvChoice {
    /// Column per field.
    pub mapping: Vec<(Field, usize)>,
    /// True: every account gets `population`; false: the status column
    /// decides, `population` when it says nothing.
    pub fixed: bool,
    pub population: Population,
    /// The workspace's currency (ISO code), for annual revenues.
    pub currency: Option<String>,
}

impl CsvChoice {
    pub fn new(
        mapping: &Mapping,
        population: PopulationSource,
        currency: Option<Currency>,
    ) -> CsvChoice {
        let (fixed, population) = match population {
            PopulationSource::Fixed(p) => (true, p),
            PopulationSource::StatusColumn { fallback } => (false, fallback),
        };
        CsvChoice {
            mapping: mapping.0.iter().map(|(f, c)| (*f, *c)).collect(),
            fixed,
            population,
            currency: currency.map(|c| c.code().to_owned()),
        }
    }

    pub fn mapping(&self) -> Mapping {
        Mapping(self.mapping.iter().copied().collect())
    }

    pub fn population(&self) -> PopulationSource {
        if self.fixed {
            PopulationSource::Fixed(self.population)
        } else {
            PopulationSource::StatusColumn {
                fallback: self.population,
            }
        }
    }

    pub fn currency(&self) -> Option<Currency> {
        self.currency
            .as_deref()
            .and_then(|c| Currency::parse(c).ok())
    }
}

/// A CSV export as read: what the page shows before the mapping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CsvTable {
    pub encoding: String,
    pub delimiter: u8,
    pub header_line: usize,
    pub headers: Vec<String>,
    pub rows: usize,
    /// The guessed column per field.
    pub mapping: Vec<(Field, usize)>,
}

/// Problems listed on the page, at most this many.
pub const LISTED: usize = 50;

/// What an import with some choices gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CsvPreview {
    /// Accounts per population, in [`Population::ALL`]'s order.
    pub per_population: Vec<usize>,
    /// The first [`LISTED`] rows skipped, as sentences, and how many in all.
    pub bad: Vec<String>,
    pub bad_total: usize,
    /// The first [`LISTED`] accounts kept without their revenue, and how many.
    pub notes: Vec<String>,
    pub notes_total: usize,
}

impl CsvPreview {
    pub fn accounts(&self) -> usize {
        self.per_population.iter().sum()
    }
}

/// One account on the wire: every field of [`Account`], so an account
/// crosses unchanged (the conversion back lists every field, so a new one
/// cannot be forgotten).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireAccount {
    pub line: usize,
    pub name: String,
    pub domain: String,
    pub country: String,
    pub population: Population,
    pub status: String,
    pub owner: String,
    pub industry: String,
    pub employees: String,
    pub revenue_minor: Option<i64>,
}

impl From<Account> for WireAccount {
    fn from(a: Account) -> WireAccount {
        WireAccount {
            line: a.line,
            name: a.name,
            domain: a.domain,
            country: a.country,
            population: a.population,
            status: a.status,
            owner: a.owner,
            industry: a.industry,
            employees: a.employees,
            revenue_minor: a.annual_revenue.map(Money::minor),
        }
    }
}

impl From<WireAccount> for Account {
    fn from(a: WireAccount) -> Account {
        Account {
            line: a.line,
            name: a.name,
            domain: a.domain,
            country: a.country,
            population: a.population,
            status: a.status,
            owner: a.owner,
            industry: a.industry,
            employees: a.employees,
            annual_revenue: a.revenue_minor.map(Money),
        }
    }
}

/// From the worker to the page.
#[derive(Debug, Serialize, Deserialize)]
pub enum FromWorker {
    /// `done` of the worker's share of the job, 0 to 1.
    Progress { job: u32, what: String, done: f64 },
    /// The next accounts' identities (what match decisions are keyed on),
    /// in the order the accounts were sent.
    Identities {
        job: u32,
        side: Side,
        ids: Vec<String>,
    },
    /// The job is done; `data` holds its pairs, [`PAIR_WORDS`] numbers each.
    Matched { job: u32, pairs: usize },
    /// The CSV was read.
    CsvRead { job: u32, table: CsvTable },
    /// The answer to a `CsvPreview`; `Err` when the choices cannot import.
    CsvPreview {
        job: u32,
        choice: CsvChoice,
        preview: Result<CsvPreview, String>,
    },
    /// The next built accounts, in order.
    Accounts { job: u32, rows: Vec<WireAccount> },
    /// Every account of the build was sent; `preview` sums it up. `data`
    /// holds the accounts' part as the save stores it (UTF-8 JSON, see
    /// `StoredEncoder::prime`), unless it could not be made.
    CsvBuilt {
        job: u32,
        /// The choices the accounts were built with.
        choice: CsvChoice,
        /// The file format the part was made for: a worker of another
        /// version (a deployment since the page loaded) makes parts the
        /// page must not store.
        format_version: u32,
        preview: Result<CsvPreview, String>,
    },
    /// For each company of a `LinkDeals`, the index of its account.
    DealsLinked { job: u32, links: Vec<Option<usize>> },
    /// The workspace file was read; `pieces` pieces follow, in order.
    WorkspaceRead {
        job: u32,
        /// The version the file had, when older than the current one.
        migrated_from: Option<u32>,
        pieces: usize,
    },
    /// The workspace file cannot be imported: every problem, one per line.
    WorkspaceRefused { job: u32, lines: Vec<String> },
    /// The next piece of the workspace read (its UTF-8 text is the data).
    Piece { job: u32, kind: Kind },
    /// The workspace file written (its bytes are the data).
    Exported { job: u32 },
    /// The snapshot packed (its text, UTF-8, is the data).
    Packed { job: u32 },
    /// The deal export was read: `rows` rows under its header.
    DealsPrepared { job: u32, rows: usize },
    /// The next deal rows of build `build`, in order.
    Deals {
        job: u32,
        build: u32,
        rows: Vec<WireDeal>,
    },
    /// Every row of build `build` was sent; what the preview lists.
    DealsBuilt {
        job: u32,
        build: u32,
        summary: DealsSummary,
    },
    /// The request was made (its bytes are the data); `asked` is what we
    /// keep until the answer (JSON, holds the secret).
    PsiStarted { job: u32, asked: String },
    /// The request file again (the data).
    PsiAgain { job: u32 },
    /// The core refused a step's file or list; the message says why.
    PsiRefused { job: u32, message: String },
    /// A request, as the consent screen shows it.
    PsiRequest { job: u32, request: WireRequest },
    /// The answer was made (the data); `answered` is what the partner keeps.
    PsiAnswered { job: u32, answered: String },
    /// The comparison finished: the result for the partner is the data;
    /// `asked` is what we keep now (its secret erased).
    PsiFinished {
        job: u32,
        asked: String,
        outcome: WireOutcome,
    },
    /// The result was read, with the kept answer at `index`.
    PsiOutcome {
        job: u32,
        index: usize,
        outcome: WireOutcome,
    },
    /// The job failed; the message says why, for the user.
    Failed { job: u32, message: String },
}

impl FromWorker {
    pub fn job(&self) -> u32 {
        match self {
            FromWorker::Progress { job, .. }
            | FromWorker::Identities { job, .. }
            | FromWorker::Matched { job, .. }
            | FromWorker::CsvRead { job, .. }
            | FromWorker::CsvPreview { job, .. }
            | FromWorker::Accounts { job, .. }
            | FromWorker::CsvBuilt { job, .. }
            | FromWorker::DealsLinked { job, .. }
            | FromWorker::WorkspaceRead { job, .. }
            | FromWorker::WorkspaceRefused { job, .. }
            | FromWorker::Piece { job, .. }
            | FromWorker::Exported { job }
            | FromWorker::Packed { job }
            | FromWorker::DealsPrepared { job, .. }
            | FromWorker::Deals { job, .. }
            | FromWorker::DealsBuilt { job, .. }
            | FromWorker::PsiStarted { job, .. }
            | FromWorker::PsiAgain { job }
            | FromWorker::PsiRefused { job, .. }
            | FromWorker::PsiRequest { job, .. }
            | FromWorker::PsiAnswered { job, .. }
            | FromWorker::PsiFinished { job, .. }
            | FromWorker::PsiOutcome { job, .. }
            | FromWorker::Failed { job, .. } => *job,
        }
    }
}

/// Numbers per pair in a `Matched` message's data.
pub const PAIR_WORDS: usize = 4;

/// Pairs as numbers: ours, theirs, the reason's index, the confidence.
pub fn pairs_to_words(pairs: &[Pair]) -> Vec<u32> {
    let mut out = Vec::with_capacity(pairs.len() * PAIR_WORDS);
    for p in pairs {
        let reason = Reason::ALL.iter().position(|r| *r == p.reason).unwrap_or(0);
        out.extend([p.ours, p.theirs, reason as u32, u32::from(p.confidence)]);
    }
    out
}

/// Why a `Matched` message's numbers cannot be pairs.
#[derive(Debug, PartialEq, Eq)]
pub struct BadPairs;

impl std::fmt::Display for BadPairs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the background worker sent matches this page cannot read (reload the page: it may be from another version)")
    }
}

/// The inverse of [`pairs_to_words`], checking every index against the
/// number of accounts on each side.
pub fn pairs_from_words(words: &[u32], ours: usize, theirs: usize) -> Result<Vec<Pair>, BadPairs> {
    if !words.len().is_multiple_of(PAIR_WORDS) {
        return Err(BadPairs);
    }
    words
        .chunks_exact(PAIR_WORDS)
        .map(|w| {
            let reason = *Reason::ALL.get(w[2] as usize).ok_or(BadPairs)?;
            if w[0] as usize >= ours || w[1] as usize >= theirs || w[3] > 100 {
                return Err(BadPairs);
            }
            Ok(Pair {
                ours: w[0],
                theirs: w[1],
                reason,
                confidence: w[3] as u8,
            })
        })
        .collect()
}
