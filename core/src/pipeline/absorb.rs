//! Taking a CRM export's deals into the pipeline.
//!
//! Rules:
//! - **An export is a snapshot.** A row updates the opportunity with its
//!   CRM id, or becomes a new one; one opportunity per CRM id (a row whose
//!   id an earlier row of the same export had is skipped, and rows without
//!   an id are, too). Opportunities the export does not list are left as
//!   they are: exports are often filtered.
//! - **A new deal** gets a fresh `opp-…` id (from the caller's entropy, one
//!   derived value per row, never an id already taken) and the history
//!   `[its stage, dated the row's stage date, else its created date]`.
//! - **A known deal** whose stage differs enters the new stage on the row's
//!   stage date, else on the export's date (the stage was entered on or
//!   before the day the export was taken); name, company, domain, amount,
//!   close date and deal type take the row's values; partner and
//!   attribution are worked out again only when the row's partner or source
//!   text differs from what the opportunity holds, so a hand edit of the
//!   attribution survives re-imports of the same data. Qualification
//!   judgments, next actions and the created date are kept.
//! - **Taking the same export twice changes nothing**: when no deal was
//!   created or updated the pipeline returned equals the one given and no
//!   [`ExportTaken`] is added. Opportunities that did not change are shared
//!   (the same `Arc`), not copied.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::import::DealRow;
use super::{Attribution, ExportTaken, Opportunity, Pipeline, StageEntry};
use crate::date::Date;
use crate::format::limits::SHORT_TEXT;
use crate::id::Id;

/// The pipeline after an export, and what the export did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Absorbed {
    pub pipeline: Pipeline,
    pub taken: ExportTaken,
}

