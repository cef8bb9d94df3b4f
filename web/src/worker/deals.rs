//! CRM deal exports in the background worker: the CSV read
//! (`pipeline::import::prepare`) and its rows read (`read_rows`: dates,
//! amounts, stages, partners named by their website, which needs the IDNA
//! tables), so neither the CSV reader nor those tables are in the page's
//! wasm and a 100,000-deal export never holds the page.
//!
//! The page sends the file once (`DealsRead`), then asks for its rows with
//! the workspace's currency and partners (`DealsBuild`, again whenever they
//! change, numbered); the worker answers with the rows in chunks of
//! [`CHUNK`] (`Deals`) and what the preview lists (`DealsBuilt`). The page
//! takes the rows in as one undoable edit.

use std::cell::RefCell;
use std::collections::HashMap;

use partnerfit_core::money::{Currency, Money};
use partnerfit_core::pipeline::import::{prepare, read_rows, DealRow, PreparedDeals};
use partnerfit_core::pipeline::{Attribution, DealKind, Stage};
use partnerfit_core::{Date, Id};
use serde::{Deserialize, Serialize};

use super::host::post;
use super::protocol::{FromWorker, LISTED};

/// Deal rows per message.
pub const CHUNK: usize = 2_000;

/// One deal row on the wire: every field of [`DealRow`] (the conversions
/// list every field, so a new one cannot be forgotten).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireDeal {
    pub line: usize,
    pub crm_id: String,
    pub name: String,
    pub account: String,
    pub domain: String,
    pub partner: Option<String>,
    pub partner_text: String,
    pub source: String,
    pub attribution: Attribution,
    pub kind: DealKind,
    pub amount_minor: i64,
    pub created: String,
    pub close: Option<String>,
    pub stage: Stage,
    pub stage_date: Option<String>,
}

impl From<DealRow> for WireDeal {
    fn from(d: DealRow) -> WireDeal {
        WireDeal {
            line: d.line,
            crm_id: d.crm_id,
            name: d.name,
            account: d.account,
            domain: d.domain,
            partner: d.partner.map(|p| p.to_string()),
            partner_text: d.partner_text,
            source: d.source,
            attribution: d.attribution,
            kind: d.kind,
            amount_minor: d.amount.minor(),
            created: d.created.to_string(),
            close: d.close.map(|c| c.to_string()),
            stage: d.stage,
            stage_date: d.stage_date.map(|c| c.to_string()),
        }
    }
}

impl TryFrom<WireDeal> for DealRow {
    type Error = String;

    fn try_from(d: WireDeal) -> Result<DealRow, String> {
        let date = |t: &str| Date::parse(t).map_err(|e| format!("line {}: {e}", d.line));
        let optional = |t: &Option<String>| t.as_deref().map(date).transpose();
        Ok(DealRow {
            line: d.line,
            partner: d
                .partner
                .as_deref()
                .map(Id::parse)
                .transpose()
                .map_err(|e| format!("line {}: {e}", d.line))?,
            created: date(&d.created)?,
            close: optional(&d.close)?,
            stage_date: optional(&d.stage_date)?,
            crm_id: d.crm_id,
            name: d.name,
            account: d.account,
            domain: d.domain,
            partner_text: d.partner_text,
            source: d.source,
            attribution: d.attribution,
            kind: d.kind,
            amount: Money(d.amount_minor),
            stage: d.stage,
        })
    }
}

/// What the preview lists of an export's rows (every row was sent before).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealsSummary {
    /// Rows read.
    pub rows: usize,
    /// The first [`LISTED`] rows left out, as sentences, and how many in all.
    pub bad: Vec<String>,
    pub bad_total: usize,
    /// The first [`LISTED`] notes, and how many in all.
    pub notes: Vec<String>,
    pub notes_total: usize,
}

/// The workspace's partners as the reading needs them: id, name, website.
pub type WirePartner = [String; 3];

thread_local! {
    /// Deal exports read, per job.
    static PREPARED: RefCell<HashMap<u32, PreparedDeals>> = RefCell::default();
}

/// `DealsRead`: read the export and keep it for `job`.
pub fn read(job: u32, bytes: &[u8]) {
    match prepare(bytes) {
        Ok(p) => {
            let rows = p.table.rows.len();
            PREPARED.with_borrow_mut(|k| k.insert(job, p));
            post(&FromWorker::DealsPrepared { job, rows }, None);
        }
        Err(e) => post(
            &FromWorker::Failed {
                job,
                message: e.to_string(),
            },
            None,
        ),
    }
}

/// `DealsBuild`: read the kept export's rows in `currency` for `partners`
/// and send them, then the summary, tagged `build`.
pub fn build(job: u32, build: u32, currency: &str, partners: &[WirePartner]) {
    let partners: Vec<(Id, String, String)> = partners
        .iter()
        .filter_map(|[id, name, site]| Some((Id::parse(id).ok()?, name.clone(), site.clone())))
        .collect();
    let read = PREPARED.with_borrow(|k| {
        k.get(&job).map(|p| {
            let currency = Currency::parse(currency).map_err(|e| e.to_string())?;
            read_rows(p, &p.mapping, currency, &partners).map_err(|e| e.to_string())
        })
    });
    let read = match read {
        Some(Ok(r)) => r,
        Some(Err(message)) => {
            post(&FromWorker::Failed { job, message }, None);
            return;
        }
        None => {
            let message = "The deal export is no longer held in the background worker (it was restarted); pick the file again.".to_owned();
            post(&FromWorker::Failed { job, message }, None);
            return;
        }
    };
    let summary = DealsSummary {
        rows: read.rows.len(),
        bad: read
            .bad
            .iter()
            .take(LISTED)
            .map(|b| b.to_string())
            .collect(),
        bad_total: read.bad.len(),
        notes: read
            .notes
            .iter()
            .take(LISTED)
            .map(|n| n.to_string())
            .collect(),
        notes_total: read.notes.len(),
    };
    let mut rows = read.rows.into_iter().map(WireDeal::from).peekable();
    while rows.peek().is_some() {
        let chunk: Vec<WireDeal> = rows.by_ref().take(CHUNK).collect();
        post(
            &FromWorker::Deals {
                job,
                build,
                rows: chunk,
            },
            None,
        );
    }
    post(
        &FromWorker::DealsBuilt {
            job,
            build,
            summary,
        },
        None,
    );
}

/// `Forget`: drop what is kept for `job`.
pub fn forget(job: u32) {
    PREPARED.with_borrow_mut(|k| k.remove(&job));
}