/// One well-mixed value per row from the caller's entropy (SplitMix64).
fn row_entropy(entropy: u64, row: usize) -> u64 {
    let mut z = entropy.wrapping_add((row as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A new opportunity from a row.
fn opened(id: Id, row: &DealRow) -> Opportunity {
    let since = row
        .stage_date
        .filter(|d| *d >= row.created)
        .unwrap_or(row.created);
    Opportunity {
        id,
        crm_id: row.crm_id.clone(),
        name: row.name.clone(),
        account: row.account.clone(),
        domain: row.domain.clone(),
        partner: row.partner.clone(),
        partner_text: row.partner_text.clone(),
        source: row.source.clone(),
        attribution: row.attribution,
        kind: row.kind,
        amount: row.amount,
        created: row.created,
        close: row.close,
        history: vec![StageEntry {
            stage: row.stage,
            date: since,
        }],
        qualified: None,
        next_actions: Vec::new(),
    }
}

/// `old` as the row describes it on `date`, or `None` when nothing changes.
fn updated(old: &Opportunity, row: &DealRow, date: Date) -> Option<Opportunity> {
    // Re-attributed when the export's words changed, or when they now name
    // a partner of the workspace a direct deal did not have (added since).
    let reattribute = row.partner_text != old.partner_text
        || row.source != old.source
        || (old.partner.is_none()
            && row.partner.is_some()
            && old.attribution == Attribution::Direct);
    let same = !reattribute
        && old.stage() == row.stage
        && old.name == row.name
        && old.account == row.account
        && old.domain == row.domain
        && old.amount == row.amount
        && old.close == row.close
        && old.kind == row.kind;
    if same {
        return None;
    }
    let mut o = old.clone();
    o.name.clone_from(&row.name);
    o.account.clone_from(&row.account);
    o.domain.clone_from(&row.domain);
    o.amount = row.amount;
    o.close = row.close;
    o.kind = row.kind;
    if reattribute {
        o.partner_text.clone_from(&row.partner_text);
        o.source.clone_from(&row.source);
        o.partner.clone_from(&row.partner);
        o.attribution = row.attribution;
    }
    o.enter(row.stage, row.stage_date.unwrap_or(date));
    Some(o)
}

/// Take the rows of an export taken from the CRM on `date` (named
/// `file_name`) into `pipeline`; `entropy` seeds the new deals' ids.
pub fn absorb(
    pipeline: &Pipeline,
    rows: &[DealRow],
    date: Date,
    file_name: &str,
    entropy: u64,
) -> Absorbed {
    let mut absorbing = Absorbing::new(pipeline, rows, date, file_name, entropy);
    absorbing.step(rows.len());
    absorbing.finish()
}

/// [`absorb`] a slice of rows at a time: the browser takes an export of
/// 100,000 deals in without a long task. [`step`](Self::step) as often as
/// it takes, then [`finish`](Self::finish); the result is [`absorb`]'s.
pub struct Absorbing<'a> {
    pipeline: &'a Pipeline,
    rows: &'a [DealRow],
    date: Date,
    file_name: &'a str,
    entropy: u64,
    by_crm: HashMap<&'a str, usize>,
    opportunities: Vec<Arc<Opportunity>>,
    taken_ids: Option<HashSet<Id>>,
    seen: HashSet<&'a str>,
    created: u32,
    changed: u32,
    unchanged: u32,
    /// The next row to take.
    next: usize,
}

impl<'a> Absorbing<'a> {
    pub fn new(
        pipeline: &'a Pipeline,
        rows: &'a [DealRow],
        date: Date,
        file_name: &'a str,
        entropy: u64,
    ) -> Self {
        let mut by_crm = HashMap::with_capacity(pipeline.opportunities.len());
        for (i, o) in pipeline.opportunities.iter().enumerate() {
            if !o.crm_id.is_empty() {
                by_crm.entry(o.crm_id.as_str()).or_insert(i);
            }
        }
        Absorbing {
            pipeline,
            rows,
            date,
            file_name,
            entropy,
            by_crm,
            opportunities: pipeline.opportunities.clone(),
            taken_ids: None,
            seen: HashSet::with_capacity(rows.len()),
            created: 0,
            changed: 0,
            unchanged: 0,
            next: 0,
        }
    }

    /// The opportunities as they stand (all of them, the pipeline's and
    /// the new ones, once every row is taken).
    pub fn opportunities(&self) -> &[Arc<Opportunity>] {
        &self.opportunities
    }

    /// Rows taken, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.rows.len())
    }

    /// Take up to `n` more rows; `false` once every row is taken.
    pub fn step(&mut self, n: usize) -> bool {
        let end = self.next.saturating_add(n).min(self.rows.len());
        for i in self.next..end {
            self.take(i);
        }
        self.next = end;
        self.next < self.rows.len()
    }

    fn take(&mut self, i: usize) {
        let row = &self.rows[i];
        if row.crm_id.is_empty() || !self.seen.insert(row.crm_id.as_str()) {
            return;
        }
        if let Some(&at) = self.by_crm.get(row.crm_id.as_str()) {
            match updated(&self.opportunities[at], row, self.date) {
                Some(o) => {
                    self.opportunities[at] = Arc::new(o);
                    self.changed += 1;
                }
                None => self.unchanged += 1,
            }
            return;
        }
        let pipeline = self.pipeline;
        let taken = self.taken_ids.get_or_insert_with(|| {
            pipeline
                .opportunities
                .iter()
                .map(|o| o.id.clone())
                .collect()
        });
        let e = row_entropy(self.entropy, i);
        let mut id = Id::fresh("opp", e, std::iter::empty());
        if taken.contains(&id) {
            id = Id::fresh("opp", e, taken.iter());
        }
        taken.insert(id.clone());
        self.opportunities.push(Arc::new(opened(id, row)));
        self.created += 1;
    }

    /// The pipeline after the rows taken (every row, once `step` said so).
    pub fn finish(self) -> Absorbed {
        let taken = ExportTaken {
            date: self.date,
            file_name: self.file_name.chars().take(SHORT_TEXT).collect(),
            created: self.created,
            updated: self.changed,
            unchanged: self.unchanged,
        };
        let pipeline = self.pipeline;
        if self.created == 0 && self.changed == 0 {
            return Absorbed {
                pipeline: pipeline.clone(),
                taken,
            };
        }
        let mut imports = pipeline.imports.clone();
        imports.push(taken.clone());
        Absorbed {
            pipeline: Pipeline {
                expected_days: pipeline.expected_days.clone(),
                opportunities: self.opportunities,
                imports,
            },
            taken,
        }
    }
}
